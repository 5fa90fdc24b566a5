#include "fix.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "load/scalar.h"

/* Whether the scalar is written as text ielint can replace byte for byte. */
static bool replaceable(const struct node *node)
{
	if (node->kind != NODE_SCALAR || !node->scalar.source || node->tagged || node->shared)
		return false;
	if (node->scalar.source_len == 0)
		return false;
	char first = node->scalar.source[0];
	return first != '|' && first != '>';
}

/* Whether YAML would read the text unquoted as this same string: nothing
 * that starts or ends a YAML token, and no other type (true, 12, a date). */
static bool plain_safe(const char *value, size_t len)
{
	if (len == 0 || !((value[0] >= 'A' && value[0] <= 'Z') ||
			  (value[0] >= 'a' && value[0] <= 'z') ||
			  (value[0] >= '0' && value[0] <= '9')))
		return false;
	for (size_t i = 0; i < len; i++)
		if (value[i] == '\0' ||
		    !strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			    "0123456789._/+=@-", value[i]))
			return false;
	return scalar_resolve_yaml(value, len) == SCALAR_STRING;
}

/* HCL's quoted strings are templates: a literal ${ or %{ is written
 * $${ or %%{. */
static void put_double_quoted_as(struct strbuf *out, const char *value, size_t len, bool hcl)
{
	strbuf_putc(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];
		if (hcl && (c == '$' || c == '%') && i + 1 < len && value[i + 1] == '{') {
			strbuf_putc(out, (char)c);
			strbuf_putc(out, (char)c);
		} else if (c == '"' || c == '\\') {
			strbuf_putc(out, '\\');
			strbuf_putc(out, (char)c);
		} else if (c < 0x20 || c == 0x7F) {
			char escape[8];
			snprintf(escape, sizeof escape, "\\u%04x", c);
			strbuf_puts(out, escape);
		} else {
			strbuf_putc(out, (char)c);
		}
	}
	strbuf_putc(out, '"');
}

static void put_double_quoted(struct strbuf *out, const char *value, size_t len)
{
	put_double_quoted_as(out, value, len, false);
}

/* Whether HCL reads the text unquoted as a name: an attribute's or an
 * object key's, written bare. */
static bool hcl_identifier(const char *text, size_t len)
{
	if (len == 0 || !(isalpha((unsigned char)text[0]) || text[0] == '_'))
		return false;
	for (size_t i = 1; i < len; i++)
		if (!(isalnum((unsigned char)text[i]) || text[i] == '_' || text[i] == '-'))
			return false;
	return true;
}

/* A string in HCL native syntax: a bare name stays bare (it is a key),
 * a quoted string stays quoted; a heredoc is not rewritten. */
static void put_hcl(struct strbuf *out, const struct node *node, const char *value, size_t len)
{
	const struct scalar *s = &node->scalar;

	if (hcl_identifier(s->source, s->source_len) && s->type == SCALAR_STRING &&
	    hcl_identifier(value, len))
		strbuf_add(out, value, len);
	else if (s->source[0] != '<')
		put_double_quoted_as(out, value, len, true);
}

static bool single_quotable(const char *value, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)value[i] < 0x20 || value[i] == 0x7F)
			return false;
	return true;
}

static void put_single_quoted(struct strbuf *out, const char *value, size_t len)
{
	strbuf_putc(out, '\'');
	for (size_t i = 0; i < len; i++) {
		if (value[i] == '\'')
			strbuf_putc(out, '\'');
		strbuf_putc(out, value[i]);
	}
	strbuf_putc(out, '\'');
}

static void attach(struct diag_list *diags, const struct node *node, struct strbuf *text)
{
	if (text->failed)
		diags->out_of_memory = true;
	else if (text->len > 0)
		diag_set_fix(diags, node, strbuf_text(text), text->len);
	strbuf_free(text);
}

void fix_string(struct diag_list *diags, const struct node *node, const char *value,
		size_t len)
{
	struct strbuf text;

	if (!replaceable(node))
		return;
	text = STRBUF_INIT;
	if (node->scalar.hcl)
		put_hcl(&text, node, value, len);
	else if (node->scalar.source[0] == '\'' && single_quotable(value, len))
		put_single_quoted(&text, value, len);
	else if (node->scalar.yaml_plain && plain_safe(value, len))
		strbuf_add(&text, value, len);
	else
		put_double_quoted(&text, value, len);
	attach(diags, node, &text);
}

void fix_quote(struct diag_list *diags, const struct node *node)
{
	struct strbuf text;

	if (!replaceable(node) || node->scalar.type == SCALAR_STRING)
		return;
	text = STRBUF_INIT;
	put_double_quoted(&text, node->scalar.text, node->scalar.len);
	attach(diags, node, &text);
}

void fix_plain(struct diag_list *diags, const struct node *node, const char *text,
	       size_t len)
{
	if (replaceable(node))
		diag_set_fix(diags, node, text, len);
}
