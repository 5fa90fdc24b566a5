/* The checker: a loaded request in, diagnostics out. */
#ifndef IELINT_CHECKER_H
#define IELINT_CHECKER_H

#include "state.h"
#include "rules/operation.h"
#include "load/diag.h"
#include "load/node.h"

/* Checks a document as what it is: a CloudFormation template by its
 * structure (see template_detect()), else a request. A document that has
 * every member one request requires and no member it lacks is that
 * request; one with no member that only a create or a stop request has
 * (RoleArn, EndpointName, Type, KmsKey, Tags; ModelVariantActions,
 * DesiredModelVariants, DesiredState, Reason) is an update. Any other is
 * checked as an update and as each request it has such members of, and
 * is taken as the one under which it has the fewest errors (on a tie,
 * the one whose required members are present, then an update), with a
 * note (IE115) at its first member of another request. Returns the
 * operation it was checked as. */
enum operation check_document(const struct node *root, const struct experiment_state *state,
			      struct diag_list *diags);

/* Checks a request of operation op (the root mapping of a loaded
 * document): first every member against its documented shape, then the
 * rules across members and against the experiment's state. A template's
 * experiments are checked in the same way (check/check_template.h). */
void check_request(const struct node *root, enum operation op,
		   const struct experiment_state *state, struct diag_list *diags);

/* Checks a DescribeInferenceExperiment response given with --current. */
void check_current(const struct node *root, double now, struct diag_list *diags);

/* Whether a document found by searching a directory is one ielint
 * knows: a template, or a mapping with a member of a request, or a near
 * miss of one as "did you mean" finds it (a one-word member such as Name
 * only when capitalized: package.json's name is no misspelt request). */
bool check_is_known_kind(const struct node *root);

/* The same for a file that could not be loaded, from its text: a member
 * of a request written as a key, or a template's marks
 * (AWSTemplateFormatVersion, the experiment's resource type). */
bool check_text_is_known_kind(const char *text, size_t len);

/* Whether this file raises the rule (for the rules' identity test). */
bool checker_raises(enum rule_id rule);

#endif
