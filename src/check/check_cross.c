/* Cross-field rules: what no single member's constraint can say, between
 * members and against the experiment as it is now. Each rule is one small
 * function, rule_NAME for the rule NAME, registered in cross_rules below,
 * with its catalog entry in rules/catalog.yaml and its cases in
 * testdata/cases/cross/.
 *
 * The shape rules have already reported values of the wrong type, so these
 * rules quietly skip any value they cannot read. */
#include "check_cross.h"

#include <stdarg.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "check_shape.h"
#include "duration.h"
#include "suggest.h"
#include "timestamp.h"
#include "base/path.h"
#include "base/quote.h"
#include "base/regex.h"

struct cross {
	const struct node *request;
	enum operation op;
	const struct experiment_state *state;
	/* The experiment the request acts on (--current), or NULL; a create
	 * request acts on none. */
	const struct node *current;
	/* --current as given, even when it describes another experiment than
	 * the request's (then current is NULL, and so is the status it gave). */
	const struct node *described;
	/* The variants the request deploys: ModelVariants, or for a stop
	 * request DesiredModelVariants. */
	const char *variants_member;
	struct diag_list *diags;
	size_t shape_diags; /* the diagnostics of the shape rules come first */
	enum rule_id rule;  /* the rule being checked, which report() raises */
};

enum { MAX_SCHEDULE_SECONDS = 30 * 24 * 3600 };

/* ---- reading the request ------------------------------------------------ */

static const char *text_of(const struct node *node)
{
	return node_is_string(node) ? node->scalar.text : NULL;
}

static bool same_text(const struct node *a, const struct node *b)
{
	return node_is_string(a) && node_is_string(b) && a->scalar.len == b->scalar.len &&
	       memcmp(a->scalar.text, b->scalar.text, a->scalar.len) == 0;
}

/* No list of a request holds more than 10 items. A longer one has been
 * reported by the shape rules; the rules here compare items pairwise, so
 * they pass over it rather than spend quadratic time on a hostile list. */
enum { MAX_ITEMS_COMPARED = 16 };

static size_t item_count(const struct node *list)
{
	if (!list || list->kind != NODE_SEQUENCE || list->sequence.count > MAX_ITEMS_COMPARED)
		return 0;
	return list->sequence.count;
}

static const struct node *item(const struct node *list, size_t i)
{
	return list->sequence.items[i];
}

static bool int_value(const struct node *node, long long *value)
{
	if (!node || node->kind != NODE_SCALAR || node->scalar.type != SCALAR_INT ||
	    node->scalar.int_overflow)
		return false;
	*value = node->scalar.int_value;
	return true;
}

/* A member path with an index, such as ModelVariants[1].VariantName. The
 * parts are the request's own member names, so the text is short. */
struct item_path {
	char text[160];
};

static struct item_path item_path(const char *list, size_t index, const char *member)
{
	struct item_path p;

	snprintf(p.text, sizeof p.text, member ? "%s[%zu].%s" : "%s[%zu]", list, index,
		 member ? member : "");
	return p;
}

/* Whether a shape rule already found this value unusable: one mistake
 * makes one diagnostic, so the cross-field rules leave such a value alone.
 * Advice on a value that is still sent (a loose timestamp) does not count. */
static bool already_reported(const struct cross *c, const struct node *at)
{
	for (size_t i = 0; i < c->shape_diags; i++) {
		const struct diag *diag = &c->diags->items[i];
		if (diag->span.line == at->span.line && diag->span.column == at->span.column &&
		    check_shape_refuses(diag->rule))
			return true;
	}
	return false;
}

/* Raises the rule being checked: a rule's function can raise no other. */
/* Whether any rule has reported this node, shape rule or cross-field. */
static bool reported_at(const struct cross *c, const struct node *at)
{
	for (size_t i = 0; i < c->diags->count; i++) {
		const struct span *span = &c->diags->items[i].span;
		if (at && span->line == at->span.line && span->column == at->span.column)
			return true;
	}
	return false;
}

__attribute__((format(printf, 4, 5)))
static bool report(struct cross *c, const struct node *at, const char *path,
		   const char *format, ...)
{
	va_list args;
	bool added;

	if (already_reported(c, at))
		return false;
	va_start(args, format);
	added = diag_addv(c->diags, c->rule, at->span, path, format, args);
	va_end(args);
	return added;
}

static void relate(struct cross *c, const struct node *related)
{
	if (related)
		diag_set_related(c->diags, related->span);
}

/* ---- the schedule --------------------------------------------------------- */

/* A schedule time: from the request when it gives one, else from --current
 * (then node is NULL: nothing in the request to point at). */
struct schedule_time {
	bool known;
	double seconds;
	const struct node *node;
};

static struct schedule_time schedule_time(const struct cross *c, const char *which)
{
	struct schedule_time t = { false, 0, node_dig(c->request, "Schedule", which, NULL) };
	const struct node *current = node_dig(c->current, "Schedule", which, NULL);

	if (t.node)
		t.known = timestamp_from_node(t.node, c->state->now, &t.seconds);
	else if (current)
		t.known = timestamp_from_node(current, c->state->now, &t.seconds);
	return t;
}

static bool status_is(const struct cross *c, enum experiment_status status)
{
	return c->state->has_status && c->state->status == status;
}

/* The service takes an update only while the experiment is Created or
 * Running; otherwise it answers ConflictException. */
static void rule_status_not_updatable(struct cross *c)
{
	const struct node *name = node_member(c->request, "Name");
	enum experiment_status status = c->state->status;

	if (!c->state->has_status || status_allows_update(status))
		return;
	report(c, name ? name : c->request, "Name",
	       "the experiment is %s; an update is accepted only while it is Created "
	       "or Running (the service would answer ConflictException)",
	       status_name(status));
}

/* While Running, only the end of the schedule may change. */
static void rule_start_time_while_running(struct cross *c)
{
	const struct node *start = node_dig(c->request, "Schedule", "StartTime", NULL);
	const struct node *current = node_dig(c->current, "Schedule", "StartTime", NULL);
	double requested, now_set;

	if (!start || !status_is(c, STATUS_RUNNING))
		return;
	if (current && timestamp_from_node(start, c->state->now, &requested) &&
	    timestamp_from_node(current, c->state->now, &now_set) && requested == now_set)
		return;
	report(c, start, "Schedule.StartTime",
	       "the experiment is Running, so only EndTime may change; remove StartTime%s",
	       current ? " or give the current start" : "");
}

