/* One file through the pipeline: read, load, check. */
#ifndef IELINT_LINT_H
#define IELINT_LINT_H

#include <stddef.h>

#include "diag.h"
#include "load.h"
#include "source.h"
#include "state.h"

enum { LINT_MAX_FILE_SIZE = 64 * 1024 * 1024 };

struct lint_options {
	enum input_format format;
	size_t max_file_size;
	struct experiment_state state;
};

/* The experiment given with --current, kept for the whole run. */
struct current_experiment {
	struct source source;
	struct document document;
	bool loaded;
};

/* Loads and checks a source already in memory. */
void lint_source(const struct source *src, const struct lint_options *options,
		 struct diag_list *diags);

/* Reads and lints the file at path ("-" for standard input), setting *name
 * to the name the diagnostics should show. Returns false, with *why set,
 * when the file cannot be read at all. */
bool lint_path(const char *path, const struct lint_options *options,
	       struct diag_list *diags, const char **name, const char **why);

/* Reads, loads and checks a DescribeInferenceExperiment response. Its own
 * problems go to diags. Returns false, with *why set, when it cannot be
 * read; current->document.root is NULL when it could not be loaded. */
bool current_load(struct current_experiment *current, const char *path,
		  const struct lint_options *options, struct diag_list *diags,
		  const char **name, const char **why);
void current_free(struct current_experiment *current);

#endif
