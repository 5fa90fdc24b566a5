/* A rule's help rendered for readers other than a terminal. */
#ifndef IELINT_RULE_HELP_H
#define IELINT_RULE_HELP_H

#include "rules/rules.h"

/* The rules page (docs/rules.md), where each rule is a heading: a rule's
 * help is RULES_PAGE_URI "#" rule_anchor(). */
#define RULES_PAGE_URI "https://github.com/ielint/ielint/blob/main/docs/rules.md"

/* Each returns text the caller frees, or NULL when memory runs out. */

/* The help without the line breaks at its end. */
char *rule_help_trimmed(const struct rule *rule);

/* The help, then the examples, indented by four spaces. */
char *rule_help_text(const struct rule *rule);

/* The same in Markdown: the prose escaped, the examples fenced. */
char *rule_help_markdown(const struct rule *rule);

/* Text escaped for Markdown prose, so that it shows as written. */
char *rule_markdown_prose(const char *text);

/* The anchor of the rule's heading "CODE name" on the rules page, as
 * GitHub makes it: "ie102-duplicate-key". */
char *rule_anchor(const struct rule *rule);

#endif
