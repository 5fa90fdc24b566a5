/* The text libfyaml is given, where it would read the source otherwise
 * than the AWS CLI's reader: CR LF in JSON, the Unicode line breaks of
 * YAML 1.1, and the escapes of lone surrogates, which libfyaml refuses
 * and the CLI takes (surrogates.h). Each is patched in a copy byte for
 * byte, so that every offset and column stays the source's. */
#include "loader.h"

#include <stdlib.h>
#include <string.h>

#include "base/memory.h"

/* Where U+0085, U+2028 or U+2029 starts in text, or len. YAML 1.1, and
 * so the AWS CLI's loader, takes each for a line break (a comment ends
 * there, a plain value too); libfyaml, reading YAML 1.2, does not. */
static size_t find_unicode_break(const char *text, size_t from, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;

	for (size_t i = from; i + 1 < len; i++) {
		if (s[i] == 0xC2 && s[i + 1] == 0x85)
			return i;
		if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
			return i;
	}
	return len;
}

/* Each such break becomes a CR LF of the same length (after a space, for
 * the three bytes of U+2028 and U+2029), so that libfyaml breaks the line
 * where the CLI does, and every offset stays that of the source. */
static void patch_unicode_breaks(char *text, size_t from, size_t len)
{
	for (size_t i = find_unicode_break(text, from, len); i < len;
	     i = find_unicode_break(text, i, len)) {
		if ((unsigned char)text[i] == 0xE2)
			text[i++] = ' ';
		text[i++] = '\r';
		text[i++] = '\n';
	}
}

/* The text the parser reads. libfyaml's JSON mode counts a CR LF as two
 * line breaks; JSON takes a CR as whitespace like a space, so the parser
 * reads a copy with the CR of each CR LF made a space. And each lone
 * surrogate escape becomes one of U+FFFD. Either way the offsets and
 * columns stay the source's. Returns the source's own text, or a copy in
 * *copy. */
const char *loader_parser_text(struct loader *ld, size_t len, char **copy)
{
	const char *data = ld->src->data;
	const char *cr = ld->json ? memchr(data, '\r', len) : NULL;
	size_t unicode_break = ld->json ? len : find_unicode_break(data, 0, len);

	*copy = NULL;
	if (!cr && !ld->lone_count && unicode_break == len)
		return data;
	if (!(*copy = mem_malloc(len + 1))) {
		loader_out_of_memory(ld);
		return NULL;
	}
	memcpy(*copy, data, len);
	(*copy)[len] = '\0';
	for (size_t i = cr ? (size_t)(cr - data) : len; i + 1 < len; i++)
		if ((*copy)[i] == '\r' && (*copy)[i + 1] == '\n')
			(*copy)[i] = ' ';
	for (size_t i = 0; i < ld->lone_count; i++)
		surrogates_patch(*copy, &ld->lone[i]);
	patch_unicode_breaks(*copy, unicode_break, len);
	return *copy;
}

/* Keeps the lone escapes that fall in [start, end), from *next on; drops
 * those before it. */
static void keep_escapes_in(struct loader *ld, size_t start, size_t end, size_t *next,
			    size_t *kept)
{
	while (*next < ld->lone_count && ld->lone[*next].offset < start)
		(*next)++;
	while (*next < ld->lone_count && ld->lone[*next].offset < end)
		ld->lone[(*kept)++] = ld->lone[(*next)++];
}

/* In YAML a backslash escapes only in a double-quoted scalar; elsewhere (a
 * plain scalar, a comment) "\ud800" is six characters of text. A first
 * reading of a copy with every escape patched finds where the
 * double-quoted scalars are, and only the escapes in them are kept. */
static void keep_quoted_escapes(struct loader *ld, size_t len)
{
	char *copy = mem_malloc(len + 1);
	struct fy_diag *diag = copy ? loader_new_diag() : NULL;
	struct fy_parser *parser = NULL;
	struct fy_event *event;
	size_t next = 0, kept = 0;

	if (diag) {
		memcpy(copy, ld->src->data, len);
		copy[len] = '\0';
		for (size_t i = 0; i < ld->lone_count; i++)
			surrogates_patch(copy, &ld->lone[i]);
		parser = loader_open_parser(ld, diag, copy, len);
	}
	if (!parser)
		loader_out_of_memory(ld);
	while (parser && next < ld->lone_count && (event = fy_parser_parse(parser))) {
		struct fy_token *token = event->type == FYET_SCALAR ? event->scalar.value : NULL;
		const struct fy_mark *start = token ? fy_token_start_mark(token) : NULL;
		const struct fy_mark *end = token ? fy_token_end_mark(token) : NULL;
		if (token && fy_token_scalar_style(token) == FYSS_DOUBLE_QUOTED &&
		    mark_known(start) && mark_known(end))
			keep_escapes_in(ld, start->input_pos, end->input_pos, &next, &kept);
		fy_parser_event_free(parser, event);
	}
	ld->lone_count = kept;
	fy_parser_destroy(parser);
	fy_diag_destroy(diag);
	free(copy);
}

void loader_find_lone_surrogates(struct loader *ld, size_t len)
{
	if (!surrogates_find(ld->src->data, len, ld->json, &ld->lone, &ld->lone_count)) {
		ld->lone_count = 0;
		return loader_out_of_memory(ld);
	}
	if (ld->lone_count && !ld->json)
		keep_quoted_escapes(ld, len);
}
