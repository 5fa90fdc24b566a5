/* The plan of an update: each member the request gives, against the
 * experiment as --current describes it. An update names only what it
 * changes, so what it leaves out stays as it is. */
#include "planner.h"

#include <math.h>
#include <string.h>

#include "check/duration.h"
#include "check/timestamp.h"

/* "NAME OLD -> NEW" (with "of OWNER" after the name when there is one)
 * when the request gives a value other than the current one. */
static void compare(struct planner *p, const char *what, const struct node *owner,
		    const struct node *requested, const struct node *current, bool quoted)
{
	if (!requested || same_scalar(requested, current))
		return;
	plan_change(p, "%s%s%s %s -> %s", what, owner ? " of " : "",
		    owner ? name_text(p, owner).text : "", plan_value_text(p, current, quoted).text,
		    plan_value_text(p, requested, quoted).text);
}

/* ---- the schedule -------------------------------------------------------- */

/* Writes "WHICH OLD -> NEW" for one of the schedule's times, and when
 * both are known " (+3 days" left open for more; false when it stays. */
static bool schedule_change(const struct planner *p, const char *which, struct strbuf *b,
			    bool *open)
{
	const struct node *requested = node_dig(p->request, "Schedule", which, NULL);
	const struct node *current = node_dig(p->current, "Schedule", which, NULL);
	double new_time, old_time;
	bool new_known = plan_time_of(p, requested, &new_time);
	bool old_known = plan_time_of(p, current, &old_time);

	*open = new_known && old_known;
	if (!requested || (*open && new_time == old_time))
		return false;
	strbuf_puts(b, which);
	strbuf_putc(b, ' ');
	strbuf_puts(b, old_known ? timestamp_format(old_time).text
				 : plan_value_text(p, current, false).text);
	strbuf_puts(b, " -> ");
	strbuf_puts(b, new_known ? timestamp_format(new_time).text
				 : plan_value_text(p, requested, false).text);
	if (*open) {
		strbuf_puts(b, new_time > old_time ? " (+" : " (-");
		strbuf_puts(b, duration_text(fabs(new_time - old_time)).text);
	}
	return true;
}

/* The schedule's length once the request is taken: its times, else the
 * current ones. */
static bool new_length(const struct planner *p, double *length)
{
	struct schedule_time start = schedule_time(p->request, p->current, "StartTime", p->now);
	struct schedule_time end = schedule_time(p->request, p->current, "EndTime", p->now);

	if (!start.known || !end.known || end.seconds <= start.seconds)
		return false;
	*length = end.seconds - start.seconds;
	return true;
}

/* The last line of the schedule also says how long it now lasts. */
static void plan_schedule(struct planner *p)
{
	static const char *const times[] = { "StartTime", "EndTime" };
	struct strbuf lines[2] = { STRBUF_INIT, STRBUF_INIT };
	bool changes[2], open[2];
	double length;
	size_t last;

	for (size_t i = 0; i < 2; i++)
		changes[i] = schedule_change(p, times[i], &lines[i], &open[i]);
	last = changes[1] ? 1 : 0;
	if (changes[last] && new_length(p, &length)) {
		strbuf_puts(&lines[last], open[last] ? "; " : " (");
		strbuf_puts(&lines[last], duration_text(length).text);
		strbuf_puts(&lines[last], length > MAX_SCHEDULE_SECONDS
			    ? ", more than the 30 allowed" : " of the 30 allowed");
		open[last] = true;
	}
	for (size_t i = 0; i < 2; i++) {
		if (!changes[i]) {
			strbuf_free(&lines[i]);
			continue;
		}
		if (open[i])
			strbuf_putc(&lines[i], ')');
		take_buffer(p, &lines[i], true);
	}
}

/* ---- variants ----------------------------------------------------------- */

void plan_compare_variant(struct planner *p, const struct node *requested,
			  const struct node *current)
{
	const struct node *name = node_member(requested, "VariantName");
	const struct node *new_config = node_dig(requested, "InfrastructureConfig",
					    "RealTimeInferenceConfig", NULL);
	const struct node *old_config = node_dig(current, "InfrastructureConfig",
					    "RealTimeInferenceConfig", NULL);

	compare(p, "ModelName", name, node_member(requested, "ModelName"),
		node_member(current, "ModelName"), false);
	compare(p, "InfrastructureType", name, node_dig(requested, "InfrastructureConfig",
						   "InfrastructureType", NULL),
		node_dig(current, "InfrastructureConfig", "InfrastructureType", NULL), false);
	compare(p, "InstanceType", name, node_member(new_config, "InstanceType"),
		node_member(old_config, "InstanceType"), false);
	compare(p, "InstanceCount", name, node_member(new_config, "InstanceCount"),
		node_member(old_config, "InstanceCount"), false);
}

static bool not_current(const struct node *variant, const void *current_variants)
{
	return !variant_named(current_variants, node_member(variant, "VariantName"), same_scalar);
}

/* An update names the variants whose model or infrastructure it changes;
 * the others stay as they are, so it removes none. */
