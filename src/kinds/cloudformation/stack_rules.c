/* The rules of what a stack operation sends for an experiment: each a
 * small function, rule_NAME for the rule NAME, registered in stack_rules
 * below, with its catalog entry in rules/catalog.yaml (kinds:
 * [cloudformation]) and its cases in testdata/cases/cloudformation/.
 *
 * They read the properties as CloudFormation sends them (resolve.h), in
 * no particular outcome of the conditions: a value an Fn::If chooses is
 * not known, and passed over. */
#include "stack_rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stack_diff.h"
#include "stack_view.h"
#include "base/format.h"
#include "base/memory.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "check/check_cross.h"
#include "check/request_read.h"
#include "check/suggest.h"
#include "check/timestamp.h"

struct stack_check {
	const struct stack_view *view;
	const struct node *properties; /* as sent */
	const struct node *current;    /* --current, when it describes this experiment */
	const struct experiment_state *state;
	struct stack_operation op;
	const char *prefix;
	struct diag_list *diags;
	enum rule_id rule;
};

/* Raises the rule being checked at node, whose path below Properties is
 * member (a path in the API's names, which templates share). */
__attribute__((format(printf, 4, 5)))
static void report(struct stack_check *s, const struct node *at, const char *member,
		   const char *format, ...)
{
	char *path = *member ? format_alloc("%s.%s", s->prefix, member)
			     : format_alloc("%s", s->prefix);
	va_list args;

	if (!path) {
		s->diags->out_of_memory = true;
		return;
	}
	va_start(args, format);
	diag_addv(s->diags, s->rule, at->span, path, format, args);
	va_end(args);
	free(path);
}

static struct quoted name_of(const struct node *name)
{
	return quote(name->scalar.text, name->scalar.len);
}

/* A property's value in a message: quoted text, or what it is. */
static struct quoted plan_text(const struct node *value)
{
	static const char *const what[] = {
		[NODE_MAPPING] = "(a mapping)", [NODE_SEQUENCE] = "(a list)",
		[NODE_UNKNOWN] = "(a value set when deployed)",
	};

	if (value->kind == NODE_SCALAR)
		return name_of(value);
	return shorten(what[value->kind], strlen(what[value->kind]));
}

/* ---- a stop through the template ---------------------------------------- */

static const struct stop_action *action_for(const struct stack_check *s,
					    const struct node *name)
{
	for (size_t i = 0; i < s->op.action_count; i++)
		if (same_text(s->op.actions[i].name, name))
			return &s->op.actions[i];
	return NULL;
}

/* Whether every variant of ModelVariants has a name the template knows. */
static bool names_known(const struct node *variants)
{
	if (!variants || variants->kind != NODE_SEQUENCE)
		return false;
	for (size_t i = 0; i < item_count(variants); i++)
		if (!node_is_string(node_member(item_at(variants, i), "VariantName")))
			return false;
	return true;
}

static bool removes_every_variant(const struct stack_check *s)
{
	for (size_t i = 0; i < s->op.action_count; i++)
		if (s->op.actions[i].action != VARIANT_REMOVE)
			return false;
	return s->op.action_count > 0;
}

/* "; did you mean "production"?" for the experiment's variant nearest name. */
static void suggest_variant(const struct stack_check *s, const struct node *name,
			    struct strbuf *b)
{
	struct suggestion hint;

	suggestion_init(&hint, name->scalar.text, name->scalar.len);
	for (size_t i = 0; i < s->op.action_count; i++)
		suggestion_consider(&hint, s->op.actions[i].name->scalar.text);
	if (hint.best) {
		strbuf_puts(b, "; did you mean \"");
		strbuf_puts(b, hint.best);
		strbuf_puts(b, "\"?");
	}
}

/* "the source "production" and the shadow "shadow"": the experiment's
 * variants, joined by conjunction. */
static void describe_variants(const struct stack_check *s, struct strbuf *b,
			      const char *conjunction)
{
	for (size_t i = 0; i < s->op.action_count; i++) {
		const struct stop_action *a = &s->op.actions[i];
		strbuf_puts(b, i == 0 ? "" : i + 1 == s->op.action_count ? conjunction : ", ");
		strbuf_puts(b, a->is_source ? "the source " : "the shadow ");
		strbuf_puts(b, name_of(a->name).text);
	}
}

/* The stop keeps the variants ModelVariants names; naming none of the
 * experiment's removes them all, which no one means. */
