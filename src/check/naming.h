/* How a kind of document spells the members of the experiment. Every
 * check reads the request by the API's member names (a kind hands the
 * checks a tree keyed by them); only what is printed, a message or a
 * path, goes through the kind's naming: "InstanceType" in a request or a
 * template, "instance_type" in Terraform. */
#ifndef IELINT_NAMING_H
#define IELINT_NAMING_H

#include <stddef.h>

struct naming {
	/* The document's spelling of a member the API names api_name. The
	 * text lives as long as the naming. */
	const char *(*member)(const char *api_name);
	/* What the document calls a member: "member", or Terraform's
	 * "attribute". */
	const char *member_word;
};

/* The API's own names, as requests and CloudFormation templates write them. */
extern const struct naming naming_api;

/* The document's spelling of a member. */
const char *naming_member(const struct naming *naming, const char *api_name);

/* A member path, such as ModelVariants[1].VariantName, spelled member by
 * member; the indexes and quoted keys stay as they are. Returns a text
 * the caller frees, or NULL when memory runs out. */
char *naming_path(const struct naming *naming, const char *path);

#endif
