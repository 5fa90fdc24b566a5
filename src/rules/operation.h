/* What ielint lints, named as on the command line (--operation) and in
 * reports: the three requests (CreateInferenceExperiment is "create", and
 * so on) and CloudFormation templates, whose experiments CloudFormation
 * creates. */
#ifndef IELINT_OPERATION_H
#define IELINT_OPERATION_H

#include <stdbool.h>

enum operation {
	OPERATION_CREATE,
	OPERATION_UPDATE,
	OPERATION_STOP,
	OPERATION_REQUEST_COUNT, /* the requests come first */
	OPERATION_CLOUDFORMATION = OPERATION_REQUEST_COUNT,
	OPERATION_COUNT
};

/* A set of operations, one bit each; a rule's applies to. */
#define OPERATION_BIT(op) (1u << (op))
#define OPERATIONS_ALL ((1u << OPERATION_COUNT) - 1)

const char *operation_name(enum operation op);

/* The AWS operation: CreateInferenceExperiment; for templates, the
 * resource type. */
const char *operation_title(enum operation op);

/* Whether the operation makes a new experiment: a create request, or a
 * template's resource. */
bool operation_creates(enum operation op);

bool operation_parse(const char *text, enum operation *op);

#endif
