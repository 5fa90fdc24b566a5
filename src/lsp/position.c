/* UTF-16 columns from UTF-8 text: a code point is counted at its lead
 * byte (as load/source.c counts columns, so a malformed byte is one),
 * and one of four bytes is two UTF-16 units, a surrogate pair. */
#include "position.h"

#include <stdlib.h>

#include "json.h"
#include "base/line_starts.h"
#include "base/memory.h"

/* Whether text[i] ends a line: LF, or CR not followed by LF. */
static bool is_break(const char *text, size_t len, size_t i)
{
	return text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'));
}

static bool add_start(struct line_index *index, size_t start)
{
	if (index->count == index->cap) {
		size_t *grown = mem_realloc(index->starts, 2 * index->cap * sizeof *grown);
		if (!grown)
			return false;
		index->starts = grown;
		index->cap *= 2;
	}
	index->starts[index->count++] = start;
	return true;
}

bool line_index_build(struct line_index *index, const char *text, size_t len)
{
	index->text = text;
	index->len = len;
	index->count = 0;
	index->cap = 64;
	if (!(index->starts = mem_malloc(index->cap * sizeof *index->starts)))
		return false;
	index->starts[index->count++] = 0;
	for (size_t i = 0; i < len; i++) {
		if (is_break(text, len, i) && !add_start(index, i + 1)) {
			line_index_free(index);
			return false;
		}
	}
	return true;
}

/* A line break at b depends on text[b] and text[b + 1] only: those before
 * from - 1 keep their place, those at or after the old `to` move by the
 * change's growth, and the rest are read again. */
bool line_index_splice(struct line_index *index, const char *text, size_t len, size_t from,
		       size_t to, size_t inserted)
{
	size_t kept = 1, moved, tail, rescan = from ? from - 1 : 0;
	size_t *tail_copy;

	/* Starts after a break before from - 1: at most from - 1. */
	while (kept < index->count && index->starts[kept] <= rescan)
		kept++;
	/* Starts after a break at or after the old `to`: past to. */
	moved = kept;
	while (moved < index->count && index->starts[moved] <= to)
		moved++;
	tail = index->count - moved;
	if (!(tail_copy = mem_malloc((tail ? tail : 1) * sizeof *tail_copy))) {
		line_index_free(index);
		return false;
	}
	for (size_t i = 0; i < tail; i++)
		tail_copy[i] = index->starts[moved + i] - to + from + inserted;
	index->count = kept;
	index->text = text;
	index->len = len;
	for (size_t b = rescan; b < from + inserted && b < len; b++) {
		if (is_break(text, len, b) && !add_start(index, b + 1))
			goto fail;
	}
	for (size_t i = 0; i < tail; i++)
		if (!add_start(index, tail_copy[i]))
			goto fail;
	free(tail_copy);
	return true;
fail:
	free(tail_copy);
	line_index_free(index);
	return false;
}

void line_index_free(struct line_index *index)
{
	free(index->starts);
	index->starts = NULL;
	index->count = 0;
}

/* The end of line `line`'s text, before its break. */
static size_t line_end(const struct line_index *index, size_t line)
{
	size_t end = line + 1 < index->count ? index->starts[line + 1] : index->len;

	if (line + 1 < index->count) {
		end--; /* LF or lone CR */
		if (index->text[end] == '\n' && end > index->starts[line] &&
		    index->text[end - 1] == '\r')
			end--;
	}
	return end;
}

static int units_of(unsigned char lead)
{
	return (lead & 0xC0) == 0x80 ? 0 : lead >= 0xF0 ? 2 : 1;
}

size_t position_to_offset(const struct line_index *index, long line, long character)
{
	size_t at, end;
	long units = 0;

	if (line < 0)
		return 0;
	if ((size_t)line >= index->count)
		return index->len;
	at = index->starts[line];
	end = line_end(index, (size_t)line);
	while (at < end) {
		int next = units_of((unsigned char)index->text[at]);
		if (next && units >= character)
			break;
		units += next;
		at++;
	}
	return at;
}


void position_of_offset(const struct line_index *index, size_t offset, long *line,
			long *character)
{
	size_t row, end;
	long units = 0;

	if (offset > index->len)
		offset = index->len;
	row = line_starts_find(index->starts, index->count, offset);
	end = line_end(index, row);
	for (size_t at = index->starts[row]; at < offset && at < end; at++)
		units += units_of((unsigned char)index->text[at]);
	*line = (long)row;
	*character = units;
}

size_t position_of_point(const struct line_index *index, int line, int column)
{
	size_t at, end;

	if (line < 1)
		return 0;
	if ((size_t)line > index->count)
		return index->len;
	at = index->starts[line - 1];
	end = line_end(index, (size_t)line - 1);
	for (int col = 1; at < end;) {
		if ((((unsigned char)index->text[at]) & 0xC0) != 0x80 && col++ == column)
			break;
		at++;
	}
	return at;
}

static cJSON *point_json(long line, long character)
{
	cJSON *json = cJSON_CreateObject();

	if (json && (!cJSON_AddNumberToObject(json, "line", (double)(line < 0 ? 0 : line)) ||
		     !cJSON_AddNumberToObject(json, "character",
					      (double)(character < 0 ? 0 : character)))) {
		cJSON_Delete(json);
		return NULL;
	}
	return json;
}

cJSON *position_json(const struct line_index *index, size_t offset)
{
	long line, character;

	position_of_offset(index, offset, &line, &character);
	return point_json(line, character);
}

/* {"start", "end"}, both taken. */
static cJSON *range_of(cJSON *start, cJSON *end)
{
	cJSON *range = cJSON_CreateObject();

	if (!json_put(range, "start", start)) {
		cJSON_Delete(end);
		cJSON_Delete(range);
		return NULL;
	}
	if (!json_put(range, "end", end)) {
		cJSON_Delete(range);
		return NULL;
	}
	return range;
}

cJSON *position_range(const struct line_index *index, size_t from, size_t to)
{
	return range_of(position_json(index, from), position_json(index, to < from ? from : to));
}

cJSON *position_range_raw(long line, long character, long end_line, long end_character)
{
	return range_of(point_json(line, character), point_json(end_line, end_character));
}

cJSON *position_range_of_span(const struct line_index *index, const struct span *span)
{
	size_t from = position_of_point(index, span->line, span->column);
	size_t to = position_of_point(index, span->end_line, span->end_column);

	return position_range(index, from, to);
}

bool position_read(const cJSON *json, long *line, long *character)
{
	const cJSON *l = cJSON_GetObjectItemCaseSensitive(json, "line");
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(json, "character");

	if (!cJSON_IsNumber(l) || !cJSON_IsNumber(c) || l->valuedouble < 0 ||
	    c->valuedouble < 0 || l->valuedouble > 1e12 || c->valuedouble > 1e12)
		return false;
	*line = (long)l->valuedouble;
	*character = (long)c->valuedouble;
	return true;
}
