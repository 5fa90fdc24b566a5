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
 *   the occurrence of that triple in the file (1, 2, ...).
 * - invocations[0] gives the exit status, and a toolExecutionNotification
 *   for each file that could not be read.
 *
 * The log is built whole with cJSON and written at the end; when memory
 * runs out on the way nothing is written and the reporter fails. */
#include "report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define INFORMATION_URI "https://github.com/ielint/ielint"
#define CATALOG_URI INFORMATION_URI "/blob/main/rules/catalog.yaml"
#define SRCROOT "%SRCROOT%"
#define STDIN_NAME "<stdin>"
#define FINGERPRINT_KEY "ielint/v1"

struct sarif {
	cJSON *log;
	cJSON *run;
	cJSON *results;
	cJSON *notifications; /* invocations[0].toolExecutionNotifications */
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

/* ---- growing strings ------------------------------------------------------ */

struct buffer {
	char *data;
	size_t len;
	size_t capacity;
	bool failed;
};

static void buffer_add(struct buffer *b, const char *text, size_t len)
{
	if (b->failed)
		return;
	if (b->len + len + 1 > b->capacity) {
		size_t capacity = b->capacity ? b->capacity : 64;
		char *data;

		while (b->len + len + 1 > capacity)
			capacity *= 2;
		data = realloc(b->data, capacity);
		if (!data) {
			b->failed = true;
			return;
		}
		b->data = data;
		b->capacity = capacity;
	}
	memcpy(b->data + b->len, text, len);
	b->len += len;
	b->data[b->len] = '\0';
}

static void buffer_puts(struct buffer *b, const char *text)
{
	buffer_add(b, text, strlen(text));
}

static void buffer_putc(struct buffer *b, char c)
{
	buffer_add(b, &c, 1);
}

/* The text, which the caller frees; NULL when memory ran out. */
static char *buffer_take(struct buffer *b)
{
	if (b->failed || !b->data) {
		free(b->data);
		return b->failed ? NULL : strdup("");
	}
	return b->data;
}

/* ---- file names to URIs --------------------------------------------------- */

/* Percent-encodes a path for a URI: all but the unreserved characters of
 * RFC 3986 and '/', byte by byte (so UTF-8 names become %XX sequences). */
static void put_uri_path(struct buffer *b, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			buffer_putc(b, (char)*p);
		} else {
			char escape[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			buffer_add(b, escape, 3);
		}
	}
}

/* The absolute form of path (taken from dir when relative) with "//", "."
 * and ".." resolved as text, never following links; NULL when memory runs
 * out. "/" stays "/"; nothing else ends with a slash. */
static char *normalize(const char *dir, const char *path)
{
	struct buffer joined = { 0 };
	char *text, *out;
	size_t len = 0;

	if (path[0] != '/') {
		buffer_puts(&joined, dir ? dir : "/");
		buffer_putc(&joined, '/');
	}
	buffer_puts(&joined, path);
	text = buffer_take(&joined);
	if (!text || !(out = malloc(strlen(text) + 2))) {
		free(text);
		return NULL;
	}
	for (const char *p = text; *p;) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--; /* the slash before the segment */
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			out[len++] = '/';
			memcpy(out + len, p, n);
			len += n;
		}
		p += n;
		if (*p == '/')
			p++;
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	free(text);
	return out;
}

/* The part of an absolute, normalized path below the working directory:
 * NULL when it is not below it, "" when it is the directory itself. */
static const char *below(const char *cwd, const char *path)
{
	size_t n = strlen(cwd);

	if (strcmp(cwd, "/") == 0)
		return path + 1;
	if (strncmp(path, cwd, n) != 0 || (path[n] != '/' && path[n] != '\0'))
		return NULL;
	return path[n] == '/' ? path + n + 1 : path + n;
}

/* The path with its directory's symbolic links resolved (the file's own
 * name is kept); NULL when the directory cannot be resolved. */
static char *resolve_directory(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *real, *out = NULL;

	if (!slash || !(dir = strndup(path, slash == path ? 1 : (size_t)(slash - path))))
		return NULL;
	real = realpath(dir, NULL);
	if (real) {
		struct buffer b = { 0 };

		buffer_puts(&b, strcmp(real, "/") == 0 ? "" : real);
		buffer_puts(&b, slash);
		out = buffer_take(&b);
	}
	free(real);
	free(dir);
	return out;
}

