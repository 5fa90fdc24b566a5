/* The search for a member's API name in what a check printed, for the
 * tests that show no check prints one under Terraform's naming
 * (kinds/terraform/spelling.h). */
#ifndef IELINT_TESTS_API_NAMES_H
#define IELINT_TESTS_API_NAMES_H

#include <stdbool.h>

/* The first member's API name (of any of the model's shapes) that text
 * holds as a word of its own, or NULL; the caller frees it. With
 * skip_quoted, what is quoted ("...") is passed over: a value from the
 * document, which no naming renames. */
char *api_member_in(const char *text, bool skip_quoted);

#endif