static void rule_stop_removes_every_variant(struct stack_check *s)
{
	const struct node *variants = node_member(s->properties, "ModelVariants");
	struct strbuf b = STRBUF_INIT;

	if (s->op.call != STACK_STOP || !names_known(variants) || !removes_every_variant(s))
		return;
	describe_variants(s, &b, " and ");
	report(s, variants, "ModelVariants",
	       "DesiredState stops the experiment, and ModelVariants names none of its "
	       "variants, %s%s: the stop removes them all; list the variant to keep (the "
	       "shadow alone, to promote it)", b.failed ? "" : strbuf_text(&b),
	       s->op.variants_from_current ? "" : " (as ShadowModeConfig names them)");
	strbuf_free(&b);
}

/* A variant the stop gives no action: most often a misspelt source,
 * which the stop then removes. */
static void rule_stop_unknown_variant(struct stack_check *s)
{
	const struct node *variants = node_member(s->properties, "ModelVariants");
	const struct stop_action *source = s->op.action_count && s->op.actions[0].is_source
		? &s->op.actions[0] : NULL;
	struct strbuf known = STRBUF_INIT;

	if (s->op.call != STACK_STOP || s->op.action_count == 0 || !names_known(variants) ||
	    removes_every_variant(s))
		return;
	describe_variants(s, &known, " nor ");
	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *name = node_member(item_at(variants, i), "VariantName");
		struct strbuf hint = STRBUF_INIT;
		char *path;
		if (action_for(s, name))
			continue;
		suggest_variant(s, name, &hint);
		path = format_alloc("ModelVariants[%zu].VariantName", i);
		if (path && !known.failed && !hint.failed)
			report(s, name, path,
			       "DesiredState stops the experiment, keeping the variants "
			       "ModelVariants names, but %s is neither %s%s%s",
			       name_of(name).text, strbuf_text(&known),
			       source && source->action == VARIANT_REMOVE
			       ? ", and the source is removed" : "", strbuf_text(&hint));
		else
			s->diags->out_of_memory = true;
		free(path);
		strbuf_free(&hint);
	}
	strbuf_free(&known);
}

/* ---- changes the handler does not send ----------------------------------- */

/* Why the stack operation leaves the template's changes unsent. */
static const char *why_not_sent(const struct stack_check *s, char *buffer, size_t size)
{
	const char *status = status_name(s->op.status);

	switch (s->op.call) {
	case STACK_UPDATE:
		return "while the experiment is Running, a stack update sends only its Name, "
		       "Description, Schedule and ShadowModeConfig";
	case STACK_START:
		return "the experiment is Created and DesiredState is Running, so the stack "
		       "update starts it and sends no other change";
	case STACK_STOP:
		return "DesiredState stops the running experiment, and the stack update sends "
		       "only the stop";
	case STACK_WAIT:
		snprintf(buffer, size, "the experiment is %s, so the stack update waits for "
			 "that to end and sends no change", status);
		return buffer;
	default:
		snprintf(buffer, size, "the experiment is %s, so a stack update changes only "
			 "its tags", status);
		return buffer;
	}
}

/* The members a stack update may change in place; the create-only ones
 * replace the experiment instead. */
static const char *const updatable_members[] = {
	"Description", "Schedule", "DataStorageConfig", "ModelVariants", "ShadowModeConfig", NULL,
};

/* Each value that differs from --current in a member the operation does
 * not send. */
static void rule_change_not_sent(struct stack_check *s)
{
	char buffer[160];

	if (!s->current || s->op.call == STACK_CREATE)
		return;
	for (const char *const *m = updatable_members; *m; m++) {
		const struct node *written = node_member(s->properties, *m);
		const struct node *at;
		struct path path;
		if (!written || stack_sends(&s->op, *m))
			continue;
		path_init(&path);
		path_append_key(&path, *m, strlen(*m));
		at = stack_difference(written, node_member(s->current, *m), s->state->now, &path);
		if (path_failed(&path))
			s->diags->out_of_memory = true;
		else if (at)
			report(s, at, path_string(&path),
			       "this value of %s differs from the experiment --current describes, "
			       "and is not sent: %s", *m, why_not_sent(s, buffer, sizeof buffer));
		path_free(&path);
	}
}

/* With the status alone, the changes cannot be told, but that none is
 * sent can. */
