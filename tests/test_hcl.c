/* Tests of the HCL reader (src/load/hcl*.c): every construct of the
 * native syntax read, the tree it makes (blocks, literals, unknowns) with
 * exact spans, and the first syntax error of invalid text where it is. */
#include "unit.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/diag.h"
#include "load/load.h"
#include "load/node.h"
#include "load/source.h"
#include "rules/rules.h"

static struct source src;
static struct document doc;
static struct diag_list diags;
static bool loaded;
static bool ok;
static char *owned;

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

static bool load_len(const char *text, size_t len)
{
	static const struct document_kind kind = { "a test", "a member", "name" };

	unload();
	diag_list_init(&diags);
	source_from_memory(&src, "main.tf", text, len);
	ok = load_document(&doc, &src, INPUT_AUTO, &kind, &diags);
	loaded = true;
	return ok;
}

static bool load(const char *text)
{
	return load_len(text, strlen(text));
}

/* ---- the tree in words --------------------------------------------------- */

struct text {
	char *data;
	size_t len, capacity;
};

static void put(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->capacity) {
		t->capacity = 2 * (t->len + n + 1);
		t->data = realloc(t->data, t->capacity);
		ck_assert_ptr_nonnull(t->data);
	}
	memcpy(t->data + t->len, s, n);
	t->len += n;
	t->data[t->len] = '\0';
}

static void puts_text(struct text *t, const char *s)
{
	put(t, s, strlen(s));
}

/* Scalars as "text", 5, 1.5, true, null; unknowns as ?source; mappings
 * {key:value,...}; sequences [a,b]. */
static void dump_node(struct text *t, const struct node *n)
{
	switch (n->kind) {
	case NODE_SCALAR:
		if (n->scalar.type == SCALAR_STRING) {
			puts_text(t, "\"");
			put(t, n->scalar.text, n->scalar.len);
			puts_text(t, "\"");
		} else {
			put(t, n->scalar.text, n->scalar.len);
		}
		break;
	case NODE_UNKNOWN:
		puts_text(t, "?");
		put(t, n->scalar.source, n->scalar.source_len);
		break;
	case NODE_MAPPING:
		puts_text(t, "{");
		for (size_t i = 0; i < n->mapping.count; i++) {
			if (i)
				puts_text(t, ",");
			dump_node(t, n->mapping.pairs[i].key);
			puts_text(t, ":");
			dump_node(t, n->mapping.pairs[i].value);
		}
		puts_text(t, "}");
		break;
	case NODE_SEQUENCE:
		puts_text(t, "[");
		for (size_t i = 0; i < n->sequence.count; i++) {
			if (i)
				puts_text(t, ",");
			dump_node(t, n->sequence.items[i]);
		}
		puts_text(t, "]");
		break;
	}
}

static const char *dump(void)
{
	static struct text t;

	ck_assert_msg(ok, "did not load: %s", diags.count ? diags.items[0].message : "?");
	t.len = 0;
	put(&t, "", 0);
	dump_node(&t, doc.root);
	return t.data;
}

#define assert_tree(text, expected)                                                \
	do {                                                                       \
		load(text);                                                        \
		ck_assert_str_eq(dump(), (expected));                              \
	} while (0)

#define assert_span(span_expr, l, c, el, ec)                                       \
	do {                                                                       \
		const struct span s_ = (span_expr);                                \
		ck_assert_msg(s_.line == (l) && s_.column == (c) &&                \
				      s_.end_line == (el) && s_.end_column == (ec), \
			      "span is %d:%d-%d:%d, expected %d:%d-%d:%d", s_.line, \
			      s_.column, s_.end_line, s_.end_column, (l), (c),      \
			      (el), (ec));                                          \
	} while (0)

