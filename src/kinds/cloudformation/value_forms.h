/* What a Ref or a Fn::GetAtt of a few resource types returns, in form
 * (an ARN of a known start, a name, an id), checked against the pattern
 * of the property it is given to. */
#ifndef IELINT_VALUE_FORMS_H
#define IELINT_VALUE_FORMS_H

#include "resource_check.h"
#include "load/node.h"

/* reference-mismatch: a Ref or Fn::GetAtt whose value can never match
 * the pattern of its property, such as a role's RoleId as RoleArn. A
 * resource rule (template_rules.c). */
void rule_reference_mismatch(struct resource_check *e, const struct node *properties);

#endif
