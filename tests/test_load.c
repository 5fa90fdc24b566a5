/* Tests of the loader: positions, scalar typing and every bad-input class.
 * Each test loads one text held in memory and asserts exact values. */
#include "unit.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/diag.h"
#include "load/load.h"
#include "load/node.h"
#include "rules/rules.h"
#include "load/source.h"

/* ---- the document under test -------------------------------------------- */

static struct source src;
static struct document doc;
static struct diag_list diags;
static bool loaded;
static bool ok;        /* what load_document returned */
static char *owned;    /* a text built at run time, freed with the document */

static void unload(void)
{
	if (loaded) {
		document_free(&doc);
		diag_list_free(&diags);
		loaded = false;
	}
	free(owned);
	owned = NULL;
}

/* Loads len bytes of text under `name` (which picks the format when format
 * is INPUT_AUTO). The text must stay alive until the next load or unload. */
static bool load_bytes(const char *name, const char *text, size_t len,
		       enum input_format format)
{
	static const struct document_kind kind = { "a test", "a member", "Name" };

	if (loaded) {
		document_free(&doc);
		diag_list_free(&diags);
	}
	diag_list_init(&diags);
	source_from_memory(&src, name, text, len);
	ok = load_document(&doc, &src, format, &kind, &diags);
	/* As for a request, where no local tag is allowed. */
	load_report_local_tags(&doc, &diags);
	loaded = true;
	return ok;
}

static bool load_yaml(const char *text)
{
	return load_bytes("test.yaml", text, strlen(text), INPUT_AUTO);
}

static bool load_json(const char *text)
{
	return load_bytes("test.json", text, strlen(text), INPUT_AUTO);
}

/* Takes ownership of a malloc'ed text and loads it. */
static bool load_owned(const char *name, char *text)
{
	ck_assert_ptr_nonnull(text);
	free(owned);
	owned = text;
	return load_bytes(name, text, strlen(text), INPUT_AUTO);
}

/* head, then depth opening brackets, depth closing ones, then tail. */
static char *nested_lists(const char *head, size_t depth, const char *tail)
{
	size_t head_len = strlen(head), tail_len = strlen(tail);
	char *text = malloc(head_len + 2 * depth + tail_len + 1);

	if (!text)
		return NULL;
	memcpy(text, head, head_len);
	memset(text + head_len, '[', depth);
	memset(text + head_len + depth, ']', depth);
	memcpy(text + head_len + 2 * depth, tail, tail_len + 1);
	return text;
}

/* ---- assertions ---------------------------------------------------------- */

#define assert_span(span_expr, l, c, el, ec)                                       \
	do {                                                                       \
		const struct span s_ = (span_expr);                                \
		ck_assert_msg(s_.line == (l) && s_.column == (c) &&                \
				      s_.end_line == (el) && s_.end_column == (ec), \
			      "span is %d:%d-%d:%d, expected %d:%d-%d:%d", s_.line, \
			      s_.column, s_.end_line, s_.end_column, (l), (c),      \
			      (el), (ec));                                          \
	} while (0)

/* Exactly one diagnostic, of this rule, starting at line:column. */
#define assert_only_diag(r, l, c)                                                  \
	do {                                                                       \
		ck_assert_msg(diags.count == 1,                                    \
			      "expected one diagnostic, got %zu (first: %s)",      \
			      diags.count,                                         \
			      diags.count ? diags.items[0].message : "none");      \
		ck_assert_msg(diags.items[0].rule == (r),                          \
			      "rule is %s, expected %s (%s)",                      \
			      rule_get(diags.items[0].rule)->name,                 \
			      rule_get(r)->name, diags.items[0].message);          \
		ck_assert_int_eq(diags.items[0].span.line, (l));                   \
		ck_assert_int_eq(diags.items[0].span.column, (c));                 \
	} while (0)

#define assert_no_diags()                                                          \
	ck_assert_msg(diags.count == 0, "unexpected diagnostic: %s",              \
		      diags.count ? diags.items[0].message : "")

/* A refused document: load_document said no and left no tree. */
#define assert_refused()                                                           \
	do {                                                                       \
		ck_assert(!ok);                                                    \
		ck_assert_ptr_null(doc.root);                                      \
	} while (0)

static const struct node *root(void)
{
	ck_assert_msg(ok, "the document did not load: %s",
		      diags.count ? diags.items[0].message : "no diagnostic");
	ck_assert_ptr_nonnull(doc.root);
	ck_assert_int_eq(doc.root->kind, NODE_MAPPING);
	return doc.root;
}

static const struct pair *pair_at(const struct node *mapping, size_t index)
{
	ck_assert_int_eq(mapping->kind, NODE_MAPPING);
	ck_assert_uint_gt(mapping->mapping.count, index);
	return &mapping->mapping.pairs[index];
}

static const struct node *item_at(const struct node *sequence, size_t index)
{
	ck_assert_int_eq(sequence->kind, NODE_SEQUENCE);
	ck_assert_uint_gt(sequence->sequence.count, index);
	return sequence->sequence.items[index];
}

static const struct node *member(const struct node *mapping, const char *name)
{
	const struct node *value = node_member(mapping, name);

	ck_assert_msg(value != NULL, "no member %s", name);
	return value;
}

static const struct node *scalar_member(const struct node *mapping,
					const char *name)
{
	const struct node *value = member(mapping, name);

	ck_assert_int_eq(value->kind, NODE_SCALAR);
	return value;
}

#define assert_source(node, expected)                                              \
	do {                                                                       \
		const struct scalar *sc_ = &(node)->scalar;                        \
		ck_assert_msg(sc_->source_len == strlen(expected) &&               \
				      memcmp(sc_->source, (expected),              \
					     sc_->source_len) == 0,                \
			      "source is <%.*s>, expected <%s>",                   \
			      (int)sc_->source_len, sc_->source, (expected));      \
	} while (0)

/* The scalar written as the value of `v:` in a one-line YAML document. */
static char value_text[256];

static const struct node *yaml_value(const char *value)
{
	size_t len = strlen(value);

	ck_assert_uint_lt(len + 5, sizeof value_text);
	memcpy(value_text, "v: ", 3);
	memcpy(value_text + 3, value, len);
	memcpy(value_text + 3 + len, "\n", 2);
	load_yaml(value_text);
	return scalar_member(root(), "v");
}

static enum scalar_type yaml_type(const char *value)
{
	return yaml_value(value)->scalar.type;
}

/* The integer a YAML value loads as, asserting that it is one and fits. */
static long long yaml_int(const char *value)
{
	const struct node *node = yaml_value(value);

	ck_assert_msg(node->scalar.type == SCALAR_INT, "%s is a %s, not an integer",
		      value, scalar_type_name(node->scalar.type));
	ck_assert(!node->scalar.int_overflow);
	return node->scalar.int_value;
}

/* The JSON counterpart: {"v": VALUE}. */
static const struct node *json_value(const char *value)
{
	size_t len = strlen(value);

	ck_assert_uint_lt(len + 8, sizeof value_text);
	memcpy(value_text, "{\"v\": ", 6);
	memcpy(value_text + 6, value, len);
	memcpy(value_text + 6 + len, "}", 2);
	load_json(value_text);
	return scalar_member(root(), "v");
}

static enum scalar_type json_type(const char *value)
{
	return json_value(value)->scalar.type;
}

/* ---- positions in JSON --------------------------------------------------- */

START_TEST(json_root_spans_its_braces)
{
	load_json("{\"a\": 1}");
	assert_no_diags();
	assert_span(root()->span, 1, 1, 1, 9);
}
END_TEST

START_TEST(json_key_span_includes_quotes)
{
	load_json("{\"a\": 1}");
	const struct node *key = pair_at(root(), 0)->key;
	assert_span(key->span, 1, 2, 1, 5);
	ck_assert_str_eq(key->scalar.text, "a");
	assert_source(key, "\"a\"");
}
END_TEST

START_TEST(json_number_value_span)
{
	load_json("{\"a\": 123}");
	const struct node *value = scalar_member(root(), "a");
	assert_span(value->span, 1, 7, 1, 10);
	assert_source(value, "123");
}
END_TEST

START_TEST(json_multiline_positions)
{
	load_json("{\n  \"Name\": \"exp\",\n  \"List\": [\n    1,\n    2\n  ]\n}\n");
	const struct node *map = root();
	assert_span(map->span, 1, 1, 7, 2);
	assert_span(pair_at(map, 0)->key->span, 2, 3, 2, 9);
	assert_span(member(map, "Name")->span, 2, 11, 2, 16);
	assert_span(pair_at(map, 1)->key->span, 3, 3, 3, 9);
	const struct node *list = member(map, "List");
	assert_span(list->span, 3, 11, 6, 4);
	ck_assert_uint_eq(list->sequence.count, 2);
	assert_span(item_at(list, 0)->span, 4, 5, 4, 6);
	assert_span(item_at(list, 1)->span, 5, 5, 5, 6);
}
END_TEST

START_TEST(json_nested_containers_end_at_closing_bracket)
{
	load_json("{\"a\": [1, {\"b\": 2}]}");
	const struct node *list = member(root(), "a");
	assert_span(list->span, 1, 7, 1, 20);
	const struct node *inner = item_at(list, 1);
	assert_span(inner->span, 1, 11, 1, 19);
	assert_span(member(inner, "b")->span, 1, 17, 1, 18);
}
END_TEST

START_TEST(json_empty_containers_span_both_brackets)
{
	load_json("{\"a\": {}, \"b\": []}");
	const struct node *a = member(root(), "a");
	const struct node *b = member(root(), "b");
	ck_assert_int_eq(a->kind, NODE_MAPPING);
	ck_assert_uint_eq(a->mapping.count, 0);
	assert_span(a->span, 1, 7, 1, 9);
	ck_assert_int_eq(b->kind, NODE_SEQUENCE);
	ck_assert_uint_eq(b->sequence.count, 0);
	assert_span(b->span, 1, 16, 1, 18);
}
END_TEST

START_TEST(json_tabs_count_one_column)
{
	load_json("{\"a\":\t\"x\",\t\"b\": [1,\t2]}");
	assert_span(member(root(), "a")->span, 1, 7, 1, 10);
	assert_span(pair_at(root(), 1)->key->span, 1, 12, 1, 15);
	assert_span(item_at(member(root(), "b"), 1)->span, 1, 21, 1, 22);
}
END_TEST

START_TEST(json_multibyte_key_counts_code_points)
{
	load_json("{\"\xC3\xA9\xF0\x9F\x98\x80\": \"x\"}");
	assert_span(pair_at(root(), 0)->key->span, 1, 2, 1, 6);
	assert_span(member(root(), "\xC3\xA9\xF0\x9F\x98\x80")->span, 1, 8, 1, 11);
}
END_TEST

START_TEST(json_escaped_string_keeps_source_as_written)
{
	load_json("{\"a\": \"\\u00e9x\"}");
	const struct node *value = scalar_member(root(), "a");
	ck_assert_str_eq(value->scalar.text, "\xC3\xA9x");
	ck_assert_uint_eq(value->scalar.len, 3);
	assert_source(value, "\"\\u00e9x\"");
	assert_span(value->span, 1, 7, 1, 16);
}
END_TEST

