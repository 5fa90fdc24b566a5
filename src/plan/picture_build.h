/* The pictures of a document's experiments (report/picture.h), for the
 * formats that draw them: each experiment the kind's walk finds, as its
 * request tree says. With --plan, a request for an experiment that exists
 * (update, stop) given with --current is drawn as the experiment will be
 * once the request is taken, with what changes marked. */
#ifndef IELINT_PICTURE_BUILD_H
#define IELINT_PICTURE_BUILD_H

#include <stdbool.h>

#include "check/state.h"
#include "kinds/kind.h"
#include "load/node.h"
#include "report/picture.h"
#include "rules/operation.h"

void picture_build(struct picture_list *list, const struct node *root, const struct kind *kind,
		   enum operation op, const struct experiment_state *state, bool plan);

/* One line for a document that did not load: nothing to draw. */
void picture_not_loaded(struct picture_list *list);

#endif
