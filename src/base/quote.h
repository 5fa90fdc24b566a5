/* Values quoted for messages: escaped, and shortened when long, so that a
 * megabyte-long key makes a one-line message. */
#ifndef IELINT_QUOTE_H
#define IELINT_QUOTE_H

#include <stddef.h>
#include <stdio.h>

enum { QUOTE_MAX_CHARS = 40 };

struct quoted {
	/* Room for QUOTE_MAX_CHARS characters escaped at up to 6 bytes each,
	 * the quotes and the ellipsis; quote() never writes past it. */
	char text[QUOTE_MAX_CHARS * 6 + 16];
};

/* "text" with control characters, quotes and backslashes escaped, cut after
 * QUOTE_MAX_CHARS characters with "..." (the text must be valid UTF-8). */
struct quoted quote(const char *text, size_t len);

/* The same without the surrounding quotes, for numbers and such. */
struct quoted shorten(const char *text, size_t len);

/* Prints a file name whole, with its control characters (line breaks
 * among them) escaped, so that no name can start a line of its own. */
void quote_print_name(FILE *out, const char *name);

#endif
