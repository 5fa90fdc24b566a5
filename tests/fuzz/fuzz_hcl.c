/* libFuzzer target: any bytes as a Terraform configuration (HCL native
 * syntax), read by the loader and linted as a *.tf file. Beyond not
 * crashing, the reader must keep its word: a document it reads is a
 * mapping whose every node spans its own text (the position of the
 * node's first byte is where its span starts, its end no earlier, and
 * inside its parent's text); one it refuses says why, once, at a place in
 * the file. Seeded with testdata/cases/hcl. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "load/source.h"

static const struct source *source;
static size_t checked; /* nodes whose start is counted out, at most a few */

static void fail(const char *what, const struct node *node)
{
	fprintf(stderr, "fuzz-hcl: %s (node at %d:%d-%d:%d)\n", what, node->span.line,
		node->span.column, node->span.end_line, node->span.end_column);
	abort();
}

static void check_node(const struct node *node, const char *from, const char *to)
{
	const char *text = node->scalar.source;

	if (!text || text < from || text + node->scalar.source_len > to)
		fail("a node's text lies outside its parent's", node);
	if (node->span.line < 1 || node->span.column < 1 ||
	    node->span.end_line < node->span.line ||
	    (node->span.end_line == node->span.line && node->span.end_column < node->span.column))
		fail("a node's span ends before it starts", node);
	if (checked++ < 64) {
		/* A byte-order mark is no column. */
		bool bom = source->len >= 3 && memcmp(source->data, "\xEF\xBB\xBF", 3) == 0;
		struct position start = bom ? (struct position){ 1, 1, 3 } : SOURCE_START;
		struct position at = source_advance(source, start, (size_t)(text - source->data));
		if (at.line != node->span.line || at.column != node->span.column)
			fail("a node's span does not start at its text", node);
	}
	if (node->kind == NODE_UNKNOWN && node->scalar.source_len == 0)
		fail("an unknown expression has no text", node);
	if (node->kind == NODE_MAPPING)
		for (size_t i = 0; i < node->mapping.count; i++) {
			check_node(node->mapping.pairs[i].key, text, text + node->scalar.source_len);
			check_node(node->mapping.pairs[i].value, text, text + node->scalar.source_len);
		}
	if (node->kind == NODE_SEQUENCE)
		for (size_t i = 0; i < node->sequence.count; i++)
			check_node(node->sequence.items[i], text, text + node->scalar.source_len);
}

static void check_load(const char *text, size_t size)
{
	static const struct document_kind kind = { "a configuration", "a block", "resource" };
	struct source src;
	struct document doc;
	struct diag_list diags;

	source_from_memory(&src, "main.tf", text, size);
	diag_list_init(&diags);
	source = &src;
	checked = 0;
	if (load_document(&doc, &src, INPUT_HCL, &kind, &diags)) {
		if (diags.count != 0 || doc.root->kind != NODE_MAPPING)
			abort();
		/* The root spans its members, from the first to the last. */
		for (size_t i = 0; i < doc.root->mapping.count; i++) {
			check_node(doc.root->mapping.pairs[i].key, text, text + size);
			check_node(doc.root->mapping.pairs[i].value, text, text + size);
		}
	} else if (!diags.out_of_memory) {
		if (diags.count != 1 || diags.items[0].span.line < 1 ||
		    diags.items[0].span.column < 1)
			abort();
	}
	document_free(&doc);
	diag_list_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);

	if (!text)
		return 0;
	check_load(text, size);
	fuzz_lint_only("main.tf", text, size, INPUT_AUTO, NULL, NULL);
	free(text);
	return 0;
}
