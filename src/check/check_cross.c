/* Cross-field rules: what no single member's constraint can say, between
 * members and against the experiment as it is now. Each rule is one small
 * function registered in cross_rules below, with its catalog entry in
 * rules/catalog.yaml and its cases in testdata/cases/cross/.
 *
 * The shape rules have already reported values of the wrong type, so these
 * rules quietly skip any value they cannot read. */
#include "check_cross.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "suggest.h"
#include "timestamp.h"
#include "base/quote.h"
#include "base/regex.h"

struct cross {
	const struct node *request;
	const struct experiment_state *state;
	struct diag_list *diags;
	size_t shape_diags; /* the diagnostics of the shape rules come first */
};

enum { MAX_SCHEDULE_SECONDS = 30 * 24 * 3600 };

/* ---- reading the request ------------------------------------------------ */

/* The node at a path of member names, or NULL when any step is missing. */
static const struct node *dig(const struct node *node, ...)
{
	va_list names;
	const char *name;

	va_start(names, node);
	while (node && (name = va_arg(names, const char *)) != NULL)
		node = node_member(node, name);
	va_end(names);
	return node;
}

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

/* Whether a shape rule already reported this value: one mistake makes one
 * diagnostic, so the cross-field rules leave such a value alone. */
static bool already_reported(const struct cross *c, const struct node *at)
{
	for (size_t i = 0; i < c->shape_diags; i++) {
		const struct span *span = &c->diags->items[i].span;
		if (span->line == at->span.line && span->column == at->span.column)
			return true;
	}
	return false;
}

__attribute__((format(printf, 5, 6)))
static bool report(struct cross *c, enum rule_id rule, const struct node *at,
		   const char *path, const char *format, ...)
{
	va_list args;
	bool added;

	if (already_reported(c, at))
		return false;
	va_start(args, format);
	added = diag_addv(c->diags, rule, at->span, path, format, args);
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
	struct schedule_time t = { false, 0, dig(c->request, "Schedule", which, NULL) };
	const struct node *current = dig(c->state->current, "Schedule", which, NULL);

	if (t.node)
		t.known = timestamp_from_node(t.node, &t.seconds);
	else if (current)
		t.known = timestamp_from_node(current, &t.seconds);
	return t;
}

static bool status_is(const struct cross *c, enum experiment_status status)
{
	return c->state->has_status && c->state->status == status;
}

/* 1. The service takes an update only while the experiment is Created or
 * Running; otherwise it answers ConflictException. */
static void rule_status_allows_update(struct cross *c)
{
	const struct node *name = node_member(c->request, "Name");
	enum experiment_status status = c->state->status;

	if (!c->state->has_status || status == STATUS_CREATED || status == STATUS_RUNNING)
		return;
	report(c, RULE_STATUS_NOT_UPDATABLE, name ? name : c->request, "Name",
	       "the experiment is %s; an update is accepted only while it is Created "
	       "or Running (the service would answer ConflictException)",
	       status_name(status));
}

/* 2. While Running, only the end of the schedule may change. */
static void rule_start_time_while_running(struct cross *c)
{
	const struct node *start = dig(c->request, "Schedule", "StartTime", NULL);
	const struct node *current = dig(c->state->current, "Schedule", "StartTime", NULL);
	double requested, now_set;

	if (!start || !status_is(c, STATUS_RUNNING))
		return;
	if (current && timestamp_from_node(start, &requested) &&
	    timestamp_from_node(current, &now_set) && requested == now_set)
		return;
	report(c, RULE_START_TIME_WHILE_RUNNING, start, "Schedule.StartTime",
	       "the experiment is Running, so only EndTime may change; remove StartTime%s",
	       current ? " or give the current start" : "");
}

