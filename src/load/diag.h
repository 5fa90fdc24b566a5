/* Diagnostics: what a check found, where, and under which rule. */
#ifndef IELINT_DIAG_H
#define IELINT_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "node.h"
#include "rules/rules.h"

/* A repair certain enough to apply unasked: the bytes [at, at + length)
 * of the checked source replaced by text. at points into the source's own
 * bytes, so a fix is only ever applied to the file it was found in. */
struct fix {
	const char *at;
	size_t length;
	struct span span; /* where those bytes are */
	char *text;       /* the replacement, written as the document writes it */
};

struct diag {
	enum rule_id rule;
	enum severity severity; /* set by the settings (filter/settings.h) */
	struct span span;
	char *path;    /* the member, as ModelVariants[1].VariantName; "" for the document */
	char *message;
	bool has_related;
	struct span related; /* a second node the message refers to */
	const char *related_file; /* where it is, when not in the same file */
	struct fix *fix;          /* or NULL */
	const char *pattern; /* the pattern a value failed (pattern-mismatch), or NULL */
	bool hidden; /* its rule is off or a comment suppresses it: held for the
		      * checks to see while they run, never reported */
};

/* What the user makes of a diagnostic as it is found: whether it is shown
 * (its rule is on and no comment suppresses it on its line) and at which
 * severity. Deciding this as it is found, not after the checks, lets the
 * per-file limit count only what can be reported, so that hidden or
 * lowered diagnostics never take an error's place. The caller of the
 * checks makes one of the user's settings and suppressions (main/lint.c);
 * a list without one shows every diagnostic at its rule's severity.
 * mark: the diagnostic is being recorded, so a suppression it meets has
 * been used; false when a check only asks. */
struct diag_policy {
	bool (*show)(struct diag_policy *policy, enum rule_id rule, int line,
		     bool mark, enum severity *severity);
};

/* A file reports at most this many diagnostics; a hostile file with half
 * a million wrong items would otherwise cost memory and time for a report
 * nobody reads. The rest are counted, and diag_list_note_dropped() says
 * how many.
 *
 * The limit never costs an error its place. A list holds diagnostics in
 * four classes, hidden, note, warning and error, and records one only
 * while fewer than DIAG_MAX_PER_FILE of its class or above are held: a
 * file of a thousand suppressed or lowered diagnostics still records the
 * error after them, and a list never holds more than four times the
 * limit. diag_list_limit() then keeps the most severe for the report. */
enum { DIAG_MAX_PER_FILE = 1000, DIAG_CLASSES = 4 };

struct diag_list {
	struct diag *items;
	size_t count;
	size_t capacity;
	size_t held[DIAG_CLASSES]; /* the items of each class (diag_class) */
	size_t dropped;        /* diagnostics past the limit, never hidden ones */
	size_t dropped_errors; /* how many of them were errors */
	bool last_kept;     /* the last diagnostic added was recorded: the
			     * diag_set_ calls after it are about it */
	bool out_of_memory; /* a diagnostic could not be recorded */
	struct diag_policy *policy; /* or NULL */
	bool checked;       /* the document was checked, */
	struct document_type checked_as; /* as this */
	int fail_on;        /* the enum severity from which the file fails the
			     * run (--fail-on), for the reports; -1: error */
};

void diag_list_init(struct diag_list *list);

/* An empty list that decides as parent does, for diagnostics found apart
 * and moved to parent later. */
void diag_list_init_like(struct diag_list *list, const struct diag_list *parent);
void diag_list_free(struct diag_list *list);

/* Records a diagnostic of a rule, at the severity the list's policy gives
 * it. False when it is not recorded: hidden by the policy, past the limit
 * or (the list is then marked out_of_memory) for want of memory. */
bool diag_add(struct diag_list *list, enum rule_id rule, struct span span,
	      const char *path, const char *format, ...)
	__attribute__((format(printf, 5, 6)));
bool diag_addv(struct diag_list *list, enum rule_id rule, struct span span,
	       const char *path, const char *format, va_list args)
	__attribute__((format(printf, 5, 0)));

/* Frees what a diagnostic owns (not the diagnostic itself). */
void diag_free(struct diag *diag);

/* Gives the last diagnostic added, if it was recorded, a fix that
 * replaces the text of node, a scalar or key as written in the source,
 * with text; false when memory runs out. */
bool diag_set_fix(struct diag_list *list, const struct node *node, const char *text,
		  size_t len);

/* Takes a diagnostic's fix away, once it is found to be no longer certain. */
void diag_drop_fix(struct diag *diag);

/* Gives the last diagnostic added, if it was recorded, a second location,
 * such as the first of two duplicate keys. */
void diag_set_related(struct diag_list *list, struct span related);
/* The same, for a node in another file (which must outlive the list). */
void diag_set_related_in(struct diag_list *list, struct span related,
			 const char *file);

/* Gives the last diagnostic added, if it was recorded, the pattern its
 * value does not match (which must outlive the list). */
void diag_set_pattern(struct diag_list *list, const char *pattern);

/* Moves a diagnostic, its class already given, to the end of to, which
 * owns it from then on; when to has no room for its class (counted as
 * dropped) or memory runs out, it is freed and false returned. */
bool diag_list_push(struct diag_list *to, struct diag *diag);

/* Moves every diagnostic of from to the end of to (within its limit),
 * leaving from empty. */
void diag_list_move(struct diag_list *to, struct diag_list *from);

/* Drops the index-th diagnostic. */
void diag_list_remove(struct diag_list *list, size_t index);

/* Hides the index-th diagnostic, found before the suppression that
 * hides it was known. */
void diag_list_hide(struct diag_list *list, size_t index);

/* Whether a diagnostic of rule at line would be recorded now, so that a
 * check can spare the cost of a message nobody reads. Asks the policy
 * without using a suppression: a check that skips its message still
 * adds the diagnostic, in few words, for the suppression and the count of
 * those dropped to see. */
bool diag_list_has_room(const struct diag_list *list, enum rule_id rule, int line);

/* Drops the hidden diagnostics, once the checks are done. */
void diag_list_drop_hidden(struct diag_list *list);

/* Keeps the DIAG_MAX_PER_FILE most severe diagnostics, the first of each
 * severity in the document's order, and counts the rest as dropped; the
 * list comes out sorted. */
void diag_list_limit(struct diag_list *list);

/* Whether two diagnostics are of the same rule, place, path and message. */
bool diag_same(const struct diag *a, const struct diag *b);

/* A member's path below prefix: prefix.Name, prefix[0], or prefix alone
 * for an empty path (path alone for an empty prefix). Returns a text the
 * caller frees, or NULL when memory runs out. */
char *diag_join_path(const char *prefix, const char *path);

/* Puts prefix before a diagnostic's path (Resources.Experiment.Properties
 * before Name); false when memory runs out. */
bool diag_prefix_path(struct diag *diag, const char *prefix);

/* Adds text to the end of a diagnostic's message; false when memory runs
 * out. */
bool diag_append_message(struct diag *diag, const char *text);

/* Adds, when diagnostics were dropped, a note that says how many (and
 * how many errors among them). */
void diag_list_note_dropped(struct diag_list *list);

/* Orders by position, then rule (in the catalog's order, which is its
 * codes'), so output never depends on check order. */
void diag_list_sort(struct diag_list *list);

/* Whether this file raises the rule (for the rules' identity test). */
bool diag_raises(enum rule_id rule);

size_t diag_list_count(const struct diag_list *list, enum severity severity);

#endif
