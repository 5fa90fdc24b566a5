/* SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one log
 * with one run for the whole invocation.
 *
 * - tool.driver.rules holds every rule of the catalog, in code order, so
 *   result.ruleIndex is the rule's position in the catalog.
 * - Files are named by URIs relative to the working directory, with the
 *   uriBaseId %SRCROOT%, which run.originalUriBaseIds gives as the working
 *   directory's file: URI. A file outside it gets its absolute file: URI.
 *   Standard input is the relative reference "%3Cstdin%3E" ("<stdin>",
 *   as the other formats name it), without a base.
 * - Regions count columns in code points (run.columnKind
 *   "unicodeCodePoints"); endColumn is the column after the last character.
 * - partialFingerprints["ielint/v1"] does not depend on line numbers: a
 *   hash of the file's URI, the rule and the member's path, then ":" and
 *   the occurrence of that triple in the file (1, 2, ...); fingerprint.h.
 * - invocations[0] gives the exit status, and a toolExecutionNotification
 *   for each file that could not be read.
 * - run.artifacts lists each file checked as a request or template, with
 *   the role analysisTarget and properties.operation, what it was checked
 *   as ("create", "update", "stop" or "cloudformation"): a file without
 *   any result is named there too. Each result's properties.operation
 *   says the same of its file.
 *
 * The log is built whole with cJSON and written at the end; when memory
 * runs out on the way nothing is written and the reporter fails. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "file_uri.h"
#include "fingerprint.h"
#include "fixes.h"
#include "rule_help.h"
#include "base/memory.h"
#include "base/strbuf.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define INFORMATION_URI "https://github.com/ielint/ielint"
#define SRCROOT "%SRCROOT%"
#define STDIN_NAME "<stdin>"
#define FINGERPRINT_KEY "ielint/v1"

struct sarif {
	cJSON *log;
	cJSON *run;
	cJSON *results;
	cJSON *notifications; /* invocations[0].toolExecutionNotifications */
	cJSON *artifacts;     /* run.artifacts, once a file is checked */
	char *cwd;            /* absolute and normalized; NULL when unknown */
	bool oom;
};

static const char *const levels[] = {
	[SEVERITY_NOTE] = "note",
	[SEVERITY_WARNING] = "warning",
	[SEVERITY_ERROR] = "error",
};

/* ---- building with cJSON, remembering any failure ------------------------ */

/* Each adds to a parent that may be NULL after an earlier failure, which
 * cJSON takes as a failure too: one flag tells at the end. */
static cJSON *add_object(struct sarif *s, cJSON *parent, const char *key)
{
	cJSON *item = cJSON_AddObjectToObject(parent, key);

	s->oom |= item == NULL;
	return item;
}

static cJSON *add_array(struct sarif *s, cJSON *parent, const char *key)
{
	cJSON *item = cJSON_AddArrayToObject(parent, key);

	s->oom |= item == NULL;
	return item;
}

static void add_string(struct sarif *s, cJSON *parent, const char *key, const char *value)
{
	s->oom |= cJSON_AddStringToObject(parent, key, value ? value : "") == NULL;
}

static void add_number(struct sarif *s, cJSON *parent, const char *key, double value)
{
	s->oom |= cJSON_AddNumberToObject(parent, key, value) == NULL;
}

static void add_bool(struct sarif *s, cJSON *parent, const char *key, bool value)
{
	s->oom |= cJSON_AddBoolToObject(parent, key, value) == NULL;
}

/* A new object at the end of an array. */
static cJSON *append_object(struct sarif *s, cJSON *array)
{
	cJSON *item = cJSON_CreateObject();

	if (!item || !array || !cJSON_AddItemToArray(array, item)) {
		cJSON_Delete(item);
		s->oom = true;
		return NULL;
	}
	return item;
}

static void append_string(struct sarif *s, cJSON *array, const char *value)
{
	cJSON *item = cJSON_CreateString(value);

	if (!item || !array || !cJSON_AddItemToArray(array, item)) {
		cJSON_Delete(item);
		s->oom = true;
	}
}

/* {"text": text}, as message, shortDescription and the like. */
static void add_text(struct sarif *s, cJSON *parent, const char *key, const char *text)
{
	add_string(s, add_object(s, parent, key), "text", text);
}

static const char *uri_of(const cJSON *location)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(location, "uri"));
}

