/* Each resource block of the experiment's type is checked by the
 * configuration's own rules on its attributes as written
 * (terraform_rules.h), then by the checks of every experiment on what the
 * provider would send (translate.h), with variables and local values
 * that are known in place of their references (values.h). A plan's
 * experiments (plan_json.h) go through the same checks, from the values
 * Terraform has worked out. */
#include "terraform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "configuration.h"
#include "lifecycle.h"
#include "module.h"
#include "plan_after.h"
#include "plan_json.h"
#include "spelling.h"
#include "terraform_rules.h"
#include "translate.h"
#include "values.h"
#include "base/arena.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "base/text_find.h"
#include "check/checker.h"
#include "check/deploy_rules.h"

static const struct document_type terraform_type = { KIND_TERRAFORM, OPERATION_CREATE };

/* ---- the values known ---------------------------------------------------- */

/* What the file declares, then the other files of its module and their
 * variable files, then --var-file's, as Terraform reads them. The module
 * is read only for a file with experiments to check. */
static void values_gather(struct values *v, const struct node *root,
			  const struct experiment_state *state)
{
	values_init(v);
	values_add_configuration(v, root, is_json_syntax(root), false);
	if (configuration_experiments(root) == 0)
		return;
	if (state->path && state->modules)
		module_add_values(state->modules, state->path, v);
	for (size_t i = 0; i < state->variable_file_count; i++)
		values_add_variable_file(v, state->variable_files[i]);
}

/* A plan's or a configuration's values: whether root is a plan, whose
 * values are Terraform's own (no reference, and strings are no
 * templates); else the values a configuration's references may name,
 * and whether its strings are templates (JSON syntax). */
static bool read_values(const struct node *root, const struct experiment_state *state,
			struct values *v, bool *json)
{
	if (plan_json_detect(root)) {
		values_init(v);
		*json = false;
		return true;
	}
	values_gather(v, root, state);
	*json = is_json_syntax(root);
	return false;
}

/* ---- checking ------------------------------------------------------------ */

struct configuration_check {
	const struct node *root;
	bool json; /* strings are templates (Terraform's JSON syntax) */
	struct values values;
	const struct experiment_state *state;
	struct diag_list *diags;
};

/* Rules that do not check a configuration's experiments are hidden as
 * found, and dropped after; the others are the user's to decide on. */
struct terraform_policy {
	struct diag_policy base; /* first: show() is given its address */
	struct diag_policy *user;
};

static bool show_in_terraform(struct diag_policy *base, enum rule_id rule, int line, bool mark,
			      enum severity *severity)
{
	struct terraform_policy *policy = (struct terraform_policy *)base;

	if (!rule_applies(rule, terraform_type))
		return false;
	return !policy->user || policy->user->show(policy->user, rule, line, mark, severity);
}

/* What the handler does with the request at terraform apply: an update
 * of the experiment --status or --current describes, else its create.
 * An update leaves out what the resource's lifecycle ignores the changes
 * of (lifecycle.h). There is no previous configuration to compare with. */
static void check_deploy(const struct node *request, const struct node *body,
			 const struct experiment_state *state, struct arena *arena,
			 struct diag_list *diags)
{
	struct experiment_state mine = deploy_state(request, state);
	struct stack_operation op;

	if (request->kind != NODE_MAPPING)
		return;
	stack_operation_model(&op, request, &mine, mine.current);
	if (op.call != STACK_CREATE) {
		request = lifecycle_updatable(arena, body, request, &diags->out_of_memory);
		if (!request)
			return;
		stack_operation_model(&op, request, &mine, mine.current);
	}
	struct deploy deploy = { request, mine.current, &mine, &op, false, &naming_terraform,
				 deploy_words_of(KIND_TERRAFORM), "" };
	deploy_rules_check(&deploy, diags);
}

static int compare_places(const struct span *a, const struct span *b)
{
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->column < b->column ? -1 : a->column > b->column;
}

static int by_reference(const void *a, const void *b)
{
	return compare_places(&((const struct substitution *)a)->ref,
			      &((const struct substitution *)b)->ref);
}

/* The substitution of the reference at the diagnostic's place, or NULL;
 * the substitutions sorted by_reference. A resource may hold a reference
 * for each of its values, and each may have a diagnostic: a search, not a
 * scan for each. (Two at one place are the same reference, followed
 * twice, so either will do.) */
