/* CloudFormation templates: each resource of the experiment's type is an
 * experiment that CloudFormation creates. Each is checked by the
 * template's own rules on its Properties as written (template_rules.h),
 * then, in each outcome of the conditions its Fn::If name, by the checks
 * of every experiment on the request CloudFormation would send
 * (outcomes.h), and what the stack operation would really send is held
 * against the experiment deployed (stack_rules.h). */
#include "cloudformation.h"

#include <string.h>

#include "outcomes.h"
#include "stack_rules.h"
#include "template.h"
#include "template_rules.h"
#include "yaml_versions.h"
#include "base/memory.h"
#include "base/path.h"
#include "base/strbuf.h"
#include "base/text_find.h"
#include "rules/model.h"

static bool is_experiment(const struct node *resource)
{
	const struct node *type = node_member(resource, "Type");

	return node_is_string(type) && strcmp(type->scalar.text, model_get()->resource_type) == 0;
}

/* Each resource of the experiment's type, in the order written. */
static void cloudformation_walk(const struct node *root, enum operation op,
				const struct experiment_state *state, declared_visit *visit,
				void *context)
{
	const struct node *resources = node_member(root, "Resources");

	(void)state; /* a template's values are its own */
	for (size_t i = 0; resources && resources->kind == NODE_MAPPING &&
			   i < resources->mapping.count; i++) {
		const struct pair *pair = &resources->mapping.pairs[i];
		struct strbuf label = STRBUF_INIT;
		if (!node_is_string(pair->key) || !is_experiment(pair->value))
			continue;
		strbuf_puts(&label, "resource ");
		strbuf_add(&label, pair->key->scalar.text, pair->key->scalar.len);
		struct declared declared = { label.failed ? "resource" : strbuf_text(&label),
					     pair->key, pair->value,
					     node_member(pair->value, "Properties"), op };
		visit(&declared, context);
		strbuf_free(&label);
	}
}

/* ---- checking ------------------------------------------------------------ */

struct template_check {
	const struct template *template;
	const struct experiment_state *state;
	struct diag_list *diags;
	struct outcome_budget budget; /* shared by the file's experiments */
};

static void check_resource(const struct declared *declared, void *context)
{
	struct template_check *t = context;
	const struct node *properties = declared->members;
	/* Without Properties, every required one is missing: say so at the
	 * resource's name. */
	struct node none = { .kind = NODE_MAPPING, .span = declared->name->span };
	struct path path;

	if (!properties)
		properties = &none;
	path_init(&path);
	path_append_key(&path, "Resources", strlen("Resources"));
	path_append_key(&path, declared->name->scalar.text, declared->name->scalar.len);
	path_append_key(&path, "Properties", strlen("Properties"));
	template_rules_check(t->template, declared->declaration, properties, &path, t->diags);
	outcomes_check(t->template, properties, path_string(&path), t->state, &t->budget,
		       t->diags);
	stack_rules_check(t->template, declared->name, properties, path_string(&path), t->state,
			  &t->budget, t->diags);
	if (path_failed(&path))
		t->diags->out_of_memory = true;
	path_free(&path);
}

static struct document_type cloudformation_check(const struct node *root,
						 const enum operation *forced,
						 const struct experiment_state *state,
						 struct diag_list *diags)
{
	struct template template;
	struct template_check t = { &template, state, diags, { 0, 0 } };

	(void)forced; /* a template's experiments are created, whatever is said */
	outcome_budget_init(&t.budget);
	if (!template_read(&template, root))
		diags->out_of_memory = true;
	cloudformation_walk(root, OPERATION_CREATE, state, check_resource, &t);
	template_free(&template);
	return (struct document_type){ KIND_CLOUDFORMATION, OPERATION_CREATE };
}

/* ---- telling a template -------------------------------------------------- */

/* A template, or a Resources mapping with an experiment among its
 * resources, though template_detect() may not take it for a template yet
 * (another resource lacks its Type). */
static bool cloudformation_resembles(const struct node *root)
{
	const struct node *resources = node_member(root, "Resources");

	if (template_detect(root))
		return true;
	for (size_t i = 0; resources && resources->kind == NODE_MAPPING &&
			   i < resources->mapping.count; i++)
		if (is_experiment(resources->mapping.pairs[i].value))
			return true;
	return false;
}

/* A template's marks in the text of a file that did not load. */
static bool cloudformation_text_resembles(const char *text, size_t len)
{
	const char *resource_type = model_get()->resource_type;

	return text_find(text, len, "AWSTemplateFormatVersion") ||
	       text_find(text, len, resource_type);
}

/* A value only CloudFormation knows: !Ref X, {"Ref": X}, {"Fn::GetAtt": ...}. */
static bool cloudformation_deployed_value(const struct node *node)
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

const struct kind kind_cloudformation = {
	.id = KIND_CLOUDFORMATION,
	.naming = &naming_api,
	.detect = template_detect,
	.resembles = cloudformation_resembles,
	.text_resembles = cloudformation_text_resembles,
	.check = cloudformation_check,
	.walk = cloudformation_walk,
	.deployed_value = cloudformation_deployed_value,
	.loader_notes = load_report_template_notes,
};

bool cloudformation_kind_raises(enum rule_id rule)
{
	return yaml_versions_raises(rule) || template_rules_raise(rule) ||
	       stack_rules_raise(rule);
}
