#include "lint.h"

#include "checker.h"

#include <string.h>

void lint_source(const struct source *src, const struct lint_options *options,
		 struct diag_list *diags)
{
	struct document doc;

	if (load_document(&doc, src, options->format, diags))
		check_request(doc.root, &options->state, diags);
	document_free(&doc);
	diag_list_sort(diags);
}

/* Reads a file; false when it cannot be read, and no source (with a
 * diagnostic) when it is too large. */
static bool read_file(struct source *src, const char *path,
		      const struct lint_options *options, struct diag_list *diags,
		      const char **name, const char **why)
{
	enum source_status status = source_read(src, path, options->max_file_size, why);

	*name = src->name;
	if (status == SOURCE_TOO_LARGE)
		diag_add(diags, RULE_FILE_TOO_LARGE, (struct span){ 1, 1, 1, 1 }, "",
			 "the file is larger than %zu MiB; a request is a few kilobytes",
			 options->max_file_size / (1024 * 1024));
	return status != SOURCE_UNREADABLE;
}

bool lint_path(const char *path, const struct lint_options *options,
	       struct diag_list *diags, const char **name, const char **why)
{
	struct source src;

	if (!read_file(&src, path, options, diags, name, why))
		return false;
	if (src.data) {
		lint_source(&src, options, diags);
		source_free(&src);
	}
	return true;
}

bool current_load(struct current_experiment *current, const char *path,
		  const struct lint_options *options, struct diag_list *diags,
		  const char **name, const char **why)
{
	memset(current, 0, sizeof *current);
	if (!read_file(&current->source, path, options, diags, name, why))
		return false;
	if (current->source.data) {
		current->loaded = true;
		if (load_document(&current->document, &current->source, options->format, diags))
			check_current(current->document.root, diags);
	}
	diag_list_sort(diags);
	return true;
}

void current_free(struct current_experiment *current)
{
	if (current->loaded) {
		document_free(&current->document);
		source_free(&current->source);
	}
	current->loaded = false;
}
