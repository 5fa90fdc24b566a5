#include "yaml_versions.h"

#include <stdlib.h>
#include <string.h>

#include "base/format.h"
#include "base/memory.h"
#include "base/quote.h"
#include "rules/rules.h"

static const char *const version_names[] = { "YAML 1.1", "YAML 1.2" };

/* A diagnostic that says the value would be refused: the rules whose
 * findings are errors as the catalog has them. */
static bool refuses(const struct diag *d)
{
	return rule_get(d->rule)->severity == SEVERITY_ERROR;
}

static int compare_spans(struct span a, struct span b)
{
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return (a.column > b.column) - (a.column < b.column);
}

/* By place; at one place, in the order found. */
static int compare_diags(const void *left, const void *right)
{
	const struct diag *a = *(const struct diag *const *)left;
	const struct diag *b = *(const struct diag *const *)right;
	int order = compare_spans(a->span, b->span);

	return order ? order : (a > b) - (a < b);
}

static int compare_differences(const void *left, const void *right)
{
	const struct reading_difference *a = *(const struct reading_difference *const *)left;
	const struct reading_difference *b = *(const struct reading_difference *const *)right;
	int order = compare_spans(a->span, b->span);

	return order ? order : (a > b) - (a < b);
}

/* ---- the words of a reading ------------------------------------------------ */

/* "the number 750 (12:30 read in base 60)": what a version types the
 * value as, whatever its member. */
static char *say_typed(const struct reading_difference *d, int version)
{
	const struct yaml_value *t = &d->typed[version];
	struct quoted written = shorten(d->written, strlen(d->written));
	char number[32];

	switch (t->type) {
	case SCALAR_NULL:
		return format_alloc("null");
	case SCALAR_BOOL:
		return format_alloc("the boolean %s", t->bool_value ? "true" : "false");
	case SCALAR_INT:
		if (t->int_overflow)
			return format_alloc("the number %s", written.text);
		if (t->notation)
			return format_alloc("the number %lld (%s read in %s)", t->int_value,
					    written.text, t->notation);
		return format_alloc("the number %lld", t->int_value);
	case SCALAR_FLOAT:
		scalar_format_float(t->float_value, number, sizeof number);
		if (t->notation)
			return format_alloc("the number %s (%s read in %s)", number, written.text,
					    t->notation);
		return format_alloc("the number %s", number);
	case SCALAR_DATE:
	case SCALAR_DATETIME:
		return format_alloc("the date %s", written.text);
	case SCALAR_STRING:
		break;
	}
	return format_alloc("the text %s", quote(d->written, strlen(d->written)).text);
}

/* What a version makes the member's value: "15" (017 read in octal) to a
 * string member, 1000 (written as a float) to an integer one. */
static char *say_reading(const struct reading_difference *d, int version)
{
	const struct yaml_value *t = &d->typed[version];
	const struct scalar *s = &d->read[version];
	struct quoted written = shorten(d->written, strlen(d->written));

	if (d->member == SHAPE_STRING && s->type == SCALAR_STRING) {
		struct quoted sent = quote(s->text, s->len);
		if (t->type == SCALAR_INT && t->notation && !t->int_overflow)
			return format_alloc("%s (%s read in %s)", sent.text, written.text,
					    t->notation);
		if (t->type == SCALAR_INT || t->type == SCALAR_FLOAT || t->type == SCALAR_BOOL)
			return format_alloc("%s (%s)", sent.text,
					    t->type == SCALAR_BOOL ? "a boolean" : "a number");
		return format_alloc("%s", sent.text);
	}
	if (d->member == SHAPE_INTEGER && s->type == SCALAR_INT && !s->int_overflow) {
		if (t->type == SCALAR_FLOAT)
			return format_alloc("%lld (written as a float)", s->int_value);
		if (t->type == SCALAR_STRING)
			return format_alloc("%lld (the text %s)", s->int_value,
					    quote(d->written, strlen(d->written)).text);
		if (t->notation)
			return format_alloc("%lld (%s read in %s)", s->int_value, written.text,
					    t->notation);
		return format_alloc("%lld", s->int_value);
	}
	return say_typed(d, version);
}

