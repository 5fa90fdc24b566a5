/* GitLab Code Quality: the subset of the Code Climate issue format that
 * GitLab reads from a job's artifacts:reports:codequality file. A JSON
 * array with one object per diagnostic:
 *
 *   description  the message
 *   check_name   the rule's code and name, as "IE206 invalid-enum"
 *   fingerprint  as SARIF's partialFingerprints (fingerprint.h), over the
 *                path below: GitLab matches findings of the merge request's
 *                base and head by it, so it must not move with line numbers
 *   severity     note -> info, warning -> minor, error -> major. GitLab's
 *                scale has five steps; critical and blocker are kept for
 *                what is worse than one refused document. An error is a
 *                request AWS would refuse, so "major"; a warning is advice,
 *                "minor"; a note is "info".
 *   location     path (relative to the working directory, as GitLab wants
 *                paths relative to the repository the job runs in) and
 *                lines.begin, lines.end
 *
 * A file that could not be read is one issue of severity "blocker" with
 * check_name "ielint unreadable": nothing in it was checked and the run
 * exits 2, which fails a job harder than any diagnostic does. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "file_uri.h"
#include "fingerprint.h"
#include "base/memory.h"
#include "base/strbuf.h"

#define UNREADABLE_CHECK "ielint unreadable"

static const char *const severities[] = {
	[SEVERITY_NOTE] = "info",
	[SEVERITY_WARNING] = "minor",
	[SEVERITY_ERROR] = "major",
};

struct codequality {
	cJSON *issues;
	char *cwd; /* absolute and normalized; NULL when unknown */
	bool oom;
};

static struct codequality *state_of(struct reporter *r)
{
	struct codequality *q = r->state;

	if (q)
		return q;
	if (!(q = mem_calloc(1, sizeof *q)) || !(q->issues = cJSON_CreateArray())) {
		free(q);
		r->failed = true;
		return NULL;
	}
	q->cwd = file_uri_working_directory();
	r->state = q;
	return q;
}

/* One issue at the end of the list, with its location; NULL (and the
 * state marked) when memory runs out. */
static cJSON *add_issue(struct codequality *q, const char *description,
			const char *check_name, const char *fingerprint,
			const char *severity, const char *path, int begin, int end)
{
	cJSON *issue = cJSON_CreateObject();
	cJSON *location, *lines;

	if (begin < 1)
		begin = 1;
	if (end < begin)
		end = begin;
	if (cJSON_AddStringToObject(issue, "description", description) &&
	    cJSON_AddStringToObject(issue, "check_name", check_name) &&
	    cJSON_AddStringToObject(issue, "fingerprint", fingerprint) &&
	    cJSON_AddStringToObject(issue, "severity", severity) &&
	    (location = cJSON_AddObjectToObject(issue, "location")) &&
	    cJSON_AddStringToObject(location, "path", path) &&
	    (lines = cJSON_AddObjectToObject(location, "lines")) &&
	    cJSON_AddNumberToObject(lines, "begin", begin) &&
	    cJSON_AddNumberToObject(lines, "end", end) &&
	    cJSON_AddItemToArray(q->issues, issue))
		return issue;
	cJSON_Delete(issue);
	q->oom = true;
	return NULL;
}

/* "IE206 invalid-enum"; NULL when memory runs out. */
static char *check_name_of(const struct rule *rule)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_puts(&b, rule->code);
	strbuf_putc(&b, ' ');
	strbuf_puts(&b, rule->name);
	return strbuf_take(&b);
}

static void codequality_file(struct reporter *r, const char *name, const struct source *src,
			     const struct diag_list *diags)
{
	struct codequality *q = state_of(r);
	struct fingerprints seen;
	char *path;

	(void)src;
	if (!q || !diags->count)
		return;
	if (!(path = file_path_for(q->cwd, name)) || !fingerprints_init(&seen, diags->count)) {
		free(path);
		q->oom = true;
		return;
	}
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *diag = &diags->items[i];
		const struct rule *rule = rule_get(diag->rule);
		char *check_name = check_name_of(rule);
		char fingerprint[FINGERPRINT_SIZE];

		fingerprint_next(&seen, path, rule->code, diag->path, fingerprint);
		if (!check_name)
			q->oom = true;
		else
			add_issue(q, diag->message, check_name, fingerprint,
				  severities[diag->severity], path, diag->span.line,
				  diag->span.end_line);
		free(check_name);
	}
	fingerprints_free(&seen);
	free(path);
}

static void codequality_unreadable(struct reporter *r, const char *name, const char *why)
{
	struct codequality *q = state_of(r);
	struct fingerprints seen;
	struct strbuf text = STRBUF_INIT;
	char fingerprint[FINGERPRINT_SIZE];
	char *path, *description;

	if (!q)
		return;
	strbuf_puts(&text, "The file could not be read: ");
	strbuf_puts(&text, why ? why : "unknown error");
	strbuf_putc(&text, '.');
	description = strbuf_take(&text);
	path = file_path_for(q->cwd, name);
	if (description && path && fingerprints_init(&seen, 1)) {
		fingerprint_next(&seen, path, UNREADABLE_CHECK, "", fingerprint);
		fingerprints_free(&seen);
		add_issue(q, description, UNREADABLE_CHECK, fingerprint, "blocker", path, 1, 1);
	} else {
		q->oom = true;
	}
	free(description);
	free(path);
}

static void codequality_finish(struct reporter *r, int exit_status)
{
	struct codequality *q = state_of(r);

	(void)exit_status;
	if (!q)
		return;
	if (q->oom) {
		r->failed = true;
		return;
	}
	report_print_json(r, q->issues);
}

static void codequality_free(struct reporter *r)
{
	struct codequality *q = r->state;

	if (q) {
		cJSON_Delete(q->issues);
		free(q->cwd);
		free(q);
	}
	r->state = NULL;
}

const struct report_ops report_codequality_ops = {
	.file = codequality_file,
	.unreadable = codequality_unreadable,
	.finish = codequality_finish,
	.free = codequality_free,
};