/* EndTime after StartTime, taking the one the request lacks from --current. */
static void rule_end_before_start(struct cross *c)
{
	struct schedule_time start = schedule_time(c, "StartTime");
	struct schedule_time end = schedule_time(c, "EndTime");

	if (!start.known || !end.known || (!start.node && !end.node) ||
	    end.seconds > start.seconds)
		return;
	if (report(c, end.node ? end.node : start.node,
	           end.node ? "Schedule.EndTime" : "Schedule.StartTime",
	           "EndTime %s is not after StartTime %s%s", timestamp_format(end.seconds).text,
	           timestamp_format(start.seconds).text,
	           !start.node ? " (the current start)" : !end.node ? " (against the current end)" : ""))
		relate(c, end.node ? start.node : NULL);
}

/* An experiment runs for at most 30 days. */
static void rule_schedule_too_long(struct cross *c)
{
	struct schedule_time start = schedule_time(c, "StartTime");
	struct schedule_time end = schedule_time(c, "EndTime");
	double length = end.seconds - start.seconds;

	if (!start.known || !end.known || (!start.node && !end.node) ||
	    length <= MAX_SCHEDULE_SECONDS || end.seconds <= start.seconds)
		return;
	if (report(c, end.node ? end.node : start.node,
	           end.node ? "Schedule.EndTime" : "Schedule.StartTime",
	           "the schedule lasts %s, from %s to %s; at most 30 days are allowed",
	           duration_text(length).text, timestamp_format(start.seconds).text,
	           timestamp_format(end.seconds).text))
		relate(c, end.node ? start.node : NULL);
}

/* The end may not be in the past. */
static void rule_end_time_in_past(struct cross *c)
{
	const struct node *end = node_dig(c->request, "Schedule", "EndTime", NULL);
	double seconds;

	if (end && timestamp_from_node(end, c->state->now, &seconds) && seconds < c->state->now)
		report(c, end, "Schedule.EndTime",
		       "EndTime %s is in the past (it is now %s)",
		       timestamp_format(seconds).text, timestamp_format(c->state->now).text);
}

/* A start in the past, for a new experiment or one only Created, is worth
 * a warning: the service starts the experiment at once. */
static void rule_start_time_in_past(struct cross *c)
{
	const struct node *start = node_dig(c->request, "Schedule", "StartTime", NULL);
	double seconds;

	if (start && (c->op == OPERATION_CREATE || status_is(c, STATUS_CREATED)) &&
	    timestamp_from_node(start, c->state->now, &seconds) &&
	    seconds < c->state->now)
		report(c, start, "Schedule.StartTime",
		       "StartTime %s is in the past (it is now %s); the experiment would "
		       "start at once", timestamp_format(seconds).text,
		       timestamp_format(c->state->now).text);
}

/* Without --status or --current, say what the schedule rules are missing. */
static void rule_state_unknown(struct cross *c)
{
	const struct node *schedule = node_member(c->request, "Schedule");
	const struct node *name = node_member(c->request, "Name");

	if (c->state->has_status || c->described)
		return;
	if (c->op == OPERATION_UPDATE && schedule)
		report(c, schedule, "Schedule",
		       "whether this schedule may change depends on the experiment's status; "
		       "give --status or --current to check it");
	else if (c->op == OPERATION_STOP)
		report(c, name ? name : c->request, "Name",
		       "whether the experiment can be stopped depends on its status; give "
		       "--status or --current to check it");
}

/* ---- variants ------------------------------------------------------------- */

/* The member of an earlier variant than the i-th with the same text as the
 * i-th's, or NULL; *earlier_index says which variant. */
static const struct node *same_as_earlier(const struct node *variants, size_t i,
					  const char *member, size_t *earlier_index)
{
	const struct node *mine = node_member(item(variants, i), member);

	for (size_t j = 0; j < i; j++) {
		const struct node *earlier = node_member(item(variants, j), member);
		if (same_text(mine, earlier)) {
			*earlier_index = j;
			return earlier;
		}
	}
	return NULL;
}

/* Variant names are unique. */
static void rule_duplicate_variant_name(struct cross *c)
{
	const struct node *variants = node_member(c->request, c->variants_member);
	const struct node *earlier;
	size_t j;

	for (size_t i = 1; i < item_count(variants); i++) {
		const struct node *name = node_member(item(variants, i), "VariantName");
		if ((earlier = same_as_earlier(variants, i, "VariantName", &j)) &&
		    report(c, name, item_path(c->variants_member, i, "VariantName").text,
			   "variant name %s is already used by %s[%zu]",
			   quote(name->scalar.text, name->scalar.len).text, c->variants_member, j))
			relate(c, earlier);
	}
}

/* Two variants of one model compare nothing. */
static void rule_duplicate_model(struct cross *c)
{
	const struct node *variants = node_member(c->request, c->variants_member);
	const struct node *earlier;
	size_t j;

	for (size_t i = 1; i < item_count(variants); i++) {
		const struct node *model = node_member(item(variants, i), "ModelName");
		if ((earlier = same_as_earlier(variants, i, "ModelName", &j)) &&
		    report(c, model, item_path(c->variants_member, i, "ModelName").text,
			   "%s[%zu] runs the same model %s as %s[%zu]; a shadow test "
			   "compares two different models", c->variants_member,
			   i, quote(model->scalar.text, model->scalar.len).text,
			   c->variants_member, j))
			relate(c, earlier);
	}
}

/* The variant of a list of variants whose VariantName is name, or NULL. */
static const struct node *variant_named(const struct node *variants,
					const struct node *name)
{
	for (size_t i = 0; i < item_count(variants); i++)
		if (same_text(node_member(item(variants, i), "VariantName"), name))
			return item(variants, i);
	return NULL;
}


/* Whether a template names a variant by a value known only when it is
 * deployed: a name may then be that one. */
static bool has_unknown_name(const struct node *variants)
{
	if (variants && variants->kind == NODE_UNKNOWN)
		return true;
	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *variant = item(variants, i);
		const struct node *name = node_member(variant, "VariantName");
		if (variant->kind == NODE_UNKNOWN || (name && name->kind == NODE_UNKNOWN))
			return true;
	}
	return false;
}

