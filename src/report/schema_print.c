#include "schema_print.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/memory.h"
#include "base/strbuf.h"
#include "rules/model.h"

/* Deeper than any request goes; shapes read with --rules-dir could refer
 * to themselves, and below this a value is left unconstrained. */
#define SCHEMA_MAX_DEPTH 32

/* ---- patterns ------------------------------------------------------------ */

/* What '.' means in Java: anything but a line terminator. ECMA-262's '.'
 * lets U+0085 through, so it is spelled out, as for PCRE2. */
static const char java_any[] = "[^\\n\\r\\u0085\\u2028\\u2029]";

/* Whether the escape \c means the same to Java and to ECMA-262 with the u
 * flag (as ajv and editors compile patterns). \s and \b do not: their sets
 * differ. */
static bool same_escape(char c, bool in_class)
{
	if (strchr("dDwWnrtfpP", c))
		return true;
	/* Marks that ECMA-262's u flag lets be escaped. */
	if (strchr("^$\\.*+?()[]{}|/", c))
		return true;
	return in_class && c == '-';
}

/* The pattern for JSON Schema, anchored (the service matches a value
 * whole), or NULL when it has a construct with no certain translation:
 * an escape other than those above, a possessive quantifier or a group
 * other than (?:...). NULL too when memory runs out. */
static char *ecma_pattern(const char *java)
{
	struct strbuf b = STRBUF_INIT;
	bool in_class = false;

	strbuf_puts(&b, "^(?:");
	for (const char *p = java; *p; p++) {
		if (*p == '\\') {
			if (!p[1] || !same_escape(p[1], in_class))
				goto untranslatable;
			strbuf_add(&b, p, 2);
			p++;
			continue;
		}
		if (!in_class && *p == '(' && p[1] == '?' && p[2] != ':')
			goto untranslatable;
		if (!in_class && strchr("*+?}", *p) && p[1] == '+')
			goto untranslatable;
		if (*p == '.' && !in_class)
			strbuf_puts(&b, java_any);
		else
			strbuf_putc(&b, *p);
		if (*p == '[' && !in_class)
			in_class = true;
		else if (*p == ']' && in_class)
			in_class = false;
	}
	strbuf_puts(&b, ")$");
	return strbuf_take(&b);
untranslatable:
	strbuf_free(&b);
	return NULL;
}

/* ---- descriptions, in words -------------------------------------------- */

/* "1 to 120 characters", "at most 1024 characters", "at least 1 item". */
static void say_bounds(struct strbuf *b, const struct shape *shape, const char *one,
		       const char *many)
{
	char text[96];
	bool min = shape->has_min && shape->min > 0;

	if (min && shape->has_max && shape->min == shape->max)
		snprintf(text, sizeof text, "exactly %lld %s", shape->min,
			 shape->min == 1 ? one : many);
	else if (min && shape->has_max)
		snprintf(text, sizeof text, "%lld to %lld %s", shape->min, shape->max,
			 shape->max == 1 ? one : many);
	else if (shape->has_max)
		snprintf(text, sizeof text, "at most %lld %s", shape->max,
			 shape->max == 1 ? one : many);
	else if (min)
		snprintf(text, sizeof text, "at least %lld %s", shape->min,
			 shape->min == 1 ? one : many);
	else
		return;
	strbuf_puts(b, text);
}

static void say_string(struct strbuf *b, const struct shape *shape)
{
	if (shape->enum_count == 1) {
		strbuf_puts(b, "Always \"");
		strbuf_puts(b, shape->enum_values[0]);
		strbuf_puts(b, "\".");
		return;
	}
	if (shape->enum_count > 0 && shape->enum_count <= 10) {
		strbuf_puts(b, "One of ");
		for (size_t i = 0; i < shape->enum_count; i++) {
			strbuf_puts(b, i == 0 ? "" : i + 1 == shape->enum_count ? " or " : ", ");
			strbuf_puts(b, shape->enum_values[i]);
		}
		strbuf_putc(b, '.');
		return;
	}
	if (shape->enum_count > 0) {
		char text[64];
		snprintf(text, sizeof text, "One of %zu values, such as \"", shape->enum_count);
		strbuf_puts(b, text);
		strbuf_puts(b, shape->enum_values[0]);
		strbuf_puts(b, "\".");
		return;
	}
	/* The pattern in words, made a sentence: "A name of letters...". */
	if (shape->words && shape->words->means && *shape->words->means) {
		const char *means = shape->words->means;
		char first = means[0] >= 'a' && means[0] <= 'z' ? (char)(means[0] - 'a' + 'A')
								  : means[0];
		strbuf_putc(b, first);
		strbuf_puts(b, means + 1);
	} else {
		strbuf_puts(b, "Text");
	}
	size_t mark = b->len;
	strbuf_puts(b, "; ");
	say_bounds(b, shape, "character", "characters");
	if (b->len == mark + 2)
		strbuf_truncate(b, mark);
	strbuf_putc(b, '.');
}

