/* The template's own rules on an experiment's Properties as written:
 * each a small function, rule_NAME for the rule NAME, registered in
 * resource_rules (the Properties as a whole) or call_rules (each intrinsic
 * function call in them), with its catalog entry in rules/catalog.yaml
 * (kinds: [cloudformation]) and its cases in
 * testdata/cases/cloudformation/. */
#include "template_rules.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "attributes.h"
#include "call_results.h"
#include "intrinsic.h"
#include "language_extensions.h"
#include "resource_attributes.h"
#include "resource_check.h"
#include "select_index.h"
#include "sub_names.h"
#include "value_forms.h"
#include "base/quote.h"
#include "rules/model.h"

/* ---- the rules of a resource ------------------------------------------- */

static void rule_read_only_property(struct resource_check *e, const struct node *properties)
{
	const struct shape *shape = model_get()->resource;

	for (size_t i = 0; properties->kind == NODE_MAPPING && i < properties->mapping.count; i++) {
		const struct node *key = properties->mapping.pairs[i].key;
		const struct shape_member *member = node_is_string(key)
			? shape_find_member(shape, key->scalar.text, key->scalar.len) : NULL;
		if (!member || !member->read_only)
			continue;
		size_t mark = path_length(e->path);
		path_append_key(e->path, key->scalar.text, key->scalar.len);
		resource_report(e, key->span,
		       "%s is set by CloudFormation once the experiment exists, and read "
		       "with Fn::GetAtt; the value written here is never sent", member->name);
		path_truncate(e->path, mark);
	}
}

static const struct resource_rule {
	enum rule_id rule;
	void (*check)(struct resource_check *e, const struct node *properties);
} resource_rules[] = {
	{ RULE_READ_ONLY_PROPERTY, rule_read_only_property },
	{ RULE_REFERENCE_MISMATCH, rule_reference_mismatch },
	{ RULE_FUNCTION_RESULT_KIND, rule_function_result_kind },
	{ RULE_ATTRIBUTE_REFERENCE, rule_attribute_reference },
	{ RULE_UNKNOWN_POLICY, rule_unknown_policy },
};

/* ---- the rules of each intrinsic function call ------------------------- */

/* Each returns false when it reported the call; the rules after it then
 * leave the call alone. */
typedef bool (*call_check)(struct resource_check *e, const struct intrinsic *call);

static bool rule_unknown_function(struct resource_check *e, const struct intrinsic *call)
{
	const char *best;

	if (call->function != FN_UNKNOWN)
		return check_language_extension(e, call);
	best = intrinsic_suggest(call);
	resource_report(e, call->name_span, "%s is no intrinsic function of CloudFormation%s%s%s",
	       shorten(call->name, strlen(call->name)).text, best ? "; did you mean \"" : "",
	       best ? best : "", best ? "\"?" : "");
	return false;
}

static bool is_call(const struct intrinsic *call, const struct node *argument)
{
	return intrinsic_argument_is_call(call, argument);
}

static bool is_list(const struct node *node, size_t count)
{
	return node->kind == NODE_SEQUENCE && node->sequence.count == count;
}

static const struct node *argument(const struct intrinsic *call, size_t i)
{
	return call->argument->sequence.items[i];
}

static bool string_or_call(const struct intrinsic *call, const struct node *node)
{
	return node_is_string(node) || is_call(call, node);
}

/* Fn::GetAtt's attribute name may be given by a Ref (to a parameter), and
 * by no other function: CloudFormation refuses an Fn::Sub there. */
static bool string_or_ref(const struct intrinsic *call, const struct node *node)
{
	struct intrinsic inner;

	if (!is_call(call, node))
		return node_is_string(node);
	return intrinsic_read(node, true, &inner) && inner.function == FN_REF;
}

static bool list_or_call(const struct intrinsic *call, const struct node *node)
{
	return node->kind == NODE_SEQUENCE || is_call(call, node);
}

static bool index_or_call(const struct intrinsic *call, const struct node *node)
{
	return (node->kind == NODE_SCALAR && node->scalar.type == SCALAR_INT) ||
	       string_or_call(call, node);
}

/* "Resource.Attribute": a dot with a name on either side. */
static bool is_dotted(const struct node *node)
{
	const char *dot = node_is_string(node) ? strchr(node->scalar.text, '.') : NULL;

	return dot && dot > node->scalar.text && dot[1] != '\0';
}

/* NULL when the call's arguments have the form its function takes, else
 * the form, in words. */
