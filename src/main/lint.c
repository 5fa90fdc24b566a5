#include "lint.h"

#include <string.h>

#include "check/checker.h"
#include "check/suppress.h"

static const struct document_kind request = { "a request", "a Name", "Name" };
static const struct document_kind description = {
	"the description of an experiment", "its Name and Status", "Name and Status"
};

/* After the checks: the user's inline suppressions, then their settings. */
static void finish(const struct source *src, const struct node *root,
		   const struct rule_settings *settings, struct diag_list *diags)
{
	suppress_apply(src, root, diags);
	diag_list_note_dropped(diags);
	settings_apply(settings, diags);
	diag_list_sort(diags);
}

/* Lints a source; with a plan, also says what the request changes. */
static void lint_document(const struct source *src, const struct lint_options *options,
			  const struct rule_settings *settings, struct diag_list *diags,
			  struct plan *plan)
{
	struct document doc;

	if (load_document(&doc, src, options->format, &request, diags)) {
		enum operation op;
		if (!settings_operation(settings, &op))
			op = check_operation(doc.root, diags);
		diags->operation = (int)op;
		if (op != OPERATION_CLOUDFORMATION)
			load_report_local_tags(&doc, diags);
		else
			load_report_template_notes(&doc, diags);
		check_request(doc.root, op, &options->state, diags);
		if (plan)
			plan_build(plan, doc.root, op, &options->state);
	}
	finish(src, doc.format == INPUT_YAML ? doc.root : NULL, settings, diags);
	document_free(&doc);
}

void lint_source(const struct source *src, const struct lint_options *options,
		 const struct rule_settings *settings, struct diag_list *diags)
{
	lint_document(src, options, settings, diags, NULL);
}

/* Reads a file; a file too large is kept out with a diagnostic. */
static void read_file(const char *path, const struct lint_options *options,
		      struct lint_result *result)
{
	enum source_status status;

	memset(result, 0, sizeof *result);
	diag_list_init(&result->diags);
	plan_init(&result->plan);
	status = source_read(&result->source, path, options->max_file_size, &result->why);
	/* Named, standard input finds its format by the name, as a file does. */
	if (strcmp(path, "-") == 0 && options->stdin_name)
		result->source.name = options->stdin_name;
	result->name = result->source.name;
	result->readable = status != SOURCE_UNREADABLE;
	if (status == SOURCE_TOO_LARGE)
		diag_add(&result->diags, RULE_FILE_TOO_LARGE, (struct span){ 1, 1, 1, 1 }, "",
			 "the file is larger than %zu MiB; a request is a few kilobytes",
			 options->max_file_size / (1024 * 1024));
}

void lint_file(const char *path, const struct lint_options *options,
	       const struct rule_settings *settings, struct lint_result *result)
{
	read_file(path, options, result);
	if (result->source.data)
		lint_document(&result->source, options, settings, &result->diags,
			      options->plan ? &result->plan : NULL);
	else
		settings_apply(settings, &result->diags);
}

void lint_result_check_again(struct lint_result *result, const struct lint_options *options,
			     const struct rule_settings *settings)
{
	diag_list_free(&result->diags);
	plan_free(&result->plan);
	plan_init(&result->plan);
	lint_document(&result->source, options, settings, &result->diags,
		      options->plan ? &result->plan : NULL);
}

void lint_result_free(struct lint_result *result)
{
	source_free(&result->source);
	diag_list_free(&result->diags);
	plan_free(&result->plan);
}

void current_load(struct current_experiment *current, const char *path,
		  const struct lint_options *options,
		  const struct rule_settings *settings)
{
	struct lint_result *result = &current->result;

	memset(&current->document, 0, sizeof current->document);
	read_file(path, options, result);
	if (result->source.data &&
	    load_document(&current->document, &result->source, options->format,
			  &description, &result->diags))
		check_current(current->document.root, options->state.now, &result->diags);
	finish(&result->source,
	       current->document.format == INPUT_YAML ? current->document.root : NULL,
	       settings, &result->diags);
}

void current_free(struct current_experiment *current)
{
	document_free(&current->document);
	lint_result_free(&current->result);
}

/* A file too large to read. */
static const enum rule_id raised_rules[] = {
	RULE_FILE_TOO_LARGE,
};

bool lint_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
