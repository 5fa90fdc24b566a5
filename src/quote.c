#include "quote.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

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
 * breaks and controls that would be invisible or break the line. */
static bool is_invisible_break(const char *text, size_t step)
{
	unsigned code = utf8_decode(text, step);

	return (code >= 0x80 && code <= 0x9F) || code == 0x2028 || code == 0x2029;
}

static struct quoted escape(const char *text, size_t len, bool quotes)
{
	struct quoted out;
	size_t at = 0, chars = 0, i = 0;

	if (quotes)
		out.text[at++] = '"';
	while (i < len && chars < QUOTE_MAX_CHARS) {
		unsigned char c = (unsigned char)text[i];
		size_t step = utf8_sequence_length((const unsigned char *)text + i, len - i);

		if (step == 0)
			step = 1; /* not UTF-8: shown byte by byte below */
		if (c == '"' || c == '\\') {
			out.text[at++] = '\\';
			out.text[at++] = (char)c;
		} else if (c == '\n') {
			memcpy(out.text + at, "\\n", 2);
			at += 2;
		} else if (c == '\t') {
			memcpy(out.text + at, "\\t", 2);
			at += 2;
		} else if (c < 0x20 || c == 0x7F || (c >= 0x80 && step == 1)) {
			at += (size_t)snprintf(out.text + at, 7, "\\x%02X", c);
		} else if (is_invisible_break(text + i, step)) {
			at += (size_t)snprintf(out.text + at, 7, "\\u%04X",
					       utf8_decode(text + i, step));
		} else {
			memcpy(out.text + at, text + i, step);
			at += step;
		}
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

struct quoted quote(const char *text, size_t len)
{
	return escape(text, len, true);
}

struct quoted shorten(const char *text, size_t len)
{
	return escape(text, len, false);
}
