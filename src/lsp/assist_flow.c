/* The place of a point in JSON or HCL, by braces: one pass of a small
 * tokenizer from the start of the text to the point, keeping a stack of
 * the objects, lists and blocks open there and the key each was opened
 * under. It forgives what a line being typed lacks (a string not closed
 * yet ends at its line; a key with no comma before it starts a new
 * member), and reads no further than it must: the rest of the text only
 * for the keys of the structure the point is in. */
#include "assist_locate.h"

#include <stdint.h>
#include <string.h>

enum token_type {
	T_END,
	T_STRING,
	T_WORD,
	T_OPEN,    /* { */
	T_LIST,    /* [ */
	T_PAREN,   /* ( */
	T_CLOSE,   /* } ] ) */
	T_SEPARATOR, /* : or = between a key and its value */
	T_COMMA,
	T_NEWLINE,
	T_OTHER,   /* an operator, a heredoc */
};

struct token {
	enum token_type type;
	size_t start, end;
};

enum frame_kind { FRAME_OBJECT, FRAME_LIST, FRAME_PAREN };

/* Where an object is between its members. */
enum member_state { WANT_KEY, HAVE_KEY, WANT_VALUE, HAVE_VALUE };

struct frame {
	enum frame_kind kind;
	enum member_state state;
	size_t open;     /* the offset after its opening bracket */
	size_t segments; /* how many steps of the path it added */
	struct token key;
	struct token words[3]; /* an HCL block's type and labels, key first */
	size_t word_count;
};

struct scan {
	const struct source *src;
	bool hcl;
	size_t pos;
	struct frame stack[ASSIST_MAX_DEPTH];
	size_t depth;   /* frames open; stack[depth - 1] is the innermost */
	size_t hidden;  /* frames open beyond the stack */
	bool in_comment; /* the last blank skipped held the limit */
	struct assist_segment path[ASSIST_MAX_DEPTH];
	size_t path_len;
};

/* ---- tokens ------------------------------------------------------------ */

static bool word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.' || c >= 0x80;
}

/* After the string that opens at i: its closing quote, or its line's end.
 * HCL's ${...} may hold strings of its own, a few deep. */
static size_t skip_string(const struct scan *s, size_t i, int nesting)
{
	const char *d = s->src->data;
	size_t len = s->src->len;

	for (i++; i < len && d[i] != '"' && d[i] != '\n'; i++) {
		if (d[i] == '\\') {
			i++;
			continue;
		}
		if (!s->hcl || nesting > 8 || (d[i] != '$' && d[i] != '%') || i + 1 >= len ||
		    d[i + 1] != '{')
			continue;
		for (int braces = 0; ++i < len && d[i] != '\n';) {
			if (d[i] == '"')
				i = skip_string(s, i, nesting + 1) - 1;
			else if (d[i] == '{')
				braces++;
			else if (d[i] == '}' && --braces == 0)
				break;
		}
	}
	return i < len && d[i] == '"' ? i + 1 : i;
}

/* After a heredoc (<<EOF or <<-EOF) that starts at i, or i + 2 when it is
 * no heredoc. */
static size_t skip_heredoc(const struct scan *s, size_t i)
{
	const char *d = s->src->data;
	size_t len = s->src->len, name = i + 2 + (i + 2 < len && d[i + 2] == '-'), end = name;

	while (end < len && word_char((unsigned char)d[end]))
		end++;
	if (end == name || end >= len || d[end] != '\n')
		return i + 2;
	for (size_t at = end + 1; at < len;) {
		size_t line = at, stop;
		while (at < len && (d[at] == ' ' || d[at] == '\t'))
			at++;
		stop = at;
		while (stop < len && d[stop] != '\n')
			stop++;
		if (stop - at >= end - name && memcmp(d + at, d + name, end - name) == 0 &&
		    (stop - at == end - name || d[at + end - name] == '\r'))
			return stop;
		at = stop + 1;
		(void)line;
	}
	return len;
}

