/* The loader turns libfyaml's event stream into the document tree. Using
 * events rather than libfyaml's own document tree lets us bound depth and
 * alias expansion before any memory is spent, type scalars the way the AWS
 * CLI does, and keep exact positions of quotes and block indicators. */
#include "load.h"

#include <libfyaml.h>
#include <pthread.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "anchors.h"
#include "tabs.h"
#include "characters.h"
#include "merge.h"
#include "scalar.h"
#include "standard_tags.h"
#include "surrogates.h"
#include "scalar_text.h"
#include "value_count.h"
#include "base/format.h"
#include "base/memory.h"
#include "base/path.h"
#include "base/quote.h"
#include "base/utf8.h"

/* An open mapping or sequence, waiting for its children. */
struct frame {
	struct node *node;
	size_t first_child; /* index of its first child on the children stack */
	const char *anchor; /* its anchor, registered once it is complete */
	size_t anchor_len;
	bool ordered_map; /* a list tagged !!omap: a mapping once complete */
};

struct loader {
	struct document *doc;
	const struct document_kind *kind;
	const struct source *src;
	struct diag_list *diags;
	bool json;
	/* Finished children of all open containers, innermost last. */
	struct node **children;
	size_t children_len;
	size_t children_capacity;
	struct frame frames[LOAD_MAX_DEPTH];
	size_t depth;
	struct anchor_table anchors;
	size_t alias_nodes;
	size_t alias_text; /* bytes */
	size_t nodes; /* built so far, aliases included */
	struct position last; /* where the previous event ended */
	int documents;
	bool stop; /* loading cannot go on: a diagnostic says why */
	/* The escapes of lone surrogates in JSON strings and YAML
	 * double-quoted scalars, in order: see surrogates.h. */
	struct lone_surrogate *lone;
	size_t lone_count;
	/* Where a tab is taken (YAML): see tabs.h. */
	struct tab_room tab_room;
};

/* ---- small helpers ------------------------------------------------------ */

static struct span span_between(struct position from, struct position to)
{
	return (struct span){ from.line, from.column, to.line, to.column };
}

static struct span span_at(struct position at)
{
	return span_between(at, at);
}

static bool mark_known(const struct fy_mark *mark)
{
	return mark && mark->line >= 0;
}

static struct position mark_position(const struct fy_mark *mark)
{
	return (struct position){ mark->line + 1, mark->column + 1, mark->input_pos };
}

