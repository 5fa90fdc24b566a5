/* The rule catalog printed for people: a table, or a manual page. */
#ifndef IELINT_CATALOG_PRINT_H
#define IELINT_CATALOG_PRINT_H

#include <stdbool.h>
#include <stdio.h>

#include "rules/rules.h"

/* One line per rule: code, name, default severity, summary. */
void catalog_print_table(FILE *out);

/* One rule in full: code, name, severity, summary, help and examples. */
void catalog_print_rule(FILE *out, enum rule_id id);

/* The ielint-rules(7) manual page. */
void catalog_print_man(FILE *out, const char *version);

/* The rules page, docs/rules.md: one heading per rule. False when memory
 * runs out. */
bool catalog_print_markdown(FILE *out);

#endif
