/* The tokens of JSON and HCL as the place of a point needs them
 * (assist_flow.c), and of YAML's flow collections: strings, words,
 * brackets and separators, with blanks, comments and HCL's heredocs
 * skipped. A string not closed ends at its
 * line, so that one being typed does not swallow the rest of the text. */
#ifndef IELINT_ASSIST_LEX_H
#define IELINT_ASSIST_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include "load/source.h"

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

struct lexer {
	const struct source *src;
	bool hcl;       /* HCL: ${...} in strings, heredocs */
	/* A YAML flow collection: plain scalars (arn:aws:..., a b), strings in
	 * single quotes; it ends before a line indented by at most
	 * yaml_indent. */
	bool yaml;
	size_t yaml_indent;
	size_t pos;
	bool in_comment; /* a comment skipped held the limit */
};

/* The next token from s->pos; in_comment is set when the blank before
 * it held the byte at limit. */
struct token lex_next(struct lexer *s, size_t limit);

#endif
