/* The plan: each change a request makes, as one line of words, such as
 *   EndTime 2030-01-14T00:00:00Z -> 2030-01-17T00:00:00Z (+3 days; 17 days of the 30 allowed)
 *   InstanceCount of production 2 -> 4
 * Values the shape rules have reported are shown as they are: the plan
 * says what was asked for, the diagnostics whether it would be taken. */
#include "planner.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/format.h"
#include "base/memory.h"
#include "check/check_cross.h"
#include "check/duration.h"
#include "check/handler_time.h"
#include "check/timestamp.h"
#include "rules/model.h"

/* The longest value shown whole, in bytes; a longer one is shortened. */
enum { MAX_SHOWN = 200 };
_Static_assert(MAX_SHOWN + 3 <= sizeof ((struct quoted *)0)->text, "room for a value shown whole");

/* ---- lines ------------------------------------------------------------- */

void plan_init(struct plan *plan)
{
	memset(plan, 0, sizeof *plan);
}

void plan_free(struct plan *plan)
{
	for (size_t i = 0; i < plan->count; i++)
		free(plan->lines[i]);
	free(plan->lines);
	plan_init(plan);
}

/* Takes a line made elsewhere (NULL when memory ran out). */
static void take_line(struct plan *plan, char *line)
{
	if (line && plan->count == plan->capacity) {
		size_t capacity = plan->capacity ? plan->capacity * 2 : 8;
		char **lines = mem_realloc(plan->lines, capacity * sizeof *lines);
		if (!lines) {
			free(line);
			line = NULL;
		} else {
			plan->lines = lines;
			plan->capacity = capacity;
		}
	}
	if (!line) {
		plan->out_of_memory = true;
		return;
	}
	plan->lines[plan->count++] = line;
}

__attribute__((format(printf, 2, 3)))
static void add(struct plan *plan, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	take_line(plan, format_allocv(format, args));
	va_end(args);
}

void plan_change(struct planner *p, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	take_line(p->plan, format_allocv(format, args));
	va_end(args);
	p->changes++;
}

void plan_note(struct planner *p, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	take_line(p->plan, format_allocv(format, args));
	va_end(args);
}

/* ---- values as the plan shows them ---------------------------------------- */

/* Whether a value can be shown whole: an ARN or a bucket cut short says
 * little. The loader has made sure of valid UTF-8. */
static bool shown_whole(const struct scalar *scalar, bool quoted)
{
	if (scalar->len > MAX_SHOWN || strlen(scalar->text) != scalar->len)
		return false;
	for (const char *c = scalar->text; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f || (quoted && (*c == '"' || *c == '\\')))
			return false;
	return true;
}

struct quoted plan_value_text(const struct planner *p, const struct node *node, bool quoted)
{
	static const char *const kinds[] = {
		[NODE_MAPPING] = "(a mapping)", [NODE_SEQUENCE] = "(a list)",
	};
	const char *word = !node ? "none"
		: p->kind->deployed_value(node) ? "(set when deployed)"
		: node->kind != NODE_SCALAR ? kinds[node->kind] : NULL;

	if (word)
		return shorten(word, strlen(word));
	if (shown_whole(&node->scalar, quoted)) {
		struct quoted whole;
		snprintf(whole.text, sizeof whole.text, quoted ? "\"%s\"" : "%s", node->scalar.text);
		return whole;
	}
	return quoted ? quote(node->scalar.text, node->scalar.len)
		      : shorten(node->scalar.text, node->scalar.len);
}

struct quoted name_text(const struct planner *p, const struct node *name)
{
	return plan_value_text(p, name, false);
}

void join_names(const struct planner *p, struct strbuf *b, const struct node *list, const char *member,
		bool (*keep)(const struct node *item, const void *context),
		const void *context)
{
	size_t kept = 0, total = 0;

	for (size_t i = 0; i < item_count(list); i++)
		total += !keep || keep(item_at(list, i), context);
	for (size_t i = 0; i < item_count(list); i++) {
		const struct node *it = item_at(list, i);
		if (keep && !keep(it, context))
			continue;
		if (kept)
			strbuf_puts(b, kept + 1 == total ? " and " : ", ");
		/* An item known only once deployed has no member to show. */
		strbuf_puts(b, name_text(p, member && !p->kind->deployed_value(it)
					    ? node_member(it, member) : it).text);
		kept++;
	}
	if (!kept)
		strbuf_puts(b, "none");
}

