/* Tests of a scalar's text as the loader reads it from the source
 * (load/scalar_text.c). Each expected text is what the AWS CLI's YAML
 * loader (ruamel.yaml, safe) gives the same document. */
#include "unit.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "load/diag.h"
#include "load/load.h"
#include "load/node.h"
#include "load/scalar_text.h"
#include "load/source.h"

/* The text of member `a` of a YAML document, as the loader reads it;
 * false when the document does not load. */
static bool text_of_a(const char *yaml, char **text, size_t *len)
{
	static const struct document_kind kind = { "a test", "a member", "Name" };
	struct source src;
	struct document doc;
	struct diag_list diags;
	const struct node *a;
	bool found = false;

	diag_list_init(&diags);
	source_from_memory(&src, "test.yaml", yaml, strlen(yaml));
	if (load_document(&doc, &src, INPUT_YAML, &kind, &diags) &&
	    (a = node_member(doc.root, "a")) && a->kind == NODE_SCALAR) {
		*len = a->scalar.len;
		*text = malloc(*len + 1);
		ck_assert_ptr_nonnull(*text);
		memcpy(*text, a->scalar.text, *len + 1);
		found = true;
	}
	document_free(&doc);
	diag_list_free(&diags);
	return found;
}

static const struct {
	const char *yaml;
	const char *text;
	size_t len; /* of text, which may hold a NUL */
} documents[] = {
#define TEXT(s) s, sizeof s - 1
	{ "a: 'it''s '''' here'\n", TEXT("it's '' here") },
	{ "a: ' x  \n\n   y \n  z  '\n", TEXT(" x\ny z  ") },
	{ "a: \"tab\\there\\x41\\u00e9\\U0001F600 \\\\ \\\"q\\\" \\/ \\N\\_\\L\\P\\e\\0end\"\n",
	  TEXT("tab\there" "A\xC3\xA9\xF0\x9F\x98\x80 \\ \"q\" / \xC2\x85\xC2\xA0"
	       "\xE2\x80\xA8\xE2\x80\xA9\x1B\0end") },
	{ "a: \"joined \\\n   here\"\n", TEXT("joined here") },
	{ "a: \"two \\\\\\\\\n   lines\"\n", TEXT("two \\\\ lines") },
	{ "a: \"escaped\\ \n  space\"\n", TEXT("escaped  space") },
	{ "a: plain\n  folded\n\n\n  text\n", TEXT("plain folded\n\ntext") },
	{ "a: |\n  one\n    two\n\n  three\n\n\nb: x\n", TEXT("one\n  two\n\nthree\n") },
	{ "a: |-\n  one\n\n\nb: x\n", TEXT("one") },
	{ "a: |+\n  one\n\n\nb: x\n", TEXT("one\n\n\n") },
	{ "a: >\n  one\n  two\n\n   more\n  three\n\n  four\n",
	  TEXT("one two\n\n more\nthree\nfour\n") },
	{ "a: >2\n    indented\n  x\n", TEXT("  indented\nx\n") },
	{ "a: |\n  no break at the end", TEXT("no break at the end") },
	{ "a: >+\n\n\nb: x\n", TEXT("\n\n") },
	{ "a: |\n  x\n      \n", TEXT("x\n    \n") },
	{ "a: ''\n", TEXT("") },
	{ "a: |\n", TEXT("") },
	/* CR LF and CR end lines as LF does. */
	{ "a: |\r\n  one\r\n  two\r\n", TEXT("one\ntwo\n") },
	{ "a: 'one\r\r  two'\r", TEXT("one\ntwo") },
#undef TEXT
};

START_TEST(scalar_text_as_the_cli_reads_it)
{
	char *text;
	size_t len;

	ck_assert_msg(text_of_a(documents[_i].yaml, &text, &len), "%s did not load",
		      documents[_i].yaml);
	ck_assert_msg(len == documents[_i].len && memcmp(text, documents[_i].text, len) == 0,
		      "%s: got \"%s\" (%zu bytes)", documents[_i].yaml, text, len);
	ck_assert_int_eq(text[len], '\0');
	free(text);
}
END_TEST

/* An explicit indentation counts from the block collection around it. */
START_TEST(explicit_indentation_counts_from_the_collection)
{
	static const struct document_kind kind = { "a test", "a member", "Name" };
	static const char yaml[] = "b:\n  - |1\n     x\n  - >-\n   folded\n   text\n";
	struct source src;
	struct document doc;
	struct diag_list diags;
	const struct node *b;

	diag_list_init(&diags);
	source_from_memory(&src, "test.yaml", yaml, strlen(yaml));
	ck_assert(load_document(&doc, &src, INPUT_YAML, &kind, &diags));
	b = node_member(doc.root, "b");
	ck_assert_int_eq(b->sequence.count, 2);
	ck_assert_str_eq(b->sequence.items[0]->scalar.text, "  x\n");
	ck_assert_str_eq(b->sequence.items[1]->scalar.text, "folded text");
	document_free(&doc);
	diag_list_free(&diags);
}
END_TEST

START_TEST(block_header_in_either_order)
{
	char chomping;
	size_t indent;

	scalar_block_header("|2-", 3, &chomping, &indent);
	ck_assert_int_eq(chomping, '-');
	ck_assert_uint_eq(indent, 2);
	scalar_block_header(">+9 # note", 10, &chomping, &indent);
	ck_assert_int_eq(chomping, '+');
	ck_assert_uint_eq(indent, 9);
	scalar_block_header("|", 1, &chomping, &indent);
	ck_assert_int_eq(chomping, 0);
	ck_assert_uint_eq(indent, 0);
}
END_TEST

/* Counting first, then writing: the two agree, and the text is never
 * longer than a small multiple of its source. */
START_TEST(counted_length_is_written_length)
{
	static const char source[] = "a\\Lb\\P''\n\n c";
	struct scalar_source s = { STYLE_DOUBLE_QUOTED, source, sizeof source - 1, 0, 0 };
	char out[64];
	size_t counted = scalar_text(&s, NULL);

	ck_assert_uint_eq(scalar_text(&s, out), counted);
	ck_assert_uint_eq(counted, strlen("a\xE2\x80\xA8" "b\xE2\x80\xA9''\nc"));
	ck_assert(memcmp(out, "a\xE2\x80\xA8" "b\xE2\x80\xA9''\nc", counted) == 0);
}
END_TEST

/* White space before a fold is never written and taken back: the text
 * goes into a buffer of its counted length. */
START_TEST(nothing_is_written_past_the_counted_length)
{
	static const char source[] = "x      \n y";
	struct scalar_source s = { STYLE_SINGLE_QUOTED, source, sizeof source - 1, 0, 0 };
	char out[16];
	size_t counted = scalar_text(&s, NULL);

	memset(out, '#', sizeof out);
	ck_assert_uint_eq(scalar_text(&s, out), counted);
	ck_assert_uint_eq(counted, 3);
	ck_assert(memcmp(out, "x y#", 4) == 0);
}
END_TEST

Suite *scalar_text_suite(void)
{
	Suite *suite = suite_create("scalar_text");
	TCase *tc = tcase_create("scalar text");

	tcase_add_loop_test(tc, scalar_text_as_the_cli_reads_it, 0,
			    (int)(sizeof documents / sizeof *documents));
	tcase_add_test(tc, explicit_indentation_counts_from_the_collection);
	tcase_add_test(tc, block_header_in_either_order);
	tcase_add_test(tc, counted_length_is_written_length);
	tcase_add_test(tc, nothing_is_written_past_the_counted_length);
	suite_add_tcase(suite, tc);
	return suite;
}
