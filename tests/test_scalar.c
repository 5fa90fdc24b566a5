/* Direct tests of scalar typing (scalar.h), integer parsing, quoting for
 * messages (quote.h), member paths (path.h) and UTF-8 checking (utf8.h). */
#include "unit.h"

#include <limits.h>
#include <stdbool.h>
#include <string.h>

#include "load/node.h"
#include "base/path.h"
#include "base/quote.h"
#include "base/utf8.h"
#include "load/scalar.h"
#include "check/civil_time.h"
#include "check/duration.h"

static enum scalar_type yaml(const char *text)
{
	return scalar_resolve_yaml(text, strlen(text));
}

static enum scalar_type json(const char *text)
{
	return scalar_resolve_json(text, strlen(text));
}

#define assert_yaml_type(text, expected)                                          \
	ck_assert_msg(yaml(text) == (expected), "%s resolves to %s, expected %s", \
		      (text), scalar_type_name(yaml(text)),                      \
		      scalar_type_name(expected))

#define assert_json_type(text, expected)                                          \
	ck_assert_msg(json(text) == (expected), "%s resolves to %s, expected %s", \
		      (text), scalar_type_name(json(text)),                      \
		      scalar_type_name(expected))

/* Asserts that text parses and has the value expected. */
#define assert_int_value(text, expected)                                          \
	do {                                                                      \
		long long v_ = 0;                                                 \
		ck_assert_msg(scalar_parse_int((text), strlen(text), &v_),        \
			      "%s does not parse", (text));                       \
		ck_assert_msg(v_ == (expected), "%s parses as %lld, expected %lld", \
			      (text), v_, (long long)(expected));                 \
	} while (0)

#define assert_int_refused(text)                                                  \
	do {                                                                      \
		long long v_ = 0;                                                 \
		ck_assert_msg(!scalar_parse_int((text), strlen(text), &v_),       \
			      "%s parses as %lld, expected a refusal", (text), v_); \
	} while (0)

/* ---- scalar_resolve_yaml -------------------------------------------------- */

START_TEST(resolve_yaml_null_forms)
{
	assert_yaml_type("", SCALAR_NULL);
	assert_yaml_type("~", SCALAR_NULL);
	assert_yaml_type("null", SCALAR_NULL);
	assert_yaml_type("Null", SCALAR_NULL);
	assert_yaml_type("NULL", SCALAR_NULL);
}
END_TEST

START_TEST(resolve_yaml_null_lookalikes_are_strings)
{
	assert_yaml_type("nULL", SCALAR_STRING);
	assert_yaml_type("~~", SCALAR_STRING);
	assert_yaml_type("null ", SCALAR_STRING);
	assert_yaml_type(" null", SCALAR_STRING);
}
END_TEST

START_TEST(resolve_yaml_bool_forms)
{
	assert_yaml_type("true", SCALAR_BOOL);
	assert_yaml_type("True", SCALAR_BOOL);
	assert_yaml_type("TRUE", SCALAR_BOOL);
	assert_yaml_type("false", SCALAR_BOOL);
	assert_yaml_type("False", SCALAR_BOOL);
	assert_yaml_type("FALSE", SCALAR_BOOL);
}
END_TEST

START_TEST(resolve_yaml_yaml11_bools_are_strings)
{
	assert_yaml_type("yes", SCALAR_STRING);
	assert_yaml_type("no", SCALAR_STRING);
	assert_yaml_type("on", SCALAR_STRING);
	assert_yaml_type("off", SCALAR_STRING);
	assert_yaml_type("y", SCALAR_STRING);
	assert_yaml_type("n", SCALAR_STRING);
	assert_yaml_type("Yes", SCALAR_STRING);
	assert_yaml_type("NO", SCALAR_STRING);
	assert_yaml_type("tRUE", SCALAR_STRING);
}
END_TEST

START_TEST(resolve_yaml_decimal_ints)
{
	assert_yaml_type("0", SCALAR_INT);
	assert_yaml_type("-0", SCALAR_INT);
	assert_yaml_type("017", SCALAR_INT);
	assert_yaml_type("1_000", SCALAR_INT);
	assert_yaml_type("+12", SCALAR_INT);
	assert_yaml_type("-5", SCALAR_INT);
	assert_yaml_type("99999999999999999999", SCALAR_INT);
}
END_TEST

START_TEST(resolve_yaml_prefixed_ints)
{
	assert_yaml_type("0x32", SCALAR_INT);
	assert_yaml_type("0xfF", SCALAR_INT);
	assert_yaml_type("-0x1_0", SCALAR_INT);
	assert_yaml_type("0o17", SCALAR_INT);
	assert_yaml_type("+0o7", SCALAR_INT);
	assert_yaml_type("0b101", SCALAR_INT);
	assert_yaml_type("-0b1_0", SCALAR_INT);
}
END_TEST

START_TEST(resolve_yaml_bad_prefixed_digits_are_strings)
{
	assert_yaml_type("0x", SCALAR_STRING);
	assert_yaml_type("0xg", SCALAR_STRING);
	assert_yaml_type("0o8", SCALAR_STRING);
	assert_yaml_type("0b2", SCALAR_STRING);
	assert_yaml_type("12a", SCALAR_STRING);
}
END_TEST

