/* What the files of the request kind share: request.c defines the kind,
 * choose.c tells which request a document is, resemble.c whether a file
 * a search found is one. */
#ifndef IELINT_REQUEST_PARTS_H
#define IELINT_REQUEST_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "check/state.h"
#include "load/diag.h"
#include "load/node.h"
#include "rules/operation.h"
#include "rules/rules.h"

/* Checks the document as a request of operation op. */
void request_check_as(const struct node *root, enum operation op,
		      const struct experiment_state *state, struct diag_list *diags);

/* Whether key (a string) is a member of the request of operation op. */
bool request_has(enum operation op, const struct node *key);

/* Checks the document as the request its members say it is, and returns
 * which (choose.c). */
enum operation request_choose_and_check(const struct node *root,
					const struct experiment_state *state,
					struct diag_list *diags);

/* Whether this file raises the rule itself (choose.c raises IE115). */
bool request_choose_raises(enum rule_id rule);

/* Whether a file a search found is a request, or a near miss of one
 * (resemble.c): loaded, then by its text. */
bool request_resembles(const struct node *root);
bool request_text_resembles(const char *text, size_t len);

#endif
