/* Terraform's spelling of the experiment's members: the awscc provider
 * names each attribute as CloudFormation names the property, in
 * snake_case (ModelVariants is model_variants, KmsKey kms_key). */
#ifndef IELINT_TERRAFORM_SPELLING_H
#define IELINT_TERRAFORM_SPELLING_H

#include <stddef.h>

#include "check/naming.h"
#include "rules/model.h"

/* Spells every member the API names in snake_case, and calls members
 * attributes; a name that is no member of the model is left as it is. */
extern const struct naming naming_terraform;

/* The member of shape that Terraform spells as the len bytes of name, or
 * NULL. */
const struct shape_member *terraform_find_member(const struct shape *shape, const char *name,
						 size_t len);

/* Whether name (len bytes) is the API's own name of one of shape's
 * members: a CloudFormation spelling where Terraform wants snake_case. */
const struct shape_member *terraform_api_spelling(const struct shape *shape, const char *name,
						  size_t len);

#endif
