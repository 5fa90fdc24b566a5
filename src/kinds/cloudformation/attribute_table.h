/* The attributes Fn::GetAtt may read from each resource type, compiled
 * from rules/attributes.tsv (made by scripts/generate-attributes from the
 * resource provider schemas) into src/attribute_table.c by the build. */
#ifndef IELINT_ATTRIBUTE_TABLE_H
#define IELINT_ATTRIBUTE_TABLE_H

#include <stddef.h>

/* A type's attributes are attribute_names[first .. first + count), sorted
 * bytewise; an attribute with a * in it is a pattern, * standing for any
 * text (AWS::CloudFormation::Stack's Outputs.*). */
struct attribute_type {
	const char *name; /* AWS::IAM::Role */
	unsigned first;
	unsigned count;
};

/* Sorted bytewise by name. */
extern const struct attribute_type attribute_types[];
extern const size_t attribute_type_count;
extern const char *const attribute_names[];

#endif