START_TEST(resolve_yaml_floats)
{
	assert_yaml_type("1.", SCALAR_FLOAT);
	assert_yaml_type("0.", SCALAR_FLOAT);
	assert_yaml_type("1.5", SCALAR_FLOAT);
	assert_yaml_type(".5", SCALAR_FLOAT);
	assert_yaml_type("-.5", SCALAR_FLOAT);
	assert_yaml_type("1e3", SCALAR_FLOAT);
	assert_yaml_type("1E3", SCALAR_FLOAT);
	assert_yaml_type("1.0e+3", SCALAR_FLOAT);
	assert_yaml_type("1.5e-3", SCALAR_FLOAT);
	assert_yaml_type("1_0.5", SCALAR_FLOAT);
}
END_TEST

START_TEST(resolve_yaml_infinity_and_nan_floats)
{
	assert_yaml_type(".inf", SCALAR_FLOAT);
	assert_yaml_type(".Inf", SCALAR_FLOAT);
	assert_yaml_type(".INF", SCALAR_FLOAT);
	assert_yaml_type("-.inf", SCALAR_FLOAT);
	assert_yaml_type("+.inf", SCALAR_FLOAT);
	assert_yaml_type(".nan", SCALAR_FLOAT);
	assert_yaml_type(".NaN", SCALAR_FLOAT);
	assert_yaml_type(".NAN", SCALAR_FLOAT);
}
END_TEST

START_TEST(resolve_yaml_nan_and_infinity_words_are_strings)
{
	assert_yaml_type("NaN", SCALAR_STRING);
	assert_yaml_type("Infinity", SCALAR_STRING);
	assert_yaml_type("-Infinity", SCALAR_STRING);
	assert_yaml_type("inf", SCALAR_STRING);
	assert_yaml_type(".Nan", SCALAR_STRING);
}
END_TEST

START_TEST(resolve_yaml_incomplete_numbers_are_strings)
{
	assert_yaml_type("-", SCALAR_STRING);
	assert_yaml_type("+", SCALAR_STRING);
	assert_yaml_type(".", SCALAR_STRING);
	assert_yaml_type("1e", SCALAR_STRING);
	assert_yaml_type("1e+", SCALAR_STRING);
	assert_yaml_type("1.2.3", SCALAR_STRING);
}
END_TEST

START_TEST(resolve_yaml_clock_times_are_strings)
{
	assert_yaml_type("12:30", SCALAR_STRING);
	assert_yaml_type("1:2", SCALAR_STRING);
	assert_yaml_type("12:30:00", SCALAR_STRING);
}
END_TEST

START_TEST(resolve_yaml_date)
{
	assert_yaml_type("2030-01-10", SCALAR_DATE);
}
END_TEST

START_TEST(resolve_yaml_date_needs_two_digit_month_and_day)
{
	assert_yaml_type("2030-1-1", SCALAR_STRING);
	assert_yaml_type("2030-01-1", SCALAR_STRING);
	assert_yaml_type("30-01-10", SCALAR_STRING);
}
END_TEST

START_TEST(resolve_yaml_datetimes)
{
	assert_yaml_type("2030-01-10T00:00:00Z", SCALAR_DATETIME);
	assert_yaml_type("2030-01-10t00:00:00", SCALAR_DATETIME);
	assert_yaml_type("2030-01-10 00:00:00", SCALAR_DATETIME);
	assert_yaml_type("2030-01-10T00:00:00.123+01:00", SCALAR_DATETIME);
	assert_yaml_type("2030-01-10 00:00:00.5 -5", SCALAR_DATETIME);
	assert_yaml_type("2030-01-10T00:00:00 Z", SCALAR_DATETIME);
}
END_TEST

START_TEST(resolve_yaml_incomplete_datetimes_are_strings)
{
	assert_yaml_type("2030-01-10T", SCALAR_STRING);
	assert_yaml_type("2030-01-10T00:00", SCALAR_STRING);
	assert_yaml_type("2030-01-10T00:00:00X", SCALAR_STRING);
}
END_TEST

START_TEST(resolve_yaml_words_are_strings)
{
	assert_yaml_type("shadow-test", SCALAR_STRING);
	assert_yaml_type("ml.m5.xlarge", SCALAR_STRING);
	assert_yaml_type("_", SCALAR_STRING);
	/* The type is chosen by the first character: '_' starts no number. */
	assert_yaml_type("_1", SCALAR_STRING);
	assert_yaml_type("-_1", SCALAR_INT);
}
END_TEST

START_TEST(resolve_yaml_reads_only_len_bytes)
{
	ck_assert_int_eq(scalar_resolve_yaml("123abc", 3), SCALAR_INT);
	ck_assert_int_eq(scalar_resolve_yaml("truex", 4), SCALAR_BOOL);
	ck_assert_int_eq(scalar_resolve_yaml("x", 0), SCALAR_NULL);
}
END_TEST

