#include "translate.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spelling.h"
#include "base/memory.h"
#include "load/load.h"

/* References followed within references (a local naming a local) before
 * the value is taken as not known: a cycle, or a hostile chain. */
enum { MAX_REFERENCE_DEPTH = 16 };

/* Nodes made from followed values in a configuration, at most: as many as
 * the loader reads in a document. Past it a reference is not known. */
enum { MAX_FOLLOWED_NODES = LOAD_MAX_NODES };

void translation_init(struct translation *t, struct arena *arena, struct values *values,
		      bool json)
{
	memset(t, 0, sizeof *t);
	t->arena = arena;
	t->values = values;
	t->json = json;
}

void translation_free(struct translation *t)
{
	free(t->substitutions);
	t->substitutions = NULL;
	t->substitution_count = t->substitution_capacity = 0;
}

static struct node *copy(struct translation *t, const struct node *node)
{
	struct node *made = arena_dup(t->arena, node, sizeof *node);

	if (!made)
		t->out_of_memory = true;
	return made;
}

static struct node *unknown_at(struct translation *t, const struct node *node)
{
	struct node *made = copy(t, node);

	if (made)
		made->kind = NODE_UNKNOWN;
	return made;
}

static void remember(struct translation *t, struct substitution s)
{
	if (t->substitution_count == t->substitution_capacity) {
		size_t capacity = t->substitution_capacity ? 2 * t->substitution_capacity : 8;
		struct substitution *grown = mem_realloc(t->substitutions,
							 capacity * sizeof *grown);
		if (!grown) {
			t->out_of_memory = true;
			return;
		}
		t->substitutions = grown;
		t->substitution_capacity = capacity;
	}
	t->substitutions[t->substitution_count++] = s;
}

/* ---- scalars ----------------------------------------------------------- */

static struct node *with_text(struct translation *t, const struct node *node, const char *text,
			      size_t len)
{
	struct node *made = copy(t, node);
	char *kept = made ? arena_strndup(t->arena, text, len) : NULL;

	if (!kept) {
		t->out_of_memory = true;
		return NULL;
	}
	made->scalar.type = SCALAR_STRING;
	made->scalar.text = kept;
	made->scalar.len = len;
	return made;
}

/* A number or a boolean where a string belongs: Terraform writes it as
 * text. A number that is not a whole one is written as Terraform's own
 * decimal form, which is not settled here: it is not known. */
static const struct node *as_string(struct translation *t, const struct node *node)
{
	const struct scalar *s = &node->scalar;
	char text[32];

	switch (s->type) {
	case SCALAR_BOOL:
		return with_text(t, node, s->bool_value ? "true" : "false",
				 s->bool_value ? 4 : 5);
	case SCALAR_INT:
		if (s->int_overflow)
			return unknown_at(t, node);
		snprintf(text, sizeof text, "%lld", s->int_value);
		return with_text(t, node, text, strlen(text));
	case SCALAR_FLOAT:
		return unknown_at(t, node);
	default:
		return node;
	}
}

/* Text where a number belongs: Terraform reads it as the number, and a
 * whole number written 2.0 is the integer 2. */
static const struct node *as_integer(struct translation *t, const struct node *node)
{
	const struct scalar *s = &node->scalar;
	struct node *made;
	char *end;
	long long value;

	if (s->type == SCALAR_FLOAT && s->text) {
		double number = strtod(s->text, &end);
		if (*end || number != (double)(long long)number || number > 9e15 ||
		    number < -9e15)
			return node;
		value = (long long)number;
	} else if (s->type == SCALAR_STRING && s->len > 0 && s->len < 19 &&
		   strspn(s->text + (s->text[0] == '-'), "0123456789") ==
		   s->len - (s->text[0] == '-') && s->len > (size_t)(s->text[0] == '-')) {
		value = strtoll(s->text, NULL, 10);
	} else {
		return node;
	}
	if (!(made = copy(t, node)))
		return NULL;
	made->scalar.type = SCALAR_INT;
	made->scalar.int_value = value;
	made->scalar.int_overflow = false;
	return made;
}

