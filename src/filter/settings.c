#include "settings.h"

#include <stdlib.h>
#include <string.h>

#include "base/memory.h"

void settings_init(struct rule_settings *s)
{
	memset(s->enabled, SETTING_UNSET, sizeof s->enabled);
	memset(s->severity, SETTING_UNSET, sizeof s->severity);
	s->fail_on = SETTING_UNSET;
	s->document_type = SETTING_UNSET;
}

void settings_merge(struct rule_settings *into, const struct rule_settings *over)
{
	for (int id = 0; id < RULE_COUNT; id++) {
		if (over->enabled[id] != SETTING_UNSET)
			into->enabled[id] = over->enabled[id];
		if (over->severity[id] != SETTING_UNSET)
			into->severity[id] = over->severity[id];
	}
	if (over->fail_on != SETTING_UNSET)
		into->fail_on = over->fail_on;
	if (over->document_type != SETTING_UNSET)
		into->document_type = over->document_type;
}

bool settings_show(const struct rule_settings *s, enum rule_id rule, enum severity *severity)
{
	*severity = s->severity[rule] != SETTING_UNSET
		? (enum severity)s->severity[rule] : rule_get(rule)->severity;
	return s->enabled[rule] != 0;
}

void settings_apply(const struct rule_settings *s, struct diag_list *diags)
{
	for (size_t i = 0; i < diags->count; i++) {
		struct diag *diag = &diags->items[i];
		diag->hidden |= !settings_show(s, diag->rule, &diag->severity);
	}
	diag_list_drop_hidden(diags);
}

enum severity settings_fail_on(const struct rule_settings *s)
{
	return s->fail_on == SETTING_UNSET ? SEVERITY_ERROR : (enum severity)s->fail_on;
}

bool settings_parse_rules(struct rule_settings *s, const char *list, bool enabled)
{
	char *copy = mem_strdup(list), *save = NULL;
	bool ok = copy != NULL;

	for (char *name = copy ? strtok_r(copy, ", ", &save) : NULL; name;
	     name = strtok_r(NULL, ", ", &save)) {
		enum rule_id id;
		if (!rule_lookup(name, &id)) {
			ok = false;
			break;
		}
		s->enabled[id] = enabled;
	}
	free(copy);
	return ok;
}

bool settings_parse_severity(struct rule_settings *s, const char *assignment)
{
	const char *equals = strchr(assignment, '=');
	enum severity severity;
	enum rule_id id;
	char *name;
	bool ok;

	if (!equals || !severity_parse(equals + 1, &severity))
		return false;
	name = mem_strndup(assignment, (size_t)(equals - assignment));
	ok = name && rule_lookup(name, &id);
	if (ok)
		s->severity[id] = (signed char)severity;
	free(name);
	return ok;
}

bool settings_parse_fail_on(struct rule_settings *s, const char *level)
{
	enum severity severity;

	if (!severity_parse(level, &severity))
		return false;
	s->fail_on = (signed char)severity;
	return true;
}

bool settings_parse_operation(struct rule_settings *s, const char *name)
{
	for (int i = 0; i < document_type_count; i++) {
		if (strcmp(name, document_type_name(document_types[i])) == 0) {
			s->document_type = (signed char)i;
			return true;
		}
	}
	return false;
}

bool settings_document_type(const struct rule_settings *s, struct document_type *type)
{
	if (s->document_type == SETTING_UNSET)
		return false;
	*type = document_types[s->document_type];
	return true;
}
