/* The attributes CloudFormation reads from the experiment's resource
 * itself. Both rules run with the path of the Properties, and report at
 * the resource's attributes beside them. */
#include "resource_attributes.h"

#include <string.h>

#include "intrinsic.h"
#include "check/suggest.h"

static const char properties_step[] = ".Properties";

/* Puts the attribute's path in place of the Properties' (cloudformation.c
 * makes that one Resources.NAME.Properties); returns the resource's. */
static size_t enter_attribute(struct resource_check *e, const char *name)
{
	size_t length = path_length(e->path), step = strlen(properties_step);
	const char *text = path_string(e->path);

	if (length >= step && strcmp(text + length - step, properties_step) == 0)
		length -= step;
	path_truncate(e->path, length);
	path_append_key(e->path, name, strlen(name));
	return length;
}

/* Puts the Properties' path back. */
static void leave_attribute(struct resource_check *e, size_t resource_path)
{
	path_truncate(e->path, resource_path);
	path_append_key(e->path, properties_step + 1, strlen(properties_step + 1));
}

/* ---- attribute-reference ------------------------------------------------- */

static void check_condition(struct resource_check *e, const struct node *condition)
{
	const struct section *conditions = &e->template->conditions;

	if (!node_is_string(condition)) {
		resource_report(e, condition->span, "Condition takes the name of a condition of the "
		       "template, as a string");
		return;
	}
	if (e->template->transformed ||
	    template_find(conditions, condition->scalar.text, condition->scalar.len))
		return;
	resource_report(e, condition->span, "Condition names %s, which the Conditions section lacks%s",
	       quote(condition->scalar.text, condition->scalar.len).text,
	       suggest_name(e, condition, conditions, condition->scalar.text,
			    condition->scalar.len).text);
}

static void check_dependency(struct resource_check *e, const struct node *name)
{
	const struct section *resources = &e->template->resources;

	if (!node_is_string(name)) {
		resource_report(e, name->span, "DependsOn takes the name of a resource, or a list of them");
		return;
	}
	if (template_find(resources, name->scalar.text, name->scalar.len) == e->resource &&
	    e->resource) {
		resource_report(e, name->span, "DependsOn names the experiment itself, which CloudFormation "
		       "refuses as a circular dependency");
		return;
	}
	if (e->template->transformed ||
	    template_find(resources, name->scalar.text, name->scalar.len))
		return;
	resource_report(e, name->span, "DependsOn names %s, which is no resource of the template%s",
	       quote(name->scalar.text, name->scalar.len).text,
	       suggest_name(e, name, resources, name->scalar.text, name->scalar.len).text);
}

void rule_attribute_reference(struct resource_check *e, const struct node *properties)
{
	const struct node *condition = node_member(e->resource, "Condition");
	const struct node *depends_on = node_member(e->resource, "DependsOn");
	size_t resource_path;

	(void)properties;
	if (condition) {
		resource_path = enter_attribute(e, "Condition");
		check_condition(e, condition);
		leave_attribute(e, resource_path);
	}
	if (!depends_on)
		return;
	resource_path = enter_attribute(e, "DependsOn");
	if (depends_on->kind != NODE_SEQUENCE) {
		check_dependency(e, depends_on);
	} else {
		for (size_t i = 0; i < depends_on->sequence.count; i++) {
			size_t mark = path_length(e->path);
			path_append_index(e->path, i);
			check_dependency(e, depends_on->sequence.items[i]);
			path_truncate(e->path, mark);
		}
	}
	leave_attribute(e, resource_path);
}

/* ---- unknown-policy ------------------------------------------------------ */

/* What CloudFormation takes for the experiment's type: Snapshot only for
 * the types that keep snapshots (databases, volumes, caches), and
 * RetainExceptOnCreate only as a DeletionPolicy (as cfn-lint 1.51.0
 * holds, E3035 and E3036). */
static const char *const deletion_policies[] = { "Delete", "Retain", "RetainExceptOnCreate",
						  NULL };
static const char *const update_replace_policies[] = { "Delete", "Retain", NULL };

static bool listed(const char *const *values, const char *text)
{
	for (size_t i = 0; values[i]; i++)
		if (strcmp(values[i], text) == 0)
			return true;
	return false;
}

static void check_policy(struct resource_check *e, const char *attribute,
			 const char *const *values, const char *in_words)
{
	const struct node *policy = node_member(e->resource, attribute);
	struct intrinsic call;
	struct suggestion s;
	size_t resource_path;

	/* A function's value is the deploy's to know. */
	if (!policy || intrinsic_read(policy, true, &call))
		return;
	if (node_is_string(policy) && listed(values, policy->scalar.text))
		return;
	resource_path = enter_attribute(e, attribute);
	if (!node_is_string(policy)) {
		resource_report(e, policy->span, "%s takes one of %s, as a string", attribute, in_words);
	} else {
		suggestion_init(&s, policy->scalar.text, policy->scalar.len);
		for (size_t i = 0; values[i]; i++)
			suggestion_consider(&s, values[i]);
		if (strcmp(policy->scalar.text, "Snapshot") == 0)
			resource_report(e, policy->span, "%s: Snapshot is only for resources whose data "
			       "CloudFormation can keep a snapshot of, which an experiment is not",
			       attribute);
		else
			resource_report(e, policy->span, "%s is %s, which is none of %s%s%s%s", attribute,
			       quote(policy->scalar.text, policy->scalar.len).text, in_words,
			       s.best ? "; did you mean \"" : "", s.best ? s.best : "",
			       s.best ? "\"?" : "");
	}
	leave_attribute(e, resource_path);
}

void rule_unknown_policy(struct resource_check *e, const struct node *properties)
{
	(void)properties;
	check_policy(e, "DeletionPolicy", deletion_policies,
		     "Delete, Retain and RetainExceptOnCreate");
	check_policy(e, "UpdateReplacePolicy", update_replace_policies, "Delete and Retain");
}
