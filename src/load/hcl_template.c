/* HCL's templates: quoted strings (with escapes) and heredocs, each a
 * run of literal text, ${ } interpolations and %{ } directives (if, else,
 * endif, for, endfor; ~ strips blank space beside them). The parser reads
 * them itself, since what a character means depends on where it is in
 * one. A template of literal text only is a string; any other is known
 * only when Terraform plans. */
#include "hcl.h"

#include <stdlib.h>
#include <string.h>

enum directive { D_IF, D_ELSE, D_FOR };

struct template {
	size_t start;         /* the quote or <<, for messages */
	struct position from; /* where it starts */
	bool interpolated;  /* holds a ${ } or %{ } */
	unsigned char open[LOAD_MAX_DEPTH];
	size_t depth;
};

/* ${ expr } or %{ directive }, from its $ or % at `at`. */
static bool sequence(struct hcl_reader *r, struct template *t, size_t at, bool directive);

/* } or ~}, the ~ right before the }. */
static bool close_sequence(struct hcl_reader *r)
{
	if (hcl_peek(r)->type == HCL_TILDE) {
		struct hcl_token tilde = hcl_take(r);
		if (hcl_peek(r)->type == HCL_RBRACE && hcl_peek(r)->start != tilde.end) {
			hcl_error(r, tilde.start, "a strip marker ~ comes right before the }");
			return false;
		}
	}
	return hcl_expect(r, HCL_RBRACE, "the } closing the template sequence");
}

static bool directive_body(struct hcl_reader *r, struct template *t, size_t at)
{
	struct hcl_token word = *hcl_peek(r);
	bool known = hcl_expect(r, HCL_IDENT, "if, else, endif, for or endfor");

	if (!known)
		return false;
	if (hcl_is_keyword(r, &word, "if")) {
		if (!hcl_expression(r))
			return false;
	} else if (hcl_is_keyword(r, &word, "for")) {
		if (!hcl_expect(r, HCL_IDENT, "the name of the for's variable") ||
		    (hcl_accept(r, HCL_COMMA) && !hcl_expect(r, HCL_IDENT, "a second name")))
			return false;
		if (!hcl_is_keyword(r, hcl_peek(r), "in"))
			return hcl_expect(r, HCL_ERROR, "the word in");
		hcl_take(r);
		if (!hcl_expression(r))
			return false;
	} else if (hcl_is_keyword(r, &word, "else")) {
		if (t->depth == 0 || t->open[t->depth - 1] != D_IF) {
			hcl_error(r, at, "%%{ else } comes only after a %%{ if }");
			return false;
		}
		t->open[t->depth - 1] = D_ELSE;
		return true;
	} else if (hcl_is_keyword(r, &word, "endif") || hcl_is_keyword(r, &word, "endfor")) {
		bool endfor = hcl_is_keyword(r, &word, "endfor");
		if (t->depth == 0 || (t->open[t->depth - 1] == D_FOR) != endfor) {
			hcl_error(r, at, "%%{ %s } closes no %%{ %s }", endfor ? "endfor" : "endif",
				  endfor ? "for" : "if");
			return false;
		}
		t->depth--;
		hcl_leave(r);
		return true;
	} else {
		hcl_error(r, word.start, "expected if, else, endif, for or endfor");
		return false;
	}
	if (!hcl_enter(r, at))
		return false;
	t->open[t->depth++] = hcl_is_keyword(r, &word, "for") ? D_FOR : D_IF;
	return true;
}

static bool sequence(struct hcl_reader *r, struct template *t, size_t at, bool directive)
{
	bool saved = hcl_newlines(r, false);
	bool ok;

	t->interpolated = true;
	r->offset = at + 2;
	if (r->offset < r->len && r->data[r->offset] == '~')
		r->offset++;
	ok = directive ? directive_body(r, t, at) : hcl_expression(r) != NULL;
	ok = ok && close_sequence(r);
	hcl_newlines(r, saved);
	return ok && !r->failed;
}

