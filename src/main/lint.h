/* One file through the pipeline: read, load, check, then the user's
 * suppressions and settings. */
#ifndef IELINT_LINT_H
#define IELINT_LINT_H

#include <stddef.h>

#include "plan/plan.h"
#include "report/picture.h"
#include "filter/settings.h"
#include "check/state.h"
#include "load/diag.h"
#include "load/load.h"
#include "load/source.h"

enum { LINT_MAX_FILE_SIZE = 64 * 1024 * 1024 };

struct lint_options {
	enum input_format format;
	size_t max_file_size;
	struct experiment_state state;
	bool plan; /* --plan: say what each request changes */
	bool pictures; /* draw each experiment, for the formats that do */
	const char *stdin_name; /* --stdin-filename: standard input's name */
};

/* What linting one file gave. */
struct lint_result {
	const char *name;     /* as diagnostics show it */
	const char *path;     /* as read from disk; NULL for standard input */
	struct source source; /* its text, for reports that quote lines */
	bool readable;
	const char *why;      /* when not readable */
	struct diag_list diags;
	struct plan plan; /* with --plan, once loaded */
	struct picture_list pictures; /* when options->pictures */
	/* Why a file a directory search found is not checked: it holds no
	 * request or template; NULL when it is checked. */
	char *left_out;
};

/* Lints the file at path ("-" for standard input). A file found by
 * searching a directory (found) that holds no request or template is
 * left out (result->left_out says why), unless the settings name its
 * operation; a file named is always checked. */
void lint_file(const char *path, bool found, const struct lint_options *options,
	       const struct rule_settings *settings, struct lint_result *result);

/* Loads and checks a source already in memory. */
void lint_source(const struct source *src, const struct lint_options *options,
		 const struct rule_settings *settings, struct diag_list *diags);

/* The same for a source that stands for the file at path (NULL: none),
 * taken as a directory search takes the files it finds: one that holds no
 * request, template or configuration is left out (*left_out says why,
 * diags stay empty) unless the settings name its operation. An editor's
 * documents are such, since it opens every YAML file alike. */
void lint_source_found(const struct source *src, const char *path,
		       const struct lint_options *options, const struct rule_settings *settings,
		       struct diag_list *diags, char **left_out);

/* Lints the result's source again, once it has changed (--fix). */
void lint_result_check_again(struct lint_result *result, const struct lint_options *options,
			     const struct rule_settings *settings);

void lint_result_free(struct lint_result *result);

/* The experiment given with --current, kept for the whole run. */
struct current_experiment {
	struct lint_result result;
	struct document document;
};

/* Reads, loads and checks a DescribeInferenceExperiment response; its own
 * problems are in current->result. current->document.root is NULL when it
 * could not be loaded. */
void current_load(struct current_experiment *current, const char *path,
		  const struct lint_options *options,
		  const struct rule_settings *settings);
void current_free(struct current_experiment *current);

/* Reads and loads the template given with --previous; only its reading
 * problems are in previous->result. previous->document.root is NULL when
 * it could not be loaded. Freed with current_free(). */
void previous_load(struct current_experiment *previous, const char *path,
		   const struct lint_options *options, const struct rule_settings *settings);

/* Reads and loads a Terraform variable file (--var-file): HCL, or JSON
 * by its name; only its reading problems are in variables->result. Freed
 * with current_free(). */
void variable_file_load(struct current_experiment *variables, const char *path,
			const struct lint_options *options,
			const struct rule_settings *settings);

/* Whether this file raises the rule (for the rules' identity test). */
bool lint_raises(enum rule_id rule);

#endif
