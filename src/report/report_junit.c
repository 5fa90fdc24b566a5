/* JUnit XML, for the test-report views of CI systems (GitLab's
 * artifacts:reports:junit, Jenkins, and the like): ielint's findings as
 * test results, so a dashboard shows which files fail the gate.
 *
 * - <testsuites> holds one <testsuite> per file linted (name: the file as
 *   the other formats name it), with its tests, failures and errors.
 * - Each diagnostic is a <testcase> (classname: the file; name: "IE206
 *   invalid-enum at 13:23"). One that fails the run (an error, or a
 *   warning or note that --fail-on makes fail) holds a <failure> of the
 *   diagnostic's severity as type; any other passes with the diagnostic
 *   in <system-out>. So the dashboard is red exactly where the exit
 *   status says 1, and advice stays visible without failing anything.
 * - A file without diagnostics has one passing testcase, "ielint", so
 *   that it is counted as checked.
 * - A file that could not be read has a testcase "ielint" with an
 *   <error>, which is how JUnit says a test could not run.
 *
 * The report is kept until the end, when the totals are known. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml_text.h"
#include "base/memory.h"
#include "base/quote.h"
#include "base/strbuf.h"

#define CLEAN_CASE "ielint"

struct junit {
	struct strbuf suites;
	size_t tests, failures, errors;
	char *unreadable; /* a file that could not be read, not yet written */
	char *why;
};

/* The counts and cases of one testsuite as they are built. */
struct suite {
	struct strbuf cases;
	size_t tests, failures, errors;
};

static struct junit *state_of(struct reporter *r)
{
	if (!r->state && !(r->state = mem_calloc(1, sizeof(struct junit))))
		r->failed = true;
	return r->state;
}

static void put_attribute(struct strbuf *b, const char *key, const char *value)
{
	strbuf_putc(b, ' ');
	strbuf_puts(b, key);
	strbuf_puts(b, "=\"");
	xml_put_text(b, value, true);
	strbuf_putc(b, '"');
}

static void put_count(struct strbuf *b, const char *key, size_t value)
{
	char text[32];

	snprintf(text, sizeof text, "%zu", value);
	put_attribute(b, key, text);
}

/* <testcase classname="FILE" name="NAME">, open. */
static void open_case(struct suite *s, const char *file, const char *name)
{
	strbuf_puts(&s->cases, "    <testcase");
	put_attribute(&s->cases, "classname", file);
	put_attribute(&s->cases, "name", name);
	strbuf_puts(&s->cases, ">\n");
	s->tests++;
}

/* FILE:LINE:COL: SEVERITY: MESSAGE [CODE name], as the text format has it. */
static void put_text_line(struct strbuf *b, const char *file, const struct diag *diag,
			  const struct rule *rule)
{
	char place[64];

	xml_put_text(b, file, false);
	snprintf(place, sizeof place, ":%d:%d: %s: ", diag->span.line, diag->span.column,
		 severity_name(diag->severity));
	strbuf_puts(b, place);
	xml_put_text(b, diag->message, false);
	strbuf_puts(b, " [");
	xml_put_text(b, rule->code, false);
	strbuf_putc(b, ' ');
	xml_put_text(b, rule->name, false);
	strbuf_putc(b, ']');
}

static void add_diagnostic(struct suite *s, const char *file, const struct diag *diag,
			   enum severity fail_on)
{
	const struct rule *rule = rule_get(diag->rule);
	struct strbuf name = STRBUF_INIT;
	char place[48];

	strbuf_puts(&name, rule->code);
	strbuf_putc(&name, ' ');
	strbuf_puts(&name, rule->name);
	snprintf(place, sizeof place, " at %d:%d", diag->span.line, diag->span.column);
	strbuf_puts(&name, place);
	if (name.failed)
		s->cases.failed = true;
	open_case(s, file, strbuf_text(&name));
	strbuf_free(&name);
	if (diag->severity >= fail_on) {
		strbuf_puts(&s->cases, "      <failure");
		put_attribute(&s->cases, "message", diag->message);
		put_attribute(&s->cases, "type", severity_name(diag->severity));
		strbuf_putc(&s->cases, '>');
		put_text_line(&s->cases, file, diag, rule);
		strbuf_puts(&s->cases, "</failure>\n");
		s->failures++;
	} else {
		strbuf_puts(&s->cases, "      <system-out>");
		put_text_line(&s->cases, file, diag, rule);
		strbuf_puts(&s->cases, "</system-out>\n");
	}
	strbuf_puts(&s->cases, "    </testcase>\n");
}

