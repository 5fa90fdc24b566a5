#include "tabs.h"

#include <stdlib.h>

#include "base/memory.h"

bool tab_room_add(struct tab_room *room, size_t start, size_t end)
{
	if (room->count * 2 == room->capacity) {
		size_t capacity = room->capacity ? room->capacity * 2 : 32;
		size_t *bounds = mem_realloc(room->bounds, capacity * sizeof *bounds);
		if (!bounds)
			return false;
		room->bounds = bounds;
		room->capacity = capacity;
	}
	room->bounds[2 * room->count] = start;
	room->bounds[2 * room->count + 1] = end;
	room->count++;
	return true;
}

void tab_room_free(struct tab_room *room)
{
	free(room->bounds);
	*room = (struct tab_room){ 0 };
}

static bool is_line_break(char c)
{
	return c == '\n' || c == '\r';
}

size_t tabs_find_refused(const char *text, size_t len, const struct tab_room *room,
			 size_t from)
{
	size_t low = 0, high = room->count;

	/* The first stretch that does not end before `from`. */
	while (low < high) {
		size_t middle = low + (high - low) / 2;
		if (room->bounds[2 * middle + 1] <= from)
			low = middle + 1;
		else
			high = middle;
	}
	size_t next = low; /* the first stretch that does not end before i */

	for (size_t i = from; i < len; i++) {
		while (next < room->count && room->bounds[2 * next + 1] <= i)
			next++;
		if (next < room->count && room->bounds[2 * next] <= i) {
			i = room->bounds[2 * next + 1] - 1; /* a scalar: past it */
			continue;
		}
		/* A comment starts at a # at a line's start or after white space,
		 * and runs to the line's end. */
		if (text[i] == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' ||
				       is_line_break(text[i - 1]))) {
			while (i + 1 < len && !is_line_break(text[i + 1]))
				i++;
			continue;
		}
		if (text[i] == '\t')
			return i;
	}
	return len;
}
