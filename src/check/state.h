/* What the linter knows of the experiment as it is now, given offline:
 * --status, --current (a DescribeInferenceExperiment response) and --now;
 * and what else a document's values may come from (--previous, --var-file,
 * the files beside it). */
#ifndef IELINT_STATE_H
#define IELINT_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "load/node.h"

struct module_cache;

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
	/* The roots of Terraform's variable files (--var-file), in the order
	 * given, the last winning; they outlive every check. */
	const struct node *const *variable_files;
	size_t variable_file_count;
	/* The Terraform modules (directories) read so far in the run, shared
	 * by its threads (kinds/terraform/module.h), or NULL. */
	struct module_cache *modules;
	/* The file being checked, as read from disk (NULL for standard
	 * input): the kinds whose documents hold together with the files
	 * beside them read these. Set for each file. */
	const char *path;
	double now; /* seconds since 1970, the reference for "in the past" */
};

/* The names status_parse() takes, as a message lists them. */
#define STATUS_NAMES \
	"Creating, Created, Updating, Running, Starting, Stopping, Completed or Cancelled"

bool status_parse(const char *text, enum experiment_status *status);

/* The service takes an update only while the experiment is Created or
 * Running, and a stop unless it is Stopping, Completed or Cancelled. */
bool status_allows_update(enum experiment_status status);
bool status_allows_stop(enum experiment_status status);
const char *status_name(enum experiment_status status);

#endif
