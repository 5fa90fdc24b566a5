/* The rules the program raises, and the catalog's entry of each: a table,
 * installed at start-up from the embedded copy or from --rules-dir. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "model.h"


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

/* The installed catalog: the embedded one, or one read from --rules-dir. */
static struct rule catalog[RULE_COUNT];
static bool has_catalog;

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

bool rule_by_name(const char *name, enum rule_id *id)
{
	for (int i = 0; i < RULE_COUNT; i++) {
		if (strcmp(rule_names[i], name) == 0) {
			*id = (enum rule_id)i;
			return true;
		}
	}
	return false;
}

const struct rule *rule_get(enum rule_id id)
{
	/* Only a program that never installed its rules gets here: it knows a
	 * rule by its name alone. */
	if (!has_catalog) {
		static struct rule bare[RULE_COUNT];
		bare[id] = (struct rule){ .code = rule_names[id], .name = rule_names[id],
					  .severity = SEVERITY_ERROR, .summary = "",
					  .help = "", .wrong = "", .right = "" };
		return &bare[id];
	}
	return &catalog[id];
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

void rules_install(const struct rule rules[], const struct model *model)
{
	memcpy(catalog, rules, sizeof catalog);
	has_catalog = true;
	model_install(model);
}

void rules_release(void)
{
	model_release();
	has_catalog = false;
}
