#include "report.h"

#include <errno.h>
#include <string.h>

#include <cjson/cJSON.h>

static const struct {
	const char *name;
	enum report_format format;
	const struct report_ops *ops;
} formats[] = {
	{ "text", REPORT_TEXT, &report_text_ops },
	{ "json", REPORT_JSON, &report_json_ops },
	{ "sarif", REPORT_SARIF, &report_sarif_ops },
	{ "github", REPORT_GITHUB, &report_github_ops },
	{ "diff", REPORT_DIFF, &report_diff_ops },
	{ "markdown", REPORT_MARKDOWN, &report_markdown_ops },
	{ "codequality", REPORT_CODEQUALITY, &report_codequality_ops },
	{ "junit", REPORT_JUNIT, &report_junit_ops },
};

bool report_format_parse(const char *text, enum report_format *format)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		if (strcmp(text, formats[i].name) == 0) {
			*format = formats[i].format;
			return true;
		}
	}
	return false;
}

const char *report_format_name_at(size_t i)
{
	return i < sizeof formats / sizeof *formats ? formats[i].name : NULL;
}

bool reporter_init(struct reporter *r, const struct report_options *options, FILE *out)
{
	memset(r, 0, sizeof *r);
	r->options = *options;
	r->out = out;
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (formats[i].format == options->format)
			r->ops = formats[i].ops;
	return r->ops != NULL;
}

/* Keeps the errno of the first failed write: later calls may change it. */
static void note_write_error(struct reporter *r)
{
	if (ferror(r->out) && !r->error)
		r->error = errno ? errno : EIO;
}

void report_file(struct reporter *r, const char *name, const struct source *src,
		 const struct diag_list *diags)
{
	errno = 0;
	r->ops->file(r, name, src, diags);
	note_write_error(r);
}

void report_unreadable(struct reporter *r, const char *name, const char *why)
{
	errno = 0;
	if (r->ops->unreadable)
		r->ops->unreadable(r, name, why);
	note_write_error(r);
}

bool report_plan(struct reporter *r, const char *name, const char *const *lines,
		 size_t count)
{
	if (!r->ops->plan)
		return false;
	errno = 0;
	r->ops->plan(r, name, lines, count);
	note_write_error(r);
	return true;
}

bool report_finish(struct reporter *r, int exit_status)
{
	if (r->ops->finish)
		r->ops->finish(r, exit_status);
	if (r->ops->free)
		r->ops->free(r);
	errno = 0;
	if (fflush(r->out) != 0 || ferror(r->out)) {
		note_write_error(r);
		r->failed = true;
	}
	return !r->failed;
}

void report_print_json(struct reporter *r, const struct cJSON *tree)
{
	char *text = tree ? cJSON_Print(tree) : NULL;

	if (!text) {
		r->failed = true;
		return;
	}
	fputs(text, r->out);
	fputc('\n', r->out);
	cJSON_free(text);
}
