#include "plan_json.h"

#include <stdlib.h>
#include <string.h>

#include "base/memory.h"
#include "base/path.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "rules/document_type.h"

/* Nesting below which after is not followed: deeper than any attribute
 * of the experiment, so what lies there is taken as not known. */
enum { MAX_DEPTH = 64 };

/* The attributes replace_paths names in a message, at most. */
enum { MAX_NAMED_PATHS = 8 };

/* The longest path written whole in a message. */
enum { MAX_PATH_CHARS = 200 };

static bool is_text(const struct node *node, const char *word)
{
	return node && node_is_string(node) && strcmp(node->scalar.text, word) == 0;
}

static bool is_true(const struct node *node)
{
	return node && node->kind == NODE_SCALAR && node->scalar.type == SCALAR_BOOL &&
	       node->scalar.bool_value;
}

/* Whether after_unknown says anything is unknown of a value that after
 * leaves out: true, or anything but false and an empty mapping or list
 * (Terraform writes the value whole as true; anything else is taken as
 * not known too rather than as absent). */
static bool marks_unknown(const struct node *node)
{
	switch (node->kind) {
	case NODE_SCALAR:
		return is_true(node);
	case NODE_MAPPING:
		return node->mapping.count > 0;
	case NODE_SEQUENCE:
		return node->sequence.count > 0;
	default:
		return true;
	}
}

static bool is_null(const struct node *node)
{
	return !node || (node->kind == NODE_SCALAR && node->scalar.type == SCALAR_NULL);
}

/* ---- finding the entries ------------------------------------------------- */

bool plan_json_detect(const struct node *root)
{
	return root->kind == NODE_MAPPING && !root->scalar.hcl &&
	       node_member(root, "format_version") &&
	       (node_member(root, "terraform_version") || node_member(root, "resource_changes"));
}

static bool has_action(const struct node *actions, const char *word)
{
	for (size_t i = 0; actions && actions->kind == NODE_SEQUENCE &&
			   i < actions->sequence.count; i++)
		if (is_text(actions->sequence.items[i], word))
			return true;
	return false;
}

/* An entry for a managed resource of the experiment's type; a data
 * source of the same type name is read, never created. */
static bool of_experiment(const struct node *entry)
{
	return entry->kind == NODE_MAPPING &&
	       is_text(node_member(entry, "type"), TERRAFORM_RESOURCE_TYPE) &&
	       !is_text(node_member(entry, "mode"), "data");
}

static void each_entry(const struct node *root, bool sending, planned_visit *visit,
		       void *context)
{
	const struct node *changes = node_member(root, "resource_changes");

	for (size_t i = 0; changes && changes->kind == NODE_SEQUENCE &&
			   i < changes->sequence.count; i++) {
		const struct node *entry = changes->sequence.items[i];
		const struct node *change, *address;
		if (!of_experiment(entry))
			continue;
		change = node_member(entry, "change");
		if (change && change->kind != NODE_MAPPING)
			change = NULL;
		address = node_member(entry, "address");
		struct planned_change found = {
			entry,
			node_is_string(address) ? address->scalar.text : TERRAFORM_RESOURCE_TYPE,
			change ? node_member(change, "actions") : NULL,
			change ? node_member(change, "before") : NULL,
			change ? node_member(change, "after") : NULL,
			change ? node_member(change, "after_unknown") : NULL,
			change ? node_member(change, "replace_paths") : NULL,
		};
		if (sending && !has_action(found.actions, "create") &&
		    !has_action(found.actions, "update"))
			continue;
		visit(&found, context);
	}
}

void plan_json_each_change(const struct node *root, planned_visit *visit, void *context)
{
	each_entry(root, true, visit, context);
}

static void count_entry(const struct planned_change *change, void *context)
{
	(void)change;
	++*(size_t *)context;
}

