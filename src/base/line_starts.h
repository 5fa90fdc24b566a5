/* Finding a line by the offsets where lines start, which a text's
 * readers (the diff of fixes, the language server's positions) keep. */
#ifndef IELINT_LINE_STARTS_H
#define IELINT_LINE_STARTS_H

#include <stddef.h>

/* The index of the last of count ascending starts (starts[0] is 0) that
 * is at or before offset: the 0-based line holding it. */
size_t line_starts_find(const size_t *starts, size_t count, size_t offset);

#endif
