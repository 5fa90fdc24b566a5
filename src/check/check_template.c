/* The experiments of a CloudFormation template. For each resource of the
 * experiment's type, first the template's own rules: each a small
 * function, rule_NAME for the rule NAME, registered in the tables below,
 * with its catalog entry in rules/catalog.yaml and its cases in
 * testdata/cases/cloudformation/. Then, for each way the conditions its
 * Fn::If name may come out, the shape and cross-field rules on the request
 * that CloudFormation would send (check/resolve.h); a diagnostic found in
 * only some of them says in which. */
#include "check_template.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_cross.h"
#include "check_shape.h"
#include "intrinsic.h"
#include "resolve.h"
#include "suggest.h"
#include "template.h"
#include "yaml_versions.h"
#include "base/hash.h"
#include "base/memory.h"
#include "base/path.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "rules/model.h"

/* At most this many conditions are tried in all their 2^n outcomes; an
 * Fn::If on a condition past them is a value not known. */
enum { MAX_CONDITIONS = 6 };

/* CloudFormation takes at most 500 resources and 200 parameters; past
 * this many names a "did you mean" costs more than it helps. */
enum { MAX_SUGGESTION_NAMES = 500 };

/* Each outcome of the conditions checks the whole of an experiment's
 * Properties again. Past this many nodes checked in a file, the
 * experiments left are checked once, their Fn::If values not known, so
 * that a large template costs at most a few times a plain one: a node of
 * an outcome with its diagnostics costs up to a microsecond, so this is
 * about one second at most. */
enum { OUTCOME_NODE_BUDGET = 1000000 };

/* The bytes of parameters' Defaults checked in a file in place of their
 * Refs (check/resolve.h): 200 Refs to a Default of 30 MB took 4.7 s. */
enum { DEFAULT_TEXT_BUDGET = 16 * 1024 * 1024 };

struct experiment {
	const struct template *template;
	const struct experiment_state *state;
	struct diag_list *diags;
	size_t budget;     /* of OUTCOME_NODE_BUDGET, what is left */
	size_t default_text_left; /* of DEFAULT_TEXT_BUDGET */
	struct path path;  /* of the node being checked */
	enum rule_id rule; /* the rule being checked, which report() raises */
};

__attribute__((format(printf, 3, 4)))
static void report(struct experiment *e, struct span span, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	diag_addv(e->diags, e->rule, span, path_string(&e->path), format, args);
	va_end(args);
}

/* "; did you mean "X"?" for the section's name nearest text, or "" (also
 * when the diagnostic at would not be recorded). */
struct hint {
	char text[sizeof(struct quoted) + 32];
};

static struct hint suggest_name(const struct experiment *e, const struct node *at,
				const struct section *section, const char *text, size_t len)
{
	struct hint hint = { "" };
	struct suggestion s;

	if (section->count > MAX_SUGGESTION_NAMES ||
	    !diag_list_has_room(e->diags, e->rule, at->span.line))
		return hint;
	suggestion_init(&s, text, len);
	for (size_t i = 0; i < section->count; i++)
		suggestion_consider(&s, section->names[i].text);
	if (s.best)
		snprintf(hint.text, sizeof hint.text, "; did you mean \"%s\"?",
			 shorten(s.best, strlen(s.best)).text);
	return hint;
}

/* ---- the rules of a resource ------------------------------------------- */

static void rule_read_only_property(struct experiment *e, const struct node *properties)
{
	const struct shape *shape = model_get()->resource;

	for (size_t i = 0; properties->kind == NODE_MAPPING && i < properties->mapping.count; i++) {
		const struct node *key = properties->mapping.pairs[i].key;
		const struct shape_member *member = node_is_string(key)
			? shape_find_member(shape, key->scalar.text, key->scalar.len) : NULL;
		if (!member || !member->read_only)
			continue;
		size_t mark = path_length(&e->path);
		path_append_key(&e->path, key->scalar.text, key->scalar.len);
		report(e, key->span,
		       "%s is set by CloudFormation once the experiment exists, and read "
		       "with Fn::GetAtt; the value written here is never sent", member->name);
		path_truncate(&e->path, mark);
	}
}

