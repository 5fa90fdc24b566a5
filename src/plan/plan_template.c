/* The plan of a template's experiment: what the stack operation sends to
 * SageMaker (check/handler.h), against --status and
 * --current, and with --previous the properties that change since the
 * template the stack has, and whether they replace the experiment. */
#include "planner.h"

#include <stdlib.h>
#include <string.h>

#include "base/memory.h"
#include "kinds/cloudformation/stack_view.h"
#include "rules/model.h"

/* The members of the resource, in the order a plan names them. */
static const char *const plan_members[] = {
	"Name", "Type", "RoleArn", "EndpointName", "KmsKey", "Description", "DesiredState",
	"StatusReason", "Schedule", "ModelVariants", "ShadowModeConfig", "DataStorageConfig",
	"Tags", NULL,
};

static bool is_create_only(const char *member)
{
	for (const char *const *m = stack_create_only; *m; m++)
		if (strcmp(*m, member) == 0)
			return true;
	return false;
}

/* "a, b and c" of the members that pass keep; "" when none. Returns how
 * many. */
static size_t join_members(struct strbuf *b, const struct stack_view *v,
			   bool (*keep)(const struct stack_view *v, const char *member))
{
	size_t total = 0, done = 0;

	for (const char *const *m = plan_members; *m; m++)
		total += keep(v, *m);
	for (const char *const *m = plan_members; *m; m++) {
		if (!keep(v, *m))
			continue;
		if (done)
			strbuf_puts(b, done + 1 == total ? " and " : ", ");
		strbuf_puts(b, *m);
		done++;
	}
	return done;
}

static bool changes(const struct stack_view *v, const char *member)
{
	return stack_property_changes(v, member);
}

static bool replaces(const struct stack_view *v, const char *member)
{
	return is_create_only(member) && stack_property_changes(v, member);
}

/* The members an update may send, given but not sent (while Running). */
static bool given_not_sent(const struct stack_view *v, const char *member)
{
	return !is_create_only(member) && strcmp(member, "DesiredState") != 0 &&
	       strcmp(member, "StatusReason") != 0 && node_member(v->properties, member) &&
	       !stack_sends(&v->op, member);
}

static bool given_and_sent(const struct stack_view *v, const char *member)
{
	return strcmp(member, "Tags") != 0 && node_member(v->properties, member) &&
	       stack_sends(&v->op, member);
}

static bool any(const struct stack_view *v,
		bool (*keep)(const struct stack_view *v, const char *member))
{
	for (const char *const *m = plan_members; *m; m++)
		if (keep(v, *m))
			return true;
	return false;
}

/* "resource Experiment: " and the rest of the line. */
static void line_of(struct planner *p, const struct declared *declared, bool is_change,
		    const char *text, struct strbuf *more)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_puts(&b, declared->label);
	strbuf_puts(&b, ": ");
	strbuf_puts(&b, text);
	if (more) {
		strbuf_puts(&b, more->failed ? "" : strbuf_text(more));
		b.failed |= more->failed;
		strbuf_free(more);
	}
	take_buffer(p, &b, is_change);
}

/* With --previous: what changes since; true when that replaces the
 * experiment. */
static bool plan_since_previous(struct planner *p, const struct declared *declared,
				const struct stack_view *v)
{
	struct strbuf b = STRBUF_INIT;

	if (!v->previous) {
		line_of(p, declared, true, "new since --previous: the stack creates it", NULL);
		return false;
	}
	if (!any(v, changes)) {
		line_of(p, declared, false, "no property changes since --previous", NULL);
		return false;
	}
	join_members(&b, v, changes);
	line_of(p, declared, true, "changes since --previous: ", &b);
	if (!any(v, replaces))
		return false;
	strbuf_puts(&b, join_members(&b, v, replaces) > 1 ? " change" : " changes");
	strbuf_puts(&b, ", so the stack creates a new experiment and deletes the one deployed");
	line_of(p, declared, true, "replaced: ", &b);
	return true;
}

