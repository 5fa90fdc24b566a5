/* Whether a document is JSON or YAML: by its name, else by its first
 * character. The two are read differently (JSON's strings and numbers,
 * its refusal of comments), so the choice comes before anything else. */
#include "loader.h"

#include <string.h>
#include <strings.h>

static bool has_suffix(const char *name, const char *suffix)
{
	size_t len = strlen(name), suffix_len = strlen(suffix);

	return len >= suffix_len && strcasecmp(name + len - suffix_len, suffix) == 0;
}

/* The format a name says, or INPUT_AUTO when it says none. */
static enum input_format format_by_name(const char *name)
{
	if (has_suffix(name, ".json"))
		return INPUT_JSON;
	if (has_suffix(name, ".yaml") || has_suffix(name, ".yml"))
		return INPUT_YAML;
	if (has_suffix(name, ".tf") || has_suffix(name, ".tfvars"))
		return INPUT_HCL;
	return INPUT_AUTO;
}

/* Whether the first thing in the text (after a byte-order mark and
 * blanks) opens a JSON object or array. */
static bool starts_as_json(const char *data, size_t len)
{
	size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	while (i < len && is_space(data[i]))
		i++;
	return i < len && (data[i] == '{' || data[i] == '[');
}

enum input_format input_format_detect(const char *name, const char *data,
				      size_t len)
{
	enum input_format by_name = format_by_name(name);

	if (by_name != INPUT_AUTO)
		return by_name;
	return starts_as_json(data, len) ? INPUT_JSON : INPUT_YAML;
}

enum input_format input_format_detect_terraform(const char *name, const char *data,
						size_t len)
{
	enum input_format by_name = format_by_name(name);

	if (by_name != INPUT_AUTO)
		return by_name;
	return starts_as_json(data, len) ? INPUT_JSON : INPUT_HCL;
}

const char *input_format_name(enum input_format format)
{
	switch (format) {
	case INPUT_JSON:
		return "json";
	case INPUT_YAML:
		return "yaml";
	case INPUT_HCL:
		return "hcl";
	case INPUT_AUTO:
		break;
	}
	return "auto";
}