static const struct resource_rule {
	enum rule_id rule;
	void (*check)(struct experiment *e, const struct node *properties);
} resource_rules[] = {
	{ RULE_READ_ONLY_PROPERTY, rule_read_only_property },
};

/* ---- the rules of each intrinsic function call ------------------------- */

/* Each returns false when it reported the call; the rules after it then
 * leave the call alone. */
typedef bool (*call_check)(struct experiment *e, const struct intrinsic *call);

static bool rule_unknown_function(struct experiment *e, const struct intrinsic *call)
{
	const char *best;

	if (call->function != FN_UNKNOWN)
		return true;
	best = intrinsic_suggest(call);
	report(e, call->name_span, "%s is no intrinsic function of CloudFormation%s%s%s",
	       shorten(call->name, strlen(call->name)).text, best ? "; did you mean \"" : "",
	       best ? best : "", best ? "\"?" : "");
	return false;
}

static bool is_call(const struct intrinsic *call, const struct node *argument)
{
	return intrinsic_argument_is_call(call, argument);
}

static bool is_list(const struct node *node, size_t count)
{
	return node->kind == NODE_SEQUENCE && node->sequence.count == count;
}

static const struct node *argument(const struct intrinsic *call, size_t i)
{
	return call->argument->sequence.items[i];
}

static bool string_or_call(const struct intrinsic *call, const struct node *node)
{
	return node_is_string(node) || is_call(call, node);
}

static bool list_or_call(const struct intrinsic *call, const struct node *node)
{
	return node->kind == NODE_SEQUENCE || is_call(call, node);
}

static bool index_or_call(const struct intrinsic *call, const struct node *node)
{
	return (node->kind == NODE_SCALAR && node->scalar.type == SCALAR_INT) ||
	       string_or_call(call, node);
}

/* "Resource.Attribute": a dot with a name on either side. */
static bool is_dotted(const struct node *node)
{
	const char *dot = node_is_string(node) ? strchr(node->scalar.text, '.') : NULL;

	return dot && dot > node->scalar.text && dot[1] != '\0';
}

/* NULL when the call's arguments have the form its function takes, else
 * the form, in words. */
static const char *malformed(const struct intrinsic *call)
{
	const struct node *a = call->argument;

	switch (call->function) {
	case FN_REF:
		return node_is_string(a) && a->scalar.len > 0 ? NULL
			: "the name of a parameter, a resource or a pseudo parameter";
	case FN_GET_ATT:
		return is_dotted(a) || (is_list(a, 2) && node_is_string(argument(call, 0)) &&
					string_or_call(call, argument(call, 1))) ? NULL
			: "a resource and an attribute: [Resource, Attribute] or "
			  "\"Resource.Attribute\"";
	case FN_SUB:
		return node_is_string(a) || (is_list(a, 2) && node_is_string(argument(call, 0)) &&
					     argument(call, 1)->kind == NODE_MAPPING) ? NULL
			: "a string, or a list of a string and a mapping of its variables";
	case FN_JOIN:
		return is_list(a, 2) && node_is_string(argument(call, 0)) &&
		       list_or_call(call, argument(call, 1)) ? NULL
			: "a list of a delimiter and a list of values";
	case FN_IF:
		return is_list(a, 3) && node_is_string(argument(call, 0)) ? NULL
			: "a list of a condition's name and two values";
	case FN_SELECT:
		return is_list(a, 2) && index_or_call(call, argument(call, 0)) &&
		       list_or_call(call, argument(call, 1)) ? NULL
			: "a list of an index and a list";
	case FN_FIND_IN_MAP:
		return (is_list(a, 3) || is_list(a, 4)) && string_or_call(call, argument(call, 0)) &&
		       string_or_call(call, argument(call, 1)) &&
		       string_or_call(call, argument(call, 2)) ? NULL
			: "a list of a mapping's name, a top-level key and a second-level key";
	case FN_IMPORT_VALUE:
	case FN_BASE64:
	case FN_GET_AZS:
		return string_or_call(call, a) ? NULL : "a string";
	case FN_SPLIT:
		return is_list(a, 2) && node_is_string(argument(call, 0)) &&
		       string_or_call(call, argument(call, 1)) ? NULL
			: "a list of a delimiter and a string";
	case FN_CIDR:
		return is_list(a, 3) ? NULL : "a list of an address block, a count and a mask size";
	case FN_LENGTH:
		return list_or_call(call, a) ? NULL : "a list";
	case FN_TO_JSON_STRING:
		return a->kind == NODE_MAPPING || list_or_call(call, a) ? NULL
			: "a mapping or a list";
	case FN_TRANSFORM:
		return node_member(a, "Name") ? NULL : "a mapping with the macro's Name";
	default:
		return NULL;
	}
}

