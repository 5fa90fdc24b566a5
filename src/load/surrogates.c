#include "surrogates.h"

#include <stdlib.h>
#include <string.h>

#include "base/hex.h"
#include "base/memory.h"

/* The code of the escape \uXXXX (digits 4) or \UXXXXXXXX (digits 8) at
 * text[at], or -1 when it is no such escape. */
static long escape_code(const char *text, size_t len, size_t at, size_t digits)
{
	long code = 0;

	if (len - at < 2 + digits)
		return -1;
	for (size_t i = 0; i < digits; i++) {
		int digit = hex_digit_value(text[at + 2 + i]);
		if (digit < 0)
			return -1;
		code = code * 16 + digit;
	}
	return code;
}

static bool is_high(long code)
{
	return code >= 0xD800 && code <= 0xDBFF;
}

static bool is_low(long code)
{
	return code >= 0xDC00 && code <= 0xDFFF;
}

static bool add(struct lone_surrogate **found, size_t *count, size_t *capacity,
		size_t offset, size_t length)
{
	if (*count == *capacity) {
		size_t grown = *capacity ? *capacity * 2 : 8;
		struct lone_surrogate *items = mem_realloc(*found, grown * sizeof *items);
		if (!items)
			return false;
		*found = items;
		*capacity = grown;
	}
	(*found)[(*count)++] = (struct lone_surrogate){ offset, length };
	return true;
}

bool surrogates_find(const char *text, size_t len, bool json,
		     struct lone_surrogate **found, size_t *count)
{
	size_t capacity = 0;
	const char *at = text, *end = text + len;

	*found = NULL;
	*count = 0;
	while ((at = memchr(at, '\\', (size_t)(end - at))) != NULL) {
		size_t i = (size_t)(at - text), length = 2;
		long code = -1;
		if (i + 1 < len && text[i + 1] == 'u' && (code = escape_code(text, len, i, 4)) >= 0)
			length = 6;
		else if (!json && i + 1 < len && text[i + 1] == 'U' &&
			 (code = escape_code(text, len, i, 8)) >= 0)
			length = 10;
		if (length == 6 && is_high(code) && i + 7 < len && text[i + 6] == '\\' &&
		    text[i + 7] == 'u' && is_low(escape_code(text, len, i + 6, 4)))
			length = 12; /* a pair: one character */
		else if ((is_high(code) || is_low(code)) && !add(found, count, &capacity, i, length))
			return false;
		at = text + (i + length < len ? i + length : len);
	}
	return true;
}

void surrogates_patch(char *text, const struct lone_surrogate *escape)
{
	if (escape->length == 10)
		memcpy(text + escape->offset + 2, "0000FFFD", 8);
	else
		memcpy(text + escape->offset + 2, "FFFD", 4);
}
