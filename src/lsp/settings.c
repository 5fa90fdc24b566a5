/* The editor's settings, parsed as the command line parses the same
 * options (check/state.h's status_parse, check/timestamp.h's
 * timestamp_parse, filter/settings.h). */
#include "settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/format.h"
#include "base/memory.h"
#include "check/timestamp.h"

void lsp_settings_init(struct lsp_settings *s)
{
	memset(s, 0, sizeof *s);
	settings_init(&s->operation);
	settings_init(&s->rules);
}

static void drop_current(struct lsp_settings *s)
{
	if (s->current_loaded)
		current_free(&s->current);
	s->current_loaded = false;
}

void lsp_settings_free(struct lsp_settings *s)
{
	drop_current(s);
	free(s->current_path);
	s->current_path = NULL;
}

static void refuse(struct rpc_writer *out, const char *what, const char *value,
		   const char *allowed)
{
	char *text = format_alloc("ielint: setting %s: '%s' is not %s; the value before "
				  "it stays", what, value, allowed);

	if (text)
		rpc_show(out, 2, text);
	free(text);
}

/* A string setting: NULL when absent; "" when null or empty (unset). */
static const char *string_of(const cJSON *json, const char *key, bool *present)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(json, key);

	*present = item != NULL;
	if (!item || cJSON_IsNull(item))
		return "";
	return cJSON_IsString(item) ? item->valuestring : NULL;
}

static bool take_status(struct lsp_settings *s, const cJSON *json, struct rpc_writer *out)
{
	bool present;
	const char *text = string_of(json, "status", &present);
	enum experiment_status status;

	if (!present)
		return false;
	if (text && !*text) {
		s->has_status = false;
		return true;
	}
	if (!text || !status_parse(text, &status)) {
		refuse(out, "status", text ? text : "(not a string)", STATUS_NAMES);
		return false;
	}
	s->has_status = true;
	s->status = status;
	return true;
}

/* The years 1 to 9999, in seconds since 1970, as --now takes them. */
#define EARLIEST_NOW (-62135596800.0)
#define LATEST_NOW 253402300799.0

static bool take_now(struct lsp_settings *s, const cJSON *json, struct rpc_writer *out)
{
	bool present;
	const char *text = string_of(json, "now", &present);
	const cJSON *number = cJSON_GetObjectItemCaseSensitive(json, "now");
	double now;

	if (!present)
		return false;
	/* Epoch seconds may come as a JSON number too. */
	if (cJSON_IsNumber(number) && number->valuedouble >= EARLIEST_NOW &&
	    number->valuedouble <= LATEST_NOW) {
		s->has_now = true;
		s->now = number->valuedouble;
		return true;
	}
	if (text && !*text) {
		s->has_now = false;
		return true;
	}
	if (!text || !timestamp_parse(text, strlen(text), &now)) {
		refuse(out, "now", text ? text : "(not a string)",
		       "ISO 8601 (2030-01-10T00:00:00Z) or epoch seconds");
		return false;
	}
	s->has_now = true;
	s->now = now;
	return true;
}

static bool take_operation(struct lsp_settings *s, const cJSON *json, struct rpc_writer *out)
{
	bool present;
	const char *text = string_of(json, "operation", &present);
	struct rule_settings parsed;

	if (!present)
		return false;
	settings_init(&parsed);
	if (!text || (*text && !settings_parse_operation(&parsed, text))) {
		refuse(out, "operation", text ? text : "(not a string)",
		       "create, update, stop, cloudformation or terraform");
		return false;
	}
	s->operation = parsed;
	return true;
}

