/* A rules directory read at run time (--rules-dir), or at build time by
 * rules-compile: DIR/catalog.yaml and DIR/shapes.json. */
#ifndef IELINT_RULES_FILES_H
#define IELINT_RULES_FILES_H

#include <stdbool.h>

/* Reads both files and installs their rules in place of any others; every
 * pattern is compiled at once, so that a bad one is reported now. On
 * failure returns false with *error set (the caller frees it), and the
 * rules in place stay. */
bool rules_files_load(const char *dir, char **error);

/* Releases what rules_files_load read (after the run). */
void rules_files_release(void);

#endif
