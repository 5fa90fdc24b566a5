/* The text format: FILE:LINE:COL: SEVERITY: MESSAGE [CODE name], the form
 * GCC uses, so that editors and CI problem matchers read it; with colours
 * on a terminal, and the offending line under each diagnostic on request. */
#include "report.h"

#include <limits.h>
#include <string.h>

#include "fixes.h"
#include "base/quote.h"
#include "base/strbuf.h"

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

/* A line of the document as it is shown: its control characters escaped
 * as in names, so that the file cannot move the cursor, change colours or
 * turn the text around on the terminal. */
static void print_shown(FILE *out, const char *text, size_t len)
{
	char shown[8];
	size_t step;

	for (size_t at = 0; at < len; at += step)
		fwrite(shown, 1, quote_shown_char(shown, text + at, len - at, &step), out);
}

/* The columns the character at text[0..len) is shown in: one, or the
 * length of its escape; *at is moved past it. */
static size_t shown_width(const char *text, size_t len, size_t *at)
{
	char shown[8];
	size_t step, written = quote_shown_char(shown, text, len, &step);

	*at += step;
	return shown[0] == '\\' && written > 1 ? written : 1;
}

/* Under one character of the line: a tab for a tab, else a space for each
 * column it is shown in; returns its length. */
static size_t pad_under(FILE *out, const char *text, size_t len)
{
	size_t step = 0, width = shown_width(text, len, &step);

	if (text[0] == '\t')
		fputc('\t', out);
	else
		fprintf(out, "%*s", (int)width, "");
	return step;
}

/* Like GCC: the line, then a caret under the column and tildes under the
 * rest of the span when it stays on the line. Tabs are copied into the
 * caret line so that it lines up however wide a tab is shown, and a
 * control character's escape gets as many columns as it is shown in. */
static void print_source_line(struct reporter *r, const struct source *src,
			      struct cursor *c, const struct diag *diag)
{
	int first = 1, last = INT_MAX; /* the columns shown, last just past them */
	const char *end, *from, *to;
	bool color = r->options.color;
	size_t len, at = 0;
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
	len = (size_t)(to - from);
	fprintf(r->out, " %5d | %s", diag->span.line, from > c->text ? "..." : "");
	print_shown(r->out, from, len);
	fprintf(r->out, "%s\n       | %s", to < end ? "..." : "", from > c->text ? "   " : "");
	for (column = first; at < len && column < diag->span.column; column++)
		at += pad_under(r->out, from + at, len - at);
	fputs(color ? "\033[1;32m^" : "^", r->out);
	for (int col = column; col < diag->span.end_column && col < last &&
			       diag->span.end_line == diag->span.line; col++) {
		size_t width = at < len ? shown_width(from + at, len - at, &at) : 1;
		for (size_t w = col == column; w < width; w++)
			fputc('~', r->out);
	}
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

/* A file's name as it starts a line: escaped, and after "./" where it
 * would make the line a workflow command of GitHub Actions (a file named
 * "::error file=README.md::x.yaml"); the text format is what pre-commit
 * and plain CI steps print. */
static struct strbuf name_at_line_start(struct reporter *r, const char *name)
{
	struct strbuf shown = STRBUF_INIT;

	quote_add_name(&shown, name);
	if (quote_starts_command(strbuf_text(&shown), shown.len)) {
		strbuf_free(&shown);
		strbuf_puts(&shown, "./");
		quote_add_name(&shown, name);
	}
	r->failed |= shown.failed;
	return shown;
}

static void text_file(struct reporter *r, const char *name, const struct source *src,
		      const struct diag_list *diags)
{
	bool color = r->options.color;
	struct strbuf shown = name_at_line_start(r, name);
	struct cursor cursor = { 0 };

	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *diag = &diags->items[i];
		const struct rule *rule = rule_get(diag->rule);
		fputs(color ? BOLD : "", r->out);
		fputs(strbuf_text(&shown), r->out);
		fprintf(r->out, ":%d:%d:%s %s%s:%s %s [%s %s]\n", diag->span.line, diag->span.column,
			color ? RESET : "", color ? severity_colors[diag->severity] : "",
			severity_name(diag->severity), color ? RESET : "", diag->message,
			rule->code, rule->name);
		if (r->options.show_source && src)
			print_source_line(r, src, &cursor, diag);
		print_fix(r, src, diag);
	}
	strbuf_free(&shown);
}

/* After the file's diagnostics: "NAME: plan:" and the lines, indented. */
static void text_plan(struct reporter *r, const char *name, const char *const *lines,
		      size_t count)
{
	struct strbuf shown = name_at_line_start(r, name);

	fputs(r->options.color ? BOLD : "", r->out);
	fputs(strbuf_text(&shown), r->out);
	fputs(r->options.color ? ":" RESET " plan:\n" : ": plan:\n", r->out);
	for (size_t i = 0; i < count; i++) {
		/* A variant named "::warning title=..." starts a line too: its
		 * first colon is written escaped. */
		const char *colon = quote_starts_command(lines[i], strlen(lines[i]))
			? strchr(lines[i], ':') : NULL;
		if (colon)
			fprintf(r->out, "  %.*s\\x3A%s\n", (int)(colon - lines[i]), lines[i], colon + 1);
		else
			fprintf(r->out, "  %s\n", lines[i]);
	}
	strbuf_free(&shown);
}

const struct report_ops report_text_ops = {
	.file = text_file,
	.plan = text_plan,
};
