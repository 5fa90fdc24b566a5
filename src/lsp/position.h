/* Positions as the protocol counts them (0-based lines, columns in UTF-16
 * code units) against bytes and against ielint's spans (1-based lines,
 * columns in code points). Lines end at LF, CRLF or CR, as the protocol
 * and load/source.h both say. */
#ifndef IELINT_LSP_POSITION_H
#define IELINT_LSP_POSITION_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "load/node.h"

/* Where each line of a text starts. */
struct line_index {
	const char *text;
	size_t len;
	size_t *starts;
	size_t count, cap;
};

/* False when memory runs out. */
bool line_index_build(struct line_index *index, const char *text, size_t len);

/* Brings the index up to date after [from, to) of its text was replaced
 * by `inserted` bytes, text now being the whole new text: the work is the
 * inserted bytes' and the moving of the starts after them, not a reading
 * of the whole text. False (the index freed) when memory runs out. */
bool line_index_splice(struct line_index *index, const char *text, size_t len, size_t from,
		       size_t to, size_t inserted);
void line_index_free(struct line_index *index);

/* The byte of a protocol position; a line past the end is the end, a
 * character past the line's end is the line's end (before its break). */
size_t position_to_offset(const struct line_index *index, long line, long character);

/* The protocol position of a byte offset. */
void position_of_offset(const struct line_index *index, size_t offset, long *line,
			long *character);

/* The byte of a span's point (1-based line, code point column). */
size_t position_of_point(const struct line_index *index, int line, int column);

/* {"line": L, "character": C} of a byte offset. */
cJSON *position_json(const struct line_index *index, size_t offset);

/* {"start": ..., "end": ...} of a span; an end before the start is the
 * start. */
cJSON *position_range_of_span(const struct line_index *index, const struct span *span);

/* The range [from, to) of bytes. */
cJSON *position_range(const struct line_index *index, size_t from, size_t to);

/* A range of protocol positions as given. */
cJSON *position_range_raw(long line, long character, long end_line, long end_character);

/* Reads {"line", "character"}; false when it is not one. */
bool position_read(const cJSON *json, long *line, long *character);

#endif
