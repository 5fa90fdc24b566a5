#include "model.h"

#include <string.h>

/* The installed model: the embedded one, or one read from --rules-dir.
 * Its shapes' patterns are compiled on first use. */
static struct model installed;
static bool has_model;

void model_install(const struct model *model)
{
	model_release();
	installed = *model;
	has_model = true;
}

void model_release(void)
{
	if (!has_model)
		return;
	for (size_t i = 0; i < installed.shape_count; i++)
		regex_release(&installed.shapes[i].regex);
	for (size_t i = 0; i < installed.pattern_count; i++) {
		regex_release(&installed.patterns[i].chars);
		regex_release(&installed.patterns[i].first);
		regex_release(&installed.patterns[i].last);
	}
	has_model = false;
}

const struct model *model_get(void)
{
	return has_model ? &installed : NULL;
}

const struct shape_member *shape_find_member(const struct shape *shape,
					     const char *name, size_t len)
{
	for (size_t i = 0; i < shape->member_count; i++) {
		const struct shape_member *member = &shape->members[i];
		if (strlen(member->name) == len && memcmp(member->name, name, len) == 0)
			return member;
	}
	return NULL;
}

const struct member_alias *model_find_alias(const struct shape *in, const char *name,
					    size_t len)
{
	for (size_t i = 0; has_model && i < installed.alias_count; i++) {
		const struct member_alias *alias = &installed.aliases[i];
		if ((!alias->in || alias->in == in) && strlen(alias->name) == len &&
		    memcmp(alias->name, name, len) == 0)
			return alias;
	}
	return NULL;
}

bool shape_matches_pattern(const struct shape *shape, const char *text, size_t len)
{
	/* Every shape lives in installed; compiling its pattern on first use
	 * fills a cache and changes nothing else about it. */
	struct shape *cached = &installed.shapes[shape - installed.shapes];

	return !shape->pattern || regex_match(&cached->regex, text, len, NULL, 0);
}

size_t shape_viable_prefix(const struct shape *shape, const char *text, size_t len)
{
	struct shape *cached = &installed.shapes[shape - installed.shapes];

	return shape->pattern ? regex_viable_prefix(&cached->regex, text, len) : len;
}
