/* The rule catalog as tables. Its text (codes, severities, summaries,
 * help) lives in rules/catalog.yaml, embedded at build time; the program
 * only names the rules it can raise, and binds those names to catalog
 * entries at start. A leaf: it reads no file. */
#ifndef IELINT_RULES_H
#define IELINT_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "document_type.h"

enum severity {
	SEVERITY_NOTE,
	SEVERITY_WARNING,
	SEVERITY_ERROR,
};

/* Every rule, in the catalog's order: RULE_DUPLICATE_KEY for the entry
 * named duplicate-key. The list is made from rules/catalog.yaml by the
 * build (src/tools/rule_list.c), so a rule is added in the catalog only. */
enum rule_id {
#define RULE(id, code, name) RULE_##id,
#include "rules/rule_list.h"
#undef RULE
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
	unsigned operations; /* OPERATION_BIT()s of the operations it checks */
	unsigned kinds;      /* KIND_BIT()s of the kinds of document it checks */
};

struct model;

/* The rules built into the program: rules/ compiled into C tables at build
 * time (src/tools/rules_compile.c, into rules_data.c), so that start-up
 * parses nothing; with them, every fixed pattern compiled at build time
 * (regex_use_built). main/rules_files.c reads a rules directory instead. */
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

/* Whether the rule checks documents of this type: its kind and its
 * operation are both among the rule's. */
bool rule_applies(enum rule_id rule, struct document_type type);
bool rule_checks(const struct rule *rule, struct document_type type);

/* Whether rule is one of list's count rules. */
bool rule_in(enum rule_id rule, const enum rule_id *list, size_t count);

const char *severity_name(enum severity severity);
bool severity_parse(const char *text, enum severity *severity);

#endif