/* ---- positions in YAML --------------------------------------------------- */

START_TEST(yaml_block_mapping_key_and_value_spans)
{
	load_yaml("Name: exp\nCount: 12\n");
	const struct node *map = root();
	assert_span(pair_at(map, 0)->key->span, 1, 1, 1, 5);
	assert_span(member(map, "Name")->span, 1, 7, 1, 10);
	assert_span(pair_at(map, 1)->key->span, 2, 1, 2, 6);
	assert_span(member(map, "Count")->span, 2, 8, 2, 10);
}
END_TEST

START_TEST(yaml_block_mapping_ends_with_its_last_value)
{
	load_yaml("a: 1\nb:\n  c: x\n  d: yz\n");
	assert_span(root()->span, 1, 1, 4, 8);
	assert_span(member(root(), "b")->span, 3, 3, 4, 8);
}
END_TEST

START_TEST(yaml_block_sequence_spans)
{
	load_yaml("b:\n  - x\n  - \"q\"\n");
	const struct node *list = member(root(), "b");
	ck_assert_int_eq(list->kind, NODE_SEQUENCE);
	ck_assert_uint_eq(list->sequence.count, 2);
	assert_span(list->span, 2, 3, 3, 8);
	assert_span(item_at(list, 0)->span, 2, 5, 2, 6);
	assert_span(item_at(list, 1)->span, 3, 5, 3, 8);
}
END_TEST

START_TEST(yaml_unindented_block_sequence_spans)
{
	load_yaml("a:\n- x\n- yz\n");
	const struct node *list = member(root(), "a");
	assert_span(list->span, 2, 1, 3, 5);
	assert_span(item_at(list, 1)->span, 3, 3, 3, 5);
}
END_TEST

START_TEST(yaml_flow_mapping_ends_at_closing_brace)
{
	load_yaml("a: {b: 1, c: [x, y]}\n");
	const struct node *map = member(root(), "a");
	ck_assert_int_eq(map->kind, NODE_MAPPING);
	assert_span(map->span, 1, 4, 1, 21);
	assert_span(pair_at(map, 0)->key->span, 1, 5, 1, 6);
	assert_span(member(map, "b")->span, 1, 8, 1, 9);
}
END_TEST

START_TEST(yaml_flow_sequence_ends_at_closing_bracket)
{
	load_yaml("a: {b: 1, c: [x, y]}\n");
	const struct node *list = member(member(root(), "a"), "c");
	ck_assert_int_eq(list->kind, NODE_SEQUENCE);
	assert_span(list->span, 1, 14, 1, 20);
	assert_span(item_at(list, 0)->span, 1, 15, 1, 16);
	assert_span(item_at(list, 1)->span, 1, 18, 1, 19);
}
END_TEST

START_TEST(yaml_multiline_flow_collections)
{
	load_yaml("c: [x,\n     y]\nd: {e: 1,\n  f: 2}\n");
	assert_span(member(root(), "c")->span, 1, 4, 2, 8);
	assert_span(item_at(member(root(), "c"), 1)->span, 2, 6, 2, 7);
	assert_span(member(root(), "d")->span, 3, 4, 4, 8);
	assert_span(pair_at(member(root(), "d"), 1)->key->span, 4, 3, 4, 4);
}
END_TEST

START_TEST(yaml_double_quoted_span_includes_quotes)
{
	load_yaml("a: \"x y\"\n");
	const struct node *value = scalar_member(root(), "a");
	assert_span(value->span, 1, 4, 1, 9);
	ck_assert_str_eq(value->scalar.text, "x y");
	assert_source(value, "\"x y\"");
}
END_TEST

START_TEST(yaml_single_quoted_span_includes_quotes)
{
	load_yaml("a: 'it''s'\n");
	const struct node *value = scalar_member(root(), "a");
	assert_span(value->span, 1, 4, 1, 11);
	ck_assert_str_eq(value->scalar.text, "it's");
	assert_source(value, "'it''s'");
}
END_TEST

START_TEST(yaml_quoted_key_span_includes_quotes)
{
	load_yaml("\"a b\": 1\n");
	const struct node *key = pair_at(root(), 0)->key;
	assert_span(key->span, 1, 1, 1, 6);
	assert_source(key, "\"a b\"");
	ck_assert_int_eq(member(root(), "a b")->scalar.int_value, 1);
}
END_TEST

START_TEST(yaml_multiline_plain_scalar_span)
{
	load_yaml("a: plain\n  continued\nb: x\n");
	const struct node *value = scalar_member(root(), "a");
	assert_span(value->span, 1, 4, 2, 12);
	ck_assert_str_eq(value->scalar.text, "plain continued");
	assert_source(value, "plain\n  continued");
}
END_TEST

START_TEST(yaml_multiline_double_quoted_span)
{
	load_yaml("b: \"dq\n  line2\"\nc: x\n");
	const struct node *value = scalar_member(root(), "b");
	assert_span(value->span, 1, 4, 2, 9);
	ck_assert_str_eq(value->scalar.text, "dq line2");
	assert_source(value, "\"dq\n  line2\"");
}
END_TEST

START_TEST(yaml_literal_block_starts_at_indicator)
{
	load_yaml("a: |\n  line1\n  line2\n\nb: x\n");
	const struct node *value = scalar_member(root(), "a");
	assert_span(value->span, 1, 4, 3, 8);
	ck_assert_str_eq(value->scalar.text, "line1\nline2\n");
	ck_assert_int_eq(value->scalar.type, SCALAR_STRING);
	assert_source(value, "|\n  line1\n  line2");
}
END_TEST

START_TEST(yaml_folded_block_starts_at_indicator)
{
	load_yaml("b: >-\n  folded\n  text\nc: x\n");
	const struct node *value = scalar_member(root(), "b");
	assert_span(value->span, 1, 4, 3, 7);
	ck_assert_str_eq(value->scalar.text, "folded text");
	assert_source(value, ">-\n  folded\n  text");
}
END_TEST

START_TEST(yaml_block_indicator_found_past_comment)
{
	load_yaml("a: # see |\n  |\n   x\n");
	const struct node *value = scalar_member(root(), "a");
	assert_span(value->span, 2, 3, 3, 5);
	assert_source(value, "|\n   x");
}
END_TEST

START_TEST(yaml_block_indicator_after_anchor_and_tag)
{
	load_yaml("a: &x !!str |\n  x\n");
	assert_span(member(root(), "a")->span, 1, 13, 2, 4);
}
END_TEST

START_TEST(yaml_block_scalars_in_sequence)
{
	load_yaml("a:\n- |\n  x\n- >\n  y\n- z\n");
	const struct node *list = member(root(), "a");
	assert_span(item_at(list, 0)->span, 2, 3, 3, 4);
	assert_span(item_at(list, 1)->span, 4, 3, 5, 4);
	assert_span(item_at(list, 2)->span, 6, 3, 6, 4);
}
END_TEST

START_TEST(yaml_multibyte_characters_count_one_column)
{
	load_yaml("\xC3\xA9\xF0\x9F\x98\x80: \xF0\x9F\x98\x80x\nk: \xC3\xA9\xC3\xA9\n");
	const struct node *map = root();
	assert_span(pair_at(map, 0)->key->span, 1, 1, 1, 3);
	assert_span(pair_at(map, 0)->value->span, 1, 5, 1, 7);
	assert_span(member(map, "k")->span, 2, 4, 2, 6);
}
END_TEST

START_TEST(yaml_bom_does_not_shift_columns)
{
	load_yaml("\xEF\xBB\xBF" "a: 1\nb: 2\n");
	assert_no_diags();
	assert_span(pair_at(root(), 0)->key->span, 1, 1, 1, 2);
	assert_span(member(root(), "a")->span, 1, 4, 1, 5);
	assert_source(pair_at(root(), 0)->key, "a");
	assert_span(member(root(), "b")->span, 2, 4, 2, 5);
}
END_TEST

START_TEST(yaml_bom_before_flow_mapping)
{
	load_yaml("\xEF\xBB\xBF{\"a\": 1}");
	assert_no_diags();
	assert_span(root()->span, 1, 1, 1, 9);
	assert_span(pair_at(root(), 0)->key->span, 1, 2, 1, 5);
}
END_TEST

START_TEST(yaml_tabs_count_one_column)
{
	load_yaml("a:\t1\nb: \t\"x\"\nc: [1,\t2]\n");
	assert_span(member(root(), "a")->span, 1, 4, 1, 5);
	assert_span(member(root(), "b")->span, 2, 5, 2, 8);
	assert_span(item_at(member(root(), "c"), 1)->span, 3, 8, 3, 9);
}
END_TEST

START_TEST(yaml_crlf_line_endings)
{
	load_yaml("a: 1\r\nb: |\r\n  x\r\n  y\r\nc: \"q\"\r\n");
	assert_span(member(root(), "a")->span, 1, 4, 1, 5);
	assert_span(member(root(), "b")->span, 2, 4, 4, 4);
	ck_assert_str_eq(member(root(), "b")->scalar.text, "x\ny\n");
	assert_span(member(root(), "c")->span, 5, 4, 5, 7);
}
END_TEST

START_TEST(yaml_anchored_value_span_starts_at_value)
{
	load_yaml("a: &x 1\n");
	assert_span(member(root(), "a")->span, 1, 7, 1, 8);
}
END_TEST

START_TEST(yaml_alias_expands_with_its_own_position)
{
	load_yaml("a: &x [1, 2]\nb: *x\n");
	assert_no_diags();
	const struct node *alias = member(root(), "b");
	ck_assert_int_eq(alias->kind, NODE_SEQUENCE);
	ck_assert_uint_eq(alias->sequence.count, 2);
	ck_assert_int_eq(item_at(alias, 1)->scalar.int_value, 2);
	assert_span(alias->span, 2, 4, 2, 6);
}
END_TEST

START_TEST(yaml_scalar_alias_keeps_type)
{
	load_yaml("a: &x 7\nb: *x\n");
	const struct node *alias = scalar_member(root(), "b");
	ck_assert_int_eq(alias->scalar.type, SCALAR_INT);
	ck_assert_int_eq(alias->scalar.int_value, 7);
	assert_span(alias->span, 2, 4, 2, 6);
}
END_TEST

/* ---- node_member --------------------------------------------------------- */

START_TEST(node_member_finds_by_key_text)
{
	load_yaml("Name: exp\n\"Quoted\": q\n");
	ck_assert_str_eq(member(root(), "Name")->scalar.text, "exp");
	ck_assert_str_eq(member(root(), "Quoted")->scalar.text, "q");
}
END_TEST

START_TEST(node_member_returns_null_when_absent)
{
	load_yaml("Name: exp\n");
	ck_assert_ptr_null(node_member(root(), "name"));
	ck_assert_ptr_null(node_member(root(), "Nam"));
	ck_assert_ptr_null(node_member(member(root(), "Name"), "Name"));
	ck_assert_ptr_null(node_member(NULL, "Name"));
}
END_TEST