START_TEST(resolve_yaml_after_release_still_works)
{
	assert_yaml_type("12", SCALAR_INT);
	scalar_release();
	assert_yaml_type("12", SCALAR_INT);
	assert_yaml_type("2030-01-10", SCALAR_DATE);
}
END_TEST

/* ---- scalar_resolve_json -------------------------------------------------- */

START_TEST(resolve_json_integers)
{
	assert_json_type("1", SCALAR_INT);
	assert_json_type("-1", SCALAR_INT);
	assert_json_type("0", SCALAR_INT);
	assert_json_type("99999999999999999999", SCALAR_INT);
}
END_TEST

START_TEST(resolve_json_floats)
{
	assert_json_type("1.0", SCALAR_FLOAT);
	assert_json_type("1e2", SCALAR_FLOAT);
	assert_json_type("1E2", SCALAR_FLOAT);
	assert_json_type("-1.5e-3", SCALAR_FLOAT);
	assert_json_type("NaN", SCALAR_FLOAT);
	assert_json_type("-Infinity", SCALAR_FLOAT);
}
END_TEST

START_TEST(resolve_json_literals)
{
	assert_json_type("true", SCALAR_BOOL);
	assert_json_type("false", SCALAR_BOOL);
	assert_json_type("null", SCALAR_NULL);
}
END_TEST

/* ---- scalar_parse_int ----------------------------------------------------- */

START_TEST(parse_int_decimal)
{
	assert_int_value("0", 0);
	assert_int_value("42", 42);
	assert_int_value("017", 17);
}
END_TEST

START_TEST(parse_int_signs)
{
	assert_int_value("-5", -5);
	assert_int_value("+5", 5);
	assert_int_value("-0", 0);
}
END_TEST

START_TEST(parse_int_underscores)
{
	assert_int_value("1_000", 1000);
	assert_int_value("1__0", 10);
	assert_int_value("0x_ff", 255);
}
END_TEST

START_TEST(parse_int_hex)
{
	assert_int_value("0x32", 50);
	assert_int_value("0xfF", 255);
	assert_int_value("-0x10", -16);
}
END_TEST

START_TEST(parse_int_octal)
{
	assert_int_value("0o17", 15);
	assert_int_value("-0o7", -7);
}
END_TEST

START_TEST(parse_int_binary)
{
	assert_int_value("0b101", 5);
	assert_int_value("+0b1_1", 3);
}
END_TEST

START_TEST(parse_int_llong_max_fits)
{
	assert_int_value("9223372036854775807", LLONG_MAX);
	assert_int_value("0x7FFFFFFFFFFFFFFF", LLONG_MAX);
}
END_TEST

START_TEST(parse_int_llong_max_plus_one_overflows)
{
	assert_int_refused("9223372036854775808");
	assert_int_refused("+9223372036854775808");
	assert_int_refused("0x8000000000000000");
	assert_int_refused("99999999999999999999");
}
END_TEST

START_TEST(parse_int_llong_min_fits)
{
	assert_int_value("-9223372036854775808", LLONG_MIN);
	assert_int_value("-0x8000000000000000", LLONG_MIN);
}
END_TEST

START_TEST(parse_int_llong_min_minus_one_overflows)
{
	assert_int_refused("-9223372036854775809");
	assert_int_refused("-0x8000000000000001");
	assert_int_refused("-99999999999999999999");
}
END_TEST

START_TEST(parse_int_digits_outside_base_refused)
{
	assert_int_refused("0o8");
	assert_int_refused("0b2");
	assert_int_refused("12a");
	assert_int_refused("0x");
}
END_TEST

START_TEST(parse_int_reads_only_len_bytes)
{
	long long value = 0;
	ck_assert(scalar_parse_int("12345", 2, &value));
	ck_assert_int_eq(value, 12);
}
END_TEST

/* ---- quote ---------------------------------------------------------------- */

static const char *quoted(const char *text, size_t len)
{
	static struct quoted out;

	out = quote(text, len);
	return out.text;
}

START_TEST(quote_plain_text)
{
	ck_assert_str_eq(quoted("abc", 3), "\"abc\"");
	ck_assert_str_eq(quoted("", 0), "\"\"");
}
END_TEST

START_TEST(quote_escapes_quote_and_backslash)
{
	ck_assert_str_eq(quoted("a\"b\\c", 5), "\"a\\\"b\\\\c\"");
}
END_TEST

START_TEST(quote_escapes_newline_and_tab)
{
	ck_assert_str_eq(quoted("a\nb\tc", 5), "\"a\\nb\\tc\"");
}
END_TEST

START_TEST(quote_escapes_control_characters_as_hex)
{
	ck_assert_str_eq(quoted("\x01\x1F\x7F", 3), "\"\\x01\\x1F\\x7F\"");
	ck_assert_str_eq(quoted("a\0b", 3), "\"a\\x00b\"");
	ck_assert_str_eq(quoted("\r", 1), "\"\\x0D\"");
}
END_TEST

