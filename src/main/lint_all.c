/* Every file of the run through the pipeline: its settings found, linted
 * (on worker threads with -j), then reported in the order of the list,
 * with what the run found counted for the summary. */
#include "lint_all.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fix_files.h"
#include "pool.h"
#include "verbose.h"
#include "base/memory.h"
#include "base/quote.h"
#include "base/regex.h"
#include "kinds/terraform/module.h"

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

/* Loads --previous and reports its reading problems: the template the
 * stack has, which each template's experiments are compared with. */
static void use_previous(struct invocation *inv, struct config_finder *finder,
			 struct reporter *reporter, struct current_experiment *previous,
			 struct totals *totals)
{
	struct rule_settings settings;

	settings_for(inv, finder, reporter, totals, inv->previous, &settings);
	previous_load(previous, inv->previous, &inv->lint, &settings);
	report_result(reporter, &previous->result, &settings, totals);
	inv->lint.state.previous = previous->document.root;
}

/* The Terraform variable files of --var-file, each loaded and its reading
 * problems reported, in order; their roots go to every check, the last
 * setting a variable winning. One that does not load sets nothing. */
struct variable_files {
	struct current_experiment files[MAX_VAR_FILES];
	const struct node *roots[MAX_VAR_FILES];
	size_t count;
};

static void use_variable_files(struct invocation *inv, struct config_finder *finder,
			       struct reporter *reporter, struct variable_files *vars,
			       struct totals *totals)
{
	struct rule_settings settings;
	size_t roots = 0;

	for (size_t i = 0; i < inv->var_file_count; i++) {
		struct current_experiment *file = &vars->files[vars->count++];
		settings_for(inv, finder, reporter, totals, inv->var_files[i], &settings);
		variable_file_load(file, inv->var_files[i], &inv->lint, &settings);
		report_result(reporter, &file->result, &settings, totals);
		if (file->document.root)
			vars->roots[roots++] = file->document.root;
	}
	inv->lint.state.variable_files = vars->roots;
	inv->lint.state.variable_file_count = roots;
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
			verbose_skipped(result->name, result->left_out);
		lint_result_free(result);
		return;
	}
	if (inv->verbose)
		verbose_checked(result->name, &result->diags);
	if (inv->fix && inv->report.format != REPORT_DIFF)
		fix_file(inv->files.entries[i].path, &inv->fix_scope, result, &inv->lint,
			 &slot->settings, &run->totals->fixes);
	drop_repeated_state_unknown(&result->diags, &run->said_state_unknown);
	/* The summary counts the files checked, not --current. */
	run->totals->files++;
	report_result(run->reporter, result, &slot->settings, run->totals);
	if (inv->lint.plan)
		report_plan_of(run->reporter, result, run->totals);
	if (inv->lint.pictures) {
		run->totals->out_of_memory |= result->pictures.out_of_memory;
		report_pictures(run->reporter, result->name, &result->pictures);
	}
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

void lint_all(struct invocation *inv, struct reporter *reporter, const struct output *out,
	      struct totals *totals)
{
	struct file_run run = { .inv = inv, .reporter = reporter, .totals = totals };
	struct current_experiment current = { 0 }, previous = { 0 };
	struct variable_files *variables = mem_calloc(1, sizeof *variables);
	unsigned threads = threads_for(inv);

	config_finder_init(&run.finder, inv->config);
	report_walk_problems(&inv->files, reporter, totals);
	if (inv->current)
		use_current(inv, &run.finder, reporter, &current, totals);
	if (inv->previous)
		use_previous(inv, &run.finder, reporter, &previous, totals);
	if (variables)
		use_variable_files(inv, &run.finder, reporter, variables, totals);
	/* Each Terraform module is read once in the run. */
	inv->lint.state.modules = module_cache_new(inv->lint.max_file_size);
	if (!variables || !inv->lint.state.modules)
		totals->out_of_memory = true;
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
	if (inv->previous)
		current_free(&previous);
	for (size_t i = 0; variables && i < variables->count; i++)
		current_free(&variables->files[i]);
	free(variables);
	module_cache_free(inv->lint.state.modules);
	inv->lint.state.modules = NULL;
	inv->lint.state.variable_files = NULL;
	inv->lint.state.variable_file_count = 0;
	config_finder_free(&run.finder);
	take_shortage(totals);
}
