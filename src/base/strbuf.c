#include "strbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"

static bool reserve(struct strbuf *b, size_t more)
{
	size_t capacity = b->capacity ? b->capacity : 64;
	char *text;

	if (b->failed)
		return false;
	if (more > SIZE_MAX / 2 - b->len) {
		b->failed = true;
		return false;
	}
	if (b->len + more + 1 <= b->capacity)
		return true;
	while (capacity < b->len + more + 1)
		capacity *= 2;
	if (!(text = mem_realloc(b->text, capacity))) {
		b->failed = true;
		return false;
	}
	b->text = text;
	b->capacity = capacity;
	return true;
}

void strbuf_add(struct strbuf *b, const char *text, size_t len)
{
	if (!reserve(b, len))
		return;
	if (len)
		memcpy(b->text + b->len, text, len);
	b->len += len;
	b->text[b->len] = '\0';
}

void strbuf_puts(struct strbuf *b, const char *text)
{
	strbuf_add(b, text, strlen(text));
}

void strbuf_putc(struct strbuf *b, char c)
{
	strbuf_add(b, &c, 1);
}

void strbuf_truncate(struct strbuf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->text[len] = '\0';
	}
}

const char *strbuf_text(const struct strbuf *b)
{
	return b->text ? b->text : "";
}

char *strbuf_take(struct strbuf *b)
{
	char *text = b->failed ? NULL : b->text ? b->text : mem_strdup("");

	if (b->failed)
		free(b->text);
	*b = STRBUF_INIT;
	return text;
}

void strbuf_free(struct strbuf *b)
{
	free(b->text);
	*b = STRBUF_INIT;
}
