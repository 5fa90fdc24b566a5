#include "kind.h"

#include "kinds/cloudformation/cloudformation.h"
#include "kinds/request/request.h"
#include "kinds/terraform/terraform.h"

/* In the order they are detected: a request is what a document is when
 * it is nothing else. */
static const struct kind *const kinds[KIND_COUNT] = {
	[KIND_CLOUDFORMATION] = &kind_cloudformation,
	[KIND_REQUEST] = &kind_request,
	[KIND_TERRAFORM] = &kind_terraform,
};

static const enum kind_id detect_order[] = { KIND_CLOUDFORMATION, KIND_TERRAFORM };

const struct kind *kind_get(enum kind_id id)
{
	return kinds[id];
}

const struct kind *kind_detect(const struct node *root)
{
	for (size_t i = 0; i < sizeof detect_order / sizeof *detect_order; i++)
		if (kinds[detect_order[i]]->detect(root))
			return kinds[detect_order[i]];
	return &kind_request;
}

bool kinds_resemble(const struct node *root)
{
	for (int id = 0; id < KIND_COUNT; id++)
		if (kinds[id]->resembles(root))
			return true;
	return false;
}

bool kinds_text_resemble(const char *text, size_t len)
{
	for (int id = 0; id < KIND_COUNT; id++)
		if (kinds[id]->text_resembles(text, len))
			return true;
	return false;
}
