#include "api_names.h"

#include <ctype.h>
#include <string.h>

#include "base/memory.h"
#include "rules/model.h"

/* ---- the API's member names ------------------------------------------------ */

/* Whether word (len bytes) is the name of a member of any of the model's
 * shapes: of a request, a description or a template's resource. */
static bool is_api_member(const char *word, size_t len)
{
	const struct model *model = model_get();

	for (size_t i = 0; i < model->shape_count; i++) {
		const struct shape *shape = &model->shapes[i];
		for (size_t j = 0; j < shape->member_count; j++) {
			const char *name = shape->members[j].name;
			if (strlen(name) == len && memcmp(name, word, len) == 0)
				return true;
		}
	}
	return false;
}

char *api_member_in(const char *text, bool skip_quoted)
{
	const char *p = text;

	while (*p) {
		if (*p == '"' && skip_quoted) {
			for (p++; *p && *p != '"'; p++)
				if (*p == '\\' && p[1])
					p++;
			if (*p)
				p++;
		} else if (isalnum((unsigned char)*p) || *p == '_') {
			const char *start = p;
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			if (is_api_member(start, (size_t)(p - start)))
				return mem_strndup(start, (size_t)(p - start));
		} else {
			p++;
		}
	}
	return NULL;
}
