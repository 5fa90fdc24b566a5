/* The pictures of a document's experiments: from each experiment the
 * kind's walk hands over (in the API's spelling, whatever the kind), the
 * endpoint, the variants with their model and instances, which one
 * answers the requests and which get a copy of a share of them. Values
 * read as the plan shows them (plan_value_text): shortened, and "(set
 * when deployed)" where the kind resolves them only then. */
#include "picture_build.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "planner.h"
#include "base/format.h"
#include "base/memory.h"
#include "check/check_cross.h"
#include "check/timestamp.h"

struct builder {
	struct picture_list *list;
	struct planner planner; /* for its reading of values */
	bool plan;
};

/* ---- texts ----------------------------------------------------------------- */

/* Sets a text of the picture; a NULL from an allocation that failed
 * marks the list. */
static void set(struct builder *b, char **field, char *text)
{
	if (!text)
		b->list->out_of_memory = true;
	*field = text;
}

__attribute__((format(printf, 3, 4)))
static void set_format(struct builder *b, char **field, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	set(b, field, format_allocv(format, args));
	va_end(args);
}

/* Whether two values are the same: scalars of the same text, or the same
 * expression left to deployment. */
static bool same_value(const struct node *a, const struct node *b)
{
	return same_scalar(a, b) || (a && b && node_equal(a, b));
}

static const char *value(const struct builder *b, const struct node *node, struct quoted *q)
{
	*q = plan_value_text(&b->planner, node, false);
	return q->text;
}

/* "WHAT NEW", and ", was OLD" when a request changes it; *changed says so. */
static void set_changing(struct builder *b, char **field, const char *what,
			 const struct node *requested, const struct node *current, bool *changed)
{
	struct quoted new_text, old_text;
	const struct node *shown = requested ? requested : current;

	if (!shown)
		return;
	value(b, shown, &new_text);
	if (requested && current && !same_value(requested, current)) {
		*changed = true;
		set_format(b, field, "%s%s, was %s", what, new_text.text, value(b, current, &old_text));
	} else {
		set_format(b, field, "%s%s", what, new_text.text);
	}
}

/* "ml.m5.xlarge x 2", a part not given as "?". */
static char *instances_text(const struct builder *b, const struct node *config)
{
	const struct node *type = node_member(config, "InstanceType");
	const struct node *count = node_member(config, "InstanceCount");
	struct quoted type_text, count_text;

	if (!type && !count)
		return mem_strdup("");
	return format_alloc("%s x %s", type ? value(b, type, &type_text) : "?",
			    count ? value(b, count, &count_text) : "?");
}

/* ---- variants ---------------------------------------------------------------- */

static const struct node *real_time(const struct node *variant)
{
	return node_dig(variant, "InfrastructureConfig", "RealTimeInferenceConfig", NULL);
}

/* Model and instances: the request's, else the experiment's as it is. */
static void describe_variant(struct builder *b, struct picture_variant *out,
			     const struct node *requested, const struct node *current)
{
	const struct node *config = real_time(requested), *old_config = real_time(current);
	bool changed = false;
	char *new_instances, *old_instances;

	set_changing(b, &out->model, "model ", node_member(requested, "ModelName"),
		     node_member(current, "ModelName"), &changed);
	if (!config && !old_config)
		return;
	new_instances = instances_text(b, config ? config : old_config);
	old_instances = config && old_config ? instances_text(b, old_config) : NULL;
	if (new_instances && old_instances && strcmp(new_instances, old_instances) != 0) {
		changed = true;
		set_format(b, &out->instances, "%s, was %s", new_instances, old_instances);
		free(new_instances);
	} else if (new_instances && *new_instances) {
		out->instances = new_instances;
	} else {
		b->list->out_of_memory |= !new_instances;
		free(new_instances);
	}
	free(old_instances);
	if (changed && out->mark == PICTURE_KEPT)
		out->mark = PICTURE_CHANGED;
}

/* The role the shadow mode gives a variant of this name, and a shadow's
 * share (against the experiment's as it is, when that is known). */
