/* The reader of HCL native syntax (Terraform's *.tf), written from the
 * language's public specification: a lexer (hcl_lex.c), the expressions
 * (hcl_expr.c), string templates and heredocs (hcl_template.c), the
 * bodies and the nodes they make (hcl_tree.c) and the attributes a body
 * has set (hcl_names.c).
 *
 * The tree it builds is the one JSON and YAML give:
 * - a body is a mapping; an attribute `name = expr` is a member;
 * - a block `type "label1" label2 { body }` is a member keyed by its type
 *   whose value nests one single-member mapping per label, ending at the
 *   body's mapping: resource → awscc_x → name → body. That is the shape
 *   Terraform's JSON syntax (*.tf.json) gives the same block, so one walk
 *   reads both. Each block is its own member, in source order: repeated
 *   blocks (two `resource` blocks, two `lifecycle` blocks) all stay, and a
 *   walker reads every pair of the body rather than node_member()'s last;
 * - a literal (a string without interpolation, a heredoc without it, a
 *   number, `-` before a number, true, false, null) is a scalar, a tuple a
 *   sequence and an object a mapping (of its items, whatever they are);
 * - any other expression (a reference, a call, an operation, a
 *   conditional, a for expression, a splat, a template that interpolates)
 *   is a NODE_UNKNOWN node spanning it: its value is known only when
 *   Terraform plans. Its scalar.source holds the expression as written.
 * Only the first syntax error is reported (IE101), where it is; nothing is
 * built then. Nesting, the count of nodes and the work are bounded as for
 * JSON and YAML (load.h's limits). */
#ifndef IELINT_HCL_H
#define IELINT_HCL_H

#include <stdbool.h>
#include <stddef.h>

#include "loader.h"

enum hcl_token_type {
	HCL_EOF,
	HCL_NEWLINE,
	HCL_IDENT,
	HCL_NUMBER,
	HCL_QUOTE,   /* the opening quote of a string template */
	HCL_HEREDOC, /* <<EOT or <<-EOT and the newline after it */
	HCL_LBRACE,
	HCL_RBRACE,
	HCL_LBRACKET,
	HCL_RBRACKET,
	HCL_LPAREN,
	HCL_RPAREN,
	HCL_COMMA,
	HCL_DOT,
	HCL_ELLIPSIS,
	HCL_ASSIGN,   /* = */
	HCL_COLON,
	HCL_DOUBLE_COLON, /* provider::name::function */
	HCL_QUESTION,
	HCL_ARROW,    /* => */
	HCL_PLUS,
	HCL_MINUS,
	HCL_STAR,
	HCL_SLASH,
	HCL_PERCENT,
	HCL_EQUAL,    /* == */
	HCL_NOT_EQUAL,
	HCL_LESS,
	HCL_LESS_EQUAL,
	HCL_GREATER,
	HCL_GREATER_EQUAL,
	HCL_AND,
	HCL_OR,
	HCL_BANG,
	HCL_TILDE,    /* a strip marker, ~} */
	HCL_ERROR,    /* the lexer reported an error */
};

struct hcl_token {
	enum hcl_token_type type;
	size_t start, end; /* byte offsets */
	struct position from, to;
};

/* The reader's state: the text, where the lexer is, the one token looked
 * ahead, and whether newlines end things where it reads now (in a body or
 * an object) or are blank space (in brackets, parentheses, ${ }). */
struct hcl_reader {
	struct loader *ld;
	const char *data;
	size_t len;
	size_t offset;          /* where the lexer reads next */
	struct position taken;  /* the end of the last token taken */
	struct position cursor; /* a position at or before every one asked */
	struct hcl_token ahead;
	bool have_ahead;
	bool newlines;
	int depth;
	bool failed; /* an error was reported: stop */
};

/* ---- hcl_lex.c ----------------------------------------------------------- */

/* The position of a byte offset no earlier than any asked before. */
struct position hcl_at(struct hcl_reader *r, size_t offset);

