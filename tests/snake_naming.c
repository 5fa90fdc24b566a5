#include "snake_naming.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "base/memory.h"
#include "rules/model.h"

struct spelling {
	char *api;   /* ModelVariants */
	char *snake; /* model_variants */
};

static struct spelling *spellings;
static size_t spelling_count;

/* ModelVariants as model_variants, KmsKey as kms_key. */
static char *snake_case(const char *name)
{
	size_t len = strlen(name);
	char *snake = mem_malloc(2 * len + 1), *out = snake;

	ck_assert(snake != NULL);
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)name[i];
		if (i > 0 && isupper(ch) &&
		    (!isupper((unsigned char)name[i - 1]) ||
		     (i + 1 < len && islower((unsigned char)name[i + 1]))))
			*out++ = '_';
		*out++ = (char)tolower(ch);
	}
	*out = '\0';
	return snake;
}

/* The spelling lives until the test ends, as a naming's must. */
static const char *snake_member(const char *api_name)
{
	struct spelling *grown;

	for (size_t i = 0; i < spelling_count; i++)
		if (strcmp(spellings[i].api, api_name) == 0)
			return spellings[i].snake;
	grown = mem_realloc(spellings, (spelling_count + 1) * sizeof *spellings);
	ck_assert(grown != NULL);
	spellings = grown;
	spellings[spelling_count].api = mem_strdup(api_name);
	spellings[spelling_count].snake = snake_case(api_name);
	ck_assert(spellings[spelling_count].api != NULL);
	return spellings[spelling_count++].snake;
}

const struct naming snake_naming = { snake_member };

void snake_naming_forget(void)
{
	for (size_t i = 0; i < spelling_count; i++) {
		free(spellings[i].api);
		free(spellings[i].snake);
	}
	free(spellings);
	spellings = NULL;
	spelling_count = 0;
}

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
