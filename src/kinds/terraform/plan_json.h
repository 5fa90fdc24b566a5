/* Terraform's plan as JSON (terraform show -json PLANFILE): each entry
 * of resource_changes[] that creates, updates or replaces an experiment
 * holds the attributes the provider will send in change.after, less what
 * is known only once applied, which change.after_unknown marks true at
 * the same place. The positions are the plan file's own. */
#ifndef IELINT_TERRAFORM_PLAN_JSON_H
#define IELINT_TERRAFORM_PLAN_JSON_H

#include <stdbool.h>

#include "load/diag.h"
#include "load/node.h"

/* One entry of resource_changes[] for a managed experiment. */
struct planned_change {
	const struct node *entry;
	const char *address; /* its "address": module.a.TYPE.NAME["key"] */
	const struct node *actions;       /* change.actions; NULL when missing */
	const struct node *before;        /* change.before; NULL when missing */
	const struct node *after;         /* change.after; NULL when missing */
	const struct node *after_unknown; /* NULL when missing */
	const struct node *replace_paths; /* NULL when missing */
};

typedef void planned_visit(const struct planned_change *change, void *context);

/* A mapping with "format_version" and "terraform_version" or
 * "resource_changes". */
bool plan_json_detect(const struct node *root);

/* Whether the plan has an entry for a managed experiment at all (a plan
 * that a directory search found is linted only then). */
bool plan_json_has_experiment(const struct node *root);

/* Each entry that sends the experiment's attributes: its actions create
 * or update it (a replacement does both). A deletion, a no-op and a data
 * source's read send none. */
void plan_json_each_change(const struct node *root, planned_visit *visit, void *context);

/* Whether the change updates the experiment and leaves its schedule as
 * it is: a start or an end in the past is then the deployed experiment's
 * own (it has started, or it is over, and only its tags are sent), no
 * fault of the change. */
bool plan_json_keeps_schedule(const struct planned_change *change);

/* replaces-experiment, when the actions replace the experiment. */
void plan_json_check_replacement(const struct planned_change *change, struct diag_list *diags);

#endif
