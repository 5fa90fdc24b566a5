#include "report.h"

#include <errno.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/utf8.h"

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

bool report_pictures(struct reporter *r, const char *name, const struct picture_list *pictures)
{
	if (!r->ops->pictures)
		return false;
	errno = 0;
	r->ops->pictures(r, name, pictures);
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

/* The code point of the UTF-8 sequence text[0..step), step 1 to 3. */
static unsigned code_point(const unsigned char *text, size_t step)
{
	if (step == 1)
		return text[0];
	if (step == 2)
		return ((text[0] & 0x1Fu) << 6) | (text[1] & 0x3Fu);
	return ((text[0] & 0x0Fu) << 12) | ((text[1] & 0x3Fu) << 6) | (text[2] & 0x3Fu);
}

/* The characters JSON may hold as they are but that are escaped in every
 * other format: DEL and the C1 controls, the line and paragraph
 * separators, and the marks that turn text around. cJSON escapes the C0
 * controls itself. */
static bool escaped_in_json(unsigned code)
{
	return code == 0x7F || (code >= 0x80 && code <= 0x9F) || code == 0x061C ||
	       code == 0x200E || code == 0x200F || code == 0x2028 || code == 0x2029 ||
	       (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

/* Writes JSON text with those characters as \u escapes: they occur only
 * inside strings, whose value the escapes keep exactly. */
static void print_escaped_json(FILE *out, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t left = strlen(text);

	while (left) {
		size_t step = utf8_sequence_length(p, left);
		if (step == 0)
			step = 1;
		if (step <= 3 && escaped_in_json(code_point(p, step)))
			fprintf(out, "\\u%04x", code_point(p, step));
		else
			fwrite(p, 1, step, out);
		p += step;
		left -= step;
	}
}

void report_print_json(struct reporter *r, const struct cJSON *tree)
{
	char *text = tree ? cJSON_Print(tree) : NULL;

	if (!text) {
		r->failed = true;
		return;
	}
	print_escaped_json(r->out, text);
	fputc('\n', r->out);
	cJSON_free(text);
}
