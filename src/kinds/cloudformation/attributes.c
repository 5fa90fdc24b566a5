/* Fn::GetAtt's attributes: looked up in the table made from the resource
 * provider schemas (rules/attributes.tsv), by binary search on the type
 * and then on the attribute. A type the table lacks is not known, and its
 * attributes are never reported: custom resources, modules, and types
 * newer than the table. */
#include "attributes.h"

#include <stdio.h>
#include <string.h>

#include "sub_names.h"
#include "base/quote.h"
#include "check/suggest.h"

/* Past this many attributes a message names none of them. */
enum { MAX_LISTED_ATTRIBUTES = 8 };

bool get_att_read(const struct intrinsic *call, struct get_att *out)
{
	const struct node *a = call->argument;

	if (call->function != FN_GET_ATT)
		return false;
	if (node_is_string(a)) {
		const char *dot = memchr(a->scalar.text, '.', a->scalar.len);
		if (!dot || dot == a->scalar.text || dot + 1 == a->scalar.text + a->scalar.len)
			return false;
		*out = (struct get_att){ a->scalar.text, (size_t)(dot - a->scalar.text), dot + 1,
					 a->scalar.len - (size_t)(dot + 1 - a->scalar.text), a };
		return true;
	}
	if (a->kind != NODE_SEQUENCE || a->sequence.count != 2 ||
	    !node_is_string(a->sequence.items[0]))
		return false;
	const struct node *resource = a->sequence.items[0];
	const struct node *attribute = a->sequence.items[1];
	*out = (struct get_att){ resource->scalar.text, resource->scalar.len, NULL, 0, attribute };
	if (node_is_string(attribute) && !intrinsic_argument_is_call(call, attribute)) {
		out->attribute = attribute->scalar.text;
		out->attribute_len = attribute->scalar.len;
	}
	return true;
}

const char *resource_type_of(const struct template *template, const char *name, size_t len)
{
	const struct node *resource = template_find(&template->resources, name, len);
	const struct node *type = resource ? node_member(resource, "Type") : NULL;

	return type && node_is_string(type) ? type->scalar.text : NULL;
}

/* strcmp between text[0..len) and a NUL-terminated name. */
static int compare(const char *text, size_t len, const char *name)
{
	size_t name_len = strlen(name);
	int order = memcmp(text, name, len < name_len ? len : name_len);

	if (order != 0)
		return order;
	return len < name_len ? -1 : len > name_len;
}

const struct attribute_type *attribute_type_find(const char *type, size_t len)
{
	size_t low = 0, high = attribute_type_count;

	while (low < high) {
		size_t mid = low + (high - low) / 2;
		int order = compare(type, len, attribute_text + attribute_types[mid].name);
		if (order == 0)
			return &attribute_types[mid];
		if (order < 0)
			high = mid;
		else
			low = mid + 1;
	}
	return NULL;
}

/* Whether text[0..len) matches pattern, whose * stands for any text. Each
 * * is tried at every place the text could go on from, but only the last
 * one is gone back to, so a pattern of k stars costs at most k passes. */
static bool glob_matches(const char *pattern, const char *text, size_t len)
{
	const char *star = NULL;
	size_t i = 0, resume = 0;

	while (i < len) {
		if (*pattern == '*') {
			star = pattern++;
			resume = i;
		} else if (*pattern && *pattern == text[i]) {
			pattern++;
			i++;
		} else if (star) {
			pattern = star + 1;
			i = ++resume;
		} else {
			return false;
		}
	}
	while (*pattern == '*')
		pattern++;
	return *pattern == '\0';
}

/* The type's i-th attribute. */
static const char *attribute_name(const struct attribute_type *type, size_t i)
{
	return attribute_text + attribute_names[type->first + i];
}

bool attribute_type_has(const struct attribute_type *type, const char *attribute, size_t len)
{
	size_t low = 0, high = type->count;

	while (low < high) {
		size_t mid = low + (high - low) / 2;
		int order = compare(attribute, len, attribute_name(type, mid));
		if (order == 0)
			return true;
		if (order < 0)
			high = mid;
		else
			low = mid + 1;
	}
	for (size_t i = 0; i < type->count; i++) {
		const char *name = attribute_name(type, i);
		if (strchr(name, '*') && glob_matches(name, attribute, len))
			return true;
	}
	return false;
}

