#include "terraform_rules.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "spelling.h"
#include "translate.h"
#include "base/format.h"
#include "base/path.h"
#include "base/quote.h"
#include "check/fix.h"
#include "rules/model.h"
#include "rules/rules.h"

struct body_check {
	const char *prefix;
	struct path path; /* below prefix, spelled as Terraform spells it */
	enum rule_id rule;
	struct diag_list *diags;
};

__attribute__((format(printf, 3, 4)))
static bool report(struct body_check *b, struct span span, const char *format, ...)
{
	va_list args;
	char *path = diag_join_path(b->prefix, path_string(&b->path));
	bool added;

	if (!path) {
		b->diags->out_of_memory = true;
		return false;
	}
	va_start(args, format);
	added = diag_addv(b->diags, b->rule, span, path, format, args);
	va_end(args);
	free(path);
	return added;
}

/* ---- read-only attributes ---------------------------------------------- */

static void rule_read_only_property(struct body_check *b, const struct node *body)
{
	const struct shape *shape = model_get()->resource;

	for (size_t i = 0; body->kind == NODE_MAPPING && i < body->mapping.count; i++) {
		const struct node *key = body->mapping.pairs[i].key;
		const struct shape_member *member = node_is_string(key)
			? terraform_find_member(shape, key->scalar.text, key->scalar.len) : NULL;
		if (!member || !member->read_only)
			continue;
		size_t mark = path_length(&b->path);
		path_append_key(&b->path, key->scalar.text, key->scalar.len);
		report(b, key->span, "%s is computed by the provider once the experiment "
		       "exists; Terraform takes no value for it in the configuration, and "
		       "other resources read it as an attribute reference", key->scalar.text);
		path_truncate(&b->path, mark);
	}
}

/* ---- CloudFormation's spelling ------------------------------------------ */

static void api_spellings_in(struct body_check *b, const struct node *node,
			     const struct shape *shape);

static void api_spellings_of(struct body_check *b, const struct node *mapping,
			     const struct shape *shape)
{
	for (size_t i = 0; i < mapping->mapping.count; i++) {
		const struct pair *pair = &mapping->mapping.pairs[i];
		const struct shape_member *member = NULL;
		size_t mark = path_length(&b->path);
		if (!node_is_string(pair->key) || terraform_meta_argument(pair->key))
			continue;
		path_append_key(&b->path, pair->key->scalar.text, pair->key->scalar.len);
		if ((member = terraform_api_spelling(shape, pair->key->scalar.text,
						     pair->key->scalar.len))) {
			const char *meant = naming_terraform.member(member->name);
			if (report(b, pair->key->span, "unknown attribute %s: the awscc provider "
				   "spells CloudFormation's %s as \"%s\"",
				   quote(pair->key->scalar.text, pair->key->scalar.len).text,
				   member->name, meant))
				fix_string(b->diags, pair->key, meant, strlen(meant));
		} else {
			member = terraform_find_member(shape, pair->key->scalar.text,
						       pair->key->scalar.len);
		}
		if (member)
			api_spellings_in(b, pair->value, member->shape);
		path_truncate(&b->path, mark);
	}
}

static void api_spellings_in(struct body_check *b, const struct node *node,
			     const struct shape *shape)
{
	if (!shape)
		return;
	if (node->kind == NODE_MAPPING && shape->type == SHAPE_STRUCTURE)
		api_spellings_of(b, node, shape);
	for (size_t i = 0; node->kind == NODE_SEQUENCE && shape->type == SHAPE_LIST &&
			   i < node->sequence.count; i++) {
		size_t mark = path_length(&b->path);
		path_append_index(&b->path, i);
		api_spellings_in(b, node->sequence.items[i], shape->member);
		path_truncate(&b->path, mark);
	}
}

/* CloudFormation's name of an attribute (ModelVariants) in a
 * configuration: Terraform refuses it ("An argument named ... is not
 * expected here"). The value is checked as the member's all the same. */
static void rule_unknown_member(struct body_check *b, const struct node *body)
{
	api_spellings_in(b, body, model_get()->resource);
}

/* ---- blocks where attributes belong ------------------------------------- */

static void blocks_in(struct body_check *b, const struct node *body, const struct shape *shape)
{
	for (size_t i = 0; body->kind == NODE_MAPPING && i < body->mapping.count; i++) {
		const struct pair *pair = &body->mapping.pairs[i];
		const struct shape_member *member;
		if (!terraform_block(pair->key, pair->value) ||
		    !(member = terraform_find_member(shape, pair->key->scalar.text,
						     pair->key->scalar.len)))
			continue;
		const char *name = pair->key->scalar.text;
		bool list = member->shape->type == SHAPE_LIST;
		size_t mark = path_length(&b->path);
		path_append_key(&b->path, name, pair->key->scalar.len);
		if (list) {
			report(b, pair->key->span, "%s is an attribute that holds a list, not a "
			       "block: Terraform refuses the block; write %s = [{ ... }], an "
			       "object for each block", name, name);
		} else if (report(b, pair->key->span, "%s is an attribute, not a block: "
				  "Terraform refuses the block; write %s = { ... }", name, name)) {
			char *fixed = format_alloc("%s =", name);
			if (fixed)
				fix_plain(b->diags, pair->key, fixed, strlen(fixed));
			else
				b->diags->out_of_memory = true;
			free(fixed);
		}
		blocks_in(b, pair->value, list ? member->shape->member : member->shape);
		path_truncate(&b->path, mark);
	}
}

/* A nested block, `schedule { ... }`, where the awscc provider has an
 * attribute that holds an object (`schedule = { ... }`), as providers of
 * Terraform's older plugin framework had blocks. */
static void rule_block_for_attribute(struct body_check *b, const struct node *body)
{
	blocks_in(b, body, model_get()->resource);
}

static const struct terraform_rule {
	enum rule_id rule;
	void (*check)(struct body_check *b, const struct node *body);
} terraform_rules[] = {
	{ RULE_READ_ONLY_PROPERTY, rule_read_only_property },
	{ RULE_UNKNOWN_MEMBER, rule_unknown_member },
	{ RULE_BLOCK_FOR_ATTRIBUTE, rule_block_for_attribute },
};

void terraform_rules_check(const struct node *body, const char *prefix,
			   struct diag_list *diags)
{
	struct body_check b = { .prefix = prefix, .diags = diags };

	for (size_t i = 0; i < sizeof terraform_rules / sizeof *terraform_rules; i++) {
		path_init(&b.path);
		b.rule = terraform_rules[i].rule;
		terraform_rules[i].check(&b, body);
		if (path_failed(&b.path))
			diags->out_of_memory = true;
		path_free(&b.path);
	}
}

/* The rules of Terraform's own form. read-only-property is the template's
 * rule too, and unknown-member the shape rules': they raise them first. */
bool terraform_rules_raise(enum rule_id rule)
{
	for (size_t i = 0; i < sizeof terraform_rules / sizeof *terraform_rules; i++)
		if (terraform_rules[i].rule == rule)
			return rule_get(rule)->kinds == KIND_BIT(KIND_TERRAFORM);
	return false;
}
