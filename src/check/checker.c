#include "checker.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "check_cross.h"
#include "check_shape.h"
#include "check_template.h"
#include "suggest.h"
#include "template.h"
#include "base/format.h"
#include "base/memory.h"
#include "base/strbuf.h"
#include "rules/model.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* ---- how a document's members fit each request --------------------------- */

/* What the top-level members of a document say of one request. */
struct fit {
	size_t missing; /* members the request requires that the document lacks */
	size_t foreign; /* members the document has that the request does not */
	size_t marks;   /* members that only this request has */
	const struct node *first_mark;
};

static bool request_has(enum operation op, const struct node *key)
{
	return shape_find_member(model_get()->requests[op], key->scalar.text,
				 key->scalar.len) != NULL;
}

/* A member of this request and of no other. */
static bool marks_request(enum operation op, const struct node *key)
{
	for (int other = 0; other < OPERATION_REQUEST_COUNT; other++)
		if ((other == (int)op) != request_has((enum operation)other, key))
			return false;
	return true;
}

static struct fit fit_request(const struct node *root, enum operation op)
{
	const struct shape *shape = model_get()->requests[op];
	struct fit fit = { 0 };

	for (size_t i = 0; i < root->mapping.count; i++) {
		const struct node *key = root->mapping.pairs[i].key;
		if (!node_is_string(key) || !request_has(op, key)) {
			fit.foreign++;
		} else if (marks_request(op, key)) {
			if (!fit.marks++)
				fit.first_mark = key;
		}
	}
	for (size_t i = 0; i < shape->member_count; i++)
		if (shape->members[i].required && !node_member(root, shape->members[i].name))
			fit.missing++;
	return fit;
}

static bool fits(const struct fit *fit)
{
	return fit->missing == 0 && fit->foreign == 0;
}

/* ---- choosing the request: the kind with the fewest errors --------------- */

/* The errors a check found, at the severities the catalog gives: the
 * user's settings do not change what a document is. Diagnostics past the
 * limit count as errors. */
static size_t errors_in(const struct diag_list *diags)
{
	size_t errors = diags->dropped;

	for (size_t i = 0; i < diags->count; i++)
		if (rule_get(diags->items[i].rule)->severity == SEVERITY_ERROR)
			errors++;
	return errors;
}

struct trial {
	bool tried;
	struct diag_list diags;
	size_t errors;
};

/* Whether a is to be chosen over b: fewer errors; on a tie, the request
 * whose required members are all present, then an update; then the
 * order of the requests (create before stop). */
static bool better(enum operation a, enum operation b, const struct trial *trials,
		   const struct fit *fits_of)
{
	if (trials[a].errors != trials[b].errors)
		return trials[a].errors < trials[b].errors;
	if ((fits_of[a].missing == 0) != (fits_of[b].missing == 0))
		return fits_of[a].missing == 0;
	if ((a == OPERATION_UPDATE) != (b == OPERATION_UPDATE))
		return a == OPERATION_UPDATE;
	return a < b;
}

static const char *article(enum operation op)
{
	return op == OPERATION_UPDATE ? "an" : "a";
}

/* Adds a formatted piece to b; false when memory runs out. */
__attribute__((format(printf, 2, 3)))
static bool put(struct strbuf *b, const char *format, ...)
{
	va_list args;
	char *text;

	va_start(args, format);
	text = format_allocv(format, args);
	va_end(args);
	if (text)
		strbuf_puts(b, text);
	free(text);
	return text != NULL;
}

/* "a create and a stop request": the requests of `which`. */
static bool put_requests(struct strbuf *b, unsigned which)
{
	bool ok = true;

	for (int op = 0, n = 0; op < OPERATION_REQUEST_COUNT; op++)
		if (which & OPERATION_BIT(op))
			ok &= put(b, "%s%s %s", n++ ? " and " : "", article((enum operation)op),
				  operation_name((enum operation)op));
	return ok && put(b, " request");
}

/* "5 under a create request and 3 under an update request". */
static bool put_counts(struct strbuf *b, unsigned which, const struct trial *trials)
{
	bool ok = true;

	for (int op = 0, n = 0; op < OPERATION_REQUEST_COUNT; op++)
		if (which & OPERATION_BIT(op))
			ok &= put(b, "%s%zu under %s %s request", n++ ? " and " : "",
				  trials[op].errors, article((enum operation)op),
				  operation_name((enum operation)op));
	return ok;
}

/* Why the chosen request won: its count against the others', and the
 * tie's rule when counts were equal. NULL when memory runs out. */
