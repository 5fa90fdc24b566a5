/* The command line, read: getopt_long over the option table, then each
 * option's value checked and kept in the invocation. */
#include "options.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "completion.h"
#include "help.h"
#include "option_table.h"
#include "base/memory.h"
#include "base/quote.h"
#include "check/state.h"
#include "check/timestamp.h"

void invocation_init(struct invocation *inv, const char *version)
{
	memset(inv, 0, sizeof *inv);
	inv->lint = (struct lint_options){ INPUT_AUTO, LINT_MAX_FILE_SIZE, { 0 }, false, false, NULL };
	inv->lint.state.now = (double)time(NULL);
	inv->report.version = version;
	inv->files.excludes = inv->excludes;
	settings_init(&inv->settings);
}

/* A value that could not be read for want of memory is not the user's
 * mistake. */
int options_usage_error(const char *what, const char *value, const char *allowed)
{
	if (mem_shortage_take())
		fputs("ielint: out of memory\n", stderr);
	else
		fprintf(stderr, "ielint: unknown %s '%s': use %s\n", what, value, allowed);
	return EXIT_TROUBLE;
}

/* ---- getopt_long's view of the table -------------------------------------- */

/* What getopt returns for an option that has no short name. */
enum { LONG_ONLY = 256 };

/* Every long name (an alias is one more), and the end. */
static struct option getopt_options[2 * OPTION_COUNT + 1];
/* Each short name, with ':' after one that takes a value ("::" when the
 * value is optional). */
static char getopt_shorts[3 * OPTION_COUNT + 1];

static void make_getopt_tables(void)
{
	static const int has_arg[] = {
		[ARGUMENT_NONE] = no_argument,
		[ARGUMENT_REQUIRED] = required_argument,
		[ARGUMENT_OPTIONAL] = optional_argument,
	};
	size_t longs = 0, shorts = 0;

	for (int id = 0; id < OPTION_COUNT; id++) {
		const struct option_entry *option = &option_table[id];
		int val = option->short_name ? option->short_name : LONG_ONLY + id;

		getopt_options[longs++] = (struct option){ option->name, has_arg[option->argument],
							   NULL, val };
		if (option->alias)
			getopt_options[longs++] = (struct option){
				option->alias, has_arg[option->argument], NULL, val };
		if (option->short_name) {
			getopt_shorts[shorts++] = option->short_name;
			if (option->argument != ARGUMENT_NONE)
				getopt_shorts[shorts++] = ':';
			if (option->argument == ARGUMENT_OPTIONAL)
				getopt_shorts[shorts++] = ':';
		}
	}
}

/* The option getopt returned, or -1 for one it refused ('?'). */
static int option_id_of(int val)
{
	if (val >= LONG_ONLY)
		return val - LONG_ONLY;
	for (int id = 0; id < OPTION_COUNT; id++)
		if (option_table[id].short_name == val)
			return id;
	return -1;
}

/* ---- each option's value ------------------------------------------------- */

static bool parse_input_format(const char *text, enum input_format *format)
{
	static const enum input_format formats[] = { INPUT_AUTO, INPUT_JSON, INPUT_YAML,
						     INPUT_HCL };

	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		if (strcmp(text, input_format_name(formats[i])) == 0) {
			*format = formats[i];
			return true;
		}
	}
	return false;
}

static int print_completion(const char *shell)
{
	if (!completion_print(stdout, shell))
		return options_usage_error("shell", shell, "bash or zsh");
	return EXIT_CLEAN;
}

/* Kept until the rules are loaded: options_take_rule_options. */
static int keep_rule_option(struct invocation *inv, int option, const char *arg)
{
	if (inv->rule_option_count == sizeof inv->rule_options / sizeof *inv->rule_options) {
		fputs("ielint: too many rule options\n", stderr);
		return EXIT_TROUBLE;
	}
	inv->rule_options[inv->rule_option_count].option = option;
	inv->rule_options[inv->rule_option_count++].arg = arg;
	return -1;
}

