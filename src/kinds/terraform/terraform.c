/* Each resource block of the experiment's type is checked by the
 * configuration's own rules on its attributes as written
 * (terraform_rules.h), then by the checks of every experiment on what the
 * provider would send (translate.h), with variables and local values
 * that are known in place of their references (values.h). */
#include "terraform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spelling.h"
#include "terraform_rules.h"
#include "translate.h"
#include "values.h"
#include "base/arena.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "base/text_find.h"
#include "check/checker.h"

static const struct document_type terraform_type = { KIND_TERRAFORM, OPERATION_CREATE };

static bool is_key(const struct node *key, const char *word)
{
	return node_is_string(key) && strcmp(key->scalar.text, word) == 0;
}

/* Terraform's JSON syntax, rather than its native syntax. */
static bool is_json_syntax(const struct node *root)
{
	return !root->scalar.hcl;
}

/* ---- walking a configuration --------------------------------------------- */

struct found_resource {
	const struct node *name; /* the block's second label */
	const struct node *body;
	const char *address;     /* awscc_sagemaker_inference_experiment.NAME */
};

typedef void resource_visit(const struct found_resource *found, void *context);

static void visit_body(const struct node *name, const struct node *body,
		       resource_visit *visit, void *context)
{
	struct strbuf address = STRBUF_INIT;

	/* JSON syntax may give a block's bodies as a list. */
	if (body->kind == NODE_SEQUENCE) {
		for (size_t i = 0; i < body->sequence.count; i++)
			visit_body(name, body->sequence.items[i], visit, context);
		return;
	}
	strbuf_puts(&address, TERRAFORM_RESOURCE_TYPE ".");
	strbuf_add(&address, name->scalar.text, name->scalar.len);
	struct found_resource found = { name, body,
					address.failed ? TERRAFORM_RESOURCE_TYPE
						       : strbuf_text(&address) };
	visit(&found, context);
	strbuf_free(&address);
}

/* resource "awscc_sagemaker_inference_experiment" "NAME" { ... }: each
 * block is a member "resource" of the root, holding its type, then its
 * name, then its body (load/hcl.h); JSON syntax nests them the same way. */
static void each_resource(const struct node *root, resource_visit *visit, void *context)
{
	for (size_t i = 0; root->kind == NODE_MAPPING && i < root->mapping.count; i++) {
		const struct node *types = root->mapping.pairs[i].value;
		if (!is_key(root->mapping.pairs[i].key, "resource") || types->kind != NODE_MAPPING)
			continue;
		for (size_t j = 0; j < types->mapping.count; j++) {
			const struct node *names = types->mapping.pairs[j].value;
			if (!is_key(types->mapping.pairs[j].key, TERRAFORM_RESOURCE_TYPE) ||
			    names->kind != NODE_MAPPING)
				continue;
			for (size_t k = 0; k < names->mapping.count; k++)
				if (node_is_string(names->mapping.pairs[k].key))
					visit_body(names->mapping.pairs[k].key,
						   names->mapping.pairs[k].value, visit, context);
		}
	}
}

/* ---- checking ------------------------------------------------------------ */

struct configuration_check {
	const struct node *root;
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
			if (!d->has_related) {
				d->has_related = true;
				d->related = sub->value;
			}
		}
		if (!diag_prefix_path(d, address))
			diags->out_of_memory = true;
	}
}

static void check_resource(const struct found_resource *found, void *context)
{
	struct configuration_check *c = context;
	struct terraform_policy policy = { { show_in_terraform }, c->diags->policy };
	struct translation t;
	struct arena arena;
	const struct node *request;
	size_t first;

	terraform_rules_check(found->body, found->address, c->diags);
	arena_init(&arena);
	translation_init(&t, &arena, &c->values, is_json_syntax(c->root));
	request = translate_resource(&t, found->body);
	/* A resource without attributes lacks every required one: say so at
	 * its name. */
	struct node none = { .kind = NODE_MAPPING, .span = found->name->span };
	if (!request && !t.out_of_memory)
		request = &none;
	if (request && request->kind != NODE_UNKNOWN) {
		struct experiment x = { request, model_get()->resource, terraform_type,
					&naming_terraform, found->address };
		first = c->diags->count;
		c->diags->policy = &policy.base;
		check_experiment(&x, c->state, c->diags);
		c->diags->policy = policy.user;
		finish(c, &t, found->address, first);
	}
	c->diags->out_of_memory |= t.out_of_memory;
	translation_free(&t);
	arena_free(&arena);
}

static struct document_type terraform_check(const struct node *root,
					    const enum operation *forced,
					    const struct experiment_state *state,
					    struct diag_list *diags)
{
	struct configuration_check c = { root, { 0 }, state, diags };

	(void)forced; /* a configuration's experiments are created */
	values_init(&c.values);
	values_add_configuration(&c.values, root, is_json_syntax(root));
	each_resource(root, check_resource, &c);
	diags->out_of_memory |= c.values.out_of_memory;
	values_free(&c.values);
	return terraform_type;
}

/* ---- the experiments, for the plan -------------------------------------- */

struct walk {
	const struct node *root;
	struct values values;
	enum operation op;
	declared_visit *visit;
	void *context;
};

static void declare(const struct found_resource *found, void *context)
{
	struct walk *w = context;
	struct translation t;
	struct arena arena;
	struct strbuf label = STRBUF_INIT;

	arena_init(&arena);
	translation_init(&t, &arena, &w->values, is_json_syntax(w->root));
	strbuf_puts(&label, "resource ");
	strbuf_puts(&label, found->address);
	struct declared declared = { label.failed ? "resource" : strbuf_text(&label),
				     found->name, found->body,
				     translate_resource(&t, found->body), w->op };
	if (declared.members && declared.members->kind == NODE_MAPPING)
		w->visit(&declared, w->context);
	strbuf_free(&label);
	translation_free(&t);
	arena_free(&arena);
}

static void terraform_walk(const struct node *root, enum operation op, declared_visit *visit,
			   void *context)
{
	struct walk w = { root, { 0 }, op, visit, context };

	values_init(&w.values);
	values_add_configuration(&w.values, root, is_json_syntax(root));
	each_resource(root, declare, &w);
	values_free(&w.values);
}

/* ---- telling a configuration --------------------------------------------- */

/* The blocks a configuration's file is made of. */
static bool is_top_level_block(const struct node *key)
{
	static const char *const words[] = {
		"resource", "data", "variable", "locals", "output", "module", "provider",
		"terraform", "moved", "import", "check", "removed", "ephemeral", "//",
	};

	for (size_t i = 0; node_is_string(key) && i < sizeof words / sizeof *words; i++)
		if (strcmp(key->scalar.text, words[i]) == 0)
			return true;
	return false;
}

/* Read from HCL native syntax, or in JSON syntax a mapping of nothing but
 * a configuration's blocks, at least one of them a resource. */
static bool terraform_detect(const struct node *root)
{
	bool resource = false;

	if (root->kind != NODE_MAPPING)
		return false;
	if (root->scalar.hcl)
		return true;
	for (size_t i = 0; i < root->mapping.count; i++) {
		if (!is_top_level_block(root->mapping.pairs[i].key))
			return false;
		resource |= is_key(root->mapping.pairs[i].key, "resource");
	}
	return resource;
}

static void count_resource(const struct found_resource *found, void *context)
{
	(void)found;
	++*(size_t *)context;
}

static bool terraform_resembles(const struct node *root)
{
	size_t count = 0;

	if (root->kind != NODE_MAPPING)
		return false;
	each_resource(root, count_resource, &count);
	return count > 0;
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
