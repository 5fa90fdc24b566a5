/* Which request a document is, told by its members: the one it fits
 * exactly, else the one under which it has the fewest errors, with a note
 * (IE115) where another request was plausible. */
#include "request_parts.h"

#include <stdarg.h>
#include <stdlib.h>

#include "base/format.h"
#include "base/strbuf.h"
#include "rules/model.h"

/* ---- how a document's members fit each request --------------------------- */

/* What the top-level members of a document say of one request. */
struct fit {
	size_t missing; /* members the request requires that the document lacks */
	size_t foreign; /* members the document has that the request does not */
	size_t marks;   /* members that only this request has */
	const struct node *first_mark;
};

/* A member of this request and of no other. */
static bool marks_request(enum operation op, const struct node *key)
{
	for (int other = 0; other < OPERATION_COUNT; other++)
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

	for (int op = 0, n = 0; op < OPERATION_COUNT; op++)
		if (which & OPERATION_BIT(op))
			ok &= put(b, "%s%s %s", n++ ? " and " : "", article((enum operation)op),
				  operation_name((enum operation)op));
	return ok && put(b, " request");
}

/* "5 under a create request and 3 under an update request". */
static bool put_counts(struct strbuf *b, unsigned which, const struct trial *trials)
{
	bool ok = true;

	for (int op = 0, n = 0; op < OPERATION_COUNT; op++)
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

	for (int op = 0; op < OPERATION_COUNT; op++) {
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

	for (int op = 0; op < OPERATION_COUNT; op++) {
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
	struct trial trials[OPERATION_COUNT] = { 0 };
	enum operation chosen = OPERATION_UPDATE;

	for (int op = 0; op < OPERATION_COUNT; op++) {
		diag_list_init_like(&trials[op].diags, diags);
		if (!(tried & OPERATION_BIT(op)))
			continue;
		trials[op].tried = true;
		request_check_as(root, (enum operation)op, state, &trials[op].diags);
		trials[op].errors = errors_in(&trials[op].diags);
		if (!trials[chosen].tried || better((enum operation)op, chosen, trials, fits_of))
			chosen = (enum operation)op;
	}
	diag_list_move(diags, &trials[chosen].diags);
	note_assumed(chosen, trials, fits_of, diags);
	for (int op = 0; op < OPERATION_COUNT; op++)
		diag_list_free(&trials[op].diags);
	return chosen;
}

/* A document that has every member one request requires and no member it
 * lacks is that request; one with no member that only a create or a stop
 * request has (RoleArn, EndpointName, Type, KmsKey, Tags;
 * ModelVariantActions, DesiredModelVariants, DesiredState, Reason) is an
 * update. Any other is checked as an update and as each request it has
 * such members of, and is taken as the one under which it has the fewest
 * errors (on a tie, the one whose required members are present, then an
 * update), with a note (IE115) at its first member of another request. */
enum operation request_choose_and_check(const struct node *root,
					const struct experiment_state *state,
					struct diag_list *diags)
{
	struct fit fits_of[OPERATION_COUNT];
	unsigned tried = OPERATION_BIT(OPERATION_UPDATE);

	for (int op = 0; op < OPERATION_COUNT; op++) {
		fits_of[op] = fit_request(root, (enum operation)op);
		/* A document that is one request exactly is that one. */
		if (fits(&fits_of[op])) {
			request_check_as(root, (enum operation)op, state, diags);
			return (enum operation)op;
		}
		if (fits_of[op].marks)
			tried |= OPERATION_BIT(op);
	}
	/* Without a member only a create or a stop request has, an update. */
	if (tried == OPERATION_BIT(OPERATION_UPDATE)) {
		request_check_as(root, OPERATION_UPDATE, state, diags);
		return OPERATION_UPDATE;
	}
	return check_each(root, tried, fits_of, state, diags);
}

static const enum rule_id raised_rules[] = { RULE_OPERATION_ASSUMED };

bool request_choose_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
