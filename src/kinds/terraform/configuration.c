#include "configuration.h"

#include <string.h>

#include "base/strbuf.h"
#include "rules/document_type.h"

static bool is_key(const struct node *key, const char *word)
{
	return node_is_string(key) && strcmp(key->scalar.text, word) == 0;
}

bool is_json_syntax(const struct node *root)
{
	return !root->scalar.hcl;
}

static void visit_body(const struct node *name, const struct node *body,
		       resource_visit *visit, void *context)
{
	struct strbuf address = STRBUF_INIT;

	/* JSON syntax may give a block's bodies as a list. */
	if (body->kind == NODE_SEQUENCE) {
		for (size_t i = 0; i < body->sequence.count; i++)
			visit_body(name, body->sequence.items[i], visit, context);
		return;
	}
	strbuf_puts(&address, TERRAFORM_RESOURCE_TYPE ".");
	strbuf_add(&address, name->scalar.text, name->scalar.len);
	struct found_resource found = { name, body,
					address.failed ? TERRAFORM_RESOURCE_TYPE
						       : strbuf_text(&address) };
	visit(&found, context);
	strbuf_free(&address);
}

/* resource "awscc_sagemaker_inference_experiment" "NAME" { ... }: each
 * block is a member "resource" of the root, holding its type, then its
 * name, then its body (load/hcl.h); JSON syntax nests them the same way. */
void each_resource(const struct node *root, resource_visit *visit, void *context)
{
	for (size_t i = 0; root->kind == NODE_MAPPING && i < root->mapping.count; i++) {
		const struct node *types = root->mapping.pairs[i].value;
		if (!is_key(root->mapping.pairs[i].key, "resource") || types->kind != NODE_MAPPING)
			continue;
		for (size_t j = 0; j < types->mapping.count; j++) {
			const struct node *names = types->mapping.pairs[j].value;
			if (!is_key(types->mapping.pairs[j].key, TERRAFORM_RESOURCE_TYPE) ||
			    names->kind != NODE_MAPPING)
				continue;
			for (size_t k = 0; k < names->mapping.count; k++)
				if (node_is_string(names->mapping.pairs[k].key))
					visit_body(names->mapping.pairs[k].key,
						   names->mapping.pairs[k].value, visit, context);
		}
	}
}

static void count_resource(const struct found_resource *found, void *context)
{
	(void)found;
	++*(size_t *)context;
}

size_t configuration_experiments(const struct node *root)
{
	size_t count = 0;

	each_resource(root, count_resource, &count);
	return count;
}

/* The blocks a configuration's file is made of. */
static bool is_top_level_block(const struct node *key)
{
	static const char *const words[] = {
		"resource", "data", "variable", "locals", "output", "module", "provider",
		"terraform", "moved", "import", "check", "removed", "ephemeral", "//",
	};

	for (size_t i = 0; node_is_string(key) && i < sizeof words / sizeof *words; i++)
		if (strcmp(key->scalar.text, words[i]) == 0)
			return true;
	return false;
}

bool configuration_detect(const struct node *root)
{
	bool resource = false;

	if (root->kind != NODE_MAPPING)
		return false;
	for (size_t i = 0; i < root->mapping.count; i++) {
		if (!is_top_level_block(root->mapping.pairs[i].key))
			return false;
		resource |= is_key(root->mapping.pairs[i].key, "resource");
	}
	return resource;
}