static const char *malformed(const struct intrinsic *call)
{
	const struct node *a = call->argument;

	switch (call->function) {
	case FN_REF:
		return node_is_string(a) && a->scalar.len > 0 ? NULL
			: "the name of a parameter, a resource or a pseudo parameter";
	case FN_GET_ATT:
		return is_dotted(a) || (is_list(a, 2) && node_is_string(argument(call, 0)) &&
					string_or_ref(call, argument(call, 1))) ? NULL
			: "a resource and an attribute: [Resource, Attribute] or "
			  "\"Resource.Attribute\", the attribute a name or a Ref";
	case FN_SUB:
		return node_is_string(a) || (is_list(a, 2) && node_is_string(argument(call, 0)) &&
					     argument(call, 1)->kind == NODE_MAPPING) ? NULL
			: "a string, or a list of a string and a mapping of its variables";
	case FN_JOIN:
		return is_list(a, 2) && node_is_string(argument(call, 0)) &&
		       list_or_call(call, argument(call, 1)) ? NULL
			: "a list of a delimiter and a list of values";
	case FN_IF:
		return is_list(a, 3) && node_is_string(argument(call, 0)) ? NULL
			: "a list of a condition's name and two values";
	case FN_SELECT:
		return is_list(a, 2) && index_or_call(call, argument(call, 0)) &&
		       list_or_call(call, argument(call, 1)) ? NULL
			: "a list of an index and a list";
	case FN_FIND_IN_MAP:
		return (is_list(a, 3) || is_list(a, 4)) && string_or_call(call, argument(call, 0)) &&
		       string_or_call(call, argument(call, 1)) &&
		       string_or_call(call, argument(call, 2)) ? NULL
			: "a list of a mapping's name, a top-level key and a second-level key";
	case FN_IMPORT_VALUE:
	case FN_BASE64:
	case FN_GET_AZS:
		return string_or_call(call, a) ? NULL : "a string";
	case FN_SPLIT:
		return is_list(a, 2) && node_is_string(argument(call, 0)) &&
		       string_or_call(call, argument(call, 1)) ? NULL
			: "a list of a delimiter and a string";
	case FN_CIDR:
		return is_list(a, 3) ? NULL : "a list of an address block, a count and a mask size";
	case FN_LENGTH:
		return list_or_call(call, a) ? NULL : "a list";
	case FN_TO_JSON_STRING:
		return a->kind == NODE_MAPPING || list_or_call(call, a) ? NULL
			: "a mapping or a list";
	case FN_TRANSFORM:
		return node_member(a, "Name") ? NULL : "a mapping with the macro's Name";
	default:
		return NULL;
	}
}

static bool rule_malformed_function(struct resource_check *e, const struct intrinsic *call)
{
	const char *form = malformed(call);
	const char *name = shorten(call->name, strlen(call->name)).text;

	if (intrinsic_is_condition(call->function)) {
		resource_report(e, call->name_span,
		       "%s is a condition function: it belongs in the Conditions section, "
		       "and a property chooses its value with Fn::If", name);
		return false;
	}
	if (!form)
		return true;
	resource_report(e, call->argument->span, "%s takes %s", name, form);
	return false;
}

/* ---- references --------------------------------------------------------- */

static bool declared(const struct section *section, const char *text, size_t len)
{
	return template_find(section, text, len) != NULL;
}

static void check_ref(struct resource_check *e, const struct node *name)
{
	const struct template *t = e->template;
	const char *text = name->scalar.text;
	size_t len = name->scalar.len;

	if (declared(&t->parameters, text, len) || declared(&t->resources, text, len) ||
	    template_is_pseudo_parameter(text, len))
		return;
	struct hint hint = suggest_name(e, name, &t->parameters, text, len);
	if (!*hint.text)
		hint = suggest_name(e, name, &t->resources, text, len);
	resource_report(e, name->span, "Ref names %s, which is no parameter or resource of the "
	       "template, nor a pseudo parameter%s", quote(text, len).text, hint.text);
}

static void check_resource_name(struct resource_check *e, const struct node *at,
				const char *what, const char *text, size_t len)
{
	if (declared(&e->template->resources, text, len))
		return;
	resource_report(e, at->span, "%s names %s, which is no resource of the template%s", what,
	       quote(text, len).text, suggest_name(e, at, &e->template->resources, text, len).text);
}

static void check_get_att(struct resource_check *e, const struct intrinsic *call)
{
	const struct node *a = call->argument;

	if (node_is_string(a))
		check_resource_name(e, a, "Fn::GetAtt", a->scalar.text,
				    (size_t)(strchr(a->scalar.text, '.') - a->scalar.text));
	else
		check_resource_name(e, argument(call, 0), "Fn::GetAtt",
				    argument(call, 0)->scalar.text, argument(call, 0)->scalar.len);
}

/* One ${Name} or ${Resource.Attribute} of a Fn::Sub string. */
static void check_variable(struct resource_check *e, const struct node *string,
			   const struct section *variables, const char *name, size_t len)
{
	const struct template *t = e->template;
	const char *dot = memchr(name, '.', len);

	if (declared(variables, name, len))
		return;
	if (dot) {
		check_resource_name(e, string, "Fn::Sub", name, (size_t)(dot - name));
		return;
	}
	if (declared(&t->parameters, name, len) || declared(&t->resources, name, len) ||
	    template_is_pseudo_parameter(name, len))
		return;
	resource_report(e, string->span, "Fn::Sub names ${%s}, which is no parameter, resource or "
	       "variable of the template, nor a pseudo parameter%s", shorten(name, len).text,
	       suggest_name(e, string, &t->parameters, name, len).text);
}

