/* The shape rules speak a document's own spelling of the members: under a
 * naming that spells them in snake_case, as Terraform does, every member
 * name in a message or a path is snake_case, while what the document
 * wrote (keys of a map, values) is quoted as written. */
#include "unit.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_shape.h"
#include "check/naming.h"
#include "load/load.h"
#include "rules/model.h"
#include "api_names.h"
#include "kinds/terraform/spelling.h"

/* ---- checking a request ---------------------------------------------------- */

static struct diag_list diags;

/* Loads a request written with the API's names, the tree a kind hands the
 * checks, and runs the shape rules on it under the snake_case naming. */
static void check_request_yaml(enum operation op, const char *text)
{
	static const struct document_kind kind = { "a request", "a Name", "Name" };
	struct source src;
	struct document doc;

	diag_list_init(&diags);
	source_from_memory(&src, "request.yaml", text, strlen(text));
	ck_assert(load_document(&doc, &src, INPUT_AUTO, &kind, &diags));
	ck_assert_uint_eq(diags.count, 0);
	check_shape(model_get()->requests[op], doc.root, "the request", &naming_terraform,
		    (struct document_type){ KIND_REQUEST, op }, 0, &diags);
	document_free(&doc);
}

/* No diagnostic names a member as the API spells it, in its message, its
 * path or its fix. */
static void assert_no_api_names(void)
{
	for (size_t d = 0; d < diags.count; d++) {
		const struct diag *diag = &diags.items[d];
		const char *texts[] = { diag->message, diag->path, diag->fix ? diag->fix->text : "" };
		for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
			char *name = api_member_in(texts[i], false);
			ck_assert_msg(!name, "\"%s\" in \"%s\"", name, texts[i]);
		}
	}
}

/* The diagnostic of the rule at this path; fails when there is none. */
static const struct diag *found(enum rule_id rule, const char *path)
{
	for (size_t i = 0; i < diags.count; i++)
		if (diags.items[i].rule == rule && strcmp(diags.items[i].path, path) == 0)
			return &diags.items[i];
	for (size_t i = 0; i < diags.count; i++)
		fprintf(stderr, "  %s: %s\n", diags.items[i].path, diags.items[i].message);
	ck_abort_msg("no diagnostic of %s at %s", rule_get(rule)->name, path);
	return NULL;
}

static void done(void)
{
	assert_no_api_names();
	diag_list_free(&diags);
}

/* A create request but for what a test changes. */
#define CREATE_HEAD \
	"Name: fraud-model-shadow-test\n" \
	"Type: ShadowMode\n" \
	"RoleArn: arn:aws:iam::123456789012:role/service-role/ExecutionRole\n" \
	"EndpointName: fraud-model-endpoint\n"
#define VARIANT(name, instance_type) \
	"  - ModelName: model-" name "\n" \
	"    VariantName: " name "\n" \
	"    InfrastructureConfig:\n" \
	"      InfrastructureType: RealTimeInference\n" \
	"      RealTimeInferenceConfig:\n" \
	"        InstanceType: " instance_type "\n" \
	"        InstanceCount: 1\n"
#define SHADOW_MODE(percentage) \
	"ShadowModeConfig:\n" \
	"  SourceModelVariantName: production\n" \
	"  ShadowModelVariants:\n" \
	"    - ShadowModelVariantName: shadow\n" \
	"      SamplingPercentage: " percentage "\n"

START_TEST(a_missing_member_is_named_as_the_document_names_it)
{
	check_request_yaml(OPERATION_CREATE,
			   "Name: fraud-model-shadow-test\n"
			   "Type: ShadowMode\n"
			   "EndpointName: fraud-model-endpoint\n"
			   "ModelVariants:\n" VARIANT("production", "ml.m5.xlarge")
			   VARIANT("shadow", "ml.m5.xlarge") SHADOW_MODE("10"));
	ck_assert_str_eq(found(RULE_MISSING_MEMBER, "role_arn")->message,
			 "the request lacks the required attribute role_arn");
	done();
}
END_TEST

START_TEST(an_unknown_member_is_told_the_member_meant_in_the_document_spelling)
{
	check_request_yaml(OPERATION_CREATE,
			   CREATE_HEAD
			   "ModelVariants:\n" VARIANT("production", "ml.m5.xlarge")
			   "  - ModelName: model-shadow\n"
			   "    VariantName: shadow\n"
			   "    InfrastructureConfig:\n"
			   "      InfrastructureType: RealTimeInference\n"
			   "      RealTimeInferenceConfig:\n"
			   "        instance_typ: ml.m5.xlarge\n"
			   "        InstanceCount: 1\n"
			   SHADOW_MODE("10"));
	const struct diag *unknown = found(RULE_UNKNOWN_MEMBER,
		"model_variants[1].infrastructure_config.real_time_inference_config.instance_typ");
	ck_assert_str_eq(unknown->message, "unknown attribute \"instance_typ\" in "
			 "real_time_inference_config; did you mean \"instance_type\"?");
	/* The fix renames the key to the member as the document spells it. */
	ck_assert_ptr_nonnull(unknown->fix);
	ck_assert_str_eq(unknown->fix->text, "instance_type");
	/* Meant and fixed, the member is not reported missing besides. */
	for (size_t i = 0; i < diags.count; i++)
		ck_assert_int_ne(diags.items[i].rule, RULE_MISSING_MEMBER);
	done();
}
END_TEST

