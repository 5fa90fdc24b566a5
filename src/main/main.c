/* ielint: an offline linter for Amazon SageMaker inference experiment
 * requests (create, update, stop) and the experiments of CloudFormation
 * templates. This file is the command line: options in, one pass of
 * the pipeline (read, load, check, report) per file, exit status out. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "completion.h"
#include "config.h"
#include "files.h"
#include "fix_files.h"
#include "lint.h"
#include "output.h"
#include "pool.h"
#include "rules_files.h"
#include "standard_fds.h"
#include "base/format.h"
#include "base/memory.h"
#include "base/quote.h"
#include "base/regex.h"
#include "check/check_cross.h"
#include "filter/settings.h"
#include "check/timestamp.h"
#include "load/scalar.h"
#include "report/catalog_print.h"
#include "report/report.h"
#include "report/schema_print.h"
#include "rules/rules.h"

enum exit_status {
	EXIT_CLEAN = 0,    /* nothing at or above the failing severity */
	EXIT_PROBLEMS = 1, /* something at or above it */
	EXIT_TROUBLE = 2,  /* a usage error, or a file that could not be read */
};

/* Everything the command line asked for. */
struct invocation {
	struct lint_options lint;
	struct rule_settings settings;  /* --disable, --enable, --severity, --fail-on */
	struct report_options report;
	struct file_list files;
	const char *excludes[64];
	const char *rules_dir;
	const char *list_rules;
	const char *explain;
	const char *print_schema; /* --print-schema: an operation, or "request" */
	const char *current;
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
	/* --disable, --enable and --severity name rules, which can be looked up
	 * only once the catalog is loaded: kept in order until then. */
	struct {
		int option;
		const char *arg;
	} rule_options[64];
	size_t rule_option_count;
};

/* What the run found, for the summary and the exit status. */
struct totals {
	size_t files;
	size_t unreadable;
	size_t unsearched; /* directories */
	size_t by_severity[3];
	bool failed; /* a diagnostic at or above its file's failing severity */
	bool out_of_memory;
	struct fix_totals fixes;
	bool plan_needs_current; /* --plan met an update or stop request */
	bool report_over_config; /* -o names a .ielint.yaml the run found */
};