static bool rule_malformed_function(struct experiment *e, const struct intrinsic *call)
{
	const char *form = malformed(call);
	const char *name = shorten(call->name, strlen(call->name)).text;

	if (intrinsic_is_condition(call->function)) {
		report(e, call->name_span,
		       "%s is a condition function: it belongs in the Conditions section, "
		       "and a property chooses its value with Fn::If", name);
		return false;
	}
	if (!form)
		return true;
	report(e, call->argument->span, "%s takes %s", name, form);
	return false;
}

/* ---- references --------------------------------------------------------- */

static bool declared(const struct section *section, const char *text, size_t len)
{
	return template_find(section, text, len) != NULL;
}

static void check_ref(struct experiment *e, const struct node *name)
{
	const struct template *t = e->template;
	const char *text = name->scalar.text;
	size_t len = name->scalar.len;

	if (declared(&t->parameters, text, len) || declared(&t->resources, text, len) ||
	    template_is_pseudo_parameter(text, len))
		return;
	struct hint hint = suggest_name(e, name, &t->parameters, text, len);
	if (!*hint.text)
		hint = suggest_name(e, name, &t->resources, text, len);
	report(e, name->span, "Ref names %s, which is no parameter or resource of the "
	       "template, nor a pseudo parameter%s", quote(text, len).text, hint.text);
}

static void check_resource_name(struct experiment *e, const struct node *at,
				const char *what, const char *text, size_t len)
{
	if (declared(&e->template->resources, text, len))
		return;
	report(e, at->span, "%s names %s, which is no resource of the template%s", what,
	       quote(text, len).text, suggest_name(e, at, &e->template->resources, text, len).text);
}

static void check_get_att(struct experiment *e, const struct intrinsic *call)
{
	const struct node *a = call->argument;

	if (node_is_string(a))
		check_resource_name(e, a, "Fn::GetAtt", a->scalar.text,
				    (size_t)(strchr(a->scalar.text, '.') - a->scalar.text));
	else
		check_resource_name(e, argument(call, 0), "Fn::GetAtt",
				    argument(call, 0)->scalar.text, argument(call, 0)->scalar.len);
}

/* One ${Name} or ${Resource.Attribute} of a Fn::Sub string. */
static void check_variable(struct experiment *e, const struct node *string,
			   const struct section *variables, const char *name, size_t len)
{
	const struct template *t = e->template;
	const char *dot = memchr(name, '.', len);

	if (declared(variables, name, len))
		return;
	if (dot) {
		check_resource_name(e, string, "Fn::Sub", name, (size_t)(dot - name));
		return;
	}
	if (declared(&t->parameters, name, len) || declared(&t->resources, name, len) ||
	    template_is_pseudo_parameter(name, len))
		return;
	report(e, string->span, "Fn::Sub names ${%s}, which is no parameter, resource or "
	       "variable of the template, nor a pseudo parameter%s", shorten(name, len).text,
	       suggest_name(e, string, &t->parameters, name, len).text);
}

/* The names a Fn::Sub string has had checked: a string may name the same
 * few millions of times, and an unknown one is worth one report. A name's
 * slot is fixed by its hash and a new name takes it over, so the set is
 * cheap to keep; a name pushed out is looked up, and reported, again. */
