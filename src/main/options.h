/* The command line read into what it asks for, by the option table
 * (option_table.h) and getopt_long. */
#ifndef IELINT_OPTIONS_H
#define IELINT_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "files.h"
#include "fix_files.h"
#include "lint.h"
#include "filter/settings.h"
#include "report/report.h"

enum exit_status {
	EXIT_CLEAN = 0,    /* nothing at or above the failing severity */
	EXIT_PROBLEMS = 1, /* something at or above it */
	EXIT_TROUBLE = 2,  /* a usage error, or a file that could not be read */
};

enum { MAX_VAR_FILES = 64 };

/* Everything the command line asked for. */
struct invocation {
	struct lint_options lint;
	struct rule_settings settings;  /* --disable, --enable, --severity, --fail-on */
	struct report_options report;   /* .version is the program's, for -V too */
	struct file_list files;
	const char *excludes[64];
	const char *rules_dir;
	const char *list_rules;
	const char *explain;
	const char *print_schema; /* --print-schema: an operation, or "request" */
	const char *current;
	const char *previous; /* --previous: the template as it was */
	const char *var_files[MAX_VAR_FILES]; /* --var-file: Terraform's, in order */
	size_t var_file_count;
	const char *config;
	const char *output;
	const char *color;
	bool fix;     /* --fix: write the fixes into the files */
	struct fix_scope fix_scope; /* ... those named, and inside them */
	bool dry_run; /* --dry-run: with --fix, show them as a diff instead */
	const char *stdin_filename; /* --stdin-filename: standard input's name */
	bool quiet;                 /* -q: no summary on standard error */
	bool verbose;               /* -v: say which files are checked, which left out */
	unsigned jobs;              /* -j: threads to lint on; 0 for one a processor */
	bool lsp;                   /* --lsp: serve an editor instead of a run */
	/* The FILE and DIRECTORY operands, after the options. */
	char **operands;
	size_t operand_count;
	/* --disable, --enable and --severity name rules, which can be looked up
	 * only once the catalog is loaded: kept in order until then. */
	struct {
		int option; /* an enum option_id */
		const char *arg;
	} rule_options[64];
	size_t rule_option_count;
};

/* The defaults, before any option: now is the clock. */
void invocation_init(struct invocation *inv, const char *version);

/* Reads argv's options into inv. Returns -1 to go on, or the exit status
 * when the command line is done with: it asked for --help, --version or
 * --completion (printed to standard output), or it is wrong (said on
 * standard error). */
int options_parse(struct invocation *inv, int argc, char **argv);

/* The options that name rules, in the order given, once the rules are in
 * place (--rules-dir). Returns -1 to go on, or the exit status. */
int options_take_rule_options(struct invocation *inv);

/* "ielint: unknown WHAT 'VALUE': use ALLOWED" (or that memory ran out,
 * which is no mistake of the user's); returns EXIT_TROUBLE. */
int options_usage_error(const char *what, const char *value, const char *allowed);

#endif
