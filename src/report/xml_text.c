#include "xml_text.h"

#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* The entity or reference for one ASCII character, or NULL to copy it. */
static const char *escape_of(char c, bool attribute)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&apos;";
	case '\t':
		return attribute ? "&#9;" : NULL;
	case '\n':
		return attribute ? "&#10;" : NULL;
	case '\r':
		/* Parsers read a bare CR in text as a line feed too. */
		return "&#13;";
	default:
		return (unsigned char)c < 0x20 ? REPLACEMENT : NULL;
	}
}

void xml_put_text(struct strbuf *b, const char *text, bool attribute)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t left = strlen(text);

	while (left) {
		size_t n;

		if (*p < 0x80) {
			const char *escape = escape_of((char)*p, attribute);
			if (escape)
				strbuf_puts(b, escape);
			else
				strbuf_putc(b, (char)*p);
			n = 1;
		} else if (!(n = utf8_sequence_length(p, left))) {
			strbuf_puts(b, REPLACEMENT);
			n = 1;
		} else if (n == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] >= 0xBE) {
			strbuf_puts(b, REPLACEMENT); /* U+FFFE and U+FFFF */
		} else {
			strbuf_add(b, (const char *)p, n);
		}
		p += n;
		left -= n;
	}
}
