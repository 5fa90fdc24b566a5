#include "checker.h"

#include "check_cross.h"
#include "check_shape.h"

void check_experiment(const struct experiment *x, const struct experiment_state *state,
		      struct diag_list *diags)
{
	check_shape(x->shape, x->request, x->root_label, x->naming, x->type, state->now, diags);
	if (x->request->kind == NODE_MAPPING)
		check_cross(x->request, x->type, x->naming, state, diags);
}

void check_current(const struct node *root, double now, struct diag_list *diags)
{
	/* A description, read as the AWS CLI prints it. */
	static const struct document_type described = { KIND_REQUEST, OPERATION_UPDATE };

	check_shape(model_get()->current, root, "the current experiment", &naming_api, described,
		    now, diags);
}
