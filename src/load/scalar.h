/* How an unquoted scalar is typed, the way the AWS CLI types it: YAML 1.2
 * core resolution plus YAML 1.1 timestamps for YAML, plain JSON for JSON. */
#ifndef IELINT_SCALAR_H
#define IELINT_SCALAR_H

#include <stdbool.h>
#include <stddef.h>

#include "node.h"

enum scalar_type scalar_resolve_yaml(const char *text, size_t len);
enum scalar_type scalar_resolve_json(const char *text, size_t len);

/* The value of an integer written in YAML (signs, underscores, 0b/0o/0x)
 * or JSON. Returns false when it does not fit in a long long. */
bool scalar_parse_int(const char *text, size_t len, long long *value);

/* Sets the value of an integer or boolean scalar, as its text says. */
void scalar_set_value(struct scalar *scalar);

/* The YAML versions a CloudFormation template may be read by. YAML 1.1 is
 * the one PyYAML (and so cfn-lint) implements and, as far as is publicly
 * known, CloudFormation too; YAML 1.2's core schema reads some plain
 * scalars otherwise: 017 is 15 to YAML 1.1 and 17 to YAML 1.2, yes is a
 * boolean to one and text to the other. */
enum yaml_version {
	YAML_1_1,
	YAML_1_2,
};

/* A plain scalar as a version types it: SCALAR_DATE and SCALAR_DATETIME
 * only in YAML 1.1, whose timestamps YAML 1.2's core schema lacks. */
struct yaml_value {
	enum scalar_type type;
	long long int_value;
	bool int_overflow; /* an integer past long long (YAML's have no bound) */
	double float_value;
	bool bool_value;
	/* How an integer or float was written when not in decimal: "octal",
	 * "binary", "hexadecimal", "base 60"; NULL otherwise. */
	const char *notation;
};

struct yaml_value scalar_read_yaml(const char *text, size_t len, enum yaml_version version);

/* A float as JSON writers and Python write it: the fewest digits that
 * read back as the same number, with a point or an exponent (2.0, 0.5,
 * 1e+20). */
void scalar_format_float(double value, char *out, size_t size);

/* Releases the compiled patterns (they are compiled on first use). */
void scalar_release(void);

struct regex;
/* The patterns plain scalars are typed matches with, ending with NULL: the build compiles
 * them ahead (see regex_use_built). */
extern struct regex *const scalar_regexes[];

#endif