static void usage(FILE *out)
{
	fputs("Usage: ielint [OPTION]... FILE|DIRECTORY...\n"
	      "Check Amazon SageMaker inference experiment requests (JSON or YAML, as\n"
	      "given to aws sagemaker create-, update- or stop-inference-experiment)\n"
	      "and the AWS::SageMaker::InferenceExperiment resources of CloudFormation\n"
	      "templates, without calling AWS. Directories are searched for *.json,\n"
	      "*.yaml and *.yml files, of which those that hold a request or a\n"
	      "template are checked; - reads standard input.\n"
	      "\n"
	      "      --operation=OP         the files are create, update or stop requests,\n"
	      "                             or cloudformation templates; by default each\n"
	      "                             document says by its members, and one that\n"
	      "                             could be two requests is the one under which\n"
	      "                             it has the fewest errors\n"
	      "\n"
	      "The experiment as it is now (for the rules about its status and schedule):\n"
	      "      --status=STATUS        its status: Creating, Created, Updating, Running,\n"
	      "                             Starting, Stopping, Completed or Cancelled\n"
	      "      --current=FILE         its description, as printed by aws sagemaker\n"
	      "                             describe-inference-experiment (JSON or YAML);\n"
	      "                             gives the status, schedule and variants\n"
	      "      --now=TIME             the time to judge the schedule by (ISO 8601 or\n"
	      "                             epoch seconds); the default is the clock\n"
	      "      --plan                 say what each request would change, member by\n"
	      "                             member (update and stop requests against\n"
	      "                             --current), after the diagnostics\n"
	      "\n"
	      "Rules:\n"
	      "      --disable=RULE[,RULE]  turn rules off (codes such as IE205, or names)\n"
	      "      --enable=RULE[,RULE]   turn rules back on\n"
	      "      --severity=RULE=LEVEL  report a rule as error, warning or note\n"
	      "      --fail-on=LEVEL        exit 1 when a diagnostic is at least LEVEL\n"
	      "                             (error, the default, or warning or note)\n"
	      "      --config=FILE          read settings from FILE instead of the\n"
	      "                             .ielint.yaml found above each file\n"
	      "      --list-rules[=FORMAT]  list every rule (code, name, severity, summary)\n"
	      "                             as text, or as a manual page with FORMAT man,\n"
	      "                             or as the rules page with FORMAT markdown\n"
	      "      --explain=RULE         show a rule's help, with examples\n"
	      "      --print-schema[=OPERATION]\n"
	      "                             print a JSON Schema of a create, update or\n"
	      "                             stop request, for editors; without\n"
	      "                             OPERATION, of any of the three\n"
	      "      --rules-dir=DIR        use the rules (catalog.yaml, shapes.json) in\n"
	      "                             DIR instead of those built into the program\n"
	      "\n"
	      "Input and output:\n"
	      "      --input-format=FORMAT  read files as auto (the default: by file\n"
	      "                             extension, else by content), json or yaml\n"
	      "      --exclude=GLOB         skip files and directories matching GLOB\n"
	      "  -f, --format=FORMAT        text (the default), json, sarif, github,\n"
	      "                             markdown (a summary for a pull request),\n"
	      "                             diff (the fixes, as a unified diff),\n"
	      "                             codequality (GitLab Code Quality) or junit\n"
	      "  -o, --output=FILE          write the report to FILE (replaced whole at\n"
	      "                             the end) instead of standard output\n"
	      "      --color=WHEN           colour the text report: auto (on a terminal,\n"
	      "                             unless NO_COLOR is set), always or never\n"
	      "      --show-source          show the offending line under each diagnostic\n"
	      "      --fix                  write the fixes ielint is certain of into the\n"
	      "                             files (only the bytes fixed change), then report\n"
	      "                             what remains\n"
	      "      --dry-run              with --fix, print the fixes as a unified diff\n"
	      "                             and change nothing (the same as -f diff)\n"
	      "      --stdin-filename=NAME  report standard input (-, or no FILE at all)\n"
	      "                             as NAME, with the settings of NAME's\n"
	      "                             directory; its extension picks the format\n"
	      "  -j, --jobs=N               lint on N threads (1 to 256); by default one\n"
	      "                             for each processor; the report is the same\n"
	      "                             whatever N\n"
	      "  -q, --quiet                print no summary on standard error\n"
	      "  -v, --verbose              say on standard error which files are checked\n"
	      "                             and why a directory's other files are not\n"
	      "                             (such as those that hold no request)\n"
	      "      --completion=SHELL     print the completion script for bash or zsh\n"
	      "  -h, --help                 show this help and exit\n"
	      "  -V, --version              show the version and exit\n"
	      "\n"
	      "The text report has one line per diagnostic,\n"
	      "FILE:LINE:COL: SEVERITY: MESSAGE [CODE name], and a summary on standard\n"
	      "error.\n"
	      "\n"
	      "Exit status: 0 when nothing reached the failing severity, 1 when\n"
	      "something did, 2 for a usage error or a file that could not be read.\n", out);
}

/* --verbose: a file that a directory search left out, and why. */
static void print_skipped(const char *path, const char *why)
{
	fputs("ielint: ", stderr);
	quote_print_name(stderr, path);
	fprintf(stderr, ": not checked: %s\n", why);
}

/* --verbose: a file that is checked, and what as, when it loaded. */
static void print_checked(const char *path, const struct diag_list *diags)
{
	fputs("ielint: ", stderr);
	quote_print_name(stderr, path);
	fputs(": checked", stderr);
	if (diags->checked)
		fprintf(stderr, " as %s", document_type_phrase(diags->checked_as));
	fputc('\n', stderr);
}

/* --verbose: that no file was left to check, which is otherwise easy to
 * miss behind a clean summary. */
static void print_none_checked(void)
{
	fputs("ielint: no file to check (directories are searched for .json, .yaml and "
	      ".yml files, leaving out hidden and excluded ones, and those that hold no "
	      "request or template)\n", stderr);
}

/* A value that could not be read for want of memory is not the user's
 * mistake. */
static int usage_error(const char *what, const char *value, const char *allowed)
{
	if (mem_shortage_take())
		fputs("ielint: out of memory\n", stderr);
	else
		fprintf(stderr, "ielint: unknown %s '%s': use %s\n", what, value, allowed);
	return EXIT_TROUBLE;
}

static bool parse_input_format(const char *text, enum input_format *format)
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

enum {
	OPT_INPUT_FORMAT = 256, OPT_RULES_DIR, OPT_LIST_RULES, OPT_STATUS, OPT_CURRENT,
	OPT_NOW, OPT_DISABLE, OPT_ENABLE, OPT_SEVERITY, OPT_FAIL_ON, OPT_CONFIG, OPT_OPERATION,
	OPT_EXPLAIN, OPT_EXCLUDE, OPT_COLOR, OPT_SHOW_SOURCE, OPT_FIX, OPT_DRY_RUN, OPT_PLAN,
	OPT_STDIN_FILENAME, OPT_QUIET, OPT_COMPLETION,
	OPT_PRINT_SCHEMA,
};

