/* What pattern-mismatch says of a value that does not match its member's
 * pattern: not the regular expression but, in the words of rules/catalog.yaml's
 * patterns, the first thing wrong with the value, and the nearest valid
 * value when a simple transformation certainly gives one. */
#ifndef IELINT_PATTERN_WORDS_H
#define IELINT_PATTERN_WORDS_H

#include <stddef.h>

#include "rules/model.h"

/* The words that follow the member and its value in the message, such as
 * `may hold only letters, digits and hyphens, not spaces; try "a-b"` for
 * text[0..len) (valid UTF-8, not matching the shape's pattern). The caller
 * frees it; NULL when memory runs out. */
char *pattern_words_say(const struct shape *shape, const char *text, size_t len);

/* The nearest value that matches the shape's pattern and fits its length,
 * made by the pattern's mend; NULL when it has none or none fits. The
 * caller frees it. */
char *pattern_words_nearest(const struct shape *shape, const char *text, size_t len);

#endif
