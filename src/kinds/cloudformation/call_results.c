/* The kind of value each intrinsic function gives, as far as the
 * template tells it, and function-result-kind, which compares it with
 * the form of the property the call stands in. */
#include "call_results.h"

#include <string.h>

#include "select_index.h"
#include "rules/model.h"

/* A call's result is looked for through at most this many nested calls
 * (!Select of an !If of a !Select...), and at most this many values in
 * all: YAML aliases may make a few lines stand for millions. */
enum { MAX_RESULT_DEPTH = 16, MAX_RESULT_VALUES = 1000 };

struct lookup {
	const struct template *template;
	size_t values_left;
};

static enum result_kind kind_of(struct lookup *l, const struct node *node, unsigned depth);

static bool starts_with(const char *text, const char *prefix)
{
	return strncmp(text, prefix, strlen(prefix)) == 0;
}

/* A parameter's Type: the lists, the single values, and the rest (an SSM
 * parameter of a type ielint does not know, say) left unknown. */
static enum result_kind parameter_kind(const struct node *parameter)
{
	const struct node *type = node_member(parameter, "Type");
	const char *text;

	if (!node_is_string(type))
		return RESULT_UNKNOWN;
	text = type->scalar.text;
	if (strcmp(text, "CommaDelimitedList") == 0 || starts_with(text, "List<") ||
	    strcmp(text, "AWS::SSM::Parameter::Value<CommaDelimitedList>") == 0 ||
	    starts_with(text, "AWS::SSM::Parameter::Value<List<"))
		return RESULT_LIST;
	if (strcmp(text, "String") == 0 || strcmp(text, "Number") == 0 ||
	    strcmp(text, "AWS::SSM::Parameter::Value<String>") == 0)
		return RESULT_STRING;
	return RESULT_UNKNOWN;
}

static enum result_kind ref_kind(const struct template *t, const struct node *name)
{
	const struct node *parameter;

	if (!node_is_string(name))
		return RESULT_UNKNOWN;
	if ((parameter = template_find(&t->parameters, name->scalar.text, name->scalar.len)))
		return parameter_kind(parameter);
	if (strcmp(name->scalar.text, "AWS::NotificationARNs") == 0)
		return RESULT_LIST;
	/* AWS::NoValue removes the property; a resource's Ref is whatever its
	 * type makes it. */
	if (strcmp(name->scalar.text, "AWS::NoValue") == 0 ||
	    !template_is_pseudo_parameter(name->scalar.text, name->scalar.len))
		return RESULT_UNKNOWN;
	return RESULT_STRING;
}

/* An Arn is a string in every AWS resource type; other attributes, and
 * those of custom resources and nested stacks, can be anything. */
static enum result_kind get_att_kind(const struct template *t, const struct intrinsic *call)
{
	const struct node *a = call->argument;
	const char *resource, *attribute;
	size_t resource_len;
	const struct node *type;

	if (node_is_string(a) && strchr(a->scalar.text, '.')) {
		resource = a->scalar.text;
		attribute = strchr(resource, '.') + 1;
		resource_len = (size_t)(attribute - 1 - resource);
	} else if (a->kind == NODE_SEQUENCE && a->sequence.count == 2 &&
		   node_is_string(a->sequence.items[0]) && node_is_string(a->sequence.items[1])) {
		resource = a->sequence.items[0]->scalar.text;
		resource_len = a->sequence.items[0]->scalar.len;
		attribute = a->sequence.items[1]->scalar.text;
	} else {
		return RESULT_UNKNOWN;
	}
	type = node_member(template_find(&t->resources, resource, resource_len), "Type");
	if (strcmp(attribute, "Arn") != 0 || !node_is_string(type) ||
	    !starts_with(type->scalar.text, "AWS::") ||
	    starts_with(type->scalar.text, "AWS::CloudFormation::") ||
	    starts_with(type->scalar.text, "AWS::Serverless::Application"))
		return RESULT_UNKNOWN;
	return RESULT_STRING;
}

/* An item of a literal list, or of a list a call gives (whose items are
 * strings). */
static enum result_kind select_kind(struct lookup *l, const struct intrinsic *call,
				    unsigned depth)
{
	const struct node *a = call->argument, *list;
	long long index;
	enum result_kind kind = RESULT_UNKNOWN;

	if (a->kind != NODE_SEQUENCE || a->sequence.count != 2)
		return RESULT_UNKNOWN;
	list = a->sequence.items[1];
	if (list->kind != NODE_SEQUENCE || intrinsic_argument_is_call(call, list))
		return kind_of(l, list, depth) == RESULT_LIST ? RESULT_STRING : RESULT_UNKNOWN;
	if (select_literal_index(a->sequence.items[0], &index) && index >= 0 &&
	    (unsigned long long)index < list->sequence.count)
		return kind_of(l, list->sequence.items[index], depth);
	/* Whichever item the index picks: the kind they all have. */
	for (size_t i = 0; i < list->sequence.count; i++) {
		enum result_kind item = kind_of(l, list->sequence.items[i], depth);
		if (item == RESULT_UNKNOWN || (i > 0 && item != kind))
			return RESULT_UNKNOWN;
		kind = item;
	}
	return kind;
}

