/* The rules of what a deploy sends for an experiment: each a small
 * function, rule_NAME for the rule NAME, registered in deploy_rules below,
 * with its catalog entry in rules/catalog.yaml (kinds: [cloudformation,
 * terraform]) and its cases in testdata/cases/cloudformation/ and
 * testdata/cases/terraform/.
 *
 * A value known only when deployed (NODE_UNKNOWN) is no name nor state:
 * it is passed over. */
#include "deploy_rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_cross.h"
#include "request_read.h"
#include "stack_diff.h"
#include "suggest.h"
#include "timestamp.h"
#include "base/format.h"
#include "base/path.h"
#include "base/quote.h"
#include "base/strbuf.h"

const struct deploy_words *deploy_words_of(enum kind_id kind)
{
	static const struct deploy_words stack = {
		.update = "a stack update",
		.the_update = "the stack update",
		.create = "a stack create",
		.later_update = "a stack update",
		.accepts = "CloudFormation accepts the template",
		.fails = "the stack operation fails at deploy time",
	};
	/* The awscc provider creates and updates the experiment through
	 * Cloud Control, which runs CloudFormation's resource handler. */
	static const struct deploy_words apply = {
		.update = "terraform apply",
		.the_update = "terraform apply",
		.create = "the terraform apply that creates the experiment",
		.later_update = "a later terraform apply",
		.accepts = "the awscc provider takes the configuration",
		.fails = "terraform apply fails",
	};

	return kind == KIND_TERRAFORM ? &apply : &stack;
}

struct deploy_check {
	const struct deploy *d;
	const struct stack_operation *op;
	struct diag_list *diags;
	enum rule_id rule;
};

/* The document's spelling of a member the API names api_name. */
static const char *spelt(const struct deploy_check *s, const char *api_name)
{
	return naming_member(s->d->naming, api_name);
}

/* Raises the rule being checked at node, whose path below the properties
 * is member, in the API's names. */
