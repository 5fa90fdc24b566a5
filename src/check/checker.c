#include "checker.h"

#include <string.h>

#include "check_cross.h"
#include "check_shape.h"
#include "check_template.h"
#include "template.h"
#include "rules/model.h"

/* The members that only one request has. */
static const char *const create_members[] = { "RoleArn", "EndpointName", "Type", "Tags" };
static const char *const stop_members[] = { "ModelVariantActions", "DesiredModelVariants",
					    "DesiredState", "Reason" };

static size_t members_of(const struct node *root, const char *const *names, size_t count,
			 const struct node **first)
{
	size_t found = 0;

	for (size_t i = 0; i < root->mapping.count; i++) {
		const struct node *key = root->mapping.pairs[i].key;
		for (size_t n = 0; node_is_string(key) && n < count; n++) {
			if (strcmp(key->scalar.text, names[n]) != 0)
				continue;
			if (!found++)
				*first = key;
		}
	}
	return found;
}

#define COUNT(a) (sizeof(a) / sizeof *(a))

enum operation check_operation(const struct node *root, struct diag_list *diags)
{
	const struct node *create_key = NULL, *stop_key = NULL;
	size_t create = members_of(root, create_members, COUNT(create_members), &create_key);
	size_t stop = members_of(root, stop_members, COUNT(stop_members), &stop_key);
	enum operation op = create >= stop ? OPERATION_CREATE : OPERATION_STOP;

	if (template_detect(root))
		return OPERATION_CLOUDFORMATION;
	if (!create && !stop)
		return OPERATION_UPDATE;
	/* At the first member of the request it is not checked as. */
	if (create && stop) {
		const struct node *other = op == OPERATION_CREATE ? stop_key : create_key;
		diag_add(diags, RULE_OPERATION_ASSUMED, other->span, other->scalar.text,
			 "%s belongs to a %s request, but the document has more members of "
			 "a %s request, and is checked as one (%s); give --operation to "
			 "say which it is", other->scalar.text,
			 op == OPERATION_CREATE ? "stop" : "create", operation_name(op),
			 operation_title(op));
	}
	return op;
}

void check_request(const struct node *root, enum operation op,
		   const struct experiment_state *state, struct diag_list *diags)
{
	if (op == OPERATION_CLOUDFORMATION) {
		check_template(root, state, diags);
		return;
	}
	check_shape(model_get()->requests[op], root, "the request", state->now, diags);
	check_cross(root, op, state, diags);
}

void check_current(const struct node *root, double now, struct diag_list *diags)
{
	check_shape(model_get()->current, root, "the current experiment", now, diags);
}

static const enum rule_id raised_rules[] = { RULE_OPERATION_ASSUMED };

bool checker_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
