/* The CompletionItems of a place (assist.h's assist_complete). */
#ifndef IELINT_ASSIST_COMPLETE_H
#define IELINT_ASSIST_COMPLETE_H

#include <cjson/cJSON.h>

#include "assist_target.h"

/* The members of the structure not written yet, where a key is; the
 * allowed values where a value is. An empty array when none fits; NULL
 * when memory runs out. */
cJSON *assist_items(const struct assist_place *place, const struct assist_target *target);

#endif
