/* The text format: FILE:LINE:COL: SEVERITY: MESSAGE [CODE name], the form
 * GCC uses, so that editors and CI problem matchers read it; with colours
 * on a terminal, and the offending line under each diagnostic on request. */
#include "report.h"

#include <string.h>

#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *const severity_colors[] = {
	[SEVERITY_NOTE] = "\033[1;36m",    /* bold cyan, as GCC */
	[SEVERITY_WARNING] = "\033[1;35m", /* bold magenta */
	[SEVERITY_ERROR] = "\033[1;31m",   /* bold red */
};

/* The text of a 1-based line, without its line break. */
static bool find_line(const struct source *src, int line, const char **start,
		      size_t *len)
{
	const char *p = src->data, *end = src->data + src->len;

	if (src->len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (int at = 1; at < line && p < end; at++) {
		const char *next = memchr(p, '\n', (size_t)(end - p));
		p = next ? next + 1 : end;
	}
	if (p >= end && line > 1)
		return false;
	const char *stop = memchr(p, '\n', (size_t)(end - p));
	size_t n = stop ? (size_t)(stop - p) : (size_t)(end - p);
	if (n > 0 && p[n - 1] == '\r')
		n--;
	*start = p;
	*len = n;
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

static void text_file(struct reporter *r, const char *name, const struct source *src,
		      const struct diag_list *diags)
{
	bool color = r->options.color;

	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *diag = &diags->items[i];
		const struct rule *rule = rule_get(diag->rule);
		fprintf(r->out, "%s%s:%d:%d:%s %s%s:%s %s [%s %s]\n",
			color ? BOLD : "", name, diag->span.line, diag->span.column,
			color ? RESET : "", color ? severity_colors[diag->severity] : "",
			severity_name(diag->severity), color ? RESET : "", diag->message,
			rule->code, rule->name);
		if (r->options.show_source && src)
			print_source_line(r, src, diag);
	}
}

const struct report_ops report_text_ops = {
	.file = text_file,
};