/* Skips blanks and comments, noting whether the limit fell in a comment. */
static void skip_blank(struct scan *s, size_t limit)
{
	const char *d = s->src->data;
	size_t len = s->src->len;

	while (s->pos < len) {
		size_t from = s->pos;
		if (d[s->pos] == ' ' || d[s->pos] == '\t' || d[s->pos] == '\r') {
			s->pos++;
			continue;
		}
		if (d[s->pos] == '#' || (d[s->pos] == '/' && s->pos + 1 < len && d[s->pos + 1] == '/')) {
			while (s->pos < len && d[s->pos] != '\n')
				s->pos++;
		} else if (d[s->pos] == '/' && s->pos + 1 < len && d[s->pos + 1] == '*') {
			const char *close = NULL;
			for (size_t i = s->pos + 2; i + 1 < len && !close; i++)
				if (d[i] == '*' && d[i + 1] == '/')
					close = d + i;
			s->pos = close ? (size_t)(close - d) + 2 : len;
		} else {
			return;
		}
		if (limit > from && limit <= s->pos)
			s->in_comment = true;
	}
}

static struct token next_token(struct scan *s, size_t limit)
{
	const char *d = s->src->data;
	struct token t;

	skip_blank(s, limit);
	t.start = s->pos;
	if (s->pos >= s->src->len) {
		t.type = T_END;
		t.end = s->pos;
		return t;
	}
	char c = d[s->pos];
	size_t next = s->pos + 1;
	t.type = T_OTHER;
	if (c == '"') {
		t.type = T_STRING;
		next = skip_string(s, s->pos, 0);
	} else if (word_char((unsigned char)c)) {
		t.type = T_WORD;
		while (next < s->src->len && word_char((unsigned char)d[next]))
			next++;
	} else if (c == '{' || c == '[' || c == '(') {
		t.type = c == '{' ? T_OPEN : c == '[' ? T_LIST : T_PAREN;
	} else if (c == '}' || c == ']' || c == ')') {
		t.type = T_CLOSE;
	} else if (c == ',') {
		t.type = T_COMMA;
	} else if (c == '\n') {
		t.type = T_NEWLINE;
	} else if ((c == ':' || c == '=') && (next >= s->src->len || (d[next] != '=' && d[next] != '>'))) {
		t.type = T_SEPARATOR;
	} else if (c == '<' && s->hcl && next < s->src->len && d[next] == '<') {
		next = skip_heredoc(s, s->pos);
	}
	t.end = s->pos = next;
	return t;
}

/* ---- the stack --------------------------------------------------------- */

static struct frame *top(struct scan *s)
{
	return s->hidden || s->depth == 0 ? NULL : &s->stack[s->depth - 1];
}

static struct assist_text text_of(const struct scan *s, struct token t)
{
	const char *d = s->src->data;

	if (t.type == T_STRING) {
		size_t end = t.end > t.start + 1 && d[t.end - 1] == '"' ? t.end - 1 : t.end;
		return (struct assist_text){ d + t.start + 1, end - t.start - 1 };
	}
	return (struct assist_text){ d + t.start, t.end - t.start };
}

static void add_segment(struct scan *s, struct frame *child, struct assist_text key, bool item)
{
	if (s->path_len == ASSIST_MAX_DEPTH) {
		s->path_len++; /* too deep: marked so that nothing is answered */
		return;
	}
	if (s->path_len < ASSIST_MAX_DEPTH)
		s->path[s->path_len] = (struct assist_segment){ key, item };
	s->path_len++;
	child->segments++;
}

/* Opens a child of the innermost frame: named by the key it is the value
 * of, by an HCL block's type and labels, or as an item of a list. */
