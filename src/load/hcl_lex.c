/* HCL's tokens, read one at a time where the parser asks: what a token
 * is depends on where it is (a quote opens a template, which the parser
 * reads itself, hcl_template.c), so the lexer never reads ahead. Comments
 * are blank space; a line comment keeps its newline, a block comment
 * holds none, as the specification has it. */
#include "hcl.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/format.h"

struct position hcl_at(struct hcl_reader *r, size_t offset)
{
	if (offset < r->cursor.offset)
		return r->cursor; /* never asked: positions only go forward */
	r->cursor = source_advance(r->ld->src, r->cursor, offset);
	return r->cursor;
}

void hcl_error(struct hcl_reader *r, size_t offset, const char *format, ...)
{
	char message[200];
	va_list args;

	if (r->failed)
		return;
	r->failed = true;
	va_start(args, format);
	vsnprintf(message, sizeof message, format, args);
	va_end(args);
	/* Once, so counting again from the start costs little. */
	struct position at = offset >= r->cursor.offset ? hcl_at(r, offset)
		: source_advance(r->ld->src, r->ld->last, offset);
	loader_report(r->ld, RULE_SYNTAX_ERROR, span_at(at), NULL,
		      "HCL syntax error: %s", message);
	r->ld->stop = true;
}

static bool is_ident_start(unsigned char c)
{
	/* Letters beyond ASCII are taken as Unicode's ID_Start: an
	 * identifier that is not one is taken rather than refused. */
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static bool is_ident_char(unsigned char c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9') || c == '-';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t skip_digits(const char *data, size_t len, size_t i)
{
	while (i < len && is_digit(data[i]))
		i++;
	return i;
}

/* A number: digits, a fraction, an exponent. */
static size_t number_end(const char *data, size_t len, size_t i)
{
	i = skip_digits(data, len, i);
	if (i + 1 < len && data[i] == '.' && is_digit(data[i + 1]))
		i = skip_digits(data, len, i + 1);
	if (i < len && (data[i] == 'e' || data[i] == 'E')) {
		size_t j = i + 1;
		if (j < len && (data[j] == '+' || data[j] == '-'))
			j++;
		if (j < len && is_digit(data[j]))
			i = skip_digits(data, len, j);
	}
	return i;
}

/* Blank space and comments before the next token; false when a block
 * comment does not end. */
static bool skip_blank(struct hcl_reader *r)
{
	const char *d = r->data;

	for (;;) {
		size_t i = r->offset;
		if (i < r->len && (d[i] == ' ' || d[i] == '\t')) {
			r->offset++;
		} else if (i < r->len && (d[i] == '#' || (d[i] == '/' && i + 1 < r->len &&
							  d[i + 1] == '/'))) {
			while (r->offset < r->len && d[r->offset] != '\n' && d[r->offset] != '\r')
				r->offset++;
		} else if (i + 1 < r->len && d[i] == '/' && d[i + 1] == '*') {
			size_t j = i + 2;
			while (j + 1 < r->len && !(d[j] == '*' && d[j + 1] == '/'))
				j++;
			if (j + 1 >= r->len) {
				hcl_error(r, i, "the comment /* is never closed with */");
				return false;
			}
			r->offset = j + 2;
		} else {
			return true;
		}
	}
}

/* <<EOT or <<-EOT, then a newline: the heredoc's opening, or 0. */
static size_t heredoc_open_end(const char *d, size_t len, size_t i)
{
	size_t j = i + 2;

	if (j < len && d[j] == '-')
		j++;
	if (j >= len || !is_ident_start((unsigned char)d[j]))
		return 0;
	while (j < len && is_ident_char((unsigned char)d[j]))
		j++;
	if (j < len && d[j] == '\n')
		return j + 1;
	if (j + 1 < len && d[j] == '\r' && d[j + 1] == '\n')
		return j + 2;
	return 0;
}

struct op {
	const char *text;
	enum hcl_token_type type;
};

/* Longest first. */
static const struct op operators[] = {
	{ "...", HCL_ELLIPSIS }, { "::", HCL_DOUBLE_COLON }, { "=>", HCL_ARROW },
	{ "==", HCL_EQUAL }, { "!=", HCL_NOT_EQUAL }, { "<=", HCL_LESS_EQUAL },
	{ ">=", HCL_GREATER_EQUAL }, { "&&", HCL_AND }, { "||", HCL_OR },
	{ "{", HCL_LBRACE }, { "}", HCL_RBRACE }, { "[", HCL_LBRACKET },
	{ "]", HCL_RBRACKET }, { "(", HCL_LPAREN }, { ")", HCL_RPAREN },
	{ ",", HCL_COMMA }, { ".", HCL_DOT }, { "=", HCL_ASSIGN }, { ":", HCL_COLON },
	{ "?", HCL_QUESTION }, { "+", HCL_PLUS }, { "-", HCL_MINUS }, { "*", HCL_STAR },
	{ "/", HCL_SLASH }, { "%", HCL_PERCENT }, { "<", HCL_LESS }, { ">", HCL_GREATER },
	{ "!", HCL_BANG }, { "~", HCL_TILDE }, { "\"", HCL_QUOTE },
};

/* The token's type and end, from its first byte at `i`. */
static enum hcl_token_type scan(struct hcl_reader *r, size_t i, size_t *end)
{
	const char *d = r->data;
	size_t len = r->len;
	unsigned char c = (unsigned char)d[i];

	if (c == '\n' || (c == '\r' && i + 1 < len && d[i + 1] == '\n')) {
		*end = i + (c == '\r' ? 2 : 1);
		return HCL_NEWLINE;
	}
	if (is_ident_start(c)) {
		for (*end = i + 1; *end < len && is_ident_char((unsigned char)d[*end]);)
			++*end;
		return HCL_IDENT;
	}
	if (is_digit((char)c)) {
		*end = number_end(d, len, i);
		return HCL_NUMBER;
	}
	if (c == '<' && i + 1 < len && d[i + 1] == '<' && (*end = heredoc_open_end(d, len, i)))
		return HCL_HEREDOC;
	for (size_t k = 0; k < sizeof operators / sizeof *operators; k++) {
		size_t n = strlen(operators[k].text);
		if (n <= len - i && memcmp(d + i, operators[k].text, n) == 0) {
			*end = i + n;
			return operators[k].type;
		}
	}
	if (c == '<' && i + 1 < len && d[i + 1] == '<')
		hcl_error(r, i, "a heredoc opens with <<MARKER or <<-MARKER and a newline");
	else if (c >= 0x20 && c < 0x7F)
		hcl_error(r, i, "the character '%c' does not belong here", c);
	else
		hcl_error(r, i, "the character U+%04X does not belong here", c);
	*end = i;
	return HCL_ERROR;
}

static struct hcl_token lex(struct hcl_reader *r)
{
	struct hcl_token token = { HCL_ERROR, r->offset, r->offset, { 0 }, { 0 } };

	if (r->failed || !skip_blank(r)) {
		token.from = token.to = r->cursor;
		return token;
	}
	token.start = r->offset;
	token.type = r->offset >= r->len ? HCL_EOF : scan(r, r->offset, &token.end);
	if (token.type == HCL_EOF)
		token.end = token.start;
	token.from = hcl_at(r, token.start);
	token.to = hcl_at(r, token.end);
	r->offset = token.end;
	return token;
}

const struct hcl_token *hcl_peek(struct hcl_reader *r)
{
	while (!r->have_ahead || (r->ahead.type == HCL_NEWLINE && !r->newlines)) {
		r->ahead = lex(r);
		r->have_ahead = true;
	}
	return &r->ahead;
}

struct hcl_token hcl_take(struct hcl_reader *r)
{
	struct hcl_token token = *hcl_peek(r);

	if (token.type != HCL_ERROR && token.type != HCL_EOF) {
		r->have_ahead = false;
		r->taken = token.to;
	}
	return token;
}

bool hcl_accept(struct hcl_reader *r, enum hcl_token_type type)
{
	if (hcl_peek(r)->type != type)
		return false;
	hcl_take(r);
	return true;
}

static const char *describe(const struct hcl_token *t)
{
	switch (t->type) {
	case HCL_EOF:
		return "the end of the file";
	case HCL_NEWLINE:
		return "the end of the line";
	case HCL_IDENT:
		return "a name";
	case HCL_NUMBER:
		return "a number";
	case HCL_QUOTE:
		return "a string";
	case HCL_HEREDOC:
		return "a heredoc";
	default:
		return NULL;
	}
}

bool hcl_expect(struct hcl_reader *r, enum hcl_token_type type, const char *what)
{
	const struct hcl_token *t = hcl_peek(r);
	const char *found = describe(t);

	if (hcl_accept(r, type))
		return true;
	if (found)
		hcl_error(r, t->start, "expected %s, found %s", what, found);
	else
		hcl_error(r, t->start, "expected %s, found '%.*s'", what,
			  (int)(t->end - t->start), r->data + t->start);
	return false;
}

bool hcl_is_keyword(struct hcl_reader *r, const struct hcl_token *t, const char *word)
{
	size_t n = strlen(word);

	return t->type == HCL_IDENT && t->end - t->start == n &&
	       memcmp(r->data + t->start, word, n) == 0;
}

bool hcl_newlines(struct hcl_reader *r, bool significant)
{
	bool before = r->newlines;

	r->newlines = significant;
	return before;
}