START_TEST(quote_escapes_byte_that_is_not_utf8)
{
	ck_assert_str_eq(quoted("a\xFF", 2), "\"a\\xFF\"");
}
END_TEST

START_TEST(quote_keeps_multibyte_characters)
{
	ck_assert_str_eq(quoted("\xC3\xA9\xF0\x9F\x98\x80", 6), "\"\xC3\xA9\xF0\x9F\x98\x80\"");
}
END_TEST

START_TEST(quote_keeps_max_chars_whole)
{
	char text[QUOTE_MAX_CHARS + 1];
	char expected[QUOTE_MAX_CHARS + 3];

	memset(text, 'x', QUOTE_MAX_CHARS);
	text[QUOTE_MAX_CHARS] = '\0';
	expected[0] = '"';
	memset(expected + 1, 'x', QUOTE_MAX_CHARS);
	memcpy(expected + 1 + QUOTE_MAX_CHARS, "\"", 2);
	ck_assert_str_eq(quoted(text, QUOTE_MAX_CHARS), expected);
}
END_TEST

START_TEST(quote_shortens_after_max_chars)
{
	char text[QUOTE_MAX_CHARS + 2];
	char expected[QUOTE_MAX_CHARS + 6];

	memset(text, 'x', QUOTE_MAX_CHARS + 1);
	text[QUOTE_MAX_CHARS + 1] = '\0';
	expected[0] = '"';
	memset(expected + 1, 'x', QUOTE_MAX_CHARS);
	memcpy(expected + 1 + QUOTE_MAX_CHARS, "\"...", 5);
	ck_assert_str_eq(quoted(text, QUOTE_MAX_CHARS + 1), expected);
}
END_TEST

START_TEST(quote_counts_code_points_not_bytes)
{
	/* QUOTE_MAX_CHARS + 1 two-byte characters: 40 are kept, whole. */
	char text[2 * (QUOTE_MAX_CHARS + 1) + 1];
	char expected[2 * QUOTE_MAX_CHARS + 6];

	for (size_t i = 0; i <= QUOTE_MAX_CHARS; i++)
		memcpy(text + 2 * i, "\xC3\xA9", 2);
	expected[0] = '"';
	for (size_t i = 0; i < QUOTE_MAX_CHARS; i++)
		memcpy(expected + 1 + 2 * i, "\xC3\xA9", 2);
	memcpy(expected + 1 + 2 * QUOTE_MAX_CHARS, "\"...", 5);
	ck_assert_str_eq(quoted(text, 2 * (QUOTE_MAX_CHARS + 1)), expected);
}
END_TEST

START_TEST(quote_keeps_four_byte_character_at_the_cut)
{
	/* 39 ASCII characters, then an emoji as the 40th, then more. */
	char text[QUOTE_MAX_CHARS - 1 + 4 + 2 + 1];
	char expected[QUOTE_MAX_CHARS - 1 + 4 + 6];
	size_t at = QUOTE_MAX_CHARS - 1;

	memset(text, 'a', at);
	memcpy(text + at, "\xF0\x9F\x98\x80zz", 7);
	expected[0] = '"';
	memset(expected + 1, 'a', at);
	memcpy(expected + 1 + at, "\xF0\x9F\x98\x80\"...", 9);
	ck_assert_str_eq(quoted(text, strlen(text)), expected);
}
END_TEST

START_TEST(quote_escape_counts_as_one_character)
{
	char text[QUOTE_MAX_CHARS + 1];

	memset(text, '\n', QUOTE_MAX_CHARS + 1);
	const char *out = quoted(text, QUOTE_MAX_CHARS + 1);
	/* 40 two-byte escapes between quotes, then the ellipsis. */
	ck_assert_uint_eq(strlen(out), 2 + 2 * QUOTE_MAX_CHARS + 3);
	ck_assert_str_eq(out + 1 + 2 * QUOTE_MAX_CHARS, "\"...");
}
END_TEST

START_TEST(quote_worst_case_fits)
{
	char text[2 * QUOTE_MAX_CHARS];

	memset(text, '\x01', sizeof text);
	const char *out = quoted(text, sizeof text);
	ck_assert_uint_eq(strlen(out), 2 + 4 * QUOTE_MAX_CHARS + 3);
	ck_assert_uint_lt(strlen(out), sizeof(struct quoted));
}
END_TEST

/* ---- path ----------------------------------------------------------------- */

START_TEST(path_empty_is_empty_string)
{
	struct path path;

	path_init(&path);
	ck_assert_str_eq(path_string(&path), "");
	path_free(&path);
}
END_TEST

START_TEST(path_member_index_member)
{
	struct path path;

	path_init(&path);
	path_append_key(&path, "ModelVariants", 13);
	path_append_index(&path, 1);
	path_append_key(&path, "VariantName", 11);
	ck_assert_str_eq(path_string(&path), "ModelVariants[1].VariantName");
	ck_assert_uint_eq(path_length(&path), strlen("ModelVariants[1].VariantName"));
	path_free(&path);
}
END_TEST

