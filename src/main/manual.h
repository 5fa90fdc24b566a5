/* The OPTIONS section of ielint(1), made from the option table: the
 * manual's text of each option, its markup (option_table.h) turned into
 * roff. make update-man puts it into man/ielint.1 (src/tools/options_man.c). */
#ifndef IELINT_MANUAL_H
#define IELINT_MANUAL_H

#include <stdio.h>

/* The section's body, without its .SH line. */
void manual_print_options(FILE *out);

#endif
