/* Patterns in words (check/pattern_words.c): every pattern of the shapes
 * has its words in the catalog, and each kind of pattern says the first
 * thing wrong with a value, with the nearest valid value where one is
 * certain and none where there is none. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/pattern_words.h"
#include "rules/model.h"

static const struct shape *shape_named(const char *name)
{
	const struct model *model = model_get();

	for (size_t i = 0; model && i < model->shape_count; i++)
		if (strcmp(model->shapes[i].name, name) == 0)
			return &model->shapes[i];
	ck_abort_msg("no shape %s", name);
	return NULL;
}

/* What pattern-mismatch says of value in shape after the value itself. */
static void expect(const char *shape_name, const char *value, const char *want)
{
	const struct shape *shape = shape_named(shape_name);
	char *said;

	ck_assert_msg(!shape_matches_pattern(shape, value, strlen(value)),
		      "%s matches %s", value, shape->pattern);
	said = pattern_words_say(shape, value, strlen(value));
	ck_assert_ptr_nonnull(said);
	ck_assert_str_eq(said, want);
	free(said);
}

/* The same, when the words are the pattern's meaning and then detail. */
static void expect_means(const char *shape_name, const char *value, const char *before,
			 const char *after)
{
	char want[1024];

	snprintf(want, sizeof want, "%s%s%s", before, shape_named(shape_name)->words->means,
		 after);
	expect(shape_name, value, want);
}

START_TEST(every_pattern_of_the_shapes_has_words)
{
	const struct model *model = model_get();

	ck_assert_ptr_nonnull(model);
	for (size_t i = 0; i < model->shape_count; i++) {
		const struct shape *shape = &model->shapes[i];
		if (!shape->pattern)
			continue;
		ck_assert_msg(shape->words != NULL, "the pattern of %s has no words", shape->name);
		ck_assert_str_eq(shape->words->pattern, shape->pattern);
		ck_assert_msg(*shape->words->means, "the words of %s say nothing", shape->pattern);
	}
}
END_TEST

START_TEST(every_pattern_in_words_is_used)
{
	const struct model *model = model_get();

	for (size_t p = 0; p < model->pattern_count; p++) {
		bool used = false;
		for (size_t i = 0; i < model->shape_count; i++)
			used = used || model->shapes[i].words == &model->patterns[p];
		ck_assert_msg(used, "no shape has the pattern %s", model->patterns[p].pattern);
	}
}
END_TEST

START_TEST(a_name_says_the_character_it_cannot_hold)
{
	expect("InferenceExperimentName", "Fraud Shadow Test",
	       "may hold only letters, digits and hyphens, not spaces; try \"Fraud-Shadow-Test\"");
	expect("InferenceExperimentName", "my_exp",
	       "may hold only letters, digits and hyphens, not \"_\"; try \"my-exp\"");
	expect("EndpointName", "my.endpoint",
	       "may hold only letters, digits and hyphens, not \".\"; try \"my-endpoint\"");
	expect("EndpointName", "50%off", "may hold only letters, digits and hyphens, not \"%\"");
	expect("EndpointName", "a\tb", "may hold only letters, digits and hyphens, not tabs");
	expect("EndpointName", "a\xC2\xA0" "b",
	       "may hold only letters, digits and hyphens, not U+00A0");
	expect("EndpointName", "caf\xC3\xA9",
	       "may hold only letters, digits and hyphens, not \"\xC3\xA9\"");
}
END_TEST

START_TEST(a_name_says_how_it_cannot_start_or_end)
{
	expect("InferenceExperimentName", "shadow-", "cannot end with a hyphen; try \"shadow\"");
	expect("InferenceExperimentName", "-shadow", "cannot start with a hyphen; try \"shadow\"");
	expect("ModelName", "model-", "cannot end with a hyphen; try \"model\"");
	expect("ModelVariantName", "--v", "cannot start with a hyphen; try \"v\"");
	expect("EndpointName", "", "cannot be empty");
	expect("EndpointName", "-", "cannot start with a hyphen");
}
END_TEST

START_TEST(a_name_keeps_runs_of_hyphens_and_drops_those_at_its_ends)
{
	expect("InferenceExperimentName", "a  b",
	       "may hold only letters, digits and hyphens, not spaces; try \"a--b\"");
	expect("InferenceExperimentName", "_a_b_",
	       "may hold only letters, digits and hyphens, not \"_\"; try \"a-b\"");
	expect("InferenceExperimentName", "a b#",
	       "may hold only letters, digits and hyphens, not spaces");
}
END_TEST