/* How long the escape at `i` is: \n \r \t \" \\ \uNNNN \UNNNNNNNN; 0 when
 * it is none of them. */
static size_t escape_length(const char *d, size_t len, size_t i)
{
	size_t digits = 0;

	if (i + 1 >= len)
		return 0;
	if (strchr("nrt\"\\", d[i + 1]) && d[i + 1])
		return 2;
	digits = d[i + 1] == 'u' ? 4 : d[i + 1] == 'U' ? 8 : 0;
	if (!digits || i + 2 + digits > len)
		return 0;
	char hex[9] = { 0 };
	for (size_t k = i + 2; k < i + 2 + digits; k++)
		if (!strchr("0123456789abcdefABCDEF", d[k]) || !d[k])
			return 0;
	memcpy(hex, d + i + 2, digits);
	unsigned long c = strtoul(hex, NULL, 16);
	/* UTF-8 has no surrogates and nothing past U+10FFFF. */
	if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
	return 2 + digits;
}

/* At `i`, a $ or % opening a sequence (1), escaped by a doubled sign
 * ($${, %%{: 3 bytes of literal text), or neither (0). */
static int sign_at(const char *d, size_t len, size_t i, size_t *skip)
{
	if (d[i] != '$' && d[i] != '%')
		return 0;
	if (i + 2 < len && d[i + 1] == d[i] && d[i + 2] == '{') {
		*skip = 3;
		return 0;
	}
	return i + 1 < len && d[i + 1] == '{' ? 1 : 0;
}

/* ---- the literal text ---------------------------------------------------- */

static size_t put_utf8(char *out, unsigned long c)
{
	if (c < 0x80)
		return out[0] = (char)c, 1;
	if (c < 0x800)
		return out[0] = (char)(0xC0 | c >> 6), out[1] = (char)(0x80 | (c & 0x3F)), 2;
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | c >> 12);
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | c >> 18);
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* The text of d[from..to) with its escapes read (backslashes only in a
 * quoted string), into out (no longer than the text). */
static size_t unescape(const char *d, size_t from, size_t to, bool quoted, char *out)
{
	size_t n = 0;

	for (size_t i = from; i < to;) {
		size_t e = quoted && d[i] == '\\' ? escape_length(d, to, i) : 0;
		if (e > 2) {
			char hex[9] = { 0 };
			memcpy(hex, d + i + 2, e - 2);
			n += put_utf8(out + n, strtoul(hex, NULL, 16));
		} else if (e == 2) {
			char c = d[i + 1];
			out[n++] = c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
		} else if ((d[i] == '$' || d[i] == '%') && i + 2 < to && d[i + 1] == d[i] &&
			   d[i + 2] == '{') {
			out[n++] = d[i];
			out[n++] = '{';
			e = 3;
		} else {
			out[n++] = d[i];
			e = 1;
		}
		i += e;
	}
	return n;
}

static struct node *finish(struct hcl_reader *r, struct template *t, size_t end,
			   char *text, size_t len)
{
	struct position to = hcl_at(r, end);

	r->taken = to;
	if (t->depth) {
		hcl_error(r, t->start, "a %%{ %s } is never closed", t->open[t->depth - 1] == D_FOR
			  ? "for" : "if");
		return NULL;
	}
	if (t->interpolated)
		return hcl_unknown(r, t->from, to);
	return hcl_string_kept(r, t->from, to, text, len);
}

struct node *hcl_quoted_template(struct hcl_reader *r, const struct hcl_token *quote)
{
	struct template t = { .start = quote->start, .from = quote->from };
	const char *d = r->data;
	size_t i = r->offset, skip;

