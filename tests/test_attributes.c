/* The attribute table (kinds/cloudformation/attributes.h): sorted as the
 * binary search needs, exact names found, * patterns matched, and a type
 * the table lacks left unknown. */
#include "unit.h"

#include <string.h>

#include "kinds/cloudformation/attributes.h"

static const struct attribute_type *type_named(const char *name)
{
	return attribute_type_find(name, strlen(name));
}

static bool has(const char *type, const char *attribute)
{
	return attribute_type_has(type_named(type), attribute, strlen(attribute));
}

START_TEST(the_table_is_sorted)
{
	ck_assert_uint_gt(attribute_type_count, 1000);
	for (size_t i = 0; i < attribute_type_count; i++) {
		const struct attribute_type *t = &attribute_types[i];
		ck_assert_uint_gt(t->count, 0);
		if (i > 0)
			ck_assert_msg(strcmp(attribute_text + attribute_types[i - 1].name,
					     attribute_text + t->name) < 0,
				      "types out of order at %s", attribute_text + t->name);
		for (unsigned j = 1; j < t->count; j++)
			ck_assert_msg(strcmp(attribute_text + attribute_names[t->first + j - 1],
					     attribute_text + attribute_names[t->first + j]) < 0,
				      "attributes of %s out of order", attribute_text + t->name);
	}
}
END_TEST

START_TEST(exact_names_are_found)
{
	ck_assert_ptr_nonnull(type_named("AWS::IAM::Role"));
	ck_assert(has("AWS::IAM::Role", "Arn"));
	ck_assert(has("AWS::IAM::Role", "RoleId"));
	ck_assert(!has("AWS::IAM::Role", "Arnn"));
	ck_assert(!has("AWS::IAM::Role", "arn"));
	ck_assert(!has("AWS::IAM::Role", ""));
	ck_assert(has("AWS::SageMaker::Endpoint", "EndpointName"));
	ck_assert(has("AWS::S3::Bucket", "MetadataConfiguration.Destination"));
	ck_assert(!has("AWS::S3::Bucket", "MetadataConfiguration"));
}
END_TEST

START_TEST(patterns_take_any_text_for_a_star)
{
	ck_assert(has("AWS::CloudFormation::Stack", "Outputs.ModelName"));
	ck_assert(has("AWS::CloudFormation::Stack", "Outputs.A.B"));
	ck_assert(!has("AWS::CloudFormation::Stack", "Output.ModelName"));
	ck_assert(has("AWS::FraudDetector::Detector", "Rules.0.Outcomes.1.Arn"));
	ck_assert(!has("AWS::FraudDetector::Detector", "Rules.0.Outcomes.1.Arx"));
	ck_assert(!has("AWS::FraudDetector::Detector", "Rules.0.Outcomes"));
}
END_TEST

START_TEST(types_the_table_lacks_are_unknown)
{
	ck_assert_ptr_null(type_named("Custom::ModelLookup"));
	ck_assert_ptr_null(type_named("AWS::CloudFormation::CustomResource"));
	ck_assert_ptr_null(type_named("My::Org::Experiment::MODULE"));
	ck_assert_ptr_null(type_named("AWS::IAM::Rol"));
	ck_assert_ptr_null(type_named("AWS::IAM::RoleX"));
	ck_assert_ptr_null(attribute_type_find("AWS::IAM::Role", strlen("AWS::IAM::Rol")));
	ck_assert_ptr_null(type_named(""));
}
END_TEST

Suite *attributes_suite(void)
{
	Suite *suite = suite_create("attributes");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, the_table_is_sorted);
	tcase_add_test(tc, exact_names_are_found);
	tcase_add_test(tc, patterns_take_any_text_for_a_star);
	tcase_add_test(tc, types_the_table_lacks_are_unknown);
	suite_add_tcase(suite, tc);
	return suite;
}