enum { CHECKED_NAME_SLOTS = 256 };

struct checked_name {
	const char *text;
	size_t len;
};

struct checked_names {
	struct checked_name slots[CHECKED_NAME_SLOTS];
};

static bool checked_before(struct checked_names *checked, const char *name, size_t len)
{
	uint64_t hash = hash_bytes(HASH_START, name, len);
	struct checked_name *slot = &checked->slots[hash % CHECKED_NAME_SLOTS];

	if (slot->text && slot->len == len && memcmp(slot->text, name, len) == 0)
		return true;
	slot->text = name;
	slot->len = len;
	return false;
}

static void check_sub(struct experiment *e, const struct intrinsic *call)
{
	const struct node *string = call->argument;
	struct checked_names checked = { { { NULL, 0 } } };
	struct section variables;

	/* Indexed (template.h): the string may name them millions of times. */
	if (!section_index(&variables, string->kind == NODE_SEQUENCE ? argument(call, 1) : NULL)) {
		e->diags->out_of_memory = true;
		return;
	}
	if (string->kind == NODE_SEQUENCE)
		string = argument(call, 0);
	/* memchr, not strstr: the string's length is known, and strstr under
	 * AddressSanitizer measures the whole rest of the string each call. */
	const char *stop = string->scalar.text + string->scalar.len;
	for (const char *p = string->scalar.text;
	     (p = memchr(p, '$', (size_t)(stop - p))) != NULL; p++) {
		if (p + 1 == stop || p[1] != '{')
			continue;
		const char *end = memchr(p + 2, '}', (size_t)(stop - p - 2));
		if (!end)
			break;
		size_t len = (size_t)(end - p - 2);
		if (p[2] != '!' && !checked_before(&checked, p + 2, len))
			check_variable(e, string, &variables, p + 2, len);
		p = end;
	}
	section_free(&variables);
}

static void check_condition_name(struct experiment *e, const struct node *name)
{
	const struct section *conditions = &e->template->conditions;

	if (declared(conditions, name->scalar.text, name->scalar.len))
		return;
	report(e, name->span, "Fn::If names the condition %s, which the Conditions section "
	       "lacks%s", quote(name->scalar.text, name->scalar.len).text,
	       suggest_name(e, name, conditions, name->scalar.text, name->scalar.len).text);
}

static void check_map_name(struct experiment *e, const struct node *name)
{
	const struct section *mappings = &e->template->mappings;

	if (!node_is_string(name) || declared(mappings, name->scalar.text, name->scalar.len))
		return;
	report(e, name->span, "Fn::FindInMap names the mapping %s, which the Mappings "
	       "section lacks%s", quote(name->scalar.text, name->scalar.len).text,
	       suggest_name(e, name, mappings, name->scalar.text, name->scalar.len).text);
}

/* Runs after rule_malformed_function, so the arguments have their form. */
static bool rule_unknown_reference(struct experiment *e, const struct intrinsic *call)
{
	if (e->template->transformed)
		return true;
	switch (call->function) {
	case FN_REF:
		check_ref(e, call->argument);
		break;
	case FN_GET_ATT:
		check_get_att(e, call);
		break;
	case FN_SUB:
		check_sub(e, call);
		break;
	case FN_IF:
		check_condition_name(e, argument(call, 0));
		break;
	case FN_FIND_IN_MAP:
		check_map_name(e, argument(call, 0));
		break;
	default:
		break;
	}
	return true;
}

static const struct call_rule {
	enum rule_id rule;
	call_check check;
} call_rules[] = {
	{ RULE_UNKNOWN_FUNCTION, rule_unknown_function },
	{ RULE_MALFORMED_FUNCTION, rule_malformed_function },
	{ RULE_UNKNOWN_REFERENCE, rule_unknown_reference },
};

/* Every call in node, arguments of calls included; a node's own tag
 * counts unless it made the call whose argument the node is. */
