/* A CloudFormation template: how one is told from a request, and the
 * names of its sections that references in it may use. */
#ifndef IELINT_TEMPLATE_H
#define IELINT_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "load/node.h"

/* A member's name, held beside its pair so that a lookup reads one array. */
struct section_name {
	const char *text;
	size_t len;
	const struct pair *pair;
};

/* A section's members by name, so that a template of many references
 * and many resources costs no quadratic time: sorted, and hashed for
 * speed. The variables of an Fn::Sub are looked up the same way. */
struct section {
	const struct node *node; /* the mapping, or NULL */
	struct section_name *names; /* sorted */
	size_t count;
	size_t *slots;     /* a name's index in names plus one, at its hash; 0: empty */
	size_t slot_count; /* a power of two, or 0 when names are only searched */
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
	/* Among them AWS::LanguageExtensions, which brings Fn::Length,
	 * Fn::ToJsonString and Fn::ForEach. */
	bool language_extensions;
};

/* Whether a document is a template: it has AWSTemplateFormatVersion, or
 * a Resources mapping whose members are mappings with a Type. */
bool template_detect(const struct node *root);

/* False when memory runs out. The template must be freed either way. */
bool template_read(struct template *template, const struct node *root);
void template_free(struct template *template);

/* Sorts the members of a mapping whose keys are strings (none when
 * mapping is NULL or no mapping); false when memory runs out. The
 * section must be freed either way. */
bool section_index(struct section *section, const struct node *mapping);
void section_free(struct section *section);

/* The value of the section's member named text, or NULL. */
const struct node *template_find(const struct section *section, const char *text,
				 size_t len);

/* Whether a Ref may name it without the template declaring it:
 * AWS::Region, AWS::NoValue and the other pseudo parameters. */
bool template_is_pseudo_parameter(const char *text, size_t len);

#endif
