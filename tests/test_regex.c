/* Patterns compiled when ielint is built (base/regex.h): the built form is
 * what matches, a form this PCRE2 cannot read gives way to the text, and
 * every pattern of the embedded rules comes built. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "base/regex.h"
#include "rules/model.h"

static bool matches(struct regex *regex, const char *text)
{
	return regex_match(regex, text, strlen(text), NULL, 0);
}

/* The built form of "a+" under the text "b+": which one matches says
 * which one was used. */
START_TEST(the_built_form_is_used)
{
	unsigned char *bytes;
	size_t size;

	ck_assert(regex_build("a+", &bytes, &size));
	ck_assert_uint_gt(size, 0);
	struct regex regex = REGEX_INIT_BUILT("b+", bytes);
	ck_assert(matches(&regex, "aaa"));
	ck_assert(!matches(&regex, "bbb"));
	regex_release(&regex);
	regex_free_built(bytes);
}
END_TEST

/* Bytes that are not PCRE2's serialized form (as from another version of
 * PCRE2, whose first bytes differ) leave the pattern to its text. */
START_TEST(unreadable_bytes_give_way_to_the_text)
{
	unsigned char *bytes;
	size_t size;
	unsigned char *spoilt;

	ck_assert(regex_build("a+", &bytes, &size));
	spoilt = malloc(size);
	ck_assert_ptr_nonnull(spoilt);
	memcpy(spoilt, bytes, size);
	spoilt[0] ^= 0xFF;
	struct regex regex = REGEX_INIT_BUILT("b+", spoilt);
	ck_assert(matches(&regex, "bbb"));
	ck_assert(!matches(&regex, "aaa"));
	regex_release(&regex);
	free(spoilt);
	regex_free_built(bytes);
}
END_TEST

START_TEST(a_pattern_that_does_not_compile_is_not_built)
{
	unsigned char *bytes = NULL;
	size_t size = 0;

	ck_assert(!regex_build("a(", &bytes, &size));
	ck_assert_ptr_null(bytes);
}
END_TEST

START_TEST(every_pattern_of_the_embedded_rules_is_built)
{
	const struct model *model = model_get();

	ck_assert_ptr_nonnull(model);
	for (size_t i = 0; i < model->shape_count; i++) {
		const struct shape *shape = &model->shapes[i];
		if (shape->pattern)
			ck_assert_msg(shape->regex.built != NULL, "%s is compiled at every start",
				      shape->name);
	}
	for (size_t i = 0; i < model->pattern_count; i++) {
		const struct pattern_words *words = &model->patterns[i];
		ck_assert(!words->chars.pattern || words->chars.built);
		ck_assert(!words->first.pattern || words->first.built);
		ck_assert(!words->last.pattern || words->last.built);
	}
}
END_TEST

Suite *regex_suite(void)
{
	Suite *suite = suite_create("regex");
	TCase *tc = tcase_create("built");

	tcase_add_test(tc, the_built_form_is_used);
	tcase_add_test(tc, unreadable_bytes_give_way_to_the_text);
	tcase_add_test(tc, a_pattern_that_does_not_compile_is_not_built);
	tcase_add_test(tc, every_pattern_of_the_embedded_rules_is_built);
	suite_add_tcase(suite, tc);
	return suite;
}
