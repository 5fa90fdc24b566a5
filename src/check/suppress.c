/* Inline suppressions in YAML comments:
 *
 *   Name: my_exp  # ielint-disable-line IE205
 *   # ielint-disable-next-line pattern-mismatch, IE204
 *
 * A suppression names its rules (codes or names); one that matches nothing
 * is itself reported, so that stale ones are found and removed. */
#include "suppress.h"
#include "base/memory.h"

#include <stdlib.h>
#include <string.h>

#include "base/quote.h"

static const char directive[] = "ielint-disable-";

/* Where the directive first occurs in text[0..len), or NULL. */
static const char *find_directive(const char *text, size_t len)
{
	size_t n = sizeof directive - 1;

	for (size_t i = 0; i + n <= len; i++)
		if (text[i] == 'i' && memcmp(text + i, directive, n) == 0)
			return text + i;
	return NULL;
}

/* Whether a position lies inside a scalar of the tree: a '#' there is text,
 * not a comment. */
static bool inside_scalar(const struct node *node, int line, int column)
{
	const struct span *s = &node->span;

	if (line < s->line || line > s->end_line ||
	    (line == s->line && column < s->column) ||
	    (line == s->end_line && column >= s->end_column))
		return false;
	if (node->kind == NODE_SCALAR)
		return true;
	if (node->kind == NODE_MAPPING) {
		for (size_t i = 0; i < node->mapping.count; i++)
			if (inside_scalar(node->mapping.pairs[i].key, line, column) ||
			    inside_scalar(node->mapping.pairs[i].value, line, column))
				return true;
	} else {
		for (size_t i = 0; i < node->sequence.count; i++)
			if (inside_scalar(node->sequence.items[i], line, column))
				return true;
	}
	return false;
}

/* One rule named by one suppression comment. */
struct suppression {
	enum rule_id rule;
	int target_line; /* the line whose diagnostics it removes */
	struct span at;  /* the rule's name in the comment */
	bool used;
};

struct suppressions {
	struct suppression *items;
	size_t count, capacity;
	bool out_of_memory;
};

static void add(struct suppressions *list, struct suppression item)
{
	if (list->count == list->capacity) {
		size_t capacity = list->capacity ? list->capacity * 2 : 8;
		struct suppression *items = mem_realloc(list->items, capacity * sizeof *items);
		if (!items) {
			list->out_of_memory = true;
			return;
		}
		list->items = items;
		list->capacity = capacity;
	}
	list->items[list->count++] = item;
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-';
}

/* Reads the rule names after a directive, up to the end of the line. */
static void read_rules(const char *text, const char *end, struct position at,
		       int target_line, struct suppressions *list,
		       struct diag_list *diags)
{
	const char *p = text;
	bool named = false;

	while (p < end) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
			p++;
		const char *start = p;
		while (p < end && is_name_char(*p))
			p++;
		if (p == start)
			break;
		struct span span = { at.line, at.column + (int)(start - text),
				     at.line, at.column + (int)(p - text) };
		char *name = mem_strndup(start, (size_t)(p - start));
		enum rule_id id;
		named = true;
		if (name && rule_lookup(name, &id))
			add(list, (struct suppression){ id, target_line, span, false });
		else if (name)
			diag_add(diags, RULE_UNUSED_SUPPRESSION, span, "",
				 "the suppression names %s, which is no rule of ielint",
				 quote(name, strlen(name)).text);
		free(name);
	}
	if (!named)
		diag_add(diags, RULE_UNUSED_SUPPRESSION, (struct span){ at.line, at.column,
			 at.line, at.column }, "", "the suppression names no rule; give the "
			 "rules it is for, as in # ielint-disable-line IE205");
}

/* Finds the suppression comments of the source. */
static void find_suppressions(const struct source *src, const struct node *root,
			      struct suppressions *list, struct diag_list *diags)
{
	const char *data = src->data, *end = src->data + src->len;
	struct position line_start = SOURCE_START;

	for (const char *p = data; p < end;) {
		const char *line_end = memchr(p, '\n', (size_t)(end - p));
		if (!line_end)
			line_end = end;
		const char *hit = find_directive(p, (size_t)(line_end - p));
		const char *hash = hit;
		while (hash && hash > p && (hash[-1] == ' ' || hash[-1] == '\t'))
			hash--;
		if (hit && hash > p && hash[-1] == '#' &&
		    (hash - 1 == p || hash[-2] == ' ' || hash[-2] == '\t')) {
			struct position at = source_advance(src, line_start, (size_t)(hit - data));
			struct position mark = source_advance(src, line_start,
							       (size_t)(hash - 1 - data));
			const char *kind = hit + sizeof directive - 1;
			size_t rest = (size_t)(line_end - kind);
			if (!inside_scalar(root, mark.line, mark.column)) {
				if (rest >= 4 && memcmp(kind, "line", 4) == 0)
					read_rules(kind + 4, line_end, source_advance(src, at,
						   (size_t)(kind + 4 - data)), at.line, list, diags);
				else if (rest >= 9 && memcmp(kind, "next-line", 9) == 0)
					read_rules(kind + 9, line_end, source_advance(src, at,
						   (size_t)(kind + 9 - data)), at.line + 1, list, diags);
			}
		}
		p = line_end + 1;
		line_start = (struct position){ line_start.line + 1, 1, (size_t)(p - data) };
	}
}

void suppress_apply(const struct source *src, const struct node *root,
		    struct diag_list *diags)
{
	struct suppressions list = { 0 };
	size_t kept = 0, found_before;

	/* Only YAML has comments, and only a loaded tree tells comments from
	 * text; the cheap test spares every other file the line scan. */
	if (!root || !find_directive(src->data, src->len))
		return;
	found_before = diags->count;
	find_suppressions(src, root, &list, diags);
	for (size_t i = 0; i < found_before; i++) {
		struct diag *diag = &diags->items[i];
		bool suppressed = false;
		for (size_t j = 0; j < list.count; j++) {
			struct suppression *s = &list.items[j];
			if (s->rule == diag->rule && s->target_line == diag->span.line) {
				s->used = true;
				suppressed = true;
			}
		}
		if (suppressed) {
			diag_free(diag);
		} else {
			diags->items[kept++] = *diag;
		}
	}
	/* The suppressions' own diagnostics, found after the others, move up. */
	if (diags->count > found_before)
		memmove(diags->items + kept, diags->items + found_before,
			(diags->count - found_before) * sizeof *diags->items);
	diags->count = kept + (diags->count - found_before);
	for (size_t j = 0; j < list.count; j++) {
		const struct suppression *s = &list.items[j];
		if (!s->used)
			diag_add(diags, RULE_UNUSED_SUPPRESSION, s->at, "",
				 "the suppression of %s %s matches nothing on line %d; "
				 "remove it", rule_get(s->rule)->code, rule_get(s->rule)->name,
				 s->target_line);
	}
	if (list.out_of_memory)
		diags->out_of_memory = true;
	free(list.items);
}

/* The comments that suppress nothing. */
static const enum rule_id raised_rules[] = {
	RULE_UNUSED_SUPPRESSION,
};

bool suppress_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