/* A string of Terraform's JSON syntax is a template: one that
 * interpolates is not known, and $${ and %%{ are a literal ${ and %{. */
static const struct node *json_string(struct translation *t, const struct node *node)
{
	const struct scalar *s = &node->scalar;
	struct node *made;
	char *text;
	size_t n = 0;

	if (!memchr(s->text, '{', s->len))
		return node;
	for (size_t i = 0; i + 1 < s->len; i++) {
		if ((s->text[i] == '$' || s->text[i] == '%') && s->text[i + 1] == '{')
			return unknown_at(t, node);
		if ((s->text[i] == '$' || s->text[i] == '%') && s->text[i + 1] == s->text[i] &&
		    i + 2 < s->len && s->text[i + 2] == '{')
			i += 2; /* an escape: skip past its brace */
	}
	if (!(made = copy(t, node)) || !(text = arena_alloc(t->arena, s->len + 1))) {
		t->out_of_memory = true;
		return NULL;
	}
	for (size_t i = 0; i < s->len; i++) {
		text[n++] = s->text[i];
		if ((s->text[i] == '$' || s->text[i] == '%') && i + 2 < s->len &&
		    s->text[i + 1] == s->text[i] && s->text[i + 2] == '{')
			i++;
	}
	text[n] = '\0';
	made->scalar.text = text;
	made->scalar.len = n;
	made->scalar.source = NULL; /* unescaped: no fix rewrites it byte for byte */
	return made;
}

static const struct node *translate_scalar(struct translation *t, const struct node *node,
					   const struct shape *shape, bool json)
{
	if (node->scalar.type == SCALAR_NULL)
		return NULL;
	if (json && node->scalar.type == SCALAR_STRING) {
		node = json_string(t, node);
		if (!node || node->kind == NODE_UNKNOWN)
			return node;
	}
	if (!shape)
		return node;
	switch (shape->type) {
	case SHAPE_STRING:
	case SHAPE_TIMESTAMP:
		return as_string(t, node);
	case SHAPE_INTEGER:
		return as_integer(t, node);
	default:
		return node;
	}
}

/* ---- references -------------------------------------------------------- */

static const struct node *translate_in(struct translation *t, const struct node *node,
				       const struct shape *shape, bool json);

/* A value of another file, every node of it placed at the reference:
 * its own positions are not the checked file's. */
static struct node *placed_at(struct translation *t, const struct node *value,
			      struct span span)
{
	struct node *made = copy(t, value);
	size_t count = 0;
	struct node **items;
	struct pair *pairs;

	if (!made)
		return NULL;
	made->span = span;
	if (made->kind == NODE_SCALAR || made->kind == NODE_UNKNOWN) {
		made->scalar.source = NULL;
		return made;
	}
	if (made->kind == NODE_SEQUENCE && (count = value->sequence.count)) {
		if (!(items = arena_alloc(t->arena, count * sizeof *items)))
			return t->out_of_memory = true, NULL;
		for (size_t i = 0; i < count; i++)
			if (!(items[i] = placed_at(t, value->sequence.items[i], span)))
				return NULL;
		made->sequence.items = items;
	} else if (made->kind == NODE_MAPPING && (count = value->mapping.count)) {
		if (!(pairs = arena_alloc(t->arena, count * sizeof *pairs)))
			return t->out_of_memory = true, NULL;
		for (size_t i = 0; i < count; i++)
			if (!(pairs[i].key = placed_at(t, value->mapping.pairs[i].key, span)) ||
			    !(pairs[i].value = placed_at(t, value->mapping.pairs[i].value, span)))
				return NULL;
		made->mapping.pairs = pairs;
	}
	return made;
}

/* A variable's or local value's value, known: checked where the reference
 * is, and never rewritten there (a fix needs the text as written). */