/* The stop's action for each variant, promoted first. */
static void plan_template_stop(struct planner *p, const struct declared *declared,
			       const struct stack_view *v)
{
	static const enum variant_action order[] = { VARIANT_PROMOTE, VARIANT_RETAIN,
						     VARIANT_REMOVE };
	const struct node *state = node_member(v->properties, "DesiredState");
	const struct node *source = NULL;
	struct strbuf b = STRBUF_INIT;

	strbuf_puts(&b, plan_value_text(p, state, false).text);
	strbuf_puts(&b, v->op.status_known ? "" : " (if it is Running)");
	line_of(p, declared, true, "the stack stops the experiment: Status Running -> ", &b);
	for (size_t i = 0; i < v->op.action_count; i++)
		if (v->op.actions[i].is_source)
			source = v->op.actions[i].name;
	for (size_t o = 0; o < 3; o++)
		for (size_t i = 0; i < v->op.action_count; i++) {
			const struct stop_action *a = &v->op.actions[i];
			if (a->action != order[o])
				continue;
			plan_change(p, "%s %s%s%s", a->action == VARIANT_PROMOTE ? "promotes"
				    : a->action == VARIANT_RETAIN ? "retains" : "removes",
				    name_text(p, a->name).text,
				    a->action == VARIANT_PROMOTE && source ? " in place of " : "",
				    a->action == VARIANT_PROMOTE && source
				    ? name_text(p, source).text : "");
		}
}

/* An update of the members the handler sends, compared with --current. */
static void plan_template_update(struct planner *p, const struct declared *declared,
				 const struct stack_view *v)
{
	const struct node *properties = v->properties;
	struct strbuf b = STRBUF_INIT;
	struct pair *sent = mem_calloc(properties->mapping.count + 1, sizeof *sent);
	struct node request = { .kind = NODE_MAPPING, .span = properties->span };

	join_members(&b, v, given_and_sent);
	line_of(p, declared, true, "the stack sends an update of ", &b);
	if (any(v, given_not_sent)) {
		strbuf_puts(&b, join_members(&b, v, given_not_sent) > 1 ? " are" : " is");
		strbuf_puts(&b, " not sent while the experiment is Running");
		line_of(p, declared, false, "", &b);
	}
	if (!sent) {
		p->plan->out_of_memory = true;
		return;
	}
	for (size_t i = 0; i < properties->mapping.count; i++) {
		const struct pair *pair = &properties->mapping.pairs[i];
		if (node_is_string(pair->key) && stack_sends(&v->op, pair->key->scalar.text))
			sent[request.mapping.count++] = *pair;
	}
	request.mapping.pairs = sent;
	if (v->current) {
		p->request = &request;
		p->current = v->current;
		plan_update(p);
	}
	free(sent);
}

/* What the stack operation sends, by the experiment's status. */
static void plan_operation(struct planner *p, const struct declared *declared,
			   const struct stack_view *v)
{
	char text[160];
	const char *status = status_name(v->op.status);

	switch (v->op.call) {
	case STACK_START:
		line_of(p, declared, true, "the stack starts the experiment (Status Created -> "
			"Running), and sends no other change", NULL);
		break;
	case STACK_UPDATE:
		plan_template_update(p, declared, v);
		break;
	case STACK_STOP:
		plan_template_stop(p, declared, v);
		break;
	case STACK_WAIT:
		snprintf(text, sizeof text, "the experiment is %s: the stack waits for that to "
			 "end, and sends no change but tags", status);
		line_of(p, declared, false, text, NULL);
		break;
	default:
		snprintf(text, sizeof text, "the experiment is %s: the stack changes only its "
			 "tags", status);
		line_of(p, declared, false, text, NULL);
		break;
	}
}

bool plan_template(struct planner *p, const struct declared *declared)
{
	struct template template;
	struct stack_view v;
	const struct node *saved_request = p->request, *saved_current = p->current;
	bool creates;

	if (!template_read(&template, p->root)) {
		template_free(&template);
		p->plan->out_of_memory = true;
		return true;
	}
	stack_view_init(&v, &template, declared->name, declared->members, p->state, NULL);
	creates = v.op.call == STACK_CREATE && (!v.has_previous || !v.previous);
	/* A replacement creates the experiment anew, whatever its status. */
	if (v.has_previous && plan_since_previous(p, declared, &v))
		creates = true;
	else if (v.properties && v.op.call != STACK_CREATE)
		plan_operation(p, declared, &v);
	else if (!creates)
		line_of(p, declared, false, "what the stack update sends depends on the "
			"experiment's status: give --status or --current", NULL);
	p->plan->out_of_memory |= v.out_of_memory;
	p->request = saved_request;
	p->current = saved_current;
	stack_view_free(&v);
	template_free(&template);
	return creates;
}