static void check_calls(struct experiment *e, const struct node *node, bool with_tag)
{
	struct intrinsic call;

	if (intrinsic_read(node, with_tag, &call)) {
		for (size_t i = 0; i < sizeof call_rules / sizeof *call_rules; i++) {
			e->rule = call_rules[i].rule;
			if (!call_rules[i].check(e, &call))
				break;
		}
		check_calls(e, call.argument, call.argument != node);
		return;
	}
	for (size_t i = 0; node->kind == NODE_MAPPING && i < node->mapping.count; i++) {
		const struct pair *pair = &node->mapping.pairs[i];
		size_t mark = path_length(&e->path);
		if (node_is_string(pair->key))
			path_append_key(&e->path, pair->key->scalar.text, pair->key->scalar.len);
		check_calls(e, pair->value, true);
		path_truncate(&e->path, mark);
	}
	for (size_t i = 0; node->kind == NODE_SEQUENCE && i < node->sequence.count; i++) {
		size_t mark = path_length(&e->path);
		path_append_index(&e->path, i);
		check_calls(e, node->sequence.items[i], true);
		path_truncate(&e->path, mark);
	}
}

/* ---- the outcomes of the conditions ------------------------------------ */

struct conditions {
	const char *names[MAX_CONDITIONS];
	size_t count;
	bool too_many; /* then no Fn::If has a known value */
};

static void add_condition(struct conditions *c, const char *name)
{
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->names[i], name) == 0)
			return;
	if (c->count == MAX_CONDITIONS)
		c->too_many = true;
	else
		c->names[c->count++] = name;
}

/* The declared conditions that the Fn::If calls in node name. */
static void find_conditions(const struct template *t, const struct node *node, bool with_tag,
			    struct conditions *c)
{
	struct intrinsic call;

	if (intrinsic_read(node, with_tag, &call)) {
		const struct node *a = call.argument;
		if (call.function == FN_IF && is_list(a, 3) && node_is_string(argument(&call, 0)) &&
		    template_find(&t->conditions, argument(&call, 0)->scalar.text,
				  argument(&call, 0)->scalar.len))
			add_condition(c, argument(&call, 0)->scalar.text);
		find_conditions(t, a, a != node, c);
		return;
	}
	for (size_t i = 0; node->kind == NODE_MAPPING && i < node->mapping.count; i++)
		find_conditions(t, node->mapping.pairs[i].value, true, c);
	for (size_t i = 0; node->kind == NODE_SEQUENCE && i < node->sequence.count; i++)
		find_conditions(t, node->sequence.items[i], true, c);
}

/* The diagnostics of every outcome, each once, with the outcomes it was
 * found in: bit k of seen[i] for outcome k. Every outcome finds most of
 * the same diagnostics, so they are looked up by hash: slots holds, at a
 * diagnostic's hash, its index plus one (0 for an empty slot). */
struct findings {
	struct diag_list diags;
	unsigned long long *seen;
	size_t *slots;
	size_t slot_count; /* a power of two, more than twice diags.count */
};

static size_t diag_hash(const struct diag *d)
{
	uint64_t hash = hash_bytes(HASH_START, &d->rule, sizeof d->rule);

	hash = hash_bytes(hash, &d->span.line, sizeof d->span.line);
	hash = hash_bytes(hash, &d->span.column, sizeof d->span.column);
	hash = hash_bytes(hash, d->path, strlen(d->path));
	return (size_t)hash_bytes(hash, d->message, strlen(d->message));
}

/* The slot of d's equal in the findings, or the empty one where it goes. */
static size_t *find_slot(const struct findings *f, const struct diag *d)
{
	size_t mask = f->slot_count - 1;

	for (size_t i = diag_hash(d) & mask;; i = (i + 1) & mask)
		if (f->slots[i] == 0 || diag_same(&f->diags.items[f->slots[i] - 1], d))
			return &f->slots[i];
}

