/* What the linter knows of the experiment as it is now, given offline:
 * --status, --current (a DescribeInferenceExperiment response) and --now. */
#ifndef IELINT_STATE_H
#define IELINT_STATE_H

#include <stdbool.h>

#include "load/node.h"

enum experiment_status {
	STATUS_CREATING,
	STATUS_CREATED,
	STATUS_UPDATING,
	STATUS_RUNNING,
	STATUS_STARTING,
	STATUS_STOPPING,
	STATUS_COMPLETED,
	STATUS_CANCELLED,
};

struct experiment_state {
	bool has_status;
	enum experiment_status status;
	bool status_from_current; /* the status is --current's, not --status's */
	/* The root mapping of --current, or NULL; it outlives every check. */
	const struct node *current;
	const char *current_file;
	/* The root of --previous, the template as the stack has it now, or
	 * NULL; it outlives every check. */
	const struct node *previous;
	double now; /* seconds since 1970, the reference for "in the past" */
};

bool status_parse(const char *text, enum experiment_status *status);

/* The service takes an update only while the experiment is Created or
 * Running, and a stop unless it is Stopping, Completed or Cancelled. */
bool status_allows_update(enum experiment_status status);
bool status_allows_stop(enum experiment_status status);
const char *status_name(enum experiment_status status);

#endif