/* A mapping's value for literal keys (the default value of the
 * four-argument form, when the keys are missing, is left unknown). */
static enum result_kind find_in_map_kind(const struct template *t, const struct intrinsic *call)
{
	const struct node *a = call->argument, *map, *level;

	if (a->kind != NODE_SEQUENCE || a->sequence.count < 3)
		return RESULT_UNKNOWN;
	for (size_t i = 0; i < 3; i++)
		if (!node_is_string(a->sequence.items[i]) || a->sequence.items[i]->tag)
			return RESULT_UNKNOWN;
	map = template_find(&t->mappings, a->sequence.items[0]->scalar.text,
			    a->sequence.items[0]->scalar.len);
	level = node_member(node_member(map, a->sequence.items[1]->scalar.text),
			    a->sequence.items[2]->scalar.text);
	/* A list value where a string belongs is taken by cfn-lint with a
	 * warning only; so is not judged here either. */
	return level && level->kind == NODE_SCALAR ? RESULT_STRING : RESULT_UNKNOWN;
}

static enum result_kind if_kind(struct lookup *l, const struct intrinsic *call,
				unsigned depth)
{
	const struct node *a = call->argument;
	enum result_kind then, otherwise;

	if (a->kind != NODE_SEQUENCE || a->sequence.count != 3)
		return RESULT_UNKNOWN;
	then = kind_of(l, a->sequence.items[1], depth);
	otherwise = kind_of(l, a->sequence.items[2], depth);
	return then == otherwise ? then : RESULT_UNKNOWN;
}

static bool is_pair(const struct node *node, size_t count)
{
	return node->kind == NODE_SEQUENCE && node->sequence.count == count;
}

/* Whether the call's argument has the form that gives its kind of result:
 * a call of another form is malformed-function's to report, and its
 * result is nobody's to judge. */
static bool well_formed(const struct intrinsic *call)
{
	const struct node *a = call->argument;

	switch (call->function) {
	case FN_SUB:
		return node_is_string(a) || is_pair(a, 2);
	case FN_JOIN:
	case FN_SPLIT:
		return is_pair(a, 2);
	case FN_CIDR:
		return is_pair(a, 3);
	case FN_IMPORT_VALUE:
	case FN_BASE64:
	case FN_GET_AZS:
		return a->kind == NODE_SCALAR || intrinsic_argument_is_call(call, a);
	default:
		return true;
	}
}

static enum result_kind result_kind_at(struct lookup *l, const struct intrinsic *call,
				       unsigned depth)
{
	const struct template *t = l->template;

	if (!well_formed(call))
		return RESULT_UNKNOWN;
	switch (call->function) {
	case FN_REF:
		return ref_kind(t, call->argument);
	case FN_GET_ATT:
		return get_att_kind(t, call);
	case FN_SUB:
	case FN_JOIN:
	case FN_IMPORT_VALUE:
	case FN_BASE64:
	case FN_LENGTH:
	case FN_TO_JSON_STRING:
		return RESULT_STRING;
	case FN_SPLIT:
	case FN_GET_AZS:
	case FN_CIDR:
		return RESULT_LIST;
	case FN_SELECT:
		return select_kind(l, call, depth);
	case FN_FIND_IN_MAP:
		return find_in_map_kind(t, call);
	case FN_IF:
		return if_kind(l, call, depth);
	default:
		return RESULT_UNKNOWN;
	}
}

/* A value inside a call's arguments: a call, a scalar, or a list. */
static enum result_kind kind_of(struct lookup *l, const struct node *node, unsigned depth)
{
	struct intrinsic call;

	if (depth >= MAX_RESULT_DEPTH || l->values_left == 0)
		return RESULT_UNKNOWN;
	l->values_left--;
	if (intrinsic_read(node, true, &call))
		return result_kind_at(l, &call, depth + 1);
	if (node->kind == NODE_SCALAR && node->scalar.type != SCALAR_NULL)
		return RESULT_STRING;
	return node->kind == NODE_SEQUENCE ? RESULT_LIST : RESULT_UNKNOWN;
}

enum result_kind call_result_kind(const struct template *template,
				  const struct intrinsic *call)
{
	struct lookup l = { template, MAX_RESULT_VALUES };

	return result_kind_at(&l, call, 0);
}

/* ---- function-result-kind ------------------------------------------------ */

