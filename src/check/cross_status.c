/* The cross-field rules of the experiment's name and status: which
 * experiment a request is for, and whether the experiment, as --status or
 * --current tells it, takes the request at all. */
#include "cross.h"

#include "base/quote.h"

/* The Name to point at, or the request when it has none. */
static const struct node *name_or_request(const struct cross *c)
{
	const struct node *name = node_member(c->request, "Name");

	return name ? name : c->request;
}

/* Without --status or --current, say what the schedule rules are missing. */
void rule_state_unknown(struct cross *c)
{
	const struct node *schedule = node_member(c->request, "Schedule");

	if (c->state->has_status || c->described)
		return;
	if (c->op == OPERATION_UPDATE && schedule)
		cross_report(c, schedule, cross_path(c, "Schedule"),
			     "whether this schedule may change depends on the experiment's "
			     "status; give --status or --current to check it");
	else if (c->op == OPERATION_STOP)
		cross_report(c, name_or_request(c), cross_path(c, "Name"),
			     "whether the experiment can be stopped depends on its status; "
			     "give --status or --current to check it");
}

/* The service takes an update only while the experiment is Created or
 * Running; otherwise it answers ConflictException. */
void rule_status_not_updatable(struct cross *c)
{
	enum experiment_status status = c->state->status;

	if (!c->state->has_status || status_allows_update(status))
		return;
	cross_report(c, name_or_request(c), cross_path(c, "Name"),
		     "the experiment is %s; an update is accepted only while it is Created "
		     "or Running (the service would answer ConflictException)",
		     status_name(status));
}

/* Whether the request names another experiment than the one described by
 * --current. */
bool names_another(const struct node *request, const struct node *described)
{
	const struct node *name = node_member(request, "Name");
	const struct node *described_name = node_member(described, "Name");

	return node_is_string(name) && node_is_string(described_name) &&
	       !same_text(name, described_name);
}

/* Against --current: the same experiment. */
void rule_name_mismatch(struct cross *c)
{
	const struct node *name = node_member(c->request, "Name");
	const struct node *current_name = node_member(c->described, "Name");

	if (!names_another(c->request, c->described))
		return;
	if (cross_report(c, name, cross_path(c, "Name"),
			 "%s %s is not the current experiment's name %s (the service would "
			 "answer ResourceNotFound)", cross_member(c, "Name"),
			 quote(name->scalar.text, name->scalar.len).text,
			 quote(current_name->scalar.text, current_name->scalar.len).text))
		diag_set_related_in(c->diags, current_name->span, c->state->current_file);
}

/* The request names another experiment than --current: what that one's
 * status, schedule and variants would say of the request is beside the
 * point, so those rules were not run, and this note says so once. */
void rule_current_not_compared(struct cross *c)
{
	const struct node *name = node_member(c->request, "Name");
	const struct node *described_name = node_member(c->described, "Name");

	if (!names_another(c->request, c->described))
		return;
	cross_report(c, name, cross_path(c, "Name"),
		     "the checks against --current (its status, schedule and variants) "
		     "were skipped: it describes another experiment, %s",
		     quote(described_name->scalar.text, described_name->scalar.len).text);
}

/* A request with only a Name changes nothing. */
void rule_no_change(struct cross *c)
{
	const struct node *request = c->request;

	if (request->mapping.count == 1 && node_member(request, "Name"))
		cross_report(c, request, cross_path(c, ""),
			     "the request has only a %s, so it changes nothing",
			     cross_member(c, "Name"));
}

/* The service stops an experiment unless it is stopping or stopped. */
void rule_status_not_stoppable(struct cross *c)
{
	if (!c->state->has_status || status_allows_stop(c->state->status))
		return;
	cross_report(c, name_or_request(c), cross_path(c, "Name"),
		     "the experiment is %s, so it cannot be stopped (the service would "
		     "answer ConflictException)", status_name(c->state->status));
}