static void open_frame(struct scan *s, enum frame_kind kind)
{
	struct frame *parent = top(s), *child;

	if (s->hidden || s->depth == ASSIST_MAX_DEPTH) {
		s->hidden++;
		return;
	}
	child = &s->stack[s->depth++];
	*child = (struct frame){ .kind = kind, .state = WANT_KEY, .open = s->pos };
	if (!parent)
		return;
	if (s->depth == 2 && !s->hcl) {
		parent->state = HAVE_VALUE; /* JSON's root: no step of the path */
		return;
	}
	if (kind == FRAME_PAREN || parent->kind == FRAME_PAREN) {
		add_segment(s, child, (struct assist_text){ "(", 1 }, false);
	} else if (parent->kind == FRAME_LIST) {
		add_segment(s, child, (struct assist_text){ NULL, 0 }, true);
	} else if (parent->state == WANT_VALUE) {
		add_segment(s, child, text_of(s, parent->key), false);
	} else if (parent->state == HAVE_KEY && s->hcl) {
		for (size_t i = 0; i < parent->word_count; i++)
			add_segment(s, child, text_of(s, parent->words[i]), false);
	} else {
		add_segment(s, child, (struct assist_text){ "?", 1 }, false);
	}
	parent->state = HAVE_VALUE;
}

static void close_frame(struct scan *s)
{
	if (s->hidden) {
		s->hidden--;
	} else if (s->depth > 1 || (s->depth == 1 && !s->hcl)) {
		s->path_len -= s->stack[--s->depth].segments;
	}
}

/* A key or a block's label taken by an object. */
static void take_key(struct scan *s, struct frame *f, struct token t)
{
	if (f->state == HAVE_KEY && s->hcl) {
		if (f->word_count < sizeof f->words / sizeof *f->words)
			f->words[f->word_count++] = t;
		return;
	}
	f->state = HAVE_KEY;
	f->key = f->words[0] = t;
	f->word_count = 1;
}

/* One token's effect on the stack. */
static void step(struct scan *s, struct token t)
{
	struct frame *f = top(s);

	switch (t.type) {
	case T_OPEN:
	case T_LIST:
	case T_PAREN:
		open_frame(s, t.type == T_OPEN ? FRAME_OBJECT : t.type == T_LIST ? FRAME_LIST
										 : FRAME_PAREN);
		return;
	case T_CLOSE:
		close_frame(s);
		return;
	default:
		break;
	}
	if (!f || f->kind != FRAME_OBJECT)
		return;
	if (t.type == T_COMMA || (t.type == T_NEWLINE && s->hcl && f->state == HAVE_VALUE))
		f->state = WANT_KEY;
	else if (t.type == T_SEPARATOR && f->state == HAVE_KEY)
		f->state = WANT_VALUE;
	else if (f->state == WANT_VALUE && t.type != T_NEWLINE)
		f->state = HAVE_VALUE; /* a scalar, a heredoc, an operator */
	else if ((t.type == T_STRING || t.type == T_WORD) &&
		 (f->state != HAVE_VALUE || !s->hcl))
		take_key(s, f, t);
}

static void scan_init(struct scan *s, const struct source *src, bool hcl, size_t from)
{
	memset(s, 0, sizeof *s);
	s->src = src;
	s->hcl = hcl;
	s->pos = from;
	/* HCL's file is a body itself; JSON's document holds one value. */
	s->depth = 1;
	s->stack[0] = (struct frame){ .kind = hcl ? FRAME_OBJECT : FRAME_LIST,
				      .state = WANT_KEY, .open = from };
}

/* ---- the keys of one object ------------------------------------------ */

/* Reads the object that opens at `open` (its members, not theirs) to its
 * end: each key but the one at `skip`, with the token of its value when
 * that is a scalar; calls visit, which returns false to stop. */
typedef bool key_visit(struct assist_text key, struct assist_text value, void *context);

