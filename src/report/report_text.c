/* The text format: FILE:LINE:COL: SEVERITY: MESSAGE [CODE name], the form
 * GCC uses, so that editors and CI problem matchers read it; with colours
 * on a terminal, and the offending line under each diagnostic on request. */
#include "report.h"

#include <limits.h>
#include <string.h>

#include "fixes.h"
#include "base/quote.h"

#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *const severity_colors[] = {
	[SEVERITY_NOTE] = "\033[1;36m",    /* bold cyan, as GCC */
	[SEVERITY_WARNING] = "\033[1;35m", /* bold magenta */
	[SEVERITY_ERROR] = "\033[1;31m",   /* bold red */
};

/* A line longer than SOURCE_WIDTH characters is shown clipped around the
 * column, SOURCE_LEAD characters before it, with "..." where text was left
 * out, as compilers do: a minified JSON file is one line, and was printed
 * whole under each of its diagnostics. */
enum { SOURCE_WIDTH = 100, SOURCE_LEAD = 40 };

/* The source line shown last and a place in it. The diagnostics come in
 * order of position, so the next line and column are looked for from
 * there: from the start of a large file each time, a thousand
 * diagnostics would read it a thousand times. */
struct cursor {
	int line; /* 0 before the first */
	const char *text;
	size_t len;
	bool clipped; /* the line is longer than SOURCE_WIDTH characters */
	const char *at; /* where the character at column starts */
	int column;
};

/* Where the line that starts at p ends: at its CR, LF or CR LF. */
static const char *line_end(const char *p, const char *end)
{
	while (p < end && *p != '\n' && *p != '\r')
		p++;
	return p;
}

/* Past the character at p (UTF-8 continuation bytes are not columns). */
static const char *next_char(const char *p, const char *end)
{
	for (p++; p < end && (*p & 0xC0) == 0x80; p++)
		;
	return p;
}

/* Past count characters from p, or at end. */
static const char *skip_chars(const char *p, const char *end, int count)
{
	for (; count > 0 && p < end; count--)
		p = next_char(p, end);
	return p;
}

/* Moves the cursor to the start of a 1-based line; false when the source
 * has no such line. */
static bool seek_line(const struct source *src, struct cursor *c, int line)
{
	const char *p = src->data, *end = src->data + src->len;
	int at = 1;

	if (c->line == line)
		return true;
	if (c->line > 0 && c->line < line) {
		p = c->text;
		at = c->line;
	} else if (src->len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		p += 3;
	}
	for (; at < line; at++) {
		p = line_end(p, end);
		if (p == end)
			return false;
		p += p + 1 < end && p[0] == '\r' && p[1] == '\n' ? 2 : 1;
	}
	if (p == end && line > 1)
		return false;
	end = line_end(p, end);
	*c = (struct cursor){ line, p, (size_t)(end - p), skip_chars(p, end, SOURCE_WIDTH) < end,
			      p, 1 };
	return true;
}

/* Moves the cursor to a column of its line, or to the line's end. */
static void seek_column(struct cursor *c, int column)
{
	const char *end = c->text + c->len;

	if (column < c->column) {
		c->at = c->text;
		c->column = 1;
	}
	for (; c->column < column && c->at < end; c->column++)
		c->at = next_char(c->at, end);
}

/* Like GCC: the line, then a caret under the column and tildes under the
 * rest of the span when it stays on the line. Tabs are copied into the
 * caret line so that it lines up however wide a tab is shown. */
static void print_source_line(struct reporter *r, const struct source *src,
			      struct cursor *c, const struct diag *diag)
{
	int first = 1, last = INT_MAX; /* the columns shown, last just past them */
	const char *end, *from, *to, *p;
	bool color = r->options.color;
	int column;

	if (!seek_line(src, c, diag->span.line))
		return;
	end = c->text + c->len;
	if (c->clipped) {
		first = diag->span.column > SOURCE_LEAD ? diag->span.column - SOURCE_LEAD : 1;
		last = first + SOURCE_WIDTH;
	}
	seek_column(c, first);
	from = c->at;
	to = c->clipped ? skip_chars(from, end, SOURCE_WIDTH) : end;
	fprintf(r->out, " %5d | %s%.*s%s\n       | %s", diag->span.line, from > c->text ? "..." : "",
		(int)(to - from), from, to < end ? "..." : "", from > c->text ? "   " : "");
	for (p = from, column = first; p < to && column < diag->span.column; column++) {
		fputc(*p == '\t' ? '\t' : ' ', r->out);
		p = next_char(p, end);
	}
	fputs(color ? "\033[1;32m^" : "^", r->out);
	if (diag->span.end_line == diag->span.line)
		for (int at = column + 1; at < diag->span.end_column && at < last; at++)
			fputc('~', r->out);
	fputs(color ? RESET "\n" : "\n", r->out);
}

/* Text as the document writes it, its control characters escaped so that
 * it stays on the line. */
static void print_written(FILE *out, const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c < 0x20 || c == 0x7F)
			fprintf(out, "\\x%02x", c);
		else
			fputc(c, out);
	}
}

/* The fix under its diagnostic: "fix: replace ml.m5.xlarg with ml.m5.xlarge". */
static void print_fix(struct reporter *r, const struct source *src, const struct diag *diag)
{
	size_t offset;

	if (!fix_offset(src, diag, &offset))
		return;
	fputs("    fix: replace ", r->out);
	print_written(r->out, src->data + offset, diag->fix->length);
	fputs(" with ", r->out);
	print_written(r->out, diag->fix->text, strlen(diag->fix->text));
	fputc('\n', r->out);
}

static void text_file(struct reporter *r, const char *name, const struct source *src,
		      const struct diag_list *diags)
{
	bool color = r->options.color;
	struct cursor cursor = { 0 };

	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *diag = &diags->items[i];
		const struct rule *rule = rule_get(diag->rule);
		fputs(color ? BOLD : "", r->out);
		quote_print_name(r->out, name);
		fprintf(r->out, ":%d:%d:%s %s%s:%s %s [%s %s]\n", diag->span.line, diag->span.column,
			color ? RESET : "", color ? severity_colors[diag->severity] : "",
			severity_name(diag->severity), color ? RESET : "", diag->message,
			rule->code, rule->name);
		if (r->options.show_source && src)
			print_source_line(r, src, &cursor, diag);
		print_fix(r, src, diag);
	}
}

/* After the file's diagnostics: "NAME: plan:" and the lines, indented. */
static void text_plan(struct reporter *r, const char *name, const char *const *lines,
		      size_t count)
{
	fputs(r->options.color ? BOLD : "", r->out);
	quote_print_name(r->out, name);
	fputs(r->options.color ? ":" RESET " plan:\n" : ": plan:\n", r->out);
	for (size_t i = 0; i < count; i++)
		fprintf(r->out, "  %s\n", lines[i]);
}

const struct report_ops report_text_ops = {
	.file = text_file,
	.plan = text_plan,
};