bool plan_json_has_experiment(const struct node *root)
{
	size_t count = 0;

	if (root->kind == NODE_MAPPING)
		each_entry(root, false, count_entry, &count);
	return count > 0;
}

/* ---- after, with what is not known ---------------------------------------- */

struct merge {
	struct arena *arena;
	bool out_of_memory;
};

static struct node *made_node(struct merge *m, const struct node *like)
{
	struct node *made = arena_alloc(m->arena, sizeof *made);

	if (!made) {
		m->out_of_memory = true;
		return NULL;
	}
	*made = *like;
	return made;
}

static struct node *unknown_node(struct merge *m, struct span span)
{
	struct node like = { .kind = NODE_UNKNOWN, .span = span, .weight = 1 };

	like.scalar.type = SCALAR_NULL;
	like.scalar.text = "";
	return made_node(m, &like);
}

/* A scalar without its source text: a fix would rewrite the plan. */
static struct node *plain_scalar(struct merge *m, const struct node *node)
{
	struct node *made = made_node(m, node);

	if (made) {
		made->scalar.source = NULL;
		made->scalar.source_len = 0;
	}
	return made;
}

static int compare_pairs(const void *a, const void *b)
{
	const struct pair *x = *(const struct pair *const *)a, *y = *(const struct pair *const *)b;

	return node_key_order(x->key, y->key);
}

/* after_unknown's members, sorted by key, so that finding each of
 * after's takes a search rather than a scan. */
struct unknown_index {
	const struct pair **pairs;
	bool *taken;
	size_t count;
};

static bool index_unknown(struct unknown_index *ix, const struct node *unknown)
{
	memset(ix, 0, sizeof *ix);
	if (!unknown || unknown->kind != NODE_MAPPING || unknown->mapping.count == 0)
		return true;
	ix->pairs = mem_malloc(unknown->mapping.count * sizeof *ix->pairs);
	ix->taken = mem_calloc(unknown->mapping.count, sizeof *ix->taken);
	if (!ix->pairs || !ix->taken)
		return false;
	for (size_t i = 0; i < unknown->mapping.count; i++)
		ix->pairs[i] = &unknown->mapping.pairs[i];
	ix->count = unknown->mapping.count;
	qsort(ix->pairs, ix->count, sizeof *ix->pairs, compare_pairs);
	return true;
}

static const struct node *find_unknown(struct unknown_index *ix, const struct node *key)
{
	struct pair wanted = { (struct node *)key, NULL };
	const struct pair *p = &wanted;
	const struct pair **found = ix->count
		? bsearch(&p, ix->pairs, ix->count, sizeof *ix->pairs, compare_pairs) : NULL;

	if (!found)
		return NULL;
	ix->taken[found - ix->pairs] = true;
	return (*found)->value;
}

static const struct node *merged(struct merge *m, const struct node *after,
				 const struct node *unknown, struct span at, int depth);

static void add_pair(struct merge *m, struct node *mapping, const struct node *key,
		     const struct node *value)
{
	struct node *kept = plain_scalar(m, key);

	if (kept)
		mapping->mapping.pairs[mapping->mapping.count++] =
			(struct pair){ kept, (struct node *)value };
}

/* after's members that are not null, then the members after_unknown
 * marks that after leaves out (Terraform writes no unknown member). */
