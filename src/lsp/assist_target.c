/* The kind and operation of the document around a point, chosen as a run
 * of the command line chooses them (main/lint.c): from the loaded
 * document by kind_detect(), and for a request by the checks of each
 * request (kinds/request/choose.c). A document being edited often does
 * not load; it is loaded again with the point's line blanked, which is
 * what keeps it from loading almost always; when that fails too, the
 * place's own path decides (Resources: a template), else the document is
 * a create request, the one that has every member. Only a document of up
 * to ASSIST_LOAD_LIMIT bytes is loaded: beyond that, the text alone
 * decides, so that a point in a huge document costs what its reading by
 * the locate step costs. */
#include "assist_target.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/memory.h"
#include "kinds/kind.h"
#include "kinds/terraform/spelling.h"
#include "load/load.h"

/* Some ten times a real experiment's request (which the choice of an
 * operation is for: a template's or a configuration's kind its text
 * tells). A point may load the document twice (the second time with its
 * line blanked), and loading a request runs the checks that choose its
 * operation: at 256 KiB that took 75 ms, at this size some 15. */
#define ASSIST_LOAD_LIMIT (64u << 10)

static const struct document_kind assisted = { "a request", "a Name", "Name" };

static bool has_suffix(const char *name, const char *suffix)
{
	size_t len = strlen(name), suffix_len = strlen(suffix);

	return len >= suffix_len && strcasecmp(name + len - suffix_len, suffix) == 0;
}

static bool names_terraform(const char *name)
{
	return has_suffix(name, ".tf") || has_suffix(name, ".tf.json");
}

/* The type the command line would check the loaded source as; false when
 * it does not load. */
static bool type_of_loaded(const struct source *src, struct document_type *type)
{
	struct document doc;
	struct diag_list diags;
	bool loaded;

	diag_list_init(&diags);
	loaded = load_document(&doc, src, INPUT_AUTO, &assisted, &diags);
	if (loaded) {
		const struct kind *kind = kind_detect(doc.root);
		*type = (struct document_type){ kind->id, OPERATION_CREATE };
		if (kind->id == KIND_REQUEST) {
			struct experiment_state state = { .now = (double)time(NULL) };
			diag_list_free(&diags);
			diag_list_init(&diags);
			*type = kind->check(doc.root, NULL, &state, &diags);
		}
	}
	diag_list_free(&diags);
	document_free(&doc);
	return loaded;
}

/* The source with the point's line made blanks. */
static bool type_of_blanked(const struct source *src, size_t offset, struct document_type *type)
{
	char *copy = mem_malloc(src->len + 1);
	struct source blanked;
	size_t start = offset, end = offset;
	bool loaded;

	if (!copy)
		return false;
	memcpy(copy, src->data, src->len + 1);
	while (start > 0 && copy[start - 1] != '\n')
		start--;
	while (end < src->len && copy[end] != '\n' && copy[end] != '\r')
		end++;
	memset(copy + start, ' ', end - start);
	source_from_memory(&blanked, src->name, copy, src->len);
	loaded = type_of_loaded(&blanked, type);
	free(copy);
	return loaded;
}

/* Whether a request's members say it is a stop request. */
static bool marks_stop(struct assist_text key)
{
	const struct model *model = model_get();

	return key.text && shape_find_member(model->requests[OPERATION_STOP], key.text, key.len) &&
	       !shape_find_member(model->requests[OPERATION_CREATE], key.text, key.len);
}

static struct document_type type_of_text(const struct source *src,
					 const struct assist_place *place)
{
	if (names_terraform(src->name))
		return (struct document_type){ KIND_TERRAFORM, OPERATION_CREATE };
	if (place->depth > 0 && assist_text_is(place->path[0].key, "Resources"))
		return (struct document_type){ KIND_CLOUDFORMATION, OPERATION_CREATE };
	if (place->depth > 0 ? marks_stop(place->path[0].key) : false)
		return (struct document_type){ KIND_REQUEST, OPERATION_STOP };
	for (size_t i = 0; place->depth == 0 && i < place->present_count; i++)
		if (marks_stop(place->present[i]))
			return (struct document_type){ KIND_REQUEST, OPERATION_STOP };
	return (struct document_type){ KIND_REQUEST, OPERATION_CREATE };
}

static struct document_type choose_type(const struct assist_point *point,
					const struct assist_place *place)
{
	struct document_type type;

	if (point->forced)
		return *point->forced;
	if (point->src->len <= ASSIST_LOAD_LIMIT &&
	    (type_of_loaded(point->src, &type) ||
	     type_of_blanked(point->src, point->offset, &type)))
		return type;
	return type_of_text(point->src, place);
}

/* ---- from the document to the experiment -------------------------------- */

static bool stripped_is(struct assist_text text, const char *word)
{
	if (text.len >= 2 && (text.text[0] == '"' || text.text[0] == '\'') &&
	    text.text[text.len - 1] == text.text[0])
		text = (struct assist_text){ text.text + 1, text.len - 2 };
	return assist_text_is(text, word);
}

/* How many steps of the path lead to the experiment's members, and the
 * shape they have; false when the path is outside every experiment. */