START_TEST(path_nested_members_joined_by_dots)
{
	struct path path;

	path_init(&path);
	path_append_key(&path, "Schedule", 8);
	path_append_key(&path, "StartTime", 9);
	ck_assert_str_eq(path_string(&path), "Schedule.StartTime");
	path_free(&path);
}
END_TEST

START_TEST(path_identifier_may_hold_dash_digit_underscore)
{
	struct path path;

	path_init(&path);
	path_append_key(&path, "a", 1);
	path_append_key(&path, "b-c_1", 5);
	ck_assert_str_eq(path_string(&path), "a.b-c_1");
	path_free(&path);
}
END_TEST

START_TEST(path_non_identifier_key_bracketed)
{
	struct path path;

	path_init(&path);
	path_append_key(&path, "a b", 3);
	ck_assert_str_eq(path_string(&path), "[\"a b\"]");
	path_append_key(&path, "c", 1);
	ck_assert_str_eq(path_string(&path), "[\"a b\"].c");
	path_free(&path);
}
END_TEST

START_TEST(path_non_identifier_key_after_member)
{
	struct path path;

	path_init(&path);
	path_append_key(&path, "Schedule", 8);
	path_append_key(&path, "a.b", 3);
	path_append_key(&path, "\xC3\xA9", 2);
	ck_assert_str_eq(path_string(&path), "Schedule[\"a.b\"][\"\xC3\xA9\"]");
	path_free(&path);
}
END_TEST

START_TEST(path_empty_key_bracketed)
{
	struct path path;

	path_init(&path);
	path_append_key(&path, "", 0);
	ck_assert_str_eq(path_string(&path), "[\"\"]");
	path_free(&path);
}
END_TEST

START_TEST(path_index_at_root)
{
	struct path path;

	path_init(&path);
	path_append_index(&path, 0);
	path_append_key(&path, "x", 1);
	path_append_index(&path, 12);
	ck_assert_str_eq(path_string(&path), "[0].x[12]");
	path_free(&path);
}
END_TEST

START_TEST(path_truncate_leaves_member)
{
	struct path path;

	path_init(&path);
	path_append_key(&path, "ModelVariants", 13);
	size_t mark = path_length(&path);
	path_append_index(&path, 0);
	path_append_key(&path, "ModelName", 9);
	path_truncate(&path, mark);
	ck_assert_str_eq(path_string(&path), "ModelVariants");
	path_append_index(&path, 1);
	ck_assert_str_eq(path_string(&path), "ModelVariants[1]");
	path_truncate(&path, 0);
	ck_assert_str_eq(path_string(&path), "");
	path_free(&path);
}
END_TEST

START_TEST(path_grows_past_initial_capacity)
{
	struct path path;
	char key[200];

	memset(key, 'k', sizeof key);
	path_init(&path);
	for (int i = 0; i < 10; i++)
		path_append_key(&path, key, sizeof key);
	ck_assert(!path_failed(&path));
	ck_assert_uint_eq(path_length(&path), 10 * sizeof key + 9);
	ck_assert_uint_eq(strlen(path_string(&path)), path_length(&path));
	path_free(&path);
}
END_TEST

/* ---- the suite --------------------------------------------------------------- */

/* ---- lengths of time ---------------------------------------------------- */

START_TEST(duration_whole_days_alone)
{
	ck_assert_str_eq(duration_text(41 * 86400.0).text, "41 days");
}
END_TEST

START_TEST(duration_days_and_hour_in_the_singular)
{
	ck_assert_str_eq(duration_text(30 * 86400.0 + 3600).text, "30 days 1 hour");
	ck_assert_str_eq(duration_text(86400.0 + 7200).text, "1 day 2 hours");
}
END_TEST

START_TEST(duration_under_a_day_has_no_zero_days)
{
	ck_assert_str_eq(duration_text(12 * 3600.0).text, "12 hours");
	ck_assert_str_eq(duration_text(2 * 3600.0 + 30 * 60).text, "2 hours 30 minutes");
	ck_assert_str_eq(duration_text(61).text, "1 minute 1 second");
}
END_TEST

START_TEST(duration_keeps_two_adjacent_units_at_most)
{
	/* 30 days, 0 hours and 30 minutes: the minutes are past the next unit. */
	ck_assert_str_eq(duration_text(30 * 86400.0 + 1800).text, "30 days");
}
END_TEST

START_TEST(duration_longer_than_the_calendar_is_its_length)
{
	/* 0001-01-01 to 9999-12-31T23:59:59: 3,652,058 days less a second. */
	ck_assert_str_eq(duration_text(1e300).text, "3652058 days 23 hours");
	ck_assert_str_eq(duration_text(1e300).text,
			 duration_text((double)(CIVIL_LATEST - CIVIL_EARLIEST)).text);
}
END_TEST