/* Fills an artifactLocation (under key) for the file named as the report
 * names it; returns its URI (owned by the log), or NULL when memory ran
 * out. */
static const char *add_location_as(struct sarif *s, cJSON *parent, const char *key,
				   const char *name)
{
	cJSON *location = add_object(s, parent, key);
	bool relative = false;
	char *uri;

	if (strcmp(name, STDIN_NAME) == 0) {
		struct strbuf b = STRBUF_INIT;
		file_uri_put_path(&b, name);
		uri = strbuf_take(&b);
	} else {
		uri = file_uri_for(s->cwd, name, &relative);
	}
	if (!uri) {
		s->oom = true;
		return NULL;
	}
	add_string(s, location, "uri", uri);
	if (strcmp(name, STDIN_NAME) == 0)
		add_text(s, location, "description", "standard input");
	else if (relative)
		add_string(s, location, "uriBaseId", SRCROOT);
	free(uri);
	return uri_of(location);
}

static const char *add_artifact_location(struct sarif *s, cJSON *parent, const char *name)
{
	return add_location_as(s, parent, "artifactLocation", name);
}

/* ---- the rules ------------------------------------------------------------ */

/* duplicate-key -> DuplicateKey, as SARIF tools want rule names. */
static char *pascal_case(const char *name)
{
	char *out = mem_malloc(strlen(name) + 1);
	size_t len = 0;
	bool start = true;

	if (!out)
		return NULL;
	for (const char *p = name; *p; p++) {
		if (*p == '-' || *p == '_' || *p == ' ') {
			start = true;
			continue;
		}
		out[len++] = start && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
		start = false;
	}
	out[len] = '\0';
	return out;
}

/* The kind of rule, from the hundreds of its code. */
static const char *rule_category(const char *code)
{
	if (!code || strlen(code) < 3)
		return NULL;
	switch (code[2]) {
	case '1':
		return "document";
	case '2':
		return "shape";
	case '3':
		return "cross-field";
	case '4':
		return "configuration";
	default:
		return NULL;
	}
}

/* help.text and help.markdown: the rule's help, then its examples. */
static void add_help(struct sarif *s, cJSON *descriptor, const struct rule *rule)
{
	cJSON *help = add_object(s, descriptor, "help");
	char *text = rule_help_text(rule);
	char *markdown = rule_help_markdown(rule);

	s->oom |= !text || !markdown;
	if (text && markdown) {
		add_string(s, help, "text", text);
		add_string(s, help, "markdown", markdown);
	}
	free(text);
	free(markdown);
}

static void add_rule(struct sarif *s, cJSON *rules, const struct rule *rule)
{
	cJSON *descriptor = append_object(s, rules);
	cJSON *properties, *tags;
	struct strbuf uri = STRBUF_INIT;
	char *anchor = rule_anchor(rule);
	char *name = pascal_case(rule->name ? rule->name : "");
	char *help_text = rule_help_trimmed(rule);
	char *help_uri;
	const char *category = rule_category(rule->code);

	strbuf_puts(&uri, RULES_PAGE_URI "#");
	strbuf_puts(&uri, anchor ? anchor : "");
	help_uri = anchor ? strbuf_take(&uri) : NULL;
	strbuf_free(&uri);
	free(anchor);
	if (!name || !help_text || !help_uri) {
		s->oom = true;
	} else {
		add_string(s, descriptor, "id", rule->code);
		add_string(s, descriptor, "name", name);
		add_text(s, descriptor, "shortDescription", rule->summary);
		add_text(s, descriptor, "fullDescription", help_text);
		add_help(s, descriptor, rule);
		add_string(s, descriptor, "helpUri", help_uri);
		add_string(s, add_object(s, descriptor, "defaultConfiguration"), "level",
			   levels[rule->severity]);
		properties = add_object(s, descriptor, "properties");
		add_string(s, properties, "ruleName", rule->name);
		cJSON *operations = add_array(s, properties, "operations");
		for (int i = 0; i < document_type_count; i++)
			if (rule_checks(rule, document_types[i]))
				append_string(s, operations, document_type_name(document_types[i]));
		tags = add_array(s, properties, "tags");
		if (category)
			append_string(s, tags, category);
	}
	free(name);
	free(help_text);
	free(help_uri);
}