/* Not loaded: one syntax error at line:column. */
#define assert_error(text, l, c)                                                   \
	do {                                                                       \
		load(text);                                                        \
		ck_assert_msg(!ok, "loaded: %s", text);                            \
		ck_assert_uint_eq(diags.count, 1);                                 \
		ck_assert_msg(diags.items[0].rule == RULE_SYNTAX_ERROR, "%s",      \
			      diags.items[0].message);                             \
		ck_assert_msg(diags.items[0].span.line == (l) &&                   \
				      diags.items[0].span.column == (c),            \
			      "error at %d:%d, expected %d:%d: %s",                 \
			      diags.items[0].span.line, diags.items[0].span.column, \
			      (l), (c), diags.items[0].message);                   \
	} while (0)

static const struct node *value_of(const struct node *mapping, size_t i)
{
	ck_assert_int_eq(mapping->kind, NODE_MAPPING);
	ck_assert_uint_gt(mapping->mapping.count, i);
	return mapping->mapping.pairs[i].value;
}

/* ---- bodies -------------------------------------------------------------- */

START_TEST(tf_name_reads_hcl)
{
	ck_assert_int_eq(input_format_detect("main.tf", "{}", 2), INPUT_HCL);
	ck_assert_int_eq(input_format_detect("MAIN.TF", "a", 1), INPUT_HCL);
	ck_assert_str_eq(input_format_name(INPUT_HCL), "hcl");
	load("a = 1\n");
	ck_assert_int_eq(doc.format, INPUT_HCL);
	/* Only a .tf name says HCL: its text alone does not. */
	ck_assert_int_eq(input_format_detect("main", "a = 1\n", 6), INPUT_YAML);
}
END_TEST

/* Unless the document is said to be a configuration: then a name or a
 * text that says nothing is HCL, JSON still JSON, and a name still wins. */
START_TEST(terraform_reads_hcl_where_nothing_says_otherwise)
{
	ck_assert_int_eq(input_format_detect_terraform("<stdin>", "a = 1\n", 6), INPUT_HCL);
	ck_assert_int_eq(input_format_detect_terraform("<stdin>", "", 0), INPUT_HCL);
	ck_assert_int_eq(input_format_detect_terraform("<stdin>", " {\"a\": 1}", 9), INPUT_JSON);
	ck_assert_int_eq(input_format_detect_terraform("main.tf.json", "a", 1), INPUT_JSON);
	ck_assert_int_eq(input_format_detect_terraform("main.yaml", "a", 1), INPUT_YAML);
	ck_assert_int_eq(input_format_detect_terraform("main.tf", "{}", 2), INPUT_HCL);
}
END_TEST

START_TEST(empty_body_is_an_empty_mapping)
{
	assert_tree("", "{}");
	assert_tree("\n# only a comment\n// another\n/* and\nanother */\n", "{}");
}
END_TEST

START_TEST(attributes_are_members)
{
	assert_tree("a = 1\nb = \"x\"\n", "{\"a\":1,\"b\":\"x\"}");
	assert_tree("a = 1", "{\"a\":1}");
	assert_tree("a = 1\r\nb = 2\r\n", "{\"a\":1,\"b\":2}");
	assert_span(doc.root->mapping.pairs[1].key->span, 2, 1, 2, 2);
	assert_span(doc.root->mapping.pairs[1].value->span, 2, 5, 2, 6);
}
END_TEST

START_TEST(blocks_nest_their_labels)
{
	load("resource \"awscc_x\" \"exp\" {\n  name = \"n\"\n}\n");
	ck_assert_str_eq(dump(), "{\"resource\":{\"awscc_x\":{\"exp\":{\"name\":\"n\"}}}}");
	const struct node *type = value_of(doc.root, 0);
	assert_span(doc.root->mapping.pairs[0].key->span, 1, 1, 1, 9);
	assert_span(type->span, 1, 10, 3, 2);
	assert_span(type->mapping.pairs[0].key->span, 1, 10, 1, 19);
	const struct node *name = value_of(type, 0);
	assert_span(name->mapping.pairs[0].key->span, 1, 20, 1, 25);
	const struct node *body = value_of(name, 0);
	assert_span(body->span, 1, 26, 3, 2);
	assert_span(doc.root->span, 1, 1, 3, 2);
	ck_assert_ptr_nonnull(node_dig(doc.root, "resource", "awscc_x", "exp", "name", NULL));
}
END_TEST