static void out_of_memory(struct loader *ld)
{
	ld->diags->out_of_memory = true;
	ld->stop = true;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static size_t add_weight(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* The path of the slot the next node will fill (plus `key`, when given):
 * each open frame contributes the key or index of its open child. */
static void current_path(const struct loader *ld, struct path *path,
			 const struct node *key)
{
	for (size_t i = 0; i < ld->depth; i++) {
		const struct frame *frame = &ld->frames[i];
		size_t child = i + 1 < ld->depth ? ld->frames[i + 1].first_child
						 : ld->children_len;
		size_t slot = child - frame->first_child;

		if (frame->node->kind == NODE_SEQUENCE) {
			path_append_index(path, slot);
		} else if (slot % 2 == 1) {
			/* A value is being built: its key came just before. */
			const struct node *pending = ld->children[child - 1];
			if (pending->kind == NODE_SCALAR)
				path_append_key(path, pending->scalar.text, pending->scalar.len);
			else
				path_append_key(path, "?", 1);
		}
	}
	if (key)
		path_append_key(path, key->scalar.text, key->scalar.len);
}

__attribute__((format(printf, 6, 0)))
static void reportv(struct loader *ld, struct diag_list *diags, enum rule_id rule,
		    struct span span, const struct node *key, const char *format,
		    va_list args)
{
	struct path path;

	path_init(&path);
	current_path(ld, &path, key);
	diag_addv(diags, rule, span, path_string(&path), format, args);
	path_free(&path);
}

__attribute__((format(printf, 5, 6)))
static void report(struct loader *ld, enum rule_id rule, struct span span,
		   const struct node *key, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	reportv(ld, ld->diags, rule, span, key, format, args);
	va_end(args);
}

/* A diagnostic about a local tag: see struct document. */
__attribute__((format(printf, 4, 5)))
static void hold_back(struct loader *ld, enum rule_id rule, struct span span,
		      const char *format, ...)
{
	va_list args;

	va_start(args, format);
	reportv(ld, &ld->doc->local_tags, rule, span, NULL, format, args);
	va_end(args);
}

/* A note for a template only: see struct document. */
__attribute__((format(printf, 4, 5)))
static void hold_for_template(struct loader *ld, enum rule_id rule, struct span span,
			      const char *format, ...)
{
	va_list args;

	va_start(args, format);
	reportv(ld, &ld->doc->template_notes, rule, span, NULL, format, args);
	va_end(args);
}

/* ---- anchors ------------------------------------------------------------ */

static bool anchor_is_open(const struct loader *ld, const char *name, size_t len)
{
	for (size_t i = 0; i < ld->depth; i++) {
		const struct frame *frame = &ld->frames[i];
		if (frame->anchor && frame->anchor_len == len &&
		    memcmp(frame->anchor, name, len) == 0)
			return true;
	}
	return false;
}

/* ---- where a node goes --------------------------------------------------- */

/* The key whose value frames[i] is building, or NULL when it is building
 * no mapping's value. */
static const struct node *pending_key(const struct loader *ld, size_t i)
{
	const struct frame *frame = &ld->frames[i];
	size_t child = i + 1 < ld->depth ? ld->frames[i + 1].first_child : ld->children_len;

	if (frame->node->kind != NODE_MAPPING || (child - frame->first_child) % 2 == 0)
		return NULL;
	return ld->children[child - 1];
}

/* Whether the next child of frames[parent] is read as a mapping to merge:
 * the value of a merge key, or an item of a list that is one. */
static bool merges_into(const struct loader *ld, size_t parent)
{
	const struct node *key = pending_key(ld, parent);

	if (key)
		return key->merge_key;
	return ld->frames[parent].node->kind == NODE_SEQUENCE && parent > 0 &&
	       (key = pending_key(ld, parent - 1)) && key->merge_key;
}

/* Whether the next node finished is a mapping's key. */
static bool key_is_next(const struct loader *ld)
{
	const struct frame *frame = ld->depth ? &ld->frames[ld->depth - 1] : NULL;

	return frame && frame->node->kind == NODE_MAPPING &&
	       (ld->children_len - frame->first_child) % 2 == 0;
}

/* ---- building ----------------------------------------------------------- */

static bool push_child(struct loader *ld, struct node *node)
{
	if (ld->children_len == ld->children_capacity) {
		size_t capacity = ld->children_capacity ? ld->children_capacity * 2 : 64;
		struct node **children = mem_realloc(ld->children, capacity * sizeof *children);
		if (!children)
			return false;
		ld->children = children;
		ld->children_capacity = capacity;
	}
	ld->children[ld->children_len++] = node;
	return true;
}

/* Marks a node and what it holds as shared. A node marked already is not
 * entered again, so nested aliases cost nothing more. */
static void mark_shared(struct node *node)
{
	if (node->shared)
		return;
	node->shared = true;
	if (node->kind == NODE_MAPPING)
		for (size_t i = 0; i < node->mapping.count; i++) {
			mark_shared(node->mapping.pairs[i].key);
			mark_shared(node->mapping.pairs[i].value);
		}
	else if (node->kind == NODE_SEQUENCE)
		for (size_t i = 0; i < node->sequence.count; i++)
			mark_shared(node->sequence.items[i]);
}

/* A complete node goes to its parent (or becomes the root) and, when it
 * carries an anchor, becomes available to later aliases. */
static void finish_node(struct loader *ld, struct node *node,
			const char *anchor, size_t anchor_len)
{
	if (ld->depth == 0)
		ld->doc->root = node;
	else if (!push_child(ld, node))
		return out_of_memory(ld);
	if (anchor && !anchors_add(&ld->anchors, &ld->doc->arena, anchor, anchor_len, node))
		out_of_memory(ld);
	if (anchor)
		mark_shared(node);
}

static struct node *new_node(struct loader *ld, enum node_kind kind)
{
	struct node *node = arena_alloc(&ld->doc->arena, sizeof *node);

	if (!node) {
		out_of_memory(ld);
		return NULL;
	}
	memset(node, 0, sizeof *node);
	node->kind = kind;
	node->weight = 1;
	return node;
}

static const char *copy_token_text(struct loader *ld, struct fy_token *token,
				   size_t *len)
{
	const char *text = token ? fy_token_get_text(token, len) : NULL;
	char *copy;

	if (!text) {
		text = "";
		*len = 0;
	}
	copy = arena_strndup(&ld->doc->arena, text, *len);
	if (!copy)
		out_of_memory(ld);
	return copy;
}

/* ---- tags --------------------------------------------------------------- */

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

/* The value of an integer or boolean, as its text says. */
static void read_value(struct scalar *scalar)
{
	if (scalar->type == SCALAR_INT)
		scalar->int_overflow = !scalar_parse_int(scalar->text, scalar->len,
							 &scalar->int_value);
	if (scalar->type == SCALAR_BOOL)
		scalar->bool_value = scalar->text[0] == 't' || scalar->text[0] == 'T';
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
		out_of_memory(ld);
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
static void apply_tag(struct loader *ld, struct fy_token *tag_token,
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
			read_value(&node->scalar);
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
		read_value(&node->scalar);
		if (standard_tag_convert(&node->scalar, suffix, suffix_len,
					 &ld->doc->arena, &no_memory))
			return;
		if (no_memory)
			return out_of_memory(ld);
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
		report(ld, RULE_UNSUPPORTED_TAG, span, NULL,
		       "the tag !!%.*s does not fit this %s", (int)suffix_len, suffix,
			 node->kind == NODE_SCALAR ? scalar_type_name(node->scalar.type)
						   : node_kind_name(node->kind));
		return;
	}
	keep_local_tag(ld, node, tag, len, span);
	hold_back(ld, RULE_UNSUPPORTED_TAG, span,
		  "the tag %.*s is not supported: the AWS CLI reads only "
		  "YAML's standard tags, such as !!str", (int)len, tag);
}

/* ---- scalars ------------------------------------------------------------ */

/* Where scanning for a node's own text may begin: after the previous event
 * and after the node's anchor and tag, if any. */
static struct position text_search_start(const struct loader *ld,
					 struct fy_event *event)
{
	struct position from = ld->last;
	struct fy_token *props[] = { fy_event_get_anchor_token(event),
				     fy_event_get_tag_token(event) };

	for (size_t i = 0; i < 2; i++) {
		const struct fy_mark *end = props[i] ? fy_token_end_mark(props[i]) : NULL;
		if (mark_known(end) && end->input_pos > from.offset)
			from = mark_position(end);
	}
	return from;
}

/* libfyaml places a block scalar at its first content line; users expect
 * the | or > indicator. Between the previous token and the content there
 * can only be separators, a comment, and the indicator itself. */
static struct position block_indicator(const struct loader *ld,
				       struct fy_event *event,
				       struct position content)
{
	struct position from = text_search_start(ld, event);
	const char *data = ld->src->data;

	for (size_t i = from.offset; i < content.offset; i++) {
		if (data[i] == '#') {
			while (i < content.offset && data[i] != '\n')
				i++;
		} else if (data[i] == '|' || data[i] == '>') {
			return source_advance(ld->src, from, i);
		}
	}
	return content;
}

/* A block scalar's token ends after its last line break; the span should
 * end with its last character, or just after the indicator when empty. */
static struct position trim_trailing_space(const struct loader *ld,
					   struct position indicator,
					   struct position end)
{
	size_t at = end.offset;

	while (at > indicator.offset + 1 && is_space(ld->src->data[at - 1]))
		at--;
	return at == end.offset ? end : source_advance(ld->src, indicator, at);
}

/* Where a scalar's text begins and ends, quotes and indicators included. */
static void scalar_extent(const struct loader *ld, struct fy_event *event,
			  struct position *startp, struct position *endp)
{
	struct fy_token *token = event->scalar.value;
	const struct fy_mark *start_mark = fy_token_start_mark(token);
	const struct fy_mark *end_mark = fy_token_end_mark(token);

	/* An empty value (`key:` and nothing) has no text of its own: it is
	 * where its key, anchor or tag ends. */
	if (!mark_known(start_mark) || !mark_known(end_mark)) {
		*startp = *endp = text_search_start(ld, event);
		return;
	}
	struct position start = mark_position(start_mark);
	struct position end = mark_position(end_mark);
	switch (fy_token_scalar_style(token)) {
	case FYSS_SINGLE_QUOTED:
	case FYSS_DOUBLE_QUOTED:
		/* The marks leave out the quotes; a quote is one column. */
		start.column--;
		start.offset--;
		end.column++;
		end.offset++;
		break;
	case FYSS_LITERAL:
	case FYSS_FOLDED:
		start = block_indicator(ld, event, start);
		end = trim_trailing_space(ld, start, end);
		break;
	default:
		break;
	}
	*startp = start;
	*endp = end;
}

/* A string with lone surrogate escapes, between the offsets start and
 * end: one warning, at the string, naming the first escape. */
static void report_lone_surrogates(struct loader *ld, const struct node *node,
				   size_t start, size_t end)
{
	size_t low = 0, high = ld->lone_count, last;
	char more[48] = "";

	while (low < high) {
		size_t middle = low + (high - low) / 2;
		if (ld->lone[middle].offset < start)
			low = middle + 1;
		else
			high = middle;
	}
	for (last = low; last < ld->lone_count && ld->lone[last].offset < end; last++)
		;
	if (last == low)
		return;
	if (last - low > 1)
		snprintf(more, sizeof more, " (and %zu more in this string)", last - low - 1);
	report(ld, RULE_LONE_SURROGATE, node->span, NULL,
	       "the escape %.*s is half of a UTF-16 surrogate pair without its other "
	       "half, so it stands for no character: the AWS CLI sends it as written, "
	       "and ielint checks it as one character, U+FFFD%s",
	       (int)ld->lone[low].length, ld->src->data + ld->lone[low].offset, more);
}

static enum scalar_style style_of(struct fy_token *token)
{
	switch (fy_token_scalar_style(token)) {
	case FYSS_SINGLE_QUOTED:
		return STYLE_SINGLE_QUOTED;
	case FYSS_DOUBLE_QUOTED:
		return STYLE_DOUBLE_QUOTED;
	case FYSS_LITERAL:
		return STYLE_LITERAL;
	case FYSS_FOLDED:
		return STYLE_FOLDED;
	default:
		return STYLE_PLAIN;
	}
}

/* A block scalar's header, and the indentation an explicit indicator
 * counts from: that of the block collection around it (libfyaml takes 0
 * for none). */
static void read_block_header(const struct loader *ld, struct fy_event *event,
			      struct position content, struct scalar_source *source)
{
	struct position indicator = block_indicator(ld, event, content);
	size_t parent = ld->depth ? (size_t)ld->frames[ld->depth - 1].node->span.column - 1 : 0;

	scalar_block_header(ld->src->data + indicator.offset, content.offset - indicator.offset,
			    &source->chomping, &source->indent);
	if (source->indent)
		source->indent += parent;
}

/* The scalar's text, read from the source rather than taken from libfyaml
 * (see load/scalar_text.h), into the document's arena. */
static const char *copy_scalar_text(struct loader *ld, struct fy_event *event, size_t *len)
{
	struct fy_token *token = event->scalar.value;
	const struct fy_mark *start = token ? fy_token_start_mark(token) : NULL;
	const struct fy_mark *end = token ? fy_token_end_mark(token) : NULL;
	struct scalar_source source = { .style = STYLE_PLAIN, .text = "" };
	char *text;

	if (mark_known(start) && mark_known(end) && end->input_pos >= start->input_pos) {
		source.style = style_of(token);
		source.text = ld->src->data + start->input_pos;
		source.len = end->input_pos - start->input_pos;
		if (source.style == STYLE_LITERAL || source.style == STYLE_FOLDED)
			read_block_header(ld, event, mark_position(start), &source);
	}
	*len = scalar_text(&source, NULL);
	if (!(text = arena_alloc(&ld->doc->arena, *len + 1))) {
		out_of_memory(ld);
		return NULL;
	}
	scalar_text(&source, text);
	text[*len] = '\0';
	return text;
}

static enum scalar_type resolve_type(const struct loader *ld,
				     struct fy_token *token,
				     const struct scalar *scalar)
{
	if (fy_token_scalar_style(token) != FYSS_PLAIN)
		return SCALAR_STRING;
	return ld->json ? scalar_resolve_json(scalar->text, scalar->len)
			: scalar_resolve_yaml(scalar->text, scalar->len);
}

/* Whether the next node is a mapping's key. */
static bool is_key_slot(const struct loader *ld)
{
	const struct frame *frame = ld->depth ? &ld->frames[ld->depth - 1] : NULL;

	return frame && frame->node->kind == NODE_MAPPING &&
	       (ld->children_len - frame->first_child) % 2 == 0;
}

/* A quoted or block scalar takes tabs (tabs.h): a block scalar to the end
 * of its token, the trailing white space its span leaves out included. */
static void make_tab_room(struct loader *ld, struct fy_token *token, struct position start,
			  struct position end)
{
	const struct fy_mark *token_end = fy_token_end_mark(token);
	size_t until = end.offset;

	if (mark_known(token_end) && token_end->input_pos > until)
		until = token_end->input_pos;
	if (!tab_room_add(&ld->tab_room, start.offset, until))
		out_of_memory(ld);
}

static struct node *build_scalar(struct loader *ld, struct fy_event *event)
{
	struct fy_token *token = event->scalar.value;
	struct node *node = new_node(ld, NODE_SCALAR);
	struct position start, end;
	struct scalar *scalar;

	if (!node)
		return NULL;
	scalar = &node->scalar;
	scalar->text = copy_scalar_text(ld, event, &scalar->len);
	if (!scalar->text)
		return NULL;
	scalar_extent(ld, event, &start, &end);
	node->span = span_between(start, end);
	if (ld->lone_count && (fy_token_scalar_style(token) == FYSS_DOUBLE_QUOTED))
		report_lone_surrogates(ld, node, start.offset, end.offset);
	scalar->source = ld->src->data + start.offset;
	scalar->source_len = end.offset - start.offset;
	if (!ld->json && fy_token_scalar_style(token) != FYSS_PLAIN)
		make_tab_room(ld, token, start, end);
	scalar->type = resolve_type(ld, token, scalar);
	read_value(scalar);
	/* The AWS CLI's loader takes an unquoted << as YAML's merge key. */
	node->merge_key = !ld->json && !event->scalar.tag &&
			  fy_token_scalar_style(token) == FYSS_PLAIN &&
			  scalar->len == 2 && memcmp(scalar->text, "<<", 2) == 0;
	if (!ld->json && !event->scalar.tag && fy_token_scalar_style(token) == FYSS_PLAIN &&
	    scalar->len == 1 && scalar->text[0] == '=' && !is_key_slot(ld))
		report(ld, RULE_UNSUPPORTED_TAG, node->span, NULL,
		       "a plain = is YAML 1.1's value key (!!value) to the AWS CLI's "
		       "reader, which cannot build one and refuses the file; write \"=\"");
	/* A tag may give it another type and value. */
	apply_tag(ld, event->scalar.tag, node, node->span);
	node->tagged = event->scalar.tag != NULL;
	scalar->yaml_plain = !ld->json && !node->tagged &&
			     fy_token_scalar_style(token) == FYSS_PLAIN;
	return node;
}

/* ---- mappings and sequences -------------------------------------------- */

static bool is_omap_tag(struct fy_token *token)
{
	static const char omap[] = "tag:yaml.org,2002:omap";
	size_t len;
	const char *tag = token ? fy_token_get_text(token, &len) : NULL;

	return tag && len == sizeof omap - 1 && memcmp(tag, omap, len) == 0;
}

static void open_container(struct loader *ld, struct fy_event *event,
			   enum node_kind kind)
{
	const struct fy_mark *mark = fy_event_start_mark(event);
	struct position start = mark_known(mark) ? mark_position(mark) : ld->last;
	struct fy_token *anchor = fy_event_get_anchor_token(event);
	const char *name = NULL;
	size_t len = 0;

	if (ld->depth == LOAD_MAX_DEPTH) {
		report(ld, RULE_NESTING_TOO_DEEP, span_at(start), NULL,
		       "nesting deeper than %d levels, which no request or template needs",
		       LOAD_MAX_DEPTH);
		ld->stop = true;
		return;
	}
	struct node *node = new_node(ld, kind);
	if (!node || (anchor && !(name = copy_token_text(ld, anchor, &len))))
		return;
	node->span = span_at(start);
	bool ordered_map = kind == NODE_SEQUENCE && is_omap_tag(fy_event_get_tag_token(event));
	if (!ordered_map)
		apply_tag(ld, fy_event_get_tag_token(event), node, node->span);
	ld->frames[ld->depth++] = (struct frame){ node, ld->children_len, name, len,
						  ordered_map };
}

/* Orders pairs by key, and equal keys as they appear in the source. */
static int compare_keys(const void *left, const void *right)
{
	const struct node *a = (*(const struct pair *const *)left)->key;
	const struct node *b = (*(const struct pair *const *)right)->key;
	int order = node_key_order(a, b);

	if (!order)
		order = a->span.line != b->span.line ? (a->span.line > b->span.line ? 1 : -1)
						     : (a->span.column > b->span.column) - (a->span.column < b->span.column);
	return order;
}

/* A repeat of the key of `first`. Where the AWS CLI refuses repeated keys
 * (YAML), it is an error; where it keeps the last value (JSON), an error
 * when the values differ and a warning when the author wrote the same
 * value twice. */
static void report_repeat(struct loader *ld, const struct pair *first,
			  const struct pair *repeat, bool refused)
{
	const struct node *key = repeat->key;
	bool same = !refused && node_equal(first->value, repeat->value);

	report(ld, same ? RULE_DUPLICATE_KEY_SAME_VALUE : RULE_DUPLICATE_KEY, key->span, key,
	       "duplicate key %s (first at line %d, column %d)%s",
	       quote(key->scalar.text, key->scalar.len).text,
	       first->key->span.line, first->key->span.column,
	       refused ? ": the AWS CLI refuses YAML with a repeated key"
	       : same ? " with the same value: the AWS CLI keeps one of the two"
		      : ": the AWS CLI would silently keep only the last value");
	diag_set_related(ld->diags, first->key->span);
}

/* Where the last value of a repeated key wins, the pairs before it are
 * dropped, as the AWS CLI's loader drops them: no check may report on a
 * value that is never sent. `superseded` marks them. */
static void drop_superseded(struct node *mapping, const bool *superseded)
{
	size_t kept = 0;

	for (size_t i = 0; i < mapping->mapping.count; i++)
		if (!superseded[i])
			mapping->mapping.pairs[kept++] = mapping->mapping.pairs[i];
	mapping->mapping.count = kept;
}

/* Sorting keeps this linear-logarithmic even for a hostile mapping of half
 * a million keys. Each repeat is reported with the first one as related;
 * where the repeat is not refused, only the last value stays. */
static void check_duplicate_keys(struct loader *ld, struct node *mapping, bool refused)
{
	size_t count = mapping->mapping.count, keys = 0;
	const struct pair **sorted;

	if (count < 2)
		return;
	sorted = mem_malloc(count * sizeof *sorted);
	if (!sorted)
		return out_of_memory(ld);
	/* Merge keys are read apart: see read_merge_keys(). */
	for (size_t i = 0; i < count; i++)
		if (mapping->mapping.pairs[i].key->kind == NODE_SCALAR &&
		    !mapping->mapping.pairs[i].key->merge_key)
			sorted[keys++] = &mapping->mapping.pairs[i];
	qsort(sorted, keys, sizeof *sorted, compare_keys);
	bool *superseded = refused ? NULL : mem_calloc(count, sizeof *superseded);
	bool repeated = false;
	if (!refused && !superseded) {
		free(sorted);
		return out_of_memory(ld);
	}
	for (size_t first = 0, i = 1; i < keys; i++) {
		if (node_key_order(sorted[first]->key, sorted[i]->key) != 0) {
			first = i;
			continue;
		}
		report_repeat(ld, sorted[first], sorted[i], refused);
		if (superseded)
			superseded[sorted[i - 1] - mapping->mapping.pairs] = true;
		repeated = true;
	}
	if (superseded && repeated)
		drop_superseded(mapping, superseded);
	free(superseded);
	free(sorted);
}

/* ---- merge keys ----------------------------------------------------------- */

/* A value in words, for a message: "a list", "the string \"x\"". */
struct described {
	char text[sizeof(struct quoted) + 48];
};

static struct described describe_value(const struct node *node)
{
	struct described d;
	const struct scalar *s = &node->scalar;

	if (node->kind != NODE_SCALAR)
		snprintf(d.text, sizeof d.text, "a %s", node_kind_name(node->kind));
	else if (s->type == SCALAR_NULL)
		snprintf(d.text, sizeof d.text, "null");
	else if (s->type == SCALAR_STRING)
		snprintf(d.text, sizeof d.text, "the string %s", quote(s->text, s->len).text);
	else
		snprintf(d.text, sizeof d.text, "the %s %s", scalar_type_name(s->type),
			 shorten(s->text, s->len).text);
	return d;
}

/* The mappings a merge key names, in order, added to sources; anything
 * else there makes the AWS CLI refuse the document. */
static void add_merge_sources(struct loader *ld, const struct pair *merge,
			      const struct node **sources, size_t *count)
{
	const struct node *value = merge->value;

	if (value->kind == NODE_MAPPING) {
		sources[(*count)++] = value;
		return;
	}
	if (value->kind != NODE_SEQUENCE) {
		bool named = value->kind == NODE_SCALAR && value->scalar.type == SCALAR_STRING &&
			     anchors_find(&ld->anchors, value->scalar.text, value->scalar.len);
		report(ld, RULE_BAD_MERGE_KEY, value->span, merge->key,
		       "the merge key << takes a mapping or a list of mappings, and the "
		       "AWS CLI refuses %s%s%s", describe_value(value).text,
		       named ? "; an alias is written *" : "",
		       named ? shorten(value->scalar.text, value->scalar.len).text : "");
		return;
	}
	for (size_t i = 0; i < value->sequence.count; i++) {
		const struct node *item = value->sequence.items[i];
		if (item->kind == NODE_MAPPING)
			sources[(*count)++] = item;
		else
			report(ld, RULE_BAD_MERGE_KEY, item->span, merge->key,
			       "the merge key << takes a list of mappings, and the AWS CLI "
			       "refuses %s in it", describe_value(item).text);
	}
}

static size_t count_merge_keys(const struct node *mapping, size_t *sources)
{
	size_t keys = 0;

	*sources = 0;
	for (size_t i = 0; i < mapping->mapping.count; i++) {
		const struct pair *pair = &mapping->mapping.pairs[i];
		if (!pair->key->merge_key)
			continue;
		keys++;
		*sources += pair->value->kind == NODE_SEQUENCE ? pair->value->sequence.count : 1;
	}
	return keys;
}

/* Reads a mapping's merge keys as the AWS CLI's loader does, merging the
 * mappings they name into it, and checks its keys for repeats. The loader
 * refuses a repeated key in YAML, but not in a mapping that has a merge
 * key, nor in one that is merged (written as a merge key's value): there
 * the last value wins, as in JSON. merged says the mapping is one. */
static void read_merge_keys(struct loader *ld, struct node *mapping, bool merged)
{
	size_t source_capacity, source_count = 0, count = mapping->mapping.count;
	size_t merge_keys = count_merge_keys(mapping, &source_capacity);
	const struct pair *first = NULL;
	const struct node **sources;

	check_duplicate_keys(ld, mapping, !ld->json && !merged && !merge_keys);
	if (!merge_keys)
		return;
	count = mapping->mapping.count; /* without the values superseded */
	sources = mem_malloc((source_capacity ? source_capacity : 1) * sizeof *sources);
	if (!sources)
		return out_of_memory(ld);
	for (size_t i = 0; i < count; i++) {
		const struct pair *pair = &mapping->mapping.pairs[i];
		if (!pair->key->merge_key)
			continue;
		/* Two merge keys are a repeated key to the loader. */
		if (first)
			report_repeat(ld, first, pair, true);
		else
			first = pair;
		add_merge_sources(ld, pair, sources, &source_count);
		hold_for_template(ld, RULE_NEEDS_PACKAGE, pair->key->span,
				  "the merge key << is expanded by `aws cloudformation package` "
				  "and the SAM CLI before upload, not by CloudFormation; deploy "
				  "the template with one of them");
	}
	if (!merge_members(&ld->doc->arena, mapping->mapping.pairs, count, sources,
			   source_count, &mapping->mapping.pairs, &mapping->mapping.count))
		out_of_memory(ld);
	free(sources);
}

/* A list tagged !!omap, which the AWS CLI's loader makes an ordered
 * mapping (to the checks, a mapping) of its items' members: each item must
 * be a mapping of one member, and no key may come twice. */
static void read_ordered_map(struct loader *ld, struct node *list)
{
	size_t count = list->sequence.count;
	struct pair *pairs = arena_alloc(&ld->doc->arena, (count ? count : 1) * sizeof *pairs);

	if (!pairs)
		return out_of_memory(ld);
	for (size_t i = 0; i < count; i++) {
		const struct node *item = list->sequence.items[i];
		if (item->kind != NODE_MAPPING || item->mapping.count != 1) {
			report(ld, RULE_UNSUPPORTED_TAG, item->span, NULL,
			       "the tag !!omap takes a list of mappings of one member each, "
			       "and the AWS CLI refuses %s in it",
			       item->kind == NODE_MAPPING ? "a mapping of another size"
							  : describe_value(item).text);
			return;
		}
		pairs[i] = item->mapping.pairs[0];
	}
	list->kind = NODE_MAPPING;
	list->mapping.pairs = pairs;
	list->mapping.count = count;
	check_duplicate_keys(ld, list, true);
}

/* A flow collection ends at its closing bracket; a block one with its last
 * child (libfyaml would place it at the start of whatever follows). */
static struct span container_span(struct fy_event *event, const struct node *node,
				  struct node *const *children, size_t count)
{
	struct fy_token *end_token = event->type == FYET_MAPPING_END
		? event->mapping_end.mapping_end : event->sequence_end.sequence_end;
	enum fy_token_type type = end_token ? fy_token_get_type(end_token) : FYTT_NONE;
	const struct fy_mark *end = fy_event_end_mark(event);
	struct span span = node->span;

	if ((type == FYTT_FLOW_MAPPING_END || type == FYTT_FLOW_SEQUENCE_END) &&
	    mark_known(end)) {
		struct position at = mark_position(end);
		span.end_line = at.line;
		span.end_column = at.column;
	} else if (count > 0) {
		span.end_line = children[count - 1]->span.end_line;
		span.end_column = children[count - 1]->span.end_column;
	}
	return span;
}

static void close_container(struct loader *ld, struct fy_event *event)
{
	struct frame frame = ld->frames[ld->depth - 1];
	struct node *node = frame.node;
	size_t count = ld->children_len - frame.first_child;
	/* The stack is still unallocated while no child has been pushed. */
	struct node **children = count ? ld->children + frame.first_child : NULL;

	for (size_t i = 0; i < count; i++)
		node->weight = add_weight(node->weight, children[i]->weight);
	node->span = container_span(event, node, children, count);
	if (node->kind == NODE_MAPPING) {
		struct pair *pairs = arena_alloc(&ld->doc->arena, count / 2 * sizeof *pairs);
		if (!pairs)
			return out_of_memory(ld);
		for (size_t i = 0; i + 1 < count; i += 2)
			pairs[i / 2] = (struct pair){ children[i], children[i + 1] };
		node->mapping.pairs = pairs;
		node->mapping.count = count / 2;
		read_merge_keys(ld, node, ld->depth >= 2 && merges_into(ld, ld->depth - 2));
	} else {
		struct node **items = arena_alloc(&ld->doc->arena, count * sizeof *items);
		if (!items)
			return out_of_memory(ld);
		if (count)
			memcpy(items, children, count * sizeof *items);
		node->sequence.items = items;
		node->sequence.count = count;
	}
	ld->children_len = frame.first_child;
	ld->depth--;
	if (frame.ordered_map)
		read_ordered_map(ld, node);
	finish_node(ld, node, frame.anchor, frame.anchor_len);
}

/* ---- aliases ------------------------------------------------------------ */

/* An alias shares its anchor's children but keeps its own position, so a
 * defect in the aliased value is reported where the alias stands. Expansion
 * is counted, not performed: a "billion laughs" file costs nothing. */
/* The bytes of text in a node, keys included. Each alias copies only the
 * node, but each is checked as the text it stands for; counting reads as
 * many nodes as the alias expands to, which LOAD_MAX_ALIAS_NODES bounds. */
static size_t text_size(const struct node *node)
{
	size_t size = 0;

	if (node->kind == NODE_SCALAR)
		return node->scalar.len;
	for (size_t i = 0; node->kind == NODE_MAPPING && i < node->mapping.count; i++)
		size = add_weight(size, add_weight(text_size(node->mapping.pairs[i].key),
						   text_size(node->mapping.pairs[i].value)));
	for (size_t i = 0; node->kind == NODE_SEQUENCE && i < node->sequence.count; i++)
		size = add_weight(size, text_size(node->sequence.items[i]));
	return size;
}

static void build_alias(struct loader *ld, struct fy_event *event)
{
	size_t len = 0;
	const char *name = fy_token_get_text(event->alias.anchor, &len);
	const struct fy_mark *start_mark = fy_event_start_mark(event);
	const struct fy_mark *end_mark = fy_event_end_mark(event);
	struct span span = span_at(ld->last);
	struct node *target = name ? anchors_find(&ld->anchors, name, len) : NULL;

	if (mark_known(start_mark) && mark_known(end_mark)) {
		span = span_between(mark_position(start_mark), mark_position(end_mark));
		span.column--; /* the marks leave out the '*' */
	}
	if (!name)
		name = "";
	if (!target) {
		report(ld, RULE_BAD_ALIAS, span, NULL,
		       anchor_is_open(ld, name, len)
		       ? "the alias *%.*s refers to a node that contains it"
		       : "the alias *%.*s names no anchor defined before it",
		       (int)len, name);
		ld->stop = true;
		return;
	}
	ld->alias_nodes = add_weight(ld->alias_nodes, target->weight);
	if (ld->alias_nodes > LOAD_MAX_ALIAS_NODES) {
		report(ld, RULE_ALIAS_LIMIT, span, NULL,
		       "aliases expand to more than %d nodes; a request is far "
		       "smaller, so the document is refused", LOAD_MAX_ALIAS_NODES);
		ld->stop = true;
		return;
	}
	ld->alias_text = add_weight(ld->alias_text, text_size(target));
	if (ld->alias_text > LOAD_MAX_ALIAS_TEXT) {
		report(ld, RULE_ALIAS_LIMIT, span, NULL,
		       "aliases expand to more than %d MiB of text; a request is far "
		       "smaller, so the document is refused", LOAD_MAX_ALIAS_TEXT >> 20);
		ld->stop = true;
		return;
	}
	struct node *copy = new_node(ld, NODE_SCALAR);
	if (!copy)
		return;
	*copy = *target;
	copy->span = span;
	/* An alias a merge key names has the merge key's note. */
	if (!(ld->depth && merges_into(ld, ld->depth - 1)))
		hold_for_template(ld, RULE_NEEDS_PACKAGE, span,
				  "CloudFormation refuses YAML aliases such as *%.*s; `aws "
				  "cloudformation package` and the SAM CLI expand them before "
				  "upload, so deploy the template with one of them", (int)len, name);
	finish_node(ld, copy, NULL, 0);
}

/* ---- the event loop ----------------------------------------------------- */

/* libfyaml's JSON mode lets YAML comments through; JSON has none. Between
 * two events there can only be punctuation and space, so a '#' there is a
 * comment. */
static void check_json_gap(struct loader *ld, size_t upto)
{
	const char *data = ld->src->data;
	const char *hash;

	if (upto <= ld->last.offset)
		return;
	hash = memchr(data + ld->last.offset, '#', upto - ld->last.offset);
	if (hash) {
		struct position at = source_advance(ld->src, ld->last, (size_t)(hash - data));
		report(ld, RULE_SYNTAX_ERROR, span_at(at), NULL,
		       "JSON syntax error: comments are not allowed in JSON");
		ld->stop = true;
	}
}

static void start_document(struct loader *ld, struct fy_event *event)
{
	const struct fy_mark *mark = fy_event_start_mark(event);

	if (++ld->documents == 1)
		return;
	report(ld, RULE_MULTIPLE_DOCUMENTS, span_at(mark_known(mark) ? mark_position(mark) : ld->last),
	       NULL, "a second YAML document starts here; the AWS CLI takes one "
	       "request per file");
	ld->stop = true;
}

static void report_too_many_nodes(struct loader *ld, struct position at)
{
	report(ld, RULE_TOO_MANY_NODES, span_at(at), NULL,
	       "the document has more than %d values, far more than any request or "
	       "template holds, so the rest is not read", LOAD_MAX_NODES);
	ld->stop = true;
}

/* Stops the parser once the document has more nodes than any request or
 * template could have, before libfyaml and the tree spend more memory. */
static bool count_node(struct loader *ld, struct fy_event *event)
{
	const struct fy_mark *start = fy_event_start_mark(event);

	if (event->type != FYET_SCALAR && event->type != FYET_ALIAS &&
	    event->type != FYET_MAPPING_START && event->type != FYET_SEQUENCE_START)
		return true;
	if (++ld->nodes <= LOAD_MAX_NODES)
		return true;
	report_too_many_nodes(ld, mark_known(start) ? mark_position(start) : ld->last);
	return false;
}

static void handle_event(struct loader *ld, struct fy_event *event)
{
	const struct fy_mark *start = fy_event_start_mark(event);
	const struct fy_mark *end = fy_event_end_mark(event);
	struct node *node;

	if (ld->json && mark_known(start))
		check_json_gap(ld, start->input_pos);
	if (ld->stop || !count_node(ld, event))
		return;
	switch (event->type) {
	case FYET_DOCUMENT_START:
		start_document(ld, event);
		break;
	case FYET_MAPPING_START:
		open_container(ld, event, NODE_MAPPING);
		break;
	case FYET_SEQUENCE_START:
		open_container(ld, event, NODE_SEQUENCE);
		break;
	case FYET_MAPPING_END:
	case FYET_SEQUENCE_END:
		close_container(ld, event);
		break;
	case FYET_SCALAR:
		node = build_scalar(ld, event);
		if (node && node->merge_key && !key_is_next(ld))
			report(ld, RULE_BAD_MERGE_KEY, node->span, NULL,
			       "an unquoted << is YAML's merge key, which the AWS CLI takes "
			       "only as a key; quote it (\"<<\") for the text");
		if (node) {
			size_t len = 0;
			const char *anchor = event->scalar.anchor
				? copy_token_text(ld, event->scalar.anchor, &len) : NULL;
			if (!event->scalar.anchor || anchor)
				finish_node(ld, node, anchor, len);
		}
		break;
	case FYET_ALIAS:
		build_alias(ld, event);
		break;
	default:
		break;
	}
	if (mark_known(end) && end->input_pos >= ld->last.offset)
		ld->last = mark_position(end);
}

/* libfyaml places an error at a quoted scalar just after its opening
 * quote; the mistake is the scalar, quote and all. */
static bool starts_inside_quotes(struct fy_token *token,
				 const struct fy_diag_error *error)
{
	const struct fy_mark *start;
	enum fy_scalar_style style;

	if (!token || fy_token_get_type(token) != FYTT_SCALAR)
		return false;
	style = fy_token_scalar_style(token);
	start = fy_token_start_mark(token);
	return (style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) &&
	       mark_known(start) && start->line + 1 == error->line &&
	       start->column + 1 == error->column;
}

/* Where the parser's first error is. */
static bool error_position(const struct fy_diag_error *error, struct position *at)
{
	if (!error || error->line <= 0 || error->column <= 0)
		return false;
	at->line = error->line;
	at->column = error->column;
	return true;
}

static void report_syntax_error(struct loader *ld, struct fy_diag *diag)
{
	void *iter = NULL;
	struct fy_diag_error *error = fy_diag_errors_iterate(diag, &iter);
	struct position at = ld->last;
	const char *message = "the text cannot be parsed";

	if (error_position(error, &at) && starts_inside_quotes(error->fyt, error))
		at.column--;
	if (error && error->msg && error->msg[0])
		message = error->msg;
	report(ld, RULE_SYNTAX_ERROR, span_at(at), NULL, "%s syntax error: %s",
	       ld->json ? "JSON" : "YAML", message);
}

static void discard_output(struct fy_diag *diag, void *user, const char *buf,
			   size_t len)
{
	(void)diag, (void)user, (void)buf, (void)len;
}

static bool position_before(struct position a, struct position b)
{
	return a.line < b.line || (a.line == b.line && a.column < b.column);
}

/* Where the parser must stop before the end of the text, and why. */
struct cut {
	size_t offset;
	size_t control; /* a raw control character in JSON, at this offset... */
	unsigned code;  /* ...which is this one */
	bool too_many;  /* or the values pass their limit there */
};

/* Python's JSON reader refuses a raw control character, in a string or
 * out of one; libfyaml does too, but says neither which character nor,
 * for a line break in a string, where it is. The parser reads only the
 * text before the token that holds it, so that an error it finds there is
 * the author's. */
static struct cut find_cut(const struct loader *ld)
{
	const struct source *src = ld->src;
	struct cut cut = { src->len, src->len, 0, false };
	size_t token = src->len;
	size_t values = value_count_cut(src->data, src->len, ld->json, LOAD_MAX_NODES);

	if (ld->json)
		cut.control = characters_find_json_control(src->data, src->len, &token,
							   &cut.code);
	cut.offset = token < values ? token : values;
	cut.too_many = values < token;
	return cut;
}

static void report_json_control(struct loader *ld, const struct cut *cut)
{
	struct position at = source_advance(ld->src, SOURCE_START, cut->control);

	report(ld, RULE_SYNTAX_ERROR, span_at(at), NULL,
	       "JSON syntax error: the control character U+%04X %s is not allowed "
	       "here; in a string, write it as an escape (\\u%04X)", cut->code,
	       characters_name(cut->code), cut->code);
}

/* The parser sees only the text before the cut (all of it, for any real
 * document): an error it finds there is the author's, one at the cut is
 * the cut's. `diag` holds the parser's error, if it had one. */
static void report_cut(struct loader *ld, const struct cut *cut, struct fy_diag *diag)
{
	struct position at = source_advance(ld->src, SOURCE_START, cut->offset);
	struct position error_at;
	void *iter = NULL;
	struct fy_diag_error *error = diag ? fy_diag_errors_iterate(diag, &iter) : NULL;

	if (error_position(error, &error_at) && position_before(error_at, at))
		report_syntax_error(ld, diag);
	else if (cut->too_many)
		report_too_many_nodes(ld, at);
	else
		report_json_control(ld, cut);
	ld->stop = true;
}

/* The text the parser reads. libfyaml's JSON mode counts a CR LF as two
 * line breaks; JSON takes a CR as whitespace like a space, so the parser
 * reads a copy with the CR of each CR LF made a space. And each lone
 * surrogate escape becomes one of U+FFFD. Either way the offsets and
 * columns stay the source's. Returns the source's own text, or a copy in
 * *copy. */
/* Where U+0085, U+2028 or U+2029 starts in text, or len. YAML 1.1, and
 * so the AWS CLI's loader, takes each for a line break (a comment ends
 * there, a plain value too); libfyaml, reading YAML 1.2, does not. */
static size_t find_unicode_break(const char *text, size_t from, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;

	for (size_t i = from; i + 1 < len; i++) {
		if (s[i] == 0xC2 && s[i + 1] == 0x85)
			return i;
		if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
			return i;
	}
	return len;
}

/* Each such break becomes a CR LF of the same length (after a space, for
 * the three bytes of U+2028 and U+2029), so that libfyaml breaks the line
 * where the CLI does, and every offset stays that of the source. */
static void patch_unicode_breaks(char *text, size_t from, size_t len)
{
	for (size_t i = find_unicode_break(text, from, len); i < len;
	     i = find_unicode_break(text, i, len)) {
		if ((unsigned char)text[i] == 0xE2)
			text[i++] = ' ';
		text[i++] = '\r';
		text[i++] = '\n';
	}
}

static const char *parser_text(struct loader *ld, size_t len, char **copy)
{
	const char *data = ld->src->data;
	const char *cr = ld->json ? memchr(data, '\r', len) : NULL;
	size_t unicode_break = ld->json ? len : find_unicode_break(data, 0, len);

	*copy = NULL;
	if (!cr && !ld->lone_count && unicode_break == len)
		return data;
	if (!(*copy = mem_malloc(len + 1))) {
		out_of_memory(ld);
		return NULL;
	}
	memcpy(*copy, data, len);
	(*copy)[len] = '\0';
	for (size_t i = cr ? (size_t)(cr - data) : len; i + 1 < len; i++)
		if ((*copy)[i] == '\r' && (*copy)[i + 1] == '\n')
			(*copy)[i] = ' ';
	for (size_t i = 0; i < ld->lone_count; i++)
		surrogates_patch(*copy, &ld->lone[i]);
	patch_unicode_breaks(*copy, unicode_break, len);
	return *copy;
}

/* libfyaml's default diagnostics settings ask whether standard error is a
 * terminal; they are the same for every document, so ask once. */
static struct fy_diag_cfg diag_defaults;
static pthread_once_t diag_defaults_once = PTHREAD_ONCE_INIT;

static void set_diag_defaults(void)
{
	fy_diag_cfg_default(&diag_defaults);
	diag_defaults.fp = NULL;
	diag_defaults.output_fn = discard_output;
	diag_defaults.colorize = false;
}

/* libfyaml keeps the tokens it frees for reuse, which saves it a malloc
 * each in small documents (3% of the time over many), but in a large flow
 * collection it keeps them all to the end: a 5 MB JSON list took 37 MiB
 * with reuse, 26 without. */
enum { RECYCLE_LIMIT = 256 * 1024 };

/* The AWS CLI's YAML loader (ruamel.yaml, pure Python) does not hold a
 * quoted string's next lines, nor a flow collection's, to the indentation
 * of the block around them: Description: "a" on one line and b" at column
 * 0 on the next is "a b" to it. libfyaml calls that wrongly indented
 * unless told to be sloppy about flow indentation, which covers both. */
static enum fy_parse_cfg_flags parse_flags(const struct loader *ld, size_t len)
{
	return FYPCF_QUIET | FYPCF_ALLOW_DUPLICATE_KEYS |
	       (len > RECYCLE_LIMIT ? FYPCF_DISABLE_RECYCLING : 0) |
	       (ld->json ? FYPCF_JSON_FORCE : FYPCF_JSON_NONE | FYPCF_SLOPPY_FLOW_INDENTATION);
}

static struct fy_parser *open_parser(const struct loader *ld, struct fy_diag *diag,
				     const char *text, size_t len)
{
	struct fy_parse_cfg cfg = { .flags = parse_flags(ld, len), .diag = diag };
	struct fy_parser *parser = diag ? fy_parser_create(&cfg) : NULL;

	if (parser && fy_parser_set_string(parser, text, len) != 0) {
		fy_parser_destroy(parser);
		parser = NULL;
	}
	return parser;
}

/* Keeps the lone escapes that fall in [start, end), from *next on; drops
 * those before it. */
static void keep_escapes_in(struct loader *ld, size_t start, size_t end, size_t *next,
			    size_t *kept)
{
	while (*next < ld->lone_count && ld->lone[*next].offset < start)
		(*next)++;
	while (*next < ld->lone_count && ld->lone[*next].offset < end)
		ld->lone[(*kept)++] = ld->lone[(*next)++];
}

/* In YAML a backslash escapes only in a double-quoted scalar; elsewhere (a
 * plain scalar, a comment) "\ud800" is six characters of text. A first
 * reading of a copy with every escape patched finds where the
 * double-quoted scalars are, and only the escapes in them are kept. */
static void keep_quoted_escapes(struct loader *ld, size_t len)
{
	char *copy = mem_malloc(len + 1);
	struct fy_diag *diag = copy ? fy_diag_create(&diag_defaults) : NULL;
	struct fy_parser *parser = NULL;
	struct fy_event *event;
	size_t next = 0, kept = 0;

	if (diag) {
		/* Collected, a syntax error is never displayed: libfyaml 0.7.12
		 * writes before its buffer when it shows a long line's error. */
		fy_diag_set_collect_errors(diag, true);
		memcpy(copy, ld->src->data, len);
		copy[len] = '\0';
		for (size_t i = 0; i < ld->lone_count; i++)
			surrogates_patch(copy, &ld->lone[i]);
		parser = open_parser(ld, diag, copy, len);
	}
	if (!parser)
		out_of_memory(ld);
	while (parser && next < ld->lone_count && (event = fy_parser_parse(parser))) {
		struct fy_token *token = event->type == FYET_SCALAR ? event->scalar.value : NULL;
		const struct fy_mark *start = token ? fy_token_start_mark(token) : NULL;
		const struct fy_mark *end = token ? fy_token_end_mark(token) : NULL;
		if (token && fy_token_scalar_style(token) == FYSS_DOUBLE_QUOTED &&
		    mark_known(start) && mark_known(end))
			keep_escapes_in(ld, start->input_pos, end->input_pos, &next, &kept);
		fy_parser_event_free(parser, event);
	}
	ld->lone_count = kept;
	fy_parser_destroy(parser);
	fy_diag_destroy(diag);
	free(copy);
}

static void find_lone_surrogates(struct loader *ld, size_t len)
{
	if (!surrogates_find(ld->src->data, len, ld->json, &ld->lone, &ld->lone_count)) {
		ld->lone_count = 0;
		return out_of_memory(ld);
	}
	if (ld->lone_count && !ld->json)
		keep_quoted_escapes(ld, len);
}

static void parse(struct loader *ld)
{
	struct cut cut = find_cut(ld);
	char *copy = NULL;
	const char *text = NULL;
	struct fy_diag *diag;
	struct fy_parser *parser = NULL;
	struct fy_event *event;

	pthread_once(&diag_defaults_once, set_diag_defaults);
	find_lone_surrogates(ld, cut.offset);
	if (!ld->stop)
		text = parser_text(ld, cut.offset, &copy);
	diag = fy_diag_create(&diag_defaults);
	if (diag)
		fy_diag_set_collect_errors(diag, true);
	if (text)
		parser = open_parser(ld, diag, text, cut.offset);
	if (!parser) {
		out_of_memory(ld);
	} else {
		while (!ld->stop && (event = fy_parser_parse(parser))) {
			handle_event(ld, event);
			fy_parser_event_free(parser, event);
		}
		if (!ld->stop && cut.offset < ld->src->len) {
			report_cut(ld, &cut, fy_parser_get_stream_error(parser) ? diag : NULL);
		} else if (!ld->stop && fy_parser_get_stream_error(parser)) {
			report_syntax_error(ld, diag);
			ld->stop = true;
		}
		if (!ld->stop && ld->json)
			check_json_gap(ld, ld->src->len);
	}
	fy_parser_destroy(parser);
	fy_diag_destroy(diag);
	free(copy);
}

/* ---- before and after parsing ------------------------------------------ */

/* UTF-16 and UTF-32 text, told by its byte-order mark or, without one, by
 * the NUL bytes beside its first character (as RFC 4627 tells JSON's
 * encodings); NULL for anything else. */
static const char *wide_encoding(const unsigned char *data, size_t len)
{
	if (len >= 4 && ((data[0] == 0xFF && data[1] == 0xFE && !data[2] && !data[3]) ||
			 (!data[0] && !data[1] && data[2] == 0xFE && data[3] == 0xFF)))
		return "UTF-32";
	if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
			 (data[0] == 0xFE && data[1] == 0xFF)))
		return "UTF-16";
	if (len >= 4 && data[0] && !data[1] && !data[2] && !data[3])
		return "UTF-32";
	if (len >= 2 && ((data[0] && !data[1]) || (!data[0] && data[1])))
		return "UTF-16";
	return NULL;
}