START_TEST(a_member_in_the_wrong_place_is_placed_in_the_document_spelling)
{
	check_request_yaml(OPERATION_CREATE,
			   CREATE_HEAD
			   "ModelVariants:\n" VARIANT("production", "ml.m5.xlarge")
			   VARIANT("shadow", "ml.m5.xlarge") SHADOW_MODE("10")
			   "end_time: \"2030-01-17T00:00:00Z\"\n"
			   "Schedule:\n"
			   "  StartTime: \"2030-01-03T00:00:00Z\"\n"
			   "  EndTme: \"2030-01-17T00:00:00Z\"\n");
	ck_assert_str_eq(found(RULE_UNKNOWN_MEMBER, "end_time")->message,
			 "unknown attribute \"end_time\" in the request; did you mean "
			 "schedule.end_time?");
	ck_assert_str_eq(found(RULE_UNKNOWN_MEMBER, "schedule.EndTme")->message,
			 "unknown attribute \"EndTme\" in schedule; did you mean \"end_time\"?");
	done();
}
END_TEST

START_TEST(a_value_not_allowed_is_told_by_its_member_in_the_document_spelling)
{
	check_request_yaml(OPERATION_CREATE,
			   CREATE_HEAD
			   "ModelVariants:\n" VARIANT("production", "ml.m5.xlarg")
			   VARIANT("shadow", "ml.m5.xlarge") SHADOW_MODE("10"));
	const struct diag *diag = found(RULE_INVALID_ENUM,
		"model_variants[0].infrastructure_config.real_time_inference_config.instance_type");
	ck_assert_msg(strncmp(diag->message, "instance_type \"ml.m5.xlarg\" is not one of its ",
			      46) == 0, "%s", diag->message);
	done();
}
END_TEST

START_TEST(a_pattern_mismatch_is_told_by_its_member_in_the_document_spelling)
{
	check_request_yaml(OPERATION_CREATE,
			   "Name: fraud_model_shadow_test\n"
			   "Type: ShadowMode\n"
			   "RoleArn: arn:aws:iam::123456789012:role/service-role/ExecutionRole\n"
			   "EndpointName: fraud-model-endpoint\n"
			   "ModelVariants:\n" VARIANT("production", "ml.m5.xlarge")
			   VARIANT("shadow", "ml.m5.xlarge") SHADOW_MODE("10"));
	const struct diag *diag = found(RULE_PATTERN_MISMATCH, "name");
	ck_assert_msg(strncmp(diag->message, "name \"fraud_model_shadow_test\" ", 31) == 0,
		      "%s", diag->message);
	done();
}
END_TEST

START_TEST(a_length_and_a_range_are_told_by_their_members_in_the_document_spelling)
{
	check_request_yaml(OPERATION_CREATE,
			   CREATE_HEAD
			   "ModelVariants:\n" VARIANT("production", "ml.m5.xlarge")
			   VARIANT("shadow", "ml.m5.xlarge") VARIANT("third", "ml.m5.xlarge")
			   SHADOW_MODE("150"));
	ck_assert_str_eq(found(RULE_LIST_LENGTH, "model_variants")->message,
			 "model_variants has 3 items; at most 2 are allowed");
	ck_assert_str_eq(found(RULE_INTEGER_RANGE,
			       "shadow_mode_config.shadow_model_variants[0].sampling_percentage")
			 ->message, "sampling_percentage is 150; it must be at most 100");
	done();
}
END_TEST

START_TEST(a_map_key_written_by_the_document_stays_as_written)
{
	check_request_yaml(OPERATION_STOP,
			   "Name: fraud-model-shadow-test\n"
			   "ModelVariantActions:\n"
			   "  production: Remove\n"
			   "  ShadowVariant: Promte\n");
	/* A variant's name is the document's, not a member: never respelled. */
	ck_assert_str_eq(found(RULE_INVALID_ENUM,
			       "model_variant_actions.ShadowVariant")->message,
			 "the model_variant_actions value for ShadowVariant \"Promte\" is not "
			 "one of its 3 allowed values; did you mean \"Promote\"?");
	done();
}
END_TEST

Suite *naming_suite(void)
{
	Suite *suite = suite_create("naming");
	TCase *shape = tcase_create("shape rules");

	tcase_add_test(shape, a_missing_member_is_named_as_the_document_names_it);
	tcase_add_test(shape, an_unknown_member_is_told_the_member_meant_in_the_document_spelling);
	tcase_add_test(shape, a_member_in_the_wrong_place_is_placed_in_the_document_spelling);
	tcase_add_test(shape, a_value_not_allowed_is_told_by_its_member_in_the_document_spelling);
	tcase_add_test(shape, a_pattern_mismatch_is_told_by_its_member_in_the_document_spelling);
	tcase_add_test(shape,
		       a_length_and_a_range_are_told_by_their_members_in_the_document_spelling);
	tcase_add_test(shape, a_map_key_written_by_the_document_stays_as_written);
	suite_add_tcase(suite, shape);
	return suite;
}
