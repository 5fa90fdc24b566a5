/* A Terraform configuration's file: the experiments it declares as
 * resources, and how to tell one written in JSON syntax. */
#ifndef IELINT_TERRAFORM_CONFIGURATION_H
#define IELINT_TERRAFORM_CONFIGURATION_H

#include <stdbool.h>
#include <stddef.h>

#include "load/node.h"

struct found_resource {
	const struct node *name; /* the block's second label */
	const struct node *body;
	const char *address;     /* awscc_sagemaker_inference_experiment.NAME */
};

typedef void resource_visit(const struct found_resource *found, void *context);

/* Hands each resource block of the experiment's type to visit, in the
 * order written. */
void each_resource(const struct node *root, resource_visit *visit, void *context);

/* How many resources of the experiment's type the file declares. */
size_t configuration_experiments(const struct node *root);

/* Terraform's JSON syntax, rather than its native syntax. */
bool is_json_syntax(const struct node *root);

/* Whether JSON is a configuration: a mapping of nothing but Terraform's
 * blocks, at least one of them a resource. */
bool configuration_detect(const struct node *root);

#endif
