/* Cross-field rules: between members, and against the experiment's state. */
#ifndef IELINT_CHECK_CROSS_H
#define IELINT_CHECK_CROSS_H

#include "state.h"
#include "load/diag.h"
#include "load/node.h"

void check_cross(const struct node *request, const struct experiment_state *state,
		 struct diag_list *diags);

/* Whether one of the cross-field rules is this rule. */
bool check_cross_raises(enum rule_id rule);

/* Releases the expressions some rules compile on first use. */
void check_cross_release(void);

#endif
