/* What --verbose says on standard error: which files are checked, and
 * which a directory search left out, and why. */
#ifndef IELINT_VERBOSE_H
#define IELINT_VERBOSE_H

#include "load/diag.h"

/* A file that a directory search left out, and why (files.h's on_skip). */
void verbose_skipped(const char *path, const char *why);

/* A file that is checked, and what as when it loaded (diags->checked_as). */
void verbose_checked(const char *path, const struct diag_list *diags);

/* That no file was left to check. */
void verbose_none_checked(void);

#endif