/* ---- the log -------------------------------------------------------------- */

static struct sarif *start(struct reporter *r)
{
	struct sarif *s;
	cJSON *driver, *rules, *invocation;

	if (r->state)
		return r->state;
	if (!(s = mem_calloc(1, sizeof *s))) {
		r->failed = true;
		return NULL;
	}
	r->state = s;
	s->cwd = file_uri_working_directory();
	s->log = cJSON_CreateObject();
	s->oom |= s->log == NULL;
	add_string(s, s->log, "$schema", SARIF_SCHEMA);
	add_string(s, s->log, "version", "2.1.0");
	s->run = append_object(s, add_array(s, s->log, "runs"));

	driver = add_object(s, add_object(s, s->run, "tool"), "driver");
	add_string(s, driver, "name", "ielint");
	if (r->options.version) {
		add_string(s, driver, "version", r->options.version);
		add_string(s, driver, "semanticVersion", r->options.version);
	}
	add_string(s, driver, "informationUri", INFORMATION_URI);
	rules = add_array(s, driver, "rules");
	for (int id = 0; id < RULE_COUNT; id++)
		add_rule(s, rules, rule_get((enum rule_id)id));

	invocation = append_object(s, add_array(s, s->run, "invocations"));
	if (s->cwd) {
		char *uri = file_uri_of_directory(s->cwd);
		cJSON *base;

		s->oom |= uri == NULL;
		add_string(s, add_object(s, invocation, "workingDirectory"), "uri", uri);
		base = add_object(s, add_object(s, s->run, "originalUriBaseIds"), SRCROOT);
		add_string(s, base, "uri", uri);
		add_text(s, base, "description", "The working directory of the run.");
		free(uri);
	}
	s->notifications = add_array(s, invocation, "toolExecutionNotifications");
	add_string(s, s->run, "columnKind", "unicodeCodePoints");
	s->results = add_array(s, s->run, "results");
	return s;
}

/* A region (key "region", or "deletedRegion" in a replacement). */
static void add_region(struct sarif *s, cJSON *parent, const char *key,
		       const struct span *span)
{
	cJSON *region = add_object(s, parent, key);
	int line = span->line > 0 ? span->line : 1;
	int column = span->column > 0 ? span->column : 1;
	int end_line = span->end_line, end_column = span->end_column;

	/* SARIF wants an end no earlier than the start. */
	if (end_line < line || (end_line == line && end_column < column)) {
		end_line = line;
		end_column = column;
	}
	add_number(s, region, "startLine", line);
	add_number(s, region, "startColumn", column);
	add_number(s, region, "endLine", end_line);
	add_number(s, region, "endColumn", end_column > 0 ? end_column : 1);
}

static void add_fingerprint(struct sarif *s, cJSON *result, const char *uri,
			    const struct rule *rule, const struct diag *diag,
			    struct fingerprints *seen)
{
	char text[FINGERPRINT_SIZE];

	fingerprint_next(seen, uri, rule->code, diag->path, text);
	add_string(s, add_object(s, result, "partialFingerprints"), FINGERPRINT_KEY, text);
}

/* The fix as SARIF's fixes: one replacement in the result's own file,
 * which GitHub and editors offer to apply. */
static void add_fix(struct sarif *s, cJSON *result, const char *name,
		    const struct source *src, const struct diag *diag)
{
	size_t offset;

	if (!fix_offset(src, diag, &offset))
		return;
	cJSON *fix = append_object(s, add_array(s, result, "fixes"));
	cJSON *change = append_object(s, add_array(s, fix, "artifactChanges"));
	cJSON *replacement = append_object(s, add_array(s, change, "replacements"));
	struct strbuf description = STRBUF_INIT;
	char *text;

	strbuf_puts(&description, "Replace with ");
	strbuf_puts(&description, diag->fix->text);
	strbuf_putc(&description, '.');
	if (!(text = strbuf_take(&description)))
		s->oom = true;
	else
		add_text(s, fix, "description", text);
	free(text);
	add_artifact_location(s, change, name);
	add_region(s, replacement, "deletedRegion", &diag->fix->span);
	add_text(s, replacement, "insertedContent", diag->fix->text);
}

