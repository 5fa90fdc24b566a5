/* A node's explicit tag: YAML's standard tags convert or must fit what
 * they tag, as the AWS CLI's loader has them, and a local tag (!Ref) is
 * kept on its node for templates and held back as an error of requests. */
#include "loader.h"

#include <string.h>

#include "scalar.h"
#include "standard_tags.h"

static const char yaml_tag_prefix[] = "tag:yaml.org,2002:";

/* For a standard tag (tag:yaml.org,2002:int), its suffix ("int"). */
static const char *standard_suffix(const char *tag, size_t len, size_t *suffix_len)
{
	size_t prefix_len = sizeof yaml_tag_prefix - 1;

	if (len <= prefix_len || memcmp(tag, yaml_tag_prefix, prefix_len) != 0)
		return NULL;
	*suffix_len = len - prefix_len;
	return tag + prefix_len;
}

static bool suffix_is(const char *suffix, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(suffix, name, len) == 0;
}

/* A collection's standard tag must say what it is. */
static bool container_tag_fits(const char *suffix, size_t len, const struct node *node)
{
	return suffix_is(suffix, len, node->kind == NODE_MAPPING ? "map" : "seq");
}

static void keep_local_tag(struct loader *ld, struct node *node, const char *text,
			   size_t len, struct span span)
{
	struct node_tag *tag = arena_alloc(&ld->doc->arena, sizeof *tag);
	char *copy = arena_alloc(&ld->doc->arena, len + 1);

	if (!tag || !copy) {
		loader_out_of_memory(ld);
		return;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	*tag = (struct node_tag){ copy, len, span };
	node->tag = tag;
}

/* Applies an explicit tag. A standard tag converts a scalar as the AWS
 * CLI's loader does (!!str makes anything a string, !!float 5 is 5.0) and
 * is refused where that loader cannot convert the text; on a collection it
 * must say what the collection is. Any other tag is refused, as the AWS
 * CLI's safe YAML loader refuses it. */
void loader_apply_tag(struct loader *ld, struct fy_token *tag_token,
		      struct node *node, struct span span)
{
	size_t len, suffix_len = 0;
	const char *tag = tag_token ? fy_token_get_text(tag_token, &len) : NULL;

	if (!tag)
		return;
	/* The non-specific tag: the AWS CLI's loader resolves the text as if
	 * it were plain, quoted or not (`! "2"` is the integer 2, measured). */
	if (len == 1 && tag[0] == '!') {
		if (node->kind == NODE_SCALAR) {
			node->scalar.type = scalar_resolve_yaml(node->scalar.text, node->scalar.len);
			scalar_set_value(&node->scalar);
		}
		return;
	}
	const char *suffix = standard_suffix(tag, len, &suffix_len);
	if (suffix && node->kind == NODE_SCALAR && suffix_is(suffix, suffix_len, "merge")) {
		node->merge_key = true;
		return;
	}
	if (suffix && node->kind == NODE_SCALAR) {
		bool no_memory;
		/* What the text is, for the message if the tag does not fit. */
		node->scalar.type = scalar_resolve_yaml(node->scalar.text, node->scalar.len);
		scalar_set_value(&node->scalar);
		if (standard_tag_convert(&node->scalar, suffix, suffix_len,
					 &ld->doc->arena, &no_memory))
			return;
		if (no_memory)
			return loader_out_of_memory(ld);
	}
	if (suffix && node->kind != NODE_SCALAR &&
	    container_tag_fits(suffix, suffix_len, node))
		return;

	/* Point at the tag itself: it is what has to change. */
	const struct fy_mark *tag_start = fy_token_start_mark(tag_token);
	if (mark_known(tag_start)) {
		struct position at = mark_position(tag_start);
		span.line = at.line;
		span.column = at.column;
	}

	if (suffix) {
		loader_report(ld, RULE_UNSUPPORTED_TAG, span, NULL,
			      "the tag !!%.*s does not fit this %s", (int)suffix_len, suffix,
				node->kind == NODE_SCALAR ? scalar_type_name(node->scalar.type)
							  : node_kind_name(node->kind));
		return;
	}
	keep_local_tag(ld, node, tag, len, span);
	loader_hold_back(ld, RULE_UNSUPPORTED_TAG, span,
			 "the tag %.*s is not supported: the AWS CLI reads only "
			 "YAML's standard tags, such as !!str", (int)len, tag);
}

bool loader_is_omap_tag(struct fy_token *token)
{
	static const char omap[] = "tag:yaml.org,2002:omap";
	size_t len;
	const char *tag = token ? fy_token_get_text(token, &len) : NULL;

	return tag && len == sizeof omap - 1 && memcmp(tag, omap, len) == 0;
}
