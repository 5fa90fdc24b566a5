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
#include "scalar.h"
#include "scalar_text.h"
#include "value_count.h"
#include "base/format.h"
#include "base/path.h"
#include "base/quote.h"
#include "base/utf8.h"

/* An open mapping or sequence, waiting for its children. */
struct frame {
	struct node *node;
	size_t first_child; /* index of its first child on the children stack */
	const char *anchor; /* its anchor, registered once it is complete */
	size_t anchor_len;
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

/* ---- building ----------------------------------------------------------- */

static bool push_child(struct loader *ld, struct node *node)
{
	if (ld->children_len == ld->children_capacity) {
		size_t capacity = ld->children_capacity ? ld->children_capacity * 2 : 64;
		struct node **children = realloc(ld->children, capacity * sizeof *children);
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

static bool suffix_is(const char *suffix, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(suffix, name, len) == 0;
}

static bool tag_allows(const char *suffix, size_t len, const struct node *node)
{
	if (node->kind == NODE_MAPPING)
		return suffix_is(suffix, len, "map");
	if (node->kind == NODE_SEQUENCE)
		return suffix_is(suffix, len, "seq");
	switch (node->scalar.type) {
	case SCALAR_NULL:
		return suffix_is(suffix, len, "null");
	case SCALAR_BOOL:
		return suffix_is(suffix, len, "bool");
	case SCALAR_INT:
		return suffix_is(suffix, len, "int");
	case SCALAR_FLOAT:
		return suffix_is(suffix, len, "float");
	case SCALAR_DATE:
	case SCALAR_DATETIME:
		return suffix_is(suffix, len, "timestamp");
	case SCALAR_STRING:
		return false;
	}
	return false;
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

/* Applies an explicit tag. !!str makes any scalar a string; the other
 * standard tags must agree with what the text is; any other tag is refused,
 * as the AWS CLI's safe YAML loader refuses it. */
static void apply_tag(struct loader *ld, struct fy_token *tag_token,
		      struct node *node, struct span span)
{
	size_t len, suffix_len = 0;
	const char *tag = tag_token ? fy_token_get_text(tag_token, &len) : NULL;

	if (!tag)
		return;
	if (len == 1 && tag[0] == '!') {
		if (node->kind == NODE_SCALAR)
			node->scalar.type = SCALAR_STRING;
		return;
	}
	const char *suffix = standard_suffix(tag, len, &suffix_len);
	if (suffix && node->kind == NODE_SCALAR) {
		if (suffix_is(suffix, suffix_len, "str")) {
			node->scalar.type = SCALAR_STRING;
			return;
		}
		node->scalar.type = scalar_resolve_yaml(node->scalar.text, node->scalar.len);
	}
	if (suffix && tag_allows(suffix, suffix_len, node))
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
	scalar->source = ld->src->data + start.offset;
	scalar->source_len = end.offset - start.offset;
	scalar->type = resolve_type(ld, token, scalar);
	apply_tag(ld, event->scalar.tag, node, node->span);
	node->tagged = event->scalar.tag != NULL;
	if (scalar->type == SCALAR_INT)
		scalar->int_overflow = !scalar_parse_int(scalar->text, scalar->len,
							 &scalar->int_value);
	if (scalar->type == SCALAR_BOOL)
		scalar->bool_value = scalar->text[0] == 't' || scalar->text[0] == 'T';
	return node;
}

/* ---- mappings and sequences -------------------------------------------- */

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
	apply_tag(ld, fy_event_get_tag_token(event), node, node->span);
	ld->frames[ld->depth++] = (struct frame){ node, ld->children_len, name, len };
}

static bool same_key(const struct node *a, const struct node *b)
{
	return a->scalar.type == b->scalar.type && a->scalar.len == b->scalar.len &&
	       memcmp(a->scalar.text, b->scalar.text, a->scalar.len) == 0;
}

/* Orders keys by text, and equal keys as they appear in the source. */
static int compare_keys(const void *left, const void *right)
{
	const struct node *a = *(const struct node *const *)left;
	const struct node *b = *(const struct node *const *)right;
	size_t len = a->scalar.len < b->scalar.len ? a->scalar.len : b->scalar.len;
	int order = memcmp(a->scalar.text, b->scalar.text, len);

	if (!order)
		order = (a->scalar.len > b->scalar.len) - (a->scalar.len < b->scalar.len);
	if (!order)
		order = (int)a->scalar.type - (int)b->scalar.type;
	if (!order)
		order = a->span.line != b->span.line ? (a->span.line > b->span.line ? 1 : -1)
						     : (a->span.column > b->span.column) - (a->span.column < b->span.column);
	return order;
}

/* Sorting keeps this linear-logarithmic even for a hostile mapping of half
 * a million keys. Each repeat is reported with the first one as related. */
static void check_duplicate_keys(struct loader *ld, const struct node *mapping)
{
	size_t count = mapping->mapping.count, keys = 0;
	const struct node **sorted;

	if (count < 2)
		return;
	sorted = malloc(count * sizeof *sorted);
	if (!sorted)
		return out_of_memory(ld);
	for (size_t i = 0; i < count; i++)
		if (mapping->mapping.pairs[i].key->kind == NODE_SCALAR)
			sorted[keys++] = mapping->mapping.pairs[i].key;
	qsort(sorted, keys, sizeof *sorted, compare_keys);
	for (size_t first = 0, i = 1; i < keys; i++) {
		if (!same_key(sorted[first], sorted[i])) {
			first = i;
			continue;
		}
		const struct node *key = sorted[i];
		report(ld, RULE_DUPLICATE_KEY, key->span, key,
		       "duplicate key %s (first at line %d, column %d): %s",
		       quote(key->scalar.text, key->scalar.len).text,
		       sorted[first]->span.line, sorted[first]->span.column,
		       ld->json ? "the AWS CLI would silently keep only the last value"
				: "the AWS CLI refuses YAML with a repeated key");
		diag_set_related(ld->diags, sorted[first]->span);
	}
	free(sorted);
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
		check_duplicate_keys(ld, node);
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

/* The parser sees only the text before the point where the values pass
 * their limit (all of it, for any real document): an error it finds
 * there is the limit's, not the author's. `diag` holds the parser's error,
 * if it had one. */
static void report_cut(struct loader *ld, size_t cut, struct fy_diag *diag)
{
	struct position at = source_advance(ld->src, SOURCE_START, cut);
	struct position error_at;
	void *iter = NULL;
	struct fy_diag_error *error = diag ? fy_diag_errors_iterate(diag, &iter) : NULL;

	if (error_position(error, &error_at) && position_before(error_at, at))
		report_syntax_error(ld, diag);
	else
		report_too_many_nodes(ld, at);
	ld->stop = true;
}

/* libfyaml's JSON mode counts a CR LF as two line breaks. JSON takes a CR
 * as whitespace like a space, so the parser reads a copy with the CR of
 * each CR LF made a space: the same offsets and columns, lines counted
 * once. Returns the text to parse: the source's own, or a copy in *copy. */
static const char *parser_text(struct loader *ld, size_t len, char **copy)
{
	const char *data = ld->src->data;
	const char *cr = ld->json ? memchr(data, '\r', len) : NULL;

	*copy = NULL;
	if (!cr)
		return data;
	if (!(*copy = malloc(len + 1))) {
		out_of_memory(ld);
		return NULL;
	}
	memcpy(*copy, data, len);
	(*copy)[len] = '\0';
	for (size_t i = (size_t)(cr - data); i + 1 < len; i++)
		if ((*copy)[i] == '\r' && (*copy)[i + 1] == '\n')
			(*copy)[i] = ' ';
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

static enum fy_parse_cfg_flags parse_flags(const struct loader *ld, size_t len)
{
	return FYPCF_QUIET | FYPCF_ALLOW_DUPLICATE_KEYS |
	       (len > RECYCLE_LIMIT ? FYPCF_DISABLE_RECYCLING : 0) |
	       (ld->json ? FYPCF_JSON_FORCE : FYPCF_JSON_NONE);
}

static void parse(struct loader *ld)
{
	size_t cut = value_count_cut(ld->src->data, ld->src->len, ld->json, LOAD_MAX_NODES);
	char *copy;
	const char *text = parser_text(ld, cut, &copy);
	struct fy_diag *diag;
	struct fy_parser *parser = NULL;
	struct fy_event *event;

	pthread_once(&diag_defaults_once, set_diag_defaults);
	diag = fy_diag_create(&diag_defaults);
	if (diag) {
		fy_diag_set_collect_errors(diag, true);
		struct fy_parse_cfg cfg = {
			.flags = parse_flags(ld, cut),
			.diag = diag,
		};
		parser = fy_parser_create(&cfg);
	}
	if (!text || !parser || fy_parser_set_string(parser, text, cut) != 0) {
		out_of_memory(ld);
	} else {
		while (!ld->stop && (event = fy_parser_parse(parser))) {
			handle_event(ld, event);
			fy_parser_event_free(parser, event);
		}
		if (!ld->stop && cut < ld->src->len) {
			report_cut(ld, cut, fy_parser_get_stream_error(parser) ? diag : NULL);
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
	diag_list_init(&doc->local_tags);
	doc->format = format == INPUT_AUTO
		? input_format_detect(src->name, src->data, src->len) : format;
	ld.doc = doc;
	ld.kind = kind;
	ld.src = src;
	ld.diags = diags;
	ld.json = doc->format == INPUT_JSON;
	ld.last = SOURCE_START;

	if (check_encoding(&ld)) {
		/* libfyaml calls empty JSON a syntax error; it is an empty document. */
		if (!(ld.json && is_blank(src->data, src->len)))
			parse(&ld);
		usable = !ld.stop && check_root(&ld);
	}
	free(ld.children);
	anchors_free(&ld.anchors);
	if (!usable)
		doc->root = NULL;
	return usable;
}

void document_free(struct document *doc)
{
	arena_free(&doc->arena);
	diag_list_free(&doc->local_tags);
	doc->root = NULL;
}

void load_report_local_tags(struct document *doc, struct diag_list *diags)
{
	diag_list_move(diags, &doc->local_tags);
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
};

bool load_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
