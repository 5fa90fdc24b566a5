/* The cross-field rules of the schedule: its times against each other,
 * against the clock (--now) and against the experiment's status. A time
 * the request leaves out is the current experiment's (--current). */
#include "cross.h"

#include "duration.h"
#include "handler_time.h"
#include "timestamp.h"

/* The instant a time stands for to what reads it: the AWS CLI reads a
 * request's, CloudFormation's handler a template's. To the handler a
 * number is no epoch seconds, and a time it cannot parse is no time at
 * all, so no rule here reasons from one (handler-unparseable-time
 * reports it). */
static bool read_time(const struct cross *c, const struct node *node, double *seconds)
{
	if (kind_is_resource(c->kind))
		return handler_time_instant(node, seconds);
	return timestamp_from_node(node, c->state->now, seconds);
}

/* One of the schedule's times once the request is taken. */
static struct schedule_time new_time(const struct cross *c, const char *which)
{
	struct schedule_time t = schedule_time(c->request, c->current, which, c->state->now);

	if (t.node)
		t.known = read_time(c, t.node, &t.seconds);
	return t;
}

static bool status_is(const struct cross *c, enum experiment_status status)
{
	return c->state->has_status && c->state->status == status;
}

/* Where a rule about both times points: the EndTime the request gives,
 * else its StartTime. */
static const struct node *end_or_start(const struct schedule_time *start,
				       const struct schedule_time *end)
{
	return end->node ? end->node : start->node;
}

static char *end_or_start_path(const struct cross *c, const struct schedule_time *end)
{
	return cross_path(c, end->node ? "Schedule.EndTime" : "Schedule.StartTime");
}

/* While Running, only the end of the schedule may change. */
void rule_start_time_while_running(struct cross *c)
{
	const struct node *start = node_dig(c->request, "Schedule", "StartTime", NULL);
	const struct node *current = node_dig(c->current, "Schedule", "StartTime", NULL);
	double requested, now_set;

	if (!start || !status_is(c, STATUS_RUNNING))
		return;
	if (current && read_time(c, start, &requested) &&
	    timestamp_from_node(current, c->state->now, &now_set) && requested == now_set)
		return;
	cross_report(c, start, cross_path(c, "Schedule.StartTime"),
		     "the experiment is Running, so only %s may change; remove %s%s",
		     cross_member(c, "EndTime"), cross_member(c, "StartTime"),
		     current ? " or give the current start" : "");
}

/* EndTime after StartTime, taking the one the request lacks from --current. */
void rule_end_before_start(struct cross *c)
{
	struct schedule_time start = new_time(c, "StartTime");
	struct schedule_time end = new_time(c, "EndTime");

	if (!start.known || !end.known || (!start.node && !end.node) ||
	    end.seconds > start.seconds)
		return;
	if (cross_report(c, end_or_start(&start, &end), end_or_start_path(c, &end),
			 "%s %s is not after %s %s%s", cross_member(c, "EndTime"),
			 timestamp_format(end.seconds).text, cross_member(c, "StartTime"),
			 timestamp_format(start.seconds).text,
			 !start.node ? " (the current start)"
			 : !end.node ? " (against the current end)" : ""))
		cross_relate(c, end.node ? start.node : NULL);
}

/* An experiment runs for at most 30 days. */
void rule_schedule_too_long(struct cross *c)
{
	struct schedule_time start = new_time(c, "StartTime");
	struct schedule_time end = new_time(c, "EndTime");
	double length = end.seconds - start.seconds;

	if (!start.known || !end.known || (!start.node && !end.node) ||
	    length <= MAX_SCHEDULE_SECONDS || end.seconds <= start.seconds)
		return;
	if (cross_report(c, end_or_start(&start, &end), end_or_start_path(c, &end),
			 "the schedule lasts %s, from %s to %s; at most 30 days are allowed",
			 duration_text(length).text, timestamp_format(start.seconds).text,
			 timestamp_format(end.seconds).text))
		cross_relate(c, end.node ? start.node : NULL);
}

/* The end may not be in the past. */
void rule_end_time_in_past(struct cross *c)
{
	const struct node *end = node_dig(c->request, "Schedule", "EndTime", NULL);
	double seconds;

	if (end && read_time(c, end, &seconds) && seconds < c->state->now)
		cross_report(c, end, cross_path(c, "Schedule.EndTime"),
			     "%s %s is in the past (it is now %s)", cross_member(c, "EndTime"),
			     timestamp_format(seconds).text, timestamp_format(c->state->now).text);
}

/* A start in the past, for a new experiment or one only Created, is worth
 * a warning: the service starts the experiment at once. */
void rule_start_time_in_past(struct cross *c)
{
	const struct node *start = node_dig(c->request, "Schedule", "StartTime", NULL);
	double seconds;

	if (start && (c->op == OPERATION_CREATE || status_is(c, STATUS_CREATED)) &&
	    read_time(c, start, &seconds) && seconds < c->state->now)
		cross_report(c, start, cross_path(c, "Schedule.StartTime"),
			     "%s %s is in the past (it is now %s); the experiment would "
			     "start at once", cross_member(c, "StartTime"),
			     timestamp_format(seconds).text, timestamp_format(c->state->now).text);
}