static void say_integer(struct strbuf *b, const struct shape *shape)
{
	char text[96];

	if (shape->has_min && shape->has_max)
		snprintf(text, sizeof text, "An integer from %lld to %lld.", shape->min, shape->max);
	else if (shape->has_max)
		snprintf(text, sizeof text, "An integer of at most %lld.", shape->max);
	else if (shape->has_min)
		snprintf(text, sizeof text, "An integer of at least %lld.", shape->min);
	else
		snprintf(text, sizeof text, "An integer.");
	strbuf_puts(b, text);
}

static void say_structure(struct strbuf *b, const struct shape *shape)
{
	size_t required = 0;

	strbuf_puts(b, "A mapping");
	for (size_t i = 0; i < shape->member_count; i++) {
		if (!shape->members[i].required)
			continue;
		strbuf_puts(b, required++ ? ", " : "; it must have ");
		strbuf_puts(b, shape->members[i].name);
	}
	strbuf_putc(b, '.');
}

/* How a value of the shape is written, in a sentence or two. */
static char *describe(const struct shape *shape)
{
	struct strbuf b = STRBUF_INIT;

	switch (shape->type) {
	case SHAPE_STRING:
		say_string(&b, shape);
		break;
	case SHAPE_INTEGER:
		say_integer(&b, shape);
		break;
	case SHAPE_TIMESTAMP:
		strbuf_puts(&b, "A time: a string in ISO 8601, such as \"2030-01-10T00:00:00Z\", "
			    "or RFC 822, or a number of epoch seconds. In YAML, quote a date: "
			    "the AWS CLI refuses one unquoted.");
		break;
	case SHAPE_STRUCTURE:
		say_structure(&b, shape);
		break;
	case SHAPE_LIST:
		strbuf_puts(&b, "A list");
		if ((shape->has_min && shape->min > 0) || shape->has_max)
			strbuf_puts(&b, " of ");
		say_bounds(&b, shape, "item", "items");
		strbuf_putc(&b, '.');
		break;
	case SHAPE_MAP:
		strbuf_puts(&b, "A mapping");
		if ((shape->has_min && shape->min > 0) || shape->has_max)
			strbuf_puts(&b, " of ");
		say_bounds(&b, shape, "entry", "entries");
		strbuf_puts(&b, ", each a key and its value.");
		break;
	case SHAPE_OTHER:
	default:
		strbuf_puts(&b, "Any value.");
		break;
	}
	return strbuf_take(&b);
}

/* ---- the schema -------------------------------------------------------- */

static cJSON *schema_of(const struct shape *shape, int depth);

static bool add_number(cJSON *object, const char *name, long long value)
{
	return cJSON_AddNumberToObject(object, name, (double)value) != NULL;
}

static bool add_string_constraints(cJSON *out, const struct shape *shape)
{
	if (shape->enum_count > 0) {
		cJSON *values = cJSON_AddArrayToObject(out, "enum");
		if (!values)
			return false;
		for (size_t i = 0; i < shape->enum_count; i++) {
			cJSON *value = cJSON_CreateString(shape->enum_values[i]);
			if (!value || !cJSON_AddItemToArray(values, value)) {
				cJSON_Delete(value);
				return false;
			}
		}
	}
	if (shape->has_min && shape->min > 0 && !add_number(out, "minLength", shape->min))
		return false;
	if (shape->has_max && !add_number(out, "maxLength", shape->max))
		return false;
	if (shape->pattern) {
		char *pattern = ecma_pattern(shape->pattern);
		bool ok = !pattern || cJSON_AddStringToObject(out, "pattern", pattern);
		free(pattern);
		return ok;
	}
	return true;
}