/* 3. EndTime after StartTime, taking the one the request lacks from --current. */
static void rule_end_after_start(struct cross *c)
{
	struct schedule_time start = schedule_time(c, "StartTime");
	struct schedule_time end = schedule_time(c, "EndTime");

	if (!start.known || !end.known || (!start.node && !end.node) ||
	    end.seconds > start.seconds)
		return;
	if (report(c, RULE_END_BEFORE_START, end.node ? end.node : start.node,
	           end.node ? "Schedule.EndTime" : "Schedule.StartTime",
	           "EndTime %s is not after StartTime %s%s", timestamp_format(end.seconds).text,
	           timestamp_format(start.seconds).text,
	           !start.node ? " (the current start)" : !end.node ? " (against the current end)" : ""))
		relate(c, end.node ? start.node : NULL);
}

/* 4. An experiment runs for at most 30 days. */
static void rule_schedule_length(struct cross *c)
{
	struct schedule_time start = schedule_time(c, "StartTime");
	struct schedule_time end = schedule_time(c, "EndTime");
	double length = end.seconds - start.seconds;

	if (!start.known || !end.known || (!start.node && !end.node) ||
	    length <= MAX_SCHEDULE_SECONDS || end.seconds <= start.seconds)
		return;
	if (report(c, RULE_SCHEDULE_TOO_LONG, end.node ? end.node : start.node,
	           end.node ? "Schedule.EndTime" : "Schedule.StartTime",
	           "the schedule lasts %.0f days %.0f hours, from %s to %s; at most 30 days "
	           "are allowed", floor(length / 86400), floor(fmod(length, 86400) / 3600),
	           timestamp_format(start.seconds).text, timestamp_format(end.seconds).text))
		relate(c, end.node ? start.node : NULL);
}

/* 5. The end may not be in the past; a start in the past, while the
 * experiment is only Created, is worth a warning. */
static void rule_times_in_past(struct cross *c)
{
	const struct node *end = dig(c->request, "Schedule", "EndTime", NULL);
	const struct node *start = dig(c->request, "Schedule", "StartTime", NULL);
	double seconds;

	if (end && timestamp_from_node(end, &seconds) && seconds < c->state->now)
		report(c, RULE_END_TIME_IN_PAST, end, "Schedule.EndTime",
		       "EndTime %s is in the past (it is now %s)",
		       timestamp_format(seconds).text, timestamp_format(c->state->now).text);
	if (start && status_is(c, STATUS_CREATED) && timestamp_from_node(start, &seconds) &&
	    seconds < c->state->now)
		report(c, RULE_START_TIME_IN_PAST, start, "Schedule.StartTime",
		       "StartTime %s is in the past (it is now %s); the experiment would "
		       "start at once", timestamp_format(seconds).text,
		       timestamp_format(c->state->now).text);
}

/* Without --status or --current, say what the schedule rules are missing. */
static void rule_state_unknown(struct cross *c)
{
	const struct node *schedule = node_member(c->request, "Schedule");

	if (!schedule || c->state->has_status || c->state->current)
		return;
	report(c, RULE_STATE_UNKNOWN, schedule, "Schedule",
	       "whether this schedule may change depends on the experiment's status; "
	       "give --status or --current to check it");
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

/* 6. Variant names are unique; two variants of one model are suspicious. */
static void rule_duplicate_variants(struct cross *c)
{
	const struct node *variants = node_member(c->request, "ModelVariants");
	const struct node *earlier;
	size_t j;

	for (size_t i = 1; i < item_count(variants); i++) {
		const struct node *name = node_member(item(variants, i), "VariantName");
		const struct node *model = node_member(item(variants, i), "ModelName");

		if ((earlier = same_as_earlier(variants, i, "VariantName", &j)) &&
		    report(c, RULE_DUPLICATE_VARIANT_NAME, name,
			   item_path("ModelVariants", i, "VariantName").text,
			   "variant name %s is already used by ModelVariants[%zu]",
			   quote(name->scalar.text, name->scalar.len).text, j))
			relate(c, earlier);
		if ((earlier = same_as_earlier(variants, i, "ModelName", &j)) &&
		    report(c, RULE_DUPLICATE_MODEL, model,
			   item_path("ModelVariants", i, "ModelName").text,
			   "ModelVariants[%zu] runs the same model %s as ModelVariants[%zu]; "
			   "a shadow test compares two different models",
			   i, quote(model->scalar.text, model->scalar.len).text, j))
			relate(c, earlier);
	}
}

static const struct node *find_variant(const struct node *variants,
				       const struct node *name)
{
	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *candidate = node_member(item(variants, i), "VariantName");
		if (same_text(candidate, name))
			return candidate;
	}
	return NULL;
}

