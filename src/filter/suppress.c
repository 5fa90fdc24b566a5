/* Inline suppressions in YAML comments:
 *
 *   Name: my_exp  # ielint-disable-line IE205
 *   # ielint-disable-next-line pattern-mismatch, IE204
 *
 * A suppression names its rules (codes or names); one that matches nothing
 * is itself reported, so that stale ones are found and removed. */
#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#include "base/memory.h"
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
		       int target_line, struct suppressions *list)
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
		struct suppression item = {
			.target_line = target_line,
			.at = { at.line, at.column + (int)(start - text),
				at.line, at.column + (int)(p - text) },
			.name = start,
			.name_len = (size_t)(p - start),
		};
		char *name = mem_strndup(start, item.name_len);
		if (!name) {
			list->out_of_memory = true;
			return;
		}
		item.known = rule_lookup(name, &item.rule);
		free(name);
		add(list, item);
		named = true;
	}
	if (!named)
		add(list, (struct suppression){ .target_line = target_line,
			.at = { at.line, at.column, at.line, at.column } });
}

void suppressions_find(struct suppressions *list, const struct source *src,
		       const struct node *root)
{
	const char *data = src->data, *end = src->data + src->len;
	struct position line_start = SOURCE_START;

	memset(list, 0, sizeof *list);
	/* Only YAML has comments, and only a loaded tree tells comments from
	 * text; the cheap test spares every other file the line scan. */
	if (!root || !find_directive(src->data, src->len))
		return;

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
						   (size_t)(kind + 4 - data)), at.line, list);
				else if (rest >= 9 && memcmp(kind, "next-line", 9) == 0)
					read_rules(kind + 9, line_end, source_advance(src, at,
						   (size_t)(kind + 9 - data)), at.line + 1, list);
			}
		}
		p = line_end + 1;
		line_start = (struct position){ line_start.line + 1, 1, (size_t)(p - data) };
	}
}

/* The first suppression whose target is line or after: they come in the
 * order of their lines, and each line's directive targets that line or
 * the next, so their targets never decrease. */
static size_t first_for_line(const struct suppressions *list, int line)
{
	size_t low = 0, high = list->count;

	while (low < high) {
		size_t middle = low + (high - low) / 2;
		if (list->items[middle].target_line < line)
			low = middle + 1;
		else
			high = middle;
	}
	return low;
}

bool suppressions_match(struct suppressions *list, enum rule_id rule, int line, bool mark)
{
	bool matched = false;

	for (size_t i = first_for_line(list, line);
	     i < list->count && list->items[i].target_line == line; i++) {
		struct suppression *s = &list->items[i];
		if (s->known && s->rule == rule) {
			matched = true;
			s->used |= mark;
		}
	}
	return matched;
}

void suppressions_hide(struct suppressions *list, struct diag_list *diags)
{
	/* One of a rule turned off is hidden already, and still uses it. */
	for (size_t i = 0; i < diags->count; i++)
		if (suppressions_match(list, diags->items[i].rule, diags->items[i].span.line, true) &&
		    !diags->items[i].hidden)
			diag_list_hide(diags, i);
}

/* Says what is wrong with one suppression, if anything. */
static void report_one(const struct suppression *s, struct diag_list *diags)
{
	if (s->name_len == 0)
		diag_add(diags, RULE_UNUSED_SUPPRESSION, s->at, "",
			 "the suppression names no rule; give the rules it is for, as in "
			 "# ielint-disable-line IE205");
	else if (!s->known)
		diag_add(diags, RULE_UNUSED_SUPPRESSION, s->at, "",
			 "the suppression names %s, which is no rule of ielint",
			 quote(s->name, s->name_len).text);
	else if (!s->used)
		diag_add(diags, RULE_UNUSED_SUPPRESSION, s->at, "",
			 "the suppression of %s %s matches nothing on line %d; remove it",
			 rule_get(s->rule)->code, rule_get(s->rule)->name, s->target_line);
}

void suppressions_report(const struct suppressions *list, struct diag_list *diags)
{
	for (size_t i = 0; i < list->count; i++)
		report_one(&list->items[i], diags);
	if (list->out_of_memory)
		diags->out_of_memory = true;
}

void suppressions_free(struct suppressions *list)
{
	free(list->items);
	memset(list, 0, sizeof *list);
}

/* The comments that suppress nothing. */
static const enum rule_id raised_rules[] = {
	RULE_UNUSED_SUPPRESSION,
};

bool suppress_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
