/* A string that grows as text is added. A failed allocation marks it
 * failed and later additions do nothing, so callers check once, at the
 * end. */
#ifndef IELINT_STRBUF_H
#define IELINT_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char *text; /* NUL-terminated once anything was added */
	size_t len;
	size_t capacity;
	bool failed;
};

#define STRBUF_INIT ((struct strbuf){ NULL, 0, 0, false })

void strbuf_add(struct strbuf *b, const char *text, size_t len);
void strbuf_puts(struct strbuf *b, const char *text);
void strbuf_putc(struct strbuf *b, char c);

/* Cuts the text back to an earlier length. */
void strbuf_truncate(struct strbuf *b, size_t len);

/* The text so far: "" while empty. */
const char *strbuf_text(const struct strbuf *b);

/* Hands the text to the caller, who frees it; NULL when memory ran out.
 * The buffer is empty again. */
char *strbuf_take(struct strbuf *b);

void strbuf_free(struct strbuf *b);

#endif
