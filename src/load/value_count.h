/* A lexical count of a document's values, cheap enough to run before the
 * parser. libfyaml holds every token of a line that might still turn out
 * to be a key, so a one-line list of millions of items costs gigabytes
 * before the first event arrives; the loader gives the parser only the
 * text before the point where the count passes its limit. */
#ifndef IELINT_VALUE_COUNT_H
#define IELINT_VALUE_COUNT_H

#include <stdbool.h>
#include <stddef.h>

/* The offset where value number limit + 1 starts, or len when there are
 * no more than limit. In JSON every value (key, scalar, array, object) is
 * counted exactly; in YAML only the flow indicators [ { and , outside
 * quotes and comments, which never count more values than there are. */
size_t value_count_cut(const char *data, size_t len, bool json, size_t limit);

#endif
