/* Reading an experiment's request, and the experiment as --current
 * describes it: its lists, names, schedule and actions, as the
 * cross-field rules and the plan both read them. A value not given is
 * NULL, which the readers take; a value of the wrong type reads as none
 * (the shape rules have reported it). */
#ifndef IELINT_REQUEST_READ_H
#define IELINT_REQUEST_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "load/node.h"

/* An experiment runs for at most 30 days. */
enum { MAX_SCHEDULE_SECONDS = 30 * 24 * 3600 };

/* No list of a request or a description holds more than 10 items. A
 * longer one has been reported by the shape rules; its items are
 * compared pairwise or looked up by name, so it is passed over rather
 * than given quadratic time. */
enum { MAX_ITEMS_COMPARED = 16 };

/* The items of a list to read: 0 for no list, or one of more than
 * MAX_ITEMS_COMPARED. */
size_t item_count(const struct node *list);

/* The i-th item of a list, i below item_count(list). */
const struct node *item_at(const struct node *list, size_t i);

/* A string's text, or NULL for any other value. */
const char *text_of(const struct node *node);

/* Whether an integer is given, one that fits: then *value is it. */
bool int_value(const struct node *node, long long *value);

/* Whether two values are strings of the same text: a name of the wrong
 * type names nothing, which is what the rules compare by. */
bool same_text(const struct node *a, const struct node *b);

/* Whether two values are scalars of the same text, whatever their types:
 * the plan shows what was asked for, and 2 asks for what "2" does. */
bool same_scalar(const struct node *a, const struct node *b);

/* How names are matched: same_text or same_scalar. */
typedef bool same_fn(const struct node *a, const struct node *b);

/* The item of a list whose member `member` has the text of name, or NULL. */
const struct node *item_named(const struct node *list, const char *member,
			      const struct node *name, same_fn *same);

/* The variant of a list of variants whose VariantName is name, or NULL. */
const struct node *variant_named(const struct node *variants, const struct node *name,
				 same_fn *same);

/* Whether a value of ModelVariantActions is this action (Promote,
 * Retain, Remove). */
bool is_action(const struct node *value, const char *action);

/* The action ModelVariantActions gives the variant named by name, or NULL. */
const struct node *action_of(const struct node *actions, const struct node *name,
			     same_fn *same);

/* One of the schedule's times (which is StartTime or EndTime) once the
 * request is taken: the request's when it gives one, else the current
 * experiment's, which is then the one read (node is NULL: nothing in the
 * request to point at). known says whether it reads as an instant, on the
 * day now for a time without a date. */
struct schedule_time {
	bool known;
	double seconds;
	const struct node *node;
};

struct schedule_time schedule_time(const struct node *request, const struct node *current,
				   const char *which, double now);

#endif