	while (!r->failed) {
		if (i >= r->len || d[i] == '\n' || d[i] == '\r') {
			hcl_error(r, i >= r->len ? quote->start : i,
				  "the string is not closed with \" on its line");
			return NULL;
		}
		if (d[i] == '"')
			break;
		skip = d[i] == '\\' ? escape_length(d, r->len, i) : 1;
		if (!skip) {
			hcl_error(r, i, "a backslash escapes only n, r, t, \", \\, uNNNN and "
				  "UNNNNNNNN, of a character UTF-8 can hold");
			return NULL;
		}
		if (sign_at(d, r->len, i, &skip)) {
			if (!sequence(r, &t, i, d[i] == '%'))
				return NULL;
			i = r->offset;
			continue;
		}
		i += skip;
	}
	if (r->failed)
		return NULL;
	r->offset = i + 1;
	if (t.interpolated)
		return finish(r, &t, i + 1, NULL, 0);
	char *text = arena_alloc(&r->ld->doc->arena, i - quote->end + 1);
	if (!text)
		return loader_out_of_memory(r->ld), r->failed = true, NULL;
	return finish(r, &t, i + 1, text, unescape(d, quote->end, i, true, text));
}

/* ---- heredocs ------------------------------------------------------------ */

/* Whether the line at `i` is the closing marker (blank space before it
 * allowed), and where the marker ends. */
static bool closing_line(const char *d, size_t len, size_t i, const char *marker,
			 size_t marker_len, size_t *end)
{
	while (i < len && (d[i] == ' ' || d[i] == '\t'))
		i++;
	if (len - i < marker_len || memcmp(d + i, marker, marker_len) != 0)
		return false;
	i += marker_len;
	*end = i;
	return i == len || d[i] == '\n' || (d[i] == '\r' && i + 1 < len && d[i + 1] == '\n');
}

static size_t indent(const char *d, size_t i, size_t to)
{
	size_t n = 0;

	while (i + n < to && (d[i + n] == ' ' || d[i + n] == '\t'))
		n++;
	return n;
}

/* <<-: the lines lose the blank space they all begin with (lines of
 * blank space only do not count). */
static size_t flush(char *text, size_t len)
{
	size_t least = (size_t)-1, n = 0;

	for (size_t i = 0; i < len;) {
		size_t eol = i;
		while (eol < len && text[eol] != '\n')
			eol++;
		size_t lead = indent(text, i, eol);
		if (i + lead < eol && text[i + lead] != '\r' && lead < least)
			least = lead;
		i = eol + 1;
	}
	if (least == (size_t)-1)
		least = 0;
	for (size_t i = 0; i < len;) {
		size_t eol = i;
		while (eol < len && text[eol] != '\n')
			eol++;
		size_t lead = indent(text, i, eol);
		size_t cut = lead < least ? lead : least;
		memmove(text + n, text + i + cut, eol - i - cut + (eol < len));
		n += eol - i - cut + (eol < len);
		i = eol + 1;
	}
	return n;
}

struct node *hcl_heredoc(struct hcl_reader *r, const struct hcl_token *open)
{
	struct template t = { .start = open->start, .from = open->from };
	const char *d = r->data;
	const char *marker = d + open->start + 2;
	bool flushed = *marker == '-';
	size_t marker_len, i = r->offset, end, skip;

	marker += flushed;
	for (marker_len = 0; marker[marker_len] != '\n' && marker[marker_len] != '\r';)
		marker_len++;
	while (!r->failed) {
		bool line_start = i == open->end || d[i - 1] == '\n';
		if (line_start && closing_line(d, r->len, i, marker, marker_len, &end))
			break;
		if (i >= r->len) {
			hcl_error(r, open->start, "the heredoc is not closed with a line holding "
				  "%.*s", (int)marker_len, marker);
			return NULL;
		}
		skip = 1;
		if (sign_at(d, r->len, i, &skip)) {
			if (!sequence(r, &t, i, d[i] == '%'))
				return NULL;
			i = r->offset;
			continue;
		}
		i += skip;
	}
	if (r->failed)
		return NULL;
	r->offset = end;
	if (t.interpolated)
		return finish(r, &t, end, NULL, 0);
	char *text = arena_alloc(&r->ld->doc->arena, i - open->end + 1);
	if (!text)
		return loader_out_of_memory(r->ld), r->failed = true, NULL;
	size_t len = unescape(d, open->end, i, false, text);
	return finish(r, &t, end, text, flushed ? flush(text, len) : len);
}
