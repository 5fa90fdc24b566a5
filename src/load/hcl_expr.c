/* HCL's expressions: terms, their attribute and index accesses and
 * splats, operators by precedence, conditionals, for expressions,
 * tuples and objects. A literal becomes its value; anything Terraform
 * works out when it plans becomes an unknown node over its text. */
#include "hcl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static struct node *number(struct hcl_reader *r, struct position from,
			   const struct hcl_token *t)
{
	struct node *node = hcl_node(r, NODE_SCALAR, from, t->to);
	const char *text = r->data + from.offset;
	size_t len = t->end - from.offset;
	bool integer = !memchr(text, '.', len) && !memchr(text, 'e', len) &&
		       !memchr(text, 'E', len);

	if (!node)
		return NULL;
	node->scalar.text = text; /* the source stays as long as the tree */
	node->scalar.len = len;
	node->scalar.type = integer ? SCALAR_INT : SCALAR_FLOAT;
	if (integer) {
		errno = 0;
		node->scalar.int_value = strtoll(text, NULL, 10);
		node->scalar.int_overflow = errno == ERANGE;
	}
	return node;
}

static struct node *keyword(struct hcl_reader *r, const struct hcl_token *t)
{
	struct node *node;
	bool is_true = hcl_is_keyword(r, t, "true");

	if (!is_true && !hcl_is_keyword(r, t, "false") && !hcl_is_keyword(r, t, "null"))
		return NULL;
	node = hcl_node(r, NODE_SCALAR, t->from, t->to);
	if (!node)
		return NULL;
	node->scalar.text = r->data + t->start;
	node->scalar.len = t->end - t->start;
	node->scalar.type = hcl_is_keyword(r, t, "null") ? SCALAR_NULL : SCALAR_BOOL;
	node->scalar.bool_value = is_true;
	return node;
}

/* Items separated by commas up to `close`, each read by `item`; the
 * last may be followed by `...` when `expand`. Newlines are blank here. */
static bool arguments(struct hcl_reader *r, enum hcl_token_type close, bool expand)
{
	bool saved = hcl_newlines(r, false);

	while (!r->failed && !hcl_accept(r, close)) {
		if (!hcl_expression(r))
			break;
		if (expand && hcl_accept(r, HCL_ELLIPSIS)) {
			hcl_expect(r, close, "the ) after the argument expanded with ...");
			break;
		}
		if (!hcl_accept(r, HCL_COMMA) && hcl_peek(r)->type != close)
			hcl_expect(r, close, close == HCL_RPAREN ? "a , or )" : "a , or ]");
	}
	hcl_newlines(r, saved);
	return !r->failed;
}

/* for NAME[, NAME] in EXPR : EXPR [=> EXPR [...]] [if EXPR], then the
 * closing bracket; `open` was [ or {. */
static struct node *for_expression(struct hcl_reader *r, const struct hcl_token *open)
{
	bool object = open->type == HCL_LBRACE;
	bool saved = hcl_newlines(r, false);
	enum hcl_token_type close = object ? HCL_RBRACE : HCL_RBRACKET;

	hcl_take(r); /* for */
	if (hcl_expect(r, HCL_IDENT, "the name of a for expression's variable") &&
	    (!hcl_accept(r, HCL_COMMA) || hcl_expect(r, HCL_IDENT, "a second name")) &&
	    (hcl_is_keyword(r, hcl_peek(r), "in") ? (hcl_take(r), true)
						   : hcl_expect(r, HCL_ERROR, "the word in")) &&
	    hcl_expression(r) && hcl_expect(r, HCL_COLON, "the : of the for expression") &&
	    hcl_expression(r) &&
	    (!object || (hcl_expect(r, HCL_ARROW, "the => of an object's for expression") &&
			 hcl_expression(r) && (hcl_accept(r, HCL_ELLIPSIS) || true))) &&
	    (!hcl_is_keyword(r, hcl_peek(r), "if") || (hcl_take(r), hcl_expression(r))))
		hcl_expect(r, close, object ? "the } ending the for expression"
					   : "the ] ending the for expression");
	hcl_newlines(r, saved);
	return r->failed ? NULL : hcl_unknown(r, open->from, r->taken);
}

static struct node *tuple(struct hcl_reader *r, const struct hcl_token *open)
{
	struct hcl_list items = { 0 };
	bool saved = hcl_newlines(r, false);

	if (hcl_is_keyword(r, hcl_peek(r), "for")) {
		hcl_newlines(r, saved);
		return for_expression(r, open);
	}
	while (!r->failed && hcl_peek(r)->type != HCL_RBRACKET) {
		if (!hcl_list_add(r, &items, hcl_expression(r)))
			break;
		if (!hcl_accept(r, HCL_COMMA) && hcl_peek(r)->type != HCL_RBRACKET)
			hcl_expect(r, HCL_RBRACKET, "a , or ]");
	}
	struct hcl_token close = *hcl_peek(r);
	hcl_expect(r, HCL_RBRACKET, "a ]");
	hcl_newlines(r, saved);
	struct node *node = hcl_node(r, NODE_SEQUENCE, open->from, close.to);
	return hcl_list_finish(r, &items, node) ? node : NULL;
}

