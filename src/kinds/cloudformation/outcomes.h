/* A template experiment's properties checked in each outcome of the
 * conditions its Fn::If name. */
#ifndef IELINT_OUTCOMES_H
#define IELINT_OUTCOMES_H

#include <stddef.h>

#include "template.h"
#include "check/state.h"
#include "load/diag.h"
#include "load/node.h"

/* Each outcome of the conditions checks the whole of an experiment's
 * Properties again. Past this many nodes checked in a file, the
 * experiments left are checked once, their Fn::If values not known, so
 * that a large template costs at most a few times a plain one: a node of
 * an outcome with its diagnostics costs up to a microsecond, so this is
 * about one second at most. */
enum { OUTCOME_NODE_BUDGET = 1000000 };

/* The bytes of parameters' Defaults checked in a file in place of their
 * Refs (resolve.h): 200 Refs to a Default of 30 MB took 4.7 s. */
enum { DEFAULT_TEXT_BUDGET = 16 * 1024 * 1024 };

/* What is left of the budgets, shared by the experiments of a file. */
struct outcome_budget {
	size_t nodes;
	size_t default_text;
};

void outcome_budget_init(struct outcome_budget *budget);

/* Checks properties (of the experiment whose path is prefix) as
 * CloudFormation would send them in each outcome, while the budget lasts;
 * keeps only the diagnostics of rules that apply to templates. */
void outcomes_check(const struct template *template, const struct node *properties,
		    const char *prefix, const struct experiment_state *state,
		    struct outcome_budget *budget, struct diag_list *diags);

/* Whether this file raises the rule itself (for the rules' identity test). */
bool outcomes_raise(enum rule_id rule);

#endif