__attribute__((format(printf, 4, 5)))
static void report(struct deploy_check *s, const struct node *at, const char *member,
		   const char *format, ...)
{
	const char *prefix = s->d->prefix;
	char *spelling = naming_path(s->d->naming, member);
	char *path = spelling ? diag_join_path(prefix, spelling) : NULL;
	va_list args;

	free(spelling);
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

/* ---- a stop ---------------------------------------------------------------- */

static const struct stop_action *action_for(const struct deploy_check *s,
					    const struct node *name)
{
	for (size_t i = 0; i < s->op->action_count; i++)
		if (same_text(s->op->actions[i].name, name))
			return &s->op->actions[i];
	return NULL;
}

/* Whether every variant of ModelVariants has a name the document knows. */
static bool names_known(const struct node *variants)
{
	if (!variants || variants->kind != NODE_SEQUENCE)
		return false;
	for (size_t i = 0; i < item_count(variants); i++)
		if (!node_is_string(node_member(item_at(variants, i), "VariantName")))
			return false;
	return true;
}

static bool removes_every_variant(const struct deploy_check *s)
{
	for (size_t i = 0; i < s->op->action_count; i++)
		if (s->op->actions[i].action != VARIANT_REMOVE)
			return false;
	return s->op->action_count > 0;
}

/* "; did you mean "production"?" for the experiment's variant nearest name. */
static void suggest_variant(const struct deploy_check *s, const struct node *name,
			    struct strbuf *b)
{
	struct suggestion hint;

	suggestion_init(&hint, name->scalar.text, name->scalar.len);
	for (size_t i = 0; i < s->op->action_count; i++)
		suggestion_consider(&hint, s->op->actions[i].name->scalar.text);
	if (hint.best) {
		strbuf_puts(b, "; did you mean \"");
		strbuf_puts(b, hint.best);
		strbuf_puts(b, "\"?");
	}
}

/* "the source "production" and the shadow "shadow"": the experiment's
 * variants, joined by conjunction. */
static void describe_variants(const struct deploy_check *s, struct strbuf *b,
			      const char *conjunction)
{
	for (size_t i = 0; i < s->op->action_count; i++) {
		const struct stop_action *a = &s->op->actions[i];
		strbuf_puts(b, i == 0 ? "" : i + 1 == s->op->action_count ? conjunction : ", ");
		strbuf_puts(b, a->is_source ? "the source " : "the shadow ");
		strbuf_puts(b, name_of(a->name).text);
	}
}

/* The stop keeps the variants ModelVariants names; naming none of the
 * experiment's removes them all, which no one means. */
static void rule_stop_removes_every_variant(struct deploy_check *s)
{
	const struct node *variants = node_member(s->d->properties, "ModelVariants");
	struct strbuf b = STRBUF_INIT;
	struct strbuf from = STRBUF_INIT;

	if (s->op->call != STACK_STOP || !names_known(variants) || !removes_every_variant(s))
		return;
	describe_variants(s, &b, " and ");
	if (!s->op->variants_from_current) {
		strbuf_puts(&from, " (as ");
		strbuf_puts(&from, spelt(s, "ShadowModeConfig"));
		strbuf_puts(&from, " names them)");
	}
	report(s, variants, "ModelVariants",
	       "%s stops the experiment, and %s names none of its variants, %s%s: the stop "
	       "removes them all; list the variant to keep (the shadow alone, to promote it)",
	       spelt(s, "DesiredState"), spelt(s, "ModelVariants"),
	       b.failed ? "" : strbuf_text(&b), from.failed ? "" : strbuf_text(&from));
	strbuf_free(&b);
	strbuf_free(&from);
}

/* A variant the stop gives no action: most often a misspelt source,
 * which the stop then removes. */
static void rule_stop_unknown_variant(struct deploy_check *s)
{
	const struct node *variants = node_member(s->d->properties, "ModelVariants");
	const struct stop_action *source = s->op->action_count && s->op->actions[0].is_source
		? &s->op->actions[0] : NULL;
	struct strbuf known = STRBUF_INIT;

	if (s->op->call != STACK_STOP || s->op->action_count == 0 || !names_known(variants) ||
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
			       "%s stops the experiment, keeping the variants %s names, but %s "
			       "is neither %s%s%s", spelt(s, "DesiredState"),
			       spelt(s, "ModelVariants"), name_of(name).text, strbuf_text(&known),
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

/* Why the deploy leaves the document's changes unsent. */
static const char *why_not_sent(const struct deploy_check *s, char *buffer, size_t size)
{
	const struct deploy_words *words = s->d->words;
	const char *status = status_name(s->op->status);

	switch (s->op->call) {
	case STACK_UPDATE:
		snprintf(buffer, size, "while the experiment is Running, %s sends only its %s, "
			 "%s, %s and %s", words->update, spelt(s, "Name"), spelt(s, "Description"),
			 spelt(s, "Schedule"), spelt(s, "ShadowModeConfig"));
		break;
	case STACK_START:
		snprintf(buffer, size, "the experiment is Created and %s is Running, so %s "
			 "starts it and sends no other change", spelt(s, "DesiredState"),
			 words->the_update);
		break;
	case STACK_STOP:
		snprintf(buffer, size, "%s stops the running experiment, and %s sends only the "
			 "stop", spelt(s, "DesiredState"), words->the_update);
		break;
	case STACK_WAIT:
		snprintf(buffer, size, "the experiment is %s, so %s waits for that to end and "
			 "sends no change", status, words->the_update);
		break;
	default:
		snprintf(buffer, size, "the experiment is %s, so %s changes only its tags",
			 status, words->update);
		break;
	}
	return buffer;
}

/* The members an update may change in place; the create-only ones
 * replace the experiment instead. */
static const char *const updatable_members[] = {
	"Description", "Schedule", "DataStorageConfig", "ModelVariants", "ShadowModeConfig", NULL,
};

/* Each value that differs from --current in a member the operation does
 * not send. */
static void rule_change_not_sent(struct deploy_check *s)
{
	char buffer[240];

	if (!s->d->current || s->op->call == STACK_CREATE)
		return;
	for (const char *const *m = updatable_members; *m; m++) {
		const struct node *written = node_member(s->d->properties, *m);
		const struct node *at;
		struct path path;
		if (!written || stack_sends(s->op, *m))
			continue;
		path_init(&path);
		path_append_key(&path, *m, strlen(*m));
		at = stack_difference(written, node_member(s->d->current, *m), s->d->state->now,
				      &path);
		if (path_failed(&path))
			s->diags->out_of_memory = true;
		else if (at)
			report(s, at, path_string(&path),
			       "this value of %s differs from the experiment --current describes, "
			       "and is not sent: %s", spelt(s, *m),
			       why_not_sent(s, buffer, sizeof buffer));
		path_free(&path);
	}
}

/* With the status alone, the changes cannot be told, but that none is
 * sent can. */
static void rule_status_ignores_changes(struct deploy_check *s)
{
	char buffer[240];
	const struct node *at = node_member(s->d->properties, "DesiredState");

	if (s->d->current || !s->op->status_known ||
	    (s->op->call != STACK_START && s->op->call != STACK_WAIT &&
	     s->op->call != STACK_TAGS_ONLY))
		return;
	if (s->op->call != STACK_START || !at)
		at = s->d->properties;
	report(s, at, s->op->call == STACK_START ? "DesiredState" : "",
	       "%s (--status %s)", why_not_sent(s, buffer, sizeof buffer),
	       status_name(s->op->status));
}

/* A stop only a running experiment gets. */
static void rule_stop_not_sent(struct deploy_check *s)
{
	const struct node *state = node_member(s->d->properties, "DesiredState");

	if (!s->op->status_known || s->op->status != STATUS_CREATED ||
	    !stack_desires_stop(s->d->properties))
		return;
	report(s, state, "DesiredState",
	       "%s %s stops only a Running experiment; this one is Created, so %s sends an "
	       "update of its %ss instead, and the experiment still starts by its %s",
	       spelt(s, "DesiredState"), state->scalar.text, s->d->words->the_update,
	       s->d->naming->member_word, spelt(s, "Schedule"));
}

/* DesiredState is left out of a create: it matters when the experiment
 * would then wait for a StartTime to come, not be Running. */
static void rule_desired_state_at_create(struct deploy_check *s)
{
	const struct node *state = node_member(s->d->properties, "DesiredState");
	const struct node *start = node_dig(s->d->properties, "Schedule", "StartTime", NULL);
	double seconds;

	if (s->op->status_known || s->d->current || s->d->deployed_before ||
	    !stack_desires(s->d->properties, "Running") ||
	    !start || !timestamp_from_node(start, s->d->state->now, &seconds) ||
	    seconds <= s->d->state->now)
		return;
	report(s, state, "DesiredState",
	       "%s does not send %s: the experiment stays Created until its %s, %s; %s Running "
	       "starts it sooner only at %s while it is Created", s->d->words->create,
	       spelt(s, "DesiredState"), spelt(s, "StartTime"), timestamp_format(seconds).text,
	       spelt(s, "DesiredState"), s->d->words->later_update);
}

static const struct deploy_rule {
	enum rule_id rule;
	void (*check)(struct deploy_check *s);
} deploy_rules[] = {
	{ RULE_STOP_REMOVES_EVERY_VARIANT, rule_stop_removes_every_variant },
	{ RULE_STOP_UNKNOWN_VARIANT, rule_stop_unknown_variant },
	{ RULE_CHANGE_NOT_SENT, rule_change_not_sent },
	{ RULE_STATUS_IGNORES_CHANGES, rule_status_ignores_changes },
	{ RULE_STOP_NOT_SENT, rule_stop_not_sent },
	{ RULE_DESIRED_STATE_AT_CREATE, rule_desired_state_at_create },
};

/* ---- running them -------------------------------------------------------- */

void deploy_rules_check(const struct deploy *d, struct diag_list *diags)
{
	struct deploy_check s = { d, d->op, diags, 0 };

	for (size_t i = 0; d->properties && i < sizeof deploy_rules / sizeof *deploy_rules; i++) {
		s.rule = deploy_rules[i].rule;
		deploy_rules[i].check(&s);
	}
}

bool deploy_rules_raise(enum rule_id rule)
{
	for (size_t i = 0; i < sizeof deploy_rules / sizeof *deploy_rules; i++)
		if (deploy_rules[i].rule == rule)
			return true;
	return false;
}

struct experiment_state deploy_state(const struct node *properties,
				     const struct experiment_state *state)
{
	struct experiment_state mine = *state;

	if (names_another(properties, state->current)) {
		mine.current = NULL;
		mine.has_status = state->has_status && !state->status_from_current;
	}
	return mine;
}
