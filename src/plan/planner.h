/* What the parts of the plan share: the planner of one request, and how a
 * line of the plan is written (plan.c). The plan of an update is made in
 * plan_update.c, that of a stop in plan_stop.c; plan.c makes that of a
 * new experiment and runs them. */
#ifndef IELINT_PLANNER_H
#define IELINT_PLANNER_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "check/request_read.h"
#include "load/node.h"

struct planner {
	struct plan *plan;
	/* The document's kind, which knows the values left to deployment. */
	const struct kind *kind;
	const struct node *request;
	const struct node *current; /* the description, or NULL */
	const struct node *root;    /* the document's */
	const struct experiment_state *state;
	double now;
	size_t changes; /* lines that say something changes */
	size_t found;   /* experiments planned */
};

/* A line that says something changes. */
void plan_change(struct planner *p, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

/* A line that says what stays, or what is not done. */
void plan_note(struct planner *p, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

/* Takes the text of b as a line (one that says something changes when
 * is_change), and leaves b empty. */
void take_buffer(struct planner *p, struct strbuf *b, bool is_change);

/* A value as the plan shows it: as written, quoted when it is free text;
 * escaped and shortened when it is long or holds control characters;
 * "none" when it is not given. */
struct quoted plan_value_text(const struct planner *p, const struct node *node, bool quoted);

/* A name as the plan shows it: as written, unquoted. */
struct quoted name_text(const struct planner *p, const struct node *name);

/* "a", "a and b", "a, b and c" of the texts of member in list's items
 * (or of the items themselves when member is NULL) that `keep` says;
 * "none" when it keeps none. */
void join_names(const struct planner *p, struct strbuf *b, const struct node *list, const char *member,
		bool (*keep)(const struct node *item, const void *context),
		const void *context);

/* The instant a time of the request or the description stands for. */
bool plan_time_of(const struct planner *p, const struct node *node, double *seconds);

/* Model and infrastructure of a variant, against the current one's
 * (plan_update.c). */
void plan_compare_variant(struct planner *p, const struct node *requested,
			  const struct node *current);

/* The plans of an update and of a stop request, against --current. */
void plan_update(struct planner *p);
void plan_stop(struct planner *p);

/* The plan of a template's experiment as the stack operation sends it
 * (plan_template.c); true when the stack creates it, which the caller
 * then describes. */
bool plan_template(struct planner *p, const struct declared *declared);

#endif
