#include "path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void path_init(struct path *path)
{
	path->text = STRBUF_INIT;
}

void path_free(struct path *path)
{
	strbuf_free(&path->text);
}

static void append(struct path *path, const char *text, size_t len)
{
	strbuf_add(&path->text, text, len);
}

static bool is_identifier(const char *key, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = key[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '_' || c == '-';
		if (!ok)
			return false;
	}
	return true;
}

/* A key longer than this many bytes is cut there and shown with "...":
 * no member is named so long, and each diagnostic keeps its own path, so
 * a key of megabytes cost its size a thousand times. */
enum { PATH_MAX_KEY = 256 };

/* The bytes of key to show, at most PATH_MAX_KEY, not cutting a UTF-8
 * character in two. */
static size_t shown_length(const char *key, size_t len)
{
	size_t cut = PATH_MAX_KEY;

	if (len <= cut)
		return len;
	while (cut > 0 && (key[cut] & 0xC0) == 0x80)
		cut--;
	return cut;
}

void path_append_key(struct path *path, const char *key, size_t len)
{
	size_t shown = shown_length(key, len);

	if (shown < len) {
		append(path, "[\"", 2);
		append(path, key, shown);
		append(path, "...\"]", 5);
	} else if (is_identifier(key, len)) {
		if (path->text.len > 0)
			append(path, ".", 1);
		append(path, key, len);
	} else {
		append(path, "[\"", 2);
		append(path, key, len);
		append(path, "\"]", 2);
	}
}

void path_append_index(struct path *path, size_t index)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "[%zu]", index);

	append(path, digits, (size_t)len);
}

size_t path_length(const struct path *path)
{
	return path->text.len;
}

void path_truncate(struct path *path, size_t len)
{
	strbuf_truncate(&path->text, len);
}

bool path_failed(const struct path *path)
{
	return path->text.failed;
}

const char *path_string(const struct path *path)
{
	return strbuf_text(&path->text);
}