static void consider_variants(struct suggestion *s, const struct node *variants)
{
	for (size_t i = 0; i < item_count(variants); i++) {
		const char *candidate = text_of(node_member(item(variants, i), "VariantName"));
		if (candidate)
			suggestion_consider(s, candidate);
	}
}

/* A name in ShadowModeConfig refers to a variant of the request or of the
 * current experiment: an update may list only the variants it changes.
 * Without --current, only the request's variants are known; when it has
 * none, nothing can be checked. */
static void check_reference(struct cross *c, const struct node *name, const char *path)
{
	const struct node *requested = node_member(c->request, "ModelVariants");
	const struct node *current = node_member(c->state->current, "ModelVariants");
	struct suggestion s;

	if (!node_is_string(name) || (item_count(requested) == 0 && !current) ||
	    find_variant(requested, name) || find_variant(current, name))
		return;
	suggestion_init(&s, name->scalar.text, name->scalar.len);
	consider_variants(&s, requested);
	consider_variants(&s, current);
	report(c, RULE_UNKNOWN_VARIANT, name, path,
	       "%s names no variant of %s%s%s%s",
	       quote(name->scalar.text, name->scalar.len).text,
	       !current ? "the request's ModelVariants"
	       : item_count(requested) ? "the request or the current experiment"
	       : "the current experiment",
	       s.best ? "; did you mean \"" : "", s.best ? s.best : "", s.best ? "\"?" : "");
}

/* 7. ShadowModeConfig names real variants, and two different ones. */
static void rule_shadow_references(struct cross *c)
{
	const struct node *config = node_member(c->request, "ShadowModeConfig");
	const struct node *source = node_member(config, "SourceModelVariantName");
	const struct node *shadows = node_member(config, "ShadowModelVariants");

	if (!config)
		return;
	check_reference(c, source, "ShadowModeConfig.SourceModelVariantName");
	for (size_t i = 0; i < item_count(shadows); i++) {
		const struct node *shadow = node_member(item(shadows, i), "ShadowModelVariantName");
		struct item_path path = item_path("ShadowModeConfig.ShadowModelVariants", i,
						  "ShadowModelVariantName");
		check_reference(c, shadow, path.text);
		if (same_text(shadow, source)) {
			if (report(c, RULE_SHADOW_IS_SOURCE, shadow, path.text,
			           "the shadow variant %s is also the source; a shadow test needs "
			           "two different variants",
			           quote(shadow->scalar.text, shadow->scalar.len).text))
				relate(c, source);
		}
	}
}

/* 7, continued. With two variants and a ShadowModeConfig, the two are the
 * source and the shadow. */
static void rule_variants_match_shadow_config(struct cross *c)
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
	for (size_t i = 0; i < 2; i++) {
		const struct node *name = node_member(item(variants, i), "VariantName");
		if (!node_is_string(name) || same_text(name, source) || same_text(name, shadow))
			continue;
		report(c, RULE_VARIANT_NOT_IN_SHADOW_CONFIG, name,
		       item_path("ModelVariants", i, "VariantName").text,
		       "variant %s is neither the source (%s) nor the shadow (%s) of "
		       "ShadowModeConfig", quote(name->scalar.text, name->scalar.len).text,
		       quote(source->scalar.text, source->scalar.len).text,
		       quote(shadow->scalar.text, shadow->scalar.len).text);
	}
}

