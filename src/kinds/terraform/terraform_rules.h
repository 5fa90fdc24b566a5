/* A configuration's own rules on an experiment's attributes as written:
 * each a small function, rule_NAME for the rule NAME, registered in
 * terraform_rules[], with its catalog entry in rules/catalog.yaml (kinds:
 * [terraform]) and its cases in testdata/cases/terraform/. */
#ifndef IELINT_TERRAFORM_RULES_H
#define IELINT_TERRAFORM_RULES_H

#include <stdbool.h>

#include "load/diag.h"
#include "load/node.h"

/* Checks the resource body as written, whose path is prefix. */
void terraform_rules_check(const struct node *body, const char *prefix,
			   struct diag_list *diags);

/* Whether one of these rules is this rule. */
bool terraform_rules_raise(enum rule_id rule);

#endif