static const char *uri_of(const cJSON *location)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(location, "uri"));
}

/* Fills an artifactLocation for the file named as the report names it;
 * returns its URI (owned by the log), or NULL when memory ran out. */
static const char *add_artifact_location(struct sarif *s, cJSON *parent, const char *name)
{
	cJSON *location = add_object(s, parent, "artifactLocation");
	struct buffer uri = { 0 };
	char *absolute, *text;
	const char *relative = NULL;

	if (strcmp(name, STDIN_NAME) == 0) {
		put_uri_path(&uri, name);
		if (!(text = buffer_take(&uri))) {
			s->oom = true;
			return NULL;
		}
		add_string(s, location, "uri", text);
		add_text(s, location, "description", "standard input");
		free(text);
		return uri_of(location);
	}
	if (!(absolute = normalize(s->cwd, name))) {
		s->oom = true;
		return NULL;
	}
	if (s->cwd && !(relative = below(s->cwd, absolute))) {
		/* Perhaps below it once links are resolved, as getcwd() has them. */
		char *resolved = resolve_directory(absolute);

		if (resolved && below(s->cwd, resolved)) {
			free(absolute);
			absolute = resolved;
			relative = below(s->cwd, absolute);
		} else {
			free(resolved);
		}
	}
	if (relative) {
		put_uri_path(&uri, *relative ? relative : "./");
	} else if (!s->cwd && name[0] != '/') {
		/* No working directory to anchor to: the name as it was given. */
		put_uri_path(&uri, name);
		relative = name;
	} else {
		buffer_puts(&uri, "file://");
		put_uri_path(&uri, absolute);
	}
	free(absolute);
	if (!(text = buffer_take(&uri))) {
		s->oom = true;
		return NULL;
	}
	add_string(s, location, "uri", text);
	if (relative)
		add_string(s, location, "uriBaseId", SRCROOT);
	free(text);
	return uri_of(location);
}

/* The working directory, as a file: URI ending in a slash. */
static char *directory_uri(const char *cwd)
{
	struct buffer b = { 0 };

	buffer_puts(&b, "file://");
	put_uri_path(&b, cwd);
	if (strcmp(cwd, "/") != 0)
		buffer_putc(&b, '/');
	return buffer_take(&b);
}

/* getcwd() into memory of its own, normalized; NULL when it fails. */
static char *working_directory(void)
{
	for (size_t size = 256; size <= 65536; size *= 2) {
		char *dir = malloc(size), *normal;

		if (!dir)
			return NULL;
		if (getcwd(dir, size)) {
			normal = dir[0] == '/' ? normalize(NULL, dir) : NULL;
			free(dir);
			return normal;
		}
		free(dir);
	}
	return NULL;
}

/* ---- the rules ------------------------------------------------------------ */

/* duplicate-key -> DuplicateKey, as SARIF tools want rule names. */
static char *pascal_case(const char *name)
{
	char *out = malloc(strlen(name) + 1);
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

/* Prose for Markdown: the characters Markdown would take as markup are
 * escaped, so the help shows as it reads in the catalog. */
static void put_markdown_prose(struct buffer *b, const char *text)
{
	bool line_start = true;

	for (const char *p = text; *p; p++) {
		if (strchr("\\`*_[]<>#|~&!", *p) ||
		    (line_start && strchr("-+=", *p))) {
			buffer_putc(b, '\\');
		} else if (line_start && *p >= '0' && *p <= '9') {
			/* "1." or "1)" at the start of a line would begin a list. */
			const char *q = p;
			while (*q >= '0' && *q <= '9')
				q++;
			if (*q == '.' || *q == ')') {
				buffer_add(b, p, (size_t)(q - p));
				buffer_putc(b, '\\');
				p = q;
			}
		}
		buffer_putc(b, *p);
		line_start = *p == '\n' || (line_start && *p == ' ');
	}
}

/* An example in a fenced code block, the fence longer than any run of
 * backticks inside it. */
static void put_markdown_example(struct buffer *b, const char *title, const char *example)
{
	size_t fence = 3, run = 0;

	for (const char *p = example; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run >= fence)
			fence = run + 1;
	}
	buffer_puts(b, "\n\n");
	buffer_puts(b, title);
	buffer_puts(b, ":\n\n");
	for (size_t i = 0; i < fence; i++)
		buffer_putc(b, '`');
	buffer_puts(b, example[strspn(example, " \t\n")] == '{' ? "json\n" : "yaml\n");
	buffer_puts(b, example);
	if (*example && example[strlen(example) - 1] != '\n')
		buffer_putc(b, '\n');
	for (size_t i = 0; i < fence; i++)
		buffer_putc(b, '`');
}

