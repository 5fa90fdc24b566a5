/* The place of a point in block YAML, by indentation. The point's line
 * says whether a key or a value is being written; the lines before it
 * that are less indented are its parents, up to the root. Only those
 * lines are read (and, for the keys already present, the structure's own
 * lines after it), so a line that is not YAML yet, anywhere, costs
 * nothing, and a block scalar or flow value a parent holds is skipped by
 * its indentation. A point in a flow collection ({InstanceType: ...}) is
 * found by the collection's brackets (assist_flow.c), below the path to
 * its key. */
#include "assist_locate.h"

#include <string.h>

/* A space or a tab: what separates a key's colon from its value, and a
 * comment from what it follows (indentation is spaces only). */
static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* A line as it matters here. Columns are bytes from the line's start. */
struct line {
	size_t start, end; /* end: before the line break */
	bool blank;        /* nothing but spaces, or a comment */
	bool boundary;     /* a document marker: --- or ... */
	size_t indent;     /* of its first character: the dash of an item */
	bool dash;         /* it begins an item of a list */
	size_t column;     /* of its content, after the dash */
	bool has_key;
	size_t key_start, key_end; /* the key, quotes included */
	struct assist_text key;    /* less its quotes */
	bool has_colon;
	size_t value_start, value_end; /* after ": ", comment and spaces left out */
};

static size_t line_start_of(const struct source *src, size_t offset)
{
	while (offset > 0 && src->data[offset - 1] != '\n' && src->data[offset - 1] != '\r')
		offset--;
	return offset;
}

static size_t line_end_of(const struct source *src, size_t offset)
{
	while (offset < src->len && src->data[offset] != '\n' && src->data[offset] != '\r')
		offset++;
	return offset;
}

/* Where the quoted text starting at i ends (after its closing quote), or
 * end when the line ends first. */
static size_t skip_quoted(const char *s, size_t i, size_t end)
{
	char quote = s[i++];

	while (i < end && s[i] != quote)
		i += s[i] == '\\' && quote == '"' && i + 1 < end ? 2 : 1;
	return i < end ? i + 1 : end;
}

/* The value after the colon: up to a comment, less trailing spaces. */
static void read_value(const char *s, size_t i, struct line *line)
{
	size_t end = line->end;

	while (i < end && blank(s[i]))
		i++;
	line->value_start = i;
	if (i < end && (s[i] == '"' || s[i] == '\''))
		i = skip_quoted(s, i, end);
	while (i < end && !(s[i] == '#' && blank(s[i - 1])))
		i++;
	while (i > line->value_start && blank(s[i - 1]))
		i--;
	line->value_end = i;
}

/* The key at i, if the line is "key:" or "key: value". */
static void read_key(const char *s, size_t i, struct line *line)
{
	size_t end = line->end, text_start = i, text_end;

	line->key_start = line->key_end = i;
	if (s[i] == '{' || s[i] == '[')
		return; /* a flow collection: no key of the block's */
	if (s[i] == '"' || s[i] == '\'') {
		i = skip_quoted(s, i, end);
		text_start++;
		text_end = i > text_start && s[i - 1] == s[line->key_start] ? i - 1 : i;
	} else {
		while (i < end && !(s[i] == ':' && (i + 1 == end || blank(s[i + 1]))) &&
		       !(s[i] == '#' && blank(s[i - 1])))
			i++;
		while (i > text_start && blank(s[i - 1]))
			i--;
		text_end = i;
	}
	line->key_end = i;
	line->key = (struct assist_text){ s + text_start, text_end - text_start };
	while (i < end && blank(s[i]))
		i++;
	line->has_colon = i < end && s[i] == ':' && (i + 1 == end || blank(s[i + 1]));
	/* A plain scalar with no colon is a key only while being typed; one
	 * that opens with an indicator is none. */
	line->has_key = text_end > text_start &&
			(text_start > line->key_start || !strchr("{[&*!|>%@`#", s[text_start]));
	if (line->has_colon)
		read_value(s, i + 1, line);
}

static struct line read_line(const struct source *src, size_t start)
{
	const char *s = src->data;
	struct line line = { .start = start, .end = line_end_of(src, start) };
	size_t i = start;

