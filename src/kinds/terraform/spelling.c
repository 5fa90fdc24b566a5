#include "spelling.h"

#include <ctype.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/memory.h"

/* Each member name of the model once, with its snake_case spelling. The
 * model's names are a few dozen and never change while ielint runs, so
 * they are spelled on first use and kept. */
struct spelling {
	const char *api;
	char *snake;
};

static struct spelling *spellings;
static size_t spelling_count;

/* ModelVariants as model_variants, KmsKey as kms_key: a word starts at
 * each capital that follows a small letter or begins a capitalised word. */
static char *snake_case(const char *name)
{
	size_t len = strlen(name);
	char *snake = mem_malloc(2 * len + 1), *out = snake;

	if (!snake)
		return NULL;
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

static bool known(const char *api)
{
	for (size_t i = 0; i < spelling_count; i++)
		if (strcmp(spellings[i].api, api) == 0)
			return true;
	return false;
}

/* Spells every member of the model, once for every thread (-j lints
 * files side by side). When memory runs out there are no spellings, and
 * the API's names are used as they are. */
static void spell_model_once(void)
{
	const struct model *model = model_get();
	size_t capacity = 0;

	for (size_t i = 0; i < model->shape_count; i++)
		capacity += model->shapes[i].member_count;
	spellings = mem_calloc(capacity ? capacity : 1, sizeof *spellings);
	if (!spellings)
		return;
	for (size_t i = 0; i < model->shape_count; i++) {
		const struct shape *shape = &model->shapes[i];
		for (size_t j = 0; j < shape->member_count; j++) {
			const char *api = shape->members[j].name;
			char *snake;
			if (known(api))
				continue;
			if (!(snake = snake_case(api))) {
				while (spelling_count > 0)
					free(spellings[--spelling_count].snake);
				free(spellings);
				spellings = NULL;
				return;
			}
			spellings[spelling_count++] = (struct spelling){ api, snake };
		}
	}
}

static bool spell_model(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, spell_model_once);
	return spellings != NULL;
}

static const char *snake_member(const char *api_name)
{
	if (!spell_model())
		return api_name;
	/* The model's own names, almost always: the same text at the same
	 * address, found without comparing the text. */
	for (size_t i = 0; i < spelling_count; i++)
		if (spellings[i].api == api_name)
			return spellings[i].snake;
	for (size_t i = 0; i < spelling_count; i++)
		if (strcmp(spellings[i].api, api_name) == 0)
			return spellings[i].snake;
	return api_name;
}

const struct naming naming_terraform = { snake_member, "attribute" };

static bool same(const char *text, const char *name, size_t len)
{
	return strlen(text) == len && memcmp(text, name, len) == 0;
}

const struct shape_member *terraform_find_member(const struct shape *shape, const char *name,
						 size_t len)
{
	for (size_t i = 0; shape && i < shape->member_count; i++)
		/* A snake_case name starts with the API's first letter, small. */
		if (len > 0 && tolower((unsigned char)shape->members[i].name[0]) == name[0] &&
		    same(snake_member(shape->members[i].name), name, len))
			return &shape->members[i];
	return NULL;
}

const struct shape_member *terraform_api_spelling(const struct shape *shape, const char *name,
						  size_t len)
{
	for (size_t i = 0; shape && i < shape->member_count; i++)
		if (len > 0 && shape->members[i].name[0] == name[0] &&
		    same(shape->members[i].name, name, len) &&
		    !same(snake_member(shape->members[i].name), name, len))
			return &shape->members[i];
	return NULL;
}