static const struct node *follow(struct translation *t, const struct node *node,
				 const struct reference *ref, const struct shape *shape)
{
	const struct named_value *found;
	const struct node *value;
	struct node *made;

	if (t->depth >= MAX_REFERENCE_DEPTH || t->values->followed >= MAX_FOLLOWED_NODES ||
	    !(found = values_find(t->values, ref)))
		return unknown_at(t, node);
	t->depth++;
	t->elsewhere += found->elsewhere;
	value = translate_in(t, found->value, shape, found->json);
	t->elsewhere -= found->elsewhere;
	t->depth--;
	if (!value || value->kind == NODE_UNKNOWN)
		return value ? unknown_at(t, node) : NULL;
	made = found->elsewhere ? placed_at(t, value, node->span) : copy(t, value);
	if (!made)
		return NULL;
	made->span = node->span;
	if (made->kind == NODE_SCALAR)
		made->scalar.source = NULL;
	/* A reference within another file's value is not in the checked one. */
	if (!t->elsewhere)
		remember(t, (struct substitution){ node->span, found->value->span, ref->kind,
						   ref->name, ref->len, found->elsewhere });
	return made;
}

/* ---- containers -------------------------------------------------------- */

/* The API's name for a key Terraform spells in snake_case; a key that is
 * the API's own spelling names the member too (terraform_rules.c says it
 * is not Terraform's), and any other key stays as written. */
static const struct node *member_key(struct translation *t, const struct node *key,
				     const struct shape *shape,
				     const struct shape_member **member)
{
	struct node *made;

	*member = NULL;
	if (!node_is_string(key) || !shape || shape->type != SHAPE_STRUCTURE)
		return key;
	*member = terraform_find_member(shape, key->scalar.text, key->scalar.len);
	if (!*member)
		*member = terraform_api_spelling(shape, key->scalar.text, key->scalar.len);
	if (!*member)
		return key;
	if (!(made = copy(t, key)))
		return NULL;
	made->scalar.text = (*member)->name;
	made->scalar.len = strlen((*member)->name);
	return made;
}

bool terraform_block(const struct node *key, const struct node *value)
{
	const char *end, *start;

	if (!key->scalar.hcl || key->kind != NODE_SCALAR || value->kind != NODE_MAPPING ||
	    !key->scalar.source || !value->scalar.source)
		return false;
	end = key->scalar.source + key->scalar.source_len;
	start = value->scalar.source;
	if (start < end)
		return false;
	for (const char *p = end; p < start; p++)
		if (*p != ' ' && *p != '\t')
			return false;
	return true;
}

static bool same_key(const struct node *a, const struct node *b)
{
	return node_is_string(a) && node_is_string(b) && a->scalar.len == b->scalar.len &&
	       memcmp(a->scalar.text, b->scalar.text, a->scalar.len) == 0;
}

/* The bodies of the blocks of one type, from index i on, as a list. */
static const struct node *translate_blocks(struct translation *t, const struct node *body,
					   size_t i, const struct shape *list, bool json)
{
	const struct pair *first = &body->mapping.pairs[i];
	struct node *made = copy(t, first->value);
	struct node **items;
	size_t count = 0;

	for (size_t j = i; j < body->mapping.count; j++)
		count += same_key(body->mapping.pairs[j].key, first->key) &&
			 terraform_block(body->mapping.pairs[j].key, body->mapping.pairs[j].value);
	if (!made || !(items = arena_alloc(t->arena, count * sizeof *items))) {
		t->out_of_memory = true;
		return NULL;
	}
	count = 0;
	for (size_t j = i; j < body->mapping.count; j++) {
		const struct pair *pair = &body->mapping.pairs[j];
		const struct node *item;
		if (!same_key(pair->key, first->key) || !terraform_block(pair->key, pair->value))
			continue;
		if (!(item = translate_in(t, pair->value, list->member, json)))
			return NULL;
		items[count++] = (struct node *)item;
	}
	made->kind = NODE_SEQUENCE;
	made->sequence.items = items;
	made->sequence.count = count;
	return made;
}

