#include "document_type.h"

#include <string.h>

#include "model.h"

static const char *const kind_names[KIND_COUNT] = {
	[KIND_REQUEST] = "request",
	[KIND_CLOUDFORMATION] = "cloudformation",
	[KIND_TERRAFORM] = "terraform",
};

const struct document_type document_types[] = {
	{ KIND_REQUEST, OPERATION_CREATE },
	{ KIND_REQUEST, OPERATION_UPDATE },
	{ KIND_REQUEST, OPERATION_STOP },
	{ KIND_CLOUDFORMATION, OPERATION_CREATE },
	{ KIND_TERRAFORM, OPERATION_CREATE },
};

const int document_type_count = sizeof document_types / sizeof *document_types;

const char *kind_name(enum kind_id kind)
{
	return kind_names[kind];
}

bool kind_parse(const char *text, enum kind_id *kind)
{
	for (int i = 0; i < KIND_COUNT; i++) {
		if (strcmp(text, kind_names[i]) == 0) {
			*kind = (enum kind_id)i;
			return true;
		}
	}
	return false;
}

const char *document_type_name(struct document_type type)
{
	return type.kind == KIND_REQUEST ? operation_name(type.op) : kind_name(type.kind);
}

const char *document_type_title(struct document_type type)
{
	switch (type.kind) {
	case KIND_CLOUDFORMATION:
		return model_get()->resource_type;
	case KIND_TERRAFORM:
		return TERRAFORM_RESOURCE_TYPE;
	default:
		return operation_title(type.op);
	}
}

const char *document_type_phrase(struct document_type type)
{
	static const char *const requests[OPERATION_COUNT] = {
		[OPERATION_CREATE] = "a create request",
		[OPERATION_UPDATE] = "an update request",
		[OPERATION_STOP] = "a stop request",
	};

	switch (type.kind) {
	case KIND_CLOUDFORMATION:
		return "a CloudFormation template";
	case KIND_TERRAFORM:
		return "a Terraform configuration";
	default:
		return requests[type.op];
	}
}

bool document_type_parse(const char *text, struct document_type *type)
{
	for (int i = 0; i < document_type_count; i++) {
		if (strcmp(text, document_type_name(document_types[i])) == 0) {
			*type = document_types[i];
			return true;
		}
	}
	return false;
}

bool document_type_creates(struct document_type type)
{
	return type.op == OPERATION_CREATE;
}

bool kind_is_resource(enum kind_id kind)
{
	return kind == KIND_CLOUDFORMATION || kind == KIND_TERRAFORM;
}
