/* What a template rule is given while it checks an experiment's
 * Properties: the template, where diagnostics go, the path of the node
 * being checked and the rule it raises. The rules of template_rules.c and
 * those in files of their own (attributes.c, value_forms.c) share it. */
#ifndef IELINT_RESOURCE_CHECK_H
#define IELINT_RESOURCE_CHECK_H

#include "template.h"
#include "base/path.h"
#include "load/diag.h"

struct resource_check {
	const struct template *template;
	struct diag_list *diags;
	struct path *path; /* of the node being checked */
	enum rule_id rule; /* the rule being checked, which report() raises */
};

/* A diagnostic of the rule being checked, at span, on the current path. */
__attribute__((format(printf, 3, 4)))
void resource_report(struct resource_check *e, struct span span, const char *format, ...);

#endif