/* Room for one more finding: the index and seen grow together. */
static bool reserve_finding(struct findings *f)
{
	size_t count = f->diags.count;

	if (2 * (count + 1) < f->slot_count)
		return true;
	size_t slot_count = f->slot_count ? 2 * f->slot_count : 64;
	size_t *slots = mem_calloc(slot_count, sizeof *slots);
	unsigned long long *seen = mem_realloc(f->seen, slot_count / 2 * sizeof *seen);
	if (!slots || !seen) {
		free(slots);
		if (seen)
			f->seen = seen;
		return false;
	}
	free(f->slots);
	f->slots = slots;
	f->seen = seen;
	f->slot_count = slot_count;
	for (size_t i = 0; i < count; i++)
		*find_slot(f, &f->diags.items[i]) = i + 1;
	return true;
}

/* Moves one outcome's diagnostics into the findings. What the outcomes
 * dropped past the file's limit are mostly the same ones, so the most
 * any outcome dropped is the count kept. */
static void add_findings(struct findings *f, struct diag_list *found, unsigned outcome)
{
	size_t dropped = found->dropped, dropped_errors = found->dropped_errors;

	for (size_t i = 0; i < found->count; i++) {
		struct diag *d = &found->items[i];
		size_t *slot;
		if (!reserve_finding(f)) {
			f->diags.out_of_memory = true;
			diag_free(d);
			continue;
		}
		if (*(slot = find_slot(f, d)) != 0) {
			f->seen[*slot - 1] |= 1ull << outcome;
			diag_free(d);
			continue;
		}
		size_t before = f->diags.dropped, errors_before = f->diags.dropped_errors;
		if (diag_list_push(&f->diags, d)) {
			*slot = f->diags.count;
			f->seen[f->diags.count - 1] = 1ull << outcome;
		}
		dropped += f->diags.dropped - before;
		dropped_errors += f->diags.dropped_errors - errors_before;
		f->diags.dropped = before;
		f->diags.dropped_errors = errors_before;
	}
	if (dropped > f->diags.dropped)
		f->diags.dropped = dropped;
	if (dropped_errors > f->diags.dropped_errors)
		f->diags.dropped_errors = dropped_errors;
	f->diags.out_of_memory |= found->out_of_memory;
	free(found->items);
	diag_list_init(found);
}

/* "IsProd is true and UseKey is false": the conditions whose truth is
 * the same in every outcome of seen. */
static void describe_outcomes(const struct conditions *c, unsigned long long seen,
			      struct strbuf *text)
{
	unsigned long long outcomes = 1ull << c->count;
	bool first = true;

	for (size_t k = 0; k < c->count; k++) {
		bool always_true = true, always_false = true;
		for (unsigned long long o = 0; o < outcomes; o++) {
			if (!(seen >> o & 1))
				continue;
			if (o >> k & 1)
				always_false = false;
			else
				always_true = false;
		}
		if (!always_true && !always_false)
			continue;
		strbuf_puts(text, first ? "" : " and ");
		strbuf_puts(text, c->names[k]);
		strbuf_puts(text, always_true ? " is true" : " is false");
		first = false;
	}
}

/* Says in which outcomes a diagnostic holds when it does not in all. */
static void say_outcomes(struct findings *f, const struct conditions *c)
{
	unsigned long long outcomes = 1ull << c->count;
	unsigned long long all = outcomes == 64 ? ~0ull : (1ull << outcomes) - 1;

	for (size_t i = 0; i < f->diags.count; i++) {
		struct strbuf text = STRBUF_INIT;
		if (f->seen[i] == all)
			continue;
		strbuf_puts(&text, " (when ");
		describe_outcomes(c, f->seen[i], &text);
		if (text.len == strlen(" (when "))
			strbuf_puts(&text, "the template's conditions come out in some ways");
		strbuf_puts(&text, ")");
		if (text.failed || !diag_append_message(&f->diags.items[i], strbuf_text(&text)))
			f->diags.out_of_memory = true;
		strbuf_free(&text);
	}
}

/* What an outcome's diagnostics need before they join the others: only
 * the rules for templates, a word where a Default stood in for a Ref,
 * and the path from the template's root. */
