/* The shape rules: every documented constraint of every member. The
 * walker follows the shapes, not the input, so it goes no deeper than the
 * request's own structure, and runs on each value the rules of
 * shape_rules below, one function each (shape_rules.h says which file
 * holds which), with its catalog entry in rules/catalog.yaml and its
 * cases in testdata/cases/shape/. */
#include "check_shape.h"

#include "shape_rules.h"
#include "rules/rules.h"

/* The rules in the order they run on each value, one function each: the
 * value's type first, as the gate to the rest. */
static const struct shape_rule {
	enum rule_id rule;
	shape_check check;
	bool advice; /* the value is still sent as it is read */
} shape_rules[] = {
	{ RULE_WRONG_TYPE, rule_wrong_type, false },
	{ RULE_INTEGER_AS_FLOAT, rule_integer_as_float, true },
	{ RULE_INVALID_TIMESTAMP, rule_invalid_timestamp, false },
	{ RULE_NONSTANDARD_TIMESTAMP, rule_nonstandard_timestamp, true },
	{ RULE_AMBIGUOUS_TIMESTAMP, rule_ambiguous_timestamp, true },
	/* A template's times, which CloudFormation's handler parses instead. */
	{ RULE_HANDLER_UNPARSEABLE_TIME, rule_handler_unparseable_time, false },
	{ RULE_HANDLER_OFFSET_TIME, rule_handler_offset_time, true },
	/* Unknown members first: a misspelt key is reported once, as that. */
	{ RULE_UNKNOWN_MEMBER, rule_unknown_member, false },
	{ RULE_MISSING_MEMBER, rule_missing_member, false },
	{ RULE_LIST_LENGTH, rule_list_length, false },
	{ RULE_STRING_LENGTH, rule_string_length, false },
	{ RULE_PATTERN_MISMATCH, rule_pattern_mismatch, false },
	{ RULE_INVALID_ENUM, rule_invalid_enum, false },
	{ RULE_INTEGER_RANGE, rule_integer_range, false },
};

bool check_shape_refuses(enum rule_id rule)
{
	for (size_t i = 0; i < sizeof shape_rules / sizeof *shape_rules; i++)
		if (shape_rules[i].rule == rule)
			return !shape_rules[i].advice;
	return false;
}

bool check_shape_raises(enum rule_id rule)
{
	for (size_t i = 0; i < sizeof shape_rules / sizeof *shape_rules; i++)
		if (shape_rules[i].rule == rule)
			return true;
	return false;
}

/* ---- the walk ----------------------------------------------------------- */

static void check_node(struct checker *c, const struct shape *shape,
		       const struct node *node);

/* The member a misspelt key of node is renamed to by a fix that stands
 * and is shown, or NULL. Its value is then checked as that member's,
 * so that the fixes of the key and of its value come in one pass:
 * "InstanceTyp: ml.m5.xlarg" is fixed whole by one --fix, not two. */
static const struct shape_member *renamed_to(const struct checker *c,
					     const struct shape *shape,
					     const struct node *node, const struct node *key)
{
	if (c->meant_in != node)
		return NULL;
	for (size_t i = 0; i < shape->member_count && i < 64; i++) {
		size_t at = c->fixed_by[i];
		const struct diag *diag = at && at <= c->diags->count ? &c->diags->items[at - 1]
								     : NULL;
		if ((c->meant >> i & 1) && diag && !diag->hidden && diag->fix &&
		    diag->fix->at == key->scalar.source)
			return &shape->members[i];
	}
	return NULL;
}

static void check_members(struct checker *c, const struct shape *shape,
			  const struct node *node)
{
	const struct shape_member *renamed[64] = { NULL };

	/* Found before the walk below checks other mappings. */
	for (size_t i = 0; i < node->mapping.count && i < 64; i++)
		if (node_is_string(node->mapping.pairs[i].key))
			renamed[i] = renamed_to(c, shape, node, node->mapping.pairs[i].key);
	for (size_t i = 0; i < node->mapping.count; i++) {
		const struct pair *pair = &node->mapping.pairs[i];
		const struct shape_member *member;
		if (!node_is_string(pair->key))
			continue;
		member = shape_find_member(shape, pair->key->scalar.text, pair->key->scalar.len);
		if (!member && i < 64)
			member = renamed[i];
		if (!member)
			continue;
		size_t mark = path_length(&c->path);
		const char *name = spelled(c, member->name);
		path_append_key(&c->path, name, strlen(name));
		check_node(c, member->shape, pair->value);
		path_truncate(&c->path, mark);
	}
}

static void check_items(struct checker *c, const struct shape *shape,
			const struct node *node)
{
	for (size_t i = 0; i < node->sequence.count; i++) {
		size_t mark = path_length(&c->path);
		path_append_index(&c->path, i);
		check_node(c, shape->member, node->sequence.items[i]);
		path_truncate(&c->path, mark);
	}
}

/* A map's keys against its key shape, its values against its value shape;
 * messages call them "the ModelVariantActions key" and "the
 * ModelVariantActions value for shadow". */
static void check_entries(struct checker *c, const struct shape *shape,
			  const struct node *node)
{
	char map[sizeof(struct quoted)], key_label[sizeof map + 16];
	char value_label[2 * sizeof map + 32];

	snprintf(map, sizeof map, "%s", label(c));
	snprintf(key_label, sizeof key_label, "the %s key", map);
	for (size_t i = 0; i < node->mapping.count; i++) {
		const struct pair *pair = &node->mapping.pairs[i];
		size_t mark = path_length(&c->path);
		if (node_is_string(pair->key))
			path_append_key(&c->path, pair->key->scalar.text, pair->key->scalar.len);
		c->entry = key_label;
		check_node(c, shape->key, pair->key);
		snprintf(value_label, sizeof value_label, "the %s value for %s", map,
			 node_is_string(pair->key) ? shorten(pair->key->scalar.text,
							      pair->key->scalar.len).text : "it");
		c->entry = value_label;
		check_node(c, shape->value, pair->value);
		c->entry = NULL;
		path_truncate(&c->path, mark);
	}
}

static void check_node(struct checker *c, const struct shape *shape,
		       const struct node *node)
{
	/* A template's value known only when it is deployed (kinds/cloudformation/resolve.h). */
	if (node->kind == NODE_UNKNOWN)
		return;
	for (size_t i = 0; i < sizeof shape_rules / sizeof *shape_rules; i++) {
		/* The catalog says which documents each rule checks. */
		if (!rule_applies(shape_rules[i].rule, c->type))
			continue;
		c->rule = shape_rules[i].rule;
		if (!shape_rules[i].check(c, shape, node))
			break;
	}
	/* Only a value of the shape's own kind has members or items to walk;
	 * below it, labels come from the path again. */
	c->entry = NULL;
	if (shape->type == SHAPE_STRUCTURE && node->kind == NODE_MAPPING)
		check_members(c, shape, node);
	else if (shape->type == SHAPE_LIST && shape->member && node->kind == NODE_SEQUENCE)
		check_items(c, shape, node);
	else if (shape->type == SHAPE_MAP && shape->key && node->kind == NODE_MAPPING)
		check_entries(c, shape, node);
}

void check_shape(const struct shape *shape, const struct node *node, const char *what,
		 const struct naming *naming, struct document_type type, double now,
		 struct diag_list *diags)
{
	struct checker c = { .diags = diags, .root = what, .top = shape, .naming = naming,
			     .type = type, .now = now };

	path_init(&c.path);
	check_node(&c, shape, node);
	if (path_failed(&c.path))
		diags->out_of_memory = true;
	path_free(&c.path);
}
