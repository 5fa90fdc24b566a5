/* Shape rules: every documented constraint of every member. */
#ifndef IELINT_CHECK_SHAPE_H
#define IELINT_CHECK_SHAPE_H

#include "naming.h"
#include "rules/document_type.h"
#include "load/diag.h"
#include "load/node.h"
#include "rules/model.h"

/* Checks node, and everything under it, against shape. The tree is keyed
 * by the API's member names; messages and paths spell the members as
 * naming says (&naming_api for a request or a template) and call the
 * node itself `what` ("the request"). `now` is the day on which a time
 * without a date would be read. The rules run are those the catalog gives
 * documents of this type: a template's times are read as CloudFormation's
 * handler reads them, a request's as the AWS CLI does. */
void check_shape(const struct shape *shape, const struct node *node, const char *what,
		 const struct naming *naming, struct document_type type, double now,
		 struct diag_list *diags);

/* Whether the rule is a shape rule that finds the value unusable, not one
 * that only advises on a value that is still sent (IE210, IE211). */
bool check_shape_refuses(enum rule_id rule);

/* Whether one of the shape rules is this rule. */
bool check_shape_raises(enum rule_id rule);

#endif