START_TEST(node_member_ignores_non_string_keys)
{
	load_yaml("1: a\n\"1\": b\ntrue: c\n");
	assert_no_diags();
	ck_assert_str_eq(member(root(), "1")->scalar.text, "b");
	ck_assert_ptr_null(node_member(root(), "true"));
}
END_TEST

START_TEST(node_member_last_duplicate_wins)
{
	load_json("{\"a\": 1, \"a\": 2}");
	ck_assert_int_eq(member(root(), "a")->scalar.int_value, 2);
}
END_TEST

/* ---- scalar typing in YAML (aws-cli-behaviour.md) ------------------------ */

START_TEST(yaml_yes_on_n_are_strings)
{
	ck_assert_int_eq(yaml_type("yes"), SCALAR_STRING);
	ck_assert_int_eq(yaml_type("on"), SCALAR_STRING);
	ck_assert_int_eq(yaml_type("n"), SCALAR_STRING);
	ck_assert_int_eq(yaml_type("Yes"), SCALAR_STRING);
	ck_assert_int_eq(yaml_type("off"), SCALAR_STRING);
}
END_TEST

START_TEST(yaml_true_false_are_bools)
{
	const struct node *value = yaml_value("true");
	ck_assert_int_eq(value->scalar.type, SCALAR_BOOL);
	ck_assert(value->scalar.bool_value);
	value = yaml_value("False");
	ck_assert_int_eq(value->scalar.type, SCALAR_BOOL);
	ck_assert(!value->scalar.bool_value);
	value = yaml_value("TRUE");
	ck_assert_int_eq(value->scalar.type, SCALAR_BOOL);
	ck_assert(value->scalar.bool_value);
}
END_TEST

START_TEST(yaml_tilde_null_and_empty_are_null)
{
	ck_assert_int_eq(yaml_type("~"), SCALAR_NULL);
	ck_assert_int_eq(yaml_type("null"), SCALAR_NULL);
	ck_assert_int_eq(yaml_type("Null"), SCALAR_NULL);
	ck_assert_int_eq(yaml_type("NULL"), SCALAR_NULL);
	ck_assert_int_eq(yaml_type(""), SCALAR_NULL);
}
END_TEST

START_TEST(yaml_empty_value_is_null_with_empty_source)
{
	load_yaml("a: x\nh:\n");
	const struct node *value = scalar_member(root(), "h");
	ck_assert_int_eq(value->scalar.type, SCALAR_NULL);
	ck_assert_uint_eq(value->scalar.len, 0);
	ck_assert_uint_eq(value->scalar.source_len, 0);
	ck_assert_int_eq(value->span.line, 2);
}
END_TEST

START_TEST(yaml_leading_zero_is_decimal)
{
	ck_assert_int_eq(yaml_int("017"), 17);
}
END_TEST

START_TEST(yaml_underscores_in_integer)
{
	ck_assert_int_eq(yaml_int("1_000"), 1000);
}
END_TEST

START_TEST(yaml_hex_integer)
{
	ck_assert_int_eq(yaml_int("0x32"), 50);
	ck_assert_int_eq(yaml_int("-0x1_0"), -16);
}
END_TEST

START_TEST(yaml_octal_integer)
{
	ck_assert_int_eq(yaml_int("0o17"), 15);
}
END_TEST

START_TEST(yaml_binary_integer)
{
	ck_assert_int_eq(yaml_int("0b101"), 5);
}
END_TEST

START_TEST(yaml_signed_integers)
{
	ck_assert_int_eq(yaml_int("-5"), -5);
	ck_assert_int_eq(yaml_int("+12"), 12);
}
END_TEST

START_TEST(yaml_largest_integer_fits)
{
	ck_assert_int_eq(yaml_int("9223372036854775807"), 9223372036854775807LL);
}
END_TEST

START_TEST(yaml_huge_integer_overflows)
{
	const struct node *value = yaml_value("99999999999999999999");
	ck_assert_int_eq(value->scalar.type, SCALAR_INT);
	ck_assert(value->scalar.int_overflow);
}
END_TEST

START_TEST(yaml_exponent_and_dotted_floats)
{
	ck_assert_int_eq(yaml_type("1e3"), SCALAR_FLOAT);
	ck_assert_int_eq(yaml_type("1."), SCALAR_FLOAT);
	ck_assert_int_eq(yaml_type(".5"), SCALAR_FLOAT);
	ck_assert_int_eq(yaml_type("1.5"), SCALAR_FLOAT);
	ck_assert_int_eq(yaml_type("1.0e+3"), SCALAR_FLOAT);
}
END_TEST

START_TEST(yaml_inf_and_nan_floats)
{
	ck_assert_int_eq(yaml_type(".inf"), SCALAR_FLOAT);
	ck_assert_int_eq(yaml_type("-.inf"), SCALAR_FLOAT);
	ck_assert_int_eq(yaml_type(".nan"), SCALAR_FLOAT);
}
END_TEST

START_TEST(yaml_nan_and_infinity_words_are_strings)
{
	ck_assert_int_eq(yaml_type("NaN"), SCALAR_STRING);
	ck_assert_int_eq(yaml_type("Infinity"), SCALAR_STRING);
}
END_TEST

START_TEST(yaml_clock_time_is_string)
{
	ck_assert_int_eq(yaml_type("12:30"), SCALAR_STRING);
}
END_TEST

START_TEST(yaml_date_is_date)
{
	ck_assert_int_eq(yaml_type("2030-01-10"), SCALAR_DATE);
}
END_TEST

START_TEST(yaml_iso_datetime_is_datetime)
{
	ck_assert_int_eq(yaml_type("2030-01-10T00:00:00Z"), SCALAR_DATETIME);
}
END_TEST

START_TEST(yaml_spaced_datetime_is_datetime)
{
	const struct node *value = yaml_value("2030-01-10 00:00:00");
	ck_assert_int_eq(value->scalar.type, SCALAR_DATETIME);
	assert_span(value->span, 1, 4, 1, 23);
}
END_TEST

START_TEST(yaml_single_digit_month_date_is_string)
{
	ck_assert_int_eq(yaml_type("2030-1-1"), SCALAR_STRING);
}
END_TEST

START_TEST(yaml_quoted_number_is_string)
{
	const struct node *value = yaml_value("\"123\"");
	ck_assert_int_eq(value->scalar.type, SCALAR_STRING);
	ck_assert_str_eq(value->scalar.text, "123");
	ck_assert_int_eq(yaml_type("'true'"), SCALAR_STRING);
}
END_TEST

START_TEST(yaml_block_scalar_number_is_string)
{
	load_yaml("v: |-\n  123\n");
	ck_assert_int_eq(scalar_member(root(), "v")->scalar.type, SCALAR_STRING);
}
END_TEST

START_TEST(yaml_str_tag_makes_string)
{
	const struct node *value = yaml_value("!!str 123");
	assert_no_diags();
	ck_assert_int_eq(value->scalar.type, SCALAR_STRING);
	ck_assert_str_eq(value->scalar.text, "123");
}
END_TEST

/* As the AWS CLI's loader reads it: the text resolved as if plain. */
START_TEST(yaml_non_specific_tag_resolves_as_plain)
{
	const struct node *value = yaml_value("! 12");
	assert_no_diags();
	ck_assert_int_eq(value->scalar.type, SCALAR_INT);
	ck_assert_int_eq(value->scalar.int_value, 12);
}
END_TEST

START_TEST(yaml_int_tag_on_quoted_digits_is_int)
{
	const struct node *value = yaml_value("!!int \"7\"");
	assert_no_diags();
	ck_assert_int_eq(value->scalar.type, SCALAR_INT);
	ck_assert_int_eq(value->scalar.int_value, 7);
	ck_assert(!value->scalar.int_overflow);
	assert_source(value, "\"7\"");
}
END_TEST

START_TEST(yaml_other_words_are_strings)
{
	ck_assert_int_eq(yaml_type("shadow-test"), SCALAR_STRING);
	ck_assert_int_eq(yaml_type("nULL"), SCALAR_STRING);
	ck_assert_int_eq(yaml_type("tRUE"), SCALAR_STRING);
}
END_TEST

/* ---- scalar typing in JSON ------------------------------------------------ */

START_TEST(json_integer_is_int)
{
	const struct node *value = json_value("1");
	ck_assert_int_eq(value->scalar.type, SCALAR_INT);
	ck_assert_int_eq(value->scalar.int_value, 1);
}
END_TEST

START_TEST(json_fraction_and_exponent_are_floats)
{
	ck_assert_int_eq(json_type("1.0"), SCALAR_FLOAT);
	ck_assert_int_eq(json_type("1e2"), SCALAR_FLOAT);
	ck_assert_int_eq(json_type("-1.5E-3"), SCALAR_FLOAT);
}
END_TEST

START_TEST(json_quoted_number_is_string)
{
	const struct node *value = json_value("\"1\"");
	ck_assert_int_eq(value->scalar.type, SCALAR_STRING);
	ck_assert_str_eq(value->scalar.text, "1");
}
END_TEST

START_TEST(json_true_is_bool)
{
	const struct node *value = json_value("true");
	ck_assert_int_eq(value->scalar.type, SCALAR_BOOL);
	ck_assert(value->scalar.bool_value);
	value = json_value("false");
	ck_assert_int_eq(value->scalar.type, SCALAR_BOOL);
	ck_assert(!value->scalar.bool_value);
}
END_TEST

START_TEST(json_null_is_null)
{
	ck_assert_int_eq(json_type("null"), SCALAR_NULL);
}
END_TEST

START_TEST(json_huge_integer_overflows)
{
	const struct node *value = json_value("99999999999999999999");
	ck_assert_int_eq(value->scalar.type, SCALAR_INT);
	ck_assert(value->scalar.int_overflow);
}
END_TEST

START_TEST(json_negative_integer_value)
{
	const struct node *value = json_value("-5");
	ck_assert_int_eq(value->scalar.type, SCALAR_INT);
	ck_assert(!value->scalar.int_overflow);
	ck_assert_int_eq(value->scalar.int_value, -5);
}
END_TEST

START_TEST(json_largest_integer_value)
{
	const struct node *value = json_value("9223372036854775807");
	ck_assert_int_eq(value->scalar.type, SCALAR_INT);
	ck_assert(!value->scalar.int_overflow);
	ck_assert_int_eq(value->scalar.int_value, 9223372036854775807LL);
}
END_TEST