START_TEST(repeated_blocks_are_all_kept)
{
	assert_tree("resource \"t\" \"a\" {\n}\nresource \"t\" \"b\" {\n}\n"
		    "x {\n  lifecycle {}\n  lifecycle {\n  }\n}\n",
		    "{\"resource\":{\"t\":{\"a\":{}}},\"resource\":{\"t\":{\"b\":{}}},"
		    "\"x\":{\"lifecycle\":{},\"lifecycle\":{}}}");
}
END_TEST

START_TEST(labels_may_be_names_or_strings)
{
	assert_tree("b lab \"str\\n\" {\n}\n", "{\"b\":{\"lab\":{\"str\n\":{}}}}");
}
END_TEST

START_TEST(one_line_blocks)
{
	assert_tree("a { b = 1 }\nc \"d\" {}\n", "{\"a\":{\"b\":1},\"c\":{\"d\":{}}}");
	assert_span(value_of(doc.root, 0)->span, 1, 3, 1, 12);
}
END_TEST

START_TEST(nested_blocks)
{
	assert_tree("a {\n  b {\n    c = 1\n  }\n  d = 2\n}\n",
		    "{\"a\":{\"b\":{\"c\":1},\"d\":2}}");
}
END_TEST

/* ---- literals ------------------------------------------------------------ */

START_TEST(numbers)
{
	load("a = 42\nb = 1.5\nc = 1e3\nd = 2.5E-2\ne = -7\nf = 99999999999999999999\n");
	ck_assert_str_eq(dump(), "{\"a\":42,\"b\":1.5,\"c\":1e3,\"d\":2.5E-2,\"e\":-7,"
		       "\"f\":99999999999999999999}");
	ck_assert_int_eq(value_of(doc.root, 0)->scalar.type, SCALAR_INT);
	ck_assert_int_eq(value_of(doc.root, 0)->scalar.int_value, 42);
	ck_assert_int_eq(value_of(doc.root, 1)->scalar.type, SCALAR_FLOAT);
	ck_assert_int_eq(value_of(doc.root, 2)->scalar.type, SCALAR_FLOAT);
	ck_assert_int_eq(value_of(doc.root, 4)->scalar.int_value, -7);
	assert_span(value_of(doc.root, 4)->span, 5, 5, 5, 7);
	ck_assert(value_of(doc.root, 5)->scalar.int_overflow);
}
END_TEST

START_TEST(keywords)
{
	load("a = true\nb = false\nc = null\n");
	ck_assert_int_eq(value_of(doc.root, 0)->scalar.type, SCALAR_BOOL);
	ck_assert(value_of(doc.root, 0)->scalar.bool_value);
	ck_assert(!value_of(doc.root, 1)->scalar.bool_value);
	ck_assert_int_eq(value_of(doc.root, 2)->scalar.type, SCALAR_NULL);
}
END_TEST

START_TEST(string_escapes)
{
	load("a = \"t\\tn\\nr\\rq\\\"b\\\\u\\u00e9U\\U0001F600\"\n");
	ck_assert_str_eq(value_of(doc.root, 0)->scalar.text,
			 "t\tn\nr\rq\"b\\u\xC3\xA9U\xF0\x9F\x98\x80");
	assert_span(value_of(doc.root, 0)->span, 1, 5, 1, 40);
	assert_tree("a = \"$${x} %%{y} $ % $x\"\n", "{\"a\":\"${x} %{y} $ % $x\"}");
	assert_tree("a = \"é\" \nb = 1\n", "{\"a\":\"é\",\"b\":1}");
	assert_span(value_of(doc.root, 0)->span, 1, 5, 1, 8);
}
END_TEST

