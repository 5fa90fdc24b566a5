/* Cross-field rules: what no single member's constraint can say, between
 * members and against the experiment as it is now. Each rule is one small
 * function, rule_NAME for the rule NAME, in the file of its topic and
 * registered in cross_rules below, with its catalog entry in
 * rules/catalog.yaml and its cases in testdata/cases/cross/.
 *
 * The shape rules have already reported values of the wrong type, so these
 * rules quietly skip any value they cannot read. */
#include "cross.h"

#include <stdarg.h>
#include <stdlib.h>

#include "check_shape.h"
#include "base/format.h"
#include "base/regex.h"

/* ---- spelling and reporting ---------------------------------------------- */

const char *cross_member(const struct cross *c, const char *api_name)
{
	return naming_member(c->naming, api_name);
}

char *cross_path(const struct cross *c, const char *api_path)
{
	return naming_path(c->naming, api_path);
}

char *cross_item_path(const struct cross *c, const char *list, size_t index,
		      const char *member)
{
	char *api_path = member ? format_alloc("%s[%zu].%s", list, index, member)
				: format_alloc("%s[%zu]", list, index);
	char *path = api_path ? cross_path(c, api_path) : NULL;

	free(api_path);
	return path;
}

bool cross_already_reported(const struct cross *c, const struct node *at)
{
	for (size_t i = 0; i < c->shape_diags; i++) {
		const struct diag *diag = &c->diags->items[i];
		if (diag->span.line == at->span.line && diag->span.column == at->span.column &&
		    check_shape_refuses(diag->rule))
			return true;
	}
	return false;
}

bool cross_reported_at(const struct cross *c, const struct node *at)
{
	for (size_t i = 0; i < c->diags->count; i++) {
		const struct span *span = &c->diags->items[i].span;
		if (at && span->line == at->span.line && span->column == at->span.column)
			return true;
	}
	return false;
}

bool cross_report(struct cross *c, const struct node *at, char *path, const char *format, ...)
{
	va_list args;
	bool added = false;

	if (!path)
		c->diags->out_of_memory = true;
	else if (!cross_already_reported(c, at)) {
		va_start(args, format);
		added = diag_addv(c->diags, c->rule, at->span, path, format, args);
		va_end(args);
	}
	free(path);
	return added;
}

void cross_relate(struct cross *c, const struct node *related)
{
	if (related)
		diag_set_related(c->diags, related->span);
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
		 const struct naming *naming,
		 const struct experiment_state *state, struct diag_list *diags)
{
	enum operation op = type.op;
	const struct node *described = op == OPERATION_CREATE ? NULL : state->current;
	struct experiment_state without_current = *state;
	struct cross c = {
		.request = request,
		.op = op,
		.kind = type.kind,
		.naming = naming,
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
