/* HCL's bodies (attributes and blocks) made members of mappings, and the
 * nodes every part of the reader makes (hcl.h says which shape). */
#include "hcl.h"

#include <stdlib.h>
#include <string.h>

#include "base/memory.h"

_Static_assert(offsetof(struct node, scalar.source) >= offsetof(struct node, mapping) +
	       sizeof(struct pair *) + sizeof(size_t) &&
	       offsetof(struct node, scalar.source) >= offsetof(struct node, sequence) +
	       sizeof(struct node **) + sizeof(size_t),
	       "a node's source must not share memory with its members");

struct node *hcl_node(struct hcl_reader *r, enum node_kind kind, struct position from,
		      struct position to)
{
	struct node *node;

	if (r->failed)
		return NULL;
	if (++r->ld->nodes > LOAD_MAX_NODES) {
		loader_report_too_many_nodes(r->ld, from);
		r->failed = true;
		return NULL;
	}
	node = arena_alloc(&r->ld->doc->arena, sizeof *node);
	if (!node) {
		loader_out_of_memory(r->ld);
		r->failed = true;
		return NULL;
	}
	memset(node, 0, sizeof *node);
	node->kind = kind;
	node->weight = 1;
	node->span = span_between(from, to);
	node->scalar.source = r->data + from.offset;
	node->scalar.source_len = to.offset - from.offset;
	node->scalar.hcl = true;
	return node;
}

struct node *hcl_string(struct hcl_reader *r, struct position from, struct position to,
			const char *text, size_t len)
{
	return hcl_string_kept(r, from, to, arena_strndup(&r->ld->doc->arena, text, len), len);
}

struct node *hcl_string_kept(struct hcl_reader *r, struct position from, struct position to,
			     char *text, size_t len)
{
	struct node *node = text ? hcl_node(r, NODE_SCALAR, from, to) : NULL;

	if (!node && !text) {
		loader_out_of_memory(r->ld);
		r->failed = true;
	}
	if (!node)
		return NULL;
	text[len] = '\0';
	node->scalar.type = SCALAR_STRING;
	node->scalar.text = text;
	node->scalar.len = len;
	return node;
}

struct node *hcl_unknown(struct hcl_reader *r, struct position from, struct position to)
{
	return hcl_node(r, NODE_UNKNOWN, from, to);
}

bool hcl_list_add(struct hcl_reader *r, struct hcl_list *list, struct node *node)
{
	if (!node)
		return false;
	if (list->count == list->capacity) {
		size_t capacity = list->capacity ? 2 * list->capacity : 8;
		struct node **items = mem_realloc(list->items, capacity * sizeof *items);
		if (!items) {
			loader_out_of_memory(r->ld);
			r->failed = true;
			return false;
		}
		list->items = items;
		list->capacity = capacity;
	}
	list->items[list->count++] = node;
	return true;
}

bool hcl_list_finish(struct hcl_reader *r, struct hcl_list *list, struct node *node)
{
	size_t count = list->count;
	bool done = false;

	if (!node || r->failed)
		goto out;
	for (size_t i = 0; i < count; i++)
		node->weight = add_weight(node->weight, list->items[i]->weight);
	if (node->kind == NODE_MAPPING) {
		struct pair *pairs = arena_alloc(&r->ld->doc->arena, count / 2 * sizeof *pairs + 1);
		if (!pairs)
			goto memory;
		for (size_t i = 0; i + 1 < count; i += 2)
			pairs[i / 2] = (struct pair){ list->items[i], list->items[i + 1] };
		node->mapping.pairs = pairs;
		node->mapping.count = count / 2;
	} else {
		struct node **items = arena_alloc(&r->ld->doc->arena, count * sizeof *items + 1);
		if (!items)
			goto memory;
		if (count)
			memcpy(items, list->items, count * sizeof *items);
		node->sequence.items = items;
		node->sequence.count = count;
	}
	done = true;
	goto out;
memory:
	loader_out_of_memory(r->ld);
	r->failed = true;
out:
	free(list->items);
	*list = (struct hcl_list){ 0 };
	return done;
}

bool hcl_enter(struct hcl_reader *r, size_t offset)
{
	if (++r->depth <= LOAD_MAX_DEPTH)
		return true;
	if (!r->failed)
		loader_report(r->ld, RULE_NESTING_TOO_DEEP, span_at(hcl_at(r, offset)), NULL,
			      "values nest more than %d levels deep here, far deeper than any "
			      "Terraform configuration, so the file is not read", LOAD_MAX_DEPTH);
	r->failed = true;
	r->ld->stop = true;
	return false;
}

void hcl_leave(struct hcl_reader *r)
{
	r->depth--;
}

/* ---- bodies -------------------------------------------------------------- */

static struct node *token_string(struct hcl_reader *r, const struct hcl_token *t)
{
	return hcl_string(r, t->from, t->to, r->data + t->start, t->end - t->start);
}

/* A block's label: a name, or a string without interpolation. */
static struct node *label(struct hcl_reader *r)
{
	struct hcl_token t = hcl_take(r);