/* The Properties are walked along their shape at most this deep (the
 * shapes nest five levels; a deeper value is refused by the shape rules). */
enum { MAX_WALK_DEPTH = 32 };

static bool takes_single_value(const struct shape *shape)
{
	return shape->type == SHAPE_STRING || shape->type == SHAPE_INTEGER ||
	       shape->type == SHAPE_TIMESTAMP;
}

static bool takes_collection(const struct shape *shape)
{
	return shape->type == SHAPE_LIST || shape->type == SHAPE_STRUCTURE ||
	       shape->type == SHAPE_MAP;
}

static const char *form_of(const struct shape *shape)
{
	switch (shape->type) {
	case SHAPE_LIST:
		return "a list";
	case SHAPE_STRUCTURE:
	case SHAPE_MAP:
		return "a mapping";
	case SHAPE_INTEGER:
		return "a number";
	default:
		return "a single value";
	}
}

/* Whether CloudFormation's value for the call is one the template tells,
 * which the shape rules then check as if written (resolve.h): a Ref to a
 * parameter's Default, a Fn::Sub that names no variable. */
static bool resolved_elsewhere(const struct template *t, const struct intrinsic *call)
{
	const struct node *a = call->argument, *parameter;

	if (call->function == FN_REF && node_is_string(a) &&
	    (parameter = template_find(&t->parameters, a->scalar.text, a->scalar.len)))
		return node_member(parameter, "Default") &&
		       node_member(parameter, "Default")->kind == NODE_SCALAR &&
		       parameter_kind(parameter) == RESULT_STRING &&
		       !starts_with(node_member(parameter, "Type")->scalar.text, "AWS::SSM::");
	if (call->function == FN_SUB && node_is_string(a)) {
		for (const char *p = a->scalar.text; (p = strstr(p, "${")) != NULL; p += 2)
			if (p[2] != '!')
				return false;
		return true;
	}
	return false;
}

static void walk(struct resource_check *e, const struct node *node, const struct shape *shape,
		 unsigned depth);

static void check_call(struct resource_check *e, const struct intrinsic *call,
		       const struct shape *shape, unsigned depth)
{
	const struct node *a = call->argument;
	enum result_kind kind;

	/* Each branch of an Fn::If is the property's value in some outcome. */
	if (call->function == FN_IF) {
		if (a->kind == NODE_SEQUENCE && a->sequence.count == 3) {
			walk(e, a->sequence.items[1], shape, depth + 1);
			walk(e, a->sequence.items[2], shape, depth + 1);
		}
		return;
	}
	kind = call_result_kind(e->template, call);
	if (resolved_elsewhere(e->template, call) ||
	    !((kind == RESULT_STRING && takes_collection(shape)) ||
	      (kind == RESULT_LIST && takes_single_value(shape))))
		return;
	resource_report(e, call->name_span, "%s gives %s, where this property takes %s",
	       shorten(call->name, strlen(call->name)).text,
	       kind == RESULT_LIST ? "a list" : "a string", form_of(shape));
}

static void walk_members(struct resource_check *e, const struct node *node,
			 const struct shape *shape, unsigned depth)
{
	for (size_t i = 0; i < node->mapping.count; i++) {
		const struct pair *pair = &node->mapping.pairs[i];
		const struct shape_member *member = node_is_string(pair->key)
			? shape_find_member(shape, pair->key->scalar.text, pair->key->scalar.len)
			: NULL;
		/* A read-only property's value is dropped (read-only-property). */
		if (!member || member->read_only)
			continue;
		size_t mark = path_length(e->path);
		path_append_key(e->path, pair->key->scalar.text, pair->key->scalar.len);
		walk(e, pair->value, member->shape, depth + 1);
		path_truncate(e->path, mark);
	}
}

static void walk(struct resource_check *e, const struct node *node, const struct shape *shape,
		 unsigned depth)
{
	struct intrinsic call;

	if (depth > MAX_WALK_DEPTH || !shape)
		return;
	if (intrinsic_read(node, true, &call)) {
		if (call.function != FN_UNKNOWN && !intrinsic_is_condition(call.function))
			check_call(e, &call, shape, depth);
		return;
	}
	if (node->kind == NODE_MAPPING && shape->type == SHAPE_STRUCTURE)
		walk_members(e, node, shape, depth);
	for (size_t i = 0; node->kind == NODE_SEQUENCE && shape->type == SHAPE_LIST &&
			   i < node->sequence.count; i++) {
		size_t mark = path_length(e->path);
		path_append_index(e->path, i);
		walk(e, node->sequence.items[i], shape->member, depth + 1);
		path_truncate(e->path, mark);
	}
}

void rule_function_result_kind(struct resource_check *e, const struct node *properties)
{
	walk(e, properties, model_get()->resource, 0);
}
