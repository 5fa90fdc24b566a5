/* The outcomes of a template's conditions: an experiment whose
 * properties hold Fn::If is checked once for each way the conditions
 * those name may come out, as the request CloudFormation would send in
 * that outcome (resolve.h), by the checks every kind's experiments get
 * (check/checker.h). A diagnostic found in only some outcomes says in
 * which. */
#include "outcomes.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intrinsic.h"
#include "resolve.h"
#include "yaml_versions.h"
#include "base/arena.h"
#include "base/hash.h"
#include "base/memory.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "check/checker.h"

/* At most this many conditions are tried in all their 2^n outcomes; an
 * Fn::If on a condition past them is a value not known. */
enum { MAX_CONDITIONS = 6 };

/* A template's experiments are created: the rules that apply to them are
 * those of this type. */
static const struct document_type template_type = { KIND_CLOUDFORMATION, OPERATION_CREATE };

struct outcome_run {
	const struct template *template;
	const struct experiment_state *state;
	struct diag_list *diags;
	struct outcome_budget *budget;
};

void outcome_budget_init(struct outcome_budget *budget)
{
	budget->nodes = OUTCOME_NODE_BUDGET;
	budget->default_text = DEFAULT_TEXT_BUDGET;
}

struct conditions {
	const char *names[MAX_CONDITIONS];
	size_t count;
	bool too_many; /* then no Fn::If has a known value */
};

static void add_condition(struct conditions *c, const char *name)
{
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->names[i], name) == 0)
			return;
	if (c->count == MAX_CONDITIONS)
		c->too_many = true;
	else
		c->names[c->count++] = name;
}

/* The declared conditions that the Fn::If calls in node name. */
static void find_conditions(const struct template *t, const struct node *node, bool with_tag,
			    struct conditions *c)
{
	struct intrinsic call;

	if (intrinsic_read(node, with_tag, &call)) {
		const struct node *a = call.argument;
		const struct node *name = intrinsic_if_condition(&call);
		if (name && template_find(&t->conditions, name->scalar.text, name->scalar.len))
			add_condition(c, name->scalar.text);
		find_conditions(t, a, a != node, c);
		return;
	}
	for (size_t i = 0; node->kind == NODE_MAPPING && i < node->mapping.count; i++)
		find_conditions(t, node->mapping.pairs[i].value, true, c);
	for (size_t i = 0; node->kind == NODE_SEQUENCE && i < node->sequence.count; i++)
		find_conditions(t, node->sequence.items[i], true, c);
}

/* The diagnostics of every outcome, each once, with the outcomes it was
 * found in: bit k of seen[i] for outcome k. Every outcome finds most of
 * the same diagnostics, so they are looked up by hash: slots holds, at a
 * diagnostic's hash, its index plus one (0 for an empty slot). */
struct findings {
	struct diag_list diags;
	unsigned long long *seen;
	size_t *slots;
	size_t slot_count; /* a power of two, more than twice diags.count */
};

static size_t diag_hash(const struct diag *d)
{
	uint64_t hash = hash_bytes(HASH_START, &d->rule, sizeof d->rule);

	hash = hash_bytes(hash, &d->span.line, sizeof d->span.line);
	hash = hash_bytes(hash, &d->span.column, sizeof d->span.column);
	hash = hash_bytes(hash, d->path, strlen(d->path));
	return (size_t)hash_bytes(hash, d->message, strlen(d->message));
}

/* The slot of d's equal in the findings, or the empty one where it goes. */
static size_t *find_slot(const struct findings *f, const struct diag *d)
{
	size_t mask = f->slot_count - 1;

	for (size_t i = diag_hash(d) & mask;; i = (i + 1) & mask)
		if (f->slots[i] == 0 || diag_same(&f->diags.items[f->slots[i] - 1], d))
			return &f->slots[i];
}

/* Room for one more finding: the index and seen grow together. */
static bool reserve_finding(struct findings *f)
{
	size_t count = f->diags.count;

	if (2 * (count + 1) < f->slot_count)
		return true;
	size_t slot_count = f->slot_count ? 2 * f->slot_count : 64;
	size_t *slots = mem_calloc(slot_count, sizeof *slots);
	unsigned long long *seen = mem_realloc(f->seen, slot_count / 2 * sizeof *seen);
	if (!slots || !seen) {
		free(slots);
		if (seen)
			f->seen = seen;
		return false;
	}
	free(f->slots);
	f->slots = slots;
	f->seen = seen;
	f->slot_count = slot_count;
	for (size_t i = 0; i < count; i++)
		*find_slot(f, &f->diags.items[i]) = i + 1;
	return true;
}

