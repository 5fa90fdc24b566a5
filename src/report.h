/* Reporters: diagnostics out, one format each. */
#ifndef IELINT_REPORT_H
#define IELINT_REPORT_H

#include <stdio.h>

#include "diag.h"

/* FILE:LINE:COL: SEVERITY: MESSAGE [CODE name], the form GCC uses, so
 * editors and CI problem matchers read it. */
void report_text(FILE *out, const char *file, const struct diag_list *diags);

#endif
