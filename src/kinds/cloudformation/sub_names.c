#include "sub_names.h"

#include <stdint.h>
#include <string.h>

#include "base/hash.h"

void sub_names_start(struct sub_names *names, const struct node *string)
{
	memset(names->seen, 0, sizeof names->seen);
	names->at = string->scalar.text;
	names->stop = string->scalar.text + string->scalar.len;
}

static bool seen_before(struct sub_names *names, const char *name, size_t len)
{
	uint64_t hash = hash_bytes(HASH_START, name, len);
	size_t slot = (size_t)(hash % SUB_NAME_SLOTS);

	if (names->seen[slot].text && names->seen[slot].len == len &&
	    memcmp(names->seen[slot].text, name, len) == 0)
		return true;
	names->seen[slot].text = name;
	names->seen[slot].len = len;
	return false;
}

bool sub_names_next(struct sub_names *names, const char **name, size_t *len)
{
	const char *stop = names->stop;

	/* memchr, not strstr: the string's length is known, and strstr under
	 * AddressSanitizer measures the whole rest of the string each call. */
	for (const char *p = names->at; (p = memchr(p, '$', (size_t)(stop - p))) != NULL; p++) {
		const char *end;
		if (p + 1 == stop || p[1] != '{')
			continue;
		if (!(end = memchr(p + 2, '}', (size_t)(stop - p - 2))))
			break;
		names->at = end + 1;
		*name = p + 2;
		*len = (size_t)(end - p - 2);
		if (**name != '!' && !seen_before(names, *name, *len))
			return true;
		p = end;
	}
	names->at = stop;
	return false;
}
