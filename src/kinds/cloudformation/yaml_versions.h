/* A YAML template checked as YAML 1.1 reads it and as YAML 1.2 reads it
 * (load/scalar.h), where the two read some plain value otherwise: the
 * two readings' diagnostics made one list in which no error depends on
 * the version. Each value read otherwise gets a warning that says both
 * readings, and why the one refused is; an error of one reading alone
 * becomes part of that warning, or a warning of its own where it is
 * about another value (a variant name that then names no variant). */
#ifndef IELINT_YAML_VERSIONS_H
#define IELINT_YAML_VERSIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "resolve.h"
#include "load/diag.h"

/* Merges second (YAML 1.2's diagnostics) into first (YAML 1.1's), both
 * with their paths from the template's root, and leaves second empty.
 * The differences' paths are from prefix on. */
void yaml_versions_merge(struct diag_list *first, struct diag_list *second,
			 const struct reading_difference *differences, size_t count,
			 const char *prefix);

/* Whether this file raises the rule (for the rules' identity test). */
bool yaml_versions_raises(enum rule_id rule);

#endif
