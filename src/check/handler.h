/* What CloudFormation's resource handler sends to SageMaker for a
 * template's experiment, given what is known of the experiment deployed
 * (--status, --current): a create, a start, an update of some members, a
 * stop with an action for each variant, or nothing but tags. The template's
 * rules on a stack's operation (stack_rules.h) and the plan of a template
 * both read it, so that they tell the same story. */
#ifndef IELINT_HANDLER_H
#define IELINT_HANDLER_H

#include <stdbool.h>
#include <stddef.h>

#include "state.h"
#include "load/node.h"

enum stack_call {
	/* No experiment is known: the stack creates one. */
	STACK_CREATE,
	/* Created, and DesiredState Running: StartInferenceExperiment. */
	STACK_START,
	/* Created or Running: UpdateInferenceExperiment of some members. */
	STACK_UPDATE,
	/* Running, and DesiredState Completed or Cancelled. */
	STACK_STOP,
	/* Updating or Stopping: waits for that to end, then sends nothing. */
	STACK_WAIT,
	/* Creating, Starting, Completed, Cancelled: only tags change. */
	STACK_TAGS_ONLY,
};

enum variant_action { VARIANT_RETAIN, VARIANT_REMOVE, VARIANT_PROMOTE };

/* The experiment has one source variant and at most one shadow; more
 * shadows are read up to this many. */
enum { MAX_STOP_VARIANTS = 4 };

struct stop_action {
	const struct node *name; /* the variant's name, as the experiment has it */
	bool is_source;
	enum variant_action action;
};

struct stack_operation {
	enum stack_call call;
	/* The status it depends on, when known; a template that stops, with
	 * no status given, is taken to stop a running experiment. */
	bool status_known;
	enum experiment_status status;
	/* The experiment's variants come from --current, not the template's
	 * own ShadowModeConfig. */
	bool variants_from_current;
	/* For STACK_STOP: each variant of the experiment and its action. */
	struct stop_action actions[MAX_STOP_VARIANTS];
	size_t action_count;
};

/* What the stack operation sends for properties (as CloudFormation sends
 * them, keyed by the API's names), with the experiment as state knows it.
 * current is --current when it describes this experiment, else NULL. */
void stack_operation_model(struct stack_operation *op, const struct node *properties,
			   const struct experiment_state *state, const struct node *current);

/* Whether the operation sends this member (an API name) to SageMaker:
 * a create sends all but DesiredState and StatusReason; a stop sends
 * DesiredState, StatusReason (as Reason) and ModelVariants (as
 * DesiredModelVariants); Tags are updated by every operation. */
bool stack_sends(const struct stack_operation *op, const char *member);

/* Whether the template's DesiredState stops the experiment. */
bool stack_desires_stop(const struct node *properties);

/* Whether properties' DesiredState is this one. */
bool stack_desires(const struct node *properties, const char *state);

/* "Promote", "Retain", "Remove". */
const char *variant_action_name(enum variant_action action);

#endif
