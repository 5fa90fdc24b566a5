/* What a template rule is given while it checks an experiment's
 * Properties (template_rules.c, and the files of its rules: attributes.c,
 * value_forms.c, call_results.c...): the template, the experiment being
 * checked, where diagnostics go, the path of the node being checked and
 * the rule it raises. */
#ifndef IELINT_RESOURCE_CHECK_H
#define IELINT_RESOURCE_CHECK_H

#include <stddef.h>

#include "template.h"
#include "base/path.h"
#include "base/quote.h"
#include "load/diag.h"
#include "load/node.h"

struct resource_check {
	const struct template *template;
	struct diag_list *diags;
	struct path *path; /* of the node being checked */
	enum rule_id rule; /* the rule being checked, which report() raises */
	const struct node *resource; /* the experiment's resource, or NULL */
};

/* Raises the rule being checked at span, with the path being checked. */
__attribute__((format(printf, 3, 4)))
void resource_report(struct resource_check *e, struct span span, const char *format, ...);

/* "; did you mean "X"?" for the section's name nearest text, or "" (also
 * when the diagnostic at would not be recorded). */
struct hint {
	char text[sizeof(struct quoted) + 32];
};

struct hint suggest_name(const struct resource_check *e, const struct node *at,
			 const struct section *section, const char *text, size_t len);

#endif
