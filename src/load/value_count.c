#include "value_count.h"

#include <string.h>

struct counter {
	const char *data;
	size_t len;
	size_t at;
	bool json;
	bool token_start; /* a value may begin here */
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_flow_indicator(char c)
{
	return c == '[' || c == '{' || c == ',' || c == ']' || c == '}' || c == ':';
}

/* Moves past a quoted scalar that starts at c->at: "..." with backslash
 * escapes, or (YAML) '...' with '' for a quote. */
static void skip_quoted(struct counter *c)
{
	char quote = c->data[c->at++];

	while (c->at < c->len) {
		char ch = c->data[c->at++];
		if (quote == '"' && ch == '\\')
			c->at++;
		else if (ch == quote && !(quote == '\'' && c->at < c->len && c->data[c->at] == '\''))
			return;
		else if (ch == quote)
			c->at++;
	}
}

static void skip_comment(struct counter *c)
{
	const char *end = memchr(c->data + c->at, '\n', c->len - c->at);

	c->at = end ? (size_t)(end - c->data) : c->len;
}

/* Whether the character at c->at begins a value, and moves past it (and,
 * for a quoted scalar, past the whole scalar). */
static bool step(struct counter *c)
{
	char ch = c->data[c->at];
	bool was_start = c->token_start;

	if (is_blank(ch)) {
		c->at++;
		/* In YAML a plain scalar goes on past a space; only JSON, whose
		 * scalars hold no space, may start a value after one. */
		c->token_start = c->json ? was_start : true;
		return false;
	}
	if (is_flow_indicator(ch)) {
		c->at++;
		c->token_start = true;
		return ch == '[' || ch == '{' || (!c->json && ch == ',');
	}
	if ((ch == '"' || (ch == '\'' && !c->json)) && was_start) {
		skip_quoted(c);
		c->token_start = false;
		return c->json;
	}
	if (ch == '#' && was_start && !c->json) {
		skip_comment(c);
		return false;
	}
	c->at++;
	c->token_start = false;
	return c->json && was_start;
}

size_t value_count_cut(const char *data, size_t len, bool json, size_t limit)
{
	struct counter c = { data, len, 0, json, true };
	size_t count = 0;

	/* Each value takes at least a byte: a short document needs no count. */
	if (len <= limit)
		return len;
	while (c.at < len) {
		size_t start = c.at;
		if (step(&c) && ++count > limit)
			return start;
	}
	return len;
}
