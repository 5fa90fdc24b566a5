/* How an unquoted scalar is typed, the way the AWS CLI types it: YAML 1.2
 * core resolution plus YAML 1.1 timestamps for YAML, plain JSON for JSON. */
#ifndef IELINT_SCALAR_H
#define IELINT_SCALAR_H

#include <stdbool.h>
#include <stddef.h>

#include "node.h"

enum scalar_type scalar_resolve_yaml(const char *text, size_t len);
enum scalar_type scalar_resolve_json(const char *text, size_t len);

/* The value of an integer written in YAML (signs, underscores, 0b/0o/0x)
 * or JSON. Returns false when it does not fit in a long long. */
bool scalar_parse_int(const char *text, size_t len, long long *value);

/* Releases the compiled patterns (they are compiled on first use). */
void scalar_release(void);

struct regex;
/* The patterns plain scalars are typed matches with, ending with NULL: the build compiles
 * them ahead (see regex_use_built). */
extern struct regex *const scalar_regexes[];

#endif
