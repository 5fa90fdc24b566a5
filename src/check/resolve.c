#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "intrinsic.h"
#include "load/scalar.h"

void resolver_init(struct resolver *r, struct arena *arena, const struct template *template,
		   const struct scenario *scenario)
{
	*r = (struct resolver){ .arena = arena, .template = template, .scenario = scenario };
}

void resolver_free(struct resolver *r)
{
	free(r->substitutions);
	r->substitutions = NULL;
	r->substitution_count = r->substitution_capacity = 0;
}

static struct node *new_node(struct resolver *r, const struct node *like)
{
	struct node *node = arena_alloc(r->arena, sizeof *node);

	if (!node) {
		r->out_of_memory = true;
		return NULL;
	}
	*node = *like;
	node->tag = NULL;
	return node;
}

static struct node *unknown(struct resolver *r, const struct node *at)
{
	struct node *node = new_node(r, at);

	if (node) {
		memset(node, 0, sizeof *node);
		node->kind = NODE_UNKNOWN;
		node->span = at->span;
		node->weight = 1;
	}
	return node;
}

static bool remember(struct resolver *r, struct substitution substitution)
{
	if (r->substitution_count == r->substitution_capacity) {
		size_t capacity = r->substitution_capacity ? 2 * r->substitution_capacity : 4;
		struct substitution *grown = realloc(r->substitutions, capacity * sizeof *grown);
		if (!grown) {
			r->out_of_memory = true;
			return false;
		}
		r->substitutions = grown;
		r->substitution_capacity = capacity;
	}
	r->substitutions[r->substitution_count++] = substitution;
	return true;
}

/* ---- the functions whose value the template tells --------------------- */

/* A parameter of type String or Number with a Default. Other types are
 * lists, or name the value elsewhere (an SSM parameter's Default is the
 * name of the parameter, not its value). */
static const struct node *parameter_default(const struct resolver *r, const struct node *name)
{
	const struct node *parameter = template_find(&r->template->parameters, name->scalar.text,
						     name->scalar.len);
	const struct node *type = node_member(parameter, "Type");
	const struct node *value = node_member(parameter, "Default");

	if (!node_is_string(type) || !value || value->kind != NODE_SCALAR ||
	    (strcmp(type->scalar.text, "String") != 0 && strcmp(type->scalar.text, "Number") != 0))
		return NULL;
	return value;
}

static bool is_no_value(const struct node *name)
{
	return strcmp(name->scalar.text, "AWS::NoValue") == 0;
}

/* Whether the file's bound lets value stand in for one more Ref. */
static bool take_default_text(struct resolver *r, const struct node *value)
{
	size_t *left = r->default_text_left;

	if (!left)
		return true;
	if (*left == 0)
		return false;
	*left -= value->scalar.len < *left ? value->scalar.len : *left;
	return true;
}

static const struct node *resolve_ref(struct resolver *r, const struct intrinsic *call,
				      const struct shape *shape)
{
	const struct node *name = call->argument;
	const struct node *value;
	struct node *resolved;

	if (!node_is_string(name))
		return unknown(r, call->call);
	if (is_no_value(name))
		return NULL;
	if (!(value = parameter_default(r, name)) || !take_default_text(r, value))
		return unknown(r, call->call);
	if (!(value = resolve_value(r, value, shape)) || !(resolved = new_node(r, value)))
		return NULL;
	/* The value is the Default's, but the property is where the Ref is;
	 * a deploy may give the parameter another value, so no fix rewrites
	 * the Default (fixes need the text as written, check/fix.h). */
	resolved->span = call->call->span;
	if (resolved->kind == NODE_SCALAR)
		resolved->scalar.source = NULL;
	if (!remember(r, (struct substitution){ call->call->span, value->span, name->scalar.text }))
		return NULL;
	return resolved;
}

/* The text of a !Sub whose string names no variable: ${!Literal} is the
 * literal ${Literal}. NULL when it names one, or memory ran out. */
static char *sub_text(struct resolver *r, const char *text, size_t len, size_t *out_len)
{
	char *copy = arena_alloc(r->arena, len + 1);
	size_t n = 0;

	if (!copy) {
		r->out_of_memory = true;
		return NULL;
	}
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '$' && i + 1 < len && text[i + 1] == '{') {
			if (i + 2 >= len || text[i + 2] != '!')
				return NULL;
			copy[n++] = '$';
			copy[n++] = '{';
			i += 2; /* past "{!" */
			continue;
		}
		copy[n++] = text[i];
	}
	copy[n] = '\0';
	*out_len = n;
	return copy;
}

static const struct node *resolve_sub(struct resolver *r, const struct intrinsic *call,
				const struct shape *shape)
{
	const struct node *template = call->argument;
	struct node *string;
	size_t len;
	char *text;

	if (template->kind == NODE_SEQUENCE && template->sequence.count == 2)
		template = template->sequence.items[0];
	if (!node_is_string(template) ||
	    !(text = sub_text(r, template->scalar.text, template->scalar.len, &len)))
		return r->out_of_memory ? NULL : unknown(r, call->call);
	if (!(string = new_node(r, template)))
		return NULL;
	string->scalar.text = text;
	string->scalar.len = len;
	string->scalar.source = NULL; /* the value is not the text as written */
	/* Point at the string itself, not at the mapping around it in JSON. */
	string->span = template->span;
	return resolve_value(r, string, shape);
}

