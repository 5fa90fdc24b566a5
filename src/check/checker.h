/* The checker: a loaded request in, diagnostics out. */
#ifndef IELINT_CHECKER_H
#define IELINT_CHECKER_H

#include "state.h"
#include "rules/operation.h"
#include "load/diag.h"
#include "load/node.h"

/* What a document is: a CloudFormation template by its structure (see
 * template_detect()), else a request told by the members only one
 * request has (RoleArn, EndpointName, Type or Tags: create;
 * ModelVariantActions, DesiredModelVariants, DesiredState or Reason:
 * stop; else update); with members of both, the one it has more of, and
 * a note (IE115). */
enum operation check_operation(const struct node *root, struct diag_list *diags);

/* Checks a request of operation op (the root mapping of a loaded
 * document): first every member against its documented shape, then the
 * rules across members and against the experiment's state. A template's
 * experiments are checked in the same way (check/check_template.h). */
void check_request(const struct node *root, enum operation op,
		   const struct experiment_state *state, struct diag_list *diags);

/* Checks a DescribeInferenceExperiment response given with --current. */
void check_current(const struct node *root, double now, struct diag_list *diags);

/* Whether this file raises the rule (for the rules' identity test). */
bool checker_raises(enum rule_id rule);

#endif
