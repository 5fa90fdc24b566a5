/* The template's rules on what a stack operation really sends for an
 * experiment (check/handler.h), against the experiment as --status and
 * --current know it: those of every deploy (check/deploy_rules.h), in a
 * stack's words, and the template's own against --previous, a change
 * that replaces the experiment. */
#ifndef IELINT_STACK_RULES_H
#define IELINT_STACK_RULES_H

#include <stdbool.h>

#include "outcomes.h"
#include "template.h"
#include "check/state.h"
#include "load/diag.h"
#include "load/node.h"

/* Checks the properties as written of the experiment resource logical_id,
 * whose path is prefix; what a Ref to a Default costs is taken from
 * budget. */
void stack_rules_check(const struct template *template, const struct node *logical_id,
		       const struct node *properties, const char *prefix,
		       const struct experiment_state *state, struct outcome_budget *budget,
		       struct diag_list *diags);

/* Whether one of the stack rules is this rule. */
bool stack_rules_raise(enum rule_id rule);

#endif