static const struct substitution *substitution_at(const struct translation *t,
						  const struct span *at)
{
	size_t low = 0, high = t->substitution_count;

	while (low < high) {
		size_t mid = low + (high - low) / 2;
		int order = compare_places(&t->substitutions[mid].ref, at);
		if (order == 0)
			return &t->substitutions[mid];
		if (order < 0)
			low = mid + 1;
		else
			high = mid;
	}
	return NULL;
}

/* What the experiment's diagnostics need: the resource's address before
 * their path, and a word where a variable's or local value's value stood
 * in for its reference. */
static void finish(struct configuration_check *c, struct translation *t,
		   const char *address, size_t first)
{
	struct diag_list *diags = c->diags;

	if (t->substitution_count > 1)
		qsort(t->substitutions, t->substitution_count, sizeof *t->substitutions,
		      by_reference);
	for (size_t i = diags->count; i-- > first;) {
		struct diag *d = &diags->items[i];
		const struct substitution *sub;
		if (!rule_applies(d->rule, terraform_type)) {
			diag_list_remove(diags, i);
			continue;
		}
		if ((sub = substitution_at(t, &d->span))) {
			char note[sizeof(struct quoted) + 48];
			snprintf(note, sizeof note, sub->kind == VALUE_VARIABLE
				 ? " (the value of variable %s)" : " (the local value %s)",
				 shorten(sub->name, sub->len).text);
			if (!diag_append_message(d, note))
				diags->out_of_memory = true;
			if (!d->has_related && !sub->elsewhere) {
				d->has_related = true;
				d->related = sub->value;
			}
		}
		if (!diag_prefix_path(d, address))
			diags->out_of_memory = true;
	}
}

/* Checks the experiment's attributes (NULL: it has none, which is said
 * at where): what the provider sends for them, by the checks of every
 * experiment, their paths after the resource's address. */
static void check_attributes(struct configuration_check *c, struct arena *arena,
			     const struct node *attributes, struct span where,
			     const char *address)
{
	struct terraform_policy policy = { { show_in_terraform }, c->diags->policy };
	struct translation t;
	const struct node *request;
	size_t first;

	translation_init(&t, arena, &c->values, c->json);
	request = attributes ? translate_resource(&t, attributes) : NULL;
	/* A resource without attributes lacks every required one: say so at
	 * where (its name, or the plan's after). */
	struct node none = { .kind = NODE_MAPPING, .span = where };
	if (!request && !t.out_of_memory)
		request = &none;
	if (request && request->kind != NODE_UNKNOWN) {
		struct experiment x = { request, model_get()->resource, terraform_type,
					&naming_terraform, address };
		first = c->diags->count;
		c->diags->policy = &policy.base;
		check_experiment(&x, c->state, c->diags);
		check_deploy(request, attributes ? attributes : request, c->state, arena,
			     c->diags);
		c->diags->policy = policy.user;
		finish(c, &t, address, first);
	}
	c->diags->out_of_memory |= t.out_of_memory;
	translation_free(&t);
}

static void check_resource(const struct found_resource *found, void *context)
{
	struct configuration_check *c = context;
	struct arena arena;

	terraform_rules_check(found->body, found->address, c->diags);
	arena_init(&arena);
	check_attributes(c, &arena, found->body, found->name->span, found->address);
	arena_free(&arena);
}

/* An update that keeps the experiment's schedule: its start is past
 * once the experiment has started, and its end once it is over. */
static void drop_schedule_in_past(struct diag_list *diags, size_t first)
{
	for (size_t i = diags->count; i-- > first;)
		if (diags->items[i].rule == RULE_START_TIME_IN_PAST ||
		    diags->items[i].rule == RULE_END_TIME_IN_PAST)
			diag_list_remove(diags, i);
}

/* A plan's attributes are values Terraform has worked out: no
 * reference is left in them, and no rule of the configuration as written
 * applies. */