static const struct node *translate_mapping(struct translation *t, const struct node *node,
					    const struct shape *shape, bool json, bool resource)
{
	struct node *made = copy(t, node);
	struct pair *pairs = made && node->mapping.count
		? arena_alloc(t->arena, node->mapping.count * sizeof *pairs) : NULL;
	size_t count = 0;
	uint64_t blocks_done = 0; /* the list members given as blocks, by index */

	if (!made || (node->mapping.count && !pairs)) {
		t->out_of_memory = true;
		return NULL;
	}
	/* A key that is an expression, { (local.key) = ... }: which attribute
	 * it sets is known only when Terraform plans, so the object is too. */
	for (size_t i = 0; i < node->mapping.count; i++)
		if (node->mapping.pairs[i].key->kind == NODE_UNKNOWN)
			return unknown_at(t, node);
	for (size_t i = 0; i < node->mapping.count; i++) {
		const struct pair *pair = &node->mapping.pairs[i];
		const struct shape_member *member;
		const struct node *key, *value;
		if (json && node_is_string(pair->key) && strcmp(pair->key->scalar.text, "//") == 0)
			continue; /* a comment, in JSON syntax */
		if (resource && terraform_meta_argument(pair->key))
			continue;
		if (!(key = member_key(t, pair->key, shape, &member)))
			return NULL;
		if (member && member->read_only)
			continue; /* the provider's to set: terraform_rules.c says so */
		if (member && member->shape->type == SHAPE_LIST &&
		    terraform_block(pair->key, pair->value)) {
			/* Blocks where a list belongs (terraform_rules.c says
			 * so): their bodies are checked as its items. */
			size_t index = (size_t)(member - shape->members);
			if (index >= 64 || (blocks_done >> index & 1))
				continue;
			blocks_done |= UINT64_C(1) << index;
			value = translate_blocks(t, node, i, member->shape, json);
		} else {
			value = translate_in(t, pair->value, member ? member->shape : NULL, json);
		}
		if (t->out_of_memory)
			return NULL;
		if (!value)
			continue; /* null: the attribute is left out */
		pairs[count++] = (struct pair){ (struct node *)key, (struct node *)value };
	}
	made->mapping.pairs = pairs;
	made->mapping.count = count;
	return made;
}

static const struct node *translate_sequence(struct translation *t, const struct node *node,
					     const struct shape *shape, bool json)
{
	const struct shape *item = shape && shape->type == SHAPE_LIST ? shape->member : NULL;
	struct node *made = copy(t, node);
	struct node **items = made && node->sequence.count
		? arena_alloc(t->arena, node->sequence.count * sizeof *items) : NULL;

	if (!made || (node->sequence.count && !items)) {
		t->out_of_memory = true;
		return NULL;
	}
	for (size_t i = 0; i < node->sequence.count; i++) {
		const struct node *value = translate_in(t, node->sequence.items[i], item, json);
		if (t->out_of_memory)
			return NULL;
		/* A null item stays, for the shape rules to refuse. */
		items[i] = (struct node *)(value ? value : node->sequence.items[i]);
	}
	made->sequence.items = items;
	return made;
}

static const struct node *translate_in(struct translation *t, const struct node *node,
				       const struct shape *shape, bool json)
{
	struct reference ref;

	if (t->depth > 0)
		t->values->followed++;
	if (values_reference(node, json, &ref))
		return follow(t, node, &ref, shape);
	switch (node->kind) {
	case NODE_SCALAR:
		return translate_scalar(t, node, shape, json);
	case NODE_MAPPING:
		return translate_mapping(t, node, shape, json, false);
	case NODE_SEQUENCE:
		return translate_sequence(t, node, shape, json);
	default:
		return node;
	}
}

const struct node *translate_resource(struct translation *t, const struct node *body)
{
	const struct shape *shape = model_get()->resource;

	if (body->kind != NODE_MAPPING)
		return translate_in(t, body, shape, t->json);
	return translate_mapping(t, body, shape, t->json, true);
}

bool terraform_meta_argument(const struct node *key)
{
	static const char *const words[] = {
		"count", "for_each", "provider", "depends_on", "lifecycle",
		"provisioner", "connection", "dynamic",
	};

	for (size_t i = 0; node_is_string(key) && i < sizeof words / sizeof *words; i++)
		if (strcmp(key->scalar.text, words[i]) == 0)
			return true;
	return false;
}
