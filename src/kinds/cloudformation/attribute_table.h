/* The attributes Fn::GetAtt may read from each resource type, compiled
 * from rules/attributes.tsv (made by scripts/generate-attributes from the
 * resource provider schemas) into src/attribute_table.c by the build. */
#ifndef IELINT_ATTRIBUTE_TABLE_H
#define IELINT_ATTRIBUTE_TABLE_H

#include <stddef.h>

/* The names are offsets into attribute_text, each name ended by a NUL:
 * the table holds no pointers, so nothing in it is relocated when the
 * program starts. A type's attributes are attribute_names[first .. first +
 * count), sorted bytewise; an attribute with a * in it is a pattern, *
 * standing for any text (AWS::CloudFormation::Stack's Outputs.*). */
struct attribute_type {
	unsigned name; /* AWS::IAM::Role */
	unsigned first;
	unsigned count;
};

extern const char attribute_text[];
/* Sorted bytewise by name. */
extern const struct attribute_type attribute_types[];
extern const size_t attribute_type_count;
extern const unsigned attribute_names[];

#endif
