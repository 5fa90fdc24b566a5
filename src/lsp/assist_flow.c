/* The place of a point in JSON or HCL, by braces: one pass of a small
 * tokenizer from the start of the text to the point, keeping a stack of
 * the objects, lists and blocks open there and the key each was opened
 * under. It forgives what a line being typed lacks (a string not closed
 * yet ends at its line; a key with no comma before it starts a new
 * member), and reads no further than it must: the rest of the text only
 * for the keys of the structure the point is in. */
#include "assist_lex.h"
#include "assist_locate.h"

#include <stdint.h>
#include <string.h>

enum frame_kind { FRAME_OBJECT, FRAME_LIST, FRAME_PAREN };

/* Where an object is between its members. */
enum member_state { WANT_KEY, HAVE_KEY, WANT_VALUE, HAVE_VALUE };

struct frame {
	enum frame_kind kind;
	enum member_state state;
	size_t open;     /* the offset after its opening bracket */
	size_t items;    /* a list's commas so far: the index of its item */
	size_t segments; /* how many steps of the path it added */
	struct token key;
	struct token words[3]; /* an HCL block's type and labels, key first */
	size_t word_count;
};

struct scan {
	struct lexer lex;
	struct frame stack[ASSIST_MAX_DEPTH];
	size_t depth;   /* frames open; stack[depth - 1] is the innermost */
	size_t hidden;  /* frames open beyond the stack */
	struct assist_segment path[ASSIST_MAX_DEPTH];
	size_t path_len;
};

/* ---- the stack --------------------------------------------------------- */

static struct frame *top(struct scan *s)
{
	return s->hidden || s->depth == 0 ? NULL : &s->stack[s->depth - 1];
}

static struct assist_text text_of(const struct scan *s, struct token t)
{
	const char *d = s->lex.src->data;

	if (t.type == T_STRING) {
		size_t end = t.end > t.start + 1 && d[t.end - 1] == d[t.start] ? t.end - 1 : t.end;
		return (struct assist_text){ d + t.start + 1, end - t.start - 1 };
	}
	return (struct assist_text){ d + t.start, t.end - t.start };
}

static void add_segment(struct scan *s, struct frame *child, struct assist_text key, bool item,
			size_t index)
{
	/* Too deep: counted still, so that nothing is answered below. */
	if (s->path_len < ASSIST_MAX_DEPTH)
		s->path[s->path_len] = (struct assist_segment){ key, item, index, false };
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
	*child = (struct frame){ .kind = kind, .state = WANT_KEY, .open = s->lex.pos };
	if (!parent)
		return;
	if (s->depth == 2 && !s->lex.hcl) {
		parent->state = HAVE_VALUE; /* JSON's root: no step of the path */
		return;
	}
	if (kind == FRAME_PAREN || parent->kind == FRAME_PAREN) {
		add_segment(s, child, (struct assist_text){ "(", 1 }, false, 0);
	} else if (parent->kind == FRAME_LIST) {
		add_segment(s, child, (struct assist_text){ NULL, 0 }, true, parent->items);
	} else if (parent->state == WANT_VALUE) {
		add_segment(s, child, text_of(s, parent->key), false, 0);
	} else if (parent->state == HAVE_KEY && s->lex.hcl) {
		for (size_t i = 0; i < parent->word_count; i++)
			add_segment(s, child, text_of(s, parent->words[i]), false, 0);
	} else {
		add_segment(s, child, (struct assist_text){ "?", 1 }, false, 0);
	}
	parent->state = HAVE_VALUE;
}

static void close_frame(struct scan *s)
{
	if (s->hidden) {
		s->hidden--;
	} else if (s->depth > 1 || (s->depth == 1 && !s->lex.hcl)) {
		s->path_len -= s->stack[--s->depth].segments;
	}
}

