/* Finding a word in text that may hold NUL bytes (memmem is not POSIX). */
#ifndef IELINT_TEXT_FIND_H
#define IELINT_TEXT_FIND_H

#include <stddef.h>

/* Where needle first occurs in the len bytes of text, or NULL. */
const char *text_find(const char *text, size_t len, const char *needle);

#endif
