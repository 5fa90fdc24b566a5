#include "text_find.h"

#include <string.h>

const char *text_find(const char *text, size_t len, const char *needle)
{
	size_t needle_len = strlen(needle);

	if (needle_len == 0)
		return text;
	for (const char *at = text; needle_len <= len - (size_t)(at - text);) {
		const char *first = memchr(at, needle[0], len - (size_t)(at - text));
		if (!first || needle_len > len - (size_t)(first - text))
			return NULL;
		if (memcmp(first, needle, needle_len) == 0)
			return first;
		at = first + 1;
	}
	return NULL;
}
