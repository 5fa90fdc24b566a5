#include "intrinsic.h"

#include <string.h>

#include "check/suggest.h"

/* Every function, by its long name and its short tag. */
static const struct {
	enum intrinsic_function function;
	const char *name;
	const char *tag;
} functions[] = {
	{ FN_REF, "Ref", "!Ref" },
	{ FN_GET_ATT, "Fn::GetAtt", "!GetAtt" },
	{ FN_SUB, "Fn::Sub", "!Sub" },
	{ FN_JOIN, "Fn::Join", "!Join" },
	{ FN_IF, "Fn::If", "!If" },
	{ FN_SELECT, "Fn::Select", "!Select" },
	{ FN_FIND_IN_MAP, "Fn::FindInMap", "!FindInMap" },
	{ FN_IMPORT_VALUE, "Fn::ImportValue", "!ImportValue" },
	{ FN_BASE64, "Fn::Base64", "!Base64" },
	{ FN_SPLIT, "Fn::Split", "!Split" },
	{ FN_GET_AZS, "Fn::GetAZs", "!GetAZs" },
	{ FN_CIDR, "Fn::Cidr", "!Cidr" },
	{ FN_LENGTH, "Fn::Length", NULL },
	{ FN_TO_JSON_STRING, "Fn::ToJsonString", NULL },
	{ FN_TRANSFORM, "Fn::Transform", "!Transform" },
	{ FN_EQUALS, "Fn::Equals", "!Equals" },
	{ FN_AND, "Fn::And", "!And" },
	{ FN_OR, "Fn::Or", "!Or" },
	{ FN_NOT, "Fn::Not", "!Not" },
	{ FN_CONDITION, "Condition", "!Condition" },
};

#define FUNCTION_COUNT (sizeof functions / sizeof *functions)

static bool same(const char *name, const char *text, size_t len)
{
	return name && strlen(name) == len && memcmp(name, text, len) == 0;
}

static bool read_tag(const struct node *node, struct intrinsic *call)
{
	const struct node_tag *tag = node->tag;

	*call = (struct intrinsic){ FN_UNKNOWN, tag->text, tag->span, node, node };
	for (size_t i = 0; i < FUNCTION_COUNT; i++) {
		if (same(functions[i].tag, tag->text, tag->len))
			call->function = functions[i].function;
	}
	return true;
}

/* {"Ref": ...}, {"Condition": ...} or {"Fn::...": ...}: a mapping of one
 * member, which no property of the experiment is named like. */
static bool read_long_form(const struct node *node, struct intrinsic *call)
{
	const struct node *key;

	if (node->kind != NODE_MAPPING || node->mapping.count != 1)
		return false;
	key = node->mapping.pairs[0].key;
	if (!node_is_string(key))
		return false;
	*call = (struct intrinsic){ FN_UNKNOWN, key->scalar.text, key->span, node,
				    node->mapping.pairs[0].value };
	for (size_t i = 0; i < FUNCTION_COUNT; i++) {
		if (same(functions[i].name, key->scalar.text, key->scalar.len)) {
			call->function = functions[i].function;
			return true;
		}
	}
	return key->scalar.len > 4 && memcmp(key->scalar.text, "Fn::", 4) == 0;
}

bool intrinsic_read(const struct node *node, bool with_tag, struct intrinsic *call)
{
	if (!node)
		return false;
	if (with_tag && node->tag)
		return read_tag(node, call);
	return read_long_form(node, call);
}

bool intrinsic_argument_is_call(const struct intrinsic *call, const struct node *argument)
{
	struct intrinsic inner;

	return intrinsic_read(argument, argument != call->call, &inner);
}

const char *intrinsic_name(enum intrinsic_function function)
{
	for (size_t i = 0; i < FUNCTION_COUNT; i++)
		if (functions[i].function == function)
			return functions[i].name;
	return "an unknown function";
}

const char *intrinsic_suggest(const struct intrinsic *call)
{
	struct suggestion s;
	bool tag = call->call->tag && call->argument == call->call;

	suggestion_init(&s, call->name, strlen(call->name));
	for (size_t i = 0; i < FUNCTION_COUNT; i++) {
		const char *name = tag ? functions[i].tag : functions[i].name;
		if (name)
			suggestion_consider(&s, name);
	}
	return s.best;
}

bool intrinsic_is_condition(enum intrinsic_function function)
{
	return function >= FN_EQUALS && function <= FN_CONDITION;
}

const struct node *intrinsic_if_condition(const struct intrinsic *call)
{
	const struct node *a = call->argument;

	if (call->function != FN_IF || a->kind != NODE_SEQUENCE || a->sequence.count != 3 ||
	    !node_is_string(a->sequence.items[0]))
		return NULL;
	return a->sequence.items[0];
}