static void finish_outcome(const struct resolver *r, const char *prefix,
			   struct diag_list *found)
{
	for (size_t i = found->count; i-- > 0;) {
		struct diag *d = &found->items[i];
		if (!rule_applies(d->rule, OPERATION_CLOUDFORMATION)) {
			diag_list_remove(found, i);
			continue;
		}
		for (size_t s = 0; s < r->substitution_count; s++) {
			const struct substitution *sub = &r->substitutions[s];
			char note[sizeof(struct quoted) + 48];
			if (d->span.line != sub->ref.line || d->span.column != sub->ref.column)
				continue;
			snprintf(note, sizeof note, " (the Default of parameter %s)",
				 shorten(sub->parameter, strlen(sub->parameter)).text);
			if (!diag_append_message(d, note))
				found->out_of_memory = true;
			if (!d->has_related) {
				d->has_related = true;
				d->related = sub->value;
			}
			break;
		}
		if (!diag_prefix_path(d, prefix))
			found->out_of_memory = true;
	}
}

/* An outcome's diagnostics of the rules templates do not have are hidden
 * as found (finish_outcome drops them): they use no suppression and take
 * no other's room. The others are the user's to decide on. */
struct template_policy {
	struct diag_policy base; /* first: show() is given its address */
	struct diag_policy *user;
};

static bool show_in_template(struct diag_policy *base, enum rule_id rule, int line,
			     bool mark, enum severity *severity)
{
	struct template_policy *policy = (struct template_policy *)base;

	if (!rule_applies(rule, OPERATION_CLOUDFORMATION))
		return false;
	return !policy->user || policy->user->show(policy->user, rule, line, mark, severity);
}

/* The shape and cross-field rules on what CloudFormation would send in
 * one outcome of the conditions, its plain YAML values read by one YAML
 * version. The resolver is the caller's to free. */
static void check_reading(struct experiment *e, const struct node *properties,
			  const struct scenario *scenario, enum yaml_version version,
			  const char *prefix, struct template_policy *policy, struct resolver *r,
			  struct arena *arena, struct diag_list *found)
{
	const struct shape *shape = model_get()->resource;
	const struct node *request;

	diag_list_init(found);
	found->policy = &policy->base;
	resolver_init(r, arena, e->template, scenario, version);
	r->default_text_left = &e->default_text_left;
	request = resolve_value(r, properties, shape);
	if (request && request->kind != NODE_UNKNOWN) {
		check_shape(shape, request, "Properties", &naming_api, e->state->now, found);
		if (request->kind == NODE_MAPPING)
			check_cross(request, OPERATION_CLOUDFORMATION, e->state, found);
	}
	found->out_of_memory |= r->out_of_memory;
	finish_outcome(r, prefix, found);
}

/* One outcome of the conditions, read as YAML 1.1 and, when that version
 * and YAML 1.2 read some value otherwise, as YAML 1.2 too. */
static void check_outcome(struct experiment *e, const struct node *properties,
			  const struct conditions *c, unsigned outcome, const char *prefix,
			  struct findings *f)
{
	struct scenario scenario = { c->names, c->too_many ? 0 : c->count, outcome };
	struct template_policy policy = { { show_in_template }, e->diags->policy };
	struct diag_list found, found_otherwise;
	struct resolver r, otherwise;
	struct arena arena;

	arena_init(&arena);
	check_reading(e, properties, &scenario, YAML_1_1, prefix, &policy, &r, &arena,
		      &found);
	if (r.difference_count) {
		check_reading(e, properties, &scenario, YAML_1_2, prefix, &policy, &otherwise,
			      &arena, &found_otherwise);
		yaml_versions_merge(&found, &found_otherwise, r.differences, r.difference_count,
				    prefix);
		resolver_free(&otherwise);
	}
	add_findings(f, &found, outcome);
	resolver_free(&r);
	arena_free(&arena);
}

/* Each outcome reads a scalar's text again (its length, its pattern, an
 * Fn::Sub's copy), so a scalar weighs one node more for each this many
 * bytes: one string of 64 MiB checked 64 ways took 3.4 s. */
enum { TEXT_BYTES_PER_NODE = 64 };

