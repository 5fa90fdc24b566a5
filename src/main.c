/* ielint: an offline linter for Amazon SageMaker UpdateInferenceExperiment
 * request documents. This file is the command line: options in, one pass of
 * the pipeline (read, load, check, report) per file, exit status out. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_print.h"
#include "diag.h"
#include "lint.h"
#include "report.h"
#include "rules.h"
#include "regex.h"
#include "scalar.h"
#include "timestamp.h"

enum exit_status {
	EXIT_CLEAN = 0,    /* no error-level diagnostic */
	EXIT_PROBLEMS = 1, /* at least one error-level diagnostic */
	EXIT_TROUBLE = 2,  /* a usage error, or a file that could not be read */
};

struct totals {
	size_t files;
	size_t unreadable;
	size_t by_severity[3];
	bool out_of_memory;
};

static void usage(FILE *out)
{
	fputs("Usage: ielint [OPTION]... FILE...\n"
	      "Check Amazon SageMaker UpdateInferenceExperiment request documents\n"
	      "(JSON or YAML, as given to aws sagemaker update-inference-experiment)\n"
	      "without calling AWS. FILE - reads standard input.\n"
	      "\n"
	      "Options:\n"
	      "      --input-format=FORMAT  read files as auto (the default: by file\n"
	      "                             extension, else by content), json or yaml\n"
	      "      --rules-dir=DIR        use the rules (catalog.yaml, shapes.json) in\n"
	      "                             DIR instead of those built into the program\n"
	      "      --list-rules[=FORMAT]  list every rule (code, name, severity, summary)\n"
	      "                             as text, or as a manual page with FORMAT man\n"
	      "  -h, --help                 show this help and exit\n"
	      "  -V, --version              show the version and exit\n"
	      "\n"
	      "Each diagnostic is printed as FILE:LINE:COL: SEVERITY: MESSAGE [CODE name];\n"
	      "a summary goes to standard error.\n"
	      "\n"
	      "Exit status: 0 when no error was found, 1 when one was, 2 for a usage\n"
	      "error or a file that could not be read.\n", out);
}

static bool parse_format(const char *text, enum input_format *format)
{
	static const enum input_format formats[] = { INPUT_AUTO, INPUT_JSON, INPUT_YAML };

	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		if (strcmp(text, input_format_name(formats[i])) == 0) {
			*format = formats[i];
			return true;
		}
	}
	return false;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void lint_one(const char *path, const struct lint_options *options,
		     struct totals *totals)
{
	struct diag_list diags;
	const char *name = path, *why = "";

	diag_list_init(&diags);
	totals->files++;
	if (!lint_path(path, options, &diags, &name, &why)) {
		fprintf(stderr, "ielint: %s: cannot read: %s\n", name, why);
		totals->unreadable++;
	}
	report_text(stdout, name, &diags);
	for (int severity = 0; severity < 3; severity++)
		totals->by_severity[severity] += diag_list_count(&diags, (enum severity)severity);
	totals->out_of_memory |= diags.out_of_memory;
	diag_list_free(&diags);
}

static const char *plural(size_t count, const char *one, const char *many)
{
	return count == 1 ? one : many;
}

static void print_summary(const struct totals *totals)
{
	size_t errors = totals->by_severity[SEVERITY_ERROR];
	size_t warnings = totals->by_severity[SEVERITY_WARNING];
	size_t notes = totals->by_severity[SEVERITY_NOTE];

	/* The report first, then the summary, even when both are a terminal. */
	fflush(stdout);
	fprintf(stderr, "ielint: %zu %s, %zu %s, %zu %s in %zu %s",
		errors, plural(errors, "error", "errors"),
		warnings, plural(warnings, "warning", "warnings"),
		notes, plural(notes, "note", "notes"),
		totals->files, plural(totals->files, "file", "files"));
	if (totals->unreadable)
		fprintf(stderr, "; %zu %s could not be read", totals->unreadable,
			plural(totals->unreadable, "file", "files"));
	fputc('\n', stderr);
}

/* Everything cached for the run, so that leak checkers see a clean exit. */
static void release_all(void)
{
	rules_unload();
	scalar_release();
	timestamp_release();
	regex_release_shared();
}

int main(int argc, char **argv)
{
	enum { OPT_INPUT_FORMAT = 256, OPT_RULES_DIR, OPT_LIST_RULES };
	static const struct option long_options[] = {
		{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
		{ "rules-dir", required_argument, NULL, OPT_RULES_DIR },
		{ "list-rules", optional_argument, NULL, OPT_LIST_RULES },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct lint_options options = { INPUT_AUTO, LINT_MAX_FILE_SIZE };
	const char *rules_dir = NULL;
	const char *list_rules = NULL;
	struct totals totals = { 0 };
	char *error = NULL;
	int option;

	while ((option = getopt_long(argc, argv, "hV", long_options, NULL)) != -1) {
		switch (option) {
		case OPT_INPUT_FORMAT:
			if (!parse_format(optarg, &options.format)) {
				fprintf(stderr, "ielint: unknown input format '%s': "
					"use auto, json or yaml\n", optarg);
				return EXIT_TROUBLE;
			}
			break;
		case OPT_RULES_DIR:
			rules_dir = optarg;
			break;
		case OPT_LIST_RULES:
			list_rules = optarg ? optarg : "text";
			if (strcmp(list_rules, "text") != 0 && strcmp(list_rules, "man") != 0) {
				fprintf(stderr, "ielint: unknown rule list format '%s': "
					"use text or man\n", list_rules);
				return EXIT_TROUBLE;
			}
			break;
		case 'h':
			usage(stdout);
			return EXIT_CLEAN;
		case 'V':
			printf("ielint %s\n", PACKAGE_VERSION);
			return EXIT_CLEAN;
		default:
			usage(stderr);
			return EXIT_TROUBLE;
		}
	}
	if (optind == argc && !list_rules) {
		fputs("ielint: no input files (use - to read standard input)\n", stderr);
		usage(stderr);
		return EXIT_TROUBLE;
	}
	if (!rules_load(rules_dir, &error)) {
		fprintf(stderr, "ielint: %s\n", error ? error : "out of memory");
		free(error);
		return EXIT_TROUBLE;
	}
	if (list_rules) {
		if (strcmp(list_rules, "man") == 0)
			catalog_print_man(stdout, PACKAGE_VERSION);
		else
			catalog_print_table(stdout);
		release_all();
		return EXIT_CLEAN;
	}

	/* Diagnostics come out sorted by file, then position. */
	qsort(argv + optind, (size_t)(argc - optind), sizeof *argv, compare_names);
	for (int i = optind; i < argc; i++)
		lint_one(argv[i], &options, &totals);
	print_summary(&totals);

	release_all();
	if (totals.out_of_memory) {
		fputs("ielint: out of memory: some diagnostics were lost\n", stderr);
		return EXIT_TROUBLE;
	}
	if (totals.unreadable)
		return EXIT_TROUBLE;
	return totals.by_severity[SEVERITY_ERROR] ? EXIT_PROBLEMS : EXIT_CLEAN;
}
