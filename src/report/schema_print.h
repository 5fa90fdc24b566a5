/* A JSON Schema (draft-07) of a request, made from the shapes of rules/,
 * for editors' completion, hover and checks as the document is typed, and
 * for JSON Schema validators. It says what one value alone may be: the
 * cross-field rules and the experiment's state are ielint's alone. */
#ifndef IELINT_SCHEMA_PRINT_H
#define IELINT_SCHEMA_PRINT_H

#include <stdbool.h>
#include <stdio.h>

#include "rules/operation.h"

/* The schema of one request (create, update or stop), with its $id under
 * home (the project's address). False when memory runs out. */
bool schema_print_request(FILE *out, enum operation op, const char *home);

/* The schema of a document that is any of the three requests: anyOf the
 * three. */
bool schema_print_any(FILE *out, const char *home);

#endif
