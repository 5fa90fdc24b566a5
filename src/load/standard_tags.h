/* What an explicit standard tag (!!int, !!float, ...) makes of a scalar,
 * as the AWS CLI's YAML loader (ruamel.yaml's safe constructors) makes it. */
#ifndef IELINT_STANDARD_TAGS_H
#define IELINT_STANDARD_TAGS_H

#include <stdbool.h>
#include <stddef.h>

#include "node.h"
#include "base/arena.h"

/* Gives the scalar the type and value the tag `suffix` ("float" for
 * tag:yaml.org,2002:float) gives it: `!!float 5` is the number 5.0,
 * `!!int "1_000"` the integer 1000, `!!bool yes` true, `!!null x` null.
 * A number's text becomes the number as the loader reads it (no
 * underscores or surrounding spaces), allocated in arena. Returns false
 * when the loader cannot convert the text (`!!int abc`), or knows no such
 * tag for a scalar, leaving the scalar as it was; also false when memory
 * runs out, with *out_of_memory set. */
bool standard_tag_convert(struct scalar *scalar, const char *suffix, size_t len,
			  struct arena *arena, bool *out_of_memory);

#endif
