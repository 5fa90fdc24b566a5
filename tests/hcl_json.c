/* Prints what the HCL reader makes of each file named, one JSON line a
 * file, for tests/hcl-differential to compare with HashiCorp's parser:
 *
 *   {"file": NAME, "error": [LINE, COLUMN]}   the file is refused
 *   {"file": NAME, "tree": NODE}              the file is read
 *
 * where NODE is {"s": STRING}, {"n": "NUMBER AS WRITTEN"}, {"v": true,
 * false or null}, {"u": 1} (known only when Terraform plans), {"l": [NODE,
 * ...]} or {"m": [[KEY, VALUE], ...], "b": [BOOL, ...], "o": BOOL}, b saying
 * which members are blocks (no = between the name and the value), o
 * whether it opens with { (a body or an object, not a block's labels). */
#include <stdio.h>
#include <string.h>

#include "load/load.h"
#include "rules/rules.h"

static void put_string(const char *text, size_t len)
{
	putchar('"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static bool is_block(const struct pair *pair)
{
	const char *from = pair->key->scalar.source + pair->key->scalar.source_len;

	return pair->key->kind == NODE_SCALAR && pair->value->scalar.source >= from &&
	       !memchr(from, '=', (size_t)(pair->value->scalar.source - from));
}

static void put_node(const struct node *node)
{
	switch (node->kind) {
	case NODE_UNKNOWN:
		fputs("{\"u\":1}", stdout);
		break;
	case NODE_SCALAR:
		if (node->scalar.type == SCALAR_STRING) {
			fputs("{\"s\":", stdout);
			put_string(node->scalar.text, node->scalar.len);
		} else if (node->scalar.type == SCALAR_INT || node->scalar.type == SCALAR_FLOAT) {
			fputs("{\"n\":", stdout);
			put_string(node->scalar.text, node->scalar.len);
		} else {
			printf("{\"v\":%s", node->scalar.type == SCALAR_NULL ? "null"
			       : node->scalar.bool_value ? "true" : "false");
		}
		putchar('}');
		break;
	case NODE_SEQUENCE:
		fputs("{\"l\":[", stdout);
		for (size_t i = 0; i < node->sequence.count; i++) {
			if (i)
				putchar(',');
			put_node(node->sequence.items[i]);
		}
		fputs("]}", stdout);
		break;
	case NODE_MAPPING:
		fputs("{\"m\":[", stdout);
		for (size_t i = 0; i < node->mapping.count; i++) {
			printf("%s[", i ? "," : "");
			put_node(node->mapping.pairs[i].key);
			putchar(',');
			put_node(node->mapping.pairs[i].value);
			putchar(']');
		}
		fputs("],\"b\":[", stdout);
		for (size_t i = 0; i < node->mapping.count; i++)
			printf("%s%s", i ? "," : "", is_block(&node->mapping.pairs[i]) ? "true" : "false");
		/* A body or an object opens with {; a block's labels do not. */
		printf("],\"o\":%s}", node->scalar.source[0] == '{' ? "true" : "false");
		break;
	}
}

int main(int argc, char **argv)
{
	static const struct document_kind kind = { "a configuration", "a block", "resource" };
	int status = 0;

	rules_use_embedded();
	for (int i = 1; i < argc; i++) {
		struct source src;
		struct document doc;
		struct diag_list diags;
		const char *why;

		if (source_read(&src, argv[i], LOAD_MAX_DATA_FILE, &why) != SOURCE_OK) {
			fprintf(stderr, "hcl-json: %s: cannot read\n", argv[i]);
			status = 1;
			continue;
		}
		diag_list_init(&diags);
		fputs("{\"file\":", stdout);
		put_string(argv[i], strlen(argv[i]));
		if (load_document(&doc, &src, INPUT_HCL, &kind, &diags)) {
			fputs(",\"tree\":", stdout);
			put_node(doc.root);
		} else {
			printf(",\"error\":[%d,%d]", diags.count ? diags.items[0].span.line : 0,
			       diags.count ? diags.items[0].span.column : 0);
		}
		puts("}");
		document_free(&doc);
		diag_list_free(&diags);
		source_free(&src);
	}
	rules_release();
	return status;
}