	while (i < line.end && s[i] == ' ')
		i++;
	line.indent = line.column = i - start;
	while (i < line.end && blank(s[i]))
		i++;
	line.blank = i == line.end || s[i] == '#';
	i = start + line.indent;
	line.boundary = i == start && line.end - start >= 3 &&
			(memcmp(s + i, "---", 3) == 0 || memcmp(s + i, "...", 3) == 0);
	if (line.blank || line.boundary)
		return line;
	if (s[i] == '-' && (i + 1 == line.end || blank(s[i + 1]))) {
		line.dash = true;
		i++;
		while (i < line.end && blank(s[i]))
			i++;
		line.column = i < line.end && s[i] != '#' ? i - start : line.indent + 2;
		if (i == line.end || s[i] == '#')
			return line;
	}
	read_key(s, i, &line);
	return line;
}

/* ---- the keys of one structure -------------------------------------- */

/* Adds the keys of the structure at column that holds the line at start
 * (which, when it begins an item, is the structure's first line). */
static void collect_keys(const struct source *src, size_t start, size_t column,
			 struct assist_place *place)
{
	struct line first = read_line(src, start), line;

	for (size_t at = first.end; at < src->len;) {
		at += src->data[at] == '\r' && at + 1 < src->len && src->data[at + 1] == '\n' ? 2 : 1;
		line = read_line(src, at);
		if (line.boundary || (!line.blank && line.indent < column) ||
		    place->present_count == ASSIST_MAX_PRESENT)
			break;
		if (!line.blank && line.indent == column && !line.dash && line.has_key)
			assist_add_present(place, line.key);
		at = line.end;
	}
	if (first.dash && first.indent < column)
		return; /* the item starts here */
	for (size_t at = start; at > 0;) {
		line = read_line(src, line_start_of(src, at - 1));
		at = line.start;
		if (line.boundary || place->present_count == ASSIST_MAX_PRESENT)
			break;
		if (line.blank || line.indent > column || (line.indent == column && line.dash))
			continue;
		if (line.indent == column && line.has_key)
			assist_add_present(place, line.key);
		if (line.indent < column) {
			if (line.dash && line.column == column && line.has_key)
				assist_add_present(place, line.key);
			break;
		}
	}
}

/* The value of the key `word` in the structure holding the line at start. */
static struct assist_text sibling_value(const struct source *src, size_t start,
					const char *word)
{
	struct assist_place scratch;
	struct line line = read_line(src, start);

	scratch.present_count = 0;
	collect_keys(src, start, line.column, &scratch);
	for (size_t i = 0; i < scratch.present_count; i++) {
		if (!assist_text_is(scratch.present[i], word))
			continue;
		/* The key's text lies in its line: read the line again. */
		size_t at = (size_t)(scratch.present[i].text - src->data);
		struct line found = read_line(src, line_start_of(src, at));
		return (struct assist_text){ src->data + found.value_start,
					     found.value_end - found.value_start };
	}
	return (struct assist_text){ NULL, 0 };
}

/* ---- the parents ---------------------------------------------------- */

struct walk {
	struct assist_segment segments[ASSIST_MAX_DEPTH];
	size_t line_of[ASSIST_MAX_DEPTH]; /* where each key is */
	size_t count;
};

/* Whether the line's value is tagged !If: a template's condition, whose
 * second and third items are values of the key's own shape. */
static bool tagged_if(const struct source *src, const struct line *line)
{
	const char *s = src->data + line->value_start;
	size_t len = line->value_end - line->value_start;

	return line->has_colon && len >= 3 && memcmp(s, "!If", 3) == 0 && (len == 3 || blank(s[3]));
}

static bool push(struct walk *w, const struct source *src, const struct line *line, bool item)
{
	if (w->count == ASSIST_MAX_DEPTH)
		return false;
	w->segments[w->count] = (struct assist_segment){
		item ? (struct assist_text){ NULL, 0 } : line->key, item, 0,
		!item && tagged_if(src, line)
	};
	w->line_of[w->count++] = line->start;
	return true;
}

/* Walks from the structure at column (an item of a list whose dash is at
 * *dash, when dash is set) back to the root, pushing each parent. False
 * when the text read ends before the root. */