/* 8. Against --current: the same experiment, and only its own variants. */
static void rule_matches_current(struct cross *c)
{
	const struct node *current = c->state->current;
	const struct node *name = node_member(c->request, "Name");
	const struct node *current_name = node_member(current, "Name");
	const struct node *variants = node_member(c->request, "ModelVariants");
	const struct node *current_variants = node_member(current, "ModelVariants");

	if (!current)
		return;
	if (node_is_string(name) && node_is_string(current_name) &&
	    !same_text(name, current_name)) {
		report(c, RULE_NAME_MISMATCH, name, "Name",
		       "Name %s is not the current experiment's name %s (the service would "
		       "answer ResourceNotFound)", quote(name->scalar.text, name->scalar.len).text,
		       quote(current_name->scalar.text, current_name->scalar.len).text);
		diag_set_related_in(c->diags, current_name->span, c->state->current_file);
	}
	if (!current_variants)
		return;
	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *variant = node_member(item(variants, i), "VariantName");
		if (!node_is_string(variant) || find_variant(current_variants, variant))
			continue;
		report(c, RULE_NEW_VARIANT, variant,
		       item_path("ModelVariants", i, "VariantName").text,
		       "the experiment has no variant %s: an update changes the "
		       "infrastructure of existing variants, it does not add variants",
		       quote(variant->scalar.text, variant->scalar.len).text);
	}
}

/* ---- traffic and capacity ----------------------------------------------- */

/* 9. A negative share of traffic is impossible; none at all, or no
 * instances, is legal but almost always a slip. */