static const struct option long_options[] = {
	{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
	{ "rules-dir", required_argument, NULL, OPT_RULES_DIR },
	{ "list-rules", optional_argument, NULL, OPT_LIST_RULES },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "print-schema", optional_argument, NULL, OPT_PRINT_SCHEMA },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "current", required_argument, NULL, OPT_CURRENT },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "plan", no_argument, NULL, OPT_PLAN },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "severity", required_argument, NULL, OPT_SEVERITY },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "operation", required_argument, NULL, OPT_OPERATION },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "exclude", required_argument, NULL, OPT_EXCLUDE },
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "show-source", no_argument, NULL, OPT_SHOW_SOURCE },
	{ "fix", no_argument, NULL, OPT_FIX },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME },
	{ "quiet", no_argument, NULL, 'q' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "completion", required_argument, NULL, OPT_COMPLETION },
	{ NULL, 0, NULL, 0 },
};

/* --completion=SHELL: the script, made from the options and the help. */
static int print_completion(const char *shell)
{
	char *help = NULL;
	size_t help_len = 0;
	FILE *text = open_memstream(&help, &help_len);
	bool known;

	if (!text) {
		fputs("ielint: out of memory\n", stderr);
		return EXIT_TROUBLE;
	}
	usage(text);
	if (fclose(text) != 0) {
		free(help);
		fputs("ielint: out of memory\n", stderr);
		return EXIT_TROUBLE;
	}
	known = completion_print(stdout, shell, long_options, help);
	free(help);
	return known ? EXIT_CLEAN : usage_error("shell", shell, "bash or zsh");
}

/* Options whose value names rules are checked once the catalog is loaded;
 * the rest here. Returns -1 to go on, or the exit status. */
static int take_option(struct invocation *inv, int option, const char *arg)
{
	switch (option) {
	case OPT_INPUT_FORMAT:
		if (!parse_input_format(arg, &inv->lint.format))
			return usage_error("input format", arg, "auto, json or yaml");
		return -1;
	case OPT_RULES_DIR:
		inv->rules_dir = arg;
		return -1;
	case OPT_LIST_RULES:
		inv->list_rules = arg ? arg : "text";
		if (strcmp(inv->list_rules, "text") != 0 && strcmp(inv->list_rules, "man") != 0 &&
		    strcmp(inv->list_rules, "markdown") != 0)
			return usage_error("rule list format", inv->list_rules,
					   "text, man or markdown");
		return -1;
	case OPT_EXPLAIN:
		inv->explain = arg;
		return -1;
	case OPT_PRINT_SCHEMA: {
		enum operation op;
		inv->print_schema = arg ? arg : "request";
		if (arg && !operation_parse(arg, &op))
			return usage_error("request", arg, "create, update or stop");
		return -1;
	}
	case OPT_STATUS:
		if (!status_parse(arg, &inv->lint.state.status))
			return usage_error("status", arg, "Creating, Created, Updating, Running, "
					   "Starting, Stopping, Completed or Cancelled");
		inv->lint.state.has_status = true;
		return -1;
	case OPT_CURRENT:
		inv->current = arg;
		return -1;
	case OPT_NOW:
		if (!timestamp_parse(arg, strlen(arg), &inv->lint.state.now))
			return usage_error("time", arg,
					   "ISO 8601 (2030-01-10T00:00:00Z) or epoch seconds, "
					   "of the years 1 to 9999");
		return -1;
	case OPT_PLAN:
		inv->lint.plan = true;
		return -1;
	case OPT_DISABLE:
	case OPT_ENABLE:
	case OPT_SEVERITY:
		if (inv->rule_option_count == sizeof inv->rule_options / sizeof *inv->rule_options) {
			fputs("ielint: too many rule options\n", stderr);
			return EXIT_TROUBLE;
		}
		inv->rule_options[inv->rule_option_count].option = option;
		inv->rule_options[inv->rule_option_count++].arg = arg;
		return -1;
	case OPT_OPERATION:
		if (!settings_parse_operation(&inv->settings, arg))
			return usage_error("operation", arg, "create, update, stop or cloudformation");
		return -1;
	case OPT_FAIL_ON:
		if (!settings_parse_fail_on(&inv->settings, arg))
			return usage_error("level", arg, "error, warning or note");
		return -1;
	case OPT_CONFIG:
		inv->config = arg;
		return -1;
	case OPT_EXCLUDE:
		if (inv->files.exclude_count == sizeof inv->excludes / sizeof *inv->excludes) {
			fputs("ielint: too many --exclude options\n", stderr);
			return EXIT_TROUBLE;
		}
		inv->excludes[inv->files.exclude_count++] = arg;
		return -1;
	case 'f':
		if (!report_format_parse(arg, &inv->report.format))
			return usage_error("format", arg, "text, json, sarif, github, markdown, diff, "
					    "codequality or junit");
		return -1;
	case 'o':
		inv->output = arg;
		return -1;
	case OPT_COLOR:
		if (strcmp(arg, "auto") != 0 && strcmp(arg, "always") != 0 &&
		    strcmp(arg, "never") != 0)
			return usage_error("colour choice", arg, "auto, always or never");
		inv->color = arg;
		return -1;
	case OPT_SHOW_SOURCE:
		inv->report.show_source = true;
		return -1;
	case OPT_FIX:
		inv->fix = true;
		return -1;
	case OPT_DRY_RUN:
		inv->dry_run = true;
		return -1;
	case OPT_STDIN_FILENAME:
		inv->stdin_filename = arg;
		inv->lint.stdin_name = arg;
		return -1;
	case 'q':
		inv->quiet = true;
		return -1;
	case 'j': {
		char *end;
		unsigned long jobs = strtoul(arg, &end, 10);
		if (*arg < '0' || *arg > '9' || *end || jobs < 1 || jobs > 256)
			return usage_error("number of jobs", arg, "a number from 1 to 256");
		inv->jobs = (unsigned)jobs;
		return -1;
	}
	case 'v':
		inv->verbose = true;
		inv->files.on_skip = print_skipped;
		return -1;
	case OPT_COMPLETION:
		return print_completion(arg);
	case 'h':
		usage(stdout);
		return EXIT_CLEAN;
	case 'V':
		printf("ielint %s\n", PACKAGE_VERSION);
		return EXIT_CLEAN;
	default:
		/* getopt has named the option; the whole usage would bury that. */
		fputs("Try 'ielint --help' for more information.\n", stderr);
		return EXIT_TROUBLE;
	}
}

