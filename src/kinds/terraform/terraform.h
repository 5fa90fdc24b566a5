/* Terraform: the experiments a configuration declares as resources of
 * the awscc provider's type awscc_sagemaker_inference_experiment, in HCL
 * native syntax (*.tf) or JSON syntax (*.tf.json), and those a plan
 * creates, updates or replaces, as terraform show -json writes it. The
 * provider creates them through the Cloud Control API, which runs
 * CloudFormation's own resource handler: the same members, the same
 * rules, spelled in snake_case (spelling.h). */
#ifndef IELINT_TERRAFORM_H
#define IELINT_TERRAFORM_H

#include "kinds/kind.h"

extern const struct kind kind_terraform;

/* Whether this kind raises the rule itself (for the rules' identity test). */
bool terraform_kind_raises(enum rule_id rule);

#endif
