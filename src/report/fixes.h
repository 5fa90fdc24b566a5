/* A file's fixes as edits of its bytes: where each lies, which of them can
 * be applied together, and the text they make. Reports show the edits;
 * --fix and the diff format apply them. */
#ifndef IELINT_FIXES_H
#define IELINT_FIXES_H

#include <stdbool.h>
#include <stddef.h>

#include "load/diag.h"
#include "load/source.h"

struct edit {
	size_t offset; /* in the source's bytes */
	size_t length;
	const char *text;
	const struct diag *diag; /* whose fix it is */
};

struct edits {
	struct edit *items; /* in the order of their offsets, none overlapping */
	size_t count;
	size_t overlapping; /* fixes left out because they overlap another */
};

/* Where a diagnostic's fix lies in src: false when it has none, or the fix
 * is not of this source's bytes. */
bool fix_offset(const struct source *src, const struct diag *diag, size_t *offset);

/* The fixes of diags that can be applied together: two that overlap are
 * both left out, since neither is then certain. False when memory runs out. */
bool edits_collect(struct edits *edits, const struct source *src,
		   const struct diag_list *diags);

/* The source with the edits made, NUL-terminated, in *len bytes; NULL when
 * memory runs out. */
char *edits_apply(const struct edits *edits, const struct source *src, size_t *len);

void edits_free(struct edits *edits);

#endif
