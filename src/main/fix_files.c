#include "fix_files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rewrite.h"
#include "base/memory.h"
#include "base/quote.h"
#include "report/fixes.h"

/* "ielint: NAME: 2 fixes not applied: WHY" on standard error. */
static void say_left(const char *name, size_t n, const char *why)
{
	fputs("ielint: ", stderr);
	quote_print_name(stderr, name);
	fprintf(stderr, ": %zu %s not applied: %s\n", n, n == 1 ? "fix" : "fixes", why);
}

bool fix_scope_init(struct fix_scope *scope, const char *const *named, size_t count)
{
	scope->named = named;
	scope->count = count;
	scope->resolved = mem_calloc(count ? count : 1, sizeof *scope->resolved);
	if (!scope->resolved)
		return false;
	for (size_t i = 0; i < count; i++) {
		scope->resolved[i] = realpath(named[i], NULL);
		if (!scope->resolved[i] && errno == ENOMEM)
			return false;
	}
	return true;
}

void fix_scope_free(struct fix_scope *scope)
{
	for (size_t i = 0; scope->resolved && i < scope->count; i++)
		free(scope->resolved[i]);
	free(scope->resolved);
	scope->resolved = NULL;
}

static bool is_within(const char *directory, const char *file)
{
	size_t len = strlen(directory);

	return strcmp(directory, "/") == 0 ||
	       (strncmp(file, directory, len) == 0 && (file[len] == '/' || file[len] == '\0'));
}

/* Whether path, as the file list has it, may be written: it was named, or
 * it lies (links resolved) inside something named. */
static bool in_scope(const struct fix_scope *scope, const char *path)
{
	char *real;
	bool inside = false;

	for (size_t i = 0; i < scope->count; i++)
		if (strcmp(path, scope->named[i]) == 0)
			return true;
	real = realpath(path, NULL);
	/* A file gone meanwhile is found changed when it is read again. */
	if (!real)
		return true;
	for (size_t i = 0; i < scope->count && !inside; i++)
		inside = scope->resolved[i] && is_within(scope->resolved[i], real);
	free(real);
	return inside;
}

/* The result becomes the fixed text's, checked again. */
static void relint(struct lint_result *result, char *text, size_t len,
		   const struct lint_options *options, const struct rule_settings *settings)
{
	const char *name = result->source.name;
	/* What the first check lost to a shortage of memory, the fixes made
	 * from it lack too. */
	bool out_of_memory = result->diags.out_of_memory;

	/* The old diagnostics' fixes point into the old text: they go first. */
	diag_list_free(&result->diags);
	source_free(&result->source);
	source_from_memory(&result->source, name, text, len);
	result->source.owned = true;
	lint_result_check_again(result, options, settings);
	result->diags.out_of_memory |= out_of_memory;
}

/* Rounds of fixes at most: a fix can let another be found (a misspelt
 * key's value is checked once the key is right), and each round that
 * finds one costs a lint of the file. */
enum { FIX_ROUNDS = 8 };

/* text (*len bytes, owned) fixed again, as long as its lint finds fixes,
 * so that a second --fix never changes the file; *count grows by the
 * fixes made. Returns the final text, or NULL when memory runs out. */
static char *fix_until_stable(const char *name, char *text, size_t *len, size_t *count,
			      const struct lint_options *options,
			      const struct rule_settings *settings)
{
	for (int round = 1; text && round < FIX_ROUNDS; round++) {
		struct source fixed;
		struct diag_list diags;
		struct edits edits;
		char *next = NULL;
		bool more;

		source_from_memory(&fixed, name, text, *len);
		diag_list_init(&diags);
		lint_source(&fixed, options, settings, &diags);
		if (diags.out_of_memory) {
			diag_list_free(&diags);
			free(text);
			return NULL;
		}
		more = edits_collect(&edits, &fixed, &diags) && edits.count > 0;
		if (more && (next = edits_apply(&edits, &fixed, len)) != NULL)
			*count += edits.count;
		if (more)
			edits_free(&edits);
		diag_list_free(&diags);
		if (!more)
			break;
		free(text);
		text = next;
	}
	return text;
}

/* Why fixes of a file were not applied, or NULL when they can be tried. */
static const char *reason_to_leave(const char *path, const struct fix_scope *scope)
{
	if (strcmp(path, "-") == 0)
		return "standard input cannot be fixed in place (-f diff shows them)";
	if (!in_scope(scope, path))
		return "the file is reached through a symbolic link that leads out of the "
		       "files and directories named (name it to fix it; -f diff shows them)";
	return NULL;
}

/* Writes the fixed text; true when it is in the file. */
static bool write_fixes(const char *path, const struct lint_result *result, const char *text,
			size_t len, size_t count, const struct lint_options *options,
			struct fix_totals *totals)
{
	struct rewrite_why why;

	switch (rewrite_file(path, &result->source, text, len, options->max_file_size, &why)) {
	case REWRITE_DONE:
		return true;
	case REWRITE_CHANGED:
		say_left(result->name, count, "the file changed since it was read");
		break;
	case REWRITE_REFUSED:
		say_left(result->name, count, why.text);
		totals->trouble = true;
		break;
	case REWRITE_FAILED:
		fputs("ielint: ", stderr);
		quote_print_name(stderr, path);
		fprintf(stderr, ": cannot write the fixes: %s\n", why.text);
		totals->trouble = true;
		break;
	}
	totals->left_out += count;
	return false;
}

void fix_file(const char *path, const struct fix_scope *scope, struct lint_result *result,
	      const struct lint_options *options, const struct rule_settings *settings,
	      struct fix_totals *totals)
{
	struct edits edits;
	const char *leave;
	size_t len, fixed;
	char *text;

	if (!result->source.data)
		return;
	if (!edits_collect(&edits, &result->source, &result->diags)) {
		result->diags.out_of_memory = true;
		return;
	}
	totals->left_out += edits.overlapping;
	if (edits.overlapping)
		say_left(result->name, edits.overlapping, "each overlaps another");
	if (edits.count == 0)
		goto done;
	if ((leave = reason_to_leave(path, scope))) {
		say_left(result->name, edits.count, leave);
		totals->left_out += edits.count;
		goto done;
	}
	fixed = edits.count;
	if (!(text = edits_apply(&edits, &result->source, &len)) ||
	    !(text = fix_until_stable(result->name, text, &len, &fixed, options, settings))) {
		result->diags.out_of_memory = true;
		goto done;
	}
	if (!write_fixes(path, result, text, len, edits.count, options, totals)) {
		free(text);
		goto done;
	}
	fputs("ielint: ", stderr);
	quote_print_name(stderr, result->name);
	fprintf(stderr, ": %zu %s\n", fixed, fixed == 1 ? "problem fixed" : "problems fixed");
	totals->fixes += fixed;
	totals->files++;
	edits_free(&edits);
	relint(result, text, len, options, settings);
	return;
done:
	edits_free(&edits);
}