static char *why_chosen(enum operation chosen, const struct trial *trials,
			const struct fit *fits_of)
{
	struct strbuf b = STRBUF_INIT;
	size_t errors = trials[chosen].errors;
	unsigned tied = 0, more = 0;
	bool ok, complete = fits_of[chosen].missing == 0;

	for (int op = 0; op < OPERATION_REQUEST_COUNT; op++) {
		if (op == (int)chosen || !trials[op].tried)
			continue;
		if (trials[op].errors != errors) {
			more |= OPERATION_BIT(op);
			continue;
		}
		tied |= OPERATION_BIT(op);
		complete &= fits_of[op].missing != 0;
	}
	if (!tied) {
		ok = put(&b, "under which it has the fewest errors: %zu, against ", errors) &&
		     put_counts(&b, more, trials);
	} else {
		ok = put(&b, "under which it has %zu error%s, as many as under ", errors,
			 errors == 1 ? "" : "s") && put_requests(&b, tied) &&
		     (!more || (put(&b, " (") && put_counts(&b, more, trials) && put(&b, ")"))) &&
		     put(&b, complete ? ", and every member %s %s request requires"
				      : ", and on a tie %s %s request is assumed",
			 article(chosen), operation_name(chosen));
	}
	if (!ok) {
		strbuf_free(&b);
		return NULL;
	}
	return strbuf_take(&b);
}

/* The first member that belongs to a request other than the one chosen:
 * where the author may have meant another request. */
static const struct node *rival_mark(enum operation chosen, const struct fit *fits_of,
				     enum operation *rival)
{
	const struct node *first = NULL;

	for (int op = 0; op < OPERATION_REQUEST_COUNT; op++) {
		const struct node *mark = fits_of[op].first_mark;
		if (op == (int)chosen || !mark)
			continue;
		if (!first || mark->span.line < first->span.line ||
		    (mark->span.line == first->span.line && mark->span.column < first->span.column)) {
			first = mark;
			*rival = (enum operation)op;
		}
	}
	return first;
}

static void note_assumed(enum operation chosen, const struct trial *trials,
			 const struct fit *fits_of, struct diag_list *diags)
{
	enum operation rival = chosen;
	const struct node *mark = rival_mark(chosen, fits_of, &rival);
	char *why;

	if (!mark)
		return;
	if (!(why = why_chosen(chosen, trials, fits_of))) {
		diags->out_of_memory = true;
		return;
	}
	diag_add(diags, RULE_OPERATION_ASSUMED, mark->span, mark->scalar.text,
		 "%s belongs to %s %s request, but the document is checked as %s %s "
		 "request (%s), %s; give --operation to say which it is", mark->scalar.text, article(rival), operation_name(rival),
		 article(chosen), operation_name(chosen), operation_title(chosen), why);
	free(why);
}

/* Checks the document as each request in `tried` and keeps the
 * diagnostics of the one with the fewest errors. */
static enum operation check_each(const struct node *root, unsigned tried,
				 const struct fit *fits_of,
				 const struct experiment_state *state, struct diag_list *diags)
{
	struct trial trials[OPERATION_REQUEST_COUNT] = { 0 };
	enum operation chosen = OPERATION_UPDATE;

	for (int op = 0; op < OPERATION_REQUEST_COUNT; op++) {
		diag_list_init_like(&trials[op].diags, diags);
		if (!(tried & OPERATION_BIT(op)))
			continue;
		trials[op].tried = true;
		check_request(root, (enum operation)op, state, &trials[op].diags);
		trials[op].errors = errors_in(&trials[op].diags);
		if (!trials[chosen].tried || better((enum operation)op, chosen, trials, fits_of))
			chosen = (enum operation)op;
	}
	diag_list_move(diags, &trials[chosen].diags);
	note_assumed(chosen, trials, fits_of, diags);
	for (int op = 0; op < OPERATION_REQUEST_COUNT; op++)
		diag_list_free(&trials[op].diags);
	return chosen;
}

enum operation check_document(const struct node *root, const struct experiment_state *state,
			      struct diag_list *diags)
{
	struct fit fits_of[OPERATION_REQUEST_COUNT];
	unsigned tried = OPERATION_BIT(OPERATION_UPDATE);

	if (template_detect(root)) {
		check_request(root, OPERATION_CLOUDFORMATION, state, diags);
		return OPERATION_CLOUDFORMATION;
	}
	for (int op = 0; op < OPERATION_REQUEST_COUNT; op++) {
		fits_of[op] = fit_request(root, (enum operation)op);
		/* A document that is one request exactly is that one. */
		if (fits(&fits_of[op])) {
			check_request(root, (enum operation)op, state, diags);
			return (enum operation)op;
		}
		if (fits_of[op].marks)
			tried |= OPERATION_BIT(op);
	}
	/* Without a member only a create or a stop request has, an update. */
	if (tried == OPERATION_BIT(OPERATION_UPDATE)) {
		check_request(root, OPERATION_UPDATE, state, diags);
		return OPERATION_UPDATE;
	}
	return check_each(root, tried, fits_of, state, diags);
}

void check_request(const struct node *root, enum operation op,
		   const struct experiment_state *state, struct diag_list *diags)
{
	if (op == OPERATION_CLOUDFORMATION) {
		check_template(root, state, diags);
		return;
	}
	check_shape(model_get()->requests[op], root, "the request", &naming_api, state->now,
		    diags);
	check_cross(root, op, state, diags);
}

