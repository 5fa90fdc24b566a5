/* Building a stack view: the template's properties and the previous
 * template's resolved alike, in no particular outcome of their
 * conditions, and the handler's choice made from them. */
#include "stack_view.h"

#include <string.h>

#include "check/stack_diff.h"
#include "base/path.h"
#include "check/deploy_rules.h"
#include "rules/model.h"

const char *const stack_create_only[] = {
	"Name", "Type", "RoleArn", "EndpointName", "KmsKey", NULL,
};

static const struct scenario no_outcome = { NULL, 0, 0 };

/* The Properties of the resource named logical_id in the template root,
 * when it is an experiment resource. */
static const struct node *previous_properties(const struct node *root,
					      const struct node *logical_id)
{
	const struct node *resource = node_member(node_member(root, "Resources"),
						  logical_id->scalar.text);
	const struct node *type = node_member(resource, "Type");

	if (!node_is_string(type) || strcmp(type->scalar.text, model_get()->resource_type) != 0)
		return NULL;
	return node_member(resource, "Properties");
}

static const struct node *as_mapping(const struct node *node)
{
	return node && node->kind == NODE_MAPPING ? node : NULL;
}

/* The previous template's resource, resolved with its own parameters. */
static void resolve_previous(struct stack_view *v, const struct node *logical_id,
			     size_t *default_text_left)
{
	const struct node *properties = previous_properties(v->state.previous, logical_id);
	struct template previous;

	v->has_previous = true;
	if (!properties)
		return;
	resolver_free(&v->previous_resolver);
	if (!template_read(&previous, v->state.previous)) {
		resolver_init(&v->previous_resolver, &v->arena, NULL, &no_outcome, YAML_1_1);
		v->out_of_memory = true;
	} else {
		resolver_init(&v->previous_resolver, &v->arena, &previous, &no_outcome, YAML_1_1);
		v->previous_resolver.default_text_left = default_text_left;
		v->previous = as_mapping(resolve_value(&v->previous_resolver, properties,
						       model_get()->resource));
		v->out_of_memory |= v->previous_resolver.out_of_memory;
	}
	template_free(&previous);
}

void stack_view_init(struct stack_view *v, const struct template *template,
		     const struct node *logical_id, const struct node *properties,
		     const struct experiment_state *state, size_t *default_text_left)
{
	memset(v, 0, sizeof *v);
	v->state = *state;
	arena_init(&v->arena);
	resolver_init(&v->resolver, &v->arena, template, &no_outcome, YAML_1_1);
	resolver_init(&v->previous_resolver, &v->arena, template, &no_outcome, YAML_1_1);
	v->resolver.default_text_left = default_text_left;
	/* A resource may have no Properties at all. */
	if (properties)
		v->properties = as_mapping(resolve_value(&v->resolver, properties,
							 model_get()->resource));
	v->out_of_memory |= v->resolver.out_of_memory;
	v->state = deploy_state(v->properties, state);
	v->current = v->state.current;
	if (state->previous && node_is_string(logical_id))
		resolve_previous(v, logical_id, default_text_left);
	if (v->properties)
		stack_operation_model(&v->op, v->properties, &v->state, v->current);
}

void stack_view_free(struct stack_view *v)
{
	resolver_free(&v->resolver);
	resolver_free(&v->previous_resolver);
	arena_free(&v->arena);
}

bool stack_property_changes(const struct stack_view *v, const char *member)
{
	const struct node *now = node_member(v->properties, member);
	const struct node *before = node_member(v->previous, member);
	struct path path;
	bool changes;

	if (!v->previous || (!now && !before))
		return false;
	if (!now || !before)
		return !(now && now->kind == NODE_UNKNOWN) && !(before && before->kind == NODE_UNKNOWN);
	path_init(&path);
	changes = stack_difference(now, before, v->state.now, &path) != NULL;
	path_free(&path);
	return changes;
}
