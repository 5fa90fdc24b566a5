/* A naming in snake_case, as Terraform spells the members (InstanceType
 * as instance_type), for the tests that show no check prints a member's
 * API name itself; and the search for such a name in what a check
 * printed. */
#ifndef IELINT_TESTS_SNAKE_NAMING_H
#define IELINT_TESTS_SNAKE_NAMING_H

#include <stdbool.h>

#include "check/naming.h"

extern const struct naming snake_naming;

/* Lets go of the spellings made so far (a naming's texts live until then). */
void snake_naming_forget(void);

/* The first member's API name (of any of the model's shapes) that text
 * holds as a word of its own, or NULL; the caller frees it. With
 * skip_quoted, what is quoted ("...") is passed over: a value from the
 * document, which no naming renames. */
char *api_member_in(const char *text, bool skip_quoted);

#endif
