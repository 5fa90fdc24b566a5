/* Values quoted for messages: escaped, and shortened when long, so that a
 * megabyte-long key makes a one-line message. */
#ifndef IELINT_QUOTE_H
#define IELINT_QUOTE_H

#include <stdbool.h>
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
 * among them) and the characters that reorder text escaped, so that no
 * name can start a line of its own or hide what follows it. */
void quote_print_name(FILE *out, const char *name);

struct strbuf;
/* The same, added to b. */
void quote_add_name(struct strbuf *b, const char *name);

/* How a line of the document is shown: the character at text[0..len)
 * (*step bytes) written into out as quote_print_name would, a tab left
 * as it is; returns the length written, which is also its width in
 * columns for ASCII. */
size_t quote_shown_char(char out[8], const char *text, size_t len, size_t *step);

/* Whether a line that starts with text would be a workflow command to
 * GitHub Actions' runner, which reads every line of a job's output that
 * starts with "::" after white space as one, whatever printed it. */
bool quote_starts_command(const char *text, size_t len);

#endif