static void consider_variants(struct suggestion *s, const struct node *variants)
{
	for (size_t i = 0; i < item_count(variants); i++) {
		const char *candidate = text_of(node_member(item(variants, i), "VariantName"));
		if (candidate)
			suggestion_consider(s, candidate);
	}
}

/* Whether the request's ModelVariants are all the experiment's variants:
 * a create request (and a template) lists every one, but an update lists
 * only those whose configuration it changes, so its list is whole only
 * when it holds two, the most an experiment has. */
static bool lists_every_variant(const struct cross *c, const struct node *requested)
{
	return c->op != OPERATION_UPDATE || item_count(requested) >= 2;
}

/* A name in ShadowModeConfig refers to a variant of the request or of the
 * current experiment. Without --current, only the request's variants are
 * known, and a name they lack is wrong only when they are every variant
 * the experiment has; otherwise it may be one the update leaves alone. */
static void check_reference(struct cross *c, const struct node *name, const char *path)
{
	const struct node *requested = node_member(c->request, "ModelVariants");
	const struct node *current = node_member(c->current, "ModelVariants");
	struct suggestion s;

	if (!node_is_string(name) || (!current && (item_count(requested) == 0 ||
						   !lists_every_variant(c, requested))) ||
	    has_unknown_name(requested) || variant_named(requested, name) ||
	    variant_named(current, name))
		return;
	suggestion_init(&s, name->scalar.text, name->scalar.len);
	consider_variants(&s, requested);
	consider_variants(&s, current);
	report(c, name, path,
	       "%s names no variant of %s%s%s%s",
	       quote(name->scalar.text, name->scalar.len).text,
	       !current ? "ModelVariants"
	       : item_count(requested) ? "the request or the current experiment"
	       : "the current experiment",
	       s.best ? "; did you mean \"" : "", s.best ? s.best : "", s.best ? "\"?" : "");
}

/* ShadowModeConfig names real variants. */
static void rule_unknown_variant(struct cross *c)
{
	const struct node *config = node_member(c->request, "ShadowModeConfig");
	const struct node *shadows = node_member(config, "ShadowModelVariants");

	if (!config)
		return;
	check_reference(c, node_member(config, "SourceModelVariantName"),
			"ShadowModeConfig.SourceModelVariantName");
	for (size_t i = 0; i < item_count(shadows); i++)
		check_reference(c, node_member(item(shadows, i), "ShadowModelVariantName"),
				item_path("ShadowModeConfig.ShadowModelVariants", i,
					  "ShadowModelVariantName").text);
}

/* The shadow is another variant than the source. */
static void rule_shadow_is_source(struct cross *c)
{
	const struct node *config = node_member(c->request, "ShadowModeConfig");
	const struct node *source = node_member(config, "SourceModelVariantName");
	const struct node *shadows = node_member(config, "ShadowModelVariants");

	for (size_t i = 0; i < item_count(shadows); i++) {
		const struct node *shadow = node_member(item(shadows, i), "ShadowModelVariantName");
		if (same_text(shadow, source) &&
		    report(c, shadow, item_path("ShadowModeConfig.ShadowModelVariants", i,
						"ShadowModelVariantName").text,
			   "the shadow variant %s is also the source; a shadow test needs "
			   "two different variants",
			   quote(shadow->scalar.text, shadow->scalar.len).text))
			relate(c, source);
	}
}

/* With two variants and a ShadowModeConfig, the two are the
 * source and the shadow. A reference that names no variant, or a shadow
 * that is the source, or a variant the experiment lacks, already says
 * what is wrong: this rule speaks only when nothing else did. */
static void rule_variant_not_in_shadow_config(struct cross *c)
{
	const struct node *variants = node_member(c->request, "ModelVariants");
	const struct node *config = node_member(c->request, "ShadowModeConfig");
	const struct node *source = node_member(config, "SourceModelVariantName");
	const struct node *shadows = node_member(config, "ShadowModelVariants");

	if (item_count(variants) != 2 || !node_is_string(source) || item_count(shadows) != 1)
		return;
	const struct node *shadow = node_member(item(shadows, 0), "ShadowModelVariantName");
	if (!node_is_string(shadow))
		return;
	if (reported_at(c, source) || reported_at(c, shadow))
		return;
	for (size_t i = 0; i < 2; i++) {
		const struct node *name = node_member(item(variants, i), "VariantName");
		if (!node_is_string(name) || same_text(name, source) || same_text(name, shadow) ||
		    reported_at(c, name))
			continue;
		report(c, name,
		       item_path("ModelVariants", i, "VariantName").text,
		       "variant %s is neither the source (%s) nor the shadow (%s) of "
		       "ShadowModeConfig", quote(name->scalar.text, name->scalar.len).text,
		       quote(source->scalar.text, source->scalar.len).text,
		       quote(shadow->scalar.text, shadow->scalar.len).text);
	}
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
static void rule_name_mismatch(struct cross *c)
{
	const struct node *name = node_member(c->request, "Name");
	const struct node *current_name = node_member(c->described, "Name");

	if (!names_another(c->request, c->described))
		return;
	if (report(c, name, "Name",
		   "Name %s is not the current experiment's name %s (the service would "
		   "answer ResourceNotFound)", quote(name->scalar.text, name->scalar.len).text,
		   quote(current_name->scalar.text, current_name->scalar.len).text))
		diag_set_related_in(c->diags, current_name->span, c->state->current_file);
}

/* The request names another experiment than --current: what that one's
 * status, schedule and variants would say of the request is beside the
 * point, so those rules were not run, and this note says so once. */
static void rule_current_not_compared(struct cross *c)
{
	const struct node *name = node_member(c->request, "Name");
	const struct node *described_name = node_member(c->described, "Name");

	if (!names_another(c->request, c->described))
		return;
	report(c, name, "Name",
	       "the checks against --current (its status, schedule and variants) "
	       "were skipped: it describes another experiment, %s",
	       quote(described_name->scalar.text, described_name->scalar.len).text);
}

/* An update changes only the experiment's own variants. */
static void rule_new_variant(struct cross *c)
{
	const struct node *variants = node_member(c->request, "ModelVariants");
	const struct node *current_variants = node_member(c->current, "ModelVariants");

	if (!current_variants)
		return;
	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *variant = node_member(item(variants, i), "VariantName");
		if (!node_is_string(variant) || variant_named(current_variants, variant))
			continue;
		report(c, variant, item_path("ModelVariants", i, "VariantName").text,
		       "the experiment has no variant %s: an update changes the "
		       "infrastructure of existing variants, it does not add variants",
		       quote(variant->scalar.text, variant->scalar.len).text);
	}
}