START_TEST(json_yaml_words_are_refused)
{
	/* JSON has no yes, no 0x and no unquoted words. */
	load_json("{\"v\": yes}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 7);
	assert_refused();
	load_json("{\"v\": 0x10}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 7);
	assert_refused();
}
END_TEST

/* ---- syntax errors -------------------------------------------------------- */

START_TEST(yaml_nested_mapping_on_one_line_is_syntax_error)
{
	load_yaml("a: b: c\n");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 5);
	assert_refused();
}
END_TEST

START_TEST(yaml_unclosed_flow_sequence_is_syntax_error)
{
	load_yaml("a: [1, 2\nb: 3\n");
	assert_only_diag(RULE_SYNTAX_ERROR, 3, 1);
	assert_refused();
}
END_TEST

START_TEST(json_trailing_comma_in_object)
{
	load_json("{\"a\": 1,}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 8);
	assert_refused();
}
END_TEST

START_TEST(json_trailing_comma_in_array)
{
	load_json("{\"a\": [1,]}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 9);
	assert_refused();
}
END_TEST

START_TEST(json_single_quotes)
{
	load_json("{'a': 1}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 2);
	assert_refused();
}
END_TEST

START_TEST(json_unquoted_key)
{
	load_json("{a: 1}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 2);
	assert_refused();
}
END_TEST

START_TEST(json_comment_between_tokens)
{
	load_json("{\"a\": # c\n 1}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 7);
	assert_refused();
}
END_TEST

START_TEST(json_comment_after_document)
{
	load_json("{\"a\": 1} # c\n");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 10);
	assert_refused();
}
END_TEST

START_TEST(json_comment_line_before_document)
{
	load_json("# c\n{\"a\": 1}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 1);
	assert_refused();
}
END_TEST

START_TEST(json_hash_inside_strings_is_no_comment)
{
	load_json("{\"a#\": 1, \"b\": \"x # y\"}");
	assert_no_diags();
	ck_assert_str_eq(member(root(), "b")->scalar.text, "x # y");
}
END_TEST

START_TEST(json_raw_tab_in_string)
{
	load_json("{\"a\": \"x\ty\"}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 9);
	assert_refused();
}
END_TEST

START_TEST(json_raw_line_break_in_string_at_the_break)
{
	load_json("{\"a\": \"x\ny\"}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 9);
	ck_assert_ptr_nonnull(strstr(diags.items[0].message, "U+000A LINE FEED"));
	assert_refused();
}
END_TEST

START_TEST(json_control_outside_string)
{
	load_json("{\"a\":\x0C" "1}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 6);
	ck_assert_ptr_nonnull(strstr(diags.items[0].message, "U+000C FORM FEED"));
}
END_TEST

START_TEST(json_error_before_control_is_the_error)
{
	/* Python's reader stops at the first error, and so do we. */
	load_json("{\"a\": tru, \"b\": \"\x1B\"}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 7);
	ck_assert_ptr_null(strstr(diags.items[0].message, "U+001B"));
}
END_TEST

START_TEST(json_del_and_c1_in_string_are_allowed)
{
	load_json("{\"a\": \"x\x7F\xC2\x80y\"}");
	assert_no_diags();
}
END_TEST

START_TEST(json_escaped_quote_before_control)
{
	load_json("{\"a\": \"\\\"\x01\"}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 10);
}
END_TEST

START_TEST(yaml_control_in_comment)
{
	load_yaml("a: 1 # x\x1B[0m\nb: 2\n");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 9);
	ck_assert_ptr_nonnull(strstr(diags.items[0].message, "U+001B ESCAPE"));
	/* The rest of the document is still read. */
	ck_assert(ok);
}
END_TEST

START_TEST(yaml_each_control_is_reported)
{
	load_yaml("a: \"\x01\"\nb: \xC3\xA9\xC2\x9F\x7F\n");
	ck_assert_uint_eq(diags.count, 3);
	assert_span(diags.items[0].span, 1, 5, 1, 5);
	assert_span(diags.items[1].span, 2, 5, 2, 5);
	ck_assert_ptr_nonnull(strstr(diags.items[1].message, "U+009F APPLICATION PROGRAM COMMAND"));
	assert_span(diags.items[2].span, 2, 6, 2, 6);
}
END_TEST

START_TEST(yaml_noncharacter_is_refused)
{
	load_yaml("a: x\xEF\xBF\xBF\n");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 5);
	ck_assert_ptr_nonnull(strstr(diags.items[0].message, "noncharacter U+FFFF"));
}
END_TEST

START_TEST(yaml_tab_nel_and_nbsp_are_allowed)
{
	load_yaml("a: \"x\ty\xC2\xA0\" # \xC2\x85\n");
	assert_no_diags();
}
END_TEST

START_TEST(json_second_root_value)
{
	load_json("{\"a\": 1}\n{\"b\": 2}");
	assert_only_diag(RULE_SYNTAX_ERROR, 2, 1);
	assert_refused();
}
END_TEST

/* ---- duplicate keys ------------------------------------------------------- */

START_TEST(yaml_duplicate_key_at_second_key)
{
	load_yaml("a: 1\nb: 2\na: 3\n");
	assert_only_diag(RULE_DUPLICATE_KEY, 3, 1);
	assert_span(diags.items[0].span, 3, 1, 3, 2);
	ck_assert(diags.items[0].has_related);
	assert_span(diags.items[0].related, 1, 1, 1, 2);
	ck_assert_str_eq(diags.items[0].path, "a");
	/* The tree stays usable. */
	ck_assert(ok);
	ck_assert_uint_eq(root()->mapping.count, 3);
}
END_TEST

START_TEST(json_duplicate_key_at_second_key)
{
	load_json("{\"a\": 1, \"a\": 2}");
	assert_only_diag(RULE_DUPLICATE_KEY, 1, 10);
	assert_span(diags.items[0].span, 1, 10, 1, 13);
	ck_assert(diags.items[0].has_related);
	assert_span(diags.items[0].related, 1, 2, 1, 5);
	ck_assert(ok);
	/* The AWS CLI keeps the last value only, and so does the tree. */
	ck_assert_uint_eq(root()->mapping.count, 1);
	ck_assert_int_eq(root()->mapping.pairs[0].value->scalar.int_value, 2);
}
END_TEST

START_TEST(json_three_equal_keys_relate_to_the_first)
{
	load_json("{\"a\": 1, \"a\": 2, \"a\": 3}");
	ck_assert(ok);
	ck_assert_uint_eq(diags.count, 2);
	ck_assert_int_eq(diags.items[0].rule, RULE_DUPLICATE_KEY);
	assert_span(diags.items[0].span, 1, 10, 1, 13);
	assert_span(diags.items[0].related, 1, 2, 1, 5);
	ck_assert_int_eq(diags.items[1].rule, RULE_DUPLICATE_KEY);
	assert_span(diags.items[1].span, 1, 18, 1, 21);
	assert_span(diags.items[1].related, 1, 2, 1, 5);
}
END_TEST

START_TEST(json_duplicate_with_the_same_value_is_a_warning)
{
	load_json("{\"a\": {\"x\": [1, \"s\"], \"y\": null}, \"a\": {\"y\": null, \"x\": [1, \"\\u0073\"]}}");
	assert_only_diag(RULE_DUPLICATE_KEY_SAME_VALUE, 1, 35);
	assert_span(diags.items[0].related, 1, 2, 1, 5);
	ck_assert(ok);
}
END_TEST

START_TEST(json_duplicate_values_differ_by_type_and_order)
{
	/* 1 and 1.0 load as an int and a float; a list keeps its order. */
	load_json("{\"a\": 1, \"a\": 1.0}");
	assert_only_diag(RULE_DUPLICATE_KEY, 1, 10);
	load_json("{\"a\": [1, 2], \"a\": [2, 1]}");
	assert_only_diag(RULE_DUPLICATE_KEY, 1, 15);
	load_json("{\"a\": {\"x\": 1}, \"a\": {\"x\": 1, \"y\": 1}}");
	assert_only_diag(RULE_DUPLICATE_KEY, 1, 17);
	/* Numbers are compared by value. */
	load_json("{\"a\": 1.50, \"a\": 15e-1}");
	assert_only_diag(RULE_DUPLICATE_KEY_SAME_VALUE, 1, 13);
}
END_TEST

START_TEST(yaml_duplicate_with_the_same_value_stays_an_error)
{
	load_yaml("a: 1\na: 1\n");
	assert_only_diag(RULE_DUPLICATE_KEY, 2, 1);
}
END_TEST

START_TEST(node_equal_compares_as_loaded)
{
	load_yaml("a: [0x10, 1_000.5, .inf, !Ref x, {k: 1, j: 2}]\n"
		  "b: [16, 1000.5, .Inf, !Ref x, {j: 2, k: 1}]\n"
		  "c: [16, 1000.5, .Inf, !GetAtt x, {j: 2, k: 1}]\n");
	ck_assert(node_equal(member(root(), "a"), member(root(), "b")));
	ck_assert(!node_equal(member(root(), "b"), member(root(), "c")));
	ck_assert(!node_equal(member(root(), "a"), member(root(), "a")->sequence.items[0]));
}
END_TEST

START_TEST(yaml_quoted_and_plain_keys_are_duplicates)
{
	load_yaml("a: 1\n\"a\": 2\n");
	assert_only_diag(RULE_DUPLICATE_KEY, 2, 1);
	assert_span(diags.items[0].related, 1, 1, 1, 2);
	ck_assert(ok);
}
END_TEST

START_TEST(yaml_nested_duplicate_key_path)
{
	load_yaml("m:\n  - k: 1\n    k: 2\n");
	assert_only_diag(RULE_DUPLICATE_KEY, 3, 5);
	ck_assert_str_eq(diags.items[0].path, "m[0].k");
	assert_span(diags.items[0].related, 2, 5, 2, 6);
	ck_assert(ok);
}
END_TEST

START_TEST(yaml_int_key_and_string_key_differ)
{
	load_yaml("1: a\n\"1\": b\n");
	assert_no_diags();
	ck_assert(ok);
}
END_TEST

/* ---- encoding ------------------------------------------------------------- */

START_TEST(json_bom_is_refused)
{
	load_json("\xEF\xBB\xBF{\"a\": 1}");
	assert_only_diag(RULE_BYTE_ORDER_MARK, 1, 1);
	assert_refused();
}
END_TEST

START_TEST(yaml_bom_is_accepted)
{
	load_yaml("\xEF\xBB\xBFName: x\n");
	assert_no_diags();
	ck_assert_str_eq(member(root(), "Name")->scalar.text, "x");
}
END_TEST

START_TEST(invalid_utf8_byte_in_yaml)
{
	load_yaml("a: 1\nb: \xFF\n");
	assert_only_diag(RULE_INVALID_UTF8, 2, 4);
	assert_refused();
}
END_TEST

START_TEST(invalid_utf8_byte_in_json)
{
	load_json("{\"a\": \"\xFF\"}");
	assert_only_diag(RULE_INVALID_UTF8, 1, 8);
	assert_refused();
}
END_TEST

START_TEST(invalid_utf8_column_counts_characters_before)
{
	load_yaml("\xC3\xA9\xF0\x9F\x98\x80: \xFF\n");
	assert_only_diag(RULE_INVALID_UTF8, 1, 5);
	assert_refused();
}
END_TEST

START_TEST(invalid_utf8_truncated_sequence)
{
	load_yaml("a: \xC3");
	assert_only_diag(RULE_INVALID_UTF8, 1, 4);
	assert_refused();
}
END_TEST

START_TEST(overlong_two_byte_encoding_is_invalid)
{
	load_yaml("a: \xC0\xAF\n");
	assert_only_diag(RULE_INVALID_UTF8, 1, 4);
	assert_refused();
}
END_TEST

START_TEST(overlong_three_byte_encoding_is_invalid)
{
	load_yaml("a: \xE0\x80\xAF\n");
	assert_only_diag(RULE_INVALID_UTF8, 1, 4);
	assert_refused();
}
END_TEST

START_TEST(overlong_four_byte_encoding_is_invalid)
{
	load_yaml("a: \xF0\x80\x80\xAF\n");
	assert_only_diag(RULE_INVALID_UTF8, 1, 4);
	assert_refused();
}
END_TEST

START_TEST(utf16_surrogate_in_utf8_is_invalid)
{
	load_yaml("a: x\nb: \xED\xA0\x80\n");
	assert_only_diag(RULE_INVALID_UTF8, 2, 4);
	assert_refused();
}
END_TEST

START_TEST(code_point_beyond_unicode_is_invalid)
{
	load_yaml("a: \xF4\x90\x80\x80\n");
	assert_only_diag(RULE_INVALID_UTF8, 1, 4);
	assert_refused();
}
END_TEST

START_TEST(nul_byte_in_yaml)
{
	static const char text[] = "a: 1\nb: x\0y\n";
	load_bytes("test.yaml", text, sizeof text - 1, INPUT_AUTO);
	assert_only_diag(RULE_NUL_BYTE, 2, 5);
	assert_refused();
}
END_TEST

START_TEST(nul_byte_after_json)
{
	static const char text[] = "{\"a\": 1}\0";
	load_bytes("test.json", text, sizeof text - 1, INPUT_AUTO);
	assert_only_diag(RULE_NUL_BYTE, 1, 9);
	assert_refused();
}
END_TEST

/* ---- empty documents and roots that are not mappings ---------------------- */

START_TEST(empty_yaml_document)
{
	load_yaml("");
	assert_only_diag(RULE_EMPTY_DOCUMENT, 1, 1);
	assert_refused();
}
END_TEST

START_TEST(empty_json_document)
{
	load_json("");
	assert_only_diag(RULE_EMPTY_DOCUMENT, 1, 1);
	assert_refused();
}
END_TEST

START_TEST(blank_json_document)
{
	load_json(" \n\t\n");
	assert_only_diag(RULE_EMPTY_DOCUMENT, 1, 1);
	assert_refused();
}
END_TEST

START_TEST(blank_lines_yaml_document)
{
	load_yaml("\n\n");
	assert_only_diag(RULE_EMPTY_DOCUMENT, 1, 1);
	assert_refused();
}
END_TEST

START_TEST(comment_only_yaml_document)
{
	load_yaml("# only a comment\n");
	assert_only_diag(RULE_EMPTY_DOCUMENT, 1, 1);
	assert_refused();
}
END_TEST

START_TEST(explicit_start_with_only_comment_is_empty)
{
	load_yaml("---\n# c\n");
	assert_only_diag(RULE_EMPTY_DOCUMENT, 1, 1);
	assert_refused();
}
END_TEST

START_TEST(yaml_root_list)
{
	load_yaml("- a\n- b\n");
	assert_only_diag(RULE_ROOT_NOT_MAPPING, 1, 1);
	assert_span(diags.items[0].span, 1, 1, 2, 4);
	assert_refused();
}
END_TEST

START_TEST(yaml_root_scalar)
{
	load_yaml("hello\n");
	assert_only_diag(RULE_ROOT_NOT_MAPPING, 1, 1);
	assert_span(diags.items[0].span, 1, 1, 1, 6);
	assert_refused();
}
END_TEST

START_TEST(yaml_root_explicit_null)
{
	load_yaml("~\n");
	assert_only_diag(RULE_ROOT_NOT_MAPPING, 1, 1);
	assert_refused();
}
END_TEST

START_TEST(json_root_list)
{
	load_json("[1, 2]");
	assert_only_diag(RULE_ROOT_NOT_MAPPING, 1, 1);
	assert_span(diags.items[0].span, 1, 1, 1, 7);
	assert_refused();
}
END_TEST

START_TEST(json_root_scalar)
{
	load_json("\"x\"");
	assert_only_diag(RULE_ROOT_NOT_MAPPING, 1, 1);
	assert_span(diags.items[0].span, 1, 1, 1, 4);
	assert_refused();
}
END_TEST

/* ---- several documents ---------------------------------------------------- */

START_TEST(second_yaml_document)
{
	load_yaml("a: 1\n---\nb: 2\n");
	assert_only_diag(RULE_MULTIPLE_DOCUMENTS, 2, 1);
	assert_refused();
}
END_TEST

START_TEST(second_explicit_yaml_document)
{
	load_yaml("---\na: 1\n---\nb: 2\n");
	assert_only_diag(RULE_MULTIPLE_DOCUMENTS, 3, 1);
	assert_refused();
}
END_TEST

START_TEST(empty_second_yaml_document)
{
	load_yaml("a: 1\n# c\n--- # c\n");
	assert_only_diag(RULE_MULTIPLE_DOCUMENTS, 3, 1);
	assert_refused();
}
END_TEST

START_TEST(document_end_marker_alone_is_one_document)
{
	load_yaml("a: 1\n...\n");
	assert_no_diags();
	ck_assert_int_eq(member(root(), "a")->scalar.int_value, 1);
}
END_TEST

START_TEST(directive_before_document_is_one_document)
{
	load_yaml("%YAML 1.2\n---\na: 1\n");
	assert_no_diags();
	assert_span(member(root(), "a")->span, 3, 4, 3, 5);
}
END_TEST

/* ---- nesting -------------------------------------------------------------- */

/* The root mapping is one level, so `a:` can hold LOAD_MAX_DEPTH - 1 lists. */
START_TEST(json_nesting_at_limit_loads)
{
	load_owned("test.json", nested_lists("{\"a\": ", LOAD_MAX_DEPTH - 1, "}"));
	assert_no_diags();
	ck_assert_int_eq(member(root(), "a")->kind, NODE_SEQUENCE);
}
END_TEST

START_TEST(json_nesting_too_deep)
{
	load_owned("test.json", nested_lists("{\"a\": ", LOAD_MAX_DEPTH, "}"));
	/* `{"a": ` is six columns; the innermost bracket opens level 65. */
	assert_only_diag(RULE_NESTING_TOO_DEEP, 1, 6 + LOAD_MAX_DEPTH);
	assert_refused();
}
END_TEST

START_TEST(json_deep_root_list_too_deep)
{
	load_owned("test.json", nested_lists("", LOAD_MAX_DEPTH + 1, ""));
	assert_only_diag(RULE_NESTING_TOO_DEEP, 1, LOAD_MAX_DEPTH + 1);
	assert_refused();
}
END_TEST

START_TEST(yaml_nesting_at_limit_loads)
{
	load_owned("test.yaml", nested_lists("a: ", LOAD_MAX_DEPTH - 1, "\n"));
	assert_no_diags();
	ck_assert_int_eq(member(root(), "a")->kind, NODE_SEQUENCE);
}
END_TEST

START_TEST(yaml_nesting_too_deep)
{
	load_owned("test.yaml", nested_lists("a: ", LOAD_MAX_DEPTH, "\n"));
	assert_only_diag(RULE_NESTING_TOO_DEEP, 1, 3 + LOAD_MAX_DEPTH);
	assert_refused();
}
END_TEST

START_TEST(yaml_block_nesting_too_deep)
{
	/* k0:\n  k1:\n    k2: ... : 65 nested block mappings. */
	size_t depth = LOAD_MAX_DEPTH + 1, size = 0;
	char *text = malloc(depth * (2 * depth + 8) + 16);
	ck_assert_ptr_nonnull(text);
	for (size_t i = 0; i < depth; i++) {
		memset(text + size, ' ', 2 * i);
		size += 2 * i;
		size += (size_t)sprintf(text + size, "k%zu:\n", i);
	}
	memset(text + size, ' ', 2 * depth);
	size += 2 * depth;
	strcpy(text + size, "x\n");
	load_owned("test.yaml", text);
	/* The mapping under k63 is level 65; it starts with the key k64. */
	assert_only_diag(RULE_NESTING_TOO_DEEP, LOAD_MAX_DEPTH + 1, 2 * LOAD_MAX_DEPTH + 1);
	ck_assert_str_eq(diags.items[0].message,
			 "nesting deeper than 64 levels, which no request or template needs");
	assert_refused();
}
END_TEST

/* ---- aliases -------------------------------------------------------------- */

START_TEST(billion_laughs_hits_alias_limit)
{
	/* Each level multiplies by nine: *d would stand for about 7,400 nodes,
	 * and the first *d in e crosses LOAD_MAX_ALIAS_NODES. */
	load_yaml("a: &a [l, l, l, l, l, l, l, l, l]\n"
		  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
		  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
		  "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
		  "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
		  "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
		  "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n");
	assert_only_diag(RULE_ALIAS_LIMIT, 5, 8);
	assert_span(diags.items[0].span, 5, 8, 5, 10);
	ck_assert_str_eq(diags.items[0].path, "e[0]");
	assert_refused();
}
END_TEST

START_TEST(moderate_aliases_load)
{
	load_yaml("a: &a [l, l, l, l, l, l, l, l, l]\n"
		  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		  "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n");
	assert_no_diags();
	ck_assert_uint_eq(member(root(), "c")->sequence.count, 9);
}
END_TEST

START_TEST(alias_to_undefined_anchor)
{
	load_yaml("a: *nope\n");
	assert_only_diag(RULE_BAD_ALIAS, 1, 4);
	assert_span(diags.items[0].span, 1, 4, 1, 9);
	assert_refused();
}
END_TEST

START_TEST(alias_before_its_anchor)
{
	load_yaml("a: *x\nb: &x 1\n");
	assert_only_diag(RULE_BAD_ALIAS, 1, 4);
	assert_refused();
}
END_TEST

START_TEST(recursive_alias_in_sequence)
{
	load_yaml("a: &r [*r]\n");
	assert_only_diag(RULE_BAD_ALIAS, 1, 8);
	assert_span(diags.items[0].span, 1, 8, 1, 10);
	assert_refused();
}
END_TEST

START_TEST(recursive_alias_in_mapping)
{
	load_yaml("a: &r {b: *r}\n");
	assert_only_diag(RULE_BAD_ALIAS, 1, 11);
	ck_assert_str_eq(diags.items[0].path, "a.b");
	assert_refused();
}
END_TEST

/* ---- lone surrogates -------------------------------------------------------- */

START_TEST(json_lone_surrogate_is_a_warning_and_one_character)
{
	load_json("{\"a\": \"x\\ud800y\", \"b\": \"\\udc00\\ud800\"}");
	ck_assert_uint_eq(diags.count, 2);
	ck_assert_int_eq(diags.items[0].rule, RULE_LONE_SURROGATE);
	assert_span(diags.items[0].span, 1, 7, 1, 17);
	ck_assert_ptr_nonnull(strstr(diags.items[1].message, "\\udc00 is half"));
	ck_assert_ptr_nonnull(strstr(diags.items[1].message, "(and 1 more in this string)"));
	ck_assert_str_eq(scalar_member(root(), "a")->scalar.text, "x\xEF\xBF\xBDy");
	assert_source(scalar_member(root(), "a"), "\"x\\ud800y\"");
}
END_TEST

START_TEST(json_surrogate_pair_is_one_character)
{
	load_json("{\"a\": \"\\ud83d\\ude00\"}");
	assert_no_diags();
	ck_assert_str_eq(scalar_member(root(), "a")->scalar.text, "\xF0\x9F\x98\x80");
}
END_TEST

START_TEST(json_escaped_backslash_is_no_escape)
{
	load_json("{\"a\": \"\\\\ud800\"}");
	assert_no_diags();
	ck_assert_str_eq(scalar_member(root(), "a")->scalar.text, "\\ud800");
}
END_TEST

START_TEST(yaml_lone_surrogate_only_in_double_quotes)
{
	load_yaml("a: \"\\U0000DFFF\"\nb: c:\\ud800 # \"\\ud800\"\nc: '\\ud800'\n"
		  "d: |\n  \\ud800\n\"\\ud800\": 1\n");
	ck_assert_uint_eq(diags.count, 2);
	assert_span(diags.items[0].span, 1, 4, 1, 16);
	assert_span(diags.items[1].span, 6, 1, 6, 9);
	ck_assert_str_eq(scalar_member(root(), "a")->scalar.text, "\xEF\xBF\xBD");
	ck_assert_str_eq(scalar_member(root(), "b")->scalar.text, "c:\\ud800");
	ck_assert_str_eq(scalar_member(root(), "c")->scalar.text, "\\ud800");
	ck_assert_str_eq(scalar_member(root(), "d")->scalar.text, "\\ud800\n");
}
END_TEST

START_TEST(lone_surrogate_after_a_syntax_error)
{
	bool syntax_error = false;

	load_yaml("a: [\nb: \"\\ud800\"\n");
	/* The escape's warning may come first: it is found before the
	 * parser gives up. */
	for (size_t i = 0; i < diags.count; i++)
		syntax_error |= diags.items[i].rule == RULE_SYNTAX_ERROR;
	ck_assert(syntax_error);
	assert_refused();
}
END_TEST

/* ---- merge keys ------------------------------------------------------------ */

START_TEST(merge_key_copies_members_and_written_ones_win)
{
	load_yaml("a: &x {b: 1, c: 2}\nd: {c: 3, <<: *x}\n");
	assert_no_diags();
	const struct node *d = member(root(), "d");
	ck_assert_uint_eq(d->mapping.count, 2);
	ck_assert_int_eq(scalar_member(d, "c")->scalar.int_value, 3);
	/* The merged member is the anchor's own, where it is written. */
	assert_span(member(d, "b")->span, 1, 11, 1, 12);
	ck_assert_ptr_eq(member(d, "b"), member(member(root(), "a"), "b"));
	ck_assert_uint_eq(doc.template_notes.count, 1);
	assert_span(doc.template_notes.items[0].span, 2, 11, 2, 13);
}
END_TEST

START_TEST(merge_list_earlier_mapping_wins)
{
	load_yaml("a: &a {k: 1, p: 1}\nb: &b {k: 2, q: 2}\nd:\n  <<: [*a, *b]\n");
	assert_no_diags();
	const struct node *d = member(root(), "d");
	ck_assert_uint_eq(d->mapping.count, 3);
	ck_assert_int_eq(scalar_member(d, "k")->scalar.int_value, 1);
	ck_assert_int_eq(scalar_member(d, "q")->scalar.int_value, 2);
	/* Merged from an alias: the alias carries the merge key's note. */
	ck_assert_uint_eq(doc.template_notes.count, 1);
}
END_TEST

START_TEST(merged_mapping_repeating_a_key_gives_its_last)
{
	load_yaml("d: {<<: {k: 1, k: 2}}\n");
	assert_only_diag(RULE_DUPLICATE_KEY, 1, 16);
	ck_assert_int_eq(scalar_member(member(root(), "d"), "k")->scalar.int_value, 2);
	ck_assert_uint_eq(member(root(), "d")->mapping.count, 1);
}
END_TEST

START_TEST(merge_key_beside_a_repeat_takes_it_as_json_does)
{
	load_yaml("a: &a {k: 1}\nd: {j: 2, j: 2, <<: *a}\n");
	assert_only_diag(RULE_DUPLICATE_KEY_SAME_VALUE, 2, 11);
}
END_TEST

START_TEST(two_merge_keys_are_a_repeated_key)
{
	load_yaml("d: {<<: {k: 1}, <<: {j: 2, k: 2}}\n");
	assert_only_diag(RULE_DUPLICATE_KEY, 1, 17);
	ck_assert_int_eq(scalar_member(member(root(), "d"), "k")->scalar.int_value, 1);
	ck_assert_int_eq(scalar_member(member(root(), "d"), "j")->scalar.int_value, 2);
}
END_TEST

START_TEST(merge_key_needs_mappings)
{
	load_yaml("d: {<<: 5}\n");
	assert_only_diag(RULE_BAD_MERGE_KEY, 1, 9);
	ck_assert_str_eq(diags.items[0].path, "d[\"<<\"]");
	ck_assert_uint_eq(member(root(), "d")->mapping.count, 0);
	load_yaml("a: &a [1]\nd: {<<: [{k: 1}, *a]}\n");
	assert_only_diag(RULE_BAD_MERGE_KEY, 2, 18);
	load_yaml("a: &a [1]\nd: {<<: *a}\n");
	/* The item of the aliased list, where it is written. */
	assert_only_diag(RULE_BAD_MERGE_KEY, 1, 8);
}
END_TEST

START_TEST(merge_key_only_as_a_key)
{
	load_yaml("d: [<<, \"<<\"]\ne: {\"<<\": {k: 1}, k: 2}\nf: {!!str <<: 2}\n");
	assert_only_diag(RULE_BAD_MERGE_KEY, 1, 5);
	ck_assert_uint_eq(member(root(), "e")->mapping.count, 2);
	ck_assert_uint_eq(member(root(), "f")->mapping.count, 1);
}
END_TEST

START_TEST(merge_tag_makes_a_merge_key)
{
	load_yaml("d: {!!merge <<: {k: 1}}\n");
	assert_no_diags();
	ck_assert_int_eq(scalar_member(member(root(), "d"), "k")->scalar.int_value, 1);
}
END_TEST

START_TEST(aliases_noted_for_templates_only)
{
	load_yaml("a: &a 1\nb: *a\nc: [*a]\n");
	assert_no_diags();
	ck_assert_uint_eq(doc.template_notes.count, 2);
	ck_assert_int_eq(doc.template_notes.items[1].rule, RULE_NEEDS_PACKAGE);
	assert_span(doc.template_notes.items[1].span, 3, 5, 3, 7);
}
END_TEST

START_TEST(merges_count_against_the_alias_limit)
{
	/* Each level merges the one before ten times over. */
	char *text = malloc(4096);
	size_t len = 0;
	ck_assert_ptr_nonnull(text);
	len += (size_t)sprintf(text, "a0: &a0 {k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, "
				     "k5: 5, k6: 6, k7: 7, k8: 8, k9: 9}\n");
	for (int i = 1; i < 6; i++)
		len += (size_t)sprintf(text + len, "a%d: &a%d {x%d: 1, <<: [*a%d, *a%d, *a%d, "
				       "*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]}\n",
				       i, i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
				       i - 1, i - 1, i - 1);
	load_owned("test.yaml", text);
	ck_assert_uint_ge(diags.count, 1);
	ck_assert_int_eq(diags.items[diags.count - 1].rule, RULE_ALIAS_LIMIT);
}
END_TEST

/* ---- tags ------------------------------------------------------------------ */

/* A tag that does not fit is reported at the tag: it is what has to change. */
START_TEST(bom_does_not_shift_invalid_utf8_column)
{
	load_yaml("\xEF\xBB\xBF" "a: \xFF\n");
	assert_only_diag(RULE_INVALID_UTF8, 1, 4);
}
END_TEST

START_TEST(bom_does_not_shift_nul_byte_column)
{
	load_bytes("test.yaml", "\xEF\xBB\xBF" "a: x\0\n", 8, INPUT_AUTO);
	assert_only_diag(RULE_NUL_BYTE, 1, 5);
}
END_TEST

START_TEST(tag_on_empty_value_spans_forward)
{
	load_yaml("a: !Ref\nb: 1\n");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
	assert_span(diags.items[0].span, 1, 4, 1, 8);
	assert_span(member(root(), "a")->span, 1, 8, 1, 8);
}
END_TEST

START_TEST(empty_block_scalar_ends_after_indicator)
{
	load_yaml("a: |\nb: 1\n");
	const struct node *value = scalar_member(root(), "a");
	assert_span(value->span, 1, 4, 1, 5);
	assert_source(value, "|");
	ck_assert_str_eq(value->scalar.text, "");
}
END_TEST

START_TEST(unknown_tag_is_unsupported)
{
	load_yaml("a: !Ref x\n");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
	ck_assert_str_eq(diags.items[0].path, "a");
}
END_TEST

/* A template may use them: the loader keeps them on their nodes and holds
 * its diagnostics back until the document is known to be a request. */
START_TEST(local_tags_are_kept_on_their_nodes)
{
	struct document template;
	struct diag_list held;
	struct source text;
	static const struct document_kind kind = { "a test", "a member", "Name" };

	diag_list_init(&held);
	source_from_memory(&text, "t.yaml", "a: !Ref x\nb: [!GetAtt c.d]\n", 27);
	ck_assert(load_document(&template, &text, INPUT_YAML, &kind, &held));
	ck_assert_uint_eq(held.count, 0);
	ck_assert_uint_eq(template.local_tags.count, 2);
	ck_assert_str_eq(node_member(template.root, "a")->tag->text, "!Ref");
	ck_assert_int_eq(node_member(template.root, "a")->tag->span.column, 4);
	ck_assert_str_eq(node_member(template.root, "b")->sequence.items[0]->tag->text,
			 "!GetAtt");
	load_report_local_tags(&template, &held);
	ck_assert_uint_eq(held.count, 2);
	ck_assert_uint_eq(template.local_tags.count, 0);
	document_free(&template);
	diag_list_free(&held);
}
END_TEST

START_TEST(unknown_tag_after_anchor_reported_at_tag)
{
	load_yaml("a: &x !Ref x\n");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 7);
}
END_TEST

START_TEST(int_tag_on_word_is_unsupported)
{
	load_yaml("a: !!int abc\n");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
}
END_TEST

START_TEST(float_tag_makes_an_integer_a_float)
{
	const struct node *value = yaml_value("!!float 1_894_924_800");
	assert_no_diags();
	ck_assert_int_eq(value->scalar.type, SCALAR_FLOAT);
	ck_assert_str_eq(value->scalar.text, "1894924800.0");
	assert_source(value, "1_894_924_800");
	ck_assert(value->tagged);
}
END_TEST

START_TEST(float_tag_reads_what_python_reads)
{
	ck_assert_int_eq(yaml_type("!!float \" -5 \""), SCALAR_FLOAT);
	ck_assert_str_eq(member(root(), "v")->scalar.text, "-5.0");
	ck_assert_int_eq(yaml_type("!!float -.INF"), SCALAR_FLOAT);
	ck_assert_str_eq(member(root(), "v")->scalar.text, "-.inf");
	ck_assert_int_eq(yaml_type("!!float Infinity"), SCALAR_FLOAT);
	ck_assert_int_eq(yaml_type("!!float 1."), SCALAR_FLOAT);
	ck_assert_int_eq(yaml_type("!!float 017"), SCALAR_FLOAT);
	ck_assert_int_eq(yaml_type("!!float 1E3"), SCALAR_FLOAT);
	ck_assert_str_eq(member(root(), "v")->scalar.text, "1e3");
	/* Python's float() reads none of these. */
	yaml_value("!!float 0x10");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
	yaml_value("!!float .e5");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
	yaml_value("!!float");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
}
END_TEST

START_TEST(int_tag_reads_what_the_cli_reads)
{
	ck_assert_int_eq(yaml_int("!!int 1_000"), 1000);
	ck_assert_int_eq(yaml_int("!!int -0o17"), -15);
	ck_assert_str_eq(member(root(), "v")->scalar.text, "-0o17");
	ck_assert_int_eq(yaml_int("!!int \" 20 \""), 20);
	ck_assert_str_eq(member(root(), "v")->scalar.text, "20");
	ck_assert_int_eq(yaml_int("!!int 0x_1F"), 31);
	/* The prefix must be lower case, the digits of its base. */
	yaml_value("!!int 0X10");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
	yaml_value("!!int 0b2");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
	yaml_value("!!int 5.0");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
	ck_assert_int_eq(member(root(), "v")->scalar.type, SCALAR_FLOAT);
}
END_TEST

START_TEST(bool_null_and_timestamp_tags_convert)
{
	const struct node *value = yaml_value("!!bool yes");
	ck_assert_int_eq(value->scalar.type, SCALAR_BOOL);
	ck_assert(value->scalar.bool_value);
	value = yaml_value("!!bool OFF");
	ck_assert_int_eq(value->scalar.type, SCALAR_BOOL);
	ck_assert(!value->scalar.bool_value);
	ck_assert_int_eq(yaml_type("!!null anything"), SCALAR_NULL);
	ck_assert_int_eq(yaml_type("!!timestamp 2030-1-1"), SCALAR_DATE);
	ck_assert_int_eq(yaml_type("!!timestamp \"2030-01-10 00:00:00\""), SCALAR_DATETIME);
	assert_no_diags();
	yaml_value("!!bool 1");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
	yaml_value("!!timestamp 2030-01");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
}
END_TEST

START_TEST(seq_tag_on_mapping_is_unsupported)
{
	load_yaml("a: !!seq {b: 1}\n");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
}
END_TEST

START_TEST(unsupported_tag_keeps_tree)
{
	/* Like a duplicate key, a bad tag leaves a tree the checks can walk. */
	load_yaml("a: !Ref x\nb: 1\n");
	ck_assert(ok);
	ck_assert_str_eq(member(root(), "a")->scalar.text, "x");
	ck_assert_int_eq(member(root(), "b")->scalar.int_value, 1);
}
END_TEST

START_TEST(standard_tags_that_fit_are_accepted)
{
	load_yaml("a: !!map {b: 1}\nc: !!seq [1]\nd: !!bool \"true\"\n"
		  "e: !!timestamp 2030-01-10\nf: !!null \"\"\ng: !!float 1.5\n");
	assert_no_diags();
	ck_assert_int_eq(member(root(), "a")->kind, NODE_MAPPING);
	ck_assert_int_eq(member(root(), "c")->kind, NODE_SEQUENCE);
	ck_assert_int_eq(member(root(), "d")->scalar.type, SCALAR_BOOL);
	ck_assert(member(root(), "d")->scalar.bool_value);
	ck_assert_int_eq(member(root(), "e")->scalar.type, SCALAR_DATE);
	ck_assert_int_eq(member(root(), "f")->scalar.type, SCALAR_NULL);
	ck_assert_int_eq(member(root(), "g")->scalar.type, SCALAR_FLOAT);
}
END_TEST

START_TEST(omap_tag_makes_a_mapping)
{
	load_yaml("a: !!omap [b: 1, c: 2]\n");
	assert_no_diags();
	ck_assert_int_eq(member(root(), "a")->kind, NODE_MAPPING);
	ck_assert_int_eq(scalar_member(member(root(), "a"), "c")->scalar.int_value, 2);
	load_yaml("a: !!omap [b: 1, b: 1]\n");
	assert_only_diag(RULE_DUPLICATE_KEY, 1, 18);
	load_yaml("a: !!omap [b: 1, {c: 2, d: 3}]\n");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 18);
	ck_assert_int_eq(member(root(), "a")->kind, NODE_SEQUENCE);
	load_yaml("a: !!omap {b: 1}\n");
	assert_only_diag(RULE_UNSUPPORTED_TAG, 1, 4);
}
END_TEST

START_TEST(json_tags_and_anchors_are_syntax_errors)
{
	load_json("{\"a\": !!str 1}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 7);
	assert_refused();
	load_json("{\"a\": &x 1}");
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 7);
	assert_refused();
}
END_TEST

/* ---- input format ---------------------------------------------------------- */

START_TEST(detect_json_by_extension)
{
	ck_assert_int_eq(input_format_detect("r.json", "a: 1", 4), INPUT_JSON);
}
END_TEST

START_TEST(detect_yaml_by_extension)
{
	ck_assert_int_eq(input_format_detect("r.yaml", "{", 1), INPUT_YAML);
	ck_assert_int_eq(input_format_detect("r.yml", "[", 1), INPUT_YAML);
}
END_TEST

START_TEST(detect_extension_ignores_case)
{
	ck_assert_int_eq(input_format_detect("R.JSON", "a: 1", 4), INPUT_JSON);
	ck_assert_int_eq(input_format_detect("r.Yaml", "{", 1), INPUT_YAML);
	ck_assert_int_eq(input_format_detect("r.YML", "{", 1), INPUT_YAML);
}
END_TEST

START_TEST(detect_json_by_brace_or_bracket)
{
	ck_assert_int_eq(input_format_detect("<stdin>", "{\"a\": 1}", 8), INPUT_JSON);
	ck_assert_int_eq(input_format_detect("request", "[1]", 3), INPUT_JSON);
	ck_assert_int_eq(input_format_detect("r.txt", " \n\t{", 4), INPUT_JSON);
	ck_assert_int_eq(input_format_detect("json", "{", 1), INPUT_JSON);
}
END_TEST

START_TEST(detect_yaml_by_other_content)
{
	ck_assert_int_eq(input_format_detect("<stdin>", "a: 1", 4), INPUT_YAML);
	ck_assert_int_eq(input_format_detect("<stdin>", "", 0), INPUT_YAML);
	ck_assert_int_eq(input_format_detect("<stdin>", "# {\n", 4), INPUT_YAML);
	ck_assert_int_eq(input_format_detect("<stdin>", "\"x\"", 3), INPUT_YAML);
	ck_assert_int_eq(input_format_detect("r.json.bak", "a: 1", 4), INPUT_YAML);
}
END_TEST

START_TEST(detect_content_after_bom)
{
	ck_assert_int_eq(input_format_detect("<stdin>", "\xEF\xBB\xBF{", 4), INPUT_JSON);
}
END_TEST

START_TEST(load_auto_records_detected_format)
{
	load_bytes("<stdin>", "{\"a\": 1}", 8, INPUT_AUTO);
	ck_assert_int_eq(doc.format, INPUT_JSON);
	load_bytes("<stdin>", "a: 1\n", 5, INPUT_AUTO);
	ck_assert_int_eq(doc.format, INPUT_YAML);
}
END_TEST

START_TEST(forced_format_overrides_extension)
{
	/* YAML accepts single quotes; read as JSON the same text is refused. */
	load_bytes("test.yaml", "{'a': 1}", 8, INPUT_JSON);
	ck_assert_int_eq(doc.format, INPUT_JSON);
	assert_only_diag(RULE_SYNTAX_ERROR, 1, 2);
	load_bytes("test.json", "a: 1\n", 5, INPUT_YAML);
	ck_assert_int_eq(doc.format, INPUT_YAML);
	assert_no_diags();
	ck_assert_int_eq(member(root(), "a")->scalar.int_value, 1);
}
END_TEST

START_TEST(input_format_names)
{
	ck_assert_str_eq(input_format_name(INPUT_JSON), "json");
	ck_assert_str_eq(input_format_name(INPUT_YAML), "yaml");
	ck_assert_str_eq(input_format_name(INPUT_AUTO), "auto");
}
END_TEST

/* ---- the suite --------------------------------------------------------------- */

static TCase *new_case(Suite *suite, const char *name)
{
	TCase *tc = tcase_create(name);

	tcase_add_checked_fixture(tc, NULL, unload);
	suite_add_tcase(suite, tc);
	return tc;
}

Suite *load_suite(void)
{
	Suite *suite = suite_create("load");
	TCase *tc;

	tc = new_case(suite, "json positions");
	tcase_add_test(tc, json_root_spans_its_braces);
	tcase_add_test(tc, json_key_span_includes_quotes);
	tcase_add_test(tc, json_number_value_span);
	tcase_add_test(tc, json_multiline_positions);
	tcase_add_test(tc, json_nested_containers_end_at_closing_bracket);
	tcase_add_test(tc, json_empty_containers_span_both_brackets);
	tcase_add_test(tc, json_tabs_count_one_column);
	tcase_add_test(tc, json_multibyte_key_counts_code_points);
	tcase_add_test(tc, json_escaped_string_keeps_source_as_written);

	tc = new_case(suite, "yaml positions");
	tcase_add_test(tc, yaml_block_mapping_key_and_value_spans);
	tcase_add_test(tc, yaml_block_mapping_ends_with_its_last_value);
	tcase_add_test(tc, yaml_block_sequence_spans);
	tcase_add_test(tc, yaml_unindented_block_sequence_spans);
	tcase_add_test(tc, yaml_flow_mapping_ends_at_closing_brace);
	tcase_add_test(tc, yaml_flow_sequence_ends_at_closing_bracket);
	tcase_add_test(tc, yaml_multiline_flow_collections);
	tcase_add_test(tc, yaml_double_quoted_span_includes_quotes);
	tcase_add_test(tc, yaml_single_quoted_span_includes_quotes);
	tcase_add_test(tc, yaml_quoted_key_span_includes_quotes);
	tcase_add_test(tc, yaml_multiline_plain_scalar_span);
	tcase_add_test(tc, yaml_multiline_double_quoted_span);
	tcase_add_test(tc, yaml_literal_block_starts_at_indicator);
	tcase_add_test(tc, yaml_folded_block_starts_at_indicator);
	tcase_add_test(tc, yaml_block_indicator_found_past_comment);
	tcase_add_test(tc, yaml_block_indicator_after_anchor_and_tag);
	tcase_add_test(tc, yaml_block_scalars_in_sequence);
	tcase_add_test(tc, yaml_multibyte_characters_count_one_column);
	tcase_add_test(tc, yaml_bom_does_not_shift_columns);
	tcase_add_test(tc, yaml_bom_before_flow_mapping);
	tcase_add_test(tc, yaml_tabs_count_one_column);
	tcase_add_test(tc, yaml_crlf_line_endings);
	tcase_add_test(tc, yaml_anchored_value_span_starts_at_value);
	tcase_add_test(tc, yaml_alias_expands_with_its_own_position);
	tcase_add_test(tc, yaml_scalar_alias_keeps_type);

	tc = new_case(suite, "node_member");
	tcase_add_test(tc, node_member_finds_by_key_text);
	tcase_add_test(tc, node_member_returns_null_when_absent);
	tcase_add_test(tc, node_member_ignores_non_string_keys);
	tcase_add_test(tc, node_member_last_duplicate_wins);

	tc = new_case(suite, "yaml typing");
	tcase_add_test(tc, yaml_yes_on_n_are_strings);
	tcase_add_test(tc, yaml_true_false_are_bools);
	tcase_add_test(tc, yaml_tilde_null_and_empty_are_null);
	tcase_add_test(tc, yaml_empty_value_is_null_with_empty_source);
	tcase_add_test(tc, yaml_leading_zero_is_decimal);
	tcase_add_test(tc, yaml_underscores_in_integer);
	tcase_add_test(tc, yaml_hex_integer);
	tcase_add_test(tc, yaml_octal_integer);
	tcase_add_test(tc, yaml_binary_integer);
	tcase_add_test(tc, yaml_signed_integers);
	tcase_add_test(tc, yaml_largest_integer_fits);
	tcase_add_test(tc, yaml_huge_integer_overflows);
	tcase_add_test(tc, yaml_exponent_and_dotted_floats);
	tcase_add_test(tc, yaml_inf_and_nan_floats);
	tcase_add_test(tc, yaml_nan_and_infinity_words_are_strings);
	tcase_add_test(tc, yaml_clock_time_is_string);
	tcase_add_test(tc, yaml_date_is_date);
	tcase_add_test(tc, yaml_iso_datetime_is_datetime);
	tcase_add_test(tc, yaml_spaced_datetime_is_datetime);
	tcase_add_test(tc, yaml_single_digit_month_date_is_string);
	tcase_add_test(tc, yaml_quoted_number_is_string);
	tcase_add_test(tc, yaml_block_scalar_number_is_string);
	tcase_add_test(tc, yaml_str_tag_makes_string);
	tcase_add_test(tc, yaml_non_specific_tag_resolves_as_plain);
	tcase_add_test(tc, yaml_int_tag_on_quoted_digits_is_int);
	tcase_add_test(tc, yaml_other_words_are_strings);

	tc = new_case(suite, "json typing");
	tcase_add_test(tc, json_integer_is_int);
	tcase_add_test(tc, json_fraction_and_exponent_are_floats);
	tcase_add_test(tc, json_quoted_number_is_string);
	tcase_add_test(tc, json_true_is_bool);
	tcase_add_test(tc, json_null_is_null);
	tcase_add_test(tc, json_huge_integer_overflows);
	tcase_add_test(tc, json_negative_integer_value);
	tcase_add_test(tc, json_largest_integer_value);
	tcase_add_test(tc, json_yaml_words_are_refused);

	tc = new_case(suite, "syntax errors");
	tcase_add_test(tc, yaml_nested_mapping_on_one_line_is_syntax_error);
	tcase_add_test(tc, yaml_unclosed_flow_sequence_is_syntax_error);
	tcase_add_test(tc, json_trailing_comma_in_object);
	tcase_add_test(tc, json_trailing_comma_in_array);
	tcase_add_test(tc, json_single_quotes);
	tcase_add_test(tc, json_unquoted_key);
	tcase_add_test(tc, json_comment_between_tokens);
	tcase_add_test(tc, json_comment_after_document);
	tcase_add_test(tc, json_comment_line_before_document);
	tcase_add_test(tc, json_hash_inside_strings_is_no_comment);
	tcase_add_test(tc, json_raw_tab_in_string);
	tcase_add_test(tc, json_second_root_value);
	tcase_add_test(tc, json_raw_line_break_in_string_at_the_break);
	tcase_add_test(tc, json_control_outside_string);
	tcase_add_test(tc, json_error_before_control_is_the_error);
	tcase_add_test(tc, json_del_and_c1_in_string_are_allowed);
	tcase_add_test(tc, json_escaped_quote_before_control);
	tcase_add_test(tc, yaml_control_in_comment);
	tcase_add_test(tc, yaml_each_control_is_reported);
	tcase_add_test(tc, yaml_noncharacter_is_refused);
	tcase_add_test(tc, yaml_tab_nel_and_nbsp_are_allowed);

	tc = new_case(suite, "duplicate keys");
	tcase_add_test(tc, yaml_duplicate_key_at_second_key);
	tcase_add_test(tc, json_duplicate_key_at_second_key);
	tcase_add_test(tc, json_three_equal_keys_relate_to_the_first);
	tcase_add_test(tc, yaml_quoted_and_plain_keys_are_duplicates);
	tcase_add_test(tc, json_duplicate_with_the_same_value_is_a_warning);
	tcase_add_test(tc, json_duplicate_values_differ_by_type_and_order);
	tcase_add_test(tc, yaml_duplicate_with_the_same_value_stays_an_error);
	tcase_add_test(tc, node_equal_compares_as_loaded);
	tcase_add_test(tc, yaml_nested_duplicate_key_path);
	tcase_add_test(tc, yaml_int_key_and_string_key_differ);

	tc = new_case(suite, "lone surrogates");
	tcase_add_test(tc, json_lone_surrogate_is_a_warning_and_one_character);
	tcase_add_test(tc, json_surrogate_pair_is_one_character);
	tcase_add_test(tc, json_escaped_backslash_is_no_escape);
	tcase_add_test(tc, yaml_lone_surrogate_only_in_double_quotes);
	tcase_add_test(tc, lone_surrogate_after_a_syntax_error);

	tc = new_case(suite, "merge keys");
	tcase_add_test(tc, merge_key_copies_members_and_written_ones_win);
	tcase_add_test(tc, merge_list_earlier_mapping_wins);
	tcase_add_test(tc, merged_mapping_repeating_a_key_gives_its_last);
	tcase_add_test(tc, merge_key_beside_a_repeat_takes_it_as_json_does);
	tcase_add_test(tc, two_merge_keys_are_a_repeated_key);
	tcase_add_test(tc, merge_key_needs_mappings);
	tcase_add_test(tc, merge_key_only_as_a_key);
	tcase_add_test(tc, merge_tag_makes_a_merge_key);
	tcase_add_test(tc, aliases_noted_for_templates_only);
	tcase_add_test(tc, merges_count_against_the_alias_limit);

	tc = new_case(suite, "encoding");
	tcase_add_test(tc, json_bom_is_refused);
	tcase_add_test(tc, yaml_bom_is_accepted);
	tcase_add_test(tc, invalid_utf8_byte_in_yaml);
	tcase_add_test(tc, invalid_utf8_byte_in_json);
	tcase_add_test(tc, invalid_utf8_column_counts_characters_before);
	tcase_add_test(tc, invalid_utf8_truncated_sequence);
	tcase_add_test(tc, overlong_two_byte_encoding_is_invalid);
	tcase_add_test(tc, overlong_three_byte_encoding_is_invalid);
	tcase_add_test(tc, overlong_four_byte_encoding_is_invalid);
	tcase_add_test(tc, utf16_surrogate_in_utf8_is_invalid);
	tcase_add_test(tc, code_point_beyond_unicode_is_invalid);
	tcase_add_test(tc, nul_byte_in_yaml);
	tcase_add_test(tc, nul_byte_after_json);

	tc = new_case(suite, "document shape");
	tcase_add_test(tc, empty_yaml_document);
	tcase_add_test(tc, empty_json_document);
	tcase_add_test(tc, blank_json_document);
	tcase_add_test(tc, blank_lines_yaml_document);
	tcase_add_test(tc, comment_only_yaml_document);
	tcase_add_test(tc, explicit_start_with_only_comment_is_empty);
	tcase_add_test(tc, yaml_root_list);
	tcase_add_test(tc, yaml_root_scalar);
	tcase_add_test(tc, yaml_root_explicit_null);
	tcase_add_test(tc, json_root_list);
	tcase_add_test(tc, json_root_scalar);
	tcase_add_test(tc, second_yaml_document);
	tcase_add_test(tc, second_explicit_yaml_document);
	tcase_add_test(tc, empty_second_yaml_document);
	tcase_add_test(tc, document_end_marker_alone_is_one_document);
	tcase_add_test(tc, directive_before_document_is_one_document);

	tc = new_case(suite, "limits");
	tcase_add_test(tc, json_nesting_at_limit_loads);
	tcase_add_test(tc, json_nesting_too_deep);
	tcase_add_test(tc, json_deep_root_list_too_deep);
	tcase_add_test(tc, yaml_nesting_at_limit_loads);
	tcase_add_test(tc, yaml_nesting_too_deep);
	tcase_add_test(tc, yaml_block_nesting_too_deep);
	tcase_add_test(tc, billion_laughs_hits_alias_limit);
	tcase_add_test(tc, moderate_aliases_load);

	tc = new_case(suite, "aliases and tags");
	tcase_add_test(tc, alias_to_undefined_anchor);
	tcase_add_test(tc, alias_before_its_anchor);
	tcase_add_test(tc, recursive_alias_in_sequence);
	tcase_add_test(tc, recursive_alias_in_mapping);
	tcase_add_test(tc, unknown_tag_is_unsupported);
	tcase_add_test(tc, bom_does_not_shift_invalid_utf8_column);
	tcase_add_test(tc, bom_does_not_shift_nul_byte_column);
	tcase_add_test(tc, tag_on_empty_value_spans_forward);
	tcase_add_test(tc, empty_block_scalar_ends_after_indicator);
	tcase_add_test(tc, unknown_tag_after_anchor_reported_at_tag);
	tcase_add_test(tc, local_tags_are_kept_on_their_nodes);
	tcase_add_test(tc, int_tag_on_word_is_unsupported);
	tcase_add_test(tc, float_tag_makes_an_integer_a_float);
	tcase_add_test(tc, float_tag_reads_what_python_reads);
	tcase_add_test(tc, int_tag_reads_what_the_cli_reads);
	tcase_add_test(tc, bool_null_and_timestamp_tags_convert);
	tcase_add_test(tc, omap_tag_makes_a_mapping);
	tcase_add_test(tc, seq_tag_on_mapping_is_unsupported);
	tcase_add_test(tc, unsupported_tag_keeps_tree);
	tcase_add_test(tc, standard_tags_that_fit_are_accepted);
	tcase_add_test(tc, json_tags_and_anchors_are_syntax_errors);

	tc = new_case(suite, "input format");
	tcase_add_test(tc, detect_json_by_extension);
	tcase_add_test(tc, detect_yaml_by_extension);
	tcase_add_test(tc, detect_extension_ignores_case);
	tcase_add_test(tc, detect_json_by_brace_or_bracket);
	tcase_add_test(tc, detect_yaml_by_other_content);
	tcase_add_test(tc, detect_content_after_bom);
	tcase_add_test(tc, load_auto_records_detected_format);
	tcase_add_test(tc, forced_format_overrides_extension);
	tcase_add_test(tc, input_format_names);

	return suite;
}
