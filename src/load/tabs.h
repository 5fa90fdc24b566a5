/* Tabs the AWS CLI's YAML reader refuses. YAML 1.2 lets a tab separate
 * tokens, but the CLI's reader (ruamel, pure Python, as PyYAML) skips only
 * spaces between tokens: it takes a tab inside a quoted string, in a block
 * scalar's text and in a comment, and refuses the file for a tab anywhere
 * else ("found character '\t' that cannot start any token"; measured on
 * 26 placements: after a colon or a dash, before a comment, at a line's
 * end, between words of a plain scalar, in flow collections). */
#ifndef IELINT_TABS_H
#define IELINT_TABS_H

#include <stdbool.h>
#include <stddef.h>

/* The stretches of text where a tab is taken: quoted and block scalars,
 * added in the order they appear. */
struct tab_room {
	size_t *bounds; /* start, end, start, end, ... byte offsets */
	size_t count;   /* of stretches */
	size_t capacity;
};

/* Adds the stretch [start, end); false when memory runs out. */
bool tab_room_add(struct tab_room *room, size_t start, size_t end);
void tab_room_free(struct tab_room *room);

/* The offset of the first tab at or after `from` that lies outside every
 * stretch and every comment, one a line at most (the first of its line);
 * len when there is none. `from` is at the start of a line. */
size_t tabs_find_refused(const char *text, size_t len, const struct tab_room *room,
			 size_t from);

#endif