static const struct node *merged_mapping(struct merge *m, const struct node *after,
					 const struct node *unknown, int depth)
{
	size_t most = after->mapping.count +
		      (unknown && unknown->kind == NODE_MAPPING ? unknown->mapping.count : 0);
	struct node *made = made_node(m, after);
	struct unknown_index ix = { 0 };

	if (!made || !index_unknown(&ix, unknown) ||
	    (most && !(made->mapping.pairs = arena_alloc(m->arena, most * sizeof(struct pair))))) {
		m->out_of_memory = true;
		free(ix.pairs);
		free(ix.taken);
		return NULL;
	}
	made->mapping.count = 0;
	for (size_t i = 0; i < after->mapping.count && !m->out_of_memory; i++) {
		const struct pair *pair = &after->mapping.pairs[i];
		const struct node *value = merged(m, pair->value, find_unknown(&ix, pair->key),
						  pair->key->span, depth + 1);
		if (value)
			add_pair(m, made, pair->key, value);
	}
	for (size_t i = 0; i < ix.count && !m->out_of_memory; i++)
		if (!ix.taken[i] && marks_unknown(ix.pairs[i]->value))
			add_pair(m, made, ix.pairs[i]->key,
				 unknown_node(m, ix.pairs[i]->key->span));
	free(ix.pairs);
	free(ix.taken);
	return m->out_of_memory ? NULL : made;
}

/* Each item at its index: an unknown item is null in after. */
static const struct node *merged_sequence(struct merge *m, const struct node *after,
					  const struct node *unknown, int depth)
{
	struct node *made = made_node(m, after);
	size_t count = after->sequence.count;

	if (unknown && unknown->kind != NODE_SEQUENCE)
		unknown = NULL;
	if (!made || (count && !(made->sequence.items = arena_alloc(m->arena,
								    count * sizeof(struct node *))))) {
		m->out_of_memory = true;
		return NULL;
	}
	for (size_t i = 0; i < count; i++) {
		const struct node *item = after->sequence.items[i];
		const struct node *value = merged(m, item,
			unknown && i < unknown->sequence.count ? unknown->sequence.items[i] : NULL,
			item->span, depth + 1);
		if (m->out_of_memory)
			return NULL;
		/* A null item stays, for the shape rules to refuse. */
		made->sequence.items[i] = (struct node *)(value ? value : item);
	}
	return made;
}

/* The value at one place of after, and what after_unknown says of it;
 * at is where a value after leaves out would be. */
static const struct node *merged(struct merge *m, const struct node *after,
				 const struct node *unknown, struct span at, int depth)
{
	if (is_true(unknown) || depth > MAX_DEPTH)
		return unknown_node(m, is_null(after) ? at : after->span);
	if (is_null(after))
		return NULL;
	switch (after->kind) {
	case NODE_MAPPING:
		return merged_mapping(m, after, unknown, depth);
	case NODE_SEQUENCE:
		return merged_sequence(m, after, unknown, depth);
	case NODE_SCALAR:
		return plain_scalar(m, after);
	default:
		return after;
	}
}

/* The resource's "id" is the provider's (the experiment's name, once it
 * exists), in every plan; the other attributes it computes are the
 * resource's read-only ones, which translating leaves out. */
static void drop_id(struct node *attributes)
{
	size_t kept = 0;

	for (size_t i = 0; i < attributes->mapping.count; i++)
		if (!is_text(attributes->mapping.pairs[i].key, "id"))
			attributes->mapping.pairs[kept++] = attributes->mapping.pairs[i];
	attributes->mapping.count = kept;
}

const struct node *plan_json_attributes(const struct planned_change *change,
					struct arena *arena, bool *out_of_memory)
{
	struct merge m = { arena, false };
	const struct node *after = change->after;
	const struct node *attributes;

	if (!after || after->kind != NODE_MAPPING)
		return NULL;
	attributes = merged(&m, after, change->after_unknown, after->span, 0);
	if (m.out_of_memory) {
		*out_of_memory = true;
		return NULL;
	}
	if (attributes && attributes->kind == NODE_MAPPING)
		drop_id((struct node *)attributes);
	return attributes;
}

