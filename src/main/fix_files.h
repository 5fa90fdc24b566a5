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

/* Where --fix may write: the files and directories named on the command
 * line. A file found in a directory through a symbolic link that leads
 * out of every one of them is left alone; a link named is written through. */
struct fix_scope {
	const char *const *named; /* as given */
	char **resolved;          /* each resolved, or NULL when it cannot be */
	size_t count;
};

/* False when memory runs out; fix_scope_free is called either way. */
bool fix_scope_init(struct fix_scope *scope, const char *const *named, size_t count);
void fix_scope_free(struct fix_scope *scope);

/* Applies the fixes of result (the file at path, as linted) to that file:
 * only the bytes the fixes replace change, and the file keeps its owner,
 * group, mode and links (rewrite.h says how). Nothing is written when the
 * file changed since it was read, when it lies outside scope, or when the
 * user may not write it (a read-only file, even for root), which is
 * trouble. On success the result is the fixed file's, checked again. */
void fix_file(const char *path, const struct fix_scope *scope, struct lint_result *result,
	      const struct lint_options *options, const struct rule_settings *settings,
	      struct fix_totals *totals);

#endif
