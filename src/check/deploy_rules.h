/* The rules of what a deploy really sends for an experiment: a stop that
 * keeps nothing, changes the resource handler does not send, a
 * DesiredState it does not act on. CloudFormation runs the handler
 * (handler.h) at a stack operation, and Cloud Control runs the same one
 * when terraform apply creates or updates the experiment, so the rules
 * are one for both: they read the properties as sent, keyed by the API's
 * names, against the experiment as --status and --current know it, and
 * speak of the deploy in the words and the spelling of the document. */
#ifndef IELINT_DEPLOY_RULES_H
#define IELINT_DEPLOY_RULES_H

#include <stdbool.h>

#include "handler.h"
#include "naming.h"
#include "state.h"
#include "load/diag.h"
#include "load/node.h"
#include "rules/document_type.h"

/* How a kind of document names the deploy in a message. */
struct deploy_words {
	const char *update;       /* "a stack update", "terraform apply" */
	const char *the_update;   /* "the stack update", "terraform apply" */
	const char *create;       /* "a stack create" */
	const char *later_update; /* "a stack update", "a later terraform apply" */
	/* What takes the document, and what then fails at deploy time. */
	const char *accepts;      /* "CloudFormation accepts the template" */
	const char *fails;        /* "the stack operation fails at deploy time" */
};

/* How messages speak of the deploy of a kind's experiments: a stack
 * operation's words, or terraform apply's. */
const struct deploy_words *deploy_words_of(enum kind_id kind);

struct deploy {
	/* The properties as sent, a mapping keyed by the API's names. */
	const struct node *properties;
	/* --current, when it describes this experiment (deploy_state). */
	const struct node *current;
	const struct experiment_state *state;
	const struct stack_operation *op;
	/* What is deployed already has this experiment (--previous has the
	 * resource), so the deploy is no create. */
	bool deployed_before;
	const struct naming *naming;
	const struct deploy_words *words;
	/* The path of the properties ("Resources.X.Properties"), or "". */
	const char *prefix;
};

/* Checks what the deploy sends for d's properties. */
void deploy_rules_check(const struct deploy *d, struct diag_list *diags);

/* Whether one of the deploy rules is this rule. */
bool deploy_rules_raise(enum rule_id rule);

/* The state as it bears on the experiment whose properties these are:
 * --current of another experiment tells nothing of this one, nor the
 * status it gave. */
struct experiment_state deploy_state(const struct node *properties,
				     const struct experiment_state *state);

#endif
