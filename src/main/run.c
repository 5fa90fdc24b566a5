/* The run: where the report goes checked, the files linted into it, the
 * report put in place, then the summary and the exit status. */
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lint_all.h"
#include "output.h"
#include "verbose.h"
#include "base/format.h"
#include "base/quote.h"
#include "base/regex.h"

static bool use_color(const char *choice, const struct output *out)
{
	const char *no_color = getenv("NO_COLOR");

	if (choice && strcmp(choice, "always") == 0)
		return true;
	if (choice && strcmp(choice, "never") == 0)
		return false;
	return !out->path && isatty(fileno(stdout)) && !(no_color && *no_color);
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
			 (inv->previous && strcmp(inv->previous, "-") == 0) +
			 (inv->config && strcmp(inv->config, "-") == 0);

	for (size_t i = 0; i < inv->var_file_count; i++)
		readers += strcmp(inv->var_files[i], "-") == 0;
	for (size_t i = 0; i < inv->files.count; i++)
		readers += strcmp(inv->files.entries[i].path, "-") == 0;
	return readers;
}

/* -o must not name a file the run reads: the report would replace it.
 * Files are compared by device and inode, whatever their names: those to
 * check, standard input (and the file --stdin-filename says it is),
 * --current, --previous, --var-file, --config and the rules of --rules-dir. */
static bool overwrites_input(const struct invocation *inv, const struct output *out)
{
	bool reads_stdin = stdin_readers(inv) > 0;
	const char *named[] = { inv->current, inv->previous, inv->config,
				reads_stdin ? inv->stdin_filename : NULL, NULL, NULL };
	bool refused = false;

	if (inv->rules_dir) {
		named[4] = format_alloc("%s/catalog.yaml", inv->rules_dir);
		named[5] = format_alloc("%s/shapes.json", inv->rules_dir);
	}
	for (size_t i = 0; i < inv->files.count && !refused; i++) {
		const struct file_entry *entry = &inv->files.entries[i];
		refused = entry->known && output_is(out, entry->device, entry->inode);
	}
	for (size_t i = 0; i < sizeof named / sizeof *named && !refused; i++)
		refused = named[i] && strcmp(named[i], "-") != 0 && output_is_path(out, named[i]);
	for (size_t i = 0; i < inv->var_file_count && !refused; i++)
		refused = strcmp(inv->var_files[i], "-") != 0 &&
			  output_is_path(out, inv->var_files[i]);
	if (!refused && reads_stdin)
		refused = output_is_fd(out, STDIN_FILENO);
	free((char *)named[4]);
	free((char *)named[5]);
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

int run_lint(struct invocation *inv)
{
	struct output out;
	struct reporter reporter;
	struct totals totals = { 0 };
	int status;

	if (inv->verbose)
		inv->files.on_skip = verbose_skipped;
	for (size_t i = 0; i < inv->operand_count; i++)
		file_list_add(&inv->files, inv->operands[i]);
	if (!inv->operand_count && inv->stdin_filename)
		file_list_add(&inv->files, "-");
	file_list_finish(&inv->files);
	if (stdin_readers(inv) > 1) {
		fputs("ielint: standard input (-) is named more than once (as a file, with "
		      "--current, --previous, --var-file or --config), but it can be read only once\n"
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
	if (!reporter_init(&reporter, &inv->report, out.fp)) {
		output_abort(&out);
		return EXIT_TROUBLE;
	}
	inv->lint.pictures = reporter.ops->pictures != NULL;
	if (inv->lint.plan && !reporter.ops->plan) {
		fputs("ielint: --plan: the plan is shown in the text and markdown formats only\n",
		      stderr);
		inv->lint.plan = false;
	}
	if (inv->fix && !fix_scope_init(&inv->fix_scope,
					 (const char *const *)inv->operands, inv->operand_count))
		totals.out_of_memory = true;
	else
		lint_all(inv, &reporter, &out, &totals);
	fix_scope_free(&inv->fix_scope);
	if (inv->verbose && totals.files == 0 && inv->files.problem_count == 0)
		verbose_none_checked();
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
