/* A CloudFormation template: how one is told from a request, and the
 * names of its sections that references in it may use. */
#ifndef IELINT_TEMPLATE_H
#define IELINT_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "load/node.h"

/* A section's members sorted by name, so that a template of many
 * references and many resources costs no quadratic time. */
struct section {
	const struct node *node; /* the mapping, or NULL */
	const struct pair **sorted;
	size_t count;
};

struct template {
	struct section parameters;
	struct section conditions;
	struct section mappings;
	struct section resources;
	/* A Transform (such as AWS::Serverless) runs macros that add
	 * resources and parameters of their own before CloudFormation reads
	 * the template, so a reference to a name it lacks may still hold. */
	bool transformed;
};

/* Whether a document is a template: it has AWSTemplateFormatVersion, or
 * a Resources mapping whose members are mappings with a Type. */
bool template_detect(const struct node *root);

/* False when memory runs out. The template must be freed either way. */
bool template_read(struct template *template, const struct node *root);
void template_free(struct template *template);

/* The value of the section's member named text, or NULL. */
const struct node *template_find(const struct section *section, const char *text,
				 size_t len);

/* Whether a Ref may name it without the template declaring it:
 * AWS::Region, AWS::NoValue and the other pseudo parameters. */
bool template_is_pseudo_parameter(const char *text, size_t len);

#endif
