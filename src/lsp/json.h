/* Building cJSON trees without leaks when memory runs out: each function
 * takes the item it is given, and frees it when it cannot be attached, so
 * that a caller frees only its root. */
#ifndef IELINT_LSP_JSON_H
#define IELINT_LSP_JSON_H

#include <cjson/cJSON.h>
#include <stdbool.h>

/* item under key in object; false (item freed) when either is NULL or
 * memory runs out. */
bool json_put(cJSON *object, const char *key, cJSON *item);

/* item at the end of array; the same. */
bool json_push(cJSON *array, cJSON *item);

#endif
