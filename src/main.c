/* ielint: an offline linter for Amazon SageMaker UpdateInferenceExperiment
 * request documents. This file is the command line: options in, one pass of
 * the pipeline (read, load, check, report) per file, exit status out. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog_print.h"
#include "check_cross.h"
#include "diag.h"
#include "lint.h"
#include "regex.h"
#include "report.h"
#include "rules.h"
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
	      "The experiment as it is now (for the rules about its status and schedule):\n"
	      "      --status=STATUS        its status: Creating, Created, Updating, Running,\n"
	      "                             Starting, Stopping, Completed or Cancelled\n"
	      "      --current=FILE         its description, as printed by aws sagemaker\n"
	      "                             describe-inference-experiment (JSON or YAML);\n"
	      "                             gives the status, schedule and variants\n"
	      "      --now=TIME             the time to judge the schedule by (ISO 8601 or\n"
	      "                             epoch seconds); the default is the clock\n"
	      "\n"
	      "Input and rules:\n"
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

/* Prints one file's diagnostics and adds them to the totals. */
static void report_file(const char *name, struct diag_list *diags,
			struct totals *totals)
{
	report_text(stdout, name, diags);
	for (int severity = 0; severity < 3; severity++)
		totals->by_severity[severity] += diag_list_count(diags, (enum severity)severity);
	totals->out_of_memory |= diags->out_of_memory;
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
	report_file(name, &diags, totals);
	diag_list_free(&diags);
}

/* Loads --current, reports its own problems, and takes the experiment's
 * state from it: its status, unless --status gave one. */
static void use_current(const char *path, struct lint_options *options,
			struct current_experiment *current, struct totals *totals)
{
	struct diag_list diags;
	const char *name = path, *why = "";
	const struct node *status;

	diag_list_init(&diags);
	totals->files++;
	if (!current_load(current, path, options, &diags, &name, &why)) {
		fprintf(stderr, "ielint: %s: cannot read: %s\n", name, why);
		totals->unreadable++;
	}
	report_file(name, &diags, totals);
	diag_list_free(&diags);

	options->state.current = current->document.root;
	options->state.current_file = name;
	status = node_member(current->document.root, "Status");
	if (!options->state.has_status && node_is_string(status))
		options->state.has_status = status_parse(status->scalar.text,
							 &options->state.status);
}

static void plural_count(size_t count, const char *one, const char *many)
{
	fprintf(stderr, "%zu %s", count, count == 1 ? one : many);
}

static void print_summary(const struct totals *totals)
{
	/* The report first, then the summary, even when both are a terminal. */
	fflush(stdout);
	fputs("ielint: ", stderr);
	plural_count(totals->by_severity[SEVERITY_ERROR], "error", "errors");
	fputs(", ", stderr);
	plural_count(totals->by_severity[SEVERITY_WARNING], "warning", "warnings");
	fputs(", ", stderr);
	plural_count(totals->by_severity[SEVERITY_NOTE], "note", "notes");
	fputs(" in ", stderr);
	plural_count(totals->files, "file", "files");
	if (totals->unreadable) {
		fputs("; ", stderr);
		plural_count(totals->unreadable, "file", "files");
		fputs(" could not be read", stderr);
	}
	fputc('\n', stderr);
}

/* Everything cached for the run, so that leak checkers see a clean exit. */
static void release_all(void)
{
	rules_unload();
	scalar_release();
	timestamp_release();
	check_cross_release();
	regex_release_shared();
}

static int usage_error(const char *what, const char *value, const char *allowed)
{
	fprintf(stderr, "ielint: unknown %s '%s': use %s\n", what, value, allowed);
	return EXIT_TROUBLE;
}

int main(int argc, char **argv)
{
	enum {
		OPT_INPUT_FORMAT = 256, OPT_RULES_DIR, OPT_LIST_RULES, OPT_STATUS,
		OPT_CURRENT, OPT_NOW,
	};
	static const struct option long_options[] = {
		{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
		{ "rules-dir", required_argument, NULL, OPT_RULES_DIR },
		{ "list-rules", optional_argument, NULL, OPT_LIST_RULES },
		{ "status", required_argument, NULL, OPT_STATUS },
		{ "current", required_argument, NULL, OPT_CURRENT },
		{ "now", required_argument, NULL, OPT_NOW },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct lint_options options = { INPUT_AUTO, LINT_MAX_FILE_SIZE, { 0 } };
	struct current_experiment current = { 0 };
	const char *rules_dir = NULL, *list_rules = NULL, *current_path = NULL;
	struct totals totals = { 0 };
	char *error = NULL;
	int option;

	options.state.now = (double)time(NULL);
	while ((option = getopt_long(argc, argv, "hV", long_options, NULL)) != -1) {
		switch (option) {
		case OPT_INPUT_FORMAT:
			if (!parse_format(optarg, &options.format))
				return usage_error("input format", optarg, "auto, json or yaml");
			break;
		case OPT_RULES_DIR:
			rules_dir = optarg;
			break;
		case OPT_LIST_RULES:
			list_rules = optarg ? optarg : "text";
			if (strcmp(list_rules, "text") != 0 && strcmp(list_rules, "man") != 0)
				return usage_error("rule list format", list_rules, "text or man");
			break;
		case OPT_STATUS:
			if (!status_parse(optarg, &options.state.status))
				return usage_error("status", optarg,
						   "Creating, Created, Updating, Running, "
						   "Starting, Stopping, Completed or Cancelled");
			options.state.has_status = true;
			break;
		case OPT_CURRENT:
			current_path = optarg;
			break;
		case OPT_NOW:
			if (!timestamp_parse(optarg, strlen(optarg), &options.state.now))
				return usage_error("time", optarg,
						   "ISO 8601 (2030-01-10T00:00:00Z) or epoch seconds");
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
		release_all();
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

	if (current_path)
		use_current(current_path, &options, &current, &totals);
	/* Diagnostics come out sorted by file, then position. */
	qsort(argv + optind, (size_t)(argc - optind), sizeof *argv, compare_names);
	for (int i = optind; i < argc; i++)
		lint_one(argv[i], &options, &totals);
	print_summary(&totals);

	current_free(&current);
	release_all();
	if (totals.out_of_memory) {
		fputs("ielint: out of memory: some diagnostics were lost\n", stderr);
		return EXIT_TROUBLE;
	}
	if (totals.unreadable)
		return EXIT_TROUBLE;
	return totals.by_severity[SEVERITY_ERROR] ? EXIT_PROBLEMS : EXIT_CLEAN;
}
