/* --fix: a file's certain fixes written into it, in place, then the file
 * checked again so that the report says what remains. */
#ifndef IELINT_FIX_FILES_H
#define IELINT_FIX_FILES_H

#include <stddef.h>

#include "lint.h"

struct fix_totals {
	size_t fixes; /* applied */
	size_t files; /* changed */
	size_t left_out; /* overlapping, or in a file that changed or could not be written */
	bool trouble; /* a file could not be written */
};

/* Applies the fixes of result (the file at path, as linted) to that file:
 * only the bytes the fixes replace change, and the file is replaced whole
 * (a temporary file renamed into place) or not at all. Nothing is written
 * when the file changed since it was read. On success the result is the
 * fixed file's, checked again. */
void fix_file(const char *path, struct lint_result *result,
	      const struct lint_options *options, const struct rule_settings *settings,
	      struct fix_totals *totals);

#endif
