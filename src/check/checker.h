/* The checker: a loaded request in, diagnostics out. */
#ifndef IELINT_CHECKER_H
#define IELINT_CHECKER_H

#include "state.h"
#include "load/diag.h"
#include "load/node.h"

/* Checks a request (the root mapping of a loaded document): first every
 * member against its documented shape, then the rules across members and
 * against the experiment's state. */
void check_request(const struct node *root, const struct experiment_state *state,
		   struct diag_list *diags);

/* Checks a DescribeInferenceExperiment response given with --current. */
void check_current(const struct node *root, double now, struct diag_list *diags);

#endif
