/* Hover and completion: the place of the point (assist_locate.h), what it
 * stands for in the experiment (assist_target.h), then its description
 * (assist_describe.h) or its completions (assist_complete.h). */
#include "assist.h"

#include <stdlib.h>

#include "assist_complete.h"
#include "assist_describe.h"
#include "assist_target.h"
#include "base/memory.h"

char *assist_hover(const struct assist_point *point)
{
	struct assist_place place;
	struct assist_target target;
	const struct shape_member *member;
	const struct shape *shape;
	struct assist_text name;
	char *title, *text;

	if (!assist_target_find(point, &place, &target))
		return NULL;
	shape = target.shape;
	member = target.member;
	if (place.slot == ASSIST_KEY) {
		/* The key at the point names the member described. */
		struct assist_segment key = { place.token, false };
		if (place.token.len == 0 ||
		    !(shape = assist_walk(target.shape, target.naming, &key, 1, &member)))
			return NULL;
		name = place.token;
	} else {
		name = place.depth > 0 ? place.path[place.depth - 1].key
				       : (struct assist_text){ NULL, 0 };
	}
	if (member)
		title = mem_strdup(naming_member(target.naming, member->name));
	else if (name.text)
		title = mem_strndup(name.text, name.len);
	else
		title = mem_strdup("item");
	if (!title)
		return NULL;
	text = assist_describe(title, member, shape, target.naming);
	free(title);
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