/* An object's key: a bare name is its own text (Terraform takes it so);
 * a number or keyword is the string it is written as; any other
 * expression is worked out by Terraform. */
static struct node *object_key(struct hcl_reader *r)
{
	struct node *key = hcl_expression(r);
	const char *text;
	size_t len;

	if (!key || (key->kind == NODE_SCALAR && key->scalar.type == SCALAR_STRING))
		return key;
	text = key->scalar.source;
	len = key->scalar.source_len;
	if (key->kind == NODE_UNKNOWN) {
		for (size_t i = 0; i < len; i++)
			if (strchr(".[(:*\"<{ \t\r\n#/", text[i]))
				return key;
	} else if (key->kind != NODE_SCALAR || key->scalar.type == SCALAR_NULL) {
		return key;
	}
	memset(&key->scalar, 0, sizeof key->scalar);
	key->kind = NODE_SCALAR;
	key->scalar = (struct scalar){ .type = SCALAR_STRING, .text = text, .len = len,
				       .source = text, .source_len = len, .hcl = true };
	return key;
}

static struct node *object(struct hcl_reader *r, const struct hcl_token *open)
{
	struct hcl_list items = { 0 };
	bool saved = hcl_newlines(r, true);

	while (hcl_accept(r, HCL_NEWLINE))
		;
	if (hcl_is_keyword(r, hcl_peek(r), "for")) {
		hcl_newlines(r, saved);
		return for_expression(r, open);
	}
	while (!r->failed && hcl_peek(r)->type != HCL_RBRACE) {
		if (!hcl_list_add(r, &items, object_key(r)))
			break;
		if (!hcl_accept(r, HCL_ASSIGN) && !hcl_expect(r, HCL_COLON, "an = or : after the key"))
			break;
		if (!hcl_list_add(r, &items, hcl_expression(r)))
			break;
		if (!hcl_accept(r, HCL_COMMA) && !hcl_accept(r, HCL_NEWLINE) &&
		    hcl_peek(r)->type != HCL_RBRACE)
			hcl_expect(r, HCL_RBRACE, "a newline, a , or } after the object's item");
		while (hcl_accept(r, HCL_NEWLINE))
			;
	}
	struct hcl_token close = *hcl_peek(r);
	hcl_expect(r, HCL_RBRACE, "a }");
	hcl_newlines(r, saved);
	struct node *node = hcl_node(r, NODE_MAPPING, open->from, close.to);
	return hcl_list_finish(r, &items, node) ? node : NULL;
}

/* A name: a keyword literal, a function call, or a variable. */
static struct node *name_term(struct hcl_reader *r, const struct hcl_token *t)
{
	enum hcl_token_type next = hcl_peek(r)->type;
	bool namespaced = false;

	if (next != HCL_LPAREN && next != HCL_DOUBLE_COLON) {
		struct node *literal = keyword(r, t);
		if (literal || r->failed)
			return literal;
		return hcl_unknown(r, t->from, t->to);
	}
	while (hcl_accept(r, HCL_DOUBLE_COLON)) {
		namespaced = true;
		if (!hcl_expect(r, HCL_IDENT, "a function name after ::"))
			return NULL;
	}
	if (hcl_accept(r, HCL_LPAREN))
		arguments(r, HCL_RPAREN, true);
	else if (namespaced)
		hcl_expect(r, HCL_LPAREN, "the ( of a function call");
	return r->failed ? NULL : hcl_unknown(r, t->from, r->taken);
}

static struct node *term(struct hcl_reader *r)
{
	struct hcl_token t = hcl_take(r);
	struct node *node = NULL;

	switch (t.type) {
	case HCL_NUMBER:
		return number(r, t.from, &t);
	case HCL_IDENT:
		return name_term(r, &t);
	case HCL_QUOTE:
		return hcl_quoted_template(r, &t);
	case HCL_HEREDOC:
		return hcl_heredoc(r, &t);
	case HCL_LBRACKET:
		return tuple(r, &t);
	case HCL_LBRACE:
		return object(r, &t);
	case HCL_LPAREN: {
		bool saved = hcl_newlines(r, false);
		node = hcl_expression(r);
		if (node)
			hcl_expect(r, HCL_RPAREN, "a )");
		hcl_newlines(r, saved);
		return r->failed ? NULL : hcl_unknown(r, t.from, r->taken);
	}
	case HCL_ERROR:
		return NULL;
	default:
		break;
	}
	const char *what = t.type == HCL_EOF ? "the end of the file"
			   : t.type == HCL_NEWLINE ? "the end of the line" : NULL;
	if (what)
		hcl_error(r, t.start, "expected an expression, found %s", what);
	else
		hcl_error(r, t.start, "expected an expression, found '%.*s'",
			  (int)(t.end - t.start), r->data + t.start);
	return NULL;
}