static bool experiment_start(const struct assist_place *place, struct document_type type,
			     size_t *start, const struct shape **shape)
{
	const struct model *model = model_get();
	const struct assist_segment *path = place->path;

	*start = 0;
	switch (type.kind) {
	case KIND_REQUEST:
		*shape = model->requests[type.op];
		return true;
	case KIND_CLOUDFORMATION:
		*start = 3;
		*shape = model->resource;
		return place->depth >= 3 && assist_text_is(path[0].key, "Resources") &&
		       !path[1].item && assist_text_is(path[2].key, "Properties") &&
		       stripped_is(place->resource_type, model->resource_type);
	case KIND_TERRAFORM:
	default: {
		/* resource, its type, its name: steps of lists between them
		 * in JSON syntax are left aside. */
		static const char *const words[] = { "resource", TERRAFORM_RESOURCE_TYPE, NULL };
		size_t found = 0;
		*shape = model->resource;
		for (size_t i = 0; i < place->depth && found < 3; i++) {
			if (path[i].item)
				continue;
			if (words[found] && !assist_text_is(path[i].key, words[found]))
				return false;
			found++;
			*start = i + 1;
		}
		while (found == 3 && *start < place->depth && path[*start].item)
			(*start)++;
		return found == 3;
	}
	}
}

static const struct shape_member *find_member(const struct shape *shape,
					      const struct naming *naming,
					      struct assist_text key)
{
	if (naming == &naming_terraform)
		return terraform_find_member(shape, key.text, key.len);
	return shape_find_member(shape, key.text, key.len);
}

const struct shape *assist_walk(const struct shape *shape, const struct naming *naming,
				const struct assist_segment *path, size_t depth,
				const struct shape_member **member)
{
	*member = NULL;
	for (size_t i = 0; shape && i < depth; i++) {
		*member = NULL;
		/* A list written as repeated blocks, or an item's key written
		 * straight after the list's: the item is implied. */
		if (shape->type == SHAPE_LIST && !path[i].item)
			shape = shape->member;
		if (!shape)
			return NULL;
		if (path[i].item) {
			shape = shape->type == SHAPE_LIST ? shape->member : NULL;
		} else if (shape->type == SHAPE_MAP) {
			shape = shape->value;
		} else if (shape->type == SHAPE_STRUCTURE) {
			*member = find_member(shape, naming, path[i].key);
			shape = *member ? (*member)->shape : NULL;
		} else {
			return NULL;
		}
	}
	return shape;
}

/* A template's path with its conditions' branches left out: the second
 * and third items of Fn::If (or of a key tagged !If) are values of the
 * shape the condition stands in; its first item, the condition's name, is
 * none. The number of steps kept, or SIZE_MAX when the path is in a
 * condition but in neither branch. */
static size_t without_conditions(const struct assist_segment *path, size_t depth,
				 struct assist_segment *kept)
{
	size_t count = 0;

	for (size_t i = 0; i < depth; i++) {
		bool function = !path[i].item && assist_text_is(path[i].key, "Fn::If");
		if (function && i + 1 == depth)
			return SIZE_MAX;
		if (function || (i > 0 && path[i].item && path[i - 1].if_tag)) {
			size_t item = function ? i + 1 : i;
			if (!path[item].item || path[item].index == 0 || path[item].index > 2)
				return SIZE_MAX;
			i = item;
			continue;
		}
		kept[count++] = path[i];
	}
	return count;
}

bool assist_target_find(const struct assist_point *point, struct assist_place *place,
			struct assist_target *target)
{
	struct assist_segment kept[ASSIST_MAX_DEPTH];
	bool terraform_forced = point->forced && point->forced->kind == KIND_TERRAFORM;
	const struct shape *root;
	size_t start;

	if (!assist_locate(point->src, point->offset,
			   assist_syntax_of(point->src, terraform_forced), place))
		return false;
	target->type = choose_type(point, place);
	target->naming = kind_get(target->type.kind)->naming;
	if (!experiment_start(place, target->type, &start, &root))
		return false;
	if (target->type.kind == KIND_CLOUDFORMATION) {
		size_t depth = without_conditions(place->path + start, place->depth - start, kept);
		if (depth == SIZE_MAX)
			return false;
		memcpy(place->path + start, kept, depth * sizeof *kept);
		place->depth = start + depth;
	}
	target->found_op = target->type.op;
	target->parent = NULL;
	target->parent_member = NULL;
	target->shape = assist_walk(root, target->naming, place->path + start,
				    place->depth - start, &target->member);
	/* A list written as repeated blocks (HCL's model_variants { ... }):
	 * a key in one is an item's. */
	if (target->shape && place->slot == ASSIST_KEY && target->shape->type == SHAPE_LIST &&
	    target->shape->member && target->shape->member->type == SHAPE_STRUCTURE)
		target->shape = target->shape->member;
	/* A request that the text alone told may be another one: its first
	 * key says which. */
	for (int op = 0; !target->shape && target->type.kind == KIND_REQUEST &&
			 op < OPERATION_COUNT; op++) {
		root = model_get()->requests[op];
		target->found_op = (enum operation)op;
		target->shape = assist_walk(root, target->naming, place->path, place->depth,
					    &target->member);
	}
	if (target->shape && place->depth > start)
		target->parent = assist_walk(root, target->naming, place->path + start,
					     place->depth - start - 1, &target->parent_member);
	return target->shape != NULL;
}