START_TEST(tuples_and_objects_of_literals)
{
	assert_tree("a = [1, \"x\", true,]\nb = []\nc = [\n  1,\n  2\n]\n",
		    "{\"a\":[1,\"x\",true],\"b\":[],\"c\":[1,2]}");
	assert_tree("a = { x = 1, \"y\" = 2\n  z: 3\n  w = { v = [] } }\n",
		    "{\"a\":{\"x\":1,\"y\":2,\"z\":3,\"w\":{\"v\":[]}}}");
	assert_span(value_of(doc.root, 0)->span, 1, 5, 3, 19);
	assert_tree("a = {\n}\nb = {}\n", "{\"a\":{},\"b\":{}}");
	assert_tree("a = { 1 = \"one\", true = 2 }\n", "{\"a\":{\"1\":\"one\",\"true\":2}}");
}
END_TEST

START_TEST(heredocs)
{
	assert_tree("a = <<EOT\nhello\n  world\nEOT\nb = 1\n",
		    "{\"a\":\"hello\n  world\n\",\"b\":1}");
	assert_span(value_of(doc.root, 0)->span, 1, 5, 4, 4);
	assert_tree("a = <<-EOT\n    hello\n      world $${x}\n\n    EOT\n",
		    "{\"a\":\"hello\n  world ${x}\n\n\"}");
	assert_tree("a = <<EOT\nEOT\n", "{\"a\":\"\"}");
	assert_tree("a {\n  b = <<EOF\n  x \\n \"\nEOF\n}\n", "{\"a\":{\"b\":\"  x \\n \"\n\"}}");
}
END_TEST

/* ---- expressions known only when Terraform plans ------------------------- */

START_TEST(references_and_calls_are_unknown)
{
	assert_tree("a = var.x\nb = aws_iam_role.r.arn\nc = f(1, \"x\")\nd = f(x...)\n"
		    "e = provider::aws::arn_parse(x)\nf = local.l[0]\ng = count.index\n"
		    "h = a.0.b\n",
		    "{\"a\":?var.x,\"b\":?aws_iam_role.r.arn,\"c\":?f(1, \"x\"),"
		    "\"d\":?f(x...),\"e\":?provider::aws::arn_parse(x),\"f\":?local.l[0],"
		    "\"g\":?count.index,\"h\":?a.0.b}");
	assert_span(value_of(doc.root, 2)->span, 3, 5, 3, 14);
	ck_assert_int_eq(value_of(doc.root, 0)->kind, NODE_UNKNOWN);
	assert_tree("a = true(1)\nb = null ()\nc = x.*.y.0[1].*.z\nd = x[*][0].y\ne = a.1e3\n",
		    "{\"a\":?true(1),\"b\":?null (),\"c\":?x.*.y.0[1].*.z,\"d\":?x[*][0].y,"
		    "\"e\":?a.1e3}");
	/* Blocks of one type, attributes of another name: no repeat. */
	assert_tree("a = 1\na {\n}\na {\n}\n", "{\"a\":1,\"a\":{},\"a\":{}}");
}
END_TEST

START_TEST(operators_are_unknown)
{
	assert_tree("a = 1 + 2 * 3\nb = !x\nc = -x\nd = a == b && c != d || e < f\n"
		    "e = x >= 1 ? \"y\" : \"z\"\nf = (1)\ng = 1 % 2 / 3 - 4 <= 5 > 6\n",
		    "{\"a\":?1 + 2 * 3,\"b\":?!x,\"c\":?-x,\"d\":?a == b && c != d || e < f,"
		    "\"e\":?x >= 1 ? \"y\" : \"z\",\"f\":?(1),\"g\":?1 % 2 / 3 - 4 <= 5 > 6}");
	assert_span(value_of(doc.root, 4)->span, 5, 5, 5, 23);
}
END_TEST