/* .name, .0, .*, [index], [*] after a term: any makes the whole an
 * expression Terraform works out. */
static struct node *accesses(struct hcl_reader *r, struct node *node)
{
	struct position start = node ? hcl_node_from(r, node) : r->taken;
	bool accessed = false;

	bool attribute_splat = false;

	while (node && !r->failed) {
		if (hcl_accept(r, HCL_DOT)) {
			struct hcl_token t = *hcl_peek(r);
			if (t.type == HCL_STAR && attribute_splat) {
				hcl_error(r, t.start, "a .* splat holds no other splat");
			} else if (t.type != HCL_IDENT && t.type != HCL_NUMBER && t.type != HCL_STAR) {
				hcl_expect(r, HCL_IDENT, "an attribute name, an index or * after .");
			} else if (t.type == HCL_NUMBER && memchr(r->data + t.start, '.',
								     t.end - t.start)) {
				/* a.0.1 reads as the number 0.1: write a[0][1]. */
				hcl_error(r, t.start, "an index after . is a whole number; two in a row "
					  "are written [0][1]");
			} else {
				hcl_take(r);
				attribute_splat = attribute_splat || t.type == HCL_STAR;
			}
			accessed = true;
			continue;
		}
		attribute_splat = false;
		if (hcl_accept(r, HCL_LBRACKET)) {
			bool saved = hcl_newlines(r, false);
			if (!hcl_accept(r, HCL_STAR))
				hcl_expression(r);
			hcl_expect(r, HCL_RBRACKET, "the ] of the index");
			hcl_newlines(r, saved);
		} else {
			break;
		}
		accessed = true;
	}
	if (!node || r->failed)
		return NULL;
	return accessed ? hcl_unknown(r, start, r->taken) : node;
}

static struct node *unary(struct hcl_reader *r)
{
	struct hcl_token t = *hcl_peek(r);
	struct node *operand;

	if (t.type != HCL_MINUS && t.type != HCL_BANG)
		return accesses(r, term(r));
	hcl_take(r);
	if (!hcl_enter(r, t.start))
		return NULL;
	/* -5 is a number: Terraform knows it as well as 5. */
	if (t.type == HCL_MINUS && hcl_peek(r)->type == HCL_NUMBER &&
	    hcl_peek(r)->start == t.end) {
		struct hcl_token digits = hcl_take(r);
		operand = accesses(r, number(r, t.from, &digits));
	} else {
		operand = unary(r);
		operand = operand ? hcl_unknown(r, t.from, hcl_node_to(r, operand)) : NULL;
	}
	hcl_leave(r);
	return operand;
}

/* Binary operators, loosest first: ||, &&, == !=, < <= > >=, + -, * / %. */
static int precedence(enum hcl_token_type type)
{
	switch (type) {
	case HCL_OR:
		return 1;
	case HCL_AND:
		return 2;
	case HCL_EQUAL: case HCL_NOT_EQUAL:
		return 3;
	case HCL_LESS: case HCL_LESS_EQUAL: case HCL_GREATER: case HCL_GREATER_EQUAL:
		return 4;
	case HCL_PLUS: case HCL_MINUS:
		return 5;
	case HCL_STAR: case HCL_SLASH: case HCL_PERCENT:
		return 6;
	default:
		return 0;
	}
}

static struct node *binary(struct hcl_reader *r, int level)
{
	struct node *left = level > 6 ? unary(r) : binary(r, level + 1);

	while (left && precedence(hcl_peek(r)->type) == level) {
		struct position start = hcl_node_from(r, left);
		hcl_take(r);
		struct node *right = binary(r, level + 1);
		left = right ? hcl_unknown(r, start, hcl_node_to(r, right)) : NULL;
	}
	return left;
}

struct node *hcl_expression(struct hcl_reader *r)
{
	struct node *node;

	if (!hcl_enter(r, hcl_peek(r)->start))
		return NULL;
	node = binary(r, 1);
	if (node && hcl_accept(r, HCL_QUESTION)) {
		struct position start = hcl_node_from(r, node);
		node = hcl_expression(r);
		if (node && hcl_expect(r, HCL_COLON, "the : of the conditional"))
			node = hcl_expression(r);
		node = node ? hcl_unknown(r, start, hcl_node_to(r, node)) : NULL;
	}
	hcl_leave(r);
	return r->failed ? NULL : node;
}
