/* The plan: each change a request makes, as one line of words, such as
 *   EndTime 2030-01-14T00:00:00Z -> 2030-01-17T00:00:00Z (+3 days; 17 days of the 30 allowed)
 *   InstanceCount of production 2 -> 4
 * Values the shape rules have reported are shown as they are: the plan
 * says what was asked for, the diagnostics whether it would be taken. */
#include "plan.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/format.h"
#include "base/memory.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "check/check_cross.h"
#include "check/duration.h"
#include "check/timestamp.h"
#include "rules/model.h"

enum { MAX_SCHEDULE_SECONDS = 30 * 24 * 3600 };

/* No list of a request or a description holds more than a few items; a
 * longer one (reported by the shape rules) is not compared item by item. */
enum { MAX_ITEMS = 16 };

/* The longest value shown whole, in bytes; a longer one is shortened. */
enum { MAX_SHOWN = 200 };
_Static_assert(MAX_SHOWN + 3 <= sizeof ((struct quoted *)0)->text, "room for a value shown whole");

struct planner {
	struct plan *plan;
	const struct node *request;
	const struct node *current; /* the description, or NULL */
	double now;
	size_t changes; /* lines that say something changes */
	size_t found;   /* experiments planned */
};

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

/* A line that says something changes. */
__attribute__((format(printf, 2, 3)))
static void change(struct planner *p, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	take_line(p->plan, format_allocv(format, args));
	va_end(args);
	p->changes++;
}

/* ---- reading ------------------------------------------------------------ */

static size_t item_count(const struct node *list)
{
	if (!list || list->kind != NODE_SEQUENCE || list->sequence.count > MAX_ITEMS)
		return 0;
	return list->sequence.count;
}

static const struct node *item(const struct node *list, size_t i)
{
	return list->sequence.items[i];
}

static bool same_scalar(const struct node *a, const struct node *b)
{
	return a && b && a->kind == NODE_SCALAR && b->kind == NODE_SCALAR &&
	       a->scalar.len == b->scalar.len &&
	       memcmp(a->scalar.text, b->scalar.text, a->scalar.len) == 0;
}

/* A template's value that only CloudFormation knows: !Ref X, {"Ref": X},
 * {"Fn::GetAtt": ...}. */
static bool deployed_value(const struct node *node)
{
	const struct node *key;

	if (node->kind == NODE_UNKNOWN || node->tag)
		return true;
	if (node->kind != NODE_MAPPING || node->mapping.count != 1)
		return false;
	key = node->mapping.pairs[0].key;
	return node_is_string(key) && (strcmp(key->scalar.text, "Ref") == 0 ||
				       strncmp(key->scalar.text, "Fn::", 4) == 0);
}

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

/* A value as the plan shows it: as written, quoted when it is free text;
 * escaped and shortened when it is long or holds control characters. */