START_TEST(civil_floor_is_the_second_at_or_before)
{
	ck_assert_int_eq(civil_floor(1.5), 1);
	ck_assert_int_eq(civil_floor(2.0), 2);
	ck_assert_int_eq(civil_floor(0.25), 0);
	ck_assert_int_eq(civil_floor(-0.0), 0);
	ck_assert_int_eq(civil_floor(-0.25), -1);
	ck_assert_int_eq(civil_floor(-2.0), -2);
	ck_assert_int_eq(civil_floor(-2.5), -3);
	ck_assert_int_eq(civil_floor((double)CIVIL_EARLIEST), CIVIL_EARLIEST);
	ck_assert_int_eq(civil_floor((double)CIVIL_LATEST + 0.5), CIVIL_LATEST);
}
END_TEST

START_TEST(duration_under_a_second_is_zero_seconds)
{
	ck_assert_str_eq(duration_text(0).text, "0 seconds");
	ck_assert_str_eq(duration_text(0.5).text, "0 seconds");
	ck_assert_str_eq(duration_text(-5).text, "0 seconds");
}
END_TEST

/* utf8_find_invalid reads ASCII a word at a time: a bad byte or a
 * sequence at every offset around the words' edges is still found. */
START_TEST(utf8_invalid_found_at_every_offset)
{
	char text[40];

	for (size_t at = 0; at < 24; at++) {
		memset(text, 'a', sizeof text);
		text[at] = (char)0xFF;
		ck_assert_uint_eq(utf8_find_invalid(text, sizeof text), at);
		/* A lead byte whose sequence the text ends before. */
		memset(text, 'a', sizeof text);
		text[at] = (char)0xE2;
		ck_assert_uint_eq(utf8_find_invalid(text, at + 1), at);
	}
}
END_TEST

START_TEST(utf8_sequences_across_words_are_valid)
{
	char text[40];

	for (size_t at = 0; at < 24; at++) {
		memset(text, 'a', sizeof text);
		memcpy(text + at, "\xE2\x82\xAC", 3); /* the euro sign */
		ck_assert_uint_eq(utf8_find_invalid(text, sizeof text), sizeof text);
		text[at + 2] = 'a';
		ck_assert_uint_eq(utf8_find_invalid(text, sizeof text), at);
	}
}
END_TEST

/* ---- scalar_read_yaml ------------------------------------------------------- */

/* How a version types a plain scalar, and its value: for YAML 1.1 as
 * python3-yaml's safe_load gives it (measured with PyYAML 6.0), for YAML
 * 1.2 as the core schema's tags and their canonical values say. */
static const struct {
	const char *text;
	enum scalar_type type;
	double value; /* of an integer, a float, a boolean (1 or 0) */
} yaml11[] = {
	{ "017", SCALAR_INT, 15 },	     { "0o17", SCALAR_STRING, 0 },
	{ "1_000", SCALAR_INT, 1000 },	     { "+50", SCALAR_INT, 50 },
	{ "12:30", SCALAR_INT, 750 },	     { "-1:30", SCALAR_INT, -90 },
	{ "190:20:30", SCALAR_INT, 685230 }, { "1:60", SCALAR_STRING, 0 },
	{ "yes", SCALAR_BOOL, 1 },	     { "No", SCALAR_BOOL, 0 },
	{ "ON", SCALAR_BOOL, 1 },	     { "off", SCALAR_BOOL, 0 },
	{ "y", SCALAR_STRING, 0 },	     { "tRue", SCALAR_STRING, 0 },
	{ "08", SCALAR_STRING, 0 },	     { "0b101", SCALAR_INT, 5 },
	{ "-0b11", SCALAR_INT, -3 },	     { "0x_1F", SCALAR_INT, 31 },
	{ "00", SCALAR_INT, 0 },	     { "0_", SCALAR_INT, 0 },
	{ "1__0", SCALAR_INT, 10 },	     { "+0o17", SCALAR_STRING, 0 },
	{ "1e3", SCALAR_STRING, 0 },	     { "1e+3", SCALAR_STRING, 0 },
	{ "1.0e3", SCALAR_STRING, 0 },	     { "1.0e+3", SCALAR_FLOAT, 1000 },
	{ "1_0.5", SCALAR_FLOAT, 10.5 },     { "1:30.5", SCALAR_FLOAT, 90.5 },
	{ ".5", SCALAR_FLOAT, 0.5 },	     { "-.5", SCALAR_STRING, 0 },
	{ "1.", SCALAR_FLOAT, 1 },	     { "NaN", SCALAR_STRING, 0 },
	{ "~", SCALAR_NULL, 0 },	     { "", SCALAR_NULL, 0 },
	{ "2030-01-10", SCALAR_DATE, 0 },    { "2030-1-1 1:00:00", SCALAR_DATETIME, 0 },
	{ "_1", SCALAR_STRING, 0 },	     { "-_1", SCALAR_STRING, 0 },
}, yaml12[] = {
	{ "017", SCALAR_INT, 17 },	     { "0o17", SCALAR_INT, 15 },
	{ "1_000", SCALAR_STRING, 0 },	     { "+50", SCALAR_INT, 50 },
	{ "12:30", SCALAR_STRING, 0 },	     { "yes", SCALAR_STRING, 0 },
	{ "off", SCALAR_STRING, 0 },	     { "True", SCALAR_BOOL, 1 },
	{ "08", SCALAR_INT, 8 },	     { "0b101", SCALAR_STRING, 0 },
	{ "0x1F", SCALAR_INT, 31 },	     { "+0o17", SCALAR_STRING, 0 },
	{ "1e3", SCALAR_FLOAT, 1000 },	     { "1.0e3", SCALAR_FLOAT, 1000 },
	{ "1_0.5", SCALAR_STRING, 0 },	     { "-.5", SCALAR_FLOAT, -0.5 },
	{ "1.", SCALAR_FLOAT, 1 },	     { "2030-01-10", SCALAR_STRING, 0 },
	{ "null", SCALAR_NULL, 0 },	     { "", SCALAR_NULL, 0 },
};

