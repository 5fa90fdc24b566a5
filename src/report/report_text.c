/* The text format: FILE:LINE:COL: SEVERITY: MESSAGE [CODE name], the form
 * GCC uses, so that editors and CI problem matchers read it; with colours
 * on a terminal, and the offending line under each diagnostic on request. */
#include "report.h"

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

/* Where the line that starts at p ends: at its CR, LF or CR LF. */
static const char *line_end(const char *p, const char *end)
{
	while (p < end && *p != '\n' && *p != '\r')
		p++;
	return p;
}

/* The text of a 1-based line, without its line break. */
static bool find_line(const struct source *src, int line, const char **start,
		      size_t *len)
{
	const char *p = src->data, *end = src->data + src->len;

	if (src->len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (int at = 1; at < line; at++) {
		p = line_end(p, end);
		if (p == end)
			return false;
		p += p + 1 < end && p[0] == '\r' && p[1] == '\n' ? 2 : 1;
	}
	if (p == end && line > 1)
		return false;
	*start = p;
	*len = (size_t)(line_end(p, end) - p);
	return true;
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
 * caret line so that it lines up however wide a tab is shown. */
static void print_source_line(struct reporter *r, const struct source *src,
			      const struct diag *diag)
{
	const char *text;
	size_t len, at = 0;
	int column = 1;
	bool color = r->options.color;

	if (!find_line(src, diag->span.line, &text, &len))
		return;
	fprintf(r->out, " %5d | ", diag->span.line);
	print_shown(r->out, text, len);
	fputs("\n       | ", r->out);
	for (; at < len && column < diag->span.column; column++)
		at += pad_under(r->out, text + at, len - at);
	fputs(color ? "\033[1;32m^" : "^", r->out);
	for (int c = column; c < diag->span.end_column && diag->span.end_line == diag->span.line;
	     c++) {
		size_t width = at < len ? shown_width(text + at, len - at, &at) : 1;
		for (size_t w = c == column; w < width; w++)
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
			print_source_line(r, src, diag);
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
