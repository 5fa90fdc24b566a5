/* Request documents: the body of one create, update or stop request. */
#ifndef IELINT_REQUEST_H
#define IELINT_REQUEST_H

#include "kinds/kind.h"

extern const struct kind kind_request;

/* Whether this kind raises the rule itself (for the rules' identity test). */
bool request_kind_raises(enum rule_id rule);

#endif
