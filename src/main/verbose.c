#include "verbose.h"

#include <stdio.h>

#include "base/quote.h"
#include "rules/operation.h"

void verbose_skipped(const char *path, const char *why)
{
	fputs("ielint: ", stderr);
	quote_print_name(stderr, path);
	fprintf(stderr, ": not checked: %s\n", why);
}

void verbose_checked(const char *path, int operation)
{
	fputs("ielint: ", stderr);
	quote_print_name(stderr, path);
	fputs(": checked", stderr);
	if (operation == OPERATION_CLOUDFORMATION)
		fputs(" as a CloudFormation template", stderr);
	else if (operation >= 0)
		fprintf(stderr, " as %s %s request", operation == OPERATION_UPDATE ? "an" : "a",
			operation_name((enum operation)operation));
	fputc('\n', stderr);
}

/* Which is otherwise easy to miss behind a clean summary. */
void verbose_none_checked(void)
{
	fputs("ielint: no file to check (directories are searched for .json, .yaml and "
	      ".yml files, leaving out hidden and excluded ones, and those that hold no "
	      "request or template)\n", stderr);
}