static int take_exclude(struct invocation *inv, const char *glob)
{
	if (inv->files.exclude_count == sizeof inv->excludes / sizeof *inv->excludes) {
		fputs("ielint: too many --exclude options\n", stderr);
		return EXIT_TROUBLE;
	}
	inv->excludes[inv->files.exclude_count++] = glob;
	return -1;
}

static int take_var_file(struct invocation *inv, const char *path)
{
	if (inv->var_file_count == sizeof inv->var_files / sizeof *inv->var_files) {
		fputs("ielint: too many --var-file options\n", stderr);
		return EXIT_TROUBLE;
	}
	inv->var_files[inv->var_file_count++] = path;
	return -1;
}

static int take_jobs(struct invocation *inv, const char *arg)
{
	char *end;
	unsigned long jobs = strtoul(arg, &end, 10);

	if (*arg < '0' || *arg > '9' || *end || jobs < 1 || jobs > 256)
		return options_usage_error("number of jobs", arg, "a number from 1 to 256");
	inv->jobs = (unsigned)jobs;
	return -1;
}

/* Options whose value names rules are checked once the catalog is loaded;
 * the rest here. Returns -1 to go on, or the exit status. */
static int take_option(struct invocation *inv, int option, const char *arg)
{
	switch (option) {
	case OPTION_INPUT_FORMAT:
		if (!parse_input_format(arg, &inv->lint.format))
			return options_usage_error("input format", arg, "auto, json, yaml or hcl");
		return -1;
	case OPTION_RULES_DIR:
		inv->rules_dir = arg;
		return -1;
	case OPTION_LIST_RULES:
		inv->list_rules = arg ? arg : "text";
		if (strcmp(inv->list_rules, "text") != 0 && strcmp(inv->list_rules, "man") != 0 &&
		    strcmp(inv->list_rules, "markdown") != 0)
			return options_usage_error("rule list format", inv->list_rules,
						   "text, man or markdown");
		return -1;
	case OPTION_EXPLAIN:
		inv->explain = arg;
		return -1;
	case OPTION_PRINT_SCHEMA: {
		enum operation op;
		inv->print_schema = arg ? arg : "request";
		if (arg && !operation_parse(arg, &op))
			return options_usage_error("request", arg, "create, update or stop");
		return -1;
	}
	case OPTION_STATUS:
		if (!status_parse(arg, &inv->lint.state.status))
			return options_usage_error("status", arg, STATUS_NAMES);
		inv->lint.state.has_status = true;
		return -1;
	case OPTION_CURRENT:
		inv->current = arg;
		return -1;
	case OPTION_PREVIOUS:
		inv->previous = arg;
		return -1;
	case OPTION_VAR_FILE:
		return take_var_file(inv, arg);
	case OPTION_NOW:
		if (!timestamp_parse(arg, strlen(arg), &inv->lint.state.now))
			return options_usage_error("time", arg,
						   "ISO 8601 (2030-01-10T00:00:00Z) or epoch seconds, "
						   "of the years 1 to 9999");
		return -1;
	case OPTION_PLAN:
		inv->lint.plan = true;
		return -1;
	case OPTION_DISABLE:
	case OPTION_ENABLE:
	case OPTION_SEVERITY:
		return keep_rule_option(inv, option, arg);
	case OPTION_OPERATION:
		if (!settings_parse_operation(&inv->settings, arg))
			return options_usage_error("operation", arg,
						   "create, update, stop, cloudformation or "
						   "terraform");
		return -1;
	case OPTION_FAIL_ON:
		if (!settings_parse_fail_on(&inv->settings, arg))
			return options_usage_error("level", arg, "error, warning or note");
		return -1;
	case OPTION_CONFIG:
		inv->config = arg;
		return -1;
	case OPTION_EXCLUDE:
		return take_exclude(inv, arg);
	case OPTION_FORMAT:
		if (!report_format_parse(arg, &inv->report.format))
			return options_usage_error("format", arg, "text, json, sarif, github, "
						   "markdown, diff, codequality or junit");
		return -1;
	case OPTION_OUTPUT:
		inv->output = arg;
		return -1;
	case OPTION_COLOR:
		if (strcmp(arg, "auto") != 0 && strcmp(arg, "always") != 0 &&
		    strcmp(arg, "never") != 0)
			return options_usage_error("colour choice", arg, "auto, always or never");
		inv->color = arg;
		return -1;
	case OPTION_SHOW_SOURCE:
		inv->report.show_source = true;
		return -1;
	case OPTION_FIX:
		inv->fix = true;
		return -1;
	case OPTION_DRY_RUN:
		inv->dry_run = true;
		return -1;
	case OPTION_STDIN_FILENAME:
		inv->stdin_filename = arg;
		inv->lint.stdin_name = arg;
		return -1;
	case OPTION_JOBS:
		return take_jobs(inv, arg);
	case OPTION_LSP:
		inv->lsp = true;
		return -1;
	case OPTION_QUIET:
		inv->quiet = true;
		return -1;
	case OPTION_VERBOSE:
		inv->verbose = true;
		return -1;
	case OPTION_COMPLETION:
		return print_completion(arg);
	case OPTION_HELP:
		help_print(stdout);
		return EXIT_CLEAN;
	case OPTION_VERSION:
		printf("ielint %s\n", inv->report.version);
		return EXIT_CLEAN;
	default:
		/* getopt has named the option; the whole usage would bury that. */
		fputs("Try 'ielint --help' for more information.\n", stderr);
		return EXIT_TROUBLE;
	}
}