/* libfyaml must never see NUL bytes (it stops at them) or malformed UTF-8
 * (it can crash on it), and the AWS CLI refuses a JSON byte-order mark. */
static bool check_encoding(struct loader *ld)
{
	const struct source *src = ld->src;
	const char *wide = wide_encoding((const unsigned char *)src->data, src->len);
	const char *nul = memchr(src->data, '\0', src->len);
	size_t invalid = utf8_find_invalid(src->data, src->len);
	bool bom = src->len >= 3 && memcmp(src->data, "\xEF\xBB\xBF", 3) == 0;
	/* A byte-order mark is not a column. */
	struct position start = bom ? (struct position){ 1, 1, 3 } : SOURCE_START;

	if (wide) {
		report(ld, RULE_INVALID_UTF8, span_at(SOURCE_START), NULL,
		       "the file is %s text, which the AWS CLI does not read; save it "
		       "as UTF-8", wide);
		return false;
	}
	if (nul) {
		struct position at = source_advance(src, start, (size_t)(nul - src->data));
		report(ld, RULE_NUL_BYTE, span_at(at), NULL,
		       "NUL byte in the text: neither JSON nor YAML allows one");
		return false;
	}
	if (invalid < src->len) {
		struct position at = source_advance(src, start, invalid);
		report(ld, RULE_INVALID_UTF8, span_at(at), NULL,
		       "byte 0x%02X does not belong here in UTF-8: the file must be "
		       "UTF-8 text", (unsigned char)src->data[invalid]);
		return false;
	}
	if (bom && ld->json) {
		report(ld, RULE_BYTE_ORDER_MARK, span_at(SOURCE_START), NULL,
		       "the file starts with a UTF-8 byte-order mark, which the AWS "
		       "CLI refuses in JSON");
		return false;
	}
	ld->last = start;
	return true;
}