/* ielint takes an integer to be 32 bits, as the service does. */
static bool add_integer_constraints(cJSON *out, const struct shape *shape)
{
	return add_number(out, "minimum", shape->has_min ? shape->min : INT32_MIN) &&
	       add_number(out, "maximum", shape->has_max ? shape->max : INT32_MAX);
}

static bool add_structure_constraints(cJSON *out, const struct shape *shape, int depth)
{
	cJSON *properties = cJSON_AddObjectToObject(out, "properties");
	cJSON *required = NULL;

	if (!properties)
		return false;
	for (size_t i = 0; i < shape->member_count; i++) {
		const struct shape_member *member = &shape->members[i];
		cJSON *property;
		if (member->read_only)
			continue;
		property = schema_of(member->shape, depth + 1);
		if (!property || !cJSON_AddItemToObject(properties, member->name, property)) {
			cJSON_Delete(property);
			return false;
		}
		if (!member->required)
			continue;
		if (!required && !(required = cJSON_AddArrayToObject(out, "required")))
			return false;
		cJSON *name = cJSON_CreateString(member->name);
		if (!name || !cJSON_AddItemToArray(required, name)) {
			cJSON_Delete(name);
			return false;
		}
	}
	return cJSON_AddFalseToObject(out, "additionalProperties") != NULL;
}

static bool add_child(cJSON *out, const char *name, const struct shape *shape, int depth)
{
	cJSON *child;

	if (!shape)
		return true;
	child = schema_of(shape, depth + 1);
	if (!child || !cJSON_AddItemToObject(out, name, child)) {
		cJSON_Delete(child);
		return false;
	}
	return true;
}

static bool add_list_constraints(cJSON *out, const struct shape *shape, int depth)
{
	return add_child(out, "items", shape->member, depth) &&
	       (!shape->has_min || shape->min <= 0 || add_number(out, "minItems", shape->min)) &&
	       (!shape->has_max || add_number(out, "maxItems", shape->max));
}

static bool add_map_constraints(cJSON *out, const struct shape *shape, int depth)
{
	return add_child(out, "propertyNames", shape->key, depth) &&
	       add_child(out, "additionalProperties", shape->value, depth) &&
	       (!shape->has_min || shape->min <= 0 ||
		add_number(out, "minProperties", shape->min)) &&
	       (!shape->has_max || add_number(out, "maxProperties", shape->max));
}

/* A timestamp is a string or epoch seconds: anyOf the two types, since
 * ajv's strict mode refuses a list of types. */
static cJSON *timestamp_types(void)
{
	static const char *const types[] = { "string", "number" };
	cJSON *any = cJSON_CreateArray();

	for (size_t i = 0; any && i < sizeof types / sizeof *types; i++) {
		cJSON *type = cJSON_CreateObject();
		if (!type || !cJSON_AddStringToObject(type, "type", types[i]) ||
		    !cJSON_AddItemToArray(any, type)) {
			cJSON_Delete(type);
			cJSON_Delete(any);
			return NULL;
		}
	}
	return any;
}

/* The JSON type of the shape's values. */
static cJSON *type_of(const struct shape *shape)
{
	switch (shape->type) {
	case SHAPE_STRING:
		return cJSON_CreateString("string");
	case SHAPE_INTEGER:
		return cJSON_CreateString("integer");
	case SHAPE_TIMESTAMP:
		return timestamp_types();
	case SHAPE_STRUCTURE:
	case SHAPE_MAP:
		return cJSON_CreateString("object");
	case SHAPE_LIST:
		return cJSON_CreateString("array");
	case SHAPE_OTHER:
	default:
		return NULL;
	}
}

static bool add_constraints(cJSON *out, const struct shape *shape, int depth)
{
	switch (shape->type) {
	case SHAPE_STRING:
		return add_string_constraints(out, shape);
	case SHAPE_INTEGER:
		return add_integer_constraints(out, shape);
	case SHAPE_STRUCTURE:
		return add_structure_constraints(out, shape, depth);
	case SHAPE_LIST:
		return add_list_constraints(out, shape, depth);
	case SHAPE_MAP:
		return add_map_constraints(out, shape, depth);
	case SHAPE_TIMESTAMP:
	case SHAPE_OTHER:
	default:
		return true;
	}
}

/* The schema of a value of the shape, with its description; NULL when
 * memory runs out. */