void take_buffer(struct planner *p, struct strbuf *b, bool is_change)
{
	if (b->failed) {
		strbuf_free(b);
		p->plan->out_of_memory = true;
		return;
	}
	take_line(p->plan, strbuf_take(b));
	p->changes += is_change;
}

bool plan_time_of(const struct planner *p, const struct node *node, double *seconds)
{
	/* A template's times are read by CloudFormation's resource handler,
	 * to which a number is no epoch seconds. */
	if (node && kind_is_resource(p->kind->id))
		return handler_time_instant(node, seconds);
	return node && timestamp_from_node(node, p->now, seconds);
}

/* ---- new experiments ------------------------------------------------------ */

/* "the experiment NAME with variants a and b, for 14 days from T". */
static void describe_new(struct strbuf *b, const struct planner *p,
			 const struct node *properties)
{
	const struct node *variants = node_member(properties, "ModelVariants");
	const struct node *start = node_dig(properties, "Schedule", "StartTime", NULL);
	const struct node *end = node_dig(properties, "Schedule", "EndTime", NULL);
	double from, to;

	const struct node *name = node_member(properties, "Name");

	if (!name || p->kind->deployed_value(name)) {
		strbuf_puts(b, name ? "an experiment named when deployed" : "an experiment without a Name");
	} else {
		strbuf_puts(b, "the experiment ");
		strbuf_puts(b, name_text(p, name).text);
	}
	strbuf_puts(b, item_count(variants) ? " with variants " : " with ");
	if (variants && p->kind->deployed_value(variants))
		strbuf_puts(b, "variants known when deployed");
	else if (item_count(variants))
		join_names(p, b, variants, "VariantName", NULL, NULL);
	else
		strbuf_puts(b, "no variants");
	if (!node_member(properties, "Schedule")) {
		strbuf_puts(b, ", no ");
		strbuf_puts(b, naming_member(p->kind->naming, "Schedule"));
		strbuf_puts(b, " given");
	} else if (plan_time_of(p, start, &from) && plan_time_of(p, end, &to) && to > from) {
		strbuf_puts(b, ", for ");
		strbuf_puts(b, duration_text(to - from).text);
		strbuf_puts(b, " from ");
		strbuf_puts(b, timestamp_format(from).text);
	}
}

/* ---- the plan ------------------------------------------------------------ */

/* One experiment the document declares: a new one is described; a
 * request for one that exists is compared with it (--current). */
static void plan_declared(const struct declared *declared, void *context)
{
	struct planner *p = context;
	const struct node *members = declared->members;
	struct plan *plan = p->plan;
	struct strbuf b = STRBUF_INIT;

	p->found++;
	if (p->kind->id == KIND_CLOUDFORMATION && !plan_template(p, declared))
		return;
	if (declared->op == OPERATION_CREATE) {
		if (declared->label) {
			strbuf_puts(&b, declared->label);
			strbuf_puts(&b, " declares ");
		} else {
			strbuf_puts(&b, "creates ");
		}
		describe_new(&b, p, members);
		take_buffer(p, &b, true);
		return;
	}
	if (!p->current) {
		plan->needs_current = true;
		add(plan, "not planned: give the experiment's description with --current to "
			  "compare this %s request with", operation_name(declared->op));
		return;
	}
	if (names_another(members, p->current)) {
		add(plan, "not planned: the request names another experiment than the one "
			  "--current describes");
		return;
	}
	p->request = members;
	if (declared->op == OPERATION_STOP)
		plan_stop(p);
	else
		plan_update(p);
	if (p->changes == 0) {
		bool out_of_memory = plan->out_of_memory;
		plan_free(plan);
		plan->out_of_memory = out_of_memory;
		add(plan, "no change");
	}
}

void plan_build(struct plan *plan, const struct node *root, const struct kind *kind,
		enum operation op, const struct experiment_state *state)
{
	struct planner p = { plan, kind, root, state->current, root, state, state->now, 0, 0 };

	if (!root || root->kind != NODE_MAPPING)
		return;
	kind->walk(root, op, state, plan_declared, &p);
	if (!p.found)
		add(plan, "declares no inference experiment");
}