/* The AWS CLI's YAML reader refuses a control character anywhere in the
 * text, a comment included, as YAML itself does; libfyaml lets them
 * through. Each is an error, and reading goes on: the rest of the document
 * can still be checked. (JSON needs no such pass: its parser refuses a
 * control character outside a string and, as Python's does, a raw one
 * inside; DEL and the C1 controls are allowed there.) */
static void check_characters(struct loader *ld)
{
	const struct source *src = ld->src;
	struct position at = ld->last;
	unsigned code;

	for (size_t i = characters_find_forbidden(src->data, at.offset, src->len, &code);
	     i < src->len;
	     i = characters_find_forbidden(src->data, i + 1, src->len, &code)) {
		const char *name = characters_name(code);
		at = source_advance(src, at, i);
		report(ld, RULE_SYNTAX_ERROR, span_at(at), NULL,
		       "YAML syntax error: the %s U+%04X%s%s is not allowed anywhere in "
		       "YAML, not even in a comment: YAML readers, the AWS CLI's among them, refuse the file",
		       *name ? "control character" : "noncharacter", code,
		       *name ? " " : "", name);
	}
}

/* Tabs the AWS CLI's YAML reader refuses (tabs.h), one a line: an error
 * of requests only, held back until the document is known to be one, since
 * what CloudFormation's own reader makes of them is not known. Only a
 * document read to its end is searched: the quoted and block scalars past
 * a syntax error were never seen. */