bool plan_json_keeps_schedule(const struct planned_change *change)
{
	const struct node *actions = change->actions, *unknown = change->after_unknown;
	const struct node *before, *after;

	if (!actions || actions->kind != NODE_SEQUENCE || actions->sequence.count != 1 ||
	    !is_text(actions->sequence.items[0], "update") || !change->before ||
	    change->before->kind != NODE_MAPPING || !change->after ||
	    change->after->kind != NODE_MAPPING || (unknown && unknown->kind != NODE_MAPPING))
		return false;
	before = node_member(change->before, "schedule");
	after = node_member(change->after, "schedule");
	unknown = unknown ? node_member(unknown, "schedule") : NULL;
	if (unknown && marks_unknown(unknown))
		return false;
	if (is_null(before) || is_null(after))
		return is_null(before) && is_null(after);
	return node_equal(before, after);
}

/* ---- replacement ----------------------------------------------------------- */

/* Text as it is when short and printable ASCII; else shortened, with
 * what could break the message's line escaped. */
static void put_printable(struct strbuf *b, const char *text)
{
	size_t len = strlen(text);
	bool printable = len <= MAX_PATH_CHARS;

	for (size_t i = 0; printable && i < len; i++)
		printable = text[i] >= ' ' && text[i] <= '~';
	strbuf_puts(b, printable ? text : shorten(text, len).text);
}

/* One path of replace_paths as Terraform spells it: model_variants[0].model_name. */
static void put_path(struct strbuf *b, const struct node *steps)
{
	struct path path;

	path_init(&path);
	for (size_t i = 0; steps->kind == NODE_SEQUENCE && i < steps->sequence.count; i++) {
		const struct node *step = steps->sequence.items[i];
		if (node_is_string(step))
			path_append_key(&path, step->scalar.text, step->scalar.len);
		else if (step->kind == NODE_SCALAR && step->scalar.type == SCALAR_INT &&
			 step->scalar.int_value >= 0 && !step->scalar.int_overflow)
			path_append_index(&path, (size_t)step->scalar.int_value);
	}
	if (path_failed(&path))
		b->failed = true;
	else if (path_length(&path))
		put_printable(b, path_string(&path));
	path_free(&path);
}

/* What the plan gives as the reason: "; a change of name and role_arn
 * requires it". */
static bool is_path(const struct node *steps)
{
	return steps->kind == NODE_SEQUENCE && steps->sequence.count > 0;
}

static void put_reason(struct strbuf *b, const struct node *paths)
{
	size_t count = 0, named = 0;

	for (size_t i = 0; paths && paths->kind == NODE_SEQUENCE && i < paths->sequence.count; i++)
		count += is_path(paths->sequence.items[i]);
	if (!count)
		return;
	strbuf_puts(b, "; the plan's reason: a change of ");
	for (size_t i = 0; named < count && named < MAX_NAMED_PATHS; i++) {
		if (!is_path(paths->sequence.items[i]))
			continue;
		if (named > 0)
			strbuf_puts(b, named + 1 == count ? " and " : ", ");
		put_path(b, paths->sequence.items[i]);
		named++;
	}
	if (named < count)
		strbuf_puts(b, count - named == 1 ? " and 1 more attribute" : " and more attributes");
}

void plan_json_check_replacement(const struct planned_change *change, struct diag_list *diags)
{
	const struct node *actions = change->actions;
	struct strbuf b = STRBUF_INIT;
	bool delete_first;

	if (!actions || actions->kind != NODE_SEQUENCE || actions->sequence.count != 2 ||
	    !has_action(actions, "delete") || !has_action(actions, "create"))
		return;
	delete_first = is_text(actions->sequence.items[0], "delete");
	strbuf_puts(&b, delete_first
		    ? "the plan replaces the experiment: Terraform deletes the one deployed, "
		      "with what it has measured so far, then creates a new one"
		    : "the plan replaces the experiment: Terraform creates a new one, then "
		      "deletes the one deployed, with what it has measured so far");
	put_reason(&b, change->replace_paths);
	if (b.failed)
		diags->out_of_memory = true;
	else
		diag_add(diags, RULE_REPLACES_EXPERIMENT, actions->span, change->address, "%s",
			 strbuf_text(&b));
	strbuf_free(&b);
}
