#include "member_place.h"

#include <string.h>

#include "base/strbuf.h"

/* Structures nest no deeper than this in any request. */
enum { MEMBER_SEARCH_DEPTH = 6 };

static bool is_named(const char *text, const char *name, size_t len)
{
	return strlen(text) == len && memcmp(text, name, len) == 0;
}

/* Counts the members of this name in the structures below shape (not
 * through lists or maps, whose items have no one place), and writes the
 * first one's path to *path (when path is not NULL). */
static size_t count_member_below(const struct shape *shape, const struct naming *naming,
				 const char *name, size_t len, struct strbuf *path, int depth)
{
	size_t found = 0;

	if (depth == 0 || shape->type != SHAPE_STRUCTURE)
		return 0;
	for (size_t i = 0; i < shape->member_count; i++) {
		const struct shape_member *member = &shape->members[i];
		const char *spelled = naming_member(naming, member->name);
		struct strbuf *keep = found == 0 ? path : NULL;
		size_t mark = keep ? keep->len : 0;
		if (keep) {
			if (mark)
				strbuf_putc(keep, '.');
			strbuf_puts(keep, spelled);
		}
		bool here = is_named(member->name, name, len) || is_named(spelled, name, len);
		size_t below = here ? 0 : count_member_below(member->shape, naming, name, len,
							     keep, depth - 1);
		if (keep && !here && below == 0)
			strbuf_truncate(keep, mark);
		found += here + below;
	}
	return found;
}

char *member_place(const struct shape *shape, const struct shape *top,
		   const struct naming *naming, const char *name, size_t len, bool *at_root)
{
	struct strbuf path = STRBUF_INIT;

	*at_root = false;
	if (count_member_below(shape, naming, name, len, &path, MEMBER_SEARCH_DEPTH) == 1)
		return strbuf_take(&path);
	strbuf_free(&path);
	path = STRBUF_INIT;
	if (top && top != shape &&
	    count_member_below(top, naming, name, len, &path, MEMBER_SEARCH_DEPTH) == 1) {
		*at_root = true;
		return strbuf_take(&path);
	}
	strbuf_free(&path);
	return NULL;
}
