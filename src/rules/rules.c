/* Binds the rules the program raises to their entries in the catalog. */
#include "rules.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "base/format.h"
#include "load/load.h"


/* The program's side of the catalog: the name of each rule it can raise. */
static const char *const rule_names[RULE_COUNT] = {
	[RULE_SYNTAX_ERROR] = "syntax-error",
	[RULE_DUPLICATE_KEY] = "duplicate-key",
	[RULE_INVALID_UTF8] = "invalid-utf8",
	[RULE_NUL_BYTE] = "nul-byte",
	[RULE_BYTE_ORDER_MARK] = "byte-order-mark",
	[RULE_EMPTY_DOCUMENT] = "empty-document",
	[RULE_ROOT_NOT_MAPPING] = "root-not-mapping",
	[RULE_MULTIPLE_DOCUMENTS] = "multiple-documents",
	[RULE_NESTING_TOO_DEEP] = "nesting-too-deep",
	[RULE_ALIAS_LIMIT] = "alias-limit",
	[RULE_FILE_TOO_LARGE] = "file-too-large",
	[RULE_BAD_ALIAS] = "bad-alias",
	[RULE_UNSUPPORTED_TAG] = "unsupported-tag",
	[RULE_TOO_MANY_NODES] = "too-many-nodes",
	[RULE_MISSING_MEMBER] = "missing-member",
	[RULE_UNKNOWN_MEMBER] = "unknown-member",
	[RULE_WRONG_TYPE] = "wrong-type",
	[RULE_STRING_LENGTH] = "string-length",
	[RULE_PATTERN_MISMATCH] = "pattern-mismatch",
	[RULE_INVALID_ENUM] = "invalid-enum",
	[RULE_INTEGER_RANGE] = "integer-range",
	[RULE_LIST_LENGTH] = "list-length",
	[RULE_INVALID_TIMESTAMP] = "invalid-timestamp",
	[RULE_STATE_UNKNOWN] = "state-unknown",
	[RULE_STATUS_NOT_UPDATABLE] = "status-not-updatable",
	[RULE_START_TIME_WHILE_RUNNING] = "start-time-while-running",
	[RULE_END_BEFORE_START] = "end-before-start",
	[RULE_SCHEDULE_TOO_LONG] = "schedule-too-long",
	[RULE_END_TIME_IN_PAST] = "end-time-in-past",
	[RULE_START_TIME_IN_PAST] = "start-time-in-past",
	[RULE_DUPLICATE_VARIANT_NAME] = "duplicate-variant-name",
	[RULE_DUPLICATE_MODEL] = "duplicate-model",
	[RULE_UNKNOWN_VARIANT] = "unknown-variant",
	[RULE_SHADOW_IS_SOURCE] = "shadow-is-source",
	[RULE_VARIANT_NOT_IN_SHADOW_CONFIG] = "variant-not-in-shadow-config",
	[RULE_NAME_MISMATCH] = "name-mismatch",
	[RULE_NEW_VARIANT] = "new-variant",
	[RULE_NEGATIVE_SAMPLING] = "negative-sampling",
	[RULE_ZERO_SAMPLING] = "zero-sampling",
	[RULE_ZERO_INSTANCES] = "zero-instances",
	[RULE_CONTENT_TYPE_IN_BOTH] = "content-type-in-both",
	[RULE_DUPLICATE_CONTENT_TYPE] = "duplicate-content-type",
	[RULE_EMPTY_CONTENT_TYPE] = "empty-content-type",
	[RULE_KMS_KEY_FORM] = "kms-key-form",
	[RULE_BUCKET_NAME] = "bucket-name",
	[RULE_NO_CHANGE] = "no-change",
	[RULE_INVALID_CONFIG] = "invalid-config",
	[RULE_UNUSED_SUPPRESSION] = "unused-suppression",
	[RULE_TOO_MANY_DIAGNOSTICS] = "too-many-diagnostics",
	[RULE_UNTRUSTED_CONFIG] = "untrusted-config",
};

static struct {
	struct source source;
	struct document document;
	struct rule rules[RULE_COUNT];
	bool loaded;
} catalog;

static const char *const severity_names[] = {
	[SEVERITY_NOTE] = "note",
	[SEVERITY_WARNING] = "warning",
	[SEVERITY_ERROR] = "error",
};

const char *severity_name(enum severity severity)
{
	return severity_names[severity];
}

bool severity_parse(const char *text, enum severity *severity)
{
	for (size_t i = 0; i < sizeof severity_names / sizeof *severity_names; i++) {
		if (strcmp(text, severity_names[i]) == 0) {
			*severity = (enum severity)i;
			return true;
		}
	}
	return false;
}