static void give_role(struct builder *b, struct picture_variant *out, const struct node *name,
		      const struct node *shadow_mode, const struct node *current_mode)
{
	static const char *const member = "ShadowModelVariantName";
	const struct node *shadow = item_named(node_member(shadow_mode, "ShadowModelVariants"),
					       member, name, same_scalar);
	const struct node *old = item_named(node_member(current_mode, "ShadowModelVariants"),
					    member, name, same_scalar);
	const struct node *share = node_member(shadow, "SamplingPercentage");
	const struct node *old_share = node_member(old, "SamplingPercentage");
	struct quoted share_text, old_text;

	if (name && same_scalar(name, node_member(shadow_mode, "SourceModelVariantName"))) {
		out->role = PICTURE_PRODUCTION;
		return;
	}
	if (!shadow) {
		out->role = PICTURE_OTHER;
		return;
	}
	out->role = PICTURE_SHADOW;
	if (!share || share->kind != NODE_SCALAR || b->planner.kind->deployed_value(share)) {
		set_format(b, &out->share, "copies a share of requests: SamplingPercentage %s",
			   value(b, share, &share_text));
	} else if (old_share && !same_value(share, old_share)) {
		set_format(b, &out->share, "copies %s%% of requests, was %s%%",
			   value(b, share, &share_text), value(b, old_share, &old_text));
		if (out->mark == PICTURE_KEPT)
			out->mark = PICTURE_CHANGED;
	} else {
		set_format(b, &out->share, "copies %s%% of requests", value(b, share, &share_text));
	}
}

/* A variant at the end of the picture, named; NULL past the last drawn. */
static struct picture_variant *add_variant(struct builder *b, struct picture *picture,
					   const struct node *name)
{
	struct picture_variant *out;
	struct quoted text;

	if (picture->variant_count == PICTURE_MAX_VARIANTS) {
		picture->variants_left_out++;
		return NULL;
	}
	out = &picture->variants[picture->variant_count++];
	set(b, &out->name, mem_strdup(name ? value(b, name, &text) : "(no VariantName)"));
	return out;
}

/* ---- create and update ----------------------------------------------------------- */

static void set_entry(struct builder *b, struct picture *picture, const struct node *request,
		      const struct node *current)
{
	const struct node *endpoint = node_member(request, "EndpointName");
	const struct node *old = node_member(current, "EndpointName");
	struct quoted text, old_text;

	if (!old)
		old = node_dig(current, "EndpointMetadata", "EndpointName", NULL);
	if (endpoint && old && !same_value(endpoint, old)) {
		picture->entry_changed = true;
		set_format(b, &picture->entry, "endpoint %s, was %s", value(b, endpoint, &text),
			   value(b, old, &old_text));
	} else if (endpoint || old) {
		set_format(b, &picture->entry, "endpoint %s", value(b, endpoint ? endpoint : old, &text));
	} else if (node_member(request, "Name")) {
		set_format(b, &picture->entry, "experiment %s",
			   value(b, node_member(request, "Name"), &text));
	} else {
		set(b, &picture->entry, mem_strdup("endpoint not given"));
	}
}

/* "runs START to END" (the request's times, else those of the experiment
 * as it is, unless the request declares it whole), or "ends NEW, was OLD"
 * when the request moves the end. */
static void set_schedule(struct builder *b, struct picture *picture, const struct node *request,
			 const struct node *current, bool whole)
{
	const struct node *requested_end = node_dig(request, "Schedule", "EndTime", NULL);
	const struct node *old_end = node_dig(current, "Schedule", "EndTime", NULL);
	const struct node *end = requested_end || whole ? requested_end : old_end;
	const struct node *start = node_dig(request, "Schedule", "StartTime", NULL);
	double new_time, old_time, start_time;
	bool new_known = plan_time_of(&b->planner, end, &new_time);
	bool old_known = plan_time_of(&b->planner, old_end, &old_time);
	struct quoted new_text, old_text;
	const char *new_shown = new_known ? timestamp_format(new_time).text : value(b, end, &new_text);

	if (!start && !whole)
		start = node_dig(current, "Schedule", "StartTime", NULL);
	if (requested_end && old_end && !(new_known && old_known && new_time == old_time)) {
		picture->schedule_changed = true;
		set_format(b, &picture->schedule, "ends %s, was %s", new_shown,
			   old_known ? timestamp_format(old_time).text : value(b, old_end, &old_text));
	} else if (start && end) {
		set_format(b, &picture->schedule, "runs %s to %s",
			   plan_time_of(&b->planner, start, &start_time)
			   ? timestamp_format(start_time).text : value(b, start, &old_text),
			   new_shown);
	} else if (end) {
		set_format(b, &picture->schedule, "ends %s", new_shown);
	}
}

/* Whether a list is too long to read (request_read.h): one the shape
 * rules have reported. */
static bool too_long(const struct node *list)
{
	return list && list->kind == NODE_SEQUENCE && list->sequence.count > MAX_ITEMS_COMPARED;
}

