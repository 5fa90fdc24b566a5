#include "fix_files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "base/quote.h"
#include "report/fixes.h"

/* "ielint: NAME: 2 fixes not applied: WHY" on standard error. */
static void say(const char *name, size_t n, const char *one, const char *many,
		const char *why)
{
	fputs("ielint: ", stderr);
	quote_print_name(stderr, name);
	fprintf(stderr, ": %zu %s%s\n", n, n == 1 ? one : many, why);
}

/* Whether the file still holds what was linted: a fix made for other
 * bytes is not a fix. */
static bool unchanged(const char *path, const struct source *linted, size_t max_size)
{
	struct source now;
	const char *why;
	bool same = source_read(&now, path, max_size, &why) == SOURCE_OK &&
		    now.len == linted->len && memcmp(now.data, linted->data, now.len) == 0;

	source_free(&now);
	return same;
}

static bool write_whole(const char *path, const char *text, size_t len)
{
	struct output out;

	if (!output_open(&out, path))
		goto failed;
	if (fwrite(text, 1, len, out.fp) != len) {
		out.error = errno ? errno : EIO;
		output_abort(&out);
		goto failed;
	}
	if (output_commit(&out))
		return true;
failed:
	fputs("ielint: ", stderr);
	quote_print_name(stderr, path);
	fprintf(stderr, ": cannot write the fixes: %s\n", strerror(out.error ? out.error : EIO));
	return false;
}

/* The result becomes the fixed text's, checked again. */
static void relint(struct lint_result *result, char *text, size_t len,
		   const struct lint_options *options, const struct rule_settings *settings)
{
	const char *name = result->source.name;

	/* The old diagnostics' fixes point into the old text: they go first. */
	diag_list_free(&result->diags);
	source_free(&result->source);
	source_from_memory(&result->source, name, text, len);
	result->source.owned = true;
	lint_result_check_again(result, options, settings);
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

void fix_file(const char *path, struct lint_result *result,
	      const struct lint_options *options, const struct rule_settings *settings,
	      struct fix_totals *totals)
{
	struct edits edits;
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
		say(result->name, edits.overlapping, "fix", "fixes",
		    " not applied: each overlaps another");
	if (edits.count == 0)
		goto done;
	if (strcmp(path, "-") == 0) {
		say(result->name, edits.count, "fix", "fixes", " not applied: standard input "
		    "cannot be fixed in place (-f diff shows them)");
		totals->left_out += edits.count;
		goto done;
	}
	if (!unchanged(path, &result->source, options->max_file_size)) {
		say(result->name, edits.count, "fix", "fixes",
		    " not applied: the file changed since it was read");
		totals->left_out += edits.count;
		goto done;
	}
	fixed = edits.count;
	if (!(text = edits_apply(&edits, &result->source, &len)) ||
	    !(text = fix_until_stable(result->name, text, &len, &fixed, options, settings))) {
		result->diags.out_of_memory = true;
		goto done;
	}
	if (!write_whole(path, text, len)) {
		free(text);
		totals->left_out += edits.count;
		totals->trouble = true;
		goto done;
	}
	say(result->name, fixed, "problem fixed", "problems fixed", "");
	totals->fixes += fixed;
	totals->files++;
	edits_free(&edits);
	relint(result, text, len, options, settings);
	return;
done:
	edits_free(&edits);
}
