/* The document tree: what the loader builds from JSON or YAML and the
 * checker walks. Every node knows where it came from in the source. */
#ifndef IELINT_NODE_H
#define IELINT_NODE_H

#include <stdbool.h>
#include <stddef.h>

/* 1-based line and column, columns counted in Unicode code points; the end
 * is exclusive (the column just past the last character), as SARIF wants. */
struct span {
	int line;
	int column;
	int end_line;
	int end_column;
};

enum node_kind {
	NODE_SCALAR,
	NODE_MAPPING,
	NODE_SEQUENCE,
	/* A value known only when CloudFormation deploys the template, such
	 * as a !GetAtt: made by kinds/cloudformation/resolve.c, never by the loader. */
	NODE_UNKNOWN,
};

/* The type the AWS CLI would give a scalar, which is what it would send. */
enum scalar_type {
	SCALAR_NULL,
	SCALAR_BOOL,
	SCALAR_INT,
	SCALAR_FLOAT,
	SCALAR_STRING,
	SCALAR_DATE,     /* an unquoted YAML date: 2030-01-10 */
	SCALAR_DATETIME, /* an unquoted YAML date and time */
};

struct node;

/* A tag of the document's own rather than one of YAML's standard tags,
 * such as CloudFormation's !Ref, as written. */
struct node_tag {
	const char *text; /* "!Ref" */
	size_t len;
	struct span span;
};

struct pair {
	struct node *key;
	struct node *value;
};

struct scalar {
	enum scalar_type type;
	const char *text;   /* the value after unescaping, NUL-terminated */
	size_t len;         /* in bytes; the text may hold NUL only if escaped */
	const char *source; /* the scalar as written, quotes included */
	size_t source_len;
	/* For SCALAR_INT: the value, or int_overflow when it does not fit. */
	long long int_value;
	bool int_overflow;
	bool bool_value;
	/* Unquoted YAML without a tag, whose type YAML 1.1 and YAML 1.2 may
	 * tell apart (017, yes): a template's is read by both. */
	bool yaml_plain;
	/* Read from HCL native syntax (load/hcl.h): a fix writes HCL. */
	bool hcl;
	/* A number such as 2.0 taken as the integer it equals, as a template's
	 * integer member may be (kinds/cloudformation/resolve.c). */
	bool integral_float;
};

struct node {
	enum node_kind kind;
	struct span span;
	/* How many nodes this one stands for once aliases are expanded. */
	size_t weight;
	/* In an anchored value: aliases may stand for the same text, so no
	 * fix may rewrite it for one of them. */
	bool shared;
	/* Written with a tag of any kind (!!str, !Ref): what its text means
	 * is the tag's to say, so no fix rewrites the text alone. */
	bool tagged;
	/* YAML's merge key (an unquoted <<, or !!merge): the loader copies
	 * the mappings it names into the mapping that holds it, and drops it
	 * from that mapping's members. */
	bool merge_key;
	const struct node_tag *tag; /* its local tag, or NULL */
	union {
		struct scalar scalar;
		struct {
			struct pair *pairs;
			size_t count;
		} mapping;
		struct {
			struct node **items;
			size_t count;
		} sequence;
	};
};

/* The value of a mapping's member whose key is the string `name`, or NULL. */
struct node *node_member(const struct node *mapping, const char *name);

/* The node at a path of member names ending with NULL, or NULL when any
 * step is missing: node_dig(request, "Schedule", "EndTime", NULL). */
const struct node *node_dig(const struct node *node, ...);

bool node_is_string(const struct node *node);

/* Orders two scalar keys by text, then length, then type (1 and "1" are
 * two keys); 0 when they name the same member. */
int node_key_order(const struct node *a, const struct node *b);

/* Whether two values load as the same value, as the AWS CLI would load
 * them: scalars of the same type and value (1 and 1.0 differ, 0x10 and 16
 * do not), with the same local tag if any; lists of equal items in order;
 * mappings with equal members in any order. Mappings with repeated keys
 * are equal only when their members pair up one to one. */
bool node_equal(const struct node *a, const struct node *b);

/* node_equal's test of two scalars. A number written 2.0 that a template's
 * integer member takes as 2 (integral_float) is not the integer written 2:
 * what CloudFormation makes of it is not known. The loader never sets
 * integral_float; the reading of a template's scalars by two YAML
 * versions (kinds/cloudformation/resolve.c) compares with it. */
bool node_scalar_equal(const struct scalar *a, const struct scalar *b);

const char *node_kind_name(enum node_kind kind);
const char *scalar_type_name(enum scalar_type type);

#endif