/* The rule options, in the order given, once rule names can be looked up.
 * Returns -1 to go on, or the exit status. */
static int take_rule_options(struct invocation *inv)
{
	for (size_t i = 0; i < inv->rule_option_count; i++) {
		int option = inv->rule_options[i].option;
		const char *arg = inv->rule_options[i].arg;
		bool ok = option == OPT_SEVERITY
			? settings_parse_severity(&inv->settings, arg)
			: settings_parse_rules(&inv->settings, arg, option == OPT_ENABLE);
		if (!ok) {
			fprintf(stderr, "ielint: '%s' names no rule (or no level): rules are "
				"codes or names from ielint --list-rules, levels error, "
				"warning or note\n", arg);
			return EXIT_TROUBLE;
		}
	}
	return -1;
}

static bool use_color(const char *choice, const struct output *out)
{
	const char *no_color = getenv("NO_COLOR");

	if (choice && strcmp(choice, "always") == 0)
		return true;
	if (choice && strcmp(choice, "never") == 0)
		return false;
	return !out->path && isatty(fileno(stdout)) && !(no_color && *no_color);
}

/* ---- linting ------------------------------------------------------------ */

static void count(struct totals *totals, const struct diag_list *diags,
		  enum severity fail_on)
{
	for (size_t i = 0; i < diags->count; i++) {
		totals->by_severity[diags->items[i].severity]++;
		if (diags->items[i].severity >= fail_on)
			totals->failed = true;
	}
	totals->out_of_memory |= diags->out_of_memory;
}

/* "ielint: NAME: cannot read: WHY" on standard error, the name escaped. */
static void print_unreadable(const char *name, const char *what, const char *why)
{
	fputs("ielint: ", stderr);
	quote_print_name(stderr, name);
	fprintf(stderr, ": %s: %s\n", what, why);
}

/* Reports a config file's own problems, the first time it is used. */
static void report_config(struct reporter *reporter, struct config *config,
			  struct totals *totals)
{
	if (!config || config->reported)
		return;
	config->reported = true;
	if (!config->readable) {
		print_unreadable(config->path, "cannot read", config->why);
		report_unreadable(reporter, config->path, config->why);
		totals->unreadable++;
		return;
	}
	report_file(reporter, config->path, NULL, &config->diags);
	count(totals, &config->diags, SEVERITY_ERROR);
}

/* The settings for one file: its config file's, then the command line's.
 * Returns the config file, whose problems are reported with the file's. */
