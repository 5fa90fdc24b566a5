/* A scalar event made a node: its text read from the source as the AWS
 * CLI reads it, its span with quotes and block indicators (libfyaml's
 * marks leave them out), its type and value, its tag. */
#include "loader.h"

#include <stdio.h>
#include <string.h>

#include "scalar.h"
#include "scalar_text.h"

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
	loader_report(ld, RULE_LONE_SURROGATE, node->span, NULL,
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
		loader_out_of_memory(ld);
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
		loader_out_of_memory(ld);
}

struct node *loader_build_scalar(struct loader *ld, struct fy_event *event)
{
	struct fy_token *token = event->scalar.value;
	struct node *node = loader_new_node(ld, NODE_SCALAR);
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
	scalar_set_value(scalar);
	/* The AWS CLI's loader takes an unquoted << as YAML's merge key. */
	node->merge_key = !ld->json && !event->scalar.tag &&
			  fy_token_scalar_style(token) == FYSS_PLAIN &&
			  scalar->len == 2 && memcmp(scalar->text, "<<", 2) == 0;
	if (!ld->json && !event->scalar.tag && fy_token_scalar_style(token) == FYSS_PLAIN &&
	    scalar->len == 1 && scalar->text[0] == '=' && !loader_key_is_next(ld))
		loader_report(ld, RULE_UNSUPPORTED_TAG, node->span, NULL,
			      "a plain = is YAML 1.1's value key (!!value) to the AWS CLI's "
			      "reader, which cannot build one and refuses the file; write \"=\"");
	/* A tag may give it another type and value. */
	loader_apply_tag(ld, event->scalar.tag, node, node->span);
	node->tagged = event->scalar.tag != NULL;
	scalar->yaml_plain = !ld->json && !node->tagged &&
			     fy_token_scalar_style(token) == FYSS_PLAIN;
	return node;
}
