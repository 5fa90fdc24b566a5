#include "resolve.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intrinsic.h"
#include "base/memory.h"
#include "base/path.h"
#include "load/scalar.h"

void resolver_init(struct resolver *r, struct arena *arena, const struct template *template,
		   const struct scenario *scenario, enum yaml_version version)
{
	*r = (struct resolver){ .arena = arena, .template = template, .scenario = scenario,
				.version = version };
}

void resolver_free(struct resolver *r)
{
	free(r->substitutions);
	free(r->differences);
	free(r->steps);
	r->substitutions = NULL;
	r->differences = NULL;
	r->steps = NULL;
	r->substitution_count = r->substitution_capacity = 0;
	r->difference_count = r->difference_capacity = 0;
	r->depth = r->step_capacity = 0;
}

/* items, with room for one more of count items of size bytes: moved,
 * perhaps, or NULL when memory ran out (and items left as they were). */
static void *grow(struct resolver *r, void *items, size_t count, size_t *capacity, size_t size)
{
	if (count < *capacity)
		return items;
	size_t more = *capacity ? 2 * *capacity : 4;
	void *grown = mem_realloc(items, more * size);
	if (!grown) {
		r->out_of_memory = true;
		return NULL;
	}
	*capacity = more;
	return grown;
}

/* Into a member (key) or an item (index); false when memory ran out. */
static bool step_in(struct resolver *r, const struct node *key, size_t index)
{
	struct step *steps = grow(r, r->steps, r->depth, &r->step_capacity, sizeof *steps);

	if (!steps)
		return false;
	r->steps = steps;
	r->steps[r->depth++] = (struct step){ key, index };
	return true;
}

/* The member being resolved, as a path from Properties, in the arena. */
static const char *step_path(struct resolver *r)
{
	struct path path;
	const char *copy;

	path_init(&path);
	for (size_t i = 0; i < r->depth; i++) {
		const struct node *key = r->steps[i].key;
		if (!key)
			path_append_index(&path, r->steps[i].index);
		else if (node_is_string(key))
			path_append_key(&path, key->scalar.text, key->scalar.len);
		else
			path_append_key(&path, "?", 1);
	}
	copy = path_failed(&path) ? NULL
		: arena_strndup(r->arena, path_string(&path), strlen(path_string(&path)));
	path_free(&path);
	return copy;
}

static struct node *new_node(struct resolver *r, const struct node *like)
{
	struct node *node = arena_dup(r->arena, like, sizeof *like);

	if (!node) {
		r->out_of_memory = true;
		return NULL;
	}
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
	struct substitution *grown = grow(r, r->substitutions, r->substitution_count,
					  &r->substitution_capacity, sizeof substitution);

	if (!grown)
		return false;
	r->substitutions = grown;
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
	const struct node *value, *written;
	struct node *resolved;
	size_t differences = r->difference_count;