/* Moves one outcome's diagnostics into the findings. What the outcomes
 * dropped past the file's limit are mostly the same ones, so the most
 * any outcome dropped is the count kept. */
static void add_findings(struct findings *f, struct diag_list *found, unsigned outcome)
{
	size_t dropped = found->dropped, dropped_errors = found->dropped_errors;

	for (size_t i = 0; i < found->count; i++) {
		struct diag *d = &found->items[i];
		size_t *slot;
		if (!reserve_finding(f)) {
			f->diags.out_of_memory = true;
			diag_free(d);
			continue;
		}
		if (*(slot = find_slot(f, d)) != 0) {
			f->seen[*slot - 1] |= 1ull << outcome;
			diag_free(d);
			continue;
		}
		size_t before = f->diags.dropped, errors_before = f->diags.dropped_errors;
		if (diag_list_push(&f->diags, d)) {
			*slot = f->diags.count;
			f->seen[f->diags.count - 1] = 1ull << outcome;
		}
		dropped += f->diags.dropped - before;
		dropped_errors += f->diags.dropped_errors - errors_before;
		f->diags.dropped = before;
		f->diags.dropped_errors = errors_before;
	}
	if (dropped > f->diags.dropped)
		f->diags.dropped = dropped;
	if (dropped_errors > f->diags.dropped_errors)
		f->diags.dropped_errors = dropped_errors;
	f->diags.out_of_memory |= found->out_of_memory;
	free(found->items);
	diag_list_init(found);
}

/* "IsProd is true and UseKey is false": the conditions whose truth is
 * the same in every outcome of seen. */
static void describe_outcomes(const struct conditions *c, unsigned long long seen,
			      struct strbuf *text)
{
	unsigned long long outcomes = 1ull << c->count;
	bool first = true;

	for (size_t k = 0; k < c->count; k++) {
		bool always_true = true, always_false = true;
		for (unsigned long long o = 0; o < outcomes; o++) {
			if (!(seen >> o & 1))
				continue;
			if (o >> k & 1)
				always_false = false;
			else
				always_true = false;
		}
		if (!always_true && !always_false)
			continue;
		strbuf_puts(text, first ? "" : " and ");
		strbuf_puts(text, c->names[k]);
		strbuf_puts(text, always_true ? " is true" : " is false");
		first = false;
	}
}

/* Says in which outcomes a diagnostic holds when it does not in all. */
static void say_outcomes(struct findings *f, const struct conditions *c)
{
	unsigned long long outcomes = 1ull << c->count;
	unsigned long long all = outcomes == 64 ? ~0ull : (1ull << outcomes) - 1;

	for (size_t i = 0; i < f->diags.count; i++) {
		struct strbuf text = STRBUF_INIT;
		if (f->seen[i] == all)
			continue;
		strbuf_puts(&text, " (when ");
		describe_outcomes(c, f->seen[i], &text);
		if (text.len == strlen(" (when "))
			strbuf_puts(&text, "the template's conditions come out in some ways");
		strbuf_puts(&text, ")");
		if (text.failed || !diag_append_message(&f->diags.items[i], strbuf_text(&text)))
			f->diags.out_of_memory = true;
		strbuf_free(&text);
	}
}

/* What an outcome's diagnostics need before they join the others: only
 * the rules for templates, a word where a Default stood in for a Ref,
 * and the path from the template's root. */
static void finish_outcome(const struct resolver *r, const char *prefix,
			   struct diag_list *found)
{
	for (size_t i = found->count; i-- > 0;) {
		struct diag *d = &found->items[i];
		if (!rule_applies(d->rule, template_type)) {
			diag_list_remove(found, i);
			continue;
		}
		for (size_t s = 0; s < r->substitution_count; s++) {
			const struct substitution *sub = &r->substitutions[s];
			char note[sizeof(struct quoted) + 48];
			if (d->span.line != sub->ref.line || d->span.column != sub->ref.column)
				continue;
			snprintf(note, sizeof note, " (the Default of parameter %s)",
				 shorten(sub->parameter, strlen(sub->parameter)).text);
			if (!diag_append_message(d, note))
				found->out_of_memory = true;
			if (!d->has_related) {
				d->has_related = true;
				d->related = sub->value;
			}
			break;
		}
		if (!diag_prefix_path(d, prefix))
			found->out_of_memory = true;
	}
}

/* An outcome's diagnostics of the rules templates do not have are hidden
 * as found (finish_outcome drops them): they use no suppression and take
 * no other's room. The others are the user's to decide on. */
struct template_policy {
	struct diag_policy base; /* first: show() is given its address */
	struct diag_policy *user;
};