static void check_sub(struct resource_check *e, const struct intrinsic *call)
{
	const struct node *string = call->argument;
	struct sub_names names;
	struct section variables;
	const char *name;
	size_t len;

	/* Indexed (template.h): the string may name them millions of times. */
	if (!section_index(&variables, string->kind == NODE_SEQUENCE ? argument(call, 1) : NULL)) {
		e->diags->out_of_memory = true;
		return;
	}
	if (string->kind == NODE_SEQUENCE)
		string = argument(call, 0);
	sub_names_start(&names, string);
	while (sub_names_next(&names, &name, &len))
		check_variable(e, string, &variables, name, len);
	section_free(&variables);
}

static void check_condition_name(struct resource_check *e, const struct node *name)
{
	const struct section *conditions = &e->template->conditions;

	if (declared(conditions, name->scalar.text, name->scalar.len))
		return;
	resource_report(e, name->span, "Fn::If names the condition %s, which the Conditions section "
	       "lacks%s", quote(name->scalar.text, name->scalar.len).text,
	       suggest_name(e, name, conditions, name->scalar.text, name->scalar.len).text);
}

static void check_map_name(struct resource_check *e, const struct node *name)
{
	const struct section *mappings = &e->template->mappings;

	if (!node_is_string(name) || declared(mappings, name->scalar.text, name->scalar.len))
		return;
	resource_report(e, name->span, "Fn::FindInMap names the mapping %s, which the Mappings "
	       "section lacks%s", quote(name->scalar.text, name->scalar.len).text,
	       suggest_name(e, name, mappings, name->scalar.text, name->scalar.len).text);
}

/* Runs after rule_malformed_function, so the arguments have their form. */
static bool rule_unknown_reference(struct resource_check *e, const struct intrinsic *call)
{
	if (e->template->transformed)
		return true;
	switch (call->function) {
	case FN_REF:
		check_ref(e, call->argument);
		break;
	case FN_GET_ATT:
		check_get_att(e, call);
		break;
	case FN_SUB:
		check_sub(e, call);
		break;
	case FN_IF:
		check_condition_name(e, argument(call, 0));
		break;
	case FN_FIND_IN_MAP:
		check_map_name(e, argument(call, 0));
		break;
	default:
		break;
	}
	return true;
}

static const struct call_rule {
	enum rule_id rule;
	call_check check;
} call_rules[] = {
	{ RULE_UNKNOWN_FUNCTION, rule_unknown_function },
	{ RULE_MALFORMED_FUNCTION, rule_malformed_function },
	{ RULE_UNKNOWN_REFERENCE, rule_unknown_reference },
	{ RULE_UNKNOWN_ATTRIBUTE, rule_unknown_attribute },
	{ RULE_SELECT_INDEX, rule_select_index },
};

/* Every call in node, arguments of calls included; a node's own tag
 * counts unless it made the call whose argument the node is. */
static void check_calls(struct resource_check *e, const struct node *node, bool with_tag)
{
	struct intrinsic call;

	if (intrinsic_read(node, with_tag, &call)) {
		for (size_t i = 0; i < sizeof call_rules / sizeof *call_rules; i++) {
			e->rule = call_rules[i].rule;
			if (!call_rules[i].check(e, &call))
				break;
		}
		check_calls(e, call.argument, call.argument != node);
		return;
	}
	for (size_t i = 0; node->kind == NODE_MAPPING && i < node->mapping.count; i++) {
		const struct pair *pair = &node->mapping.pairs[i];
		size_t mark = path_length(e->path);
		if (node_is_string(pair->key))
			path_append_key(e->path, pair->key->scalar.text, pair->key->scalar.len);
		check_calls(e, pair->value, true);
		path_truncate(e->path, mark);
	}
	for (size_t i = 0; node->kind == NODE_SEQUENCE && i < node->sequence.count; i++) {
		size_t mark = path_length(e->path);
		path_append_index(e->path, i);
		check_calls(e, node->sequence.items[i], true);
		path_truncate(e->path, mark);
	}
}

void template_rules_check(const struct template *template, const struct node *resource,
			  const struct node *properties, struct path *path,
			  struct diag_list *diags)
{
	struct resource_check e = { template, diags, path, RULE_COUNT, resource };

	for (size_t i = 0; i < sizeof resource_rules / sizeof *resource_rules; i++) {
		e.rule = resource_rules[i].rule;
		resource_rules[i].check(&e, properties);
	}
	check_calls(&e, properties, true);
}

bool template_rules_raise(enum rule_id rule)
{
	for (size_t i = 0; i < sizeof resource_rules / sizeof *resource_rules; i++)
		if (resource_rules[i].rule == rule)
			return true;
	for (size_t i = 0; i < sizeof call_rules / sizeof *call_rules; i++)
		if (call_rules[i].rule == rule)
			return true;
	return false;
}