/* How many nodes node holds, itself included, by their weight. */
static size_t count_nodes(const struct node *node)
{
	size_t count = 1;

	if (node->kind == NODE_SCALAR)
		count += node->scalar.len / TEXT_BYTES_PER_NODE;

	for (size_t i = 0; node->kind == NODE_MAPPING && i < node->mapping.count; i++)
		count += 1 + count_nodes(node->mapping.pairs[i].value);
	for (size_t i = 0; node->kind == NODE_SEQUENCE && i < node->sequence.count; i++)
		count += count_nodes(node->sequence.items[i]);
	return count;
}

/* How many outcomes of the conditions to check: all of them while the
 * budget lasts, else one, with every Fn::If on them not known. */
static unsigned outcomes_to_check(struct experiment *e, const struct node *properties,
				  struct conditions *c)
{
	size_t nodes = count_nodes(properties);
	size_t outcomes = c->too_many ? 1 : (size_t)1 << c->count;

	if (outcomes > 1 && nodes * outcomes > e->budget) {
		c->too_many = true;
		outcomes = 1;
	}
	e->budget -= nodes * outcomes < e->budget ? nodes * outcomes : e->budget;
	return (unsigned)outcomes;
}

static void check_requests(struct experiment *e, const struct node *properties)
{
	struct conditions c = { .count = 0 };
	struct findings f = { .seen = NULL };
	unsigned outcomes;

	find_conditions(e->template, properties, true, &c);
	outcomes = outcomes_to_check(e, properties, &c);
	diag_list_init_like(&f.diags, e->diags);
	for (unsigned outcome = 0; outcome < outcomes; outcome++)
		check_outcome(e, properties, &c, outcome, path_string(&e->path), &f);
	if (!c.too_many && c.count)
		say_outcomes(&f, &c);
	diag_list_move(e->diags, &f.diags);
	free(f.seen);
	free(f.slots);
}

/* ---- the template -------------------------------------------------------- */

static void check_experiment(struct experiment *e, const struct node *id,
			     const struct node *resource)
{
	const struct node *properties = node_member(resource, "Properties");
	/* Without Properties, every required one is missing: say so at the
	 * resource's name. */
	struct node none = { .kind = NODE_MAPPING, .span = id->span };

	if (!properties)
		properties = &none;
	path_init(&e->path);
	path_append_key(&e->path, "Resources", strlen("Resources"));
	path_append_key(&e->path, id->scalar.text, id->scalar.len);
	path_append_key(&e->path, "Properties", strlen("Properties"));
	for (size_t i = 0; i < sizeof resource_rules / sizeof *resource_rules; i++) {
		e->rule = resource_rules[i].rule;
		resource_rules[i].check(e, properties);
	}
	check_calls(e, properties, true);
	check_requests(e, properties);
	if (path_failed(&e->path))
		e->diags->out_of_memory = true;
	path_free(&e->path);
}

static bool is_experiment(const struct node *resource)
{
	const struct node *type = node_member(resource, "Type");

	return node_is_string(type) && strcmp(type->scalar.text, model_get()->resource_type) == 0;
}

void check_template(const struct node *root, const struct experiment_state *state,
		    struct diag_list *diags)
{
	struct template template;
	struct experiment e = { &template, state, diags, OUTCOME_NODE_BUDGET, DEFAULT_TEXT_BUDGET,
				{ { 0 } }, 0 };
	const struct node *resources;

	if (!template_read(&template, root))
		diags->out_of_memory = true;
	resources = template.resources.node;
	for (size_t i = 0; resources && i < resources->mapping.count; i++) {
		const struct pair *pair = &resources->mapping.pairs[i];
		if (node_is_string(pair->key) && is_experiment(pair->value))
			check_experiment(&e, pair->key, pair->value);
	}
	template_free(&template);
}

bool check_template_raises(enum rule_id rule)
{
	if (yaml_versions_raises(rule))
		return true;
	for (size_t i = 0; i < sizeof resource_rules / sizeof *resource_rules; i++)
		if (resource_rules[i].rule == rule)
			return true;
	for (size_t i = 0; i < sizeof call_rules / sizeof *call_rules; i++)
		if (call_rules[i].rule == rule)
			return true;
	return false;
}