static bool walk_parents(const struct source *src, size_t start, size_t column, bool in_item,
			 size_t dash, struct walk *w, bool clipped)
{
	for (size_t at = start; at > 0;) {
		if (column == 0 && !in_item)
			return true; /* at the root: nothing is less indented */
		struct line line = read_line(src, line_start_of(src, at - 1));
		at = line.start;
		if (clipped && at == 0)
			return false; /* maybe the end of a line begun before */
		if (line.boundary)
			break;
		if (line.blank)
			continue;
		if (in_item) { /* looking for the key that holds the list */
			/* An item of the list before: the item's index. */
			if (line.indent == dash && line.dash && w->count > 0 &&
			    w->segments[w->count - 1].item)
				w->segments[w->count - 1].index++;
			if (line.indent > dash || (line.indent == dash && line.dash))
				continue;
		} else if (line.indent >= column) {
			continue;
		} else if (line.dash && line.column == column) {
			/* The first line of the item the structure is. */
			if (!push(w, src, &line, true))
				return false;
			in_item = true;
			dash = line.indent;
			continue;
		}
		if (!line.has_key || !line.has_colon || line.column >= (in_item ? dash + 1 : column))
			return false;
		if (!push(w, src, &line, false))
			return false;
		column = line.column;
		in_item = line.dash;
		dash = line.indent;
		if (in_item && !push(w, src, &line, true))
			return false;
	}
	return !clipped || (column == 0 && !in_item);
}

/* ---- the point's own line -------------------------------------------- */

enum point {
	POINT_NONE, /* on nothing a member could be */
	POINT_HERE, /* the place is found */
	POINT_FLOW, /* in a flow collection: read by its brackets */
};

static void set_token(struct assist_place *place, const char *s, size_t start, size_t end)
{
	place->token_start = start;
	place->token_end = end;
	if (end > start && (s[start] == '"' || s[start] == '\'')) {
		place->quote = s[start];
		start++;
		if (end > start && s[end - 1] == s[start - 1])
			end--;
	}
	place->token = (struct assist_text){ s + start, end - start };
}

/* After a node's properties (an anchor &a, a tag !Ref) that begin at i,
 * and the blanks after each. */
static size_t skip_properties(const char *s, size_t i, size_t end)
{
	while (i < end && (s[i] == '&' || s[i] == '!')) {
		while (i < end && !blank(s[i]))
			i++;
		while (i < end && blank(s[i]))
			i++;
	}
	return i;
}

/* The point in a value that is described but not completed: an alias,
 * a block scalar, the properties before a value, a value continued from
 * an earlier line. */
static void settle(struct assist_place *place, const char *s, size_t offset)
{
	place->slot = ASSIST_VALUE;
	place->settled = true;
	place->token_start = place->token_end = offset;
	place->token = (struct assist_text){ s + offset, 0 };
}

/* The value at the offset of a line "key: value"; where a flow
 * collection opens, when the offset is in one. */
static enum point read_value_point(const struct source *src, size_t offset,
				   const struct line *line, struct assist_place *place,
				   size_t *flow)
{
	const char *s = src->data;
	size_t start = skip_properties(s, line->value_start, line->value_end);

	*flow = start;
	if (start < line->value_end && (s[start] == '{' || s[start] == '['))
		return offset > start ? POINT_FLOW : POINT_NONE;
	/* A tag makes the value another's (!Ref names a parameter, !Sub
	 * writes a template): it is no literal to complete. */
	if (offset < start || memchr(s + line->value_start, '!', start - line->value_start) ||
	    (start < line->value_end && strchr("|>*", s[start]))) {
		settle(place, s, offset);
		return POINT_HERE;
	}
	/* The range replaced holds the point, blanks typed after the value
	 * included. */
	place->slot = ASSIST_VALUE;
	set_token(place, s, start < line->value_end ? start : offset,
		  start < line->value_end && line->value_end > offset ? line->value_end : offset);
	return POINT_HERE;
}

/* What is written at the offset of its line: a key, a value, or nothing
 * that matters (a comment). */
static enum point read_point(const struct source *src, size_t offset, const struct line *line,
			     struct assist_place *place, size_t *flow)
{
	const char *s = src->data;
	size_t first = line->start + line->column;

	for (size_t i = line->start; i < offset; i++)
		if (s[i] == '#' && (i == line->start || blank(s[i - 1])) &&
		    !(line->has_key && i >= line->value_start && i < line->value_end))
			return POINT_NONE;
	if (line->has_colon && offset > line->key_end)
		return read_value_point(src, offset, line, place, flow);
	/* An item written as a flow collection: "- {Key: k, Value: v}". A
	 * dash alone has its content's column past the line's end. */
	if (line->dash && !line->has_key && first < line->end &&
	    (s[first] == '{' || s[first] == '[')) {
		*flow = first;
		return offset > first ? POINT_FLOW : POINT_NONE;
	}
	place->slot = ASSIST_KEY;
	if (line->has_key && offset >= first) {
		set_token(place, s, line->key_start, line->key_end > offset ? line->key_end : offset);
		place->has_separator = line->has_colon;
	} else if (offset <= first || line->blank) {
		set_token(place, s, offset, offset);
	} else {
		return POINT_NONE;
	}
	return POINT_HERE;
}