/* A key or a block's label taken by an object. */
static void take_key(struct scan *s, struct frame *f, struct token t)
{
	if (f->state == HAVE_KEY && s->lex.hcl) {
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
	if (f && f->kind == FRAME_LIST && t.type == T_COMMA)
		f->items++;
	if (!f || f->kind != FRAME_OBJECT)
		return;
	if (t.type == T_COMMA || (t.type == T_NEWLINE && s->lex.hcl && f->state == HAVE_VALUE))
		f->state = WANT_KEY;
	else if (t.type == T_SEPARATOR && f->state == HAVE_KEY)
		f->state = WANT_VALUE;
	else if (f->state == WANT_VALUE && t.type != T_NEWLINE)
		f->state = HAVE_VALUE; /* a scalar, a heredoc, an operator */
	else if ((t.type == T_STRING || t.type == T_WORD) &&
		 (f->state != HAVE_VALUE || !s->lex.hcl))
		take_key(s, f, t);
}

/* A scan from `from`, its tokens read as the lexer `like` reads them. */
static void scan_init(struct scan *s, const struct lexer *like, size_t from)
{
	bool hcl = like->hcl;

	memset(s, 0, sizeof *s);
	s->lex = *like;
	s->lex.in_comment = false;
	s->lex.pos = from;
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

static void each_key(const struct lexer *like, size_t open, size_t skip, key_visit *visit,
		     void *context)
{
	struct scan *s = &(struct scan){ 0 };
	bool hcl = like->hcl;

	scan_init(s, like, open);
	s->stack[0].kind = FRAME_OBJECT;
	for (struct token t; (t = lex_next(&s->lex, 0)).type != T_END;) {
		struct frame *f = top(s);
		bool outer = s->depth == 1 && !s->hidden;
		enum member_state before = f ? f->state : WANT_KEY;
		if (t.type == T_CLOSE && outer && !(hcl && open == 0))
			return;
		step(s, t);
		if (!outer || !f)
			continue;
		/* A key taken, though the one before it lacks its value (a line
		 * being typed): each is one. */
		if (f->state == HAVE_KEY && f->key.start == t.start && t.start != skip &&
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

/* Whether the value at the point is no literal to complete: in HCL an
 * expression, a reference (var.x, each.value) or a string template, known
 * at plan time only; in YAML a tagged value (!Ref names a parameter), an
 * anchored one or an alias. */
static bool no_literal(const struct scan *s, struct token t)
{
	const char *d = s->lex.src->data;
	size_t len = t.end - t.start;

	if (s->lex.yaml)
		return t.type == T_WORD && strchr("!&*", d[t.start]) != NULL;
	if (!s->lex.hcl)
		return false;
	if (t.type == T_STRING) {
		for (size_t i = t.start; i + 1 < t.end; i++)
			if ((d[i] == '$' || d[i] == '%') && d[i + 1] == '{')
				return true;
		return false;
	}
	/* A word with a dot that is no number: a bare word may be a value
	 * begun without its quote, which a completion quotes. */
	return t.type == T_WORD && !(d[t.start] >= '0' && d[t.start] <= '9') &&
	       d[t.start] != '-' && memchr(d + t.start, '.', len) != NULL;
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
		place->quote = t.type == T_STRING ? s->lex.src->data[t.start] : '\0';
	} else {
		place->token_start = place->token_end = offset;
		place->token = (struct assist_text){ s->lex.src->data + offset, 0 };
	}
	place->settled = on_token && no_literal(s, t);
	if (f->kind == FRAME_LIST) {
		if (s->path_len >= ASSIST_MAX_DEPTH || s->depth == 1)
			return false;
		s->path[s->path_len++] = (struct assist_segment){ { NULL, 0 }, true, f->items, false };
		place->slot = ASSIST_VALUE;
		return true;
	}
	if (f->kind != FRAME_OBJECT || state == HAVE_KEY || (state == HAVE_VALUE && s->lex.hcl))
		return false;
	if (state == WANT_VALUE) {
		if (s->path_len >= ASSIST_MAX_DEPTH)
			return false;
		s->path[s->path_len++] = (struct assist_segment){ text_of(s, f->key), false, 0, false };
		place->slot = ASSIST_VALUE;
		return true;
	}
	place->slot = ASSIST_KEY;
	place->has_separator = on_token && has_separator_after(s->lex.src, t.end);
	each_key(&s->lex, f->open, place->token_start, add_present, place);
	return true;
}

/* The place of the offset in the text from `from` on, read as `like`
 * reads it. */
static bool locate_from(const struct lexer *like, size_t from, size_t offset,
			struct assist_place *place)
{
	struct scan *s = &(struct scan){ 0 };
	bool on_token = false;
	struct token t;
	size_t resource = 0; /* where the template's resource opened */

	scan_init(s, like, from);
	for (;;) {
		t = lex_next(&s->lex, offset);
		if (s->lex.in_comment)
			return false;
		on_token = (t.type == T_STRING || t.type == T_WORD) && t.start <= offset &&
			   offset <= t.end;
		if (t.type == T_END || t.start >= offset || on_token)
			break;
		step(s, t);
		if (s->path_len == 2 && !s->hidden && assist_text_is(s->path[0].key, "Resources") &&
		    top(s)->open == s->lex.pos)
			resource = s->lex.pos;
	}
	if (t.type == T_OTHER && t.start < offset)
		return false; /* in a heredoc */
	if (!top(s) || s->path_len > ASSIST_MAX_DEPTH ||
	    !take_point(s, top(s), t, on_token, offset, place))
		return false;
	memcpy(place->path, s->path, s->path_len * sizeof *s->path);
	place->depth = s->path_len;
	if (resource && s->path_len >= 3)
		each_key(like, resource, SIZE_MAX, find_type, place);
	return true;
}

bool assist_locate_flow(const struct source *src, size_t offset, struct assist_place *place)
{
	struct lexer like = { .src = src, .hcl = place->syntax == ASSIST_HCL };

	return locate_from(&like, 0, offset, place);
}

bool assist_locate_yaml_flow(const struct source *src, size_t from, size_t indent,
			     size_t offset, struct assist_place *place)
{
	struct lexer like = { .src = src, .yaml = true, .yaml_indent = indent };

	return locate_from(&like, from, offset, place);
}
