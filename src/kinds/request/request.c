/* The request documents: one CreateInferenceExperiment,
 * UpdateInferenceExperiment or StopInferenceExperiment request each, as
 * given to the AWS CLI. Which request a document is, is told by its
 * members (choose.c); the document is its one experiment. */
#include "request.h"

#include "request_parts.h"
#include "check/checker.h"
#include "rules/model.h"

void request_check_as(const struct node *root, enum operation op,
		      const struct experiment_state *state, struct diag_list *diags)
{
	struct experiment x = { root, model_get()->requests[op], { KIND_REQUEST, op },
				&naming_api, "the request" };

	check_experiment(&x, state, diags);
}

bool request_has(enum operation op, const struct node *key)
{
	return shape_find_member(model_get()->requests[op], key->scalar.text,
				 key->scalar.len) != NULL;
}

static struct document_type request_check(const struct node *root, const enum operation *forced,
					  const struct experiment_state *state,
					  struct diag_list *diags)
{
	struct document_type type = { KIND_REQUEST, OPERATION_UPDATE };

	if (forced) {
		type.op = *forced;
		request_check_as(root, type.op, state, diags);
	} else {
		type.op = request_choose_and_check(root, state, diags);
	}
	return type;
}

/* A request is one experiment: the document itself. */
static void request_walk(const struct node *root, enum operation op,
			 const struct experiment_state *state, declared_visit *visit,
			 void *context)
{
	(void)state;
	struct declared declared = { NULL, NULL, NULL, root, op };

	visit(&declared, context);
}

static bool never_deployed(const struct node *value)
{
	(void)value;
	return false;
}

static bool never_detected(const struct node *root)
{
	(void)root;
	return false;
}

const struct kind kind_request = {
	.id = KIND_REQUEST,
	.naming = &naming_api,
	.detect = never_detected, /* what a document is when it is nothing else */
	.resembles = request_resembles,
	.text_resembles = request_text_resembles,
	.check = request_check,
	.walk = request_walk,
	.deployed_value = never_deployed,
	.loader_notes = load_report_local_tags,
};

bool request_kind_raises(enum rule_id rule)
{
	return request_choose_raises(rule);
}