	if (t.type == HCL_IDENT)
		return token_string(r, &t);
	struct node *node = hcl_quoted_template(r, &t);
	if (node && node->kind != NODE_SCALAR) {
		hcl_error(r, t.start, "a block's label is a plain string, without ${ } or %%{ }");
		return NULL;
	}
	return node;
}

static bool body_items(struct hcl_reader *r, struct hcl_list *members, bool one_line);
static bool body_members(struct hcl_reader *r, struct hcl_list *members, bool one_line,
			 struct hcl_names *names);

/* A block's labels and body after its type: a chain of one-member
 * mappings, a label's each, around the body's mapping. */
static struct node *block(struct hcl_reader *r)
{
	const struct hcl_token *t = hcl_peek(r);
	struct hcl_list members = { 0 };
	struct node *value;

	if (t->type == HCL_IDENT || t->type == HCL_QUOTE) {
		size_t start = t->start;
		struct position from = t->from;
		struct node *key = label(r);
		if (!key || !hcl_list_add(r, &members, key) ||
		    !hcl_enter(r, start) || !hcl_list_add(r, &members, block(r))) {
			free(members.items);
			return NULL;
		}
		hcl_leave(r);
		value = hcl_node(r, NODE_MAPPING, from, hcl_node_to(r, members.items[1]));
		return hcl_list_finish(r, &members, value) ? value : NULL;
	}
	struct hcl_token open = *t;
	if (!hcl_expect(r, HCL_LBRACE, "a block's label or its {"))
		return NULL;
	bool one_line = hcl_peek(r)->type != HCL_NEWLINE;
	if (!body_items(r, &members, one_line))
		return free(members.items), NULL;
	struct hcl_token close = *hcl_peek(r);
	if (close.type == HCL_EOF && !one_line) {
		hcl_error(r, open.start, "the block's { is never closed with }");
		return free(members.items), NULL;
	}
	if (!hcl_expect(r, HCL_RBRACE, one_line ? "the block's } on the same line"
						 : "the block's closing } on a line of its own"))
		return free(members.items), NULL;
	value = hcl_node(r, NODE_MAPPING, open.from, close.to);
	return hcl_list_finish(r, &members, value) ? value : NULL;
}

/* After an attribute or a block: a newline, the end of the file, or in a
 * one-line block its }. */
static bool item_end(struct hcl_reader *r, bool one_line)
{
	const struct hcl_token *t = hcl_peek(r);

	if (one_line) {
		if (t->type == HCL_RBRACE)
			return true;
		hcl_error(r, t->start, "a one-line block ends with its } after its attribute");
		return false;
	}
	if (t->type == HCL_NEWLINE || t->type == HCL_EOF)
		return hcl_accept(r, HCL_NEWLINE) || true;
	hcl_error(r, t->start, "expected a newline after the attribute or block");
	return false;
}

/* The attributes and blocks of a body, up to its } or the end of the
 * file; a one-line block holds at most one attribute. */
static bool body_items(struct hcl_reader *r, struct hcl_list *members, bool one_line)
{
	struct hcl_names names = { 0 };
	bool done = body_members(r, members, one_line, &names);

	free(names.slots);
	return done;
}

static bool body_members(struct hcl_reader *r, struct hcl_list *members, bool one_line,
			 struct hcl_names *names)
{
	while (!r->failed) {
		while (hcl_accept(r, HCL_NEWLINE))
			;
		const struct hcl_token *t = hcl_peek(r);
		if (t->type == HCL_EOF || t->type == HCL_RBRACE)
			return true;
		struct hcl_token name = *t;
		if (!hcl_expect(r, HCL_IDENT, "an attribute or block name"))
			return false;
		struct node *key = token_string(r, &name);
		if (!hcl_list_add(r, members, key))
			return false;
		if (hcl_accept(r, HCL_ASSIGN)) {
			if (!hcl_names_add(r, names, key) || !hcl_list_add(r, members, hcl_expression(r)))
				return false;
		} else if (one_line) {
			hcl_error(r, hcl_peek(r)->start, "a one-line block holds one attribute only");
			return false;
		} else if (!hcl_enter(r, name.start) || !hcl_list_add(r, members, block(r))) {
			return false;
		} else {
			hcl_leave(r);
		}
		if (!item_end(r, one_line))
			return false;
		if (one_line)
			return true;
	}
	return false;
}

void loader_parse_hcl(struct loader *ld)
{
	struct hcl_reader r = {
		.ld = ld, .data = ld->src->data, .len = ld->src->len,
		.offset = ld->last.offset, .cursor = ld->last, .newlines = true,
	};
	struct hcl_list members = { 0 };
	struct node *root;

	if (!body_items(&r, &members, false) ||
	    hcl_peek(&r)->type != HCL_EOF) {
		hcl_expect(&r, HCL_EOF, "an attribute or block name");
		free(members.items);
		return;
	}
	/* From the first member's start to the last one's end, as a YAML
	 * block mapping's. */
	struct position from = members.count ? hcl_node_from(&r, members.items[0])
					      : hcl_peek(&r)->from;
	struct position to = members.count ? hcl_node_to(&r, members.items[members.count - 1])
					    : from;
	root = hcl_node(&r, NODE_MAPPING, from, to);
	if (hcl_list_finish(&r, &members, root))
		ld->doc->root = root;
}