static struct config *find_settings(const struct invocation *inv,
				    struct config_finder *finder, const char *path,
				    struct rule_settings *settings)
{
	struct config *config = config_for(finder, path);

	settings_init(settings);
	config_settings_for(config, path, settings);
	settings_merge(settings, &inv->settings);
	return config;
}

/* The problems of a file's config and of the first `known` configs found
 * (those ignored on the way up say so), each once. */
static void report_configs(struct reporter *reporter, struct config_finder *finder,
			   size_t known, struct config *config, struct totals *totals)
{
	for (size_t i = 0; i < known; i++)
		if (finder->configs[i]->ignored)
			report_config(reporter, finder->configs[i], totals);
	report_config(reporter, config, totals);
}

static void settings_for(const struct invocation *inv, struct config_finder *finder,
			 struct reporter *reporter, struct totals *totals,
			 const char *path, struct rule_settings *settings)
{
	struct config *config = find_settings(inv, finder, path, settings);

	report_configs(reporter, finder, finder->config_count, config, totals);
}

static void report_result(struct reporter *reporter, struct lint_result *result,
			  const struct rule_settings *settings, struct totals *totals)
{
	if (!result->readable) {
		print_unreadable(result->name, "cannot read", result->why);
		report_unreadable(reporter, result->name, result->why);
		totals->unreadable++;
	}
	result->diags.fail_on = (int)settings_fail_on(settings);
	report_file(reporter, result->name, result->source.data ? &result->source : NULL,
		    &result->diags);
	count(totals, &result->diags, settings_fail_on(settings));
}

/* With --plan, what the request changes, after its diagnostics. */
static void report_plan_of(struct reporter *reporter, const struct lint_result *result,
			   struct totals *totals)
{
	const struct plan *plan = &result->plan;

	totals->out_of_memory |= plan->out_of_memory;
	totals->plan_needs_current |= plan->needs_current;
	if (plan->count)
		report_plan(reporter, result->name, (const char *const *)plan->lines, plan->count);
}

/* The note that the experiment's state is unknown (IE300) says the same of
 * every request of a run, since --status and --current are the run's: it
 * comes with the first file that raises it, and is dropped from the
 * others before any format sees them. */
static void drop_repeated_state_unknown(struct diag_list *diags, bool *said)
{
	bool raised = false;

	for (size_t i = diags->count; i-- > 0;) {
		if (diags->items[i].rule != RULE_STATE_UNKNOWN)
			continue;
		if (*said)
			diag_list_remove(diags, i);
		else
			raised = true;
	}
	*said |= raised;
}

/* Loads --current, reports its own problems, and takes the experiment's
 * state from it: its status, unless --status gave one. */
static void use_current(struct invocation *inv, struct config_finder *finder,
			struct reporter *reporter, struct current_experiment *current,
			struct totals *totals)
{
	struct rule_settings settings;
	const struct node *status;

	settings_for(inv, finder, reporter, totals, inv->current, &settings);
	current_load(current, inv->current, &inv->lint, &settings);
	report_result(reporter, &current->result, &settings, totals);
	inv->lint.state.current = current->document.root;
	inv->lint.state.current_file = current->result.name;
	status = node_member(current->document.root, "Status");
	if (!inv->lint.state.has_status && node_is_string(status)) {
		inv->lint.state.has_status = status_parse(status->scalar.text,
							  &inv->lint.state.status);
		inv->lint.state.status_from_current = inv->lint.state.has_status;
	}
}

/* Directories that could not be searched count as files that could not
 * be read: a gate must not pass on what it never saw. */
static void report_walk_problems(const struct file_list *files, struct reporter *reporter,
				 struct totals *totals)
{
	for (size_t i = 0; i < files->problem_count; i++) {
		const struct file_problem *problem = &files->problems[i];
		print_unreadable(problem->path, "not searched", problem->why);
		report_unreadable(reporter, problem->path, problem->why);
		totals->unsearched++;
	}
}

/* One file on its way through the run: found its settings, linted (on a
 * worker thread with -j), then reported in the order of the list. */
struct file_slot {
	struct rule_settings settings;
	struct config *config; /* whose problems come with this file's */
	size_t configs_known;  /* configs found by the time this file's was */
	struct lint_result result;
};

struct file_run {
	struct invocation *inv;
	struct config_finder finder;
	struct reporter *reporter;
	struct totals *totals;
	struct file_slot *slots; /* file i in slots[i % window] */
	size_t window;
	bool said_state_unknown;
};

/* Memory that ran short on the main thread outside a document's lint
 * (finding settings, writing the report: base/memory.h) makes the run's
 * result unsure, as a document's own shortage does. */
