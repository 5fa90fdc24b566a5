/* Which reader finds the place of a point, and what the readers share. */
#include "assist_locate.h"

#include <string.h>

#include "load/load.h"

enum assist_syntax assist_syntax_of(const struct source *src, bool terraform)
{
	enum input_format format = terraform
		? input_format_detect_terraform(src->name, src->data, src->len)
		: input_format_detect(src->name, src->data, src->len);
	size_t i = src->len >= 3 && memcmp(src->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	if (format == INPUT_HCL)
		return ASSIST_HCL;
	while (i < src->len && strchr(" \t\r\n", src->data[i]))
		i++;
	/* YAML written as JSON (a .yaml file that opens with a brace) is read
	 * by its braces, as JSON is. */
	return format == INPUT_JSON || (i < src->len && src->data[i] == '{') ? ASSIST_JSON
									   : ASSIST_YAML;
}

/* The text a point's place is read in: ASSIST_READ_LIMIT on either side
 * of it; JSON and HCL are read from their start, so a point beyond the
 * limit is on nothing. */
static bool window(const struct source *src, size_t offset, enum assist_syntax syntax,
		   struct source *view, size_t *from)
{
	size_t end = src->len - offset > ASSIST_READ_LIMIT ? offset + ASSIST_READ_LIMIT : src->len;

	*from = 0;
	if (syntax == ASSIST_YAML && offset > ASSIST_READ_LIMIT)
		*from = offset - ASSIST_READ_LIMIT;
	else if (offset > ASSIST_READ_LIMIT)
		return false;
	source_from_memory(view, src->name, src->data + *from, end - *from);
	return true;
}

bool assist_locate(const struct source *src, size_t offset, enum assist_syntax syntax,
		   struct assist_place *place)
{
	struct source view;
	size_t from;
	bool found;

	memset(place, 0, sizeof *place);
	place->syntax = syntax;
	if (offset > src->len)
		offset = src->len;
	if (!window(src, offset, syntax, &view, &from))
		return false;
	place->clipped = from > 0;
	found = syntax == ASSIST_YAML ? assist_locate_yaml(&view, offset - from, place)
				      : assist_locate_flow(&view, offset - from, place);
	place->token_start += from;
	place->token_end += from;
	return found;
}

bool assist_text_is(struct assist_text text, const char *word)
{
	return text.text && text.len == strlen(word) && memcmp(text.text, word, text.len) == 0;
}

void assist_add_present(struct assist_place *place, struct assist_text key)
{
	if (place->present_count < ASSIST_MAX_PRESENT)
		place->present[place->present_count++] = key;
}