/* ---- the command line as a whole ----------------------------------------- */

static int usage_mistake(const char *what)
{
	fprintf(stderr, "ielint: %s\nTry 'ielint --help' for more information.\n", what);
	return EXIT_TROUBLE;
}

/* What the options say together, and of the operands. */
static int check_together(struct invocation *inv)
{
	if (inv->dry_run && !inv->fix)
		return usage_mistake("--dry-run goes with --fix");
	if (inv->dry_run)
		inv->report.format = REPORT_DIFF;
	if (inv->lsp && (inv->operand_count || inv->fix || inv->list_rules || inv->explain ||
			 inv->print_schema || inv->stdin_filename || inv->output))
		return usage_mistake("--lsp takes its documents from the editor: no FILE, "
				     "--fix, -o, --stdin-filename or printing option");
	/* A file with them would be left unchecked, in silence. */
	if ((inv->list_rules || inv->explain || inv->print_schema) && inv->operand_count) {
		fprintf(stderr, "ielint: %s takes no FILE, and was given '",
			inv->print_schema ? "--print-schema" : inv->explain ? "--explain" : "--list-rules");
		quote_print_name(stderr, inv->operands[0]);
		fputs("'\nTry 'ielint --help' for more information.\n", stderr);
		return EXIT_TROUBLE;
	}
	if (!inv->operand_count && !inv->list_rules && !inv->explain && !inv->stdin_filename &&
	    !inv->print_schema && !inv->lsp)
		return usage_mistake("no input files (use - to read standard input)");
	return -1;
}

int options_parse(struct invocation *inv, int argc, char **argv)
{
	int val, status;

	make_getopt_tables();
	while ((val = getopt_long(argc, argv, getopt_shorts, getopt_options, NULL)) != -1)
		if ((status = take_option(inv, option_id_of(val), optarg)) >= 0)
			return status;
	inv->operands = argv + optind;
	inv->operand_count = (size_t)(argc - optind);
	return check_together(inv);
}

int options_take_rule_options(struct invocation *inv)
{
	for (size_t i = 0; i < inv->rule_option_count; i++) {
		int option = inv->rule_options[i].option;
		const char *arg = inv->rule_options[i].arg;
		bool ok = option == OPTION_SEVERITY
			? settings_parse_severity(&inv->settings, arg)
			: settings_parse_rules(&inv->settings, arg, option == OPTION_ENABLE);
		if (!ok) {
			fprintf(stderr, "ielint: '%s' names no rule (or no level): rules are "
				"codes or names from ielint --list-rules, levels error, "
				"warning or note\n", arg);
			return EXIT_TROUBLE;
		}
	}
	return -1;
}
