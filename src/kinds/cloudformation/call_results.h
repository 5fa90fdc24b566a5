/* What an intrinsic function gives: a string, a list, or a value only
 * the deploy knows the form of; and the rule that holds a call's result
 * to the form its property takes. */
#ifndef IELINT_CALL_RESULTS_H
#define IELINT_CALL_RESULTS_H

#include "intrinsic.h"
#include "resource_check.h"

enum result_kind {
	RESULT_UNKNOWN, /* a resource's Ref, an attribute of unknown type... */
	RESULT_STRING,  /* one value: a string, or a number CloudFormation sends as one */
	RESULT_LIST,    /* a list of strings */
};

enum result_kind call_result_kind(const struct template *template,
				  const struct intrinsic *call);

/* function-result-kind: a string where a list or a structure belongs, or
 * a list where a single value belongs. */
void rule_function_result_kind(struct resource_check *e, const struct node *properties);

#endif
