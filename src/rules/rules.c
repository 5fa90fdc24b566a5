/* The rules the program raises, and the catalog's entry of each: a table,
 * installed at start-up from the embedded copy or from --rules-dir. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "model.h"


/* The program's side of the catalog: each rule's code and name. */
static const struct {
	const char *code;
	const char *name;
} identities[RULE_COUNT] = {
#define RULE(id, code, name) [RULE_##id] = { code, name },
#include "rules/rule_list.h"
#undef RULE
};

/* The installed catalog: the embedded one, or one read from --rules-dir. */
static struct rule catalog[RULE_COUNT];
static bool has_catalog;

static const char *const severity_names[] = {
	[SEVERITY_NOTE] = "note",
	[SEVERITY_WARNING] = "warning",
	[SEVERITY_ERROR] = "error",
};

const char *severity_name(enum severity severity)
{
	return severity_names[severity];
}

bool severity_parse(const char *text, enum severity *severity)
{
	for (size_t i = 0; i < sizeof severity_names / sizeof *severity_names; i++) {
		if (strcmp(text, severity_names[i]) == 0) {
			*severity = (enum severity)i;
			return true;
		}
	}
	return false;
}

bool rule_by_name(const char *name, enum rule_id *id)
{
	for (int i = 0; i < RULE_COUNT; i++) {
		if (strcmp(identities[i].name, name) == 0) {
			*id = (enum rule_id)i;
			return true;
		}
	}
	return false;
}

bool rule_checks(const struct rule *rule, struct document_type type)
{
	return (rule->operations & OPERATION_BIT(type.op)) && (rule->kinds & KIND_BIT(type.kind));
}

bool rule_applies(enum rule_id rule, struct document_type type)
{
	return rule_checks(rule_get(rule), type);
}

bool rule_in(enum rule_id rule, const enum rule_id *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (list[i] == rule)
			return true;
	return false;
}

const struct rule *rule_get(enum rule_id id)
{
	/* Only a program that never installed its rules gets here: it knows a
	 * rule by its code and name alone. */
	if (!has_catalog) {
		static struct rule bare[RULE_COUNT];
		bare[id] = (struct rule){ .code = identities[id].code,
					  .name = identities[id].name,
					  .severity = SEVERITY_ERROR, .summary = "",
					  .help = "", .wrong = "", .right = "",
					  .operations = OPERATIONS_ALL,
					  .kinds = KINDS_ALL };
		return &bare[id];
	}
	return &catalog[id];
}

bool rule_lookup(const char *code_or_name, enum rule_id *id)
{
	for (int i = 0; i < RULE_COUNT; i++) {
		const struct rule *rule = rule_get((enum rule_id)i);
		if (strcmp(rule->code, code_or_name) == 0 ||
		    strcmp(rule->name, code_or_name) == 0) {
			*id = (enum rule_id)i;
			return true;
		}
	}
	return false;
}

void rules_install(const struct rule rules[], const struct model *model)
{
	memcpy(catalog, rules, sizeof catalog);
	has_catalog = true;
	model_install(model);
}

void rules_release(void)
{
	model_release();
	has_catalog = false;
}