static const char *advice(enum shape_type member)
{
	switch (member) {
	case SHAPE_INTEGER:
		return "write the number meant in decimal digits";
	case SHAPE_TIMESTAMP:
		return "quote the time meant";
	default:
		return "quote the text meant";
	}
}

/* The member a path ends with: InstanceCount, CsvContentTypes[0]. */
static const char *member_label(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot ? dot + 1 : path;
}

/* Why a version's reading is refused, for the warning about the value:
 * the first error of that reading there, if the other has none. */
struct refusal {
	const struct diag *first; /* of one reading only, or NULL */
	bool any;                 /* an error, shared or not */
};

/* A message without the words that name the parameter, when the
 * warning that quotes it names the parameter itself. */
static int message_length(const char *message, const char *parameter)
{
	size_t len = strlen(message);
	char *said = parameter ? format_alloc(" (the Default of parameter %s)",
					      shorten(parameter, strlen(parameter)).text) : NULL;
	size_t said_len = said ? strlen(said) : 0;

	if (said && len >= said_len && strcmp(message + len - said_len, said) == 0)
		len -= said_len;
	free(said);
	return len > 4096 ? 4096 : (int)len;
}

static char *say_refusal(const struct refusal refused[2], const char *parameter)
{
	int version = refused[0].any && !refused[1].any ? 0 : 1;
	const struct diag *why = refused[version].first;

	if (!refused[0].any && !refused[1].any)
		return format_alloc("%s", "");
	if (refused[0].any && refused[1].any && !why)
		return format_alloc("%s", "");
	return format_alloc(" (as %s reads it%s: %.*s)", version_names[version],
			    refused[0].any && refused[1].any ? ", it is refused too" : "",
			    message_length(why->message, parameter), why->message);
}

static void say_difference(struct diag_list *out, const struct reading_difference *d,
			   const struct refusal refused[2], const char *prefix)
{
	char *first = say_reading(d, YAML_1_1), *second = say_reading(d, YAML_1_2);
	char *refusal = say_refusal(refused, d->parameter);
	char *parameter = d->parameter
		? format_alloc(" (the Default of parameter %s)",
			       shorten(d->parameter, strlen(d->parameter)).text)
		: format_alloc("%s", "");

	if (!first || !second || !refusal || !parameter) {
		out->out_of_memory = true;
	} else if (diag_add(out, RULE_YAML_VERSION_DIFFERENCE, d->span, d->path,
			    "%s %s%s is %s to %s (CloudFormation's, as far as is known) but %s "
			    "to %s; %s%s", member_label(d->path),
			    shorten(d->written, strlen(d->written)).text, parameter, first,
			    version_names[0], second, version_names[1], advice(d->member),
			    refusal)) {
		struct diag *added = &out->items[out->count - 1];
		if (d->parameter)
			diag_set_related(out, d->default_span);
		if (!diag_prefix_path(added, prefix))
			out->out_of_memory = true;
	}
	free(first);
	free(second);
	free(refusal);
	free(parameter);
}

/* What a version makes the member's value, briefly: "15", 1000, the
 * boolean true. */
static char *say_value(const struct reading_difference *d, int version)
{
	const struct scalar *s = &d->read[version];

	if (s->type == SCALAR_STRING && d->member == SHAPE_STRING)
		return format_alloc("%s", quote(s->text, s->len).text);
	if (s->type == SCALAR_INT && !s->int_overflow)
		return format_alloc("%lld", s->int_value);
	return say_typed(d, version);
}

static size_t common_length(const char *a, const char *b)
{
	size_t n = 0;

	while (a[n] && a[n] == b[n])
		n++;
	return n;
}

/* Past this many values read otherwise, a warning names the likeliest
 * cause among the first ones only: the words cost no more than the
 * findings themselves in a template built to be slow. */
enum { MAX_CAUSES_WEIGHED = 256 };

/* The value an error of one reading is likely about: one whose reading
 * the message quotes ("17" names no variant), else the nearest in the
 * tree (StartTime, for an error at EndTime), else the first. */
