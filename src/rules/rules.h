/* The rule catalog as tables. Its text (codes, severities, summaries,
 * help) lives in rules/catalog.yaml, embedded at build time; the program
 * only names the rules it can raise, and binds those names to catalog
 * entries at start. A leaf: it reads no file. */
#ifndef IELINT_RULES_H
#define IELINT_RULES_H

#include <stdbool.h>

enum severity {
	SEVERITY_NOTE,
	SEVERITY_WARNING,
	SEVERITY_ERROR,
};

/* Every rule the program can raise; rules.c names each one. */
enum rule_id {
	RULE_SYNTAX_ERROR,
	RULE_DUPLICATE_KEY,
	RULE_INVALID_UTF8,
	RULE_NUL_BYTE,
	RULE_BYTE_ORDER_MARK,
	RULE_EMPTY_DOCUMENT,
	RULE_ROOT_NOT_MAPPING,
	RULE_MULTIPLE_DOCUMENTS,
	RULE_NESTING_TOO_DEEP,
	RULE_ALIAS_LIMIT,
	RULE_FILE_TOO_LARGE,
	RULE_BAD_ALIAS,
	RULE_UNSUPPORTED_TAG,
	RULE_TOO_MANY_NODES,
	/* shape rules */
	RULE_MISSING_MEMBER,
	RULE_UNKNOWN_MEMBER,
	RULE_WRONG_TYPE,
	RULE_STRING_LENGTH,
	RULE_PATTERN_MISMATCH,
	RULE_INVALID_ENUM,
	RULE_INTEGER_RANGE,
	RULE_LIST_LENGTH,
	RULE_INVALID_TIMESTAMP,
	/* cross-field rules */
	RULE_STATE_UNKNOWN,
	RULE_STATUS_NOT_UPDATABLE,
	RULE_START_TIME_WHILE_RUNNING,
	RULE_END_BEFORE_START,
	RULE_SCHEDULE_TOO_LONG,
	RULE_END_TIME_IN_PAST,
	RULE_START_TIME_IN_PAST,
	RULE_DUPLICATE_VARIANT_NAME,
	RULE_DUPLICATE_MODEL,
	RULE_UNKNOWN_VARIANT,
	RULE_SHADOW_IS_SOURCE,
	RULE_VARIANT_NOT_IN_SHADOW_CONFIG,
	RULE_NAME_MISMATCH,
	RULE_NEW_VARIANT,
	RULE_NEGATIVE_SAMPLING,
	RULE_ZERO_SAMPLING,
	RULE_ZERO_INSTANCES,
	RULE_CONTENT_TYPE_IN_BOTH,
	RULE_DUPLICATE_CONTENT_TYPE,
	RULE_EMPTY_CONTENT_TYPE,
	RULE_KMS_KEY_FORM,
	RULE_BUCKET_NAME,
	RULE_NO_CHANGE,
	/* about ielint's own inputs */
	RULE_INVALID_CONFIG,
	RULE_UNUSED_SUPPRESSION,
	RULE_TOO_MANY_DIAGNOSTICS,
	RULE_UNTRUSTED_CONFIG,
	RULE_COUNT
};

struct rule {
	const char *code;    /* stable short id: IE102 */
	const char *name;    /* stable kebab-case name: duplicate-key */
	enum severity severity;
	const char *summary; /* one line */
	const char *help;    /* paragraphs */
	const char *wrong;   /* an example that breaks the rule */
	const char *right;   /* the same example, mended */
};

struct model;

/* The rules built into the program: rules/ compiled into C tables at build
 * time (src/tools/rules_compile.c, into rules_data.c), so that start-up
 * parses nothing. main/rules_files.c reads a rules directory instead. */
void rules_use_embedded(void);

/* Puts tables in place; they must outlive their use. Installing again
 * replaces them. */
void rules_install(const struct rule rules[], const struct model *model);

/* Lets go of what the installed tables compiled (their patterns). */
void rules_release(void);

const struct rule *rule_get(enum rule_id id);

/* A rule by code or name, as the installed catalog gives them (both are
 * accepted wherever a rule is named). */
bool rule_lookup(const char *code_or_name, enum rule_id *id);

/* A rule by the name the program gives it, before any catalog is
 * installed: what a catalog's entry is matched to. */
bool rule_by_name(const char *name, enum rule_id *id);

const char *severity_name(enum severity severity);
bool severity_parse(const char *text, enum severity *severity);

#endif
