/* Cross-field rules: between members, and against the experiment's state. */
#ifndef IELINT_CHECK_CROSS_H
#define IELINT_CHECK_CROSS_H

#include "naming.h"
#include "state.h"
#include "rules/document_type.h"
#include "load/diag.h"
#include "load/node.h"

/* The rules for experiments of this type, as the catalog says. The
 * request is keyed by the API's member names; the members and paths the
 * messages print are spelt by naming (naming_api for a request or a
 * template). */
void check_cross(const struct node *request, struct document_type type,
		 const struct naming *naming,
		 const struct experiment_state *state, struct diag_list *diags);

/* Whether one of the cross-field rules is this rule. */
bool check_cross_raises(enum rule_id rule);

/* Whether the request's Name is not that of the experiment described
 * (--current): then nothing is compared with it. */
bool names_another(const struct node *request, const struct node *described);

/* Releases the expressions some rules compile on first use. */
void check_cross_release(void);

struct regex;
/* The patterns the cross-field rules match with (cross_storage.c), ending
 * with NULL: the build compiles them ahead (see regex_use_built). */
extern struct regex *const cross_regexes[];

#endif
