/* What a document is: its kind (a request, a CloudFormation template, a
 * Terraform configuration or plan)
 * and the operation of the experiments it holds. A request document is
 * one request, create, update or stop; a template declares experiments
 * that CloudFormation creates. How each kind is read and walked is
 * kinds/'s business; these are the names the catalog, the command line
 * and the reports give them. */
#ifndef IELINT_DOCUMENT_TYPE_H
#define IELINT_DOCUMENT_TYPE_H

#include <stdbool.h>

#include "operation.h"

enum kind_id {
	KIND_REQUEST,
	KIND_CLOUDFORMATION,
	KIND_TERRAFORM,
	KIND_COUNT
};

/* The awscc provider's resource type of the experiment, in Terraform. */
#define TERRAFORM_RESOURCE_TYPE "awscc_sagemaker_inference_experiment"

/* A set of kinds, one bit each: those a rule checks. */
#define KIND_BIT(kind) (1u << (kind))
#define KINDS_ALL ((1u << KIND_COUNT) - 1)

struct document_type {
	enum kind_id kind;
	enum operation op;
};

/* "request", "cloudformation": as the catalog's kinds: name them. */
const char *kind_name(enum kind_id kind);
bool kind_parse(const char *text, enum kind_id *kind);

/* Every type of document ielint checks, in the order reports list them:
 * the three requests, then the kinds that hold experiments of one
 * operation. */
extern const struct document_type document_types[];
extern const int document_type_count;

/* As --operation and reports name it: the request's operation (create),
 * or the kind of any other document (cloudformation). */
const char *document_type_name(struct document_type type);

/* CreateInferenceExperiment; for a template, the resource type. */
const char *document_type_title(struct document_type type);

/* For people: "an update request", "a CloudFormation template". */
const char *document_type_phrase(struct document_type type);

/* Reads a name document_type_name() gives. */
bool document_type_parse(const char *text, struct document_type *type);

/* Whether the document makes new experiments: a create request, or a
 * template's resource. */
bool document_type_creates(struct document_type type);

/* Whether the kind declares its experiments as resources, which
 * CloudFormation's resource handler creates and updates (Terraform's
 * awscc provider runs the same handler through Cloud Control): the
 * handler, not the AWS CLI, reads their values. */
bool kind_is_resource(enum kind_id kind);

#endif