/* ---- traffic and capacity ----------------------------------------------- */

/* The i-th shadow variant's SamplingPercentage, when it is an integer. */
static const struct node *sampling(const struct node *shadows, size_t i, long long *value)
{
	const struct node *node = node_member(item(shadows, i), "SamplingPercentage");

	return int_value(node, value) ? node : NULL;
}

static const struct node *shadow_variants(const struct cross *c)
{
	return node_dig(c->request, "ShadowModeConfig", "ShadowModelVariants", NULL);
}

/* A negative share of traffic is impossible. */
static void rule_negative_sampling(struct cross *c)
{
	const struct node *shadows = shadow_variants(c), *node;
	long long value;

	for (size_t i = 0; i < item_count(shadows); i++)
		if ((node = sampling(shadows, i, &value)) && value < 0)
			report(c, node, item_path("ShadowModeConfig.ShadowModelVariants", i,
						  "SamplingPercentage").text,
			       "SamplingPercentage is %lld; a share of traffic cannot be "
			       "negative", value);
}

/* No traffic at all is legal but almost always a slip. */
static void rule_zero_sampling(struct cross *c)
{
	const struct node *shadows = shadow_variants(c), *node;
	long long value;

	for (size_t i = 0; i < item_count(shadows); i++)
		if ((node = sampling(shadows, i, &value)) && value == 0)
			report(c, node, item_path("ShadowModeConfig.ShadowModelVariants", i,
						  "SamplingPercentage").text,
			       "SamplingPercentage is 0: the shadow variant would get no traffic");
}

/* So is a variant without instances. */
static void rule_zero_instances(struct cross *c)
{
	const struct node *variants = node_member(c->request, c->variants_member);
	long long value;

	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *count = node_dig(item(variants, i), "InfrastructureConfig",
					       "RealTimeInferenceConfig", "InstanceCount", NULL);
		if (int_value(count, &value) && value == 0)
			report(c, count,
			       item_path(c->variants_member, i,
					 "InfrastructureConfig.RealTimeInferenceConfig.InstanceCount").text,
			       "InstanceCount is 0: the variant would have no instance to serve it");
	}
}

/* ---- data capture ------------------------------------------------------- */

/* Media types ignore case: text/CSV is text/csv. */
static bool same_media_type(const struct node *a, const struct node *b)
{
	return node_is_string(a) && node_is_string(b) && a->scalar.len == b->scalar.len &&
	       strncasecmp(a->scalar.text, b->scalar.text, a->scalar.len) == 0;
}

/* The first item of list that is the same media type as type, or NULL. */
static const struct node *find_media_type(const struct node *list, size_t before,
					  const struct node *type, size_t *index)
{
	for (size_t j = 0; j < before && j < item_count(list); j++) {
		if (same_media_type(type, item(list, j))) {
			*index = j;
			return item(list, j);
		}
	}
	return NULL;
}

/* Media types ignore case, which a reader may not know: when two items
 * differ only in case, the message says which the other one is. */
struct case_note {
	char text[sizeof(struct quoted) + 64];
};

static struct case_note case_note(const struct node *type, const struct node *other)
{
	struct case_note n = { "" };

	if (!same_text(type, other))
		snprintf(n.text, sizeof n.text, " (as %s: case does not count in a content type)",
			 quote(other->scalar.text, other->scalar.len).text);
	return n;
}

/* Whether an item from..before-1 of list is the same media type as type. */
static bool mentions_between(const struct node *list, const struct node *type, size_t from,
			     size_t before)
{
	for (size_t j = from; j < before; j++)
		if (same_media_type(type, item(list, j)))
			return true;
	return false;
}

/* "[0], [1] and [2]": the items of list that are the same media type as
 * the index-th. Lists compared hold at most MAX_ITEMS_COMPARED items. */
struct index_list {
	char text[8 * MAX_ITEMS_COMPARED];
	size_t count;
	bool cases_differ; /* not all of them are written alike */
};

static struct index_list same_type_indices(const struct node *list, size_t index)
{
	struct index_list l = { "", 0, false };
	size_t total = 0, used = 0;

	for (size_t i = 0; i < item_count(list); i++)
		total += same_media_type(item(list, index), item(list, i));
	for (size_t i = 0; i < item_count(list) && used < sizeof l.text; i++) {
		if (!same_media_type(item(list, index), item(list, i)))
			continue;
		l.cases_differ |= !same_text(item(list, index), item(list, i));
		l.count++;
		used += (size_t)snprintf(l.text + used, sizeof l.text - used, "%s[%zu]",
					 l.count == 1 ? "" : l.count == total ? " and " : ", ", i);
	}
	return l;
}

/* path is the list's, such as DataStorageConfig.ContentType.CsvContentTypes.
 * A type listed three times is one mistake: it is reported once, at its
 * second mention, with the first as the related place and the count. */
static void check_repeats(struct cross *c, const struct node *list, const char *path)
{
	const char *name = strrchr(path, '.') + 1;
	size_t first;

	for (size_t i = 1; i < item_count(list); i++) {
		const struct node *type = item(list, i);
		const struct node *earlier = find_media_type(list, i, type, &first);
		/* Only the second mention: a third has one after the first, too. */
		if (!earlier || mentions_between(list, type, first + 1, i))
			continue;
		struct index_list all = same_type_indices(list, i);
		bool added = all.count > 2
			? report(c, type, item_path(path, i, NULL).text,
				 "content type %s is listed %zu times, at %s%s%s",
				 quote(type->scalar.text, type->scalar.len).text, all.count,
				 name, all.text, all.cases_differ
				 ? " (case does not count in a content type)" : "")
			: report(c, type, item_path(path, i, NULL).text,
				 "content type %s is already listed at %s[%zu]%s",
				 quote(type->scalar.text, type->scalar.len).text, name, first,
				 case_note(type, earlier).text);
		if (added)
			relate(c, earlier);
	}
}

