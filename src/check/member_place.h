/* Where a member written in the wrong place belongs, for "did you mean
 * Schedule.EndTime?": the one place in the request's structures that has
 * a member of that name. */
#ifndef IELINT_MEMBER_PLACE_H
#define IELINT_MEMBER_PLACE_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/model.h"

/* The path of the one member named name below shape ("Schedule.EndTime"),
 * else of the one below top, the request's own shape (*at_root then set);
 * NULL when there is no such place, or more than one, or memory ran out.
 * Lists and maps are not searched: their items have no one place. The
 * caller frees the path. */
char *member_place(const struct shape *shape, const struct shape *top, const char *name,
		   size_t len, bool *at_root);

#endif