START_TEST(a_name_says_its_repetition_bound)
{
	char name[80];

	memset(name, 'a', 64);
	name[64] = '\0';
	expect("EndpointName", name, "may have at most 63 letters and digits");
	memset(name, 'b', 65);
	name[63] = ' ';
	name[65] = '\0';
	/* The space is the first thing wrong; with a hyphen for it the name
	 * would still be too long, so none is offered. */
	expect("EndpointName", name, "may hold only letters, digits and hyphens, not spaces");
}
END_TEST

START_TEST(a_content_type_says_what_is_out_of_place)
{
	expect("CsvContentType", "application/vnd.api+json",
	       "may hold only letters, digits, hyphens, dots and one slash, not \"+\"");
	expect("JsonContentType", "text/*",
	       "may hold only letters, digits, hyphens, dots and one slash, not \"*\"");
	expect("CsvContentType", "text/csv-", "cannot end with a hyphen");
	expect_means("CsvContentType", "csv", "is cut short; it must be ", "");
	expect_means("CsvContentType", "te.xt/csv", "must be ",
		     "; \".\" at character 3 is out of place");
	expect_means("CsvContentType", "text//csv", "must be ",
		     "; \"/\" at character 6 is out of place");
}
END_TEST

START_TEST(an_arn_says_where_it_goes_wrong_and_offers_nothing)
{
	/* Wrong from its first character: the form alone says it. */
	expect_means("RoleArn", "MyRole", "must be ", "");
	expect_means("RoleArn", "arn:aws:iam::123:role/x", "must be ",
		     "; \":\" at character 17 is out of place");
	expect_means("RoleArn", "arn:aws:iam::123456789012:role", "is cut short; it must be ", "");
	expect_means("RoleArn", "arn:aws:iam::123456789012:role/my role", "must be ",
		     "; a space at character 34 is out of place");
	expect("InferenceExperimentArn",
	       "arn:aws:sagemaker:us-east-1:123456789012:inference-experiment/a\nb",
	       "cannot hold a line break");
	expect_means("InferenceExperimentArn",
		     "arn:aws:sagemaker:us-east-1:12345678901:inference-experiment/a",
		     "must be ", "; \":\" at character 40 is out of place");
	ck_assert_ptr_null(pattern_words_nearest(shape_named("RoleArn"), "arn aws", 7));
}
END_TEST

START_TEST(an_s3_location_says_where_it_goes_wrong)
{
	expect_means("DestinationS3Uri", "bucket/key", "must be ", "");
	expect_means("DestinationS3Uri", "s3:///key", "must be ",
		     "; \"/\" at character 6 is out of place");
	expect_means("DestinationS3Uri", "s3://", "is cut short; it must be ", "");
	expect("DestinationS3Uri", "s3://bucket/a\nb", "cannot hold a line break");
}
END_TEST

START_TEST(a_character_set_names_the_character)
{
	expect("KmsKeyId", "alias/my key",
	       "may hold only letters, digits, \":\", \"/\", \"_\" and \"-\", not spaces");
	expect("TagKey", "a#b",
	       "may hold only letters, digits, spaces and the marks _ . : / = + - @, not \"#\"");
	expect("TagValue", "a\x01" "b",
	       "may hold only letters, digits, spaces and the marks _ . : / = + - @, not U+0001");
	ck_assert(shape_matches_pattern(shape_named("TagKey"), "caf\xC3\xA9 x", 7));
}
END_TEST

START_TEST(a_description_cannot_hold_a_line_break)
{
	expect("InferenceExperimentDescription", "one\ntwo", "cannot hold a line break");
	expect("InferenceExperimentDescription", "one\rtwo", "cannot hold a line break");
	expect("InferenceExperimentDescription", "one\xE2\x80\xA8two", "cannot hold a line break");
}
END_TEST

Suite *pattern_words_suite(void)
{
	Suite *suite = suite_create("pattern_words");
	TCase *data = tcase_create("data");
	TCase *words = tcase_create("words");

	tcase_add_test(data, every_pattern_of_the_shapes_has_words);
	tcase_add_test(data, every_pattern_in_words_is_used);
	suite_add_tcase(suite, data);
	tcase_add_test(words, a_name_says_the_character_it_cannot_hold);
	tcase_add_test(words, a_name_says_how_it_cannot_start_or_end);
	tcase_add_test(words, a_name_keeps_runs_of_hyphens_and_drops_those_at_its_ends);
	tcase_add_test(words, a_name_says_its_repetition_bound);
	tcase_add_test(words, a_content_type_says_what_is_out_of_place);
	tcase_add_test(words, an_arn_says_where_it_goes_wrong_and_offers_nothing);
	tcase_add_test(words, an_s3_location_says_where_it_goes_wrong);
	tcase_add_test(words, a_character_set_names_the_character);
	tcase_add_test(words, a_description_cannot_hold_a_line_break);
	suite_add_tcase(suite, words);
	return suite;
}
