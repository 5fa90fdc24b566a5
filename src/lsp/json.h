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

/* cJSON reads a string into a C string, which ends at its first NUL: a
 * document's text with an escaped NUL (\u0000) would be cut there. Before
 * parsing, each such escape in body is made U+FFFF's (the same length),
 * when body holds no U+FFFF of its own; json_nul_restore turns them back
 * in a string that may hold NULs. */
enum json_nul {
	JSON_NUL_NONE,     /* no escaped NUL: nothing changed */
	JSON_NUL_MARKED,   /* each one is U+FFFF now */
	JSON_NUL_UNMARKED, /* escaped NULs, and U+FFFF: nothing changed */
};
enum json_nul json_nul_mark(char *body, size_t len);

/* text's U+FFFF back to NUL, in place; the length of what is left. */
size_t json_nul_restore(char *text);

/* Whether text (a string of a marked body) held a NUL. */
bool json_nul_held(const char *text);

#endif