static const struct reading_difference *
likely_cause(const struct diag *d, int version, const char *prefix,
	     const struct reading_difference *const *differences, size_t count)
{
	const struct reading_difference *nearest = differences[0];
	const char *path = d->path;
	size_t best = 0;

	if (count > MAX_CAUSES_WEIGHED)
		count = MAX_CAUSES_WEIGHED;

	for (size_t i = 0; i < count; i++) {
		const struct scalar *s = &differences[i]->read[version];
		if (s->type == SCALAR_STRING && s->len > 0 &&
		    strstr(d->message, quote(s->text, s->len).text))
			return differences[i];
	}
	if (strncmp(path, prefix, strlen(prefix)) == 0) {
		path += strlen(prefix);
		path += *path == '.';
	}
	for (size_t i = 0; i < count; i++) {
		size_t shared = common_length(path, differences[i]->path);
		if (shared > best) {
			best = shared;
			nearest = differences[i];
		}
	}
	return nearest;
}

/* An error of one reading alone, about a value both read alike: a
 * warning that says which reading it holds in, and the value the other
 * reads otherwise that it is likely about (the warning there says
 * more). */
static void demote(struct diag_list *out, const struct diag *d, int version, const char *prefix,
		   const struct reading_difference *const *differences, size_t count)
{
	const struct reading_difference *cause =
		likely_cause(d, version, prefix, differences, count);
	char *mine = say_value(cause, version), *other = say_value(cause, !version);
	bool added = false;

	if (mine && other)
		added = diag_add(out, RULE_YAML_VERSION_DIFFERENCE, d->span, d->path,
				 "%s (as %s reads the template, where %s %s at line %d is %s; "
				 "%s reads it as %s, and then this is no error)", d->message,
				 version_names[version], member_label(cause->path),
				 shorten(cause->written, strlen(cause->written)).text,
				 cause->span.line, mine, version_names[!version], other);
	else
		out->out_of_memory = true;
	if (added && d->has_related)
		diag_set_related_in(out, d->related, d->related_file);
	free(mine);
	free(other);
}

/* ---- the merge ------------------------------------------------------------ */

struct reading {
	struct diag **sorted;
	size_t count;
	bool *shared; /* the other reading has the same diagnostic */
	bool *kept;
	size_t next;  /* the first not yet walked */
};

static bool reading_init(struct reading *r, struct diag_list *list)
{
	r->count = list->count;
	r->next = 0;
	r->sorted = mem_malloc((r->count ? r->count : 1) * sizeof *r->sorted);
	r->shared = mem_calloc(r->count ? r->count : 1, sizeof *r->shared);
	r->kept = mem_calloc(r->count ? r->count : 1, sizeof *r->kept);
	if (!r->sorted || !r->shared || !r->kept)
		return false;
	for (size_t i = 0; i < r->count; i++)
		r->sorted[i] = &list->items[i];
	qsort(r->sorted, r->count, sizeof *r->sorted, compare_diags);
	return true;
}

static void reading_free(struct reading *r)
{
	free(r->sorted);
	free(r->shared);
	free(r->kept);
}

/* How many diagnostics from r->next on are at the place. */
static size_t at_place(const struct reading *r, struct span place)
{
	size_t n = 0;

	while (r->next + n < r->count &&
	       compare_spans(r->sorted[r->next + n]->span, place) == 0)
		n++;
	return n;
}

/* The first error of the reading at the place that the other lacks. */
static struct refusal refusal_of(const struct reading *r, size_t n)
{
	struct refusal refused = { NULL, false };

	for (size_t i = r->next; i < r->next + n; i++) {
		if (!refuses(r->sorted[i]))
			continue;
		refused.any = true;
		if (!refused.first && !r->shared[i])
			refused.first = r->sorted[i];
	}
	return refused;
}

/* One place: what each reading found there, and the value read otherwise
 * there, if any. */
