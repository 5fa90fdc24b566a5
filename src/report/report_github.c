/* GitHub Actions workflow commands, one per diagnostic, which GitHub shows
 * as annotations on the pull request:
 *   ::error file=F,line=L,col=C,endLine=L,endColumn=C,title=T::MESSAGE */
#include "report.h"

#include "base/quote.h"
#include "base/strbuf.h"

static const char *const commands[] = {
	[SEVERITY_NOTE] = "notice",
	[SEVERITY_WARNING] = "warning",
	[SEVERITY_ERROR] = "error",
};

/* The escapes GitHub's toolkit applies: in a message %, CR and LF; in a
 * property also ':' and ',', which separate properties. */
static void escape(FILE *out, const char *text, bool property)
{
	for (; *text; text++) {
		switch (*text) {
		case '%':
			fputs("%25", out);
			break;
		case '\r':
			fputs("%0D", out);
			break;
		case '\n':
			fputs("%0A", out);
			break;
		case ':':
			fputs(property ? "%3A" : ":", out);
			break;
		case ',':
			fputs(property ? "%2C" : ",", out);
			break;
		default:
			fputc(*text, out);
		}
	}
}

/* A file's name as a property: its control characters escaped as every
 * format writes them (the log shows an escape sequence as colours), then
 * as GitHub's toolkit escapes a property. */
static void escape_name(struct reporter *r, const char *name)
{
	struct strbuf shown = STRBUF_INIT;

	quote_add_name(&shown, name);
	escape(r->out, strbuf_text(&shown), true);
	r->failed |= shown.failed;
	strbuf_free(&shown);
}

static void github_file(struct reporter *r, const char *name, const struct source *src,
			const struct diag_list *diags)
{
	(void)src;
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *diag = &diags->items[i];
		const struct rule *rule = rule_get(diag->rule);
		/* GitHub's end column is the last character, not the one after. */
		int end_column = diag->span.end_column > diag->span.column ||
				 diag->span.end_line > diag->span.line
			? diag->span.end_column - 1 : diag->span.column;

		fprintf(r->out, "::%s file=", commands[diag->severity]);
		escape_name(r, name);
		fprintf(r->out, ",line=%d,col=%d,endLine=%d,endColumn=%d,title=",
			diag->span.line, diag->span.column, diag->span.end_line,
			end_column > 0 ? end_column : 1);
		escape(r->out, rule->code, true);
		fputc(' ', r->out);
		escape(r->out, rule->name, true);
		fputs("::", r->out);
		escape(r->out, diag->message, false);
		fputc('\n', r->out);
	}
}

static void github_unreadable(struct reporter *r, const char *name, const char *why)
{
	fputs("::error file=", r->out);
	escape_name(r, name);
	fputs(",title=ielint::cannot read the file: ", r->out);
	escape(r->out, why, false);
	fputc('\n', r->out);
}

const struct report_ops report_github_ops = {
	.file = github_file,
	.unreadable = github_unreadable,
};
