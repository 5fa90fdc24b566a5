/* The collections being read, innermost last, and the children each has
 * so far: where the next node goes, and what it is to its parent (a key,
 * a value to merge). libfyaml gives events, not a tree; this stack is what
 * turns them into one. */
#include "loader.h"

#include <string.h>

#include "base/memory.h"

bool loader_anchor_is_open(const struct loader *ld, const char *name, size_t len)
{
	for (size_t i = 0; i < ld->depth; i++) {
		const struct frame *frame = &ld->frames[i];
		if (frame->anchor && frame->anchor_len == len &&
		    memcmp(frame->anchor, name, len) == 0)
			return true;
	}
	return false;
}

/* The key whose value frames[i] is building, or NULL when it is building
 * no mapping's value. */
static const struct node *pending_key(const struct loader *ld, size_t i)
{
	const struct frame *frame = &ld->frames[i];
	size_t child = i + 1 < ld->depth ? ld->frames[i + 1].first_child : ld->children_len;

	if (frame->node->kind != NODE_MAPPING || (child - frame->first_child) % 2 == 0)
		return NULL;
	return ld->children[child - 1];
}

/* Whether the next child of frames[parent] is read as a mapping to merge:
 * the value of a merge key, or an item of a list that is one. */
bool loader_merges_into(const struct loader *ld, size_t parent)
{
	const struct node *key = pending_key(ld, parent);

	if (key)
		return key->merge_key;
	return ld->frames[parent].node->kind == NODE_SEQUENCE && parent > 0 &&
	       (key = pending_key(ld, parent - 1)) && key->merge_key;
}

/* Whether the next node finished is a mapping's key. */
bool loader_key_is_next(const struct loader *ld)
{
	const struct frame *frame = ld->depth ? &ld->frames[ld->depth - 1] : NULL;

	return frame && frame->node->kind == NODE_MAPPING &&
	       (ld->children_len - frame->first_child) % 2 == 0;
}

static bool push_child(struct loader *ld, struct node *node)
{
	if (ld->children_len == ld->children_capacity) {
		size_t capacity = ld->children_capacity ? ld->children_capacity * 2 : 64;
		struct node **children = mem_realloc(ld->children, capacity * sizeof *children);
		if (!children)
			return false;
		ld->children = children;
		ld->children_capacity = capacity;
	}
	ld->children[ld->children_len++] = node;
	return true;
}

/* Marks a node and what it holds as shared. A node marked already is not
 * entered again, so nested aliases cost nothing more. */
static void mark_shared(struct node *node)
{
	if (node->shared)
		return;
	node->shared = true;
	if (node->kind == NODE_MAPPING)
		for (size_t i = 0; i < node->mapping.count; i++) {
			mark_shared(node->mapping.pairs[i].key);
			mark_shared(node->mapping.pairs[i].value);
		}
	else if (node->kind == NODE_SEQUENCE)
		for (size_t i = 0; i < node->sequence.count; i++)
			mark_shared(node->sequence.items[i]);
}

/* A complete node goes to its parent (or becomes the root) and, when it
 * carries an anchor, becomes available to later aliases. */
void loader_finish_node(struct loader *ld, struct node *node,
			const char *anchor, size_t anchor_len)
{
	if (ld->depth == 0)
		ld->doc->root = node;
	else if (!push_child(ld, node))
		return loader_out_of_memory(ld);
	if (anchor && !anchors_add(&ld->anchors, &ld->doc->arena, anchor, anchor_len, node))
		loader_out_of_memory(ld);
	if (anchor)
		mark_shared(node);
}

struct node *loader_new_node(struct loader *ld, enum node_kind kind)
{
	struct node *node = arena_alloc(&ld->doc->arena, sizeof *node);

	if (!node) {
		loader_out_of_memory(ld);
		return NULL;
	}
	memset(node, 0, sizeof *node);
	node->kind = kind;
	node->weight = 1;
	return node;
}

const char *loader_copy_token_text(struct loader *ld, struct fy_token *token,
				   size_t *len)
{
	const char *text = token ? fy_token_get_text(token, len) : NULL;
	char *copy;

	if (!text) {
		text = "";
		*len = 0;
	}
	copy = arena_strndup(&ld->doc->arena, text, *len);
	if (!copy)
		loader_out_of_memory(ld);
	return copy;
}
