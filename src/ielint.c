/* ielint: an offline linter for Amazon SageMaker inference experiments:
 * create, update and stop requests, CloudFormation templates and Terraform
 * configurations. This file is the program's start, above both of its
 * front ends: the command line read (main/options.c), the rules put in
 * place, then the rules or the schema printed, the files linted
 * (main/run.c) or an editor served (lsp/); the exit status out. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "main/options.h"
#include "main/rules_files.h"
#include "main/run.h"
#include "main/standard_fds.h"
#include "lsp/lsp.h"
#include "base/memory.h"
#include "base/regex.h"
#include "check/check_cross.h"
#include "check/timestamp.h"
#include "load/scalar.h"
#include "report/catalog_print.h"
#include "report/schema_print.h"
#include "rules/rules.h"

/* Everything cached for the run, so that leak checkers see a clean exit. */
static void release_all(void)
{
	rules_files_release();
	rules_release();
	scalar_release();
	timestamp_release();
	check_cross_release();
	regex_release_thread();
}

static int print_rules(const struct invocation *inv)
{
	enum rule_id id;

	if (inv->explain) {
		if (!rule_lookup(inv->explain, &id))
			return options_usage_error("rule", inv->explain,
						   "a code or name from ielint --list-rules");
		catalog_print_rule(stdout, id);
	} else if (strcmp(inv->list_rules, "man") == 0) {
		catalog_print_man(stdout, PACKAGE_VERSION);
	} else if (strcmp(inv->list_rules, "markdown") == 0) {
		if (!catalog_print_markdown(stdout)) {
			fputs("ielint: out of memory\n", stderr);
			return EXIT_TROUBLE;
		}
	} else {
		catalog_print_table(stdout);
	}
	return EXIT_CLEAN;
}

/* --print-schema: of one request, or of any. */
static int print_schema(const char *which)
{
	enum operation op;
	bool ok = operation_parse(which, &op)
		  ? schema_print_request(stdout, op, PACKAGE_URL)
		  : schema_print_any(stdout, PACKAGE_URL);

	if (ok && !mem_shortage_take())
		return EXIT_CLEAN;
	fputs("ielint: out of memory\n", stderr);
	return EXIT_TROUBLE;
}

/* What went to standard output must have arrived: a full disk or a closed
 * pipe fails the run, as it does a report. A closed pipe (ielint | head)
 * is the reader's choice, and says nothing. */
static int check_stdout(int status)
{
	/* A write that failed already (a long --help fills the buffer more
	 * than once) left the reason in errno, and the buffer empty: fflush
	 * then has nothing to write and no reason of its own to give. */
	int earlier = ferror(stdout) ? errno : 0;
	int error;

	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	error = errno ? errno : earlier ? earlier : EIO;
	if (error != EPIPE)
		fprintf(stderr, "ielint: cannot write to standard output: %s\n", strerror(error));
	return EXIT_TROUBLE;
}

int main(int argc, char **argv)
{
	struct invocation inv;
	char *error = NULL;
	int status;

	/* Before anything is opened. */
	if (!standard_fds_hold()) {
		fputs("ielint: cannot open /dev/null in place of a closed standard input, "
		      "output or error\n", stderr);
		return EXIT_TROUBLE;
	}
	invocation_init(&inv, PACKAGE_VERSION);
	/* The built-in rules, and the patterns built with them, which options
	 * such as --now use already; --rules-dir replaces the rules later. */
	rules_use_embedded();

	/* getopt names the program by argv[0] in its messages; every other
	 * message says "ielint:", whatever path ran it. */
	argv[0] = (char *)"ielint";
	/* A line at a time: the summary is one write, not one for each part. */
	setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
	if ((status = options_parse(&inv, argc, argv)) >= 0)
		return check_stdout(status);
	if (inv.rules_dir && !rules_files_load(inv.rules_dir, &error)) {
		fprintf(stderr, "ielint: %s\n", error ? error : "out of memory");
		free(error);
		release_all();
		return EXIT_TROUBLE;
	}
	if ((status = options_take_rule_options(&inv)) < 0)
		status = inv.print_schema ? check_stdout(print_schema(inv.print_schema))
			 : inv.list_rules || inv.explain ? check_stdout(print_rules(&inv))
			 : inv.lsp ? lsp_serve(&inv)
				   : run_lint(&inv);
	file_list_free(&inv.files);
	release_all();
	return status;
}
