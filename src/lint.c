#include "lint.h"

#include "checker.h"

void lint_source(const struct source *src, const struct lint_options *options,
		 struct diag_list *diags)
{
	struct document doc;

	if (load_document(&doc, src, options->format, diags))
		check_request(doc.root, diags);
	document_free(&doc);
	diag_list_sort(diags);
}

bool lint_path(const char *path, const struct lint_options *options,
	       struct diag_list *diags, const char **name, const char **why)
{
	struct source src;

	switch (source_read(&src, path, options->max_file_size, why)) {
	case SOURCE_UNREADABLE:
		*name = src.name;
		return false;
	case SOURCE_TOO_LARGE:
		*name = src.name;
		diag_add(diags, RULE_FILE_TOO_LARGE, (struct span){ 1, 1, 1, 1 }, "",
			 "the file is larger than %zu MiB; a request is a few kilobytes",
			 options->max_file_size / (1024 * 1024));
		return true;
	case SOURCE_OK:
		break;
	}
	*name = src.name;
	lint_source(&src, options, diags);
	source_free(&src);
	return true;
}