static void each_key(const struct source *src, bool hcl, size_t open, size_t skip,
		     key_visit *visit, void *context)
{
	struct scan *s = &(struct scan){ 0 };

	scan_init(s, src, hcl, open);
	s->stack[0].kind = FRAME_OBJECT;
	for (struct token t; (t = next_token(s, 0)).type != T_END;) {
		struct frame *f = top(s);
		bool outer = s->depth == 1 && !s->hidden;
		enum member_state before = f ? f->state : WANT_KEY;
		if (t.type == T_CLOSE && outer && !(hcl && open == 0))
			return;
		step(s, t);
		if (!outer || !f)
			continue;
		if (f->state == HAVE_KEY && before != HAVE_KEY && t.start != skip &&
		    !visit(text_of(s, t), (struct assist_text){ NULL, 0 }, context))
			return;
		if (before == WANT_VALUE && f->state == HAVE_VALUE && t.type != T_OPEN &&
		    t.type != T_LIST && !visit(text_of(s, f->key), text_of(s, t), context))
			return;
	}
}

static bool add_present(struct assist_text key, struct assist_text value, void *context)
{
	if (!value.text)
		assist_add_present(context, key);
	return true;
}

static bool find_type(struct assist_text key, struct assist_text value, void *context)
{
	struct assist_place *place = context;

	if (value.text && assist_text_is(key, "Type")) {
		place->resource_type = value;
		return false;
	}
	return true;
}

/* ---- the point ---------------------------------------------------------- */

static bool has_separator_after(const struct source *src, size_t i)
{
	while (i < src->len && (src->data[i] == ' ' || src->data[i] == '\t'))
		i++;
	return i < src->len && (src->data[i] == ':' || src->data[i] == '=');
}

/* The slot of the point, in the innermost frame, with the token at it. */
static bool take_point(struct scan *s, struct frame *f, struct token t, bool on_token,
		       size_t offset, struct assist_place *place)
{
	enum member_state state = f->state;

	if (on_token) {
		place->token_start = t.start;
		place->token_end = t.end;
		place->token = text_of(s, t);
	} else {
		place->token_start = place->token_end = offset;
		place->token = (struct assist_text){ s->src->data + offset, 0 };
	}
	if (f->kind == FRAME_LIST) {
		if (s->path_len >= ASSIST_MAX_DEPTH || s->depth == 1)
			return false;
		s->path[s->path_len++] = (struct assist_segment){ { NULL, 0 }, true };
		place->slot = ASSIST_VALUE;
		return true;
	}
	if (f->kind != FRAME_OBJECT || state == HAVE_KEY || (state == HAVE_VALUE && s->hcl))
		return false;
	if (state == WANT_VALUE) {
		if (s->path_len >= ASSIST_MAX_DEPTH)
			return false;
		s->path[s->path_len++] = (struct assist_segment){ text_of(s, f->key), false };
		place->slot = ASSIST_VALUE;
		return true;
	}
	place->slot = ASSIST_KEY;
	place->has_separator = on_token && has_separator_after(s->src, t.end);
	each_key(s->src, s->hcl, f->open, place->token_start, add_present, place);
	return true;
}

bool assist_locate_flow(const struct source *src, size_t offset, struct assist_place *place)
{
	struct scan *s = &(struct scan){ 0 };
	bool hcl = place->syntax == ASSIST_HCL, on_token = false;
	struct token t;
	size_t resource = 0; /* where the template's resource opened */

	scan_init(s, src, hcl, 0);
	for (;;) {
		t = next_token(s, offset);
		if (s->in_comment)
			return false;
		on_token = (t.type == T_STRING || t.type == T_WORD) && t.start <= offset &&
			   offset <= t.end;
		if (t.type == T_END || t.start >= offset || on_token)
			break;
		step(s, t);
		if (s->path_len == 2 && !s->hidden && assist_text_is(s->path[0].key, "Resources") &&
		    top(s)->open == s->pos)
			resource = s->pos;
	}
	if (t.type == T_OTHER && t.start < offset)
		return false; /* in a heredoc */
	if (!top(s) || s->path_len > ASSIST_MAX_DEPTH ||
	    !take_point(s, top(s), t, on_token, offset, place))
		return false;
	memcpy(place->path, s->path, s->path_len * sizeof *s->path);
	place->depth = s->path_len;
	if (resource && s->path_len >= 3)
		each_key(src, hcl, resource, SIZE_MAX, find_type, place);
	return true;
}