static double value_of(const struct yaml_value *v)
{
	return v->type == SCALAR_INT ? (double)v->int_value
	     : v->type == SCALAR_BOOL ? v->bool_value : v->float_value;
}

START_TEST(read_yaml_1_1_as_pyyaml_does)
{
	for (size_t i = 0; i < sizeof yaml11 / sizeof *yaml11; i++) {
		struct yaml_value v = scalar_read_yaml(yaml11[i].text, strlen(yaml11[i].text),
						       YAML_1_1);
		ck_assert_msg(v.type == yaml11[i].type, "YAML 1.1 types %s as %s, expected %s",
			      yaml11[i].text, scalar_type_name(v.type),
			      scalar_type_name(yaml11[i].type));
		if (v.type == SCALAR_INT || v.type == SCALAR_FLOAT || v.type == SCALAR_BOOL)
			ck_assert_msg(value_of(&v) == yaml11[i].value, "YAML 1.1 reads %s as %g",
				      yaml11[i].text, value_of(&v));
	}
}
END_TEST

START_TEST(read_yaml_1_2_core_schema)
{
	for (size_t i = 0; i < sizeof yaml12 / sizeof *yaml12; i++) {
		struct yaml_value v = scalar_read_yaml(yaml12[i].text, strlen(yaml12[i].text),
						       YAML_1_2);
		ck_assert_msg(v.type == yaml12[i].type, "YAML 1.2 types %s as %s, expected %s",
			      yaml12[i].text, scalar_type_name(v.type),
			      scalar_type_name(yaml12[i].type));
		if (v.type == SCALAR_INT || v.type == SCALAR_FLOAT || v.type == SCALAR_BOOL)
			ck_assert_msg(value_of(&v) == yaml12[i].value, "YAML 1.2 reads %s as %g",
				      yaml12[i].text, value_of(&v));
	}
}
END_TEST

START_TEST(read_yaml_says_the_notation)
{
	ck_assert_str_eq(scalar_read_yaml("017", 3, YAML_1_1).notation, "octal");
	ck_assert_str_eq(scalar_read_yaml("0o17", 4, YAML_1_2).notation, "octal");
	ck_assert_str_eq(scalar_read_yaml("12:30", 5, YAML_1_1).notation, "base 60");
	ck_assert_str_eq(scalar_read_yaml("0b1", 3, YAML_1_1).notation, "binary");
	ck_assert_ptr_null(scalar_read_yaml("17", 2, YAML_1_1).notation);
	ck_assert_ptr_null(scalar_read_yaml("017", 3, YAML_1_2).notation);
}
END_TEST

START_TEST(read_yaml_integers_past_long_long_overflow)
{
	ck_assert(!scalar_read_yaml("9223372036854775807", 19, YAML_1_1).int_overflow);
	ck_assert(scalar_read_yaml("9223372036854775808", 19, YAML_1_1).int_overflow);
	ck_assert(scalar_read_yaml("99999999999999999999:59", 23, YAML_1_1).int_overflow);
	ck_assert(scalar_read_yaml("0x1FFFFFFFFFFFFFFFF", 19, YAML_1_1).int_overflow);
}
END_TEST

START_TEST(format_float_as_json_writes_it)
{
	char text[32];

	scalar_format_float(2, text, sizeof text);
	ck_assert_str_eq(text, "2.0");
	scalar_format_float(0.1, text, sizeof text);
	ck_assert_str_eq(text, "0.1");
	scalar_format_float(1e20, text, sizeof text);
	ck_assert_str_eq(text, "1e+20");
	scalar_format_float(-90.5, text, sizeof text);
	ck_assert_str_eq(text, "-90.5");
}
END_TEST

