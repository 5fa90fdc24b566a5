/* A template's experiment as a stack operation sees it: its properties
 * as CloudFormation sends them, the same resource in the template the
 * stack has now (--previous), the experiment deployed (--current) and
 * what the handler would send (handler.h). The stack rules and the plan
 * of a template are both made from it. */
#ifndef IELINT_STACK_VIEW_H
#define IELINT_STACK_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "check/handler.h"
#include "resolve.h"
#include "template.h"
#include "base/arena.h"
#include "check/state.h"
#include "load/node.h"

struct stack_view {
	/* The properties as sent, keyed by the API's names; NULL when they
	 * are no mapping. Values an Fn::If chooses are not known. */
	const struct node *properties;
	/* With --previous: the same resource's properties as sent then, or
	 * NULL when the previous template lacks it (the stack creates it). */
	bool has_previous;
	const struct node *previous;
	/* --current, when it describes this experiment; state is the run's,
	 * without what a --current of another experiment said. */
	const struct node *current;
	struct experiment_state state;
	struct stack_operation op;
	bool out_of_memory;
	struct arena arena;
	struct resolver resolver, previous_resolver;
};

/* The view of the experiment resource named logical_id, whose Properties
 * are properties (NULL: it has none), in template. default_text_left bounds the Defaults a
 * Ref stands for (resolve.h), or is NULL. Free the view either way. */
void stack_view_init(struct stack_view *v, const struct template *template,
		     const struct node *logical_id, const struct node *properties,
		     const struct experiment_state *state, size_t *default_text_left);
void stack_view_free(struct stack_view *v);

/* The properties CloudFormation sets only when it creates the experiment:
 * a change of one replaces the experiment. Ends with NULL. */
extern const char *const stack_create_only[];

/* Whether the previous and the new value of a property differ, as far as
 * the template tells (a value known only when deployed differs from
 * nothing). */
bool stack_property_changes(const struct stack_view *v, const char *member);

#endif