void check_current(const struct node *root, double now, struct diag_list *diags)
{
	check_shape(model_get()->current, root, "the current experiment", &naming_api, now,
		    diags);
}

/* ---- whether a document found by a search is one ielint knows ------------ */

/* A member written in one word (Name, Tags) is a word that other files use
 * as keys too, package.json its name and description, a compose file its
 * name: those count as near only when capitalized as the member is. A
 * member of several words (ModelVariants) is near in any case
 * (modelVariants, model_variants). */
static bool one_word(const char *name)
{
	size_t capitals = 0;

	for (const char *p = name; *p; p++)
		capitals += isupper((unsigned char)*p) != 0;
	return capitals <= 1;
}

/* A member of a request, or a misspelling of one as "did you mean" finds
 * it. */
static bool near_request_member(const struct node *key)
{
	for (int op = 0; op < OPERATION_REQUEST_COUNT; op++) {
		const struct shape *shape = model_get()->requests[op];
		if (request_has((enum operation)op, key))
			return true;
		for (size_t i = 0; i < shape->member_count; i++) {
			const char *name = shape->members[i].name;
			struct suggestion s;
			if (one_word(name) && !isupper((unsigned char)key->scalar.text[0]))
				continue;
			suggestion_init(&s, key->scalar.text, key->scalar.len);
			suggestion_consider(&s, name);
			if (s.best)
				return true;
		}
	}
	return false;
}

/* A Resources mapping with an experiment among its resources: a template,
 * though template_detect() may not take it for one yet (another resource
 * lacks its Type). */
static bool declares_experiment(const struct node *root)
{
	const struct node *resources = node_member(root, "Resources");

	for (size_t i = 0; resources && resources->kind == NODE_MAPPING &&
			   i < resources->mapping.count; i++) {
		const struct node *type = node_member(resources->mapping.pairs[i].value, "Type");
		if (node_is_string(type) && strcmp(type->scalar.text, model_get()->resource_type) == 0)
			return true;
	}
	return false;
}

bool check_is_known_kind(const struct node *root)
{
	if (template_detect(root) || declares_experiment(root))
		return true;
	for (size_t i = 0; i < root->mapping.count; i++) {
		const struct node *key = root->mapping.pairs[i].key;
		if (node_is_string(key) && near_request_member(key))
			return true;
	}
	return false;
}

/* Where needle first occurs in text, or NULL. */
static const char *find(const char *text, size_t len, const char *needle, size_t needle_len)
{
	for (const char *at = text; needle_len <= len - (size_t)(at - text);) {
		const char *first = memchr(at, needle[0], len - (size_t)(at - text));
		if (!first || needle_len > len - (size_t)(first - text))
			return NULL;
		if (memcmp(first, needle, needle_len) == 0)
			return first;
		at = first + 1;
	}
	return NULL;
}

/* Whether name occurs in text as a key: a whole word, then a colon after
 * an optional closing quote and blanks. */
static bool has_key(const char *text, size_t len, const char *name)
{
	size_t name_len = strlen(name);

	for (const char *at = text;
	     (at = find(at, len - (size_t)(at - text), name, name_len)) != NULL; at++) {
		size_t end = (size_t)(at - text) + name_len;
		if (at > text && (isalnum((unsigned char)at[-1]) || at[-1] == '_'))
			continue;
		if (end < len && (text[end] == '"' || text[end] == '\''))
			end++;
		while (end < len && (text[end] == ' ' || text[end] == '\t'))
			end++;
		if (end < len && text[end] == ':')
			return true;
	}
	return false;
}

static bool text_names_request(const char *text, size_t len)
{
	static const char *const template_words[] = { "AWSTemplateFormatVersion",
						      "AWS::SageMaker::InferenceExperiment" };

	for (size_t i = 0; i < COUNT(template_words); i++)
		if (find(text, len, template_words[i], strlen(template_words[i])))
			return true;
	for (int op = 0; op < OPERATION_REQUEST_COUNT; op++) {
		const struct shape *shape = model_get()->requests[op];
		for (size_t i = 0; i < shape->member_count; i++)
			if (has_key(text, len, shape->members[i].name))
				return true;
	}
	return false;
}

bool check_text_is_known_kind(const char *text, size_t len)
{
	char *narrow;
	size_t kept = 0;
	bool named;

	if (!memchr(text, '\0', len))
		return text_names_request(text, len);
	/* UTF-16 and UTF-32 text: its ASCII letters without the NUL bytes. */
	if (!(narrow = mem_malloc(len)))
		return true;
	for (size_t i = 0; i < len; i++)
		if (text[i])
			narrow[kept++] = text[i];
	named = text_names_request(narrow, kept);
	free(narrow);
	return named;
}

static const enum rule_id raised_rules[] = { RULE_OPERATION_ASSUMED };

bool checker_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