static void merge_place(struct reading r[2], size_t n[2],
			const struct reading_difference *difference,
			const struct reading_difference *const *differences, size_t count,
			const char *prefix, struct diag_list *out)
{
	struct refusal refused[2];

	for (size_t i = r[0].next; i < r[0].next + n[0]; i++)
		for (size_t j = r[1].next; j < r[1].next + n[1]; j++)
			if (!r[1].shared[j] && diag_same(r[0].sorted[i], r[1].sorted[j])) {
				r[0].shared[i] = r[1].shared[j] = true;
				break;
			}
	refused[0] = refusal_of(&r[0], n[0]);
	refused[1] = refusal_of(&r[1], n[1]);
	/* YAML 1.1's findings stand, but an error the other reading lacks;
	 * YAML 1.2's add only what they say about the value. */
	for (size_t i = r[0].next; i < r[0].next + n[0]; i++) {
		const struct diag *d = r[0].sorted[i];
		if (r[0].shared[i] || !refuses(d) || refused[1].any)
			r[0].kept[i] = true;
		else if (!difference)
			demote(out, d, YAML_1_1, prefix, differences, count);
	}
	for (size_t j = r[1].next; j < r[1].next + n[1]; j++) {
		const struct diag *d = r[1].sorted[j];
		if (!r[1].shared[j] && refuses(d) && !refused[0].any && !difference)
			demote(out, d, YAML_1_2, prefix, differences, count);
	}
	if (difference)
		say_difference(out, difference, refused, prefix);
}

static struct span next_place(const struct reading r[2],
			      const struct reading_difference *const *differences, size_t count,
			      size_t next_difference)
{
	struct span place = { 0, 0, 0, 0 };
	bool found = false;

	for (int k = 0; k < 2; k++)
		if (r[k].next < r[k].count &&
		    (!found || compare_spans(r[k].sorted[r[k].next]->span, place) < 0)) {
			place = r[k].sorted[r[k].next]->span;
			found = true;
		}
	if (next_difference < count &&
	    (!found || compare_spans(differences[next_difference]->span, place) < 0))
		place = differences[next_difference]->span;
	return place;
}

static void walk(struct reading r[2], const struct reading_difference *const *differences,
		 size_t count, const char *prefix, struct diag_list *out)
{
	size_t next_difference = 0;

	while (r[0].next < r[0].count || r[1].next < r[1].count || next_difference < count) {
		struct span place = next_place(r, differences, count, next_difference);
		size_t n[2] = { at_place(&r[0], place), at_place(&r[1], place) };
		const struct reading_difference *difference = NULL;
		/* Two differences at one place: the first speaks for both. */
		while (next_difference < count &&
		       compare_spans(differences[next_difference]->span, place) == 0)
			difference = difference ? difference : differences[next_difference++];
		merge_place(r, n, difference, differences, count, prefix, out);
		r[0].next += n[0];
		r[1].next += n[1];
	}
}

void yaml_versions_merge(struct diag_list *first, struct diag_list *second,
			 const struct reading_difference *differences, size_t count,
			 const char *prefix)
{
	struct reading r[2];
	const struct reading_difference **sorted = mem_malloc((count ? count : 1) * sizeof *sorted);
	struct diag_list out;
	bool ready = reading_init(&r[0], first);

	ready = reading_init(&r[1], second) && ready && sorted;
	diag_list_init(&out);
	if (ready) {
		for (size_t i = 0; i < count; i++)
			sorted[i] = &differences[i];
		qsort(sorted, count, sizeof *sorted, compare_differences);
		walk(r, sorted, count, prefix, &out);
		/* A diagnostic pushed is the list's (or freed, past its limit). */
		for (size_t i = 0; i < r[0].count; i++)
			if (r[0].kept[i])
				diag_list_push(&out, r[0].sorted[i]);
			else
				diag_free(r[0].sorted[i]);
		out.dropped = first->dropped > second->dropped ? first->dropped : second->dropped;
		out.out_of_memory |= first->out_of_memory || second->out_of_memory;
		free(first->items);
		*first = out;
	} else {
		/* Without memory to merge, YAML 1.1's findings stand alone. */
		first->out_of_memory = true;
	}
	reading_free(&r[0]);
	reading_free(&r[1]);
	free(sorted);
	diag_list_free(second);
}

static const enum rule_id raised_rules[] = { RULE_YAML_VERSION_DIFFERENCE };

bool yaml_versions_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