Suite *scalar_suite(void)
{
	Suite *suite = suite_create("scalar");
	TCase *tc;

	tc = tcase_create("resolve yaml");
	tcase_add_test(tc, resolve_yaml_null_forms);
	tcase_add_test(tc, resolve_yaml_null_lookalikes_are_strings);
	tcase_add_test(tc, resolve_yaml_bool_forms);
	tcase_add_test(tc, resolve_yaml_yaml11_bools_are_strings);
	tcase_add_test(tc, resolve_yaml_decimal_ints);
	tcase_add_test(tc, resolve_yaml_prefixed_ints);
	tcase_add_test(tc, resolve_yaml_bad_prefixed_digits_are_strings);
	tcase_add_test(tc, resolve_yaml_floats);
	tcase_add_test(tc, resolve_yaml_infinity_and_nan_floats);
	tcase_add_test(tc, resolve_yaml_nan_and_infinity_words_are_strings);
	tcase_add_test(tc, resolve_yaml_incomplete_numbers_are_strings);
	tcase_add_test(tc, resolve_yaml_clock_times_are_strings);
	tcase_add_test(tc, resolve_yaml_date);
	tcase_add_test(tc, resolve_yaml_date_needs_two_digit_month_and_day);
	tcase_add_test(tc, resolve_yaml_datetimes);
	tcase_add_test(tc, resolve_yaml_incomplete_datetimes_are_strings);
	tcase_add_test(tc, resolve_yaml_words_are_strings);
	tcase_add_test(tc, resolve_yaml_reads_only_len_bytes);
	tcase_add_test(tc, resolve_yaml_after_release_still_works);
	suite_add_tcase(suite, tc);

	tc = tcase_create("read yaml by version");
	tcase_add_test(tc, read_yaml_1_1_as_pyyaml_does);
	tcase_add_test(tc, read_yaml_1_2_core_schema);
	tcase_add_test(tc, read_yaml_says_the_notation);
	tcase_add_test(tc, read_yaml_integers_past_long_long_overflow);
	tcase_add_test(tc, format_float_as_json_writes_it);
	suite_add_tcase(suite, tc);

	tc = tcase_create("utf8");
	tcase_add_test(tc, utf8_invalid_found_at_every_offset);
	tcase_add_test(tc, utf8_sequences_across_words_are_valid);
	suite_add_tcase(suite, tc);

	tc = tcase_create("resolve json");
	tcase_add_test(tc, resolve_json_integers);
	tcase_add_test(tc, resolve_json_floats);
	tcase_add_test(tc, resolve_json_literals);
	suite_add_tcase(suite, tc);

	tc = tcase_create("parse int");
	tcase_add_test(tc, parse_int_decimal);
	tcase_add_test(tc, parse_int_signs);
	tcase_add_test(tc, parse_int_underscores);
	tcase_add_test(tc, parse_int_hex);
	tcase_add_test(tc, parse_int_octal);
	tcase_add_test(tc, parse_int_binary);
	tcase_add_test(tc, parse_int_llong_max_fits);
	tcase_add_test(tc, parse_int_llong_max_plus_one_overflows);
	tcase_add_test(tc, parse_int_llong_min_fits);
	tcase_add_test(tc, parse_int_llong_min_minus_one_overflows);
	tcase_add_test(tc, parse_int_digits_outside_base_refused);
	tcase_add_test(tc, parse_int_reads_only_len_bytes);
	suite_add_tcase(suite, tc);

	tc = tcase_create("quote");
	tcase_add_test(tc, quote_plain_text);
	tcase_add_test(tc, quote_escapes_quote_and_backslash);
	tcase_add_test(tc, quote_escapes_newline_and_tab);
	tcase_add_test(tc, quote_escapes_control_characters_as_hex);
	tcase_add_test(tc, quote_escapes_byte_that_is_not_utf8);
	tcase_add_test(tc, quote_keeps_multibyte_characters);
	tcase_add_test(tc, quote_keeps_max_chars_whole);
	tcase_add_test(tc, quote_shortens_after_max_chars);
	tcase_add_test(tc, quote_counts_code_points_not_bytes);
	tcase_add_test(tc, quote_keeps_four_byte_character_at_the_cut);
	tcase_add_test(tc, quote_escape_counts_as_one_character);
	tcase_add_test(tc, quote_worst_case_fits);
	suite_add_tcase(suite, tc);

	tc = tcase_create("duration");
	tcase_add_test(tc, duration_whole_days_alone);
	tcase_add_test(tc, duration_days_and_hour_in_the_singular);
	tcase_add_test(tc, duration_under_a_day_has_no_zero_days);
	tcase_add_test(tc, duration_keeps_two_adjacent_units_at_most);
	tcase_add_test(tc, duration_under_a_second_is_zero_seconds);
	tcase_add_test(tc, duration_longer_than_the_calendar_is_its_length);
	tcase_add_test(tc, civil_floor_is_the_second_at_or_before);
	suite_add_tcase(suite, tc);

	tc = tcase_create("path");
	tcase_add_test(tc, path_empty_is_empty_string);
	tcase_add_test(tc, path_member_index_member);
	tcase_add_test(tc, path_nested_members_joined_by_dots);
	tcase_add_test(tc, path_identifier_may_hold_dash_digit_underscore);
	tcase_add_test(tc, path_non_identifier_key_bracketed);
	tcase_add_test(tc, path_non_identifier_key_after_member);
	tcase_add_test(tc, path_empty_key_bracketed);
	tcase_add_test(tc, path_index_at_root);
	tcase_add_test(tc, path_truncate_leaves_member);
	tcase_add_test(tc, path_grows_past_initial_capacity);
	suite_add_tcase(suite, tc);

	return suite;
}