const struct rule *rule_get(enum rule_id id)
{
	/* Before the catalog is loaded (while the catalog itself is being
	 * read) a rule is known by its name only. */
	if (!catalog.loaded) {
		static struct rule bare[RULE_COUNT];
		bare[id] = (struct rule){ .code = rule_names[id], .name = rule_names[id],
					  .severity = SEVERITY_ERROR, .summary = "",
					  .help = "", .wrong = "", .right = "" };
		return &bare[id];
	}
	return &catalog.rules[id];
}

bool rule_lookup(const char *code_or_name, enum rule_id *id)
{
	for (int i = 0; i < RULE_COUNT; i++) {
		const struct rule *rule = rule_get((enum rule_id)i);
		if (strcmp(rule->code, code_or_name) == 0 ||
		    strcmp(rule->name, code_or_name) == 0) {
			*id = (enum rule_id)i;
			return true;
		}
	}
	return false;
}

__attribute__((format(printf, 2, 3)))
static bool fail(char **error, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	*error = format_allocv(format, args);
	va_end(args);
	return false;
}

static const char *string_member(const struct node *entry, const char *name)
{
	const struct node *value = node_member(entry, name);

	return node_is_string(value) ? value->scalar.text : NULL;
}

/* Reads one catalog entry into the slot of the rule it names. Entries for
 * rules this program does not raise are skipped, so a newer catalog given
 * with --rules-dir still loads. */
static bool read_entry(const char *file, const struct node *entry,
		       struct rule *rules, bool *seen, char **error)
{
	static const char *const fields[] = { "code", "name", "severity",
					      "summary", "help", "wrong", "right" };
	const char *text[7];

	if (entry->kind != NODE_MAPPING)
		return fail(error, "%s:%d:%d: a rule must be a mapping", file,
			    entry->span.line, entry->span.column);
	for (size_t i = 0; i < 7; i++) {
		text[i] = string_member(entry, fields[i]);
		if (!text[i])
			return fail(error, "%s:%d:%d: the rule needs a string '%s'", file,
				    entry->span.line, entry->span.column, fields[i]);
	}
	for (int id = 0; id < RULE_COUNT; id++) {
		if (strcmp(rule_names[id], text[1]) != 0)
			continue;
		struct rule *rule = &rules[id];
		if (seen[id])
			return fail(error, "%s:%d:%d: the rule %s is listed twice", file,
				    entry->span.line, entry->span.column, text[1]);
		if (!severity_parse(text[2], &rule->severity))
			return fail(error, "%s:%d:%d: unknown severity '%s'", file,
				    entry->span.line, entry->span.column, text[2]);
		rule->code = text[0];
		rule->name = text[1];
		rule->summary = text[3];
		rule->help = text[4];
		rule->wrong = text[5];
		rule->right = text[6];
		seen[id] = true;
	}
	return true;
}

static bool read_catalog(const char *file, const struct node *root,
			 struct rule *rules, char **error)
{
	const struct node *list = node_member(root, "rules");
	bool seen[RULE_COUNT] = { false };

	if (!list || list->kind != NODE_SEQUENCE)
		return fail(error, "%s: the catalog needs a list 'rules'", file);
	for (size_t i = 0; i < list->sequence.count; i++)
		if (!read_entry(file, list->sequence.items[i], rules, seen, error))
			return false;
	for (int id = 0; id < RULE_COUNT; id++)
		if (!seen[id])
			return fail(error, "%s: the catalog lacks the rule %s", file,
				    rule_names[id]);
	return true;
}

static void catalog_unload(void);

static bool catalog_load(const char *dir, char **error)
{
	struct source source;
	struct document document;
	struct rule rules[RULE_COUNT];

	if (!data_file_load(dir, "catalog.yaml", INPUT_YAML, &source, &document, error))
		return false;
	if (!read_catalog(source.name, document.root, rules, error)) {
		data_file_free(&source, &document);
		return false;
	}
	catalog_unload();
	catalog.source = source;
	catalog.document = document;
	memcpy(catalog.rules, rules, sizeof rules);
	catalog.loaded = true;
	return true;
}

static void catalog_unload(void)
{
	if (catalog.loaded)
		data_file_free(&catalog.source, &catalog.document);
	catalog.loaded = false;
}

bool rules_load(const char *dir, char **error)
{
	return catalog_load(dir, error) && model_load(dir, error);
}

void rules_install(const struct rule rules[], const struct model *model)
{
	rules_unload();
	memcpy(catalog.rules, rules, sizeof catalog.rules);
	catalog.loaded = true;
	model_install(model);
}

void rules_unload(void)
{
	model_unload();
	catalog_unload();
}
