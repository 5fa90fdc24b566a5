/* A run over the files the command line names: the report opened, every
 * file linted into it, the report put in place and the summary said. */
#ifndef IELINT_RUN_H
#define IELINT_RUN_H

#include "options.h"

/* Returns the exit status. */
int run_lint(struct invocation *inv);

#endif
