/* Patterns compiled when ielint is built (base/regex.h): the built form is
 * what matches, a form this PCRE2 cannot read gives way to the text, and
 * every pattern of the rules and of the code comes built. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "base/regex.h"
#include "check/check_cross.h"
#include "check/timestamp.h"
#include "load/scalar.h"
#include "rules/model.h"
#include "rules/rules.h"

static bool matches(struct regex *regex, const char *text)
{
	return regex_match(regex, text, strlen(text), NULL, 0);
}

/* Runs the matches of a test with one pattern built, "b+" standing for
 * the built bytes given, then puts the program's own table back. */
static struct regex_built only_b[1] = { { "b+", NULL } };

static void use_only_b(const unsigned char *bytes)
{
	only_b[0].bytes = bytes;
	regex_use_built(only_b, 1);
}

/* The built form of "a+" under the text "b+": which one matches says
 * which one was used. */
START_TEST(the_built_form_is_used)
{
	unsigned char *bytes;
	size_t size;
	struct regex regex = REGEX_INIT("b+");

	ck_assert(regex_build("a+", &bytes, &size));
	ck_assert_uint_gt(size, 0);
	use_only_b(bytes);
	ck_assert(matches(&regex, "aaa"));
	ck_assert(!matches(&regex, "bbb"));
	regex_release(&regex);
	rules_use_embedded();
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
	struct regex regex = REGEX_INIT("b+");

	ck_assert(regex_build("a+", &bytes, &size));
	spoilt = malloc(size);
	ck_assert_ptr_nonnull(spoilt);
	memcpy(spoilt, bytes, size);
	spoilt[0] ^= 0xFF;
	use_only_b(spoilt);
	ck_assert(matches(&regex, "bbb"));
	ck_assert(!matches(&regex, "aaa"));
	regex_release(&regex);
	rules_use_embedded();
	free(spoilt);
	regex_free_built(bytes);
}
END_TEST

/* A pattern not in the table is compiled from its text. */
START_TEST(a_pattern_not_built_is_compiled)
{
	struct regex regex = REGEX_INIT("c+");

	use_only_b(NULL);
	ck_assert(matches(&regex, "ccc"));
	regex_release(&regex);
	rules_use_embedded();
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

/* A built pattern decodes to what compiling its text gives, which the
 * matches of every test in the suite rely on; here the table is checked
 * for order and for every pattern of the shapes and of the code's lists. */
static bool is_built(const struct regex_built *table, size_t count, const char *pattern)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(table[i].pattern, pattern) == 0)
			return true;
	return false;
}

START_TEST(the_programs_table_holds_the_rules_and_the_code)
{
	const struct model *model = model_get();
	struct regex *const *const code[] = { timestamp_regexes, scalar_regexes, cross_regexes };
	size_t count;
	const struct regex_built *table = regex_built_table(&count);

	ck_assert_uint_gt(count, 0);
	for (size_t i = 1; i < count; i++)
		ck_assert_msg(strcmp(table[i - 1].pattern, table[i].pattern) < 0,
			      "the table is not sorted at %zu", i);
	for (size_t i = 0; i < model->shape_count; i++)
		if (model->shapes[i].pattern)
			ck_assert_msg(is_built(table, count, model->shapes[i].regex.pattern),
				      "the pattern of %s is not built", model->shapes[i].name);
	for (size_t list = 0; list < sizeof code / sizeof code[0]; list++)
		for (struct regex *const *regex = code[list]; *regex; regex++)
			ck_assert_msg(is_built(table, count, (*regex)->pattern),
				      "%s is not built", (*regex)->pattern);
}
END_TEST

Suite *regex_suite(void)
{
	Suite *suite = suite_create("regex");
	TCase *tc = tcase_create("built");

	tcase_add_test(tc, the_built_form_is_used);
	tcase_add_test(tc, unreadable_bytes_give_way_to_the_text);
	tcase_add_test(tc, a_pattern_not_built_is_compiled);
	tcase_add_test(tc, a_pattern_that_does_not_compile_is_not_built);
	tcase_add_test(tc, the_programs_table_holds_the_rules_and_the_code);
	suite_add_tcase(suite, tc);
	return suite;
}