/* An example in plain text, indented by four spaces. */
static void put_text_example(struct buffer *b, const char *title, const char *example)
{
	bool line_start = true;

	size_t len = strlen(example);

	while (len > 0 && example[len - 1] == '\n')
		len--;
	buffer_puts(b, "\n\n");
	buffer_puts(b, title);
	buffer_puts(b, ":\n\n");
	for (size_t i = 0; i < len; i++) {
		if (line_start && example[i] != '\n')
			buffer_puts(b, "    ");
		buffer_putc(b, example[i]);
		line_start = example[i] == '\n';
	}
}

/* Text without the line breaks at its end. */
static void put_trimmed(struct buffer *b, const char *text)
{
	size_t len = strlen(text);

	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
		len--;
	buffer_add(b, text, len);
}

/* help.text and help.markdown: the rule's help, then its examples. */
static void add_help(struct sarif *s, cJSON *descriptor, const struct rule *rule,
		     const char *help_text)
{
	cJSON *help = add_object(s, descriptor, "help");
	struct buffer text = { 0 }, markdown = { 0 };
	char *plain, *marked;

	buffer_puts(&text, help_text);
	put_markdown_prose(&markdown, help_text);
	if (rule->wrong && *rule->wrong) {
		put_text_example(&text, "Wrong", rule->wrong);
		put_markdown_example(&markdown, "Wrong", rule->wrong);
	}
	if (rule->right && *rule->right) {
		put_text_example(&text, "Right", rule->right);
		put_markdown_example(&markdown, "Right", rule->right);
	}
	plain = buffer_take(&text);
	marked = buffer_take(&markdown);
	s->oom |= !plain || !marked;
	if (plain && marked) {
		add_string(s, help, "text", plain);
		add_string(s, help, "markdown", marked);
	}
	free(plain);
	free(marked);
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

static void add_rule(struct sarif *s, cJSON *rules, const struct rule *rule)
{
	cJSON *descriptor = append_object(s, rules);
	cJSON *properties, *tags;
	struct buffer trimmed = { 0 }, uri = { 0 };
	char *name = pascal_case(rule->name ? rule->name : "");
	char *help_text, *help_uri;
	const char *category = rule_category(rule->code);

	put_trimmed(&trimmed, rule->help ? rule->help : rule->summary ? rule->summary : "");
	help_text = buffer_take(&trimmed);
	buffer_puts(&uri, CATALOG_URI "#");
	for (const char *p = rule->code ? rule->code : ""; *p; p++)
		buffer_putc(&uri, *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p);
	help_uri = buffer_take(&uri);
	if (!name || !help_text || !help_uri) {
		s->oom = true;
	} else {
		add_string(s, descriptor, "id", rule->code);
		add_string(s, descriptor, "name", name);
		add_text(s, descriptor, "shortDescription", rule->summary);
		add_text(s, descriptor, "fullDescription", help_text);
		add_help(s, descriptor, rule, help_text);
		add_string(s, descriptor, "helpUri", help_uri);
		add_string(s, add_object(s, descriptor, "defaultConfiguration"), "level",
			   levels[rule->severity]);
		properties = add_object(s, descriptor, "properties");
		add_string(s, properties, "ruleName", rule->name);
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
	if (!(s = calloc(1, sizeof *s))) {
		r->failed = true;
		return NULL;
	}
	r->state = s;
	s->cwd = working_directory();
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
		char *uri = directory_uri(s->cwd);
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

static void add_region(struct sarif *s, cJSON *physical, const struct span *span)
{
	cJSON *region = add_object(s, physical, "region");
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

/* 64-bit FNV-1a, over several strings, each with its terminating NUL. */
static uint64_t hash_strings(uint64_t hash, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;

	do {
		hash ^= *p;
		hash *= UINT64_C(0x100000001b3);
	} while (*p++);
	return hash;
}

#define HASH_START UINT64_C(0xcbf29ce484222325)

/* How often each (rule, path) has been seen in the file so far: an open
 * hash table of their hashes. */
struct occurrences {
	uint64_t *keys;
	size_t *counts;
	size_t size; /* a power of two, or 0 when memory ran out */
};

static bool occurrences_init(struct occurrences *o, size_t count)
{
	o->size = 16;
	while (o->size < 2 * count)
		o->size *= 2;
	o->keys = calloc(o->size, sizeof *o->keys);
	o->counts = calloc(o->size, sizeof *o->counts);
	if (!o->keys || !o->counts) {
		free(o->keys);
		free(o->counts);
		o->size = 0;
		return false;
	}
	return true;
}

/* One more of key; returns how many there have been (1 for the first). */
static size_t occurrences_add(struct occurrences *o, uint64_t key)
{
	size_t i = (size_t)key & (o->size - 1);

	while (o->counts[i] && o->keys[i] != key)
		i = (i + 1) & (o->size - 1);
	o->keys[i] = key;
	return ++o->counts[i];
}

static void occurrences_free(struct occurrences *o)
{
	free(o->keys);
	free(o->counts);
}

static void add_fingerprint(struct sarif *s, cJSON *result, const char *uri,
			    const struct rule *rule, const struct diag *diag,
			    struct occurrences *seen)
{
	uint64_t key = hash_strings(hash_strings(HASH_START, rule->code ? rule->code : ""),
				    diag->path ? diag->path : "");
	size_t occurrence = occurrences_add(seen, key);
	uint64_t hash = hash_strings(key, uri ? uri : "");
	char text[64];

	snprintf(text, sizeof text, "%016llx:%zu", (unsigned long long)hash, occurrence);
	add_string(s, add_object(s, result, "partialFingerprints"), FINGERPRINT_KEY, text);
}

static void add_result(struct sarif *s, const char *name, const struct diag *diag,
		       struct occurrences *seen)
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
	add_region(s, physical, &diag->span);
	if (diag->has_related) {
		cJSON *related = append_object(s, add_array(s, result, "relatedLocations"));
		const char *file = diag->related_file ? diag->related_file : name;

		/* id 1: a message may link to it as [text](1). */
		add_number(s, related, "id", 1);
		physical = add_object(s, related, "physicalLocation");
		add_artifact_location(s, physical, file);
		add_region(s, physical, &diag->related);
		add_text(s, related, "message", "The other place the message names.");
	}
	add_fingerprint(s, result, uri, rule, diag, seen);
	if (diag->path && *diag->path)
		add_string(s, add_object(s, result, "properties"), "path", diag->path);
}

static void sarif_file(struct reporter *r, const char *name, const struct source *src,
		       const struct diag_list *diags)
{
	struct sarif *s = start(r);
	struct occurrences seen;

	(void)src;
	if (!s)
		return;
	if (diags->count && !occurrences_init(&seen, diags->count)) {
		s->oom = true;
		return;
	}
	for (size_t i = 0; i < diags->count; i++)
		add_result(s, name, &diags->items[i], &seen);
	if (diags->count)
		occurrences_free(&seen);
}

static void sarif_unreadable(struct reporter *r, const char *name, const char *why)
{
	struct sarif *s = start(r);
	cJSON *notification;
	struct buffer text = { 0 };
	char *message;

	if (!s)
		return;
	notification = append_object(s, s->notifications);
	add_string(s, notification, "level", "error");
	buffer_puts(&text, "The file could not be read: ");
	buffer_puts(&text, why ? why : "unknown error");
	buffer_putc(&text, '.');
	if (!(message = buffer_take(&text))) {
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