static const struct node *content_type(const struct cross *c)
{
	return node_dig(c->request, "DataStorageConfig", "ContentType", NULL);
}

/* Each content type once in each list. */
static void rule_duplicate_content_type(struct cross *c)
{
	const struct node *content = content_type(c);

	check_repeats(c, node_member(content, "CsvContentTypes"),
		      "DataStorageConfig.ContentType.CsvContentTypes");
	check_repeats(c, node_member(content, "JsonContentTypes"),
		      "DataStorageConfig.ContentType.JsonContentTypes");
}

/* A type in both lists. */
static void rule_content_type_in_both(struct cross *c)
{
	const struct node *content = content_type(c);
	const struct node *csv = node_member(content, "CsvContentTypes");
	const struct node *json = node_member(content, "JsonContentTypes");
	size_t first;

	for (size_t i = 0; i < item_count(json); i++) {
		const struct node *type = item(json, i);
		const struct node *csv_type = find_media_type(csv, item_count(csv), type, &first);
		/* A repeat within JsonContentTypes is duplicate-content-type's:
		 * the type is in both lists once, at its first mention. */
		if (!csv_type || mentions_between(json, type, 0, i))
			continue;
		if (report(c, type,
			   item_path("DataStorageConfig.ContentType.JsonContentTypes", i, NULL).text,
			   "content type %s is also CsvContentTypes[%zu]%s; captured data of one "
			   "type can be written only one way",
			   quote(type->scalar.text, type->scalar.len).text, first,
			   case_note(type, csv_type).text))
			relate(c, csv_type);
	}
}

/* An empty ContentType is a slip. */
static void rule_empty_content_type(struct cross *c)
{
	const struct node *content = content_type(c);

	if (content && content->kind == NODE_MAPPING && content->mapping.count == 0)
		report(c, content, "DataStorageConfig.ContentType",
		       "ContentType is empty; list CsvContentTypes or JsonContentTypes, or "
		       "leave ContentType out");
}

/* KmsKey in one of its four documented forms. */
static struct regex kms_key_forms = REGEX_INIT(
	"(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/)?"
	"(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
	"|mrk-[0-9a-fA-F]{32})"
	"|(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:)?alias/[a-zA-Z0-9/_-]+");

static void check_kms_key(struct cross *c, const struct node *key, const char *path)
{
	if (!node_is_string(key) || key->scalar.len == 0 ||
	    regex_match(&kms_key_forms, key->scalar.text, key->scalar.len, NULL, 0))
		return;
	/* Naming an alias is what the author meant; say what is wrong with
	 * its name rather than list the forms it already has. */
	if (strstr(key->scalar.text, "alias/"))
		report(c, key, path,
		       "KmsKey %s names an alias, but an alias's name is one or more "
		       "letters, digits, '/', '_' or '-' after alias/ (and an alias ARN "
		       "is arn:aws:kms:REGION:ACCOUNT:alias/NAME)",
		       quote(key->scalar.text, key->scalar.len).text);
	else
		report(c, key, path,
		       "KmsKey %s is none of a key ID, a key ARN, an alias name (alias/...) "
		       "or an alias ARN", quote(key->scalar.text, key->scalar.len).text);
}

/* The key of the captured data, and (create) the key of the endpoint's
 * storage. */
static void rule_kms_key_form(struct cross *c)
{
	check_kms_key(c, node_dig(c->request, "DataStorageConfig", "KmsKey", NULL),
		      "DataStorageConfig.KmsKey");
	if (c->op == OPERATION_CREATE)
		check_kms_key(c, node_member(c->request, "KmsKey"), "KmsKey");
}