static void take_shortage(struct totals *totals)
{
	if (mem_shortage_take())
		totals->out_of_memory = true;
}

static const char *settings_path(const struct invocation *inv, const char *path)
{
	return strcmp(path, "-") == 0 && inv->stdin_filename ? inv->stdin_filename : path;
}

static void prepare_file(void *context, size_t i)
{
	struct file_run *run = context;
	struct file_slot *slot = &run->slots[i % run->window];
	const char *path = run->inv->files.entries[i].path;

	memset(slot, 0, sizeof *slot);
	slot->config = find_settings(run->inv, &run->finder,
				     settings_path(run->inv, path), &slot->settings);
	slot->configs_known = run->finder.config_count;
	take_shortage(run->totals);
}

/* The only step on a worker thread: it reads the run's options and
 * writes only its own slot. */
static void lint_slot(void *context, size_t i)
{
	struct file_run *run = context;
	struct file_slot *slot = &run->slots[i % run->window];
	const struct file_entry *entry = &run->inv->files.entries[i];

	lint_file(entry->path, entry->found, &run->inv->lint, &slot->settings, &slot->result);
}

static void report_slot(void *context, size_t i)
{
	struct file_run *run = context;
	struct invocation *inv = run->inv;
	struct file_slot *slot = &run->slots[i % run->window];
	struct lint_result *result = &slot->result;

	/* A broken .ielint.yaml is reported even where it covers no request. */
	report_configs(run->reporter, &run->finder, slot->configs_known, slot->config,
		       run->totals);
	if (result->left_out) {
		if (inv->verbose)
			print_skipped(result->name, result->left_out);
		lint_result_free(result);
		return;
	}
	if (inv->verbose)
		print_checked(result->name, &result->diags);
	if (inv->fix && inv->report.format != REPORT_DIFF)
		fix_file(inv->files.entries[i].path, &inv->fix_scope, result, &inv->lint,
			 &slot->settings, &run->totals->fixes);
	drop_repeated_state_unknown(&result->diags, &run->said_state_unknown);
	/* The summary counts the files checked, not --current. */
	run->totals->files++;
	report_result(run->reporter, result, &slot->settings, run->totals);
	if (inv->lint.plan)
		report_plan_of(run->reporter, result, run->totals);
	lint_result_free(result);
	take_shortage(run->totals);
}

static void discard_slot(void *context, size_t i)
{
	struct file_run *run = context;

	lint_result_free(&run->slots[i % run->window].result);
}

/* A report nobody reads any more (a closed pipe) ends the run. */
static bool report_unread(void *context)
{
	struct file_run *run = context;

	return ferror(run->reporter->out) != 0;
}

static const struct pool_ops file_steps = {
	prepare_file, lint_slot, report_slot, discard_slot, report_unread,
	regex_release_thread, /* a thread's match data */
};

/* Threads pay for themselves from a few files each: one file is read and
 * checked in some tens of microseconds, about what starting a thread costs. */
enum { FILES_PER_THREAD = 8, SLOTS_PER_THREAD = 16 };

static unsigned threads_for(const struct invocation *inv)
{
	size_t useful = inv->files.count / FILES_PER_THREAD;
	unsigned jobs;

	/* Counting the processors reads a file; a short run need not. */
	if (useful < 2)
		return 1;
	jobs = inv->jobs ? inv->jobs : pool_default_threads();
	return useful < jobs ? (unsigned)useful : jobs;
}

static void lint_all(struct invocation *inv, struct reporter *reporter,
		     const struct output *out, struct totals *totals)
{
	struct file_run run = { .inv = inv, .reporter = reporter, .totals = totals };
	struct current_experiment current = { 0 };
	unsigned threads = threads_for(inv);

	config_finder_init(&run.finder, inv->config);
	report_walk_problems(&inv->files, reporter, totals);
	if (inv->current)
		use_current(inv, &run.finder, reporter, &current, totals);
	run.window = threads > 1 ? (size_t)threads * SLOTS_PER_THREAD : 1;
	run.slots = mem_calloc(run.window, sizeof *run.slots);
	if (run.slots)
		pool_run(inv->files.count, threads, run.window, &file_steps, &run);
	else
		totals->out_of_memory = true;
	free(run.slots);
	totals->out_of_memory |= run.finder.out_of_memory || inv->files.out_of_memory;
	/* Config files are found as the run goes, so -o is checked against
	 * them only now; the report is not in place yet. */
	totals->report_over_config = out->exists &&
				     config_finder_found(&run.finder, out->device, out->inode);
	if (inv->current)
		current_free(&current);
	config_finder_free(&run.finder);
	take_shortage(totals);
}

