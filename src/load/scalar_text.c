#include "scalar_text.h"

#include <stdint.h>
#include <string.h>

#include "base/hex.h"

/* Where the text goes; only counted while to is NULL. */
struct output {
	char *to;
	size_t len;
};

static void put(struct output *o, const char *bytes, size_t len)
{
	if (o->to)
		memcpy(o->to + o->len, bytes, len);
	o->len += len;
}

static void put_char(struct output *o, char c)
{
	put(o, &c, 1);
}

static void put_breaks(struct output *o, size_t count)
{
	while (count-- > 0)
		put_char(o, '\n');
}

static bool is_break(char c)
{
	return c == '\n' || c == '\r';
}

static bool is_white(char c)
{
	return c == ' ' || c == '\t';
}

/* Past the line break at i; CR LF is one. */
static size_t skip_break(const char *t, size_t len, size_t i)
{
	return t[i] == '\r' && i + 1 < len && t[i + 1] == '\n' ? i + 2 : i + 1;
}

/* ---- escapes -------------------------------------------------------------- */

/* The parser has checked the escape's digits; anything else counts 0. */
static uint32_t read_hex(const char *t, size_t digits)
{
	uint32_t value = 0;

	for (size_t i = 0; i < digits; i++) {
		int digit = hex_digit_value(t[i]);
		value = value << 4 | (uint32_t)(digit < 0 ? 0 : digit);
	}
	return value;
}

static void put_code_point(struct output *o, uint32_t c)
{
	char bytes[4];

	if (c > 0x10FFFF)
		c = 0xFFFD;
	if (c < 0x80) {
		put_char(o, (char)c);
	} else if (c < 0x800) {
		bytes[0] = (char)(0xC0 | c >> 6);
		bytes[1] = (char)(0x80 | (c & 0x3F));
		put(o, bytes, 2);
	} else if (c < 0x10000) {
		bytes[0] = (char)(0xE0 | c >> 12);
		bytes[1] = (char)(0x80 | (c >> 6 & 0x3F));
		bytes[2] = (char)(0x80 | (c & 0x3F));
		put(o, bytes, 3);
	} else {
		bytes[0] = (char)(0xF0 | c >> 18);
		bytes[1] = (char)(0x80 | (c >> 12 & 0x3F));
		bytes[2] = (char)(0x80 | (c >> 6 & 0x3F));
		bytes[3] = (char)(0x80 | (c & 0x3F));
		put(o, bytes, 4);
	}
}

/* What a one-letter escape stands for, or -1 for \x, \u and \U (and for
 * what the parser would have refused). */
static long simple_escape(char c)
{
	switch (c) {
	case '0': return 0x00;
	case 'a': return 0x07;
	case 'b': return 0x08;
	case 't': case '\t': return 0x09;
	case 'n': return 0x0A;
	case 'v': return 0x0B;
	case 'f': return 0x0C;
	case 'r': return 0x0D;
	case 'e': return 0x1B;
	case ' ': return 0x20;
	case '"': return 0x22;
	case '/': return 0x2F;
	case '\\': return 0x5C;
	case 'N': return 0x85;
	case '_': return 0xA0;
	case 'L': return 0x2028;
	case 'P': return 0x2029;
	default: return -1;
	}
}

/* The escape at t[*i] (a backslash not before a line break); JSON's
 * \uD83D\uDE00 is one character. The parser has checked the digits. */
static void put_escape(struct output *o, const char *t, size_t len, size_t *i)
{
	size_t at = *i + 1;
	char c = at < len ? t[at] : '\\';
	size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
	uint32_t code;

	if (!digits || at + digits >= len) {
		long value = simple_escape(c);
		put_code_point(o, value >= 0 ? (uint32_t)value : (uint32_t)(unsigned char)c);
		*i = at + 1;
		return;
	}
	code = read_hex(t + at + 1, digits);
	at += 1 + digits;
	if (code >= 0xD800 && code < 0xDC00 && at + 6 <= len && t[at] == '\\' && t[at + 1] == 'u') {
		uint32_t low = read_hex(t + at + 2, 4);
		if (low >= 0xDC00 && low < 0xE000) {
			code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
			at += 6;
		}
	}
	/* Half a pair stands for no character: it is checked as U+FFFD, one
	 * character (the loader warns of it, load/surrogates.h). */
	if (code >= 0xD800 && code < 0xE000)
		code = 0xFFFD;
	put_code_point(o, code);
	*i = at;
}

/* ---- plain and quoted scalars ------------------------------------------- */

/* From the line break at *i, past the empty lines after it and the next
 * line's indentation; returns how many empty lines there were. */
static size_t skip_empty_lines(const char *t, size_t len, size_t *i)
{
	size_t empty = 0, at = skip_break(t, len, *i);

	for (;;) {
		while (at < len && is_white(t[at]))
			at++;
		if (at == len || !is_break(t[at]))
			break;
		empty++;
		at = skip_break(t, len, at);
	}
	*i = at;
	return empty;
}

static bool is_special(const struct scalar_source *s, char c)
{
	return is_break(c) || (s->style == STYLE_DOUBLE_QUOTED && c == '\\') ||
	       (s->style == STYLE_SINGLE_QUOTED && c == '\'');
}

