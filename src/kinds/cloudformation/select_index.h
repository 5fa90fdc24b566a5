/* select-index: an Fn::Select whose index is no integer, or a literal
 * index outside its literal list. */
#ifndef IELINT_SELECT_INDEX_H
#define IELINT_SELECT_INDEX_H

#include <stdbool.h>

#include "intrinsic.h"
#include "resource_check.h"

/* An index as written: an integer, or a string of an integer, in *value;
 * false for a call or anything else. */
bool select_literal_index(const struct node *index, long long *value);

bool rule_select_index(struct resource_check *e, const struct intrinsic *call);

#endif
