/* Direct tests of how CloudFormation's resource handler parses a
 * template's schedule times (check/handler_time.h): the forms every build
 * takes, those only current builds take, and why the others fail. */
#include "unit.h"

#include <string.h>

#include "check/handler_time.h"
#include "load/node.h"

static struct handler_reading read_text(const char *text)
{
	struct node node = { .kind = NODE_SCALAR };

	node.scalar.type = SCALAR_STRING;
	node.scalar.text = text;
	node.scalar.len = strlen(text);
	return handler_time_read(&node, 0);
}

#define assert_form(text, expected)                                                  \
	ck_assert_msg(read_text(text).form == (expected), "%s: form %d, expected %d", \
		      (text), (int)read_text(text).form, (int)(expected))

#define assert_miss(text, expected)                                                  \
	ck_assert_msg(read_text(text).form == HANDLER_UNPARSEABLE &&                  \
			      read_text(text).miss == (expected),                     \
		      "%s: miss %d, expected %d", (text), (int)read_text(text).miss,  \
		      (int)(expected))

/* 2030-01-10T00:00:00Z */
static const double jan_10 = 1894233600.0;

START_TEST(every_build_takes_z_with_seconds)
{
	assert_form("2030-01-10T00:00:00Z", HANDLER_EVERY_BUILD);
	assert_form("2030-01-10T00:00:00.000Z", HANDLER_EVERY_BUILD);
	assert_form("2030-01-10T00:00:00.123456789Z", HANDLER_EVERY_BUILD);
	/* ISO_INSTANT parses without regard to case. */
	assert_form("2030-01-10t00:00:00z", HANDLER_EVERY_BUILD);
	/* The SDK makes a trailing +0000 Z before it parses. */
	assert_form("2030-01-10T00:00:00+0000", HANDLER_EVERY_BUILD);
	ck_assert(read_text("2030-01-10T00:00:00+0000").seconds == jan_10);
	/* ISO_INSTANT's midnight at the end of a day, and a leap second. */
	assert_form("2030-01-09T24:00:00Z", HANDLER_EVERY_BUILD);
	ck_assert(read_text("2030-01-09T24:00:00Z").seconds == jan_10);
	assert_form("2030-01-09T23:59:60Z", HANDLER_EVERY_BUILD);
}
END_TEST

START_TEST(current_builds_take_an_offset_or_no_seconds)
{
	struct handler_reading r = read_text("2030-01-10T02:00:00+02:00");

	ck_assert_int_eq(r.form, HANDLER_CURRENT_BUILDS);
	ck_assert(r.seconds == jan_10);
	ck_assert_str_eq(r.why_current, "an offset");
	ck_assert(read_text("2030-01-09T19:00:00-05:00").seconds == jan_10);
	assert_form("2030-01-10T02:00:00+0200", HANDLER_CURRENT_BUILDS);
	assert_form("2030-01-10T02:00:00+02", HANDLER_CURRENT_BUILDS);
	assert_form("2030-01-10T00:00:00-00:00", HANDLER_CURRENT_BUILDS);
	r = read_text("2030-01-10T00:00Z");
	ck_assert_int_eq(r.form, HANDLER_CURRENT_BUILDS);
	ck_assert_str_eq(r.why_current, "no seconds");
	ck_assert(!read_text("2030-01-10T02:00:00.5+02:00").exact_in_z);
}
END_TEST

START_TEST(no_build_takes_the_other_forms)
{
	struct handler_reading r = read_text("2030-01-10");

	ck_assert_int_eq(r.miss, MISS_DATE_ONLY);
	ck_assert(r.known && r.seconds == jan_10);
	assert_miss("1894233600", MISS_EPOCH_TEXT);
	assert_miss("1894233600.5", MISS_EPOCH_TEXT);
	ck_assert(!read_text("1894233600").known);
	assert_miss("Thu, 10 Jan 2030 00:00:00 GMT", MISS_RFC_822);
	assert_miss("10 Jan 2030 00:00:00 +0000", MISS_RFC_822);
	assert_miss("2030-01-10T00:00:00", MISS_NO_ZONE);
	assert_miss("2030-01-10 00:00:00", MISS_NO_ZONE);
	assert_miss("2030-01-10T00:00:00.5", MISS_NO_ZONE);
	assert_miss("\xef\xbc\x92" "030-01-10T00:00:00Z", MISS_NOT_ASCII);
	ck_assert_uint_eq(read_text("2030-01-10T00:00:00Z\xc2\xa0").first_non_ascii, 0xA0);
}
END_TEST

START_TEST(near_misses_are_refused)
{
	/* A space for T, a date of the wrong calendar, ten digits of a
	 * fraction, an offset past 18 hours, spaces around, a basic date. */
	assert_form("2030-01-10 00:00:00Z", HANDLER_UNPARSEABLE);
	assert_form("2030-02-30T00:00:00Z", HANDLER_UNPARSEABLE);
	assert_form("2030-01-10T24:00:01Z", HANDLER_UNPARSEABLE);
	assert_form("2030-01-10T12:59:60Z", HANDLER_UNPARSEABLE);
	assert_form("2030-01-10T00:00:00.1234567890Z", HANDLER_UNPARSEABLE);
	assert_form("2030-01-10T00:00:00+19:00", HANDLER_UNPARSEABLE);
	assert_form(" 2030-01-10T00:00:00Z", HANDLER_UNPARSEABLE);
	assert_form("2030-01-10T00:00:00Z ", HANDLER_UNPARSEABLE);
	assert_form("20300110T000000Z", HANDLER_UNPARSEABLE);
	assert_form("", HANDLER_UNPARSEABLE);
	assert_miss("next tuesday", MISS_OTHER);
}
END_TEST

START_TEST(a_number_or_a_boolean_is_no_time)
{
	struct node number = { .kind = NODE_SCALAR };
	struct node flag = { .kind = NODE_SCALAR };
	double seconds;

	number.scalar.type = SCALAR_INT;
	number.scalar.text = "1894233600";
	number.scalar.len = strlen(number.scalar.text);
	number.scalar.int_value = 1894233600;
	ck_assert_int_eq(handler_time_read(&number, 0).miss, MISS_NUMBER);
	ck_assert(!handler_time_instant(&number, &seconds));
	flag.scalar.type = SCALAR_BOOL;
	flag.scalar.text = "true";
	flag.scalar.len = 4;
	flag.scalar.bool_value = true;
	ck_assert_int_eq(handler_time_read(&flag, 0).miss, MISS_BOOLEAN);
	ck_assert(!handler_time_instant(&flag, &seconds));
}
END_TEST

Suite *handler_time_suite(void)
{
	Suite *suite = suite_create("handler_time");
	TCase *tc = tcase_create("forms");

	tcase_add_test(tc, every_build_takes_z_with_seconds);
	tcase_add_test(tc, current_builds_take_an_offset_or_no_seconds);
	tcase_add_test(tc, no_build_takes_the_other_forms);
	tcase_add_test(tc, near_misses_are_refused);
	tcase_add_test(tc, a_number_or_a_boolean_is_no_time);
	suite_add_tcase(suite, tc);
	return suite;
}