static struct regex bucket_characters = REGEX_INIT("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
static struct regex ip_address = REGEX_INIT("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");

struct regex *const cross_regexes[] = { &kms_key_forms, &bucket_characters, &ip_address, NULL };

static bool has_prefix(const char *text, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	return len >= n && memcmp(text, prefix, n) == 0;
}

static bool has_suffix(const char *text, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && memcmp(text + len - n, suffix, n) == 0;
}

/* Why S3 would not take this bucket name, or NULL when it would. */
static const char *bucket_problem(const char *name, size_t len)
{
	static const char *const reserved_prefixes[] = { "xn--", "sthree-", "amzn-s3-demo-" };
	static const char *const reserved_suffixes[] = { "-s3alias", "--ol-s3", ".mrap", "--x-s3" };

	if (len < 3 || len > 63)
		return "it must be 3 to 63 characters long";
	if (!regex_match(&bucket_characters, name, len, NULL, 0))
		return "it may hold only lowercase letters, digits, dots and hyphens, "
		       "and must start and end with a letter or digit";
	for (size_t i = 1; i < len; i++)
		if (name[i] == '.' && name[i - 1] == '.')
			return "it may not hold two dots in a row";
	if (regex_match(&ip_address, name, len, NULL, 0))
		return "it may not look like an IP address";
	for (size_t i = 0; i < sizeof reserved_prefixes / sizeof *reserved_prefixes; i++)
		if (has_prefix(name, len, reserved_prefixes[i]))
			return "it starts with a prefix S3 reserves";
	for (size_t i = 0; i < sizeof reserved_suffixes / sizeof *reserved_suffixes; i++)
		if (has_suffix(name, len, reserved_suffixes[i]))
			return "it ends with a suffix S3 reserves";
	return NULL;
}

/* The bucket of an s3:// Destination is a bucket S3 allows. */
static void rule_bucket_name(struct cross *c)
{
	const struct node *destination = node_dig(c->request, "DataStorageConfig", "Destination", NULL);
	const char *text = text_of(destination);

	if (!text || !has_prefix(text, destination->scalar.len, "s3://"))
		return;
	const char *bucket = text + 5;
	const char *slash = strchr(bucket, '/');
	size_t len = slash ? (size_t)(slash - bucket) : strlen(bucket);
	const char *problem = bucket_problem(bucket, len);
	if (problem)
		report(c, destination, "DataStorageConfig.Destination",
		       "%s is not a valid S3 bucket name: %s", quote(bucket, len).text, problem);
}

/* A request with only a Name changes nothing. */
static void rule_no_change(struct cross *c)
{
	const struct node *request = c->request;

	if (request->mapping.count == 1 && node_member(request, "Name"))
		report(c, request, "",
		       "the request has only a Name, so it changes nothing");
}

/* ---- tags (create) --------------------------------------------------------- */

static const struct node *tag_key(const struct node *tags, size_t i)
{
	return node_member(item(tags, i), "Key");
}

/* A key once among the Tags. Tags hold up to 50 items, fewer than would
 * make the pairwise comparison costly; a longer list the shape rules
 * have reported. */
static void rule_duplicate_tag_key(struct cross *c)
{
	const struct node *tags = node_member(c->request, "Tags");
	size_t count = tags && tags->kind == NODE_SEQUENCE && tags->sequence.count <= 50
		? tags->sequence.count : 0;

	for (size_t i = 1; i < count; i++) {
		const struct node *key = tag_key(tags, i);
		for (size_t j = 0; j < i && node_is_string(key); j++) {
			if (!same_text(key, tag_key(tags, j)))
				continue;
			if (report(c, key, item_path("Tags", i, "Key").text,
				   "the tag key %s is already Tags[%zu]'s; a key holds one value",
				   quote(key->scalar.text, key->scalar.len).text, j))
				relate(c, tag_key(tags, j));
			break;
		}
	}
}

/* aws: begins the keys AWS sets itself. */
static void rule_reserved_tag_key(struct cross *c)
{
	const struct node *tags = node_member(c->request, "Tags");
	size_t count = tags && tags->kind == NODE_SEQUENCE ? tags->sequence.count : 0;

	for (size_t i = 0; i < count && i < 1000; i++) {
		const struct node *key = tag_key(tags, i);
		if (node_is_string(key) && key->scalar.len >= 4 &&
		    strncasecmp(key->scalar.text, "aws:", 4) == 0)
			report(c, key, item_path("Tags", i, "Key").text,
			       "the tag key %s starts with aws:, which AWS reserves for the "
			       "tags it sets itself", quote(key->scalar.text, key->scalar.len).text);
	}
}

/* ---- stopping --------------------------------------------------------------- */

static void rule_status_not_stoppable(struct cross *c)
{
	const struct node *name = node_member(c->request, "Name");

	if (!c->state->has_status || status_allows_stop(c->state->status))
		return;
	report(c, name ? name : c->request, "Name",
	       "the experiment is %s, so it cannot be stopped (the service would answer "
	       "ConflictException)", status_name(c->state->status));
}

/* ModelVariantActions, unless the shape rules found it unusable. */
static const struct node *actions(const struct cross *c)
{
	const struct node *map = node_member(c->request, "ModelVariantActions");

	return map && map->kind == NODE_MAPPING && !already_reported(c, map) ? map : NULL;
}

static bool is_action(const struct node *value, const char *action)
{
	return node_is_string(value) && strcmp(value->scalar.text, action) == 0;
}

/* The path of an action, ModelVariantActions.shadow or ...["a b"]. */
static struct item_path action_path(const struct node *key)
{
	struct item_path p;
	struct path path;

	path_init(&path);
	path_append_key(&path, "ModelVariantActions", strlen("ModelVariantActions"));
	if (node_is_string(key))
		path_append_key(&path, key->scalar.text, key->scalar.len);
	snprintf(p.text, sizeof p.text, "%s", path_string(&path));
	path_free(&path);
	return p;
}

static void rule_several_promoted(struct cross *c)
{
	const struct node *map = actions(c), *first = NULL;

	for (size_t i = 0; map && i < map->mapping.count; i++) {
		const struct pair *pair = &map->mapping.pairs[i];
		if (!is_action(pair->value, "Promote"))
			continue;
		if (!first) {
			first = pair->value;
		} else if (report(c, pair->value, action_path(pair->key).text,
				  "a second variant is promoted; a stop promotes at most one, "
				  "and retains or removes the others")) {
			relate(c, first);
		}
	}
}

static void rule_unknown_action_variant(struct cross *c)
{
	const struct node *map = actions(c);
	const struct node *variants = node_member(c->current, "ModelVariants");

	if (!map || !variants)
		return;
	for (size_t i = 0; i < map->mapping.count; i++) {
		const struct node *key = map->mapping.pairs[i].key;
		struct suggestion s;
		if (!node_is_string(key) || variant_named(variants, key))
			continue;
		suggestion_init(&s, key->scalar.text, key->scalar.len);
		consider_variants(&s, variants);
		report(c, key, action_path(key).text, "%s is no variant of the experiment%s%s%s",
		       quote(key->scalar.text, key->scalar.len).text,
		       s.best ? "; did you mean \"" : "", s.best ? s.best : "", s.best ? "\"?" : "");
	}
}

/* The action ModelVariantActions gives the variant named by name, or NULL. */
static const struct node *action_of(const struct node *map, const struct node *name)
{
	for (size_t i = 0; map && i < map->mapping.count; i++)
		if (same_text(map->mapping.pairs[i].key, name))
			return map->mapping.pairs[i].value;
	return NULL;
}

/* Whether ModelVariantActions removes the variant. Only Remove does: a
 * value that is no action (Promoted) is a mistake of its own, which the
 * shape rules report, and not a removal. */
static bool removed(const struct node *action)
{
	return is_action(action, "Remove");
}

/* Whether an action's variant drew a diagnostic (no variant of the
 * experiment, say): the actions then tell little of what is kept. */
static bool action_reported(const struct cross *c, const struct node *map)
{
	for (size_t i = 0; map && i < map->mapping.count; i++)
		if (reported_at(c, map->mapping.pairs[i].key))
			return true;
	return false;
}

/* A variant desired and removed at once: the two members contradict. */
static void rule_desired_variant_not_kept(struct cross *c)
{
	const struct node *map = actions(c);
	const struct node *desired = node_member(c->request, "DesiredModelVariants");

	for (size_t i = 0; map && i < item_count(desired); i++) {
		const struct node *name = node_member(item(desired, i), "VariantName");
		if (node_is_string(name) && removed(action_of(map, name)))
			report(c, name, item_path("DesiredModelVariants", i, "VariantName").text,
			       "variant %s is removed by ModelVariantActions, so it cannot stay "
			       "deployed; DesiredModelVariants lists the variants promoted or "
			       "retained", quote(name->scalar.text, name->scalar.len).text);
	}
}

/* A variant desired without an action: the API does not say what that
 * does, and the name is most often a slip, so a note. */
static void rule_desired_variant_not_named(struct cross *c)
{
	const struct node *map = actions(c);
	const struct node *desired = node_member(c->request, "DesiredModelVariants");

	if (!map || action_reported(c, map))
		return;
	for (size_t i = 0; i < item_count(desired); i++) {
		const struct node *name = node_member(item(desired, i), "VariantName");
		struct suggestion s;
		if (!node_is_string(name) || action_of(map, name))
			continue;
		suggestion_init(&s, name->scalar.text, name->scalar.len);
		for (size_t k = 0; k < map->mapping.count; k++)
			if (node_is_string(map->mapping.pairs[k].key))
				suggestion_consider(&s, map->mapping.pairs[k].key->scalar.text);
		report(c, name, item_path("DesiredModelVariants", i, "VariantName").text,
		       "ModelVariantActions does not name variant %s, so what becomes of it "
		       "is not documented; DesiredModelVariants lists the variants promoted "
		       "or retained%s%s%s", quote(name->scalar.text, name->scalar.len).text,
		       s.best ? " (the actions name \"" : "", s.best ? s.best : "",
		       s.best ? "\": is it that?)" : "");
	}
}

static bool desired(const struct cross *c, const struct node *name)
{
	return variant_named(node_member(c->request, "DesiredModelVariants"), name) != NULL;
}

static size_t promoted_count(const struct node *map)
{
	size_t promoted = 0;

	for (size_t i = 0; map && i < map->mapping.count; i++)
		promoted += is_action(map->mapping.pairs[i].value, "Promote");
	return promoted;
}

/* Whether the note about a promoted variant would restate another
 * mistake: two variants promoted, or a DesiredModelVariants entry that the
 * actions remove or do not name (likely the promoted one, misnamed). */
static bool promotion_unclear(const struct cross *c, const struct node *map)
{
	const struct node *desired_list = node_member(c->request, "DesiredModelVariants");

	for (size_t i = 0; i < item_count(desired_list); i++) {
		const struct node *name = node_member(item(desired_list, i), "VariantName");
		const struct node *action = action_of(map, name);
		if (node_is_string(name) && (!action || removed(action)))
			return true;
	}
	return promoted_count(map) > 1;
}

/* ---- which variant is which, from --current ------------------------- */

/* The experiment's source variant, or NULL: only --current tells which
 * variant serves production, so without it nothing is guessed. */
static const struct node *current_source(const struct cross *c)
{
	const struct node *source = node_dig(c->current, "ShadowModeConfig",
					     "SourceModelVariantName", NULL);

	return node_is_string(source) ? source : NULL;
}

static bool is_current_shadow(const struct cross *c, const struct node *name)
{
	const struct node *shadows = node_dig(c->current, "ShadowModeConfig",
					      "ShadowModelVariants", NULL);

	for (size_t i = 0; i < item_count(shadows); i++)
		if (same_text(node_member(item(shadows, i), "ShadowModelVariantName"), name))
			return true;
	return false;
}

/* The InfrastructureConfig of the experiment's variant of this name. */
static const struct node *current_infrastructure(const struct cross *c,
						 const struct node *name)
{
	return node_member(variant_named(node_member(c->current, "ModelVariants"), name),
			   "InfrastructureConfig");
}

/* An infrastructure's instances: "2 ml.m5.xlarge instances", or "" when
 * the description does not give both the type and the count. */
struct instances {
	char text[sizeof(struct quoted) + 48];
};

static struct instances instances_of(const struct node *infrastructure)
{
	const struct node *config = node_member(infrastructure, "RealTimeInferenceConfig");
	const struct node *type = node_member(config, "InstanceType");
	struct instances text = { "" };
	long long count;

	if (node_is_string(type) && int_value(node_member(config, "InstanceCount"), &count))
		snprintf(text.text, sizeof text.text, "%lld %s instance%s", count,
			 shorten(type->scalar.text, type->scalar.len).text, count == 1 ? "" : "s");
	return text;
}

static bool same_infrastructure(const struct node *a, const struct node *b)
{
	const struct node *in_a = node_member(a, "RealTimeInferenceConfig");
	const struct node *in_b = node_member(b, "RealTimeInferenceConfig");
	long long count_a, count_b;

	return same_text(node_member(a, "InfrastructureType"),
			 node_member(b, "InfrastructureType")) &&
	       same_text(node_member(in_a, "InstanceType"), node_member(in_b, "InstanceType")) &&
	       int_value(node_member(in_a, "InstanceCount"), &count_a) &&
	       int_value(node_member(in_b, "InstanceCount"), &count_b) && count_a == count_b;
}

/* A variant promoted without an entry in DesiredModelVariants keeps the
 * infrastructure it has. With --current the note says what that is
 * against production's, and is left out when the two are alike (the
 * source variant itself is promoted-source-variant's); without it, which
 * variant was the shadow is not guessed. */
static void rule_promoted_keeps_infrastructure(struct cross *c)
{
	const struct node *map = actions(c);
	const struct node *source = current_source(c);
	const struct node *production = source ? current_infrastructure(c, source) : NULL;

	if (!map || promotion_unclear(c, map))
		return;
	for (size_t i = 0; i < map->mapping.count; i++) {
		const struct pair *pair = &map->mapping.pairs[i];
		if (!is_action(pair->value, "Promote") || !node_is_string(pair->key) ||
		    desired(c, pair->key) || reported_at(c, pair->key) ||
		    reported_at(c, pair->value) || same_text(pair->key, source))
			continue;
		const struct node *own = current_infrastructure(c, pair->key);
		if (own && production && same_infrastructure(own, production))
			continue;
		struct instances had = instances_of(own), wanted = instances_of(production);
		struct quoted name = quote(pair->key->scalar.text, pair->key->scalar.len);
		if (*had.text && *wanted.text && is_current_shadow(c, pair->key))
			report(c, pair->value, action_path(pair->key).text,
			       "variant %s is promoted without an entry in DesiredModelVariants, "
			       "so it keeps the infrastructure it had as a shadow (%s), not "
			       "production's (%s); add its entry to give it production's",
			       name.text, had.text, wanted.text);
		else
			report(c, pair->value, action_path(pair->key).text,
			       "variant %s is promoted without an entry in DesiredModelVariants, "
			       "so it keeps the infrastructure it has in the experiment; if that "
			       "is not what production needs, add its entry", name.text);
	}
}

/* Promote makes a shadow variant the production one; the source variant
 * (known only from --current) is production already. Two variants
 * promoted are several-promoted's. */
static void rule_promoted_source_variant(struct cross *c)
{
	const struct node *map = actions(c);
	const struct node *source = current_source(c);
	const struct node *shadows = node_dig(c->current, "ShadowModeConfig",
					      "ShadowModelVariants", NULL);
	const struct node *shadow = item_count(shadows) == 1
		? node_member(item(shadows, 0), "ShadowModelVariantName") : NULL;

	if (!map || !source || promoted_count(map) != 1)
		return;
	for (size_t i = 0; i < map->mapping.count; i++) {
		const struct pair *pair = &map->mapping.pairs[i];
		if (!is_action(pair->value, "Promote") || !same_text(pair->key, source) ||
		    reported_at(c, pair->key))
			continue;
		struct quoted name = quote(source->scalar.text, source->scalar.len);
		report(c, pair->value, action_path(pair->key).text,
		       "variant %s is the experiment's source, in production already; Promote "
		       "is meant for a shadow variant: to keep %s as it is, Retain it%s%s",
		       name.text, name.text, node_is_string(shadow) ? "; to replace it, promote " : "",
		       node_is_string(shadow) ? quote(shadow->scalar.text, shadow->scalar.len).text
					      : "");
	}
}

/* ---- the table ---------------------------------------------------------- */

/* The rules in the order they run, one function each. A rule that one
 * mistake would also trigger comes after the rule that names the mistake. */
static const struct cross_rule {
	enum rule_id rule;
	void (*check)(struct cross *c);
} cross_rules[] = {
	{ RULE_STATE_UNKNOWN, rule_state_unknown },
	{ RULE_STATUS_NOT_UPDATABLE, rule_status_not_updatable },
	{ RULE_START_TIME_WHILE_RUNNING, rule_start_time_while_running },
	{ RULE_END_BEFORE_START, rule_end_before_start },
	{ RULE_SCHEDULE_TOO_LONG, rule_schedule_too_long },
	{ RULE_END_TIME_IN_PAST, rule_end_time_in_past },
	{ RULE_START_TIME_IN_PAST, rule_start_time_in_past },
	{ RULE_DUPLICATE_VARIANT_NAME, rule_duplicate_variant_name },
	{ RULE_DUPLICATE_MODEL, rule_duplicate_model },
	{ RULE_UNKNOWN_VARIANT, rule_unknown_variant },
	{ RULE_SHADOW_IS_SOURCE, rule_shadow_is_source },
	{ RULE_NAME_MISMATCH, rule_name_mismatch },
	{ RULE_CURRENT_NOT_COMPARED, rule_current_not_compared },
	{ RULE_NEW_VARIANT, rule_new_variant },
	{ RULE_VARIANT_NOT_IN_SHADOW_CONFIG, rule_variant_not_in_shadow_config },
	{ RULE_NEGATIVE_SAMPLING, rule_negative_sampling },
	{ RULE_ZERO_SAMPLING, rule_zero_sampling },
	{ RULE_ZERO_INSTANCES, rule_zero_instances },
	{ RULE_CONTENT_TYPE_IN_BOTH, rule_content_type_in_both },
	{ RULE_DUPLICATE_CONTENT_TYPE, rule_duplicate_content_type },
	{ RULE_EMPTY_CONTENT_TYPE, rule_empty_content_type },
	{ RULE_KMS_KEY_FORM, rule_kms_key_form },
	{ RULE_BUCKET_NAME, rule_bucket_name },
	{ RULE_NO_CHANGE, rule_no_change },
	{ RULE_DUPLICATE_TAG_KEY, rule_duplicate_tag_key },
	{ RULE_RESERVED_TAG_KEY, rule_reserved_tag_key },
	{ RULE_STATUS_NOT_STOPPABLE, rule_status_not_stoppable },
	{ RULE_SEVERAL_PROMOTED, rule_several_promoted },
	{ RULE_UNKNOWN_ACTION_VARIANT, rule_unknown_action_variant },
	{ RULE_DESIRED_VARIANT_NOT_KEPT, rule_desired_variant_not_kept },
	{ RULE_DESIRED_VARIANT_NOT_NAMED, rule_desired_variant_not_named },
	{ RULE_PROMOTED_KEEPS_INFRASTRUCTURE, rule_promoted_keeps_infrastructure },
	{ RULE_PROMOTED_SOURCE_VARIANT, rule_promoted_source_variant },
};

void check_cross(const struct node *request, struct document_type type,
		 const struct experiment_state *state, struct diag_list *diags)
{
	enum operation op = type.op;
	const struct node *described = op == OPERATION_CREATE ? NULL : state->current;
	struct experiment_state without_current = *state;
	struct cross c = {
		.request = request,
		.op = op,
		.state = state,
		.current = described,
		.described = described,
		.variants_member = op == OPERATION_STOP ? "DesiredModelVariants" : "ModelVariants",
		.diags = diags,
		.shape_diags = diags->count,
	};

	/* One mistake, one diagnostic: a request for another experiment is
	 * told so (name-mismatch), and is not compared with the one
	 * described, nor with the status that came with it. */
	if (names_another(request, described)) {
		without_current.current = NULL;
		if (without_current.status_from_current)
			without_current.has_status = false;
		c.state = &without_current;
		c.current = NULL;
	}

	/* The catalog says which requests each rule checks. */
	for (size_t i = 0; i < sizeof cross_rules / sizeof *cross_rules; i++) {
		if (!rule_applies(cross_rules[i].rule, type))
			continue;
		c.rule = cross_rules[i].rule;
		cross_rules[i].check(&c);
	}
}

bool check_cross_raises(enum rule_id rule)
{
	for (size_t i = 0; i < sizeof cross_rules / sizeof *cross_rules; i++)
		if (cross_rules[i].rule == rule)
			return true;
	return false;
}

void check_cross_release(void)
{
	for (struct regex *const *regex = cross_regexes; *regex; regex++)
		regex_release(*regex);
}
