#include "naming.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/memory.h"
#include "base/strbuf.h"

static const char *api_member(const char *api_name)
{
	return api_name;
}

const struct naming naming_api = { api_member, "member" };

const char *naming_member(const struct naming *naming, const char *api_name)
{
	return naming ? naming->member(api_name) : api_name;
}

static bool is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

char *naming_path(const struct naming *naming, const char *path)
{
	struct strbuf b = STRBUF_INIT;
	const char *p = path;

	while (*p) {
		size_t len = 0;
		if (*p == '[') {
			/* An index or a quoted key: as written, up to its "]". */
			const char *end = strchr(p, ']');
			len = end ? (size_t)(end - p) + 1 : strlen(p);
			strbuf_add(&b, p, len);
		} else if (is_name_char(*p)) {
			char *name;
			while (is_name_char(p[len]))
				len++;
			if (!(name = mem_strndup(p, len))) {
				strbuf_free(&b);
				return NULL;
			}
			strbuf_puts(&b, naming_member(naming, name));
			free(name);
		} else {
			len = 1;
			strbuf_add(&b, p, 1);
		}
		p += len;
	}
	return strbuf_take(&b);
}