static void add_result(struct sarif *s, const char *name, const struct source *src,
		       const struct diag *diag, const struct diag_list *diags, struct fingerprints *seen)
{
	const struct rule *rule = rule_get(diag->rule);
	cJSON *result = append_object(s, s->results);
	cJSON *physical;
	const char *uri;

	add_string(s, result, "ruleId", rule->code);
	add_number(s, result, "ruleIndex", (int)diag->rule);
	add_string(s, result, "level", levels[diag->severity]);
	add_text(s, result, "message", diag->message);
	physical = add_object(s, append_object(s, add_array(s, result, "locations")),
			      "physicalLocation");
	uri = add_artifact_location(s, physical, name);
	add_region(s, physical, "region", &diag->span);
	if (diag->has_related) {
		cJSON *related = append_object(s, add_array(s, result, "relatedLocations"));
		const char *file = diag->related_file ? diag->related_file : name;

		/* id 1: a message may link to it as [text](1). */
		add_number(s, related, "id", 1);
		physical = add_object(s, related, "physicalLocation");
		add_artifact_location(s, physical, file);
		add_region(s, physical, "region", &diag->related);
		add_text(s, related, "message", "The other place the message names.");
	}
	add_fix(s, result, name, src, diag);
	add_fingerprint(s, result, uri, rule, diag, seen);
	if ((diag->path && *diag->path) || diags->checked) {
		cJSON *properties = add_object(s, result, "properties");
		if (diag->path && *diag->path)
			add_string(s, properties, "path", diag->path);
		/* The request the file was checked as. */
		if (diags->checked)
			add_string(s, properties, "operation",
				   document_type_name(diags->checked_as));
	}
}

/* The file in run.artifacts, with what it was checked as. */
static void add_checked_file(struct sarif *s, const char *name, struct document_type type)
{
	cJSON *artifact, *roles;

	if (!s->artifacts)
		s->artifacts = add_array(s, s->run, "artifacts");
	artifact = append_object(s, s->artifacts);
	add_location_as(s, artifact, "location", name);
	roles = add_array(s, artifact, "roles");
	append_string(s, roles, "analysisTarget");
	add_string(s, add_object(s, artifact, "properties"), "operation",
		   document_type_name(type));
}

static void sarif_file(struct reporter *r, const char *name, const struct source *src,
		       const struct diag_list *diags)
{
	struct sarif *s = start(r);
	struct fingerprints seen;

	if (!s)
		return;
	if (diags->checked)
		add_checked_file(s, name, diags->checked_as);
	if (diags->count && !fingerprints_init(&seen, diags->count)) {
		s->oom = true;
		return;
	}
	for (size_t i = 0; i < diags->count; i++)
		add_result(s, name, src, &diags->items[i], diags, &seen);
	if (diags->count)
		fingerprints_free(&seen);
}

static void sarif_unreadable(struct reporter *r, const char *name, const char *why)
{
	struct sarif *s = start(r);
	cJSON *notification;
	struct strbuf text = STRBUF_INIT;
	char *message;

	if (!s)
		return;
	notification = append_object(s, s->notifications);
	add_string(s, notification, "level", "error");
	strbuf_puts(&text, "The file could not be read: ");
	strbuf_puts(&text, why ? why : "unknown error");
	strbuf_putc(&text, '.');
	if (!(message = strbuf_take(&text))) {
		s->oom = true;
		return;
	}
	add_text(s, notification, "message", message);
	free(message);
	add_artifact_location(s, add_object(s, append_object(s, add_array(s, notification,
									     "locations")),
					     "physicalLocation"),
			      name);
}

static void sarif_finish(struct reporter *r, int exit_status)
{
	struct sarif *s = start(r);
	cJSON *invocation;

	if (!s)
		return;
	invocation = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(s->run, "invocations"), 0);
	add_bool(s, invocation, "executionSuccessful", exit_status != 2);
	add_number(s, invocation, "exitCode", exit_status);
	if (s->oom) {
		r->failed = true;
		return;
	}
	report_print_json(r, s->log);
}

static void sarif_free(struct reporter *r)
{
	struct sarif *s = r->state;

	if (s) {
		cJSON_Delete(s->log);
		free(s->cwd);
		free(s);
	}
	r->state = NULL;
}

const struct report_ops report_sarif_ops = {
	.file = sarif_file,
	.unreadable = sarif_unreadable,
	.finish = sarif_finish,
	.free = sarif_free,
};