/* "; did you mean "Arn"?", then the type's attributes when they are few. */
struct attribute_hint {
	char text[512];
};

static struct attribute_hint hint_for(const struct attribute_type *type, const char *attribute,
				      size_t len)
{
	struct attribute_hint hint = { "" };
	struct suggestion s;
	size_t used = 0;

	suggestion_init(&s, attribute, len);
	for (size_t i = 0; i < type->count; i++)
		if (!strchr(attribute_name(type, i), '*'))
			suggestion_consider(&s, attribute_name(type, i));
	if (s.best)
		used = (size_t)snprintf(hint.text, sizeof hint.text, "; did you mean \"%s\"?",
					s.best);
	if (type->count > MAX_LISTED_ATTRIBUTES || used >= sizeof hint.text)
		return hint;
	for (size_t i = 0; i < type->count && used < sizeof hint.text; i++)
		used += (size_t)snprintf(hint.text + used, sizeof hint.text - used, "%s%s",
					 i == 0 ? " (its attributes: " : ", ", attribute_name(type, i));
	if (used < sizeof hint.text)
		snprintf(hint.text + used, sizeof hint.text - used, ")");
	return hint;
}

/* Whether a Fn::Sub's variables (a mapping, or NULL) name text[0..len). */
static bool is_variable(const struct node *variables, const char *text, size_t len)
{
	for (size_t i = 0; variables && variables->kind == NODE_MAPPING &&
			   i < variables->mapping.count; i++) {
		const struct node *key = variables->mapping.pairs[i].key;
		if (node_is_string(key) && key->scalar.len == len &&
		    memcmp(key->scalar.text, text, len) == 0)
			return true;
	}
	return false;
}

/* Reports the attribute when the resource's type is known and lacks it,
 * unless a Fn::Sub's variables (or NULL) name "Resource.Attribute". The
 * variables are looked through only for what would be reported, so a
 * string of many names and many variables costs no quadratic time. */
static void check_attribute(struct resource_check *e, const struct node *at,
			    const struct node *variables, const char *resource, size_t resource_len,
			    const char *attribute, size_t attribute_len)
{
	const char *type_name = resource_type_of(e->template, resource, resource_len);
	const struct attribute_type *type =
		type_name ? attribute_type_find(type_name, strlen(type_name)) : NULL;

	if (!type || attribute_type_has(type, attribute, attribute_len) ||
	    !diag_list_has_room(e->diags, e->rule, at->span.line) ||
	    (variables && is_variable(variables, resource,
				      (size_t)(attribute + attribute_len - resource))))
		return;
	resource_report(e, at->span, "%s, a resource of type %s, has no attribute %s%s",
			shorten(resource, resource_len).text, attribute_text + type->name,
			quote(attribute, attribute_len).text,
			hint_for(type, attribute, attribute_len).text);
}

/* Each ${Resource.Attribute} of a Fn::Sub string that its variables do
 * not name. */
static void check_sub(struct resource_check *e, const struct intrinsic *call)
{
	const struct node *string = call->argument;
	const struct node *variables = NULL;
	struct sub_names names;
	const char *name;
	size_t len;

	if (string->kind == NODE_SEQUENCE && string->sequence.count == 2) {
		variables = string->sequence.items[1];
		string = string->sequence.items[0];
	}
	if (!node_is_string(string))
		return;
	sub_names_start(&names, string);
	while (sub_names_next(&names, &name, &len)) {
		const char *dot = memchr(name, '.', len);
		if (!dot || dot == name || dot + 1 == name + len)
			continue;
		check_attribute(e, string, variables, name, (size_t)(dot - name), dot + 1,
				(size_t)(name + len - dot - 1));
	}
}

bool rule_unknown_attribute(struct resource_check *e, const struct intrinsic *call)
{
	struct get_att get;

	/* A Transform's macros may change the resources, and their types. */
	if (e->template->transformed)
		return true;
	if (call->function == FN_SUB)
		check_sub(e, call);
	else if (get_att_read(call, &get) && get.attribute)
		check_attribute(e, get.at, NULL, get.resource, get.resource_len, get.attribute,
				get.attribute_len);
	return true;
}