static bool show_in_template(struct diag_policy *base, enum rule_id rule, int line,
			     bool mark, enum severity *severity)
{
	struct template_policy *policy = (struct template_policy *)base;

	if (!rule_applies(rule, template_type))
		return false;
	return !policy->user || policy->user->show(policy->user, rule, line, mark, severity);
}

/* The shape and cross-field rules on what CloudFormation would send in
 * one outcome of the conditions, its plain YAML values read by one YAML
 * version. The resolver is the caller's to free. */
static void check_reading(struct outcome_run *e, const struct node *properties,
			  const struct scenario *scenario, enum yaml_version version,
			  const char *prefix, struct template_policy *policy, struct resolver *r,
			  struct arena *arena, struct diag_list *found)
{
	const struct shape *shape = model_get()->resource;
	const struct node *request;

	diag_list_init(found);
	found->policy = &policy->base;
	resolver_init(r, arena, e->template, scenario, version);
	r->default_text_left = &e->budget->default_text;
	request = resolve_value(r, properties, shape);
	if (request && request->kind != NODE_UNKNOWN) {
		struct experiment x = { request, shape, template_type, &naming_api, "Properties" };
		check_experiment(&x, e->state, found);
	}
	found->out_of_memory |= r->out_of_memory;
	finish_outcome(r, prefix, found);
}

/* One outcome of the conditions, read as YAML 1.1 and, when that version
 * and YAML 1.2 read some value otherwise, as YAML 1.2 too. */
static void check_outcome(struct outcome_run *e, const struct node *properties,
			  const struct conditions *c, unsigned outcome, const char *prefix,
			  struct findings *f)
{
	struct scenario scenario = { c->names, c->too_many ? 0 : c->count, outcome };
	struct template_policy policy = { { show_in_template }, e->diags->policy };
	struct diag_list found, found_otherwise;
	struct resolver r, otherwise;
	struct arena arena;

	arena_init(&arena);
	check_reading(e, properties, &scenario, YAML_1_1, prefix, &policy, &r, &arena,
		      &found);
	if (r.difference_count) {
		check_reading(e, properties, &scenario, YAML_1_2, prefix, &policy, &otherwise,
			      &arena, &found_otherwise);
		yaml_versions_merge(&found, &found_otherwise, r.differences, r.difference_count,
				    prefix);
		resolver_free(&otherwise);
	}
	add_findings(f, &found, outcome);
	resolver_free(&r);
	arena_free(&arena);
}

/* Each outcome reads a scalar's text again (its length, its pattern, an
 * Fn::Sub's copy), so a scalar weighs one node more for each this many
 * bytes: one string of 64 MiB checked 64 ways took 3.4 s. */
enum { TEXT_BYTES_PER_NODE = 64 };

/* How many nodes node holds, itself included, by their weight. */
static size_t count_nodes(const struct node *node)
{
	size_t count = 1;

	if (node->kind == NODE_SCALAR)
		count += node->scalar.len / TEXT_BYTES_PER_NODE;

	for (size_t i = 0; node->kind == NODE_MAPPING && i < node->mapping.count; i++)
		count += 1 + count_nodes(node->mapping.pairs[i].value);
	for (size_t i = 0; node->kind == NODE_SEQUENCE && i < node->sequence.count; i++)
		count += count_nodes(node->sequence.items[i]);
	return count;
}

/* How many outcomes of the conditions to check: all of them while the
 * budget lasts, else one, with every Fn::If on them not known. */
static unsigned outcomes_to_check(struct outcome_run *e, const struct node *properties,
				  struct conditions *c)
{
	size_t nodes = count_nodes(properties);
	size_t outcomes = c->too_many ? 1 : (size_t)1 << c->count;

	if (outcomes > 1 && nodes * outcomes > e->budget->nodes) {
		c->too_many = true;
		outcomes = 1;
	}
	e->budget->nodes -= nodes * outcomes < e->budget->nodes ? nodes * outcomes : e->budget->nodes;
	return (unsigned)outcomes;
}

void outcomes_check(const struct template *template, const struct node *properties,
		    const char *prefix, const struct experiment_state *state,
		    struct outcome_budget *budget, struct diag_list *diags)
{
	struct outcome_run run = { template, state, diags, budget };
	struct outcome_run *e = &run;
	struct conditions c = { .count = 0 };
	struct findings f = { .seen = NULL };
	unsigned outcomes;

	find_conditions(e->template, properties, true, &c);
	outcomes = outcomes_to_check(e, properties, &c);
	diag_list_init_like(&f.diags, e->diags);
	for (unsigned outcome = 0; outcome < outcomes; outcome++)
		check_outcome(e, properties, &c, outcome, prefix, &f);
	if (!c.too_many && c.count)
		say_outcomes(&f, &c);
	diag_list_move(e->diags, &f.diags);
	free(f.seen);
	free(f.slots);
}
