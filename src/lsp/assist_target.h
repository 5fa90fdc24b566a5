/* What a place in a document stands for: the kind of the document and
 * its operation, and the shape (rules/model.h) the place's path leads to
 * in the experiment the document declares. */
#ifndef IELINT_ASSIST_TARGET_H
#define IELINT_ASSIST_TARGET_H

#include <stdbool.h>

#include "assist_locate.h"
#include "assist.h"
#include "check/naming.h"
#include "rules/model.h"

struct assist_target {
	struct document_type type;
	const struct naming *naming;
	/* The shape at the end of the path: the structure a key is written
	 * in, or the value's own shape. */
	const struct shape *shape;
	/* The member the path's last key names, when it names one (not an
	 * entry of a map, nor an item). */
	const struct shape_member *member;
	/* The shape the path's last step is taken in (a map, for an entry's
	 * value), and the member that holds it, when the path has them. */
	const struct shape *parent;
	const struct shape_member *parent_member;
	/* For a request: the operation whose shapes the path was found in,
	 * which is type.op unless the point is under a member of another
	 * request only. */
	enum operation found_op;
};

/* Reads the place of the point and what it stands for; false when the
 * point is on nothing of an experiment. */
bool assist_target_find(const struct assist_point *point, struct assist_place *place,
			struct assist_target *target);

/* The shape a path of the experiment leads to from shape, following
 * depth steps; *member is set when the last step names one. NULL when a
 * step is no member. */
const struct shape *assist_walk(const struct shape *shape, const struct naming *naming,
				const struct assist_segment *path, size_t depth,
				const struct shape_member **member);

#endif
