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

void path_append_key(struct path *path, const char *key, size_t len)
{
	if (is_identifier(key, len)) {
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
