#include "verbose.h"

#include <stdio.h>

#include "base/quote.h"
#include "rules/document_type.h"

void verbose_skipped(const char *path, const char *why)
{
	fputs("ielint: ", stderr);
	quote_print_name(stderr, path);
	fprintf(stderr, ": not checked: %s\n", why);
}

void verbose_checked(const char *path, const struct diag_list *diags)
{
	fputs("ielint: ", stderr);
	quote_print_name(stderr, path);
	fputs(": checked", stderr);
	if (diags->checked)
		fprintf(stderr, " as %s", document_type_phrase(diags->checked_as));
	fputc('\n', stderr);
}

/* Which is otherwise easy to miss behind a clean summary. */
void verbose_none_checked(void)
{
	fputs("ielint: no file to check (directories are searched for .json, .yaml, "
	      ".yml and .tf files, leaving out hidden and excluded ones, and those that "
	      "hold no request, template or Terraform resource of an experiment)\n", stderr);
}
