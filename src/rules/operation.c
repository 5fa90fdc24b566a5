#include "operation.h"

#include <string.h>

static const struct {
	const char *name;
	const char *title;
} operations[OPERATION_COUNT] = {
	[OPERATION_CREATE] = { "create", "CreateInferenceExperiment" },
	[OPERATION_UPDATE] = { "update", "UpdateInferenceExperiment" },
	[OPERATION_STOP] = { "stop", "StopInferenceExperiment" },
};

const char *operation_name(enum operation op)
{
	return operations[op].name;
}

const char *operation_title(enum operation op)
{
	return operations[op].title;
}

bool operation_parse(const char *text, enum operation *op)
{
	for (int i = 0; i < OPERATION_COUNT; i++) {
		if (strcmp(text, operations[i].name) == 0) {
			*op = (enum operation)i;
			return true;
		}
	}
	return false;
}