START_TEST(for_and_splat_are_unknown)
{
	assert_tree("a = [for x in y : x if x != 1]\nb = {for k, v in y : k => v...}\n"
		    "c = x[*].id\nd = x.*.id\ne = [\n  for x in y :\n  x\n]\n",
		    "{\"a\":?[for x in y : x if x != 1],\"b\":?{for k, v in y : k => v...},"
		    "\"c\":?x[*].id,\"d\":?x.*.id,\"e\":?[\n  for x in y :\n  x\n]}");
	assert_span(value_of(doc.root, 4)->span, 5, 5, 8, 2);
}
END_TEST

START_TEST(templates_that_interpolate_are_unknown)
{
	assert_tree("a = \"x-${var.y}\"\nb = \"%{if c}y%{else}z%{endif}\"\n"
		    "c = \"%{ for i in l ~}${i}%{~ endfor }\"\nd = \"${ {a = \"}\"}.a }\"\n",
		    "{\"a\":?\"x-${var.y}\",\"b\":?\"%{if c}y%{else}z%{endif}\","
		    "\"c\":?\"%{ for i in l ~}${i}%{~ endfor }\",\"d\":?\"${ {a = \"}\"}.a }\"}");
	assert_tree("a = <<-EOT\n  ${x}\n  %{ if y }\n  EOTX\n  %{ endif }\n  EOT\n",
		    "{\"a\":?<<-EOT\n  ${x}\n  %{ if y }\n  EOTX\n  %{ endif }\n  EOT}");
	assert_span(value_of(doc.root, 0)->span, 1, 5, 6, 6);
	/* The marker's line ends a heredoc even inside a %{ if }. */
	assert_error("a = <<EOT\n%{ if y }\nEOT\n%{ endif }\nEOT\n", 1, 5);
}
END_TEST

START_TEST(collections_keep_unknown_items)
{
	load("a = [1, var.x]\nb = { (var.k) = 1, n = var.v }\n");
	ck_assert_str_eq(dump(), "{\"a\":[1,?var.x],\"b\":{?(var.k):1,\"n\":?var.v}}");
	ck_assert_int_eq(value_of(doc.root, 0)->kind, NODE_SEQUENCE);
	ck_assert_ptr_null(node_member(value_of(doc.root, 1), "x"));
}
END_TEST

/* ---- invalid text -------------------------------------------------------- */

START_TEST(syntax_errors_are_placed)
{
	assert_error("a = \n", 1, 5);
	assert_error("a = 1 +\n2\n", 1, 8);
	assert_error("a = 1 b = 2\n", 1, 7);
	assert_error("a = \"x\n", 1, 7);
	assert_error("a = \"x", 1, 5);
	assert_error("a = \"\\q\"\n", 1, 6);
	assert_error("a = \"${x\"\n", 1, 9);
	assert_error("a {\n", 1, 3);
	assert_error("a { b = 1\n}\n", 1, 10);
	assert_error("a { b {} }\n", 1, 7);
	assert_error("a {\n}b = 1\n", 2, 2);
	assert_error("a = [1 2]\n", 1, 8);
	assert_error("a = {x = 1 y = 2}\n", 1, 12);
	assert_error("a = <<EOT\nx\n", 1, 5);
	assert_error("/* open\n", 1, 1);
	assert_error("a = 1\n  @\n", 2, 3);
	assert_error("b \"${x}\" {\n}\n", 1, 3);
	assert_error("a = \"%{ if x }\"\n", 1, 5);
	assert_error("a = \"%{ endif }\"\n", 1, 6);
	assert_error("a = [for x y]\n", 1, 12);
	assert_error("a = f(x..., y)\n", 1, 11);
	assert_error("1 = 2\n", 1, 1);
	assert_error("a = x ? 1\n", 1, 10);
	load("a = \"é\xCC\"\n");
	ck_assert_uint_eq(diags.count, 1);
	ck_assert_int_eq(diags.items[0].rule, RULE_INVALID_UTF8);
	ck_assert_int_eq(diags.items[0].span.column, 7);
	assert_error("\n\n   a = { b = [\n\n  }\n", 5, 3);
	assert_error("a = \"\\uD800\"\n", 1, 6);
	assert_error("a = \"\\U00110000\"\n", 1, 6);
	assert_error("a = x.0.1\n", 1, 7);
	assert_error("a = x.*.*\n", 1, 9);
	assert_error("a = f(x...,)\n", 1, 11);
	assert_error("a = \"${x ~ }\"\n", 1, 10);
	assert_error("a = 1\nb {\n}\nc = 2\na = 3\n", 5, 1);
	assert_error("a {\n  b = 1\n  b = 2\n}\n", 3, 3);
	assert_error("a = 1, b = 2\n", 1, 6);
	assert_error("a {\n}\n}\n", 3, 1);
	assert_error("a\n{\n}\n", 1, 2);
	assert_error("a = b\n  .c\n", 2, 3);
	/* HCL ends lines with LF or CR LF only. */
	assert_error("a = 1\rb = 2\r", 1, 6);
}
END_TEST

