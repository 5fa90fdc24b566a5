/* The experiment resource's own attributes, beside its Properties:
 * Condition, DependsOn, DeletionPolicy and UpdateReplacePolicy. */
#ifndef IELINT_RESOURCE_ATTRIBUTES_H
#define IELINT_RESOURCE_ATTRIBUTES_H

#include "resource_check.h"

/* attribute-reference: a Condition the Conditions section lacks, a
 * DependsOn that names no other resource of the template. */
void rule_attribute_reference(struct resource_check *e, const struct node *properties);

/* unknown-policy: a DeletionPolicy or UpdateReplacePolicy that is none
 * of those CloudFormation takes for the experiment. */
void rule_unknown_policy(struct resource_check *e, const struct node *properties);

#endif
