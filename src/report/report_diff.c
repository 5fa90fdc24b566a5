/* The diff format: what --fix would change, as a unified diff (diff -u,
 * three lines of context) that patch -p1 and git apply read. Nothing is
 * written to the files; a file without a fix prints nothing. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "fixes.h"
#include "base/line_starts.h"
#include "base/memory.h"
#include "base/quote.h"

enum { CONTEXT = 3 };

/* The lines of a text, as offsets of their starts; a last line without a
 * line break is a line too. */
struct lines {
	const char *text;
	size_t len;
	size_t *starts; /* count + 1 entries: the last is len */
	size_t count;
};

static bool lines_split(struct lines *l, const char *text, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	n += len > 0 && text[len - 1] != '\n';
	l->text = text;
	l->len = len;
	l->count = n;
	if (!(l->starts = mem_malloc((n + 1) * sizeof *l->starts)))
		return false;
	n = 0;
	l->starts[n++] = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n' && i + 1 < len)
			l->starts[n++] = i + 1;
	l->starts[l->count] = len;
	return true;
}


/* The 0-based line holding byte offset. */
static size_t line_of(const struct lines *l, size_t offset)
{
	return line_starts_find(l->starts, l->count, offset);
}

static void print_line(FILE *out, const char *start, size_t n, char prefix)
{
	fputc(prefix, out);
	fwrite(start, 1, n, out);
	if (n == 0 || start[n - 1] != '\n')
		fputs("\n\\ No newline at end of file\n", out);
}

/* Lines [from, to) with a prefix each, as diff -u writes them. A line of
 * context that GitHub Actions would read as a workflow command (it starts
 * with "::" once the space before it is trimmed) is written removed and
 * added again instead: the patch is the same, and no line of it starts
 * so. */
static void print_lines(FILE *out, const struct lines *l, size_t from, size_t to, char prefix)
{
	for (size_t i = from; i < to; i++) {
		const char *start = l->text + l->starts[i];
		size_t n = l->starts[i + 1] - l->starts[i];
		if (prefix == ' ' && quote_starts_command(start, n)) {
			print_line(out, start, n, '-');
			print_line(out, start, n, '+');
		} else {
			print_line(out, start, n, prefix);
		}
	}
}

/* One change: old lines [old_from, old_to) become new lines [new_from,
 * new_to). Changes come in order and never share a line. */
struct change {
	size_t old_from, old_to, new_from, new_to;
};

/* The changes the edits make, line by line: edits on the same or next
 * lines are one change, as diff would show them. */
static size_t find_changes(const struct edits *edits, const struct lines *old,
			   const struct lines *new, struct change *changes)
{
	size_t count = 0;
	long long shift = 0; /* bytes the edits so far added */

	for (size_t i = 0; i < edits->count; i++) {
		const struct edit *e = &edits->items[i];
		size_t text_len = strlen(e->text);
		size_t end = e->offset + e->length;
		size_t from = line_of(old, e->offset);
		size_t to = line_of(old, end > e->offset ? end - 1 : end) + 1;
		size_t new_start = (size_t)((long long)e->offset + shift);
		size_t new_end = new_start + text_len;
		size_t new_from = line_of(new, new_start);
		size_t new_to = line_of(new, new_end > new_start ? new_end - 1 : new_end) + 1;

		shift += (long long)text_len - (long long)e->length;
		if (count > 0 && from <= changes[count - 1].old_to) {
			changes[count - 1].old_to = to > changes[count - 1].old_to
				? to : changes[count - 1].old_to;
			changes[count - 1].new_to = new_to > changes[count - 1].new_to
				? new_to : changes[count - 1].new_to;
			continue;
		}
		changes[count++] = (struct change){ from, to, new_from, new_to };
	}
	return count;
}

/* Prints the hunk of changes [first, last]: context, then each change's
 * old and new lines, with the unchanged lines between them. */
static void print_hunk(FILE *out, const struct lines *old, const struct lines *new,
		       const struct change *changes, size_t first, size_t last)
{
	size_t before = changes[first].old_from < CONTEXT ? changes[first].old_from : CONTEXT;
	size_t old_from = changes[first].old_from - before;
	size_t old_to = changes[last].old_to + CONTEXT < old->count
		? changes[last].old_to + CONTEXT : old->count;
	size_t after = old_to - changes[last].old_to;
	size_t new_from = changes[first].new_from - before;
	size_t new_to = changes[last].new_to + after;

	/* diff -u numbers an empty range by the line before it. */
	fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n",
		old_to > old_from ? old_from + 1 : old_from, old_to - old_from,
		new_to > new_from ? new_from + 1 : new_from, new_to - new_from);
	print_lines(out, old, old_from, changes[first].old_from, ' ');
	for (size_t i = first; i <= last; i++) {
		if (i > first)
			print_lines(out, old, changes[i - 1].old_to, changes[i].old_from, ' ');
		print_lines(out, old, changes[i].old_from, changes[i].old_to, '-');
		print_lines(out, new, changes[i].new_from, changes[i].new_to, '+');
	}
	print_lines(out, old, changes[last].old_to, old_to, ' ');
}

static void print_diff(FILE *out, const char *name, const struct lines *old,
		       const struct lines *new, const struct change *changes, size_t count)
{
	/* a/ and b/ before the name, as git writes them, for patch -p1. */
	while (name[0] == '/' || (name[0] == '.' && name[1] == '/'))
		name += name[0] == '/' ? 1 : 2;
	fputs("--- a/", out);
	quote_print_name(out, name);
	fputs("\n+++ b/", out);
	quote_print_name(out, name);
	fputc('\n', out);
	for (size_t first = 0; first < count;) {
		size_t last = first;
		/* Changes whose contexts meet share a hunk. */
		while (last + 1 < count &&
		       changes[last + 1].old_from - changes[last].old_to <= 2 * CONTEXT)
			last++;
		print_hunk(out, old, new, changes, first, last);
		first = last + 1;
	}
}

static void diff_file(struct reporter *r, const char *name, const struct source *src,
		      const struct diag_list *diags)
{
	struct edits edits;
	struct lines old = { 0 }, new = { 0 };
	struct change *changes = NULL;
	char *fixed = NULL;
	size_t len;

	if (!src || !edits_collect(&edits, src, diags)) {
		r->failed |= src != NULL;
		return;
	}
	if (edits.count == 0)
		goto done;
	if (!(fixed = edits_apply(&edits, src, &len)) || !lines_split(&old, src->data, src->len) ||
	    !lines_split(&new, fixed, len) ||
	    !(changes = mem_malloc(edits.count * sizeof *changes))) {
		r->failed = true;
		goto done;
	}
	print_diff(r->out, name, &old, &new, changes, find_changes(&edits, &old, &new, changes));
done:
	free(changes);
	free(old.starts);
	free(new.starts);
	free(fixed);
	edits_free(&edits);
}

const struct report_ops report_diff_ops = {
	.file = diff_file,
};
