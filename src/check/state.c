#include "state.h"

#include <string.h>

static const char *const status_names[] = {
	[STATUS_CREATING] = "Creating",
	[STATUS_CREATED] = "Created",
	[STATUS_UPDATING] = "Updating",
	[STATUS_RUNNING] = "Running",
	[STATUS_STARTING] = "Starting",
	[STATUS_STOPPING] = "Stopping",
	[STATUS_COMPLETED] = "Completed",
	[STATUS_CANCELLED] = "Cancelled",
};

bool status_parse(const char *text, enum experiment_status *status)
{
	for (size_t i = 0; i < sizeof status_names / sizeof *status_names; i++) {
		if (strcmp(text, status_names[i]) == 0) {
			*status = (enum experiment_status)i;
			return true;
		}
	}
	return false;
}

const char *status_name(enum experiment_status status)
{
	return status_names[status];
}

bool status_allows_update(enum experiment_status status)
{
	return status == STATUS_CREATED || status == STATUS_RUNNING;
}

bool status_allows_stop(enum experiment_status status)
{
	return status != STATUS_STOPPING && status != STATUS_COMPLETED &&
	       status != STATUS_CANCELLED;
}
