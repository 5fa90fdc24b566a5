/* The requests of an experiment's life, named as on the command line
 * (--operation) and in reports: CreateInferenceExperiment is "create",
 * and so on. What kind of document holds a request is another matter
 * (rules/document_type.h). */
#ifndef IELINT_OPERATION_H
#define IELINT_OPERATION_H

#include <stdbool.h>

enum operation {
	OPERATION_CREATE,
	OPERATION_UPDATE,
	OPERATION_STOP,
	OPERATION_COUNT
};

/* A set of operations, one bit each: those a rule checks. */
#define OPERATION_BIT(op) (1u << (op))
#define OPERATIONS_ALL ((1u << OPERATION_COUNT) - 1)

const char *operation_name(enum operation op);

/* The AWS operation: CreateInferenceExperiment. */
const char *operation_title(enum operation op);

bool operation_parse(const char *text, enum operation *op);

#endif
