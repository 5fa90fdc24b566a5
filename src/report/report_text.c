/* The text format: FILE:LINE:COL: SEVERITY: MESSAGE [CODE name], the form
 * GCC uses, so that editors and CI problem matchers read it; with colours
 * on a terminal, and the offending line under each diagnostic on request. */
#include "report.h"

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
	fprintf(r->out, " %5d | %.*s\n       | ", diag->span.line, (int)len, text);
	for (; at < len && column < diag->span.column; at++) {
		if ((text[at] & 0xC0) == 0x80)
			continue;
		fputc(text[at] == '\t' ? '\t' : ' ', r->out);
		column++;
	}
	fputs(color ? "\033[1;32m^" : "^", r->out);
	if (diag->span.end_line == diag->span.line)
		for (int c = column + 1; c < diag->span.end_column; c++)
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
			print_source_line(r, src, diag);
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
