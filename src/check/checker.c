#include "checker.h"

#include "check_cross.h"
#include "check_shape.h"
#include "rules/model.h"

void check_request(const struct node *root, const struct experiment_state *state,
		   struct diag_list *diags)
{
	check_shape(model_get()->request, root, "the request", state->now, diags);
	check_cross(root, state, diags);
}

void check_current(const struct node *root, double now, struct diag_list *diags)
{
	check_shape(model_get()->current, root, "the current experiment", now, diags);
}
