/* A shape's type and constraints in Markdown, for an editor's hover and
 * the documentation of a completion. */
#ifndef IELINT_ASSIST_DESCRIBE_H
#define IELINT_ASSIST_DESCRIBE_H

#include "assist_target.h"
#include "rules/model.h"

/* "string", "integer", "list", ...: the type of the shape's values. */
const char *assist_type_word(const struct shape *shape);

/* The description of a value of shape in the target's document: what the
 * member (or NULL, for an entry or an item) is and must be, titled with
 * its name when title is not NULL, role (", a key of ...") after its type
 * when not NULL. NULL when memory runs out; the caller frees. */
char *assist_describe(const char *title, const char *role, const struct shape_member *member,
		      const struct shape *shape, const struct assist_target *target);

#endif
