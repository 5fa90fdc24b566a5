#include "path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void path_init(struct path *path)
{
	memset(path, 0, sizeof *path);
}

void path_free(struct path *path)
{
	free(path->text);
	path_init(path);
}

static bool reserve(struct path *path, size_t more)
{
	if (path->failed)
		return false;
	if (path->len + more + 1 <= path->capacity)
		return true;
	size_t capacity = path->capacity ? path->capacity : 64;
	while (capacity < path->len + more + 1) {
		if (capacity > ((size_t)-1) / 2) {
			path->failed = true;
			return false;
		}
		capacity *= 2;
	}
	char *text = realloc(path->text, capacity);
	if (!text) {
		path->failed = true;
		return false;
	}
	path->text = text;
	path->capacity = capacity;
	return true;
}

static void append(struct path *path, const char *text, size_t len)
{
	if (!reserve(path, len))
		return;
	memcpy(path->text + path->len, text, len);
	path->len += len;
	path->text[path->len] = '\0';
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

void path_append_key(struct path *path, const char *key, size_t len)
{
	if (is_identifier(key, len)) {
		if (path->len > 0)
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

void path_truncate(struct path *path, size_t len)
{
	if (path->text && len < path->len) {
		path->len = len;
		path->text[len] = '\0';
	}
}

const char *path_string(const struct path *path)
{
	return path->text ? path->text : "";
}
