/* --help: the usage, made from the option table. */
#ifndef IELINT_HELP_H
#define IELINT_HELP_H

#include <stdio.h>

void help_print(FILE *out);

#endif