static void rule_status_ignores_changes(struct stack_check *s)
{
	char buffer[160];
	const struct node *at = node_member(s->properties, "DesiredState");

	if (s->current || !s->op.status_known ||
	    (s->op.call != STACK_START && s->op.call != STACK_WAIT &&
	     s->op.call != STACK_TAGS_ONLY))
		return;
	if (s->op.call != STACK_START || !at)
		at = s->properties;
	report(s, at, s->op.call == STACK_START ? "DesiredState" : "",
	       "%s (--status %s)", why_not_sent(s, buffer, sizeof buffer),
	       status_name(s->op.status));
}

/* A stop only a running experiment gets. */
static void rule_stop_not_sent(struct stack_check *s)
{
	const struct node *state = node_member(s->properties, "DesiredState");

	if (!s->op.status_known || s->op.status != STATUS_CREATED ||
	    !stack_desires_stop(s->properties))
		return;
	report(s, state, "DesiredState",
	       "DesiredState %s stops only a Running experiment; this one is Created, so the "
	       "stack update sends an update of its members instead, and the experiment "
	       "still starts by its Schedule", state->scalar.text);
}

/* DesiredState is left out of a stack create: it matters when the
 * experiment would then wait for a StartTime to come, not be Running. */
static void rule_desired_state_at_create(struct stack_check *s)
{
	const struct node *state = node_member(s->properties, "DesiredState");
	const struct node *start = node_dig(s->properties, "Schedule", "StartTime", NULL);
	double seconds;

	if (s->op.status_known || s->current || s->view->previous ||
	    !stack_desires(s->properties, "Running") ||
	    !start || !timestamp_from_node(start, s->state->now, &seconds) ||
	    seconds <= s->state->now)
		return;
	report(s, state, "DesiredState",
	       "a stack create does not send DesiredState: the experiment stays Created until "
	       "its StartTime, %s; DesiredState Running starts it sooner only at a stack "
	       "update while it is Created", timestamp_format(seconds).text);
}

/* ---- replacing the experiment ---------------------------------------------- */

/* A create-only property changed since the template the stack has. */
static void rule_replaces_experiment(struct stack_check *s)
{
	for (const char *const *m = stack_create_only; *m; m++) {
		const struct node *now = node_member(s->properties, *m);
		const struct node *before = node_member(s->view->previous, *m);
		if (!stack_property_changes(s->view, *m))
			continue;
		report(s, now ? now : s->properties, now ? *m : "",
		       "%s %s%s%s%s%s: CloudFormation sets it only when it creates the "
		       "experiment, so the stack update replaces the experiment: it creates a "
		       "new one and deletes the one deployed", *m,
		       before ? "changes from " : "is added",
		       before ? plan_text(before).text : "", before ? " (--previous)" : "",
		       before && now ? " to " : before ? " and is removed" : "",
		       before && now ? plan_text(now).text : "");
	}
}

static const struct stack_rule {
	enum rule_id rule;
	void (*check)(struct stack_check *s);
} stack_rules[] = {
	{ RULE_STOP_REMOVES_EVERY_VARIANT, rule_stop_removes_every_variant },
	{ RULE_STOP_UNKNOWN_VARIANT, rule_stop_unknown_variant },
	{ RULE_CHANGE_NOT_SENT, rule_change_not_sent },
	{ RULE_STATUS_IGNORES_CHANGES, rule_status_ignores_changes },
	{ RULE_STOP_NOT_SENT, rule_stop_not_sent },
	{ RULE_DESIRED_STATE_AT_CREATE, rule_desired_state_at_create },
	{ RULE_REPLACES_EXPERIMENT, rule_replaces_experiment },
};

/* ---- running them -------------------------------------------------------- */

void stack_rules_check(const struct template *template, const struct node *logical_id,
		       const struct node *properties, const char *prefix,
		       const struct experiment_state *state, struct outcome_budget *budget,
		       struct diag_list *diags)
{
	struct stack_view view;
	struct stack_check s = { .prefix = prefix, .diags = diags };

	stack_view_init(&view, template, logical_id, properties, state, &budget->default_text);
	s.view = &view;
	s.properties = view.properties;
	s.current = view.current;
	s.state = &view.state;
	s.op = view.op;
	for (size_t i = 0; s.properties && i < sizeof stack_rules / sizeof *stack_rules; i++) {
		s.rule = stack_rules[i].rule;
		stack_rules[i].check(&s);
	}
	diags->out_of_memory |= view.out_of_memory;
	stack_view_free(&view);
}

bool stack_rules_raise(enum rule_id rule)
{
	for (size_t i = 0; i < sizeof stack_rules / sizeof *stack_rules; i++)
		if (stack_rules[i].rule == rule)
			return true;
	return false;
}