static void rule_sampling_and_capacity(struct cross *c)
{
	const struct node *shadows = dig(c->request, "ShadowModeConfig",
					 "ShadowModelVariants", NULL);
	const struct node *variants = node_member(c->request, "ModelVariants");
	long long value;

	for (size_t i = 0; i < item_count(shadows); i++) {
		const struct node *sampling = node_member(item(shadows, i), "SamplingPercentage");
		struct item_path path = item_path("ShadowModeConfig.ShadowModelVariants", i,
						  "SamplingPercentage");
		if (!int_value(sampling, &value))
			continue;
		if (value < 0)
			report(c, RULE_NEGATIVE_SAMPLING, sampling, path.text,
			       "SamplingPercentage is %lld; a share of traffic cannot be "
			       "negative", value);
		else if (value == 0)
			report(c, RULE_ZERO_SAMPLING, sampling, path.text,
			       "SamplingPercentage is 0: the shadow variant would get no traffic");
	}
	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *count = dig(item(variants, i), "InfrastructureConfig",
					       "RealTimeInferenceConfig", "InstanceCount", NULL);
		if (int_value(count, &value) && value == 0)
			report(c, RULE_ZERO_INSTANCES, count,
			       item_path("ModelVariants", i,
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

/* path is the list's, such as DataStorageConfig.ContentType.CsvContentTypes. */
static void check_repeats(struct cross *c, const struct node *list, const char *path)
{
	const char *name = strrchr(path, '.') + 1;
	size_t first;

	for (size_t i = 1; i < item_count(list); i++) {
		const struct node *type = item(list, i);
		const struct node *earlier = find_media_type(list, i, type, &first);
		if (!earlier)
			continue;
		if (report(c, RULE_DUPLICATE_CONTENT_TYPE, type, item_path(path, i, NULL).text,
			   "content type %s is already listed at %s[%zu]",
			   quote(type->scalar.text, type->scalar.len).text, name, first))
			relate(c, earlier);
	}
}

/* 10. Each content type in one list, once; an empty ContentType is a slip. */
static void rule_content_types(struct cross *c)
{
	const struct node *content = dig(c->request, "DataStorageConfig", "ContentType", NULL);
	const struct node *csv = node_member(content, "CsvContentTypes");
	const struct node *json = node_member(content, "JsonContentTypes");
	size_t first;

	if (content && content->kind == NODE_MAPPING && content->mapping.count == 0)
		report(c, RULE_EMPTY_CONTENT_TYPE, content, "DataStorageConfig.ContentType",
		       "ContentType is empty; list CsvContentTypes or JsonContentTypes, or "
		       "leave ContentType out");
	check_repeats(c, csv, "DataStorageConfig.ContentType.CsvContentTypes");
	check_repeats(c, json, "DataStorageConfig.ContentType.JsonContentTypes");
	for (size_t i = 0; i < item_count(json); i++) {
		const struct node *type = item(json, i);
		const struct node *csv_type = find_media_type(csv, item_count(csv), type, &first);
		if (!csv_type)
			continue;
		if (report(c, RULE_CONTENT_TYPE_IN_BOTH, type,
		           item_path("DataStorageConfig.ContentType.JsonContentTypes", i, NULL).text,
		           "content type %s is also CsvContentTypes[%zu]; captured data of one "
		           "type can be written only one way",
		           quote(type->scalar.text, type->scalar.len).text, first))
			relate(c, csv_type);
	}
}

/* 11. KmsKey in one of its four documented forms. */
static struct regex kms_key_forms = REGEX_INIT(
	"(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/)?"
	"(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
	"|mrk-[0-9a-fA-F]{32})"
	"|(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:)?alias/[a-zA-Z0-9/_-]+");

static void rule_kms_key(struct cross *c)
{
	const struct node *key = dig(c->request, "DataStorageConfig", "KmsKey", NULL);

	if (!node_is_string(key) || key->scalar.len == 0 ||
	    regex_match(&kms_key_forms, key->scalar.text, key->scalar.len, NULL, 0))
		return;
	report(c, RULE_KMS_KEY_FORM, key, "DataStorageConfig.KmsKey",
	       "KmsKey %s is none of a key ID, a key ARN, an alias name (alias/...) or "
	       "an alias ARN", quote(key->scalar.text, key->scalar.len).text);
}

static struct regex bucket_characters = REGEX_INIT("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
static struct regex ip_address = REGEX_INIT("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");

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

/* 11, continued. The bucket of an s3:// Destination is a bucket S3 allows. */
static void rule_bucket_name(struct cross *c)
{
	const struct node *destination = dig(c->request, "DataStorageConfig", "Destination", NULL);
	const char *text = text_of(destination);

	if (!text || !has_prefix(text, destination->scalar.len, "s3://"))
		return;
	const char *bucket = text + 5;
	const char *slash = strchr(bucket, '/');
	size_t len = slash ? (size_t)(slash - bucket) : strlen(bucket);
	const char *problem = bucket_problem(bucket, len);
	if (problem)
		report(c, RULE_BUCKET_NAME, destination, "DataStorageConfig.Destination",
		       "%s is not a valid S3 bucket name: %s", quote(bucket, len).text, problem);
}

/* 12. A request with only a Name changes nothing. */
static void rule_no_change(struct cross *c)
{
	const struct node *request = c->request;

	if (request->mapping.count == 1 && node_member(request, "Name"))
		report(c, RULE_NO_CHANGE, request, "",
		       "the request has only a Name, so it changes nothing");
}

/* ---- the table ---------------------------------------------------------- */

static void (*const cross_rules[])(struct cross *c) = {
	rule_status_allows_update,
	rule_start_time_while_running,
	rule_end_after_start,
	rule_schedule_length,
	rule_times_in_past,
	rule_state_unknown,
	rule_duplicate_variants,
	rule_shadow_references,
	rule_variants_match_shadow_config,
	rule_matches_current,
	rule_sampling_and_capacity,
	rule_content_types,
	rule_kms_key,
	rule_bucket_name,
	rule_no_change,
};

void check_cross(const struct node *request, const struct experiment_state *state,
		 struct diag_list *diags)
{
	struct cross c = { request, state, diags, diags->count };

	for (size_t i = 0; i < sizeof cross_rules / sizeof *cross_rules; i++)
		cross_rules[i](&c);
}

void check_cross_release(void)
{
	regex_release(&kms_key_forms);
	regex_release(&bucket_characters);
	regex_release(&ip_address);
}
