/* Inline suppressions: # ielint-disable-line RULE[,RULE] at the end of a
 * line, # ielint-disable-next-line RULE[,RULE] on the line above. */
#ifndef IELINT_SUPPRESS_H
#define IELINT_SUPPRESS_H

#include "load/diag.h"
#include "load/node.h"
#include "load/source.h"

/* One rule named by one suppression comment, or a name that is no rule. */
struct suppression {
	bool known;      /* the name is a rule's: rule is it */
	enum rule_id rule;
	int target_line; /* the line whose diagnostics it hides */
	struct span at;  /* the name in the comment */
	const char *name; /* the name as written, in the source */
	size_t name_len;  /* 0: the comment names no rule */
	bool used;
};

/* The suppressions of one source, in the order of their lines. */
struct suppressions {
	struct suppression *items;
	size_t count, capacity;
	bool out_of_memory;
};

/* Finds the suppression comments of a YAML source. root is the loaded
 * tree, which tells a comment from text in a string (NULL when loading
 * failed: then there are none). */
void suppressions_find(struct suppressions *list, const struct source *src,
		       const struct node *root);

/* Whether a suppression hides the rule's diagnostics on line; mark: one is
 * being recorded, and the suppression is used. */
bool suppressions_match(struct suppressions *list, enum rule_id rule, int line, bool mark);

/* Hides the diagnostics of diags that were found before the suppressions
 * were known. */
void suppressions_hide(struct suppressions *list, struct diag_list *diags);

/* Reports the suppressions that name no rule or matched nothing, so that
 * stale ones are found and removed. */
void suppressions_report(const struct suppressions *list, struct diag_list *diags);

void suppressions_free(struct suppressions *list);

/* Whether this file raises the rule (for the rules' identity test). */
bool suppress_raises(enum rule_id rule);

#endif
