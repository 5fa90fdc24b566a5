/* Shape rules: every documented constraint of every member. */
#ifndef IELINT_CHECK_SHAPE_H
#define IELINT_CHECK_SHAPE_H

#include "diag.h"
#include "model.h"
#include "node.h"

/* Checks node, and everything under it, against shape. */
void check_shape(const struct shape *shape, const struct node *node,
		 struct diag_list *diags);

#endif
