/* The requests' shapes: every member's type and constraints, read from
 * rules/shapes.json (generated from AWS's service model by
 * scripts/update-shapes) and embedded at build time. */
#ifndef IELINT_MODEL_H
#define IELINT_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "operation.h"
#include "base/regex.h"

enum shape_type {
	SHAPE_STRING,
	SHAPE_INTEGER,
	SHAPE_TIMESTAMP,
	SHAPE_STRUCTURE,
	SHAPE_LIST,
	SHAPE_MAP,
	SHAPE_OTHER, /* a type the request does not use; accepted as is */
};

struct shape;

/* How a value that does not match a pattern is mended into the nearest one
 * that does, when that is certain. */
enum pattern_mend {
	PATTERN_MEND_NONE,
	/* Spaces, underscores and dots become hyphens; hyphens at either end
	 * go. */
	PATTERN_MEND_HYPHENS,
};

/* A pattern in words, from the patterns of rules/catalog.yaml, for the
 * messages of pattern-mismatch. The classes are PCRE2 and match one
 * character; a class absent has a NULL pattern. */
struct pattern_words {
	const char *pattern; /* as shapes.json writes it */
	const char *means;   /* the whole pattern in words: "a name of ..." */
	struct regex chars;  /* what it allows anywhere */
	const char *holds;   /* those characters in words, or NULL */
	struct regex first, last; /* what it may start and end with */
	const char *bound;   /* its repetition bound in words, or NULL */
	enum pattern_mend mend;
};

/* A member of a neighbouring API written where this request names it
 * otherwise, from the aliases of rules/catalog.yaml: unknown-member then
 * says which member is meant. */
struct member_alias {
	const char *name;  /* as written: InitialInstanceCount */
	const char *in_name; /* the shape it is written in, or NULL for any */
	const struct shape *in;
	const char *meant; /* the member meant: InstanceCount */
	const char *from;  /* where the name belongs, read after "that is the name" */
};

struct shape_member {
	const char *name;
	struct shape *shape;
	bool required;
	bool read_only; /* a resource's property that CloudFormation sets itself */
	/* A resource's property that the request it sends requires, though
	 * CloudFormation's schema does not. */
	bool optional_in_schema;
};

struct shape {
	const char *name;
	enum shape_type type;
	/* Lengths for strings and lists, values for integers. */
	bool has_min, has_max;
	long long min, max;
	const char *pattern;  /* as the service model writes it (Java syntax) */
	struct regex regex;   /* the pattern made PCRE2, matched whole */
	struct pattern_words *words; /* the pattern in words */
	const char **enum_values;
	size_t enum_count;
	struct shape_member *members;
	size_t member_count;
	struct shape *member; /* of a list */
	struct shape *key;    /* of a map: its keys' shape and its values' */
	struct shape *value;
};

struct model {
	struct shape *shapes;
	size_t shape_count;
	struct shape *requests[OPERATION_COUNT]; /* CreateInferenceExperimentRequest... */
	struct shape *current; /* DescribeInferenceExperimentResponse */
	/* The properties of the CloudFormation resource of this type. */
	const char *resource_type;
	struct shape *resource;
	const char *source;    /* where the shapes were taken from */
	/* Every pattern in words, from the catalog. */
	struct pattern_words *patterns;
	size_t pattern_count;
	/* Members of neighbouring APIs, from the catalog. */
	const struct member_alias *aliases;
	size_t alias_count;
};

/* Uses a model built elsewhere (embedded, or read by main/rules_files.c);
 * its shapes must stay. */
void model_install(const struct model *model);

/* Releases the installed shapes' and pattern words' compiled patterns. */
void model_release(void);

const struct model *model_get(void);

const struct shape_member *shape_find_member(const struct shape *shape,
					     const char *name, size_t len);

/* The alias of this name written in a mapping of the shape, or NULL. */
const struct member_alias *model_find_alias(const struct shape *in, const char *name,
					    size_t len);

/* Whether the whole text matches the shape's pattern (true when it has
 * none). The pattern is compiled on first use. */
bool shape_matches_pattern(const struct shape *shape, const char *text, size_t len);

/* How much of the text's start could still begin a match of the shape's
 * pattern (base/regex.h): where the first thing wrong with it is. */
size_t shape_viable_prefix(const struct shape *shape, const char *text, size_t len);

#endif
