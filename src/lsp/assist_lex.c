/* JSON's and HCL's tokens, tolerant of a text being typed. */
#include "assist_lex.h"

#include <string.h>

static bool word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.' || c >= 0x80;
}

static bool line_break(char c)
{
	return c == '\n' || c == '\r';
}

/* After the string that opens at i: its closing quote, or its line's end
 * (never the break itself, nor a break a backslash escapes: a string is
 * on one line). HCL's ${...} may hold strings of its own, a few deep. */
static size_t skip_string(const struct lexer *s, size_t i, int nesting)
{
	const char *d = s->src->data;
	size_t len = s->src->len;

	for (i++; i < len && d[i] != '"' && !line_break(d[i]); i++) {
		if (d[i] == '\\') {
			if (i + 1 < len && !line_break(d[i + 1]))
				i++;
			continue;
		}
		if (!s->hcl || nesting > 8 || (d[i] != '$' && d[i] != '%') || i + 1 >= len ||
		    d[i + 1] != '{')
			continue;
		for (int braces = 0; ++i < len && !line_break(d[i]);) {
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
static size_t skip_heredoc(const struct lexer *s, size_t i)
{
	const char *d = s->src->data;
	size_t len = s->src->len, name = i + 2 + (i + 2 < len && d[i + 2] == '-'), end = name;

	while (end < len && word_char((unsigned char)d[end]))
		end++;
	size_t body = end + (end + 1 < len && d[end] == '\r' && d[end + 1] == '\n');

	if (end == name || body >= len || d[body] != '\n')
		return i + 2;
	for (size_t at = body + 1; at < len;) {
		size_t stop;
		while (at < len && (d[at] == ' ' || d[at] == '\t'))
			at++;
		stop = at;
		while (stop < len && d[stop] != '\n')
			stop++;
		if (stop - at >= end - name && memcmp(d + at, d + name, end - name) == 0 &&
		    (stop - at == end - name || d[at + end - name] == '\r'))
			return stop;
		at = stop + 1;
	}
	return len;
}

/* Skips blanks and comments, noting whether the limit fell in a comment. */
static void skip_blank(struct lexer *s, size_t limit)
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

/* After YAML's string in single quotes that opens at i ('' is a quote). */
static size_t skip_single_quoted(const struct lexer *s, size_t i)
{
	const char *d = s->src->data;
	size_t len = s->src->len;

	for (i++; i < len && !line_break(d[i]); i++) {
		if (d[i] != '\'')
			continue;
		if (i + 1 < len && d[i + 1] == '\'')
			i++;
		else
			return i + 1;
	}
	return i;
}

static bool yaml_flow_mark(char c)
{
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

/* After YAML's plain scalar that starts at i: it runs to a flow mark, a
 * line's end, ": " or " #", its trailing blanks left out. */
static size_t skip_plain(const struct lexer *s, size_t i)
{
	const char *d = s->src->data;
	size_t len = s->src->len, end = i;

	for (; i < len && !yaml_flow_mark(d[i]) && !line_break(d[i]); i++) {
		if (d[i] == ':' && (i + 1 == len || strchr(" \t\r\n,[]{}", d[i + 1])))
			break;
		if (d[i] == '#' && (d[i - 1] == ' ' || d[i - 1] == '\t'))
			break;
		if (d[i] != ' ' && d[i] != '\t')
			end = i + 1;
	}
	return end;
}

/* Whether the line after the break at i is indented by at most the YAML
 * limit, and holds something: the flow collection has ended before it. */
static bool yaml_dedent_after(const struct lexer *s, size_t i)
{
	const char *d = s->src->data;
	size_t len = s->src->len, at = i + 1, spaces;

	while (at < len && d[at] == ' ')
		at++;
	spaces = at - (i + 1);
	return at < len && !line_break(d[at]) && spaces <= s->yaml_indent;
}

struct token lex_next(struct lexer *s, size_t limit)
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
	if (s->yaml && c == '\n' && yaml_dedent_after(s, s->pos)) {
		t.type = T_END;
		t.end = s->pos;
		return t;
	}
	if (s->yaml && c == '\'') {
		t.type = T_STRING;
		next = skip_single_quoted(s, s->pos);
	} else if (s->yaml && !strchr("\"#,[]{}:\n", c)) {
		t.type = T_WORD;
		next = skip_plain(s, s->pos);
	} else if (s->yaml && c == ':' && next < s->src->len && !strchr(" \t\r\n,[]{}", d[next])) {
		t.type = T_WORD; /* :x begins a plain scalar */
		next = skip_plain(s, s->pos + 1);
	} else if (c == '"') {
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