/* disable and enable together: both lists must read, or neither is taken. */
static bool take_rules(struct lsp_settings *s, const cJSON *json, struct rpc_writer *out)
{
	static const char *const keys[] = { "disable", "enable" };
	struct rule_settings parsed;
	bool present = false;

	settings_init(&parsed);
	for (int k = 0; k < 2; k++) {
		const cJSON *list = cJSON_GetObjectItemCaseSensitive(json, keys[k]), *item;
		if (!list)
			continue;
		present = true;
		if (cJSON_IsNull(list))
			continue;
		if (!cJSON_IsArray(list)) {
			refuse(out, keys[k], "(not a list)", "a list of rule codes or names");
			return false;
		}
		cJSON_ArrayForEach(item, list) {
			if (!cJSON_IsString(item) ||
			    !settings_parse_rules(&parsed, item->valuestring, k == 1)) {
				refuse(out, keys[k], cJSON_IsString(item) ? item->valuestring
					   : "(not a string)", "a rule code or name");
				return false;
			}
		}
	}
	if (present)
		s->rules = parsed;
	return present;
}

/* Loads a --current as the command line does, its status taken unless one
 * is set; false when it does not load. */
static bool load_current(struct lsp_settings *s, const struct invocation *inv,
			 const char *path)
{
	bool earlier = mem_shortage_take(); /* current_load takes it as another's */

	drop_current(s);
	current_load(&s->current, path, &inv->lint, &inv->settings);
	s->current_loaded = true;
	if (earlier || s->current.result.diags.out_of_memory)
		mem_shortage();
	if (s->current.document.root)
		return true;
	drop_current(s);
	return false;
}

static bool take_current(struct lsp_settings *s, const struct invocation *inv,
			 const cJSON *json, struct rpc_writer *out)
{
	bool present;
	const char *text = string_of(json, "current", &present);
	const char *target = text && *text ? text : inv->current;
	char *copy = NULL;

	if (!present)
		return false;
	if (!text) {
		refuse(out, "current", "(not a string)", "a file's path");
		return false;
	}
	if (*text && !(copy = mem_strdup(text)))
		return false;
	if (!target || load_current(s, inv, target)) {
		if (!target)
			drop_current(s);
		free(s->current_path);
		s->current_path = copy;
		return true;
	}
	free(copy);
	refuse(out, "current", target, "a DescribeInferenceExperiment response that loads");
	/* The one before stays: load it back. */
	if (s->current_path || inv->current)
		load_current(s, inv, s->current_path ? s->current_path : inv->current);
	return false;
}

bool lsp_settings_apply(struct lsp_settings *s, const struct invocation *inv,
			const cJSON *json, struct rpc_writer *out)
{
	const cJSON *ours = cJSON_GetObjectItemCaseSensitive(json, "ielint");
	bool changed = false;

	if (cJSON_IsObject(ours))
		json = ours;
	if (!cJSON_IsObject(json))
		return false;
	changed |= take_status(s, json, out);
	changed |= take_now(s, json, out);
	changed |= take_operation(s, json, out);
	changed |= take_rules(s, json, out);
	changed |= take_current(s, inv, json, out);
	return changed;
}

void lsp_settings_start(struct lsp_settings *s, const struct invocation *inv,
			struct rpc_writer *out)
{
	if (!inv->current || s->current_loaded)
		return;
	if (!load_current(s, inv, inv->current))
		refuse(out, "--current", inv->current,
		       "a DescribeInferenceExperiment response that loads");
}

void lsp_settings_for(const struct lsp_settings *s, const struct invocation *inv,
		      const struct rule_settings *config, struct lint_options *options,
		      struct rule_settings *settings)
{
	struct experiment_state *state = &options->state;

	*options = inv->lint;
	settings_init(settings);
	if (config)
		settings_merge(settings, config);
	settings_merge(settings, &inv->settings);
	settings_merge(settings, &s->operation);
	settings_merge(settings, &s->rules);
	if (s->has_status) {
		state->has_status = true;
		state->status = s->status;
	}
	if (s->has_now)
		state->now = s->now;
	if (s->current_loaded) {
		const struct node *status = node_member(s->current.document.root, "Status");
		state->current = s->current.document.root;
		state->current_file = s->current.result.name;
		if (!state->has_status && node_is_string(status)) {
			state->has_status = status_parse(status->scalar.text, &state->status);
			state->status_from_current = state->has_status;
		}
	}
}
