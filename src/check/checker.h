/* The checks of one experiment: what a kind of document found (kinds/)
 * in, diagnostics out. */
#ifndef IELINT_CHECKER_H
#define IELINT_CHECKER_H

#include "naming.h"
#include "state.h"
#include "load/diag.h"
#include "load/node.h"
#include "rules/document_type.h"
#include "rules/model.h"

/* An experiment as the service would receive it. */
struct experiment {
	/* Its members, keyed by the API's names whatever the document's
	 * spelling; a value the document leaves to deployment is a node of
	 * kind NODE_UNKNOWN. */
	const struct node *request;
	const struct shape *shape; /* the request's, or the resource's */
	struct document_type type;
	const struct naming *naming;
	/* What messages call the root: "the request", "Properties". */
	const char *root_label;
};

/* Checks the experiment: first every member against its documented
 * shape, then the rules across members and against the experiment's
 * state. */
void check_experiment(const struct experiment *x, const struct experiment_state *state,
		      struct diag_list *diags);

/* Checks a DescribeInferenceExperiment response given with --current. */
void check_current(const struct node *root, double now, struct diag_list *diags);

#endif