/* The next token, not taken; newlines are skipped where they are blank. */
const struct hcl_token *hcl_peek(struct hcl_reader *r);
struct hcl_token hcl_take(struct hcl_reader *r);
bool hcl_accept(struct hcl_reader *r, enum hcl_token_type type);
/* Takes a token of the type, or reports what stands there instead. */
bool hcl_expect(struct hcl_reader *r, enum hcl_token_type type, const char *what);
bool hcl_is_keyword(struct hcl_reader *r, const struct hcl_token *token, const char *word);

/* Reports a syntax error (only the first) and stops reading. */
__attribute__((format(printf, 3, 4)))
void hcl_error(struct hcl_reader *r, size_t offset, const char *format, ...);

/* Sets whether newlines end things; returns the former setting. The
 * token looked ahead must have been taken. */
bool hcl_newlines(struct hcl_reader *r, bool significant);

/* ---- hcl_template.c ------------------------------------------------------ */

/* The rest of a quoted template, after its opening quote at `start`. */
struct node *hcl_quoted_template(struct hcl_reader *r, const struct hcl_token *quote);
/* The rest of a heredoc, after its opening token. */
struct node *hcl_heredoc(struct hcl_reader *r, const struct hcl_token *open);

/* ---- hcl_expr.c ---------------------------------------------------------- */

struct node *hcl_expression(struct hcl_reader *r);

/* ---- hcl_tree.c ---------------------------------------------------------- */

/* Nodes of the document, counted against LOAD_MAX_NODES; NULL (having
 * said why) when the bound is passed or memory runs out. */
struct node *hcl_node(struct hcl_reader *r, enum node_kind kind, struct position from,
		      struct position to);
struct node *hcl_string(struct hcl_reader *r, struct position from, struct position to,
			const char *text, size_t len);
/* The same, with a text of len bytes already in the document's arena,
 * with room for a NUL after it. */
struct node *hcl_string_kept(struct hcl_reader *r, struct position from, struct position to,
			     char *text, size_t len);
/* An expression whose value is known only when Terraform plans. */
struct node *hcl_unknown(struct hcl_reader *r, struct position from, struct position to);

/* Where a node of the reader's starts and ends: every node keeps its
 * text in scalar.source, which a mapping's or sequence's members do not
 * share memory with (hcl_tree.c asserts it). */
static inline struct position hcl_node_from(const struct hcl_reader *r, const struct node *n)
{
	return (struct position){ n->span.line, n->span.column,
				  (size_t)(n->scalar.source - r->data) };
}

static inline struct position hcl_node_to(const struct hcl_reader *r, const struct node *n)
{
	return (struct position){ n->span.end_line, n->span.end_column,
				  (size_t)(n->scalar.source - r->data) + n->scalar.source_len };
}

/* A growing list of children, copied into the arena once complete. */
struct hcl_list {
	struct node **items;
	size_t count, capacity;
};
bool hcl_list_add(struct hcl_reader *r, struct hcl_list *list, struct node *node);
/* Makes `node` a sequence (or a mapping of pairs of items) of the list's
 * items, and frees the list. */
bool hcl_list_finish(struct hcl_reader *r, struct hcl_list *list, struct node *node);

/* hcl_names.c: the names of a body's attributes so far. */
struct hcl_names {
	const struct node **slots;
	size_t capacity, count;
};
/* Adds an attribute's name; false, having said why, when memory runs out
 * or the body sets it already. The caller frees names->slots. */
bool hcl_names_add(struct hcl_reader *r, struct hcl_names *names, const struct node *key);

/* Counts a level of nesting; false, having said so, past LOAD_MAX_DEPTH. */
bool hcl_enter(struct hcl_reader *r, size_t offset);
void hcl_leave(struct hcl_reader *r);

/* Reads the whole source as an HCL body into ld->doc->root. */
void loader_parse_hcl(struct loader *ld);

#endif
