/* Reading ignore_changes: in native syntax its items are references
 * (NODE_UNKNOWN, read by their source: desired_state, schedule.end_time,
 * tags[0]), in JSON syntax strings holding the same; `all` either way. A
 * path into an attribute ignores, here, the whole attribute: the deploy
 * rules then say less, never more. */
#include "lifecycle.h"

#include <ctype.h>
#include <string.h>

#include "spelling.h"
#include "rules/model.h"

/* The most members an experiment resource has: ignored ones are kept in
 * a small set of their API names. */
enum { MAX_IGNORED = 32 };

struct ignored {
	bool all;
	const char *names[MAX_IGNORED];
	size_t count;
};

/* The attribute an ignore_changes item starts with, or all when the
 * item is all or cannot be read. */
static void ignore_item(struct ignored *ig, const struct node *item)
{
	const char *text = item->kind == NODE_SCALAR ? item->scalar.text : item->scalar.source;
	size_t len = 0;
	const struct shape_member *member;

	if ((item->kind != NODE_UNKNOWN && !node_is_string(item)) || !text) {
		ig->all = true;
		return;
	}
	while (len < (item->kind == NODE_SCALAR ? item->scalar.len : item->scalar.source_len) &&
	       (isalnum((unsigned char)text[len]) || text[len] == '_'))
		len++;
	if (len == 0 || (len == 3 && memcmp(text, "all", 3) == 0)) {
		ig->all = true;
		return;
	}
	member = terraform_find_member(model_get()->resource, text, len);
	if (!member)
		return; /* no attribute of the experiment: Terraform refuses it */
	if (ig->count == MAX_IGNORED)
		ig->all = true;
	else
		ig->names[ig->count++] = member->name;
}

static void read_lifecycle(struct ignored *ig, const struct node *block)
{
	const struct node *list;

	if (block->kind == NODE_SEQUENCE) { /* JSON syntax may list a block's bodies */
		for (size_t i = 0; i < block->sequence.count; i++)
			read_lifecycle(ig, block->sequence.items[i]);
		return;
	}
	list = node_member(block, "ignore_changes");
	if (!list)
		return;
	if (list->kind != NODE_SEQUENCE) {
		ignore_item(ig, list);
		return;
	}
	for (size_t i = 0; i < list->sequence.count; i++)
		ignore_item(ig, list->sequence.items[i]);
}

static bool is_ignored(const struct ignored *ig, const struct node *key)
{
	for (size_t i = 0; node_is_string(key) && i < ig->count; i++)
		if (strcmp(ig->names[i], key->scalar.text) == 0)
			return true;
	return false;
}

const struct node *lifecycle_updatable(struct arena *arena, const struct node *body,
				       const struct node *request, bool *out_of_memory)
{
	struct ignored ig = { 0 };
	struct node *kept;
	struct pair *pairs;

	/* Each lifecycle block is its own member of the body (load/hcl.h). */
	for (size_t i = 0; body->kind == NODE_MAPPING && i < body->mapping.count; i++) {
		const struct node *key = body->mapping.pairs[i].key;
		if (node_is_string(key) && strcmp(key->scalar.text, "lifecycle") == 0)
			read_lifecycle(&ig, body->mapping.pairs[i].value);
	}
	if (ig.all)
		return NULL;
	if (ig.count == 0 || request->kind != NODE_MAPPING)
		return request;
	kept = arena_alloc(arena, sizeof *kept);
	pairs = arena_alloc(arena, (request->mapping.count + 1) * sizeof *pairs);
	if (!kept || !pairs) {
		*out_of_memory = true;
		return NULL;
	}
	*kept = *request;
	kept->mapping.pairs = pairs;
	kept->mapping.count = 0;
	for (size_t i = 0; i < request->mapping.count; i++)
		if (!is_ignored(&ig, request->mapping.pairs[i].key))
			pairs[kept->mapping.count++] = request->mapping.pairs[i];
	return kept;
}
