/* The template's rules of what a stack operation sends for an
 * experiment. Those that read only the properties as sent and the
 * experiment deployed are every deploy's (check/deploy_rules.h), run from
 * here with a stack's words; the ones that compare with the template the
 * stack has (--previous) are the template's own: each a small function,
 * rule_NAME for the rule NAME, registered in stack_rules below, with its
 * catalog entry in rules/catalog.yaml (kinds: [cloudformation]) and its
 * cases in testdata/cases/cloudformation/.
 *
 * They read the properties as CloudFormation sends them (resolve.h), in
 * no particular outcome of the conditions: a value an Fn::If chooses is
 * not known, and passed over. */
#include "stack_rules.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "stack_view.h"
#include "base/quote.h"
#include "check/deploy_rules.h"
#include "check/naming.h"

struct stack_check {
	const struct stack_view *view;
	const struct node *properties; /* as sent */
	const char *prefix;
	struct diag_list *diags;
	enum rule_id rule;
};

/* Raises the rule being checked at node, whose path below Properties is
 * member (a path in the API's names, which templates share). */
__attribute__((format(printf, 4, 5)))
static void report(struct stack_check *s, const struct node *at, const char *member,
		   const char *format, ...)
{
	char *path = diag_join_path(s->prefix, member);
	va_list args;

	if (!path) {
		s->diags->out_of_memory = true;
		return;
	}
	va_start(args, format);
	diag_addv(s->diags, s->rule, at->span, path, format, args);
	va_end(args);
	free(path);
}

static struct quoted name_of(const struct node *name)
{
	return quote(name->scalar.text, name->scalar.len);
}

/* A property's value in a message: quoted text, or what it is. */
static struct quoted plan_text(const struct node *value)
{
	static const char *const what[] = {
		[NODE_MAPPING] = "(a mapping)", [NODE_SEQUENCE] = "(a list)",
		[NODE_UNKNOWN] = "(a value set when deployed)",
	};

	if (value->kind == NODE_SCALAR)
		return name_of(value);
	return shorten(what[value->kind], strlen(what[value->kind]));
}

/* ---- replacing the experiment ---------------------------------------------- */

/* A create-only property changed since the template the stack has. */
static void rule_replaces_experiment(struct stack_check *s)
{
	for (const char *const *m = stack_create_only; *m; m++) {
		const struct node *now = node_member(s->properties, *m);
		const struct node *before = node_member(s->view->previous, *m);
		if (!stack_property_changes(s->view, *m))
			continue;
		report(s, now ? now : s->properties, now ? *m : "",
		       "%s %s%s%s%s%s: CloudFormation sets it only when it creates the "
		       "experiment, so the stack update replaces the experiment: it creates a "
		       "new one and deletes the one deployed", *m,
		       before ? "changes from " : "is added",
		       before ? plan_text(before).text : "", before ? " (--previous)" : "",
		       before && now ? " to " : before ? " and is removed" : "",
		       before && now ? plan_text(now).text : "");
	}
}

static const struct stack_rule {
	enum rule_id rule;
	void (*check)(struct stack_check *s);
} stack_rules[] = {
	{ RULE_REPLACES_EXPERIMENT, rule_replaces_experiment },
};

/* ---- running them -------------------------------------------------------- */

void stack_rules_check(const struct template *template, const struct node *logical_id,
		       const struct node *properties, const char *prefix,
		       const struct experiment_state *state, struct outcome_budget *budget,
		       struct diag_list *diags)
{
	struct stack_view view;
	struct stack_check s = { .prefix = prefix, .diags = diags };

	stack_view_init(&view, template, logical_id, properties, state, &budget->default_text);
	s.view = &view;
	s.properties = view.properties;
	struct deploy deploy = { view.properties, view.current, &view.state, &view.op,
				 view.previous != NULL, &naming_api, deploy_words_of(KIND_CLOUDFORMATION), prefix };
	deploy_rules_check(&deploy, diags);
	for (size_t i = 0; s.properties && i < sizeof stack_rules / sizeof *stack_rules; i++) {
		s.rule = stack_rules[i].rule;
		stack_rules[i].check(&s);
	}
	diags->out_of_memory |= view.out_of_memory;
	stack_view_free(&view);
}

bool stack_rules_raise(enum rule_id rule)
{
	for (size_t i = 0; i < sizeof stack_rules / sizeof *stack_rules; i++)
		if (stack_rules[i].rule == rule)
			return true;
	return false;
}
