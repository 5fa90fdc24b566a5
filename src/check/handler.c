/* The resource handler's choices, as its public source makes them: at a
 * stack update, the experiment's status decides what is sent, and a stop
 * computes each variant's action from the names the template keeps in
 * ModelVariants. */
#include "handler.h"

#include <string.h>

#include "request_read.h"

/* The members each call sends, besides Tags, which every one updates. */
static const char *const create_members[] = {
	"Name", "Description", "Type", "RoleArn", "EndpointName", "Schedule", "KmsKey",
	"DataStorageConfig", "ModelVariants", "ShadowModeConfig", NULL,
};
static const char *const update_created_members[] = {
	"Name", "Description", "Schedule", "DataStorageConfig", "ModelVariants",
	"ShadowModeConfig", NULL,
};
static const char *const update_running_members[] = {
	"Name", "Description", "Schedule", "ShadowModeConfig", NULL,
};
static const char *const stop_members[] = {
	"DesiredState", "StatusReason", "ModelVariants", NULL,
};
static const char *const no_members[] = { NULL };

bool stack_desires(const struct node *properties, const char *state)
{
	const char *text = text_of(node_member(properties, "DesiredState"));

	return text && strcmp(text, state) == 0;
}

bool stack_desires_stop(const struct node *properties)
{
	return stack_desires(properties, "Completed") || stack_desires(properties, "Cancelled");
}

const char *variant_action_name(enum variant_action action)
{
	return action == VARIANT_PROMOTE ? "Promote" : action == VARIANT_REMOVE ? "Remove"
										 : "Retain";
}

/* Whether the template's ModelVariants keep the variant named name. */
static bool kept(const struct node *properties, const struct node *name)
{
	return variant_named(node_member(properties, "ModelVariants"), name, same_text) != NULL;
}

/* The source is retained when it is kept, else removed; each shadow is
 * removed when it is not kept, promoted when it is and the source goes,
 * else retained. */
static void compute_actions(struct stack_operation *op, const struct node *properties,
			    const struct node *experiment)
{
	const struct node *config = node_member(experiment, "ShadowModeConfig");
	const struct node *source = node_member(config, "SourceModelVariantName");
	const struct node *shadows = node_member(config, "ShadowModelVariants");
	bool source_removed = !node_is_string(source) || !kept(properties, source);

	op->action_count = 0;
	if (node_is_string(source))
		op->actions[op->action_count++] = (struct stop_action){
			source, true, source_removed ? VARIANT_REMOVE : VARIANT_RETAIN };
	for (size_t i = 0; i < item_count(shadows) && op->action_count < MAX_STOP_VARIANTS; i++) {
		const struct node *name = node_member(item_at(shadows, i), "ShadowModelVariantName");
		if (!node_is_string(name))
			continue;
		op->actions[op->action_count++] = (struct stop_action){
			name, false, !kept(properties, name) ? VARIANT_REMOVE
				     : source_removed ? VARIANT_PROMOTE : VARIANT_RETAIN };
	}
}

static enum stack_call call_at(enum experiment_status status, const struct node *properties)
{
	switch (status) {
	case STATUS_CREATED:
		return stack_desires(properties, "Running") ? STACK_START : STACK_UPDATE;
	case STATUS_RUNNING:
		return stack_desires_stop(properties) ? STACK_STOP : STACK_UPDATE;
	case STATUS_UPDATING:
	case STATUS_STOPPING:
		return STACK_WAIT;
	default:
		return STACK_TAGS_ONLY;
	}
}

void stack_operation_model(struct stack_operation *op, const struct node *properties,
			   const struct experiment_state *state, const struct node *current)
{
	memset(op, 0, sizeof *op);
	op->status_known = state->has_status;
	op->status = state->status;
	if (op->status_known)
		op->call = call_at(op->status, properties);
	else if (stack_desires_stop(properties))
		op->call = STACK_STOP; /* a template that stops is for a running one */
	else
		op->call = STACK_CREATE;
	if (op->call == STACK_STOP) {
		op->variants_from_current = current != NULL;
		compute_actions(op, properties, current ? current : properties);
	}
}

static const char *const *members_sent(const struct stack_operation *op)
{
	switch (op->call) {
	case STACK_CREATE:
		return create_members;
	case STACK_UPDATE:
		return op->status == STATUS_CREATED ? update_created_members
						    : update_running_members;
	case STACK_STOP:
		return stop_members;
	default:
		return no_members;
	}
}

bool stack_sends(const struct stack_operation *op, const char *member)
{
	if (strcmp(member, "Tags") == 0)
		return true;
	for (const char *const *m = members_sent(op); *m; m++)
		if (strcmp(*m, member) == 0)
			return true;
	return false;
}
