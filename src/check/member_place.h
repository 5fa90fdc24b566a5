/* Where a member written in the wrong place belongs, for "did you mean
 * Schedule.EndTime?": the one place in the request's structures that has
 * a member of that name. Names and the path are the document's (naming.h):
 * "schedule.end_time" where the document spells members so. */
#ifndef IELINT_MEMBER_PLACE_H
#define IELINT_MEMBER_PLACE_H

#include <stdbool.h>
#include <stddef.h>

#include "naming.h"
#include "rules/model.h"

/* The path of the one member named name below shape ("Schedule.EndTime"),
 * else of the one below top, the request's own shape (*at_root then set);
 * NULL when there is no such place, or more than one, or memory ran out.
 * name is a member's API name or its spelling by naming; the path is
 * spelled by naming. Lists and maps are not searched: their items have no
 * one place. The caller frees the path. */
char *member_place(const struct shape *shape, const struct shape *top,
		   const struct naming *naming, const char *name, size_t len, bool *at_root);

#endif
