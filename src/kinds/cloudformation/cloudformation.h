/* CloudFormation templates: the experiments they declare as resources of
 * type AWS::SageMaker::InferenceExperiment. */
#ifndef IELINT_CLOUDFORMATION_H
#define IELINT_CLOUDFORMATION_H

#include "kinds/kind.h"

extern const struct kind kind_cloudformation;

/* Whether this kind raises the rule itself (for the rules' identity test). */
bool cloudformation_kind_raises(enum rule_id rule);

#endif
