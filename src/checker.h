/* The checker: a loaded request in, diagnostics out. */
#ifndef IELINT_CHECKER_H
#define IELINT_CHECKER_H

#include "diag.h"
#include "node.h"

/* Checks a request (the root mapping of a loaded document): first every
 * member against its documented shape, then the rules across members. */
void check_request(const struct node *root, struct diag_list *diags);

#endif
