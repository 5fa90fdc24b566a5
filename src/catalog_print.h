/* The rule catalog printed for people: a table, or a manual page. */
#ifndef IELINT_CATALOG_PRINT_H
#define IELINT_CATALOG_PRINT_H

#include <stdio.h>

/* One line per rule: code, name, default severity, summary. */
void catalog_print_table(FILE *out);

/* The ielint-rules(7) manual page. */
void catalog_print_man(FILE *out, const char *version);

#endif
