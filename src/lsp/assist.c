/* Hover and completion: the place of the point (assist_locate.h), what it
 * stands for in the experiment (assist_target.h), then its description
 * (assist_describe.h) or its completions (assist_complete.h). */
#include "assist.h"

#include <stdlib.h>

#include "assist_complete.h"
#include "assist_describe.h"
#include "assist_target.h"
#include "base/memory.h"
#include "base/strbuf.h"

/* ", a key of `ModelVariantActions`": where an entry of a map stands. */
static char *entry_role(const char *what, const struct shape_member *map,
			const struct assist_target *target)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_puts(&b, ", ");
	strbuf_puts(&b, what);
	if (map) {
		strbuf_puts(&b, " of `");
		strbuf_puts(&b, naming_member(target->naming, map->name));
		strbuf_puts(&b, "`");
	}
	return strbuf_take(&b);
}

/* What a member of another request than the document's is: the command
 * line, which checks the document as its own request, finds it unknown. */
static char *foreign_role(enum operation found, const struct assist_target *target)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_puts(&b, " in a ");
	strbuf_puts(&b, operation_name(found));
	strbuf_puts(&b, " request; this document is checked as a");
	strbuf_puts(&b, target->type.op == OPERATION_UPDATE ? "n " : " ");
	strbuf_puts(&b, operation_name(target->type.op));
	strbuf_puts(&b, " request, which has no such member");
	return strbuf_take(&b);
}

/* The member the key names in another request, below the same path. */
static const struct shape *other_request_member(const struct assist_place *place,
						struct assist_target *target,
						const struct assist_segment *key,
						const struct shape_member **member)
{
	for (int op = 0; target->type.kind == KIND_REQUEST && op < OPERATION_COUNT; op++) {
		const struct shape_member *ignored;
		const struct shape *shape = assist_walk(model_get()->requests[op], target->naming,
							place->path, place->depth, &ignored);
		if (op == (int)target->type.op || !shape)
			continue;
		if ((shape = assist_walk(shape, target->naming, key, 1, member))) {
			target->found_op = (enum operation)op;
			return shape;
		}
	}
	return NULL;
}

char *assist_hover(const struct assist_point *point)
{
	struct assist_place place;
	struct assist_target target;
	const struct shape_member *member;
	const struct shape *shape;
	struct assist_text name;
	char *title, *role = NULL, *text;
	bool in_item;

	if (!assist_target_find(point, &place, &target))
		return NULL;
	shape = target.shape;
	member = target.member;
	in_item = place.depth > 0 && place.path[place.depth - 1].item;
	/* A scalar where a key could be: an item of a list of values, a
	 * branch of a condition, a value on the line after its key. */
	if (place.slot == ASSIST_KEY && shape->type != SHAPE_STRUCTURE && shape->type != SHAPE_MAP)
		place.slot = ASSIST_VALUE;
	if (place.slot == ASSIST_KEY) {
		/* The key at the point names the member described, or an entry
		 * of a map, whose key's own constraints apply. */
		struct assist_segment key = { place.token, false, 0, false };
		if (place.token.len == 0)
			return NULL;
		if (shape->type == SHAPE_MAP && shape->key) {
			role = entry_role("a key", member, &target);
			shape = shape->key;
			member = NULL;
		} else if (!(shape = assist_walk(target.shape, target.naming, &key, 1, &member)) &&
			   !(shape = other_request_member(&place, &target, &key, &member))) {
			return NULL;
		}
		name = place.token;
	} else {
		name = place.depth > 0 ? place.path[place.depth - 1].key
				       : (struct assist_text){ NULL, 0 };
		if (!member && target.parent && target.parent->type == SHAPE_MAP)
			role = entry_role("the value of an entry", target.parent_member, &target);
		else if (in_item && target.parent_member)
			role = entry_role("an item", target.parent_member, &target);
	}
	if (!role && target.type.kind == KIND_REQUEST && target.found_op != target.type.op)
		role = foreign_role(target.found_op, &target);
	if (member)
		title = mem_strdup(naming_member(target.naming, member->name));
	else if (name.text)
		title = mem_strndup(name.text, name.len);
	else
		title = mem_strdup("item");
	text = title ? assist_describe(title, role, member, shape, &target) : NULL;
	free(title);
	free(role);
	return text;
}

cJSON *assist_complete(const struct assist_point *point, size_t *replace_start,
		       size_t *replace_end)
{
	struct assist_place place;
	struct assist_target target;

	*replace_start = *replace_end = point->offset;
	if (!assist_target_find(point, &place, &target))
		return cJSON_CreateArray();
	*replace_start = place.token_start;
	*replace_end = place.token_end;
	return assist_items(&place, &target);
}
