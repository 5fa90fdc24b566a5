/* The loader turns JSON or YAML text into the document tree, in passes:
 * the encoding checked, the characters YAML refuses found, the text
 * parsed (libfyaml's events, rather than its own document tree, let us
 * bound depth and alias expansion before any memory is spent, type
 * scalars the way the AWS CLI does, and keep exact positions of quotes
 * and block indicators), then the tabs the AWS CLI refuses and the root
 * checked. loader.h says which file does which. */
#include "loader.h"
#include "hcl.h"

#include <stdlib.h>
#include <string.h>

static bool is_blank(const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_space(data[i]))
			return false;
	return true;
}

static bool is_empty(const struct node *root)
{
	return !root || (root->kind == NODE_SCALAR && root->scalar.type == SCALAR_NULL &&
			 root->scalar.source_len == 0);
}

static bool check_root(struct loader *ld)
{
	const struct node *root = ld->doc->root;

	if (is_empty(root)) {
		loader_report(ld, RULE_EMPTY_DOCUMENT, span_at(SOURCE_START), NULL,
			      "the document is empty; %s needs at least %s", ld->kind->name,
			      ld->kind->needs);
		return false;
	}
	if (root->kind != NODE_MAPPING) {
		loader_report(ld, RULE_ROOT_NOT_MAPPING, root->span, NULL,
			      "the document is a %s; %s is a mapping of members such as %s",
			      root->kind == NODE_SCALAR ? scalar_type_name(root->scalar.type)
							: node_kind_name(root->kind),
			      ld->kind->name, ld->kind->example);
		return false;
	}
	return true;
}

bool load_document(struct document *doc, const struct source *src,
		   enum input_format format, const struct document_kind *kind,
		   struct diag_list *diags)
{
	struct loader ld = { 0 };
	bool usable = false;

	memset(doc, 0, sizeof *doc);
	arena_init(&doc->arena);
	diag_list_init_like(&doc->local_tags, diags);
	diag_list_init_like(&doc->template_notes, diags);
	doc->format = format == INPUT_AUTO
		? input_format_detect(src->name, src->data, src->len) : format;
	ld.doc = doc;
	ld.kind = kind;
	ld.src = src;
	ld.diags = diags;
	ld.json = doc->format == INPUT_JSON;
	ld.last = SOURCE_START;

	if (doc->format == INPUT_HCL) {
		if (loader_check_encoding(&ld)) {
			loader_parse_hcl(&ld);
			usable = !ld.stop && check_root(&ld);
		}
	} else if (loader_check_encoding(&ld)) {
		if (!ld.json)
			loader_check_characters(&ld);
		/* libfyaml calls empty JSON a syntax error; it is an empty document. */
		if (!(ld.json && is_blank(src->data, src->len)))
			loader_parse(&ld);
		if (!ld.json && !ld.stop && ld.diags->count == 0)
			loader_check_tabs(&ld);
		usable = !ld.stop && check_root(&ld);
	}
	free(ld.children);
	free(ld.lone);
	tab_room_free(&ld.tab_room);
	anchors_free(&ld.anchors);
	if (!usable)
		doc->root = NULL;
	return usable;
}

void document_free(struct document *doc)
{
	arena_free(&doc->arena);
	diag_list_free(&doc->local_tags);
	diag_list_free(&doc->template_notes);
	doc->root = NULL;
}

void load_report_local_tags(struct document *doc, struct diag_list *diags)
{
	diag_list_move(diags, &doc->local_tags);
}

void load_report_template_notes(struct document *doc, struct diag_list *diags)
{
	diag_list_move(diags, &doc->template_notes);
}

/* The rules of reading a document, which the loader raises. */
static const enum rule_id raised_rules[] = {
	RULE_SYNTAX_ERROR,
	RULE_DUPLICATE_KEY,
	RULE_DUPLICATE_KEY_SAME_VALUE,
	RULE_BAD_MERGE_KEY,
	RULE_LONE_SURROGATE,
	RULE_INVALID_UTF8,
	RULE_NUL_BYTE,
	RULE_BYTE_ORDER_MARK,
	RULE_EMPTY_DOCUMENT,
	RULE_ROOT_NOT_MAPPING,
	RULE_MULTIPLE_DOCUMENTS,
	RULE_NESTING_TOO_DEEP,
	RULE_ALIAS_LIMIT,
	RULE_BAD_ALIAS,
	RULE_UNSUPPORTED_TAG,
	RULE_TOO_MANY_NODES,
	RULE_NEEDS_PACKAGE,
};

bool load_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