/* ---- the end ------------------------------------------------------------ */

static void plural_count(size_t n, const char *one, const char *many)
{
	fprintf(stderr, "%zu %s", n, n == 1 ? one : many);
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
	if (totals->unsearched) {
		fputs("; ", stderr);
		plural_count(totals->unsearched, "directory", "directories");
		fputs(" could not be searched", stderr);
	}
	fputc('\n', stderr);
}

static int exit_status(const struct totals *totals)
{
	if (totals->out_of_memory || totals->unreadable || totals->unsearched ||
	    totals->fixes.trouble)
		return EXIT_TROUBLE;
	return totals->failed ? EXIT_PROBLEMS : EXIT_CLEAN;
}

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
			return usage_error("rule", inv->explain,
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

static void print_write_error(const struct output *out)
{
	fputs("ielint: cannot write the report to ", stderr);
	if (out->path)
		quote_print_name(stderr, out->path);
	else
		fputs("standard output", stderr);
	fprintf(stderr, ": %s\n", output_strerror(out));
}

static void print_overwrite_refused(const struct invocation *inv)
{
	fputs("ielint: the report (-o ", stderr);
	quote_print_name(stderr, inv->output);
	fputs(") would overwrite a file the run reads; write it elsewhere\n", stderr);
}

/* How many times the run would read standard input. */
static size_t stdin_readers(const struct invocation *inv)
{
	size_t readers = (inv->current && strcmp(inv->current, "-") == 0) +
			 (inv->config && strcmp(inv->config, "-") == 0);

	for (size_t i = 0; i < inv->files.count; i++)
		readers += strcmp(inv->files.entries[i].path, "-") == 0;
	return readers;
}

/* -o must not name a file the run reads: the report would replace it.
 * Files are compared by device and inode, whatever their names: those to
 * check, standard input (and the file --stdin-filename says it is),
 * --current, --config and the rules of --rules-dir. */
static bool overwrites_input(const struct invocation *inv, const struct output *out)
{
	bool reads_stdin = stdin_readers(inv) > 0;
	const char *named[] = { inv->current, inv->config,
				reads_stdin ? inv->stdin_filename : NULL, NULL, NULL };
	bool refused = false;

	if (inv->rules_dir) {
		named[3] = format_alloc("%s/catalog.yaml", inv->rules_dir);
		named[4] = format_alloc("%s/shapes.json", inv->rules_dir);
	}
	for (size_t i = 0; i < inv->files.count && !refused; i++) {
		const struct file_entry *entry = &inv->files.entries[i];
		refused = entry->known && output_is(out, entry->device, entry->inode);
	}
	for (size_t i = 0; i < sizeof named / sizeof *named && !refused; i++)
		refused = named[i] && strcmp(named[i], "-") != 0 && output_is_path(out, named[i]);
	if (!refused && reads_stdin)
		refused = output_is_fd(out, STDIN_FILENO);
	free((char *)named[3]);
	free((char *)named[4]);
	if (refused)
		print_overwrite_refused(inv);
	return refused;
}

/* Ends the report: written whole and put in place, or thrown away. */
static bool finish_report(struct reporter *reporter, struct output *out, int status)
{
	bool finished = report_finish(reporter, status);

	if (finished && output_commit(out))
		return true;
	if (!finished) {
		output_abort(out);
		out->error = reporter->error ? reporter->error : ENOMEM;
	}
	if (out->error != EPIPE)
		print_write_error(out);
	return false;
}

static int run(struct invocation *inv, int argc, char **argv)
{
	struct output out;
	struct reporter reporter;
	struct totals totals = { 0 };
	int status;

	for (int i = optind; i < argc; i++)
		file_list_add(&inv->files, argv[i]);
	if (optind == argc && inv->stdin_filename)
		file_list_add(&inv->files, "-");
	file_list_finish(&inv->files);
	if (stdin_readers(inv) > 1) {
		fputs("ielint: standard input (-) is named more than once (as a file, with "
		      "--current or with --config), but it can be read only once\n"
		      "Try 'ielint --help' for more information.\n", stderr);
		return EXIT_TROUBLE;
	}
	/* JIT compiling the patterns a run uses costs about a million
	 * instructions and saves some five thousand a document (measured
	 * with callgrind on bench/'s corpus): worth it from a few hundred. */
	regex_set_jit(inv->files.count >= 256);
	if (!output_open(&out, inv->output)) {
		print_write_error(&out);
		return EXIT_TROUBLE;
	}
	if (overwrites_input(inv, &out)) {
		output_abort(&out);
		return EXIT_TROUBLE;
	}
	inv->report.color = use_color(inv->color, &out);
	inv->report.version = PACKAGE_VERSION;
	if (!reporter_init(&reporter, &inv->report, out.fp)) {
		output_abort(&out);
		return EXIT_TROUBLE;
	}
	if (inv->lint.plan && !reporter.ops->plan) {
		fputs("ielint: --plan: the plan is shown in the text and markdown formats only\n",
		      stderr);
		inv->lint.plan = false;
	}
	if (inv->fix && !fix_scope_init(&inv->fix_scope,
					 (const char *const *)argv + optind, (size_t)(argc - optind)))
		totals.out_of_memory = true;
	else
		lint_all(inv, &reporter, &out, &totals);
	fix_scope_free(&inv->fix_scope);
	if (inv->verbose && totals.files == 0 && inv->files.problem_count == 0)
		print_none_checked();
	status = exit_status(&totals);
	if (totals.report_over_config) {
		report_finish(&reporter, status);
		output_abort(&out);
		print_overwrite_refused(inv);
		status = EXIT_TROUBLE;
	} else if (!finish_report(&reporter, &out, status)) {
		if (out.error == EPIPE)
			return EXIT_TROUBLE;
		status = EXIT_TROUBLE;
	}
	if (!inv->quiet)
		print_summary(&totals);
	if (totals.plan_needs_current)
		fputs("ielint: --plan: an update or stop request is planned against the "
		      "experiment's description: give it with --current\n", stderr);
	if (totals.out_of_memory)
		fputs("ielint: out of memory: some diagnostics were lost\n", stderr);
	return status;
}

int main(int argc, char **argv)
{
	struct invocation inv;
	char *error = NULL;
	int option, status;

	/* Before anything is opened. */
	if (!standard_fds_hold()) {
		fputs("ielint: cannot open /dev/null in place of a closed standard input, "
		      "output or error\n", stderr);
		return EXIT_TROUBLE;
	}
	memset(&inv, 0, sizeof inv);
	inv.lint = (struct lint_options){ INPUT_AUTO, LINT_MAX_FILE_SIZE, { 0 }, false, NULL };
	inv.lint.state.now = (double)time(NULL);
	inv.files.excludes = inv.excludes;
	settings_init(&inv.settings);
	/* The built-in rules, and the patterns built with them, which options
	 * such as --now use already; --rules-dir replaces the rules later. */
	rules_use_embedded();

	/* getopt names the program by argv[0] in its messages; every other
	 * message says "ielint:", whatever path ran it. */
	argv[0] = (char *)"ielint";
	/* A line at a time: the summary is one write, not one for each part. */
	setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
	while ((option = getopt_long(argc, argv, "hVf:o:qvj:", long_options, NULL)) != -1)
		if ((status = take_option(&inv, option, optarg)) >= 0)
			return check_stdout(status);
	if (inv.dry_run && !inv.fix) {
		fputs("ielint: --dry-run goes with --fix\n"
		      "Try 'ielint --help' for more information.\n", stderr);
		return EXIT_TROUBLE;
	}
	if (inv.dry_run)
		inv.report.format = REPORT_DIFF;
	/* A file with them would be left unchecked, in silence. */
	if ((inv.list_rules || inv.explain || inv.print_schema) && optind < argc) {
		fprintf(stderr, "ielint: %s takes no FILE, and was given '",
			inv.print_schema ? "--print-schema" : inv.explain ? "--explain" : "--list-rules");
		quote_print_name(stderr, argv[optind]);
		fputs("'\nTry 'ielint --help' for more information.\n", stderr);
		return EXIT_TROUBLE;
	}
	if (optind == argc && !inv.list_rules && !inv.explain && !inv.stdin_filename &&
	    !inv.print_schema) {
		fputs("ielint: no input files (use - to read standard input)\n"
		      "Try 'ielint --help' for more information.\n", stderr);
		return EXIT_TROUBLE;
	}
	if (inv.rules_dir && !rules_files_load(inv.rules_dir, &error)) {
		fprintf(stderr, "ielint: %s\n", error ? error : "out of memory");
		free(error);
		release_all();
		return EXIT_TROUBLE;
	}
	if ((status = take_rule_options(&inv)) < 0)
		status = inv.print_schema ? check_stdout(print_schema(inv.print_schema))
			 : inv.list_rules || inv.explain ? check_stdout(print_rules(&inv))
						       : run(&inv, argc, argv);
	file_list_free(&inv.files);
	release_all();
	return status;
}