	if (!node_is_string(name))
		return unknown(r, call->call);
	if (is_no_value(name))
		return NULL;
	if (!(written = parameter_default(r, name)) || !take_default_text(r, written))
		return unknown(r, call->call);
	if (!(value = resolve_value(r, written, shape)) || !(resolved = new_node(r, value)))
		return NULL;
	/* A Default the YAML versions read otherwise: its diagnostics are
	 * at the Ref, and so is the difference. */
	for (size_t i = differences; i < r->difference_count; i++) {
		r->differences[i].parameter = name->scalar.text;
		r->differences[i].default_span = r->differences[i].span;
		r->differences[i].span = call->call->span;
	}
	/* The value is the Default's, but the property is where the Ref is;
	 * a deploy may give the parameter another value, so no fix rewrites
	 * the Default (fixes need the text as written, check/fix.h). */
	resolved->span = call->call->span;
	if (resolved->kind == NODE_SCALAR)
		resolved->scalar.source = NULL;
	if (!remember(r, (struct substitution){ call->call->span, written->span, name->scalar.text }))
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

/* Gives a scalar another text, which is then not the text as written:
 * no fix may rewrite the source with it (check/fix.h). */
static void set_text(struct resolver *r, struct scalar *s, const char *text)
{
	size_t len = strlen(text);
	char *copy;

	if (len == s->len && memcmp(s->text, text, len) == 0)
		return;
	if (!(copy = arena_strndup(r->arena, text, len))) {
		r->out_of_memory = true;
		return;
	}
	s->text = copy;
	s->len = len;
	s->source = NULL;
}

/* Whether a float is a whole number an integer member can hold. */
static bool is_integral(double value)
{
	return isfinite(value) && value == floor(value) && fabs(value) < 9.2e18;
}

/* CloudFormation gives a property the type of its schema: "50" is an
 * integer to an integer property; 15, true or 1.5 is text to a string
 * one, written as JSON writes the number (0x0F is "15"); a YAML date is
 * the text it is written as. A number such as 2.0 for an integer is the
 * integer it equals, as cfn-lint and JSON Schema take it; what
 * CloudFormation does with it is not documented, and a rule says so. */
static void convert_scalar(struct resolver *r, struct scalar *s, double float_value,
			   const struct shape *shape)
{
	char text[32];

	switch (shape->type) {
	case SHAPE_INTEGER:
		if (s->type == SCALAR_STRING && is_decimal_integer(s->text, s->len)) {
			s->type = SCALAR_INT;
			s->int_overflow = !scalar_parse_int(s->text, s->len, &s->int_value);
		} else if (s->type == SCALAR_FLOAT && is_integral(float_value)) {
			s->type = SCALAR_INT;
			s->int_value = (long long)float_value;
			s->int_overflow = false;
			s->integral_float = true;
		}
		break;
	case SHAPE_STRING:
		if (s->type == SCALAR_INT && !s->int_overflow) {
			snprintf(text, sizeof text, "%lld", s->int_value);
			set_text(r, s, text);
		} else if (s->type == SCALAR_BOOL) {
			set_text(r, s, s->bool_value ? "true" : "false");
		} else if (s->type == SCALAR_FLOAT && isfinite(float_value)) {
			scalar_format_float(float_value, text, sizeof text);
			set_text(r, s, text);
		}
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

/* The value of a float as written (in JSON, or tagged !!float). */
static double float_of(const struct scalar *s)
{
	struct yaml_value v = scalar_read_yaml(s->text, s->len, YAML_1_2);

	return v.type == SCALAR_FLOAT ? v.float_value : strtod(s->text, NULL);
}

/* The scalar as a YAML version types it, then converted for its member. */
static struct scalar read_as(struct resolver *r, const struct scalar *written,
			     const struct shape *shape, const struct yaml_value *v)
{
	struct scalar s = *written;

	s.type = v->type;
	s.int_value = v->int_value;
	s.int_overflow = v->int_overflow;
	s.bool_value = v->bool_value;
	convert_scalar(r, &s, v->float_value, shape);
	return s;
}

static void note_difference(struct resolver *r, const struct node *node,
			    const struct shape *shape, const struct yaml_value typed[2],
			    const struct scalar read[2])
{
	struct reading_difference *d = grow(r, r->differences, r->difference_count,
					    &r->difference_capacity, sizeof *d);

	if (!d)
		return;
	r->differences = d;
	d += r->difference_count;
	*d = (struct reading_difference){
		.span = node->span, .path = step_path(r),
		.written = node->scalar.text, .member = shape->type,
		.typed = { typed[0], typed[1] }, .read = { read[0], read[1] },
	};
	if (!d->path) {
		r->out_of_memory = true;
		return;
	}
	r->difference_count++;
}

/* Converts a scalar for its member; a plain one of a YAML template as
 * the resolver's YAML version reads it. */
static void convert(struct resolver *r, struct node *node, const struct shape *shape)
{
	struct yaml_value typed[2];
	struct scalar read[2];

	if (shape->type != SHAPE_STRING && shape->type != SHAPE_INTEGER &&
	    shape->type != SHAPE_TIMESTAMP)
		return;
	if (!node->scalar.yaml_plain) {
		convert_scalar(r, &node->scalar,
			       node->scalar.type == SCALAR_FLOAT ? float_of(&node->scalar) : 0,
			       shape);
		return;
	}
	for (int version = YAML_1_1; version <= YAML_1_2; version++) {
		typed[version] = scalar_read_yaml(node->scalar.text, node->scalar.len, version);
		read[version] = read_as(r, &node->scalar, shape, &typed[version]);
	}
	/* Two readings of one text: numbers of one type compare by value, and
	 * 2.0 taken as 2 differs from 2 (node.h). */
	if (!node_scalar_equal(&read[YAML_1_1], &read[YAML_1_2]))
		note_difference(r, node, shape, typed, read);
	node->scalar = read[r->version];
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
		/* A key that is no string has no value the shapes know. */
		if (!step_in(r, pair->key, 0))
			return NULL;
		value = resolve_value(r, pair->value, value_shape);
		r->depth--;
		if (!value) {
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
		if (!step_in(r, NULL, count))
			return NULL;
		const struct node *item = resolve_value(r, node->sequence.items[i], item_shape);
		r->depth--;
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
			convert(r, copy, shape);
		return copy;
	case NODE_UNKNOWN:
		break;
	}
	return node;
}
