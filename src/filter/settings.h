/* What the user made of the rules: which are off, at what severity, and
 * from which severity on the run fails. Settings come in layers (a config
 * file, its per-path overrides, the command line), each overriding the one
 * before where it says something. */
#ifndef IELINT_SETTINGS_H
#define IELINT_SETTINGS_H

#include <stdbool.h>

#include "load/diag.h"
#include "rules/document_type.h"
#include "rules/rules.h"

enum { SETTING_UNSET = -1 };

struct rule_settings {
	signed char enabled[RULE_COUNT];  /* SETTING_UNSET, 0 or 1 */
	signed char severity[RULE_COUNT]; /* SETTING_UNSET or an enum severity */
	signed char fail_on;              /* SETTING_UNSET or an enum severity */
	signed char document_type;        /* SETTING_UNSET or an index of document_types */
};

void settings_init(struct rule_settings *s);

/* Lays `over` on top of `into`: what `over` sets wins. */
void settings_merge(struct rule_settings *into, const struct rule_settings *over);

/* Whether the rule's diagnostics are shown, and at which severity: the one
 * set, else the rule's default. */
bool settings_show(const struct rule_settings *s, enum rule_id rule, enum severity *severity);

/* Drops the diagnostics of disabled rules, and the others hidden, and
 * gives the rest their severity. Every diagnostic passes here before it
 * is counted or reported. */
void settings_apply(const struct rule_settings *s, struct diag_list *diags);

/* The lowest severity that fails the run: error unless set. */
enum severity settings_fail_on(const struct rule_settings *s);

/* From the command line: "IE102,zero-sampling" turns rules off or on;
 * "IE315=error" sets a severity; "warning" the failing level. Each returns
 * false for text it cannot take. */
bool settings_parse_rules(struct rule_settings *s, const char *list, bool enabled);
bool settings_parse_severity(struct rule_settings *s, const char *assignment);
bool settings_parse_fail_on(struct rule_settings *s, const char *level);
/* "create", "update", "stop" or "cloudformation" (--operation, or a
 * config file's operation): what the files are. */
bool settings_parse_operation(struct rule_settings *s, const char *name);

/* What the settings say the files are, if they say it. */
bool settings_document_type(const struct rule_settings *s, struct document_type *type);

#endif