/* Why an experiment to create cannot be drawn, or NULL. */
static const char *why_not_drawn(const struct builder *b, const struct node *variants,
				 const struct node *shadow_mode)
{
	if (variants && b->planner.kind->deployed_value(variants))
		return "its ModelVariants are known only when deployed";
	if (!item_count(variants))
		return "it has no ModelVariants";
	if (!shadow_mode)
		return "it has no ShadowModeConfig";
	if (b->planner.kind->deployed_value(shadow_mode))
		return "its ShadowModeConfig is known only when deployed";
	return NULL;
}

/* The experiment's variants: with current, as they are (then those the
 * request adds), or for a template (whole), as it declares them (then
 * those it no longer does); else as requested. */
static void draw_variants(struct builder *b, struct picture *picture, const struct node *requested,
			  const struct node *current, const struct node *shadow_mode, bool whole)
{
	const struct node *existing = node_member(current, "ModelVariants");
	const struct node *current_mode = node_member(current, "ShadowModeConfig");
	const struct node *drawn = current && !whole ? existing : requested;
	const struct node *rest = !current ? NULL : whole ? existing : requested;

	for (size_t i = 0; i < item_count(drawn); i++) {
		const struct node *variant = item_at(drawn, i);
		const struct node *name = node_member(variant, "VariantName");
		const struct node *other = variant_named(rest, name, same_scalar);
		struct picture_variant *out = add_variant(b, picture, name);
		if (!out)
			continue;
		if (whole && current && !other)
			out->mark = PICTURE_ADDED;
		describe_variant(b, out, whole || !current ? variant : other,
				 whole ? other : current ? variant : NULL);
		give_role(b, out, name, shadow_mode, current_mode);
	}
	for (size_t i = 0; i < item_count(rest); i++) {
		const struct node *variant = item_at(rest, i);
		const struct node *name = node_member(variant, "VariantName");
		struct picture_variant *out;
		if (variant_named(drawn, name, same_scalar) || !(out = add_variant(b, picture, name)))
			continue;
		out->mark = whole ? PICTURE_REMOVED : PICTURE_ADDED;
		describe_variant(b, out, whole ? NULL : variant, whole ? variant : NULL);
		/* What a variant removed was, what one added will be. */
		give_role(b, out, name, whole ? current_mode : shadow_mode, whole ? NULL : current_mode);
	}
}

static void draw_experiment(struct builder *b, struct picture *picture, const struct node *request,
			    const struct node *current, enum operation op, bool whole)
{
	const struct node *requested = node_member(request, "ModelVariants");
	const struct node *shadow_mode = node_member(request, "ShadowModeConfig");
	const struct node *current_mode = node_member(current, "ShadowModeConfig");
	const struct node *existing = node_member(current, "ModelVariants");
	const struct node *all = current && !whole ? existing : requested;
	const struct node *shadows;
	const char *why;

	if (!shadow_mode && !whole)
		shadow_mode = current_mode;
	why = too_long(requested) || too_long(existing) ? "it has more ModelVariants than can be read"
		: op == OPERATION_CREATE || current ? why_not_drawn(b, all, shadow_mode)
		: NULL;
	if (why) {
		set_format(b, &picture->not_drawn, "not drawn: %s", why);
		return;
	}
	if (!requested && !shadow_mode) {
		set(b, &picture->not_drawn, mem_strdup("nothing to draw: the request changes no "
						       "variant and no ShadowModeConfig"));
		return;
	}
	set_entry(b, picture, request, current);
	draw_variants(b, picture, requested, current, shadow_mode, whole);
	/* The source and the shadows that the variants drawn do not name:
	 * still where the requests go. */
	shadows = node_member(shadow_mode, "ShadowModelVariants");
	for (size_t i = 0; i <= item_count(shadows); i++) {
		const struct node *name = i == 0
			? node_member(shadow_mode, "SourceModelVariantName")
			: node_member(item_at(shadows, i - 1), "ShadowModelVariantName");
		struct picture_variant *out;
		if (!name || name->kind != NODE_SCALAR || b->planner.kind->deployed_value(name) ||
		    variant_named(requested, name, same_scalar) ||
		    variant_named(existing, name, same_scalar) ||
		    !(out = add_variant(b, picture, name)))
			continue;
		set(b, &out->note, mem_strdup(op == OPERATION_UPDATE && !current
					      ? "not in this request" : "not among ModelVariants"));
		give_role(b, out, name, shadow_mode, current_mode);
	}
	set_schedule(b, picture, request, current, whole);
}

/* ---- stop ------------------------------------------------------------------ */

static enum picture_mark action_mark(const struct node *action)
{
	return is_action(action, "Promote") ? PICTURE_PROMOTED
		: is_action(action, "Remove") ? PICTURE_REMOVED
		: is_action(action, "Retain") ? PICTURE_RETAINED : PICTURE_KEPT;
}

/* What becomes of each variant: the experiment's variants as they are
 * with --current, else those ModelVariantActions names. */