static void check_change(const struct planned_change *change, void *context)
{
	struct configuration_check *c = context;
	struct arena arena;
	const struct node *attributes;
	bool out_of_memory = false;
	size_t first;

	plan_json_check_replacement(change, c->diags);
	arena_init(&arena);
	attributes = plan_attributes(change, &arena, &out_of_memory);
	first = c->diags->count;
	/* after that is no mapping says nothing of the attributes. */
	if (attributes)
		check_attributes(c, &arena, attributes, attributes->span, change->address);
	if (plan_json_keeps_schedule(change))
		drop_schedule_in_past(c->diags, first);
	c->diags->out_of_memory |= out_of_memory;
	arena_free(&arena);
}

static struct document_type terraform_check(const struct node *root,
					    const enum operation *forced,
					    const struct experiment_state *state,
					    struct diag_list *diags)
{
	struct configuration_check c = { root, false, { 0 }, state, diags };

	(void)forced; /* a configuration's experiments are created */
	if (read_values(root, state, &c.values, &c.json))
		plan_json_each_change(root, check_change, &c);
	else
		each_resource(root, check_resource, &c);
	diags->out_of_memory |= c.values.out_of_memory;
	values_free(&c.values);
	return terraform_type;
}

/* ---- the experiments, for the plan -------------------------------------- */

struct walk {
	const struct node *root;
	bool json;
	struct values values;
	enum operation op;
	declared_visit *visit;
	void *context;
};

/* Hands the experiment's request, as the provider sends it, to visit. */
static void declare(struct walk *w, struct arena *arena, const char *address,
		    const struct node *name, const struct node *declaration,
		    const struct node *attributes)
{
	struct translation t;
	struct strbuf label = STRBUF_INIT;

	translation_init(&t, arena, &w->values, w->json);
	strbuf_puts(&label, "resource ");
	strbuf_puts(&label, address);
	struct declared declared = { label.failed ? "resource" : strbuf_text(&label),
				     name, declaration,
				     attributes ? translate_resource(&t, attributes) : NULL,
				     w->op };
	if (declared.members && declared.members->kind == NODE_MAPPING)
		w->visit(&declared, w->context);
	strbuf_free(&label);
	translation_free(&t);
}

static void declare_resource(const struct found_resource *found, void *context)
{
	struct arena arena;

	arena_init(&arena);
	declare(context, &arena, found->address, found->name, found->body, found->body);
	arena_free(&arena);
}

static void declare_change(const struct planned_change *change, void *context)
{
	struct arena arena;
	bool out_of_memory = false;

	arena_init(&arena);
	declare(context, &arena, change->address, node_member(change->entry, "address"),
		change->entry, plan_attributes(change, &arena, &out_of_memory));
	arena_free(&arena);
}

static void terraform_walk(const struct node *root, enum operation op,
			   const struct experiment_state *state, declared_visit *visit,
			   void *context)
{
	struct walk w = { root, false, { 0 }, op, visit, context };

	if (read_values(root, state, &w.values, &w.json))
		plan_json_each_change(root, declare_change, &w);
	else
		each_resource(root, declare_resource, &w);
	values_free(&w.values);
}

/* Read from HCL native syntax; in JSON syntax a configuration
 * (configuration.h) or a plan (plan_json.h). */
static bool terraform_detect(const struct node *root)
{
	if (root->kind != NODE_MAPPING)
		return false;
	return root->scalar.hcl || plan_json_detect(root) || configuration_detect(root);
}

static bool terraform_resembles(const struct node *root)
{
	if (root->kind != NODE_MAPPING)
		return false;
	if (plan_json_detect(root))
		return plan_json_has_experiment(root);
	return configuration_experiments(root) > 0;
}

static bool terraform_text_resembles(const char *text, size_t len)
{
	return text_find(text, len, TERRAFORM_RESOURCE_TYPE);
}

static bool terraform_deployed_value(const struct node *value)
{
	return value->kind == NODE_UNKNOWN;
}

static void no_loader_notes(struct document *doc, struct diag_list *diags)
{
	(void)doc;
	(void)diags;
}

const struct kind kind_terraform = {
	.id = KIND_TERRAFORM,
	.naming = &naming_terraform,
	.detect = terraform_detect,
	.resembles = terraform_resembles,
	.text_resembles = terraform_text_resembles,
	.check = terraform_check,
	.walk = terraform_walk,
	.deployed_value = terraform_deployed_value,
	.loader_notes = no_loader_notes,
};

bool terraform_kind_raises(enum rule_id rule)
{
	return terraform_rules_raise(rule);
}