static cJSON *schema_of(const struct shape *shape, int depth)
{
	cJSON *out = cJSON_CreateObject();
	char *description;
	cJSON *type;

	if (!out || depth > SCHEMA_MAX_DEPTH || shape->type == SHAPE_OTHER)
		return out;
	description = describe(shape);
	if (!description || !cJSON_AddStringToObject(out, "description", description))
		goto fail;
	free(description);
	description = NULL;
	type = type_of(shape);
	if (!type || !cJSON_AddItemToObject(out, shape->type == SHAPE_TIMESTAMP ? "anyOf"
								      : "type", type)) {
		cJSON_Delete(type);
		goto fail;
	}
	if (add_constraints(out, shape, depth))
		return out;
fail:
	free(description);
	cJSON_Delete(out);
	return NULL;
}

/* ---- the documents ------------------------------------------------------ */

/* Moves the members of from to the end of to, in order. */
static bool move_members(cJSON *to, cJSON *from)
{
	while (from->child) {
		cJSON *item = cJSON_DetachItemViaPointer(from, from->child);
		if (!cJSON_AddItemToObject(to, item->string, item)) {
			cJSON_Delete(item);
			return false;
		}
	}
	return true;
}

/* The request's own schema, titled, or NULL when memory runs out. */
static cJSON *request_schema(enum operation op)
{
	const struct model *model = model_get();
	cJSON *out = schema_of(model->requests[op], 0);
	char title[96], description[512];

	if (!out)
		return NULL;
	snprintf(title, sizeof title, "%s request", operation_title(op));
	snprintf(description, sizeof description,
		 "The document given to aws sagemaker %s-inference-experiment "
		 "--cli-input-json or --cli-input-yaml: each member's type and "
		 "constraints, from %s. The rules that relate members to each other, "
		 "and to the experiment's state, are ielint's to check.",
		 operation_name(op), model->source ? model->source : "the service model");
	/* Titled first, and described as the document it is, not as "a
	 * mapping". */
	cJSON *titled = cJSON_CreateObject();
	if (!titled || !cJSON_AddStringToObject(titled, "title", title) ||
	    !cJSON_AddStringToObject(titled, "description", description))
		goto fail;
	cJSON_DeleteItemFromObject(out, "description");
	if (!move_members(titled, out))
		goto fail;
	cJSON_Delete(out);
	return titled;
fail:
	cJSON_Delete(titled);
	cJSON_Delete(out);
	return NULL;
}

/* $schema and $id first, then the rest; printed, and freed. */
static bool print_document(FILE *out, cJSON *body, const char *home, const char *name)
{
	cJSON *document = cJSON_CreateObject();
	char *id = mem_malloc(strlen(home) + strlen(name) + sizeof "/schemas/.schema.json");
	char *text = NULL;
	bool ok = false;

	if (!document || !body || !id)
		goto done;
	sprintf(id, "%s/schemas/%s.schema.json", home, name);
	if (!cJSON_AddStringToObject(document, "$schema", "http://json-schema.org/draft-07/schema#") ||
	    !cJSON_AddStringToObject(document, "$id", id))
		goto done;
	if (!move_members(document, body))
		goto done;
	text = cJSON_Print(document);
	if (text) {
		fputs(text, out);
		fputc('\n', out);
		ok = true;
	}
done:
	free(text);
	free(id);
	cJSON_Delete(document);
	cJSON_Delete(body);
	return ok;
}

bool schema_print_request(FILE *out, enum operation op, const char *home)
{
	char name[32];

	snprintf(name, sizeof name, "ielint-%s", operation_name(op));
	return print_document(out, request_schema(op), home, name);
}

bool schema_print_any(FILE *out, const char *home)
{
	cJSON *body = cJSON_CreateObject();
	cJSON *any = body ? cJSON_AddArrayToObject(body, "anyOf") : NULL;

	if (!any || !cJSON_AddStringToObject(body, "title", "Inference experiment request") ||
	    !cJSON_AddStringToObject(body, "description",
				     "A create, update or stop request of an inference "
				     "experiment: a document valid as any one of the three.")) {
		cJSON_Delete(body);
		return false;
	}
	for (int op = 0; op < OPERATION_COUNT; op++) {
		cJSON *request = request_schema((enum operation)op);
		if (!request || !cJSON_AddItemToArray(any, request)) {
			cJSON_Delete(request);
			cJSON_Delete(body);
			return false;
		}
	}
	return print_document(out, body, home, "ielint-request");
}
