/* Whether a file that a directory search found is a request, or a near
 * miss of one, so that a misspelt request is still checked while a
 * package.json or a compose file is left alone. */
#include "request_parts.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/memory.h"
#include "base/text_find.h"
#include "check/suggest.h"
#include "rules/model.h"

/* A member written in one word (Name, Tags) is a word that other files use
 * as keys too, package.json its name and description, a compose file its
 * name: those count as near only when capitalized as the member is. A
 * member of several words (ModelVariants) is near in any case
 * (modelVariants, model_variants). */
static bool one_word(const char *name)
{
	size_t capitals = 0;

	for (const char *p = name; *p; p++)
		capitals += isupper((unsigned char)*p) != 0;
	return capitals <= 1;
}

/* A member of a request, or a misspelling of one as "did you mean" finds
 * it. */
static bool near_request_member(const struct node *key)
{
	for (int op = 0; op < OPERATION_COUNT; op++) {
		const struct shape *shape = model_get()->requests[op];
		if (request_has((enum operation)op, key))
			return true;
		for (size_t i = 0; i < shape->member_count; i++) {
			const char *name = shape->members[i].name;
			struct suggestion s;
			if (one_word(name) && !isupper((unsigned char)key->scalar.text[0]))
				continue;
			suggestion_init(&s, key->scalar.text, key->scalar.len);
			suggestion_consider(&s, name);
			if (s.best)
				return true;
		}
	}
	return false;
}

bool request_resembles(const struct node *root)
{
	for (size_t i = 0; i < root->mapping.count; i++) {
		const struct node *key = root->mapping.pairs[i].key;
		if (node_is_string(key) && near_request_member(key))
			return true;
	}
	return false;
}

/* Whether name occurs in text as a key: a whole word, then a colon after
 * an optional closing quote and blanks. */
static bool has_key(const char *text, size_t len, const char *name)
{
	size_t name_len = strlen(name);

	for (const char *at = text;
	     (at = text_find(at, len - (size_t)(at - text), name)) != NULL; at++) {
		size_t end = (size_t)(at - text) + name_len;
		if (at > text && (isalnum((unsigned char)at[-1]) || at[-1] == '_'))
			continue;
		if (end < len && (text[end] == '"' || text[end] == '\''))
			end++;
		while (end < len && (text[end] == ' ' || text[end] == '\t'))
			end++;
		if (end < len && text[end] == ':')
			return true;
	}
	return false;
}

static bool text_names_request(const char *text, size_t len)
{
	for (int op = 0; op < OPERATION_COUNT; op++) {
		const struct shape *shape = model_get()->requests[op];
		for (size_t i = 0; i < shape->member_count; i++)
			if (has_key(text, len, shape->members[i].name))
				return true;
	}
	return false;
}

bool request_text_resembles(const char *text, size_t len)
{
	char *narrow;
	size_t kept = 0;
	bool named;

	if (!memchr(text, '\0', len))
		return text_names_request(text, len);
	/* UTF-16 and UTF-32 text: its ASCII letters without the NUL bytes. */
	if (!(narrow = mem_malloc(len)))
		return true;
	for (size_t i = 0; i < len; i++)
		if (text[i])
			narrow[kept++] = text[i];
	named = text_names_request(narrow, kept);
	free(narrow);
	return named;
}
