/* The experiments of a CloudFormation template, checked as CloudFormation
 * would create them. */
#ifndef IELINT_CHECK_TEMPLATE_H
#define IELINT_CHECK_TEMPLATE_H

#include "state.h"
#include "load/diag.h"
#include "load/node.h"

/* Checks each resource of the experiment's type in the template whose
 * root mapping is root; leaves every other resource and section alone. */
void check_template(const struct node *root, const struct experiment_state *state,
		    struct diag_list *diags);

/* Whether one of the template rules is this rule. */
bool check_template_raises(enum rule_id rule);

#endif
