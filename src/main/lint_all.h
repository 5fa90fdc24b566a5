/* Every file of a run linted and reported, and what the run found. */
#ifndef IELINT_LINT_ALL_H
#define IELINT_LINT_ALL_H

#include <stdbool.h>
#include <stddef.h>

#include "options.h"
#include "output.h"
#include "report/report.h"

/* What the run found, for the summary and the exit status. */
struct totals {
	size_t files;
	size_t unreadable;
	size_t unsearched; /* directories */
	size_t by_severity[3];
	bool failed; /* a diagnostic at or above its file's failing severity */
	bool out_of_memory;
	struct fix_totals fixes;
	bool plan_needs_current; /* --plan met an update or stop request */
	bool report_over_config; /* -o names a .ielint.yaml the run found */
};

/* Lints and reports the files of inv->files (with --current first, and
 * the directories that could not be searched), adding to totals. out is
 * where the report goes, for -o's check against the config files found. */
void lint_all(struct invocation *inv, struct reporter *reporter, const struct output *out,
	      struct totals *totals);

#endif
