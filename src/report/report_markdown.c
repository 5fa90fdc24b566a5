/* The Markdown format: a summary for a pull-request comment or a GitHub
 * Actions job summary ($GITHUB_STEP_SUMMARY). A heading, the counts, a
 * table of the diagnostics, a Mermaid diagram of each experiment
 * (report/mermaid.c), then the plan when --plan is given. The whole
 * report is kept until the end, since the counts come first. */
#include "report.h"

#include <stdlib.h>

#include "base/memory.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "mermaid.h"

struct markdown {
	struct strbuf rows;
	struct strbuf plan;
	struct strbuf pictures;
	size_t by_severity[3];
	size_t unreadable;
};

static struct markdown *state_of(struct reporter *r)
{
	if (!r->state && !(r->state = mem_calloc(1, sizeof(struct markdown))))
		r->failed = true;
	return r->state;
}

/* Text in a table cell or a list item, shown as it is: Markdown's
 * punctuation escaped with a backslash (a | would end the cell), HTML's
 * < and & too (> alone starts nothing in a cell or after "- "), and a line break as <br>, which a cell allows. */
static void escape(struct strbuf *b, const char *text)
{
	for (; *text; text++) {
		switch (*text) {
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '<': case '|': case '~': case '&':
			strbuf_putc(b, '\\');
			strbuf_putc(b, *text);
			break;
		case '\r':
			if (text[1] == '\n')
				text++;
			/* fall through */
		case '\n':
			strbuf_puts(b, "<br>");
			break;
		default:
			strbuf_putc(b, *text);
		}
	}
}

/* A file's name in a cell: its control characters, and the characters
 * that turn text around, escaped first as every format writes them. */
static void escape_name(struct strbuf *b, const char *name)
{
	struct strbuf shown = STRBUF_INIT;

	quote_add_name(&shown, name);
	escape(b, strbuf_text(&shown));
	b->failed |= shown.failed;
	strbuf_free(&shown);
}

static void markdown_file(struct reporter *r, const char *name, const struct source *src,
			  const struct diag_list *diags)
{
	struct markdown *md = state_of(r);
	char place[64];

	(void)src;
	for (size_t i = 0; md && i < diags->count; i++) {
		const struct diag *diag = &diags->items[i];
		const struct rule *rule = rule_get(diag->rule);
		md->by_severity[diag->severity]++;
		strbuf_puts(&md->rows, "| ");
		escape_name(&md->rows, name);
		snprintf(place, sizeof place, ":%d:%d | %s | ", diag->span.line, diag->span.column,
			 severity_name(diag->severity));
		strbuf_puts(&md->rows, place);
		escape(&md->rows, rule->code);
		strbuf_putc(&md->rows, ' ');
		escape(&md->rows, rule->name);
		strbuf_puts(&md->rows, " | ");
		escape(&md->rows, diag->message);
		strbuf_puts(&md->rows, " |\n");
	}
}

static void markdown_unreadable(struct reporter *r, const char *name, const char *why)
{
	struct markdown *md = state_of(r);

	if (!md)
		return;
	md->unreadable++;
	strbuf_puts(&md->rows, "| ");
	escape_name(&md->rows, name);
	strbuf_puts(&md->rows, " | error | | cannot read the file: ");
	escape(&md->rows, why);
	strbuf_puts(&md->rows, " |\n");
}

static void markdown_plan(struct reporter *r, const char *name, const char *const *lines,
			  size_t count)
{
	struct markdown *md = state_of(r);

	if (!md)
		return;
	strbuf_puts(&md->plan, "\n**");
	escape_name(&md->plan, name);
	strbuf_puts(&md->plan, "**\n\n");
	for (size_t i = 0; i < count; i++) {
		strbuf_puts(&md->plan, "- ");
		escape(&md->plan, lines[i]);
		strbuf_putc(&md->plan, '\n');
	}
}

/* A file's experiments: a diagram each, or the line that says why not. */
static void markdown_pictures(struct reporter *r, const char *name,
			      const struct picture_list *pictures)
{
	struct markdown *md = state_of(r);
	char more[64];

	if (!md || (!pictures->count && !pictures->left_out))
		return;
	strbuf_puts(&md->pictures, "\n**");
	escape_name(&md->pictures, name);
	strbuf_puts(&md->pictures, "**\n");
	for (size_t i = 0; i < pictures->count; i++) {
		const struct picture *picture = &pictures->items[i];
		strbuf_putc(&md->pictures, '\n');
		if (picture->title) {
			escape_name(&md->pictures, picture->title);
			strbuf_puts(&md->pictures, picture->not_drawn ? ": " : "\n\n");
		}
		if (picture->not_drawn) {
			escape(&md->pictures, picture->not_drawn);
			strbuf_putc(&md->pictures, '\n');
		} else {
			mermaid_draw(&md->pictures, picture);
		}
	}
	if (pictures->left_out) {
		snprintf(more, sizeof more, "\n%zu more %s not drawn\n", pictures->left_out,
			 pictures->left_out == 1 ? "experiment" : "experiments");
		strbuf_puts(&md->pictures, more);
	}
}

static void print_count(FILE *out, size_t n, const char *one, const char *many)
{
	fprintf(out, "%zu %s", n, n == 1 ? one : many);
}

static void markdown_finish(struct reporter *r, int exit_status)
{
	struct markdown *md = state_of(r);

	(void)exit_status;
	if (!md)
		return;
	if (md->rows.failed || md->plan.failed || md->pictures.failed) {
		r->failed = true;
		return;
	}
	fputs("## ielint\n\n", r->out);
	if (!md->rows.len) {
		fputs("No problems found.\n", r->out);
	} else {
		print_count(r->out, md->by_severity[SEVERITY_ERROR], "error", "errors");
		fputs(", ", r->out);
		print_count(r->out, md->by_severity[SEVERITY_WARNING], "warning", "warnings");
		fputs(", ", r->out);
		print_count(r->out, md->by_severity[SEVERITY_NOTE], "note", "notes");
		if (md->unreadable) {
			fputs("; ", r->out);
			print_count(r->out, md->unreadable, "file", "files");
			fputs(" could not be read", r->out);
		}
		fputs(".\n\n| Location | Severity | Rule | Message |\n"
		      "| --- | --- | --- | --- |\n", r->out);
		fputs(strbuf_text(&md->rows), r->out);
	}
	if (md->pictures.len) {
		fputs("\n### Experiments\n", r->out);
		fputs(strbuf_text(&md->pictures), r->out);
	}
	if (md->plan.len) {
		fputs("\n### Plan\n", r->out);
		fputs(strbuf_text(&md->plan), r->out);
	}
}

static void markdown_free(struct reporter *r)
{
	struct markdown *md = r->state;

	if (md) {
		strbuf_free(&md->rows);
		strbuf_free(&md->plan);
		strbuf_free(&md->pictures);
		free(md);
	}
	r->state = NULL;
}

const struct report_ops report_markdown_ops = {
	.file = markdown_file,
	.unreadable = markdown_unreadable,
	.finish = markdown_finish,
	.free = markdown_free,
	.plan = markdown_plan,
	.pictures = markdown_pictures,
};