static struct quoted value_text(const struct node *node, bool quoted)
{
	static const char *const kinds[] = {
		[NODE_MAPPING] = "(a mapping)", [NODE_SEQUENCE] = "(a list)",
	};
	const char *word = !node ? "none"
		: deployed_value(node) ? "(set when deployed)"
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

static struct quoted name_text(const struct node *name)
{
	return value_text(name, false);
}

/* The item of a list whose member `member` has the text of name. */
static const struct node *find_named(const struct node *list, const char *member,
				     const struct node *name)
{
	for (size_t i = 0; i < item_count(list); i++)
		if (same_scalar(node_member(item(list, i), member), name))
			return item(list, i);
	return NULL;
}

/* "a", "a and b", "a, b and c" of the texts of member in list's items
 * (or of the items themselves when member is NULL) that `keep` says. */
static void join_names(struct strbuf *b, const struct node *list, const char *member,
		       bool (*keep)(const struct node *item, const void *context),
		       const void *context)
{
	size_t kept = 0, total = 0;

	for (size_t i = 0; i < item_count(list); i++)
		total += !keep || keep(item(list, i), context);
	for (size_t i = 0; i < item_count(list); i++) {
		const struct node *it = item(list, i);
		if (keep && !keep(it, context))
			continue;
		if (kept)
			strbuf_puts(b, kept + 1 == total ? " and " : ", ");
		strbuf_puts(b, name_text(member ? node_member(it, member) : it).text);
		kept++;
	}
	if (!kept)
		strbuf_puts(b, "none");
}

static void take_buffer(struct planner *p, struct strbuf *b, bool is_change)
{
	if (b->failed) {
		strbuf_free(b);
		p->plan->out_of_memory = true;
		return;
	}
	take_line(p->plan, strbuf_take(b));
	p->changes += is_change;
}

/* "NAME OLD -> NEW" (with "of OWNER" after the name when there is one)
 * when the request gives a value other than the current one. */
static void compare(struct planner *p, const char *what, const struct node *owner,
		    const struct node *requested, const struct node *current, bool quoted)
{
	if (!requested || same_scalar(requested, current))
		return;
	change(p, "%s%s%s %s -> %s", what, owner ? " of " : "", owner ? name_text(owner).text : "",
	       value_text(current, quoted).text, value_text(requested, quoted).text);
}

/* ---- the schedule -------------------------------------------------------- */

static bool time_of(const struct planner *p, const struct node *node, double *seconds)
{
	return node && timestamp_from_node(node, p->now, seconds);
}

/* Writes "WHICH OLD -> NEW" for one of the schedule's times, and when
 * both are known " (+3 days" left open for more; false when it stays. */
static bool schedule_change(const struct planner *p, const char *which, struct strbuf *b,
			    bool *open)
{
	const struct node *requested = node_dig(p->request, "Schedule", which, NULL);
	const struct node *current = node_dig(p->current, "Schedule", which, NULL);
	double new_time, old_time;
	bool new_known = time_of(p, requested, &new_time);
	bool old_known = time_of(p, current, &old_time);

	*open = new_known && old_known;
	if (!requested || (*open && new_time == old_time))
		return false;
	strbuf_puts(b, which);
	strbuf_putc(b, ' ');
	strbuf_puts(b, old_known ? timestamp_format(old_time).text : value_text(current, false).text);
	strbuf_puts(b, " -> ");
	strbuf_puts(b, new_known ? timestamp_format(new_time).text
				 : value_text(requested, false).text);
	if (*open) {
		strbuf_puts(b, new_time > old_time ? " (+" : " (-");
		strbuf_puts(b, duration_text(fabs(new_time - old_time)).text);
	}
	return true;
}

/* The schedule's length once the request is taken: its times, else the
 * current ones. */
static bool new_length(const struct planner *p, double *length)
{
	double start, end;
	const struct node *s = node_dig(p->request, "Schedule", "StartTime", NULL);
	const struct node *e = node_dig(p->request, "Schedule", "EndTime", NULL);

	if (!time_of(p, s ? s : node_dig(p->current, "Schedule", "StartTime", NULL), &start) ||
	    !time_of(p, e ? e : node_dig(p->current, "Schedule", "EndTime", NULL), &end) ||
	    end <= start)
		return false;
	*length = end - start;
	return true;
}

/* The last line of the schedule also says how long it now lasts. */
static void plan_schedule(struct planner *p)
{
	static const char *const times[] = { "StartTime", "EndTime" };
	struct strbuf lines[2] = { STRBUF_INIT, STRBUF_INIT };
	bool changes[2], open[2];
	double length;
	size_t last;

	for (size_t i = 0; i < 2; i++)
		changes[i] = schedule_change(p, times[i], &lines[i], &open[i]);
	last = changes[1] ? 1 : 0;
	if (changes[last] && new_length(p, &length)) {
		strbuf_puts(&lines[last], open[last] ? "; " : " (");
		strbuf_puts(&lines[last], duration_text(length).text);
		strbuf_puts(&lines[last], length > MAX_SCHEDULE_SECONDS
			    ? ", more than the 30 allowed" : " of the 30 allowed");
		open[last] = true;
	}
	for (size_t i = 0; i < 2; i++) {
		if (!changes[i]) {
			strbuf_free(&lines[i]);
			continue;
		}
		if (open[i])
			strbuf_putc(&lines[i], ')');
		take_buffer(p, &lines[i], true);
	}
}

/* ---- variants ----------------------------------------------------------- */

static const struct node *variant_named(const struct node *variants, const struct node *name)
{
	return find_named(variants, "VariantName", name);
}

/* Model and infrastructure of a variant, against the current one's. */
static void compare_variant(struct planner *p, const struct node *requested,
			    const struct node *current)
{
	const struct node *name = node_member(requested, "VariantName");
	const struct node *new_config = node_dig(requested, "InfrastructureConfig",
					    "RealTimeInferenceConfig", NULL);
	const struct node *old_config = node_dig(current, "InfrastructureConfig",
					    "RealTimeInferenceConfig", NULL);

	compare(p, "ModelName", name, node_member(requested, "ModelName"),
		node_member(current, "ModelName"), false);
	compare(p, "InfrastructureType", name, node_dig(requested, "InfrastructureConfig",
						   "InfrastructureType", NULL),
		node_dig(current, "InfrastructureConfig", "InfrastructureType", NULL), false);
	compare(p, "InstanceType", name, node_member(new_config, "InstanceType"),
		node_member(old_config, "InstanceType"), false);
	compare(p, "InstanceCount", name, node_member(new_config, "InstanceCount"),
		node_member(old_config, "InstanceCount"), false);
}

static bool not_current(const struct node *variant, const void *current_variants)
{
	return !variant_named(current_variants, node_member(variant, "VariantName"));
}

/* An update names the variants whose model or infrastructure it changes;
 * the others stay as they are, so it removes none. */
static void plan_variants(struct planner *p)
{
	const struct node *requested = node_member(p->request, "ModelVariants");
	const struct node *current = node_member(p->current, "ModelVariants");
	struct strbuf b = STRBUF_INIT;
	bool adds = false;

	if (!requested)
		return;
	for (size_t i = 0; i < item_count(requested); i++) {
		const struct node *variant = item(requested, i);
		const struct node *old = variant_named(current, node_member(variant, "VariantName"));
		if (old)
			compare_variant(p, variant, old);
		else
			adds = true;
	}
	strbuf_puts(&b, "ModelVariants: adds ");
	join_names(&b, requested, "VariantName", not_current, current);
	strbuf_puts(&b, ", removes none");
	take_buffer(p, &b, adds);
}

/* ---- shadow mode --------------------------------------------------------- */

static void plan_shadow_mode(struct planner *p)
{
	const struct node *requested = node_member(p->request, "ShadowModeConfig");
	const struct node *current = node_member(p->current, "ShadowModeConfig");
	const struct node *new_shadows = node_member(requested, "ShadowModelVariants");
	const struct node *old_shadows = node_member(current, "ShadowModelVariants");
	const char *name_member = "ShadowModelVariantName";

	if (!requested)
		return;
	compare(p, "SourceModelVariantName", NULL, node_member(requested, "SourceModelVariantName"),
		node_member(current, "SourceModelVariantName"), false);
	for (size_t i = 0; i < item_count(new_shadows); i++) {
		const struct node *shadow = item(new_shadows, i);
		const struct node *name = node_member(shadow, name_member);
		const struct node *old = find_named(old_shadows, name_member, name);
		if (old)
			compare(p, "SamplingPercentage", name, node_member(shadow, "SamplingPercentage"),
				node_member(old, "SamplingPercentage"), false);
		else
			change(p, "%s becomes a shadow variant, with SamplingPercentage %s",
			       name_text(name).text,
			       value_text(node_member(shadow, "SamplingPercentage"), false).text);
	}
	for (size_t i = 0; new_shadows && i < item_count(old_shadows); i++) {
		const struct node *name = node_member(item(old_shadows, i), name_member);
		if (!find_named(new_shadows, name_member, name))
			change(p, "%s is no longer a shadow variant", name_text(name).text);
	}
}

/* ---- data capture --------------------------------------------------------- */

static bool absent_from(const struct node *type, const void *list)
{
	for (size_t i = 0; i < item_count(list); i++)
		if (same_scalar(item(list, i), type))
			return false;
	return true;
}

/* "JsonContentTypes: adds a, removes none" when the list given differs. */
static void compare_types(struct planner *p, const char *which, const struct node *requested,
			  const struct node *current)
{
	struct strbuf b = STRBUF_INIT;
	bool adds = false, removes = false;
	const struct node *list = node_member(requested, which);
	const struct node *old = node_member(current, which);

	if (!list)
		return;
	for (size_t i = 0; i < item_count(list); i++)
		adds |= absent_from(item(list, i), old);
	for (size_t i = 0; i < item_count(old); i++)
		removes |= absent_from(item(old, i), list);
	if (!adds && !removes) {
		return;
	}
	strbuf_puts(&b, which);
	strbuf_puts(&b, ": adds ");
	join_names(&b, list, NULL, absent_from, old);
	strbuf_puts(&b, ", removes ");
	join_names(&b, old, NULL, absent_from, list);
	take_buffer(p, &b, true);
}

static void plan_data_storage(struct planner *p)
{
	const struct node *requested = node_member(p->request, "DataStorageConfig");
	const struct node *current = node_member(p->current, "DataStorageConfig");

	if (!requested)
		return;
	compare(p, "Destination", NULL, node_member(requested, "Destination"),
		node_member(current, "Destination"), false);
	compare(p, "KmsKey", NULL, node_member(requested, "KmsKey"),
		node_member(current, "KmsKey"), false);
	compare_types(p, "CsvContentTypes", node_member(requested, "ContentType"),
		      node_member(current, "ContentType"));
	compare_types(p, "JsonContentTypes", node_member(requested, "ContentType"),
		      node_member(current, "ContentType"));
}

/* A description is free text: quoted, and when what fits in a line is
 * the same, only said to change. */
static void plan_description(struct planner *p)
{
	const struct node *requested = node_member(p->request, "Description");
	const struct node *current = node_member(p->current, "Description");

	if (!requested || same_scalar(requested, current))
		return;
	if (current && strcmp(value_text(requested, true).text, value_text(current, true).text) == 0)
		change(p, "Description changes (too long to show here)");
	else
		compare(p, "Description", NULL, requested, current, true);
}

static void plan_update(struct planner *p)
{
	plan_schedule(p);
	plan_description(p);
	plan_shadow_mode(p);
	plan_variants(p);
	plan_data_storage(p);
}

/* ---- stop ---------------------------------------------------------------- */

static bool is_action(const struct node *value, const char *action)
{
	return node_is_string(value) && strcmp(value->scalar.text, action) == 0;
}

/* "shadow (model fraud-model-v2)": a variant and the model it serves. */
static struct strbuf variant_words(const struct planner *p, const struct node *name)
{
	struct strbuf b = STRBUF_INIT;
	const struct node *variant = variant_named(node_member(p->current, "ModelVariants"), name);
	const struct node *model = node_member(variant, "ModelName");

