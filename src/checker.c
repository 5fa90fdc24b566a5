#include "checker.h"

#include "check_shape.h"
#include "model.h"

void check_request(const struct node *root, struct diag_list *diags)
{
	check_shape(model_get()->request, root, diags);
}