/* Whether the scenario tells the condition's truth, in *value. */
static bool condition_value(const struct resolver *r, const struct node *name, bool *value)
{
	for (size_t i = 0; node_is_string(name) && i < r->scenario->count; i++) {
		if (strcmp(r->scenario->conditions[i], name->scalar.text) == 0) {
			*value = (r->scenario->values >> i) & 1;
			return true;
		}
	}
	return false;
}

static const struct node *resolve_if(struct resolver *r, const struct intrinsic *call,
			       const struct shape *shape)
{
	const struct node *arguments = call->argument;
	bool value;

	if (arguments->kind != NODE_SEQUENCE || arguments->sequence.count != 3 ||
	    !condition_value(r, arguments->sequence.items[0], &value))
		return unknown(r, call->call);
	return resolve_value(r, arguments->sequence.items[value ? 1 : 2], shape);
}

static const struct node *resolve_call(struct resolver *r, const struct intrinsic *call,
				 const struct shape *shape)
{
	switch (call->function) {
	case FN_REF:
		return resolve_ref(r, call, shape);
	case FN_SUB:
		return resolve_sub(r, call, shape);
	case FN_IF:
		return resolve_if(r, call, shape);
	default:
		return unknown(r, call->call);
	}
}

/* ---- values ----------------------------------------------------------- */

/* Digits, perhaps after a minus sign: "50", "-1". */
static bool is_decimal_integer(const char *text, size_t len)
{
	size_t i = len > 0 && text[0] == '-';

	if (i == len)
		return false;
	for (; i < len; i++)
		if (text[i] < '0' || text[i] > '9')
			return false;
	return true;
}

/* CloudFormation gives a property the type of its schema: "50" is an
 * integer to an integer property, 50 or true is text to a string one,
 * and a YAML date is the text it is written as. */
static void convert(struct node *node, const struct shape *shape)
{
	struct scalar *s = &node->scalar;

	if (!shape)
		return;
	switch (shape->type) {
	case SHAPE_INTEGER:
		if (s->type == SCALAR_STRING && is_decimal_integer(s->text, s->len)) {
			s->type = SCALAR_INT;
			s->int_overflow = !scalar_parse_int(s->text, s->len, &s->int_value);
		}
		break;
	case SHAPE_STRING:
		if (s->type != SCALAR_NULL)
			s->type = SCALAR_STRING;
		break;
	case SHAPE_TIMESTAMP:
		if (s->type == SCALAR_DATE || s->type == SCALAR_DATETIME)
			s->type = SCALAR_STRING;
		break;
	default:
		break;
	}
}

static const struct shape *member_shape(const struct shape *shape, const struct node *key,
					bool *read_only)
{
	const struct shape_member *member;

	*read_only = false;
	if (!shape || !node_is_string(key))
		return NULL;
	if (shape->type == SHAPE_MAP)
		return shape->value;
	if (shape->type != SHAPE_STRUCTURE ||
	    !(member = shape_find_member(shape, key->scalar.text, key->scalar.len)))
		return NULL;
	*read_only = member->read_only;
	return member->shape;
}

static const struct node *resolve_mapping(struct resolver *r, const struct node *node,
				    const struct shape *shape)
{
	struct node *copy = new_node(r, node);
	struct pair *pairs = node->mapping.count
		? arena_alloc(r->arena, node->mapping.count * sizeof *pairs) : NULL;
	size_t count = 0;
	bool read_only;

	if (!copy || (node->mapping.count && !pairs)) {
		r->out_of_memory = true;
		return NULL;
	}
	for (size_t i = 0; i < node->mapping.count; i++) {
		const struct pair *pair = &node->mapping.pairs[i];
		const struct shape *value_shape = member_shape(shape, pair->key, &read_only);
		const struct node *value;
		if (read_only)
			continue;
		if (!(value = resolve_value(r, pair->value, value_shape))) {
			if (r->out_of_memory)
				return NULL;
			continue;
		}
		pairs[count++] = (struct pair){ pair->key, (struct node *)value };
	}
	copy->mapping.pairs = pairs;
	copy->mapping.count = count;
	return copy;
}

static const struct node *resolve_sequence(struct resolver *r, const struct node *node,
				     const struct shape *shape)
{
	const struct shape *item_shape = shape && shape->type == SHAPE_LIST ? shape->member : NULL;
	struct node *copy = new_node(r, node);
	const struct node **items = node->sequence.count
		? arena_alloc(r->arena, node->sequence.count * sizeof *items) : NULL;
	size_t count = 0;

	if (!copy || (node->sequence.count && !items)) {
		r->out_of_memory = true;
		return NULL;
	}
	for (size_t i = 0; i < node->sequence.count; i++) {
		const struct node *item = resolve_value(r, node->sequence.items[i], item_shape);
		if (item)
			items[count++] = item;
		else if (r->out_of_memory)
			return NULL;
	}
	copy->sequence.items = (struct node **)items;
	copy->sequence.count = count;
	return copy;
}

const struct node *resolve_value(struct resolver *r, const struct node *node,
				 const struct shape *shape)
{
	struct intrinsic call;
	struct node *copy;

	if (intrinsic_read(node, true, &call))
		return resolve_call(r, &call, shape);
	/* A member the shapes lack: the shape rules report it and look no
	 * further, so it need not be copied. */
	if (!shape)
		return node;
	switch (node->kind) {
	case NODE_MAPPING:
		return resolve_mapping(r, node, shape);
	case NODE_SEQUENCE:
		return resolve_sequence(r, node, shape);
	case NODE_SCALAR:
		if ((copy = new_node(r, node)))
			convert(copy, shape);
		return copy;
	case NODE_UNKNOWN:
		break;
	}
	return node;
}
