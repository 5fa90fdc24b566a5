/* Inline suppressions: # ielint-disable-line RULE[,RULE] at the end of a
 * line, # ielint-disable-next-line RULE[,RULE] on the line above. */
#ifndef IELINT_SUPPRESS_H
#define IELINT_SUPPRESS_H

#include "load/diag.h"
#include "load/node.h"
#include "load/source.h"

/* Drops the diagnostics that the comments of a YAML source suppress, and
 * adds a warning for each suppression that matched nothing. root is the
 * loaded tree (NULL when loading failed: then nothing is suppressed). */
void suppress_apply(const struct source *src, const struct node *root,
		    struct diag_list *diags);

/* Whether this file raises the rule (for the rules' identity test). */
bool suppress_raises(enum rule_id rule);

#endif