/* The line whose value the point's line continues (a plain or quoted
 * scalar on more lines, a block scalar's text): the nearest line before
 * it that is less indented, when that holds a key whose value begins
 * there. POINT_FLOW when that value is a flow collection, which opens
 * at *flow. */
static enum point continued_value(const struct source *src, const struct line *line,
				  size_t offset, struct line *owner, size_t *flow)
{
	const char *s = src->data;
	bool comment = line->blank && memchr(s + line->start, '#', line->end - line->start);
	size_t indent = line->blank && !comment ? offset - line->start : line->indent, start;

	for (size_t at = line->start; at > 0 && indent > 0;) {
		*owner = read_line(src, line_start_of(src, at - 1));
		at = owner->start;
		if (owner->boundary)
			return POINT_NONE;
		if (owner->blank || owner->indent >= indent)
			continue;
		if (!owner->has_key || !owner->has_colon || owner->column >= indent)
			return POINT_NONE;
		start = skip_properties(s, owner->value_start, owner->value_end);
		if (start == owner->value_end)
			return POINT_NONE; /* the value is the lines below */
		*flow = start;
		if (s[start] == '{' || s[start] == '[')
			return POINT_FLOW;
		/* A comment ends a plain or quoted scalar; a block scalar's
		 * text may look like one. */
		if (comment && s[start] != '|' && s[start] != '>')
			return POINT_NONE;
		return POINT_HERE;
	}
	return POINT_NONE;
}

/* The place found in a flow collection, below the path to it. */
static bool take_flow(struct assist_place *place, const struct assist_place *inner)
{
	if (place->depth + inner->depth > ASSIST_MAX_DEPTH)
		return false;
	memcpy(place->path + place->depth, inner->path, inner->depth * sizeof *inner->path);
	place->depth += inner->depth;
	place->slot = inner->slot;
	place->token_start = inner->token_start;
	place->token_end = inner->token_end;
	place->token = inner->token;
	place->quote = inner->quote;
	place->has_separator = inner->has_separator;
	place->settled = inner->settled;
	memcpy(place->present, inner->present, inner->present_count * sizeof *inner->present);
	place->present_count = inner->present_count;
	return true;
}

bool assist_locate_yaml(const struct source *src, size_t offset, struct assist_place *place)
{
	struct line line = read_line(src, line_start_of(src, offset)), owner;
	struct walk w = { .count = 0 };
	struct assist_place flow_place, *inner = NULL;
	enum point point;
	size_t flow = 0;

	if (line.boundary || (place->clipped && line.start == 0))
		return false;
	point = continued_value(src, &line, offset, &owner, &flow);
	if (point != POINT_NONE) {
		if (point == POINT_HERE)
			settle(place, src->data, offset);
		line = owner;
	} else {
		point = read_point(src, offset, &line, place, &flow);
	}
	if (point == POINT_FLOW) {
		/* The flow collection's place, below the path to its key. */
		inner = &flow_place;
		memset(inner, 0, sizeof *inner);
		inner->syntax = ASSIST_YAML;
		if (!assist_locate_yaml_flow(src, flow, line.has_key ? line.column : line.indent,
					     offset, inner))
			return false;
		place->slot = ASSIST_VALUE;
		point = POINT_HERE;
	}
	if (point != POINT_HERE)
		return false;

	size_t column = line.column;
	bool in_item = line.dash;

	/* A key written on a blank line goes where the point is. */
	if (place->slot == ASSIST_KEY && (line.blank || offset < line.start + line.column) &&
	    !line.has_key) {
		column = offset - line.start;
		in_item = false;
	}
	if (place->slot == ASSIST_VALUE && line.has_key && !push(&w, src, &line, false))
		return false;
	if (in_item && !push(&w, src, &line, true))
		return false;
	if (!walk_parents(src, line.start, column, in_item, line.indent, &w, place->clipped))
		return false;
	if (place->slot == ASSIST_KEY)
		collect_keys(src, line.start, column, place);
	/* The walk went from the point up: the path is its reverse. */
	for (size_t i = 0; i < w.count; i++)
		place->path[i] = w.segments[w.count - 1 - i];
	place->depth = w.count;
	if (w.count >= 3 && assist_text_is(place->path[0].key, "Resources"))
		place->resource_type = sibling_value(src, w.line_of[w.count - 3], "Type");
	if (inner)
		return take_flow(place, inner);
	return true;
}
