#include "quote.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

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
