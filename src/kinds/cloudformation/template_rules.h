/* The rules of CloudFormation templates themselves (IE5xx): what the
 * template must say, and how its intrinsic functions are called. */
#ifndef IELINT_TEMPLATE_RULES_H
#define IELINT_TEMPLATE_RULES_H

#include <stdbool.h>

#include "template.h"
#include "base/path.h"
#include "load/diag.h"
#include "load/node.h"

/* Checks an experiment's resource (its mapping, or NULL) and its
 * properties as written, whose path is path (the path comes back as it
 * was). */
void template_rules_check(const struct template *template, const struct node *resource,
			  const struct node *properties, struct path *path,
			  struct diag_list *diags);

/* Whether one of the template rules is this rule. */
bool template_rules_raise(enum rule_id rule);

#endif
