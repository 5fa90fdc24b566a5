#include "quote.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

/* The code point of a two- or three-byte sequence, the only lengths that
 * is_invisible_break needs to look at. */
static unsigned utf8_decode(const char *text, size_t step)
{
	const unsigned char *b = (const unsigned char *)text;

	if (step == 2)
		return ((b[0] & 0x1Fu) << 6) | (b[1] & 0x3Fu);
	if (step == 3)
		return ((b[0] & 0x0Fu) << 12) | ((b[1] & 0x3Fu) << 6) | (b[2] & 0x3Fu);
	return 0;
}

/* U+0080..U+009F (C1 controls, NEL among them), U+2028 and U+2029: line
 * breaks and controls that would be invisible or break the line; and the
 * marks, embeddings, overrides and isolates that make a terminal or a web
 * page show the text after them in another order (U+202E turns
 * "txt.yaml" around). */
static bool is_invisible_break(const char *text, size_t step)
{
	unsigned code = utf8_decode(text, step);

	return (code >= 0x80 && code <= 0x9F) || code == 0x2028 || code == 0x2029 ||
	       code == 0x061C || code == 0x200E || code == 0x200F ||
	       (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

/* Writes the escaped form of the character text[0..step) into out (room
 * for 7 bytes) and returns its length; quotes and backslashes are escaped
 * only inside quotes. */
static size_t escape_one(char *out, const char *text, size_t step, bool quotes)
{
	unsigned char c = (unsigned char)text[0];

	if (quotes && (c == '"' || c == '\\')) {
		out[0] = '\\';
		out[1] = (char)c;
		return 2;
	}
	if (c == '\n' || c == '\t') {
		out[0] = '\\';
		out[1] = c == '\n' ? 'n' : 't';
		return 2;
	}
	if (c < 0x20 || c == 0x7F || (c >= 0x80 && step == 1))
		return (size_t)snprintf(out, 7, "\\x%02X", c);
	if (is_invisible_break(text, step))
		return (size_t)snprintf(out, 7, "\\u%04X", utf8_decode(text, step));
	memcpy(out, text, step);
	return step;
}

/* The length of the character at text[0..len): a byte, when not UTF-8. */
static size_t char_length(const char *text, size_t len)
{
	size_t step = utf8_sequence_length((const unsigned char *)text, len);

	return step ? step : 1;
}

static struct quoted escape(const char *text, size_t len, bool quotes)
{
	struct quoted out;
	size_t at = 0, chars = 0, i = 0;

	if (quotes)
		out.text[at++] = '"';
	while (i < len && chars < QUOTE_MAX_CHARS) {
		size_t step = char_length(text + i, len - i);
		at += escape_one(out.text + at, text + i, step, true);
		i += step;
		chars++;
	}
	if (quotes)
		out.text[at++] = '"';
	if (i < len) {
		memcpy(out.text + at, "...", 3);
		at += 3;
	}
	out.text[at] = '\0';
	return out;
}

void quote_print_name(FILE *out, const char *name)
{
	size_t len = strlen(name);
	char buffer[8];

	for (size_t i = 0; i < len;) {
		size_t step = char_length(name + i, len - i);
		fwrite(buffer, 1, escape_one(buffer, name + i, step, false), out);
		i += step;
	}
}

void quote_add_name(struct strbuf *b, const char *name)
{
	size_t len = strlen(name);
	char buffer[8];

	for (size_t i = 0; i < len;) {
		size_t step = char_length(name + i, len - i);
		strbuf_add(b, buffer, escape_one(buffer, name + i, step, false));
		i += step;
	}
}

size_t quote_shown_char(char out[8], const char *text, size_t len, size_t *step)
{
	*step = char_length(text, len);
	if (text[0] == '\t') {
		out[0] = '\t';
		return 1;
	}
	return escape_one(out, text, *step, false);
}

/* The length of the white space (as .NET's char.IsWhiteSpace has it) at
 * text[0..len), or 0. */
static size_t white_space_length(const char *text, size_t len)
{
	unsigned char c = (unsigned char)text[0];
	size_t step = char_length(text, len);
	unsigned code = step == 1 ? c : utf8_decode(text, step);

	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (code == 0x85 || code == 0xA0 || code == 0x1680 || (code >= 0x2000 && code <= 0x200A) ||
	    code == 0x2028 || code == 0x2029 || code == 0x202F || code == 0x205F || code == 0x3000)
		return step;
	return 0;
}

bool quote_starts_command(const char *text, size_t len)
{
	size_t i = 0, n;

	while (i < len && (n = white_space_length(text + i, len - i)) > 0)
		i += n;
	return len - i >= 2 && text[i] == ':' && text[i + 1] == ':';
}

struct quoted quote(const char *text, size_t len)
{
	return escape(text, len, true);
}

struct quoted shorten(const char *text, size_t len)
{
	return escape(text, len, false);
}