static void check_tabs(struct loader *ld)
{
	const struct source *src = ld->src;
	struct position at = SOURCE_START;

	for (size_t i = tabs_find_refused(src->data, src->len, &ld->tab_room, 0); i < src->len;
	     i = tabs_find_refused(src->data, src->len, &ld->tab_room, i)) {
		at = source_advance(src, at, i);
		hold_back(ld, RULE_SYNTAX_ERROR, span_at(at),
			  "a tab where the AWS CLI's YAML reader takes only spaces: it "
			  "refuses a tab anywhere but in a quoted string, a block scalar "
			  "or a comment, although YAML allows one here");
		while (i < src->len && src->data[i] != '\n' && src->data[i] != '\r')
			i++;
	}
}

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
		report(ld, RULE_EMPTY_DOCUMENT, span_at(SOURCE_START), NULL,
		       "the document is empty; %s needs at least %s", ld->kind->name,
		       ld->kind->needs);
		return false;
	}
	if (root->kind != NODE_MAPPING) {
		report(ld, RULE_ROOT_NOT_MAPPING, root->span, NULL,
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

	if (check_encoding(&ld)) {
		if (!ld.json)
			check_characters(&ld);
		/* libfyaml calls empty JSON a syntax error; it is an empty document. */
		if (!(ld.json && is_blank(src->data, src->len)))
			parse(&ld);
		if (!ld.json && !ld.stop && ld.diags->count == 0)
			check_tabs(&ld);
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

static bool has_suffix(const char *name, const char *suffix)
{
	size_t len = strlen(name), suffix_len = strlen(suffix);

	return len >= suffix_len && strcasecmp(name + len - suffix_len, suffix) == 0;
}

enum input_format input_format_detect(const char *name, const char *data,
				      size_t len)
{
	if (has_suffix(name, ".json"))
		return INPUT_JSON;
	if (has_suffix(name, ".yaml") || has_suffix(name, ".yml"))
		return INPUT_YAML;
	size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (i < len && is_space(data[i]))
		i++;
	return i < len && (data[i] == '{' || data[i] == '[') ? INPUT_JSON : INPUT_YAML;
}

const char *input_format_name(enum input_format format)
{
	switch (format) {
	case INPUT_JSON:
		return "json";
	case INPUT_YAML:
		return "yaml";
	case INPUT_AUTO:
		break;
	}
	return "auto";
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