	strbuf_puts(&b, name_text(name).text);
	if (model) {
		strbuf_puts(&b, " (model ");
		strbuf_puts(&b, name_text(model).text);
		strbuf_putc(&b, ')');
	}
	return b;
}

/* Promote, Remove or Retain, for one variant. */
static void plan_action(struct planner *p, const struct pair *action, const struct node *source)
{
	const struct node *desired = variant_named(node_member(p->request, "DesiredModelVariants"),
						   action->key);
	struct strbuf b = variant_words(p, action->key);
	const char *words = strbuf_text(&b);

	if (is_action(action->value, "Promote")) {
		bool replaces = node_is_string(source) && !same_scalar(source, action->key);
		/* The source variant promoted has production's infrastructure
		 * already; another is the shadow only when the source is known. */
		change(p, "promotes %s%s%s%s", words, replaces ? " in place of " : "",
		       replaces ? name_text(source).text : "",
		       desired ? "" : replaces ? ", keeping the infrastructure it has as a shadow"
		       : !node_is_string(source) ? ", keeping the infrastructure it has" : "");
	} else if (is_action(action->value, "Remove")) {
		change(p, "removes %s", words);
	} else if (is_action(action->value, "Retain")) {
		change(p, "retains %s", words);
	}
	if (b.failed)
		p->plan->out_of_memory = true;
	strbuf_free(&b);
	if (desired && !is_action(action->value, "Remove"))
		compare_variant(p, desired, variant_named(node_member(p->current, "ModelVariants"),
							  action->key));
}

static const struct node *action_for(const struct node *actions, const struct node *name)
{
	for (size_t i = 0; actions && actions->kind == NODE_MAPPING && i < actions->mapping.count; i++)
		if (same_scalar(actions->mapping.pairs[i].key, name))
			return actions->mapping.pairs[i].value;
	return NULL;
}

static void plan_stop(struct planner *p)
{
	static const char *const action_order[] = { "Promote", "Retain", "Remove" };
	const struct node *actions = node_member(p->request, "ModelVariantActions");
	const struct node *variants = node_member(p->current, "ModelVariants");
	const struct node *source = node_dig(p->current, "ShadowModeConfig",
					"SourceModelVariantName", NULL);
	const struct node *state = node_member(p->request, "DesiredState");
	size_t promoted = 0;

	change(p, "Status %s -> %s", value_text(node_member(p->current, "Status"), false).text,
	       state ? value_text(state, false).text : "stopped (no DesiredState)");
	/* The promoted variant first, then those retained, then removed. */
	for (size_t order = 0; order < 3; order++) {
		for (size_t i = 0; actions && actions->kind == NODE_MAPPING &&
				   i < actions->mapping.count && i < MAX_ITEMS; i++) {
			const struct pair *action = &actions->mapping.pairs[i];
			if (!is_action(action->value, action_order[order]))
				continue;
			promoted += order == 0;
			plan_action(p, action, source);
		}
		if (order == 0 && !promoted)
			add(p->plan, "promotes none");
	}
	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *name = node_member(item(variants, i), "VariantName");
		if (name && !action_for(actions, name))
			add(p->plan, "no action for %s", name_text(name).text);
	}
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

	if (!name || deployed_value(name)) {
		strbuf_puts(b, name ? "an experiment named when deployed" : "an experiment without a Name");
	} else {
		strbuf_puts(b, "the experiment ");
		strbuf_puts(b, name_text(name).text);
	}
	strbuf_puts(b, item_count(variants) ? " with variants " : " with ");
	if (item_count(variants))
		join_names(b, variants, "VariantName", NULL, NULL);
	else
		strbuf_puts(b, "no variants");
	if (!node_member(properties, "Schedule")) {
		strbuf_puts(b, ", no Schedule given");
	} else if (time_of(p, start, &from) && time_of(p, end, &to) && to > from) {
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
	struct planner p = { plan, root, state->current, state->now, 0, 0 };

	if (!root || root->kind != NODE_MAPPING)
		return;
	kind->walk(root, op, plan_declared, &p);
	if (!p.found)
		add(plan, "declares no inference experiment");
}