static void plan_variants(struct planner *p)
{
	const struct node *requested = node_member(p->request, "ModelVariants");
	const struct node *current = node_member(p->current, "ModelVariants");
	struct strbuf b = STRBUF_INIT;
	bool adds = false;

	if (!requested)
		return;
	for (size_t i = 0; i < item_count(requested); i++) {
		const struct node *variant = item_at(requested, i);
		const struct node *old = variant_named(current, node_member(variant, "VariantName"),
							 same_scalar);
		if (old)
			plan_compare_variant(p, variant, old);
		else
			adds = true;
	}
	strbuf_puts(&b, "ModelVariants: adds ");
	join_names(p, &b, requested, "VariantName", not_current, current);
	strbuf_puts(&b, ", removes none");
	take_buffer(p, &b, adds);
}

/* ---- shadow mode --------------------------------------------------------- */

static void plan_shadow_mode(struct planner *p)
{
	const struct node *requested = node_member(p->request, "ShadowModeConfig");
	const struct node *current = node_member(p->current, "ShadowModeConfig");
	const struct node *new_shadows = node_member(requested, "ShadowModelVariants");
	const struct node *old_shadows = node_member(current, "ShadowModelVariants");
	const char *name_member = "ShadowModelVariantName";

	if (!requested)
		return;
	compare(p, "SourceModelVariantName", NULL, node_member(requested, "SourceModelVariantName"),
		node_member(current, "SourceModelVariantName"), false);
	for (size_t i = 0; i < item_count(new_shadows); i++) {
		const struct node *shadow = item_at(new_shadows, i);
		const struct node *name = node_member(shadow, name_member);
		const struct node *old = item_named(old_shadows, name_member, name, same_scalar);
		if (old)
			compare(p, "SamplingPercentage", name, node_member(shadow, "SamplingPercentage"),
				node_member(old, "SamplingPercentage"), false);
		else
			plan_change(p, "%s becomes a shadow variant, with SamplingPercentage %s",
				    name_text(p, name).text,
				    plan_value_text(p, node_member(shadow, "SamplingPercentage"),
						    false).text);
	}
	for (size_t i = 0; new_shadows && i < item_count(old_shadows); i++) {
		const struct node *name = node_member(item_at(old_shadows, i), name_member);
		if (!item_named(new_shadows, name_member, name, same_scalar))
			plan_change(p, "%s is no longer a shadow variant", name_text(p, name).text);
	}
}

/* ---- data capture --------------------------------------------------------- */

static bool absent_from(const struct node *type, const void *list)
{
	for (size_t i = 0; i < item_count(list); i++)
		if (same_scalar(item_at(list, i), type))
			return false;
	return true;
}

/* "JsonContentTypes: adds a, removes none" when the list given differs. */
static void compare_types(struct planner *p, const char *which, const struct node *requested,
			  const struct node *current)
{
	struct strbuf b = STRBUF_INIT;
	bool adds = false, removes = false;
	const struct node *list = node_member(requested, which);
	const struct node *old = node_member(current, which);

	if (!list)
		return;
	for (size_t i = 0; i < item_count(list); i++)
		adds |= absent_from(item_at(list, i), old);
	for (size_t i = 0; i < item_count(old); i++)
		removes |= absent_from(item_at(old, i), list);
	if (!adds && !removes) {
		return;
	}
	strbuf_puts(&b, which);
	strbuf_puts(&b, ": adds ");
	join_names(p, &b, list, NULL, absent_from, old);
	strbuf_puts(&b, ", removes ");
	join_names(p, &b, old, NULL, absent_from, list);
	take_buffer(p, &b, true);
}

static void plan_data_storage(struct planner *p)
{
	const struct node *requested = node_member(p->request, "DataStorageConfig");
	const struct node *current = node_member(p->current, "DataStorageConfig");

	if (!requested)
		return;
	compare(p, "Destination", NULL, node_member(requested, "Destination"),
		node_member(current, "Destination"), false);
	compare(p, "KmsKey", NULL, node_member(requested, "KmsKey"),
		node_member(current, "KmsKey"), false);
	compare_types(p, "CsvContentTypes", node_member(requested, "ContentType"),
		      node_member(current, "ContentType"));
	compare_types(p, "JsonContentTypes", node_member(requested, "ContentType"),
		      node_member(current, "ContentType"));
}

/* A description is free text: quoted, and when what fits in a line is
 * the same, only said to change. */
static void plan_description(struct planner *p)
{
	const struct node *requested = node_member(p->request, "Description");
	const struct node *current = node_member(p->current, "Description");

	if (!requested || same_scalar(requested, current))
		return;
	if (current && strcmp(plan_value_text(p, requested, true).text,
			      plan_value_text(p, current, true).text) == 0)
		plan_change(p, "Description changes (too long to show here)");
	else
		compare(p, "Description", NULL, requested, current, true);
}

void plan_update(struct planner *p)
{
	plan_schedule(p);
	plan_description(p);
	plan_shadow_mode(p);
	plan_variants(p);
	plan_data_storage(p);
}