static void draw_stop(struct builder *b, struct picture *picture, const struct node *request,
		      const struct node *current)
{
	const struct node *actions = node_member(request, "ModelVariantActions");
	const struct node *desired = node_member(request, "DesiredModelVariants");
	const struct node *existing = node_member(current, "ModelVariants");
	size_t count = current ? item_count(existing)
		: actions && actions->kind == NODE_MAPPING ? actions->mapping.count : 0;

	if (!count) {
		set(b, &picture->not_drawn, mem_strdup(current
				? "not drawn: the experiment --current describes has no ModelVariants"
				: "not drawn: the request has no ModelVariantActions"));
		return;
	}
	set_entry(b, picture, request, current);
	for (size_t i = 0; i < count && i < MAX_ITEMS_COMPARED; i++) {
		const struct node *name = current
			? node_member(item_at(existing, i), "VariantName")
			: actions->mapping.pairs[i].key;
		struct picture_variant *out = add_variant(b, picture, name);
		if (!out)
			continue;
		out->mark = action_mark(action_of(actions, name, same_scalar));
		describe_variant(b, out, variant_named(desired, name, same_scalar),
				 current ? item_at(existing, i) : NULL);
		if (current)
			give_role(b, out, name, node_member(current, "ShadowModeConfig"), NULL);
		else
			out->role = PICTURE_OTHER;
	}
}

/* A label such as "resource Experiment" as it is, cut (on a character's
 * boundary) when long. */
static char *title_of(const char *label)
{
	enum { MAX_TITLE = 120 };
	size_t len = strlen(label);

	if (len <= MAX_TITLE)
		return mem_strdup(label);
	len = MAX_TITLE;
	while (len > 0 && ((unsigned char)label[len] & 0xC0) == 0x80)
		len--;
	return format_alloc("%.*s...", (int)len, label);
}

/* ---- the walk ------------------------------------------------------------------ */

/* The Properties of the resource of this logical id in the template the
 * stack has (--previous), or NULL. */
static const struct node *previous_properties(const struct node *previous,
					      const struct node *logical_id)
{
	const char *id = text_of(logical_id);
	const struct node *resource = id ? node_member(node_member(previous, "Resources"), id) : NULL;
	const struct node *properties = node_member(resource, "Properties");

	return properties && properties->kind == NODE_MAPPING ? properties : NULL;
}

static void draw_declared(const struct declared *declared, void *context)
{
	struct builder *b = context;
	struct picture *picture = picture_list_add(b->list);
	const struct node *members = declared->members;
	const struct node *current = b->planner.current;

	if (!picture)
		return;
	if (declared->label)
		set(b, &picture->title, title_of(declared->label));
	if (!members || members->kind != NODE_MAPPING) {
		set(b, &picture->not_drawn, mem_strdup(members && b->planner.kind->deployed_value(members)
			? "not drawn: its properties are known only when deployed"
			: "not drawn: it has no properties to read"));
		return;
	}
	/* Only the plan compares: a request with the experiment as it is, a
	 * template's experiment with the one of the template the stack has. */
	if (b->plan && b->planner.kind->id == KIND_CLOUDFORMATION) {
		const struct node *before = previous_properties(b->planner.state->previous,
								declared->name);
		draw_experiment(b, picture, members, before, OPERATION_CREATE, before != NULL);
		return;
	}
	if (!b->plan || declared->op == OPERATION_CREATE || names_another(members, current))
		current = NULL;
	if (declared->op == OPERATION_STOP)
		draw_stop(b, picture, members, current);
	else
		draw_experiment(b, picture, members, current, declared->op, false);
}

void picture_build(struct picture_list *list, const struct node *root, const struct kind *kind,
		   enum operation op, const struct experiment_state *state, bool plan)
{
	struct builder b = { list, { 0 }, plan };
	struct picture *picture;

	b.planner.kind = kind;
	b.planner.root = root;
	b.planner.state = state;
	b.planner.current = state->current;
	b.planner.now = state->now;
	if (!root || root->kind != NODE_MAPPING) {
		picture_not_loaded(list);
		return;
	}
	kind->walk(root, op, state, draw_declared, &b);
	if (list->count == 0 && !list->left_out && !list->out_of_memory &&
	    (picture = picture_list_add(list)) != NULL)
		set(&b, &picture->not_drawn, mem_strdup("not drawn: it declares no inference experiment"));
}

void picture_not_loaded(struct picture_list *list)
{
	struct picture *picture = picture_list_add(list);

	if (picture && !(picture->not_drawn = mem_strdup("not drawn: the document does not load")))
		list->out_of_memory = true;
}