static void add_unreadable(struct suite *s, const char *file, const char *why)
{
	struct strbuf message = STRBUF_INIT;

	strbuf_puts(&message, "The file could not be read: ");
	strbuf_puts(&message, why ? why : "unknown error");
	strbuf_putc(&message, '.');
	if (message.failed)
		s->cases.failed = true;
	open_case(s, file, CLEAN_CASE);
	strbuf_puts(&s->cases, "      <error");
	put_attribute(&s->cases, "message", strbuf_text(&message));
	put_attribute(&s->cases, "type", "unreadable");
	strbuf_puts(&s->cases, "/>\n    </testcase>\n");
	strbuf_free(&message);
	s->errors++;
}

/* The testsuite of a file: its unreadable error (why, or NULL) and its
 * diagnostics (or NULL), else the one passing testcase. */
static void write_suite(struct junit *j, const char *name, const char *why,
			const struct diag_list *diags)
{
	struct suite s = { STRBUF_INIT, 0, 0, 0 };
	struct strbuf shown = STRBUF_INIT;
	enum severity fail_on = diags && diags->fail_on >= 0 ? (enum severity)diags->fail_on
							      : SEVERITY_ERROR;
	const char *file;

	/* The file as the text format names it, control characters escaped:
	 * a line break in a name would add lines to the failure's text. */
	quote_add_name(&shown, name);
	file = strbuf_text(&shown);

	if (why)
		add_unreadable(&s, file, why);
	for (size_t i = 0; diags && i < diags->count; i++)
		add_diagnostic(&s, file, &diags->items[i], fail_on);
	if (!s.tests) {
		open_case(&s, file, CLEAN_CASE);
		strbuf_puts(&s.cases, "    </testcase>\n");
	}
	strbuf_puts(&j->suites, "  <testsuite");
	put_attribute(&j->suites, "name", file);
	put_count(&j->suites, "tests", s.tests);
	put_count(&j->suites, "failures", s.failures);
	put_count(&j->suites, "errors", s.errors);
	strbuf_puts(&j->suites, ">\n");
	strbuf_puts(&j->suites, strbuf_text(&s.cases));
	strbuf_puts(&j->suites, "  </testsuite>\n");
	j->suites.failed |= s.cases.failed | shown.failed;
	strbuf_free(&shown);
	j->tests += s.tests;
	j->failures += s.failures;
	j->errors += s.errors;
	strbuf_free(&s.cases);
}

/* Writes the file that could not be read, if one waits. */
static void flush_unreadable(struct junit *j)
{
	if (!j->unreadable)
		return;
	write_suite(j, j->unreadable, j->why, NULL);
	free(j->unreadable);
	free(j->why);
	j->unreadable = j->why = NULL;
}

static void junit_file(struct reporter *r, const char *name, const struct source *src,
		       const struct diag_list *diags)
{
	struct junit *j = state_of(r);

	(void)src;
	if (!j)
		return;
	/* A file that could not be read comes to file() too, right after
	 * unreadable(): one testsuite for both. */
	if (j->unreadable && strcmp(j->unreadable, name) == 0) {
		write_suite(j, name, j->why, diags);
		free(j->unreadable);
		free(j->why);
		j->unreadable = j->why = NULL;
		return;
	}
	flush_unreadable(j);
	write_suite(j, name, NULL, diags);
}

static void junit_unreadable(struct reporter *r, const char *name, const char *why)
{
	struct junit *j = state_of(r);

	if (!j)
		return;
	flush_unreadable(j);
	j->unreadable = mem_strdup(name);
	j->why = mem_strdup(why ? why : "unknown error");
	if (!j->unreadable || !j->why) {
		free(j->unreadable);
		free(j->why);
		j->unreadable = j->why = NULL;
		j->suites.failed = true;
	}
}

static void junit_finish(struct reporter *r, int exit_status)
{
	struct junit *j = state_of(r);

	(void)exit_status;
	if (!j)
		return;
	flush_unreadable(j);
	if (j->suites.failed) {
		r->failed = true;
		return;
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ielint\"", r->out);
	fprintf(r->out, " tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n", j->tests,
		j->failures, j->errors);
	fputs(strbuf_text(&j->suites), r->out);
	fputs("</testsuites>\n", r->out);
}

static void junit_free(struct reporter *r)
{
	struct junit *j = r->state;

	if (j) {
		strbuf_free(&j->suites);
		free(j->unreadable);
		free(j->why);
		free(j);
	}
	r->state = NULL;
}

const struct report_ops report_junit_ops = {
	.file = junit_file,
	.unreadable = junit_unreadable,
	.finish = junit_finish,
	.free = junit_free,
};
