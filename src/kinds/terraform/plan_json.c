#include "plan_json.h"

#include <string.h>

#include "plan_after.h"
#include "base/path.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "rules/document_type.h"

/* The attributes replace_paths names in a message, at most. */
enum { MAX_NAMED_PATHS = 8 };

/* The longest path written whole in a message. */
enum { MAX_PATH_CHARS = 200 };

static bool is_text(const struct node *node, const char *word)
{
	return node && node_is_string(node) && strcmp(node->scalar.text, word) == 0;
}

static bool is_null(const struct node *node)
{
	return !node || (node->kind == NODE_SCALAR && node->scalar.type == SCALAR_NULL);
}

/* ---- finding the entries ------------------------------------------------- */

bool plan_json_detect(const struct node *root)
{
	return root->kind == NODE_MAPPING && !root->scalar.hcl &&
	       node_member(root, "format_version") &&
	       (node_member(root, "terraform_version") || node_member(root, "resource_changes"));
}

static bool has_action(const struct node *actions, const char *word)
{
	for (size_t i = 0; actions && actions->kind == NODE_SEQUENCE &&
			   i < actions->sequence.count; i++)
		if (is_text(actions->sequence.items[i], word))
			return true;
	return false;
}

/* An entry for a managed resource of the experiment's type; a data
 * source of the same type name is read, never created. */
static bool of_experiment(const struct node *entry)
{
	return entry->kind == NODE_MAPPING &&
	       is_text(node_member(entry, "type"), TERRAFORM_RESOURCE_TYPE) &&
	       !is_text(node_member(entry, "mode"), "data");
}

static void each_entry(const struct node *root, bool sending, planned_visit *visit,
		       void *context)
{
	const struct node *changes = node_member(root, "resource_changes");

	for (size_t i = 0; changes && changes->kind == NODE_SEQUENCE &&
			   i < changes->sequence.count; i++) {
		const struct node *entry = changes->sequence.items[i];
		const struct node *change, *address;
		if (!of_experiment(entry))
			continue;
		change = node_member(entry, "change");
		if (change && change->kind != NODE_MAPPING)
			change = NULL;
		address = node_member(entry, "address");
		struct planned_change found = {
			entry,
			node_is_string(address) ? address->scalar.text : TERRAFORM_RESOURCE_TYPE,
			change ? node_member(change, "actions") : NULL,
			change ? node_member(change, "before") : NULL,
			change ? node_member(change, "after") : NULL,
			change ? node_member(change, "after_unknown") : NULL,
			change ? node_member(change, "replace_paths") : NULL,
		};
		if (sending && !has_action(found.actions, "create") &&
		    !has_action(found.actions, "update"))
			continue;
		visit(&found, context);
	}
}

void plan_json_each_change(const struct node *root, planned_visit *visit, void *context)
{
	each_entry(root, true, visit, context);
}

static void count_entry(const struct planned_change *change, void *context)
{
	(void)change;
	++*(size_t *)context;
}

bool plan_json_has_experiment(const struct node *root)
{
	size_t count = 0;

	if (root->kind == NODE_MAPPING)
		each_entry(root, false, count_entry, &count);
	return count > 0;
}

bool plan_json_keeps_schedule(const struct planned_change *change)
{
	const struct node *actions = change->actions, *unknown = change->after_unknown;
	const struct node *before, *after;

	if (!actions || actions->kind != NODE_SEQUENCE || actions->sequence.count != 1 ||
	    !is_text(actions->sequence.items[0], "update") || !change->before ||
	    change->before->kind != NODE_MAPPING || !change->after ||
	    change->after->kind != NODE_MAPPING || (unknown && unknown->kind != NODE_MAPPING))
		return false;
	before = node_member(change->before, "schedule");
	after = node_member(change->after, "schedule");
	unknown = unknown ? node_member(unknown, "schedule") : NULL;
	if (unknown && plan_marks_unknown(unknown))
		return false;
	if (is_null(before) || is_null(after))
		return is_null(before) && is_null(after);
	return node_equal(before, after);
}

/* ---- replacement ----------------------------------------------------------- */

/* Text as it is when short and printable ASCII; else shortened, with
 * what could break the message's line escaped. */
static void put_printable(struct strbuf *b, const char *text)
{
	size_t len = strlen(text);
	bool printable = len <= MAX_PATH_CHARS;

	for (size_t i = 0; printable && i < len; i++)
		printable = text[i] >= ' ' && text[i] <= '~';
	strbuf_puts(b, printable ? text : shorten(text, len).text);
}

/* One path of replace_paths as Terraform spells it: model_variants[0].model_name. */
static void put_path(struct strbuf *b, const struct node *steps)
{
	struct path path;

	path_init(&path);
	for (size_t i = 0; steps->kind == NODE_SEQUENCE && i < steps->sequence.count; i++) {
		const struct node *step = steps->sequence.items[i];
		if (node_is_string(step))
			path_append_key(&path, step->scalar.text, step->scalar.len);
		else if (step->kind == NODE_SCALAR && step->scalar.type == SCALAR_INT &&
			 step->scalar.int_value >= 0 && !step->scalar.int_overflow)
			path_append_index(&path, (size_t)step->scalar.int_value);
	}
	if (path_failed(&path))
		b->failed = true;
	else if (path_length(&path))
		put_printable(b, path_string(&path));
	path_free(&path);
}

/* What the plan gives as the reason: "; a change of name and role_arn
 * requires it". */
static bool is_path(const struct node *steps)
{
	return steps->kind == NODE_SEQUENCE && steps->sequence.count > 0;
}

static void put_reason(struct strbuf *b, const struct node *paths)
{
	size_t count = 0, named = 0;

	for (size_t i = 0; paths && paths->kind == NODE_SEQUENCE && i < paths->sequence.count; i++)
		count += is_path(paths->sequence.items[i]);
	if (!count)
		return;
	strbuf_puts(b, "; the plan's reason: a change of ");
	for (size_t i = 0; named < count && named < MAX_NAMED_PATHS; i++) {
		if (!is_path(paths->sequence.items[i]))
			continue;
		if (named > 0)
			strbuf_puts(b, named + 1 == count ? " and " : ", ");
		put_path(b, paths->sequence.items[i]);
		named++;
	}
	if (named < count)
		strbuf_puts(b, count - named == 1 ? " and 1 more attribute" : " and more attributes");
}

void plan_json_check_replacement(const struct planned_change *change, struct diag_list *diags)
{
	const struct node *actions = change->actions;
	struct strbuf b = STRBUF_INIT;
	bool delete_first;

	if (!actions || actions->kind != NODE_SEQUENCE || actions->sequence.count != 2 ||
	    !has_action(actions, "delete") || !has_action(actions, "create"))
		return;
	delete_first = is_text(actions->sequence.items[0], "delete");
	strbuf_puts(&b, delete_first
		    ? "the plan replaces the experiment: Terraform deletes the one deployed, "
		      "with what it has measured so far, then creates a new one"
		    : "the plan replaces the experiment: Terraform creates a new one, then "
		      "deletes the one deployed, with what it has measured so far");
	put_reason(&b, change->replace_paths);
	if (b.failed)
		diags->out_of_memory = true;
	else
		diag_add(diags, RULE_REPLACES_EXPERIMENT, actions->span, change->address, "%s",
			 strbuf_text(&b));
	strbuf_free(&b);
}
