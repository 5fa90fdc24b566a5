/* Attaching cJSON items, their ownership taken either way. */
#include "json.h"

#include <string.h>
#include <strings.h>

bool json_put(cJSON *object, const char *key, cJSON *item)
{
	if (object && item && cJSON_AddItemToObject(object, key, item))
		return true;
	cJSON_Delete(item);
	return false;
}

bool json_push(cJSON *array, cJSON *item)
{
	if (array && item && cJSON_AddItemToArray(array, item))
		return true;
	cJSON_Delete(item);
	return false;
}

/* U+FFFF in UTF-8, as cJSON writes the escape \uFFFF. */
static const char marker[] = "\xEF\xBF\xBF";

/* Whether the escape at body[i] (a backslash) is \u followed by hex. */
static bool escape_is(const char *body, size_t len, size_t i, const char *hex)
{
	return i + 6 <= len && body[i + 1] == 'u' && strncasecmp(body + i + 2, hex, 4) == 0;
}

static bool is_marker(const char *p)
{
	return p[0] == marker[0] && p[1] == marker[1] && p[2] == marker[2];
}

/* One pass each: a backslash and the character after it are an escape
 * (escapes are only in strings, in JSON cJSON will read). */
enum json_nul json_nul_mark(char *body, size_t len)
{
	bool found = false, taken = false;

	for (size_t i = 0; i < len; i++) {
		taken |= i + 3 <= len && is_marker(body + i);
		if (body[i] != '\\')
			continue;
		taken |= escape_is(body, len, i, "FFFF");
		found |= escape_is(body, len, i, "0000");
		i++;
	}
	if (!found)
		return JSON_NUL_NONE;
	if (taken)
		return JSON_NUL_UNMARKED;
	for (size_t i = 0; i < len; i++) {
		if (body[i] != '\\')
			continue;
		if (escape_is(body, len, i, "0000"))
			memcpy(body + i + 2, "FFFF", 4);
		i++;
	}
	return JSON_NUL_MARKED;
}

size_t json_nul_restore(char *text)
{
	char *in = text, *out = text;

	while (*in) {
		if (is_marker(in)) { /* stops at the end: it differs there */
			*out++ = '\0';
			in += 3;
		} else {
			*out++ = *in++;
		}
	}
	*out = '\0';
	return (size_t)(out - text);
}

bool json_nul_held(const char *text)
{
	return text && strstr(text, marker) != NULL;
}