/* White space not written yet: a line break after it drops it. Writing
 * it and taking it back would let the text outgrow its counted length. */
struct white {
	size_t at, len;
};

static void put_white(struct output *o, const char *t, struct white *w)
{
	put(o, t + w->at, w->len);
	w->len = 0;
}

/* A line break folds to a space, or to the empty lines after it; white
 * space around it goes. An escape is content, white space or not. */
static void flow_text(const struct scalar_source *s, struct output *o)
{
	const char *t = s->text;
	size_t len = s->len, i = 0;
	struct white white = { 0, 0 };

	while (i < len) {
		if (is_break(t[i])) {
			white.len = 0;
			size_t empty = skip_empty_lines(t, len, &i);
			if (empty)
				put_breaks(o, empty);
			else
				put_char(o, ' ');
		} else if (s->style == STYLE_DOUBLE_QUOTED && t[i] == '\\') {
			put_white(o, t, &white);
			if (i + 1 < len && is_break(t[i + 1])) {
				/* An escaped line break joins the lines. */
				i++;
				put_breaks(o, skip_empty_lines(t, len, &i));
			} else {
				put_escape(o, t, len, &i);
			}
		} else if (s->style == STYLE_SINGLE_QUOTED && t[i] == '\'') {
			put_white(o, t, &white);
			put_char(o, '\'');
			i += i + 1 < len && t[i + 1] == '\'' ? 2 : 1;
		} else {
			/* A run of text: white space at its end waits. */
			size_t end = i, last = i;
			while (end < len && !is_special(s, t[end]))
				if (!is_white(t[end++]))
					last = end;
			if (last > i) {
				put_white(o, t, &white);
				put(o, t + i, last - i);
				white = (struct white){ last, end - last };
			} else {
				white = (struct white){ i, end - i };
			}
			i = end;
		}
	}
	/* Before the closing quote, white space stays. */
	put_white(o, t, &white);
}

/* ---- block scalars -------------------------------------------------------- */

static size_t count_spaces(const char *t, size_t len, size_t i)
{
	size_t start = i;

	while (i < len && t[i] == ' ')
		i++;
	return i - start;
}

/* The indentation of the first line that is not all spaces, or, when
 * there is none, that of the most indented line. */
static size_t detect_indent(const char *t, size_t len)
{
	size_t most = 0;

	for (size_t i = 0; i < len;) {
		size_t spaces = count_spaces(t, len, i);
		if (i + spaces < len && !is_break(t[i + spaces]))
			return spaces;
		most = spaces > most ? spaces : most;
		if (i + spaces == len)
			break;
		i = skip_break(t, len, i + spaces);
	}
	return most;
}

struct block {
	size_t breaks;      /* line breaks not yet written */
	bool content;       /* a line of content was written */
	bool was_indented;  /* folded: the last one began with white space */
};

/* What comes between two lines of content: their breaks. A folded
 * scalar folds the first of them to a space, or drops it before empty
 * lines, unless a line beside it is more indented. */
static void put_between(const struct scalar_source *s, struct block *b, bool indented,
			struct output *o)
{
	if (!b->content || s->style == STYLE_LITERAL || indented || b->was_indented)
		put_breaks(o, b->breaks);
	else if (b->breaks == 1)
		put_char(o, ' ');
	else
		put_breaks(o, b->breaks - 1);
}

static void put_chomped(const struct scalar_source *s, const struct block *b,
			struct output *o)
{
	if (s->chomping == '+')
		put_breaks(o, b->breaks);
	else if (s->chomping != '-' && b->content && b->breaks > 0)
		put_char(o, '\n');
}

static void block_text(const struct scalar_source *s, struct output *o)
{
	const char *t = s->text;
	size_t len = s->len;
	size_t indent = s->indent ? s->indent : detect_indent(t, len);
	struct block b = { 0, false, false };

	for (size_t i = 0; i < len;) {
		size_t spaces = count_spaces(t, len, i);
		size_t start = i + (spaces < indent ? spaces : indent), end = i + spaces;
		while (end < len && !is_break(t[end]))
			end++;
		/* Text less indented is the next token's, or a comment. */
		if (spaces < indent && i + spaces < end)
			break;
		if (start == end) {
			if (end < len)
				b.breaks++;
		} else {
			bool indented = is_white(t[start]);
			put_between(s, &b, indented, o);
			put(o, t + start, end - start);
			b = (struct block){ end < len, true, indented };
		}
		if (end == len)
			break;
		i = skip_break(t, len, end);
	}
	put_chomped(s, &b, o);
}

/* ---- the scalar ------------------------------------------------------------ */

void scalar_block_header(const char *header, size_t len, char *chomping, size_t *indent)
{
	*chomping = 0;
	*indent = 0;
	for (size_t i = 1; i < len && i < 3; i++) {
		if (header[i] == '+' || header[i] == '-')
			*chomping = header[i];
		else if (header[i] >= '1' && header[i] <= '9')
			*indent = (size_t)(header[i] - '0');
		else
			break;
	}
}

size_t scalar_text(const struct scalar_source *source, char *out)
{
	struct output o = { out, 0 };

	if (source->style == STYLE_LITERAL || source->style == STYLE_FOLDED)
		block_text(source, &o);
	else
		flow_text(source, &o);
	return o.len;
}