START_TEST(nesting_is_bounded)
{
	size_t depth = 200;
	char *text = malloc(2 * depth + 8);

	ck_assert_ptr_nonnull(text);
	memcpy(text, "a = ", 4);
	memset(text + 4, '[', depth);
	memset(text + 4 + depth, ']', depth);
	strcpy(text + 4 + 2 * depth, "\n");
	owned = NULL;
	load(text);
	ck_assert(!ok);
	ck_assert_int_eq(diags.items[0].rule, RULE_NESTING_TOO_DEEP);
	unload();
	free(text);
}
END_TEST

START_TEST(nodes_are_bounded)
{
	size_t count = LOAD_MAX_NODES + 10;
	char *text = malloc(4 * count + 16);

	ck_assert_ptr_nonnull(text);
	size_t n = 0;
	n += (size_t)sprintf(text, "a = [");
	for (size_t i = 0; i < count; i++)
		n += (size_t)sprintf(text + n, "1,");
	strcpy(text + n, "]\n");
	load(text);
	ck_assert(!ok);
	ck_assert_int_eq(diags.items[0].rule, RULE_TOO_MANY_NODES);
	unload();
	free(text);
}
END_TEST

Suite *hcl_suite(void)
{
	Suite *suite = suite_create("hcl");
	TCase *tc = tcase_create("bodies");

	tcase_add_checked_fixture(tc, NULL, unload);
	tcase_add_test(tc, tf_name_reads_hcl);
	tcase_add_test(tc, terraform_reads_hcl_where_nothing_says_otherwise);
	tcase_add_test(tc, empty_body_is_an_empty_mapping);
	tcase_add_test(tc, attributes_are_members);
	tcase_add_test(tc, blocks_nest_their_labels);
	tcase_add_test(tc, repeated_blocks_are_all_kept);
	tcase_add_test(tc, labels_may_be_names_or_strings);
	tcase_add_test(tc, one_line_blocks);
	tcase_add_test(tc, nested_blocks);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, keywords);
	tcase_add_test(tc, string_escapes);
	tcase_add_test(tc, tuples_and_objects_of_literals);
	tcase_add_test(tc, heredocs);
	tcase_add_test(tc, references_and_calls_are_unknown);
	tcase_add_test(tc, operators_are_unknown);
	tcase_add_test(tc, for_and_splat_are_unknown);
	tcase_add_test(tc, templates_that_interpolate_are_unknown);
	tcase_add_test(tc, collections_keep_unknown_items);
	tcase_add_test(tc, syntax_errors_are_placed);
	tcase_add_test(tc, nesting_is_bounded);
	tcase_add_test(tc, nodes_are_bounded);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(suite, tc);
	return suite;
}
