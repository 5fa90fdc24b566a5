/* Fixes: what a rule offers to write instead of a scalar, written the way
 * the document writes that scalar (plain, single- or double-quoted), so
 * that applying it changes those bytes and nothing else. Each attaches to
 * the last diagnostic of the list, and offers nothing for a value not
 * written where it is reported (a template's Ref), a block scalar or a
 * tagged one. */
#ifndef IELINT_FIX_H
#define IELINT_FIX_H

#include <stdbool.h>
#include <stddef.h>

#include "load/diag.h"

/* A new string value for the scalar, in the scalar's own quoting where it
 * can hold it, else double-quoted. */
void fix_string(struct diag_list *diags, const struct node *node, const char *value,
		size_t len);

/* The scalar's text, quoted: 2030-01-10 becomes "2030-01-10". */
void fix_quote(struct diag_list *diags, const struct node *node);

/* A number or other plain text in place of the scalar: "2" becomes 2. */
void fix_plain(struct diag_list *diags, const struct node *node, const char *text,
	       size_t len);

#endif
