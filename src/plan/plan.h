/* What a request would change in the experiment, member by member, in
 * words: the plan that --plan shows. An update or stop request is compared
 * with the experiment as it is (--current); a create request, and each
 * experiment of a template, makes a new one. The lines are for people,
 * not for machines: no format is promised. */
#ifndef IELINT_PLAN_H
#define IELINT_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "check/state.h"
#include "kinds/kind.h"
#include "load/node.h"
#include "rules/operation.h"

struct plan {
	char **lines;
	size_t count;
	size_t capacity;
	/* An update or stop request without --current: nothing to compare. */
	bool needs_current;
	bool out_of_memory;
};

void plan_init(struct plan *plan);

/* The plan of a loaded document of this kind, checked as operation op:
 * of each experiment the kind finds in it. */
void plan_build(struct plan *plan, const struct node *root, const struct kind *kind,
		enum operation op, const struct experiment_state *state);

void plan_free(struct plan *plan);

#endif
