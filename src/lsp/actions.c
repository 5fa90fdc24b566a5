/* Code actions: a diagnostic's fix as a quick fix, and in YAML, where
 * comments can say so, turning its rule off on its line. Both are made
 * from the document's text as it is now, which its last lint is of. */
#include "server.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "position.h"
#include "base/format.h"
#include "base/memory.h"
#include "load/load.h"

/* Each disable action is tried on a copy before it is offered (a comment
 * put inside a block scalar would be text, and hide nothing): bounded,
 * since each try is a lint. */
enum { MAX_DISABLE_TRIES = 16 };

#define DISABLE_LINE "ielint-disable-line"

struct action_context {
	struct server *server;
	struct lsp_document *doc;
	struct line_index index;
	const cJSON *context_diagnostics;
	cJSON *result;
	int tries;
	/* The rule and line of each disable action tried: two diagnostics of
	 * one rule on one line get one. */
	struct {
		enum rule_id rule;
		int line;
	} tried[MAX_DISABLE_TRIES];
};

/* {"changes": {uri: [{"range": ..., "newText": ...}]}} */
static cJSON *workspace_edit(const struct action_context *c, size_t from, size_t to,
			     const char *text)
{
	cJSON *edit = cJSON_CreateObject();
	cJSON *changes = cJSON_AddObjectToObject(edit, "changes");
	cJSON *list = cJSON_AddArrayToObject(changes, c->doc->uri);
	cJSON *item = cJSON_CreateObject();

	/* Each part attached as it is made: freeing edit frees them all. */
	if (!json_push(list, item) ||
	    !json_put(item, "range", position_range(&c->index, from, to)) ||
	    !cJSON_AddStringToObject(item, "newText", text)) {
		cJSON_Delete(edit);
		return NULL;
	}
	return edit;
}

/* The request's own Diagnostic for d, when the editor sent it. */
static cJSON *diagnostics_for(const struct action_context *c, const struct diag *d)
{
	const cJSON *item;
	cJSON *list = cJSON_CreateArray();

	cJSON_ArrayForEach(item, c->context_diagnostics) {
		if (publish_match(c->doc, item) == d) {
			json_push(list, cJSON_Duplicate(item, true));
			break;
		}
	}
	return list;
}

static void add_action(struct action_context *c, const struct diag *d, char *title,
		       cJSON *edit, bool preferred)
{
	cJSON *action = cJSON_CreateObject();

	/* edit first: from then on the action owns it. */
	if (json_put(action, "edit", edit) && title &&
	    cJSON_AddStringToObject(action, "title", title) &&
	    cJSON_AddStringToObject(action, "kind", "quickfix") &&
	    json_put(action, "diagnostics", diagnostics_for(c, d)) &&
	    cJSON_AddBoolToObject(action, "isPreferred", preferred))
		json_push(c->result, action);
	else
		cJSON_Delete(action);
	free(title);
}

static void add_fix(struct action_context *c, const struct diag *d)
{
	const struct rule *rule = rule_get(d->rule);
	size_t at = (size_t)(d->fix->at - c->doc->text);

	if (d->fix->at < c->doc->text || at > c->doc->len || d->fix->length > c->doc->len - at)
		return;
	add_action(c, d, format_alloc("Fix %s (%s)", rule->code, rule->name),
		   workspace_edit(c, at, at + d->fix->length, d->fix->text), true);
}

static bool is_name_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '-';
}

/* An ielint-disable-line directive in a comment of the line, or NULL. */
static const char *find_directive(const char *line, size_t n)
{
	size_t directive = strlen(DISABLE_LINE);

	for (size_t i = 0; i + directive <= n; i++) {
		size_t j = i;
		if (memcmp(line + i, DISABLE_LINE, directive) != 0)
			continue;
		while (j > 0 && (line[j - 1] == ' ' || line[j - 1] == '\t'))
			j--;
		if (j > 0 && line[j - 1] == '#')
			return line + i;
	}
	return NULL;
}

/* Where the rule's code goes on the line [start, end): after the names of
 * an ielint-disable-line comment there, or at the line's end in a new
 * one. *text is what to insert (the caller frees). */
static size_t disable_edit(const struct action_context *c, size_t start, size_t end,
			   const char *code, char **text)
{
	const char *line = c->doc->text + start, *stop = c->doc->text + end;
	const char *hit = find_directive(line, end - start), *p, *last = NULL;

	if (!hit) {
		*text = format_alloc("  # " DISABLE_LINE " %s", code);
		return end;
	}
	for (p = hit + strlen(DISABLE_LINE);
	     p < stop && (*p == ' ' || *p == '\t' || *p == ',' || is_name_char(*p)); p++)
		if (is_name_char(*p))
			last = p + 1;
	*text = format_alloc(last ? ",%s" : " %s", code);
	return (size_t)((last ? last : hit + strlen(DISABLE_LINE)) - c->doc->text);
}

/* Whether inserting text at `at` hides d's rule on its line, and adds no
 * diagnostic of its own. */
static bool disable_works(struct action_context *c, const struct diag *d, size_t at,
			  const char *text)
{
	size_t n = strlen(text), len = c->doc->len + n;
	char *copy = mem_malloc(len + 1);
	struct diag_list after;
	struct source src;
	bool works = true;

	if (!copy)
		return false;
	memcpy(copy, c->doc->text, at);
	memcpy(copy + at, text, n);
	memcpy(copy + at + n, c->doc->text + at, c->doc->len - at + 1);
	src = (struct source){ .name = c->doc->name, .data = copy, .len = len };
	publish_lint_text(c->server, c->doc, &src, &after, NULL);
	for (size_t i = 0; i < after.count; i++)
		if (after.items[i].rule == d->rule && after.items[i].span.line == d->span.line)
			works = false;
	works &= after.count < c->doc->diags.count;
	diag_list_free(&after);
	free(copy);
	return works;
}

static void add_disable(struct action_context *c, const struct diag *d)
{
	const struct rule *rule = rule_get(d->rule);
	size_t start = position_of_point(&c->index, d->span.line, 1);
	size_t end = position_to_offset(&c->index, d->span.line - 1, LONG_MAX);
	char *text = NULL;
	size_t at;

	if (d->span.line < 1 || c->tries >= MAX_DISABLE_TRIES)
		return;
	for (int i = 0; i < c->tries; i++)
		if (c->tried[i].rule == d->rule && c->tried[i].line == d->span.line)
			return;
	c->tried[c->tries].rule = d->rule;
	c->tried[c->tries++].line = d->span.line;
	at = disable_edit(c, start, end, rule->code, &text);
	if (text && disable_works(c, d, at, text))
		add_action(c, d, format_alloc("Disable %s (%s) on this line", rule->code,
					      rule->name),
			   workspace_edit(c, at, at, text), false);
	free(text);
}

/* Whether the request wants quick fixes (context.only, when given). */
static bool wants_quickfix(const cJSON *params)
{
	const cJSON *only = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(params, "context"), "only"), *kind;

	if (!cJSON_IsArray(only))
		return true;
	cJSON_ArrayForEach(kind, only)
		if (cJSON_IsString(kind) && (strcmp(kind->valuestring, "quickfix") == 0 ||
					     strcmp(kind->valuestring, "") == 0))
			return true;
	return false;
}

static void actions_in(struct action_context *c, size_t from, size_t to)
{
	bool yaml = input_format_detect(c->doc->name, c->doc->text, c->doc->len) == INPUT_YAML;

	for (size_t i = 0; i < c->doc->diags.count; i++) {
		const struct diag *d = &c->doc->diags.items[i];
		size_t start = position_of_point(&c->index, d->span.line, d->span.column);
		size_t end = position_of_point(&c->index, d->span.end_line, d->span.end_column);
		if (start > to || (end > start ? end : start) < from)
			continue;
		if (d->fix)
			add_fix(c, d);
		if (yaml)
			add_disable(c, d);
	}
}

cJSON *actions_for(struct server *server, const cJSON *params)
{
	struct action_context c = { .server = server, .doc = server_document(server, params) };
	const cJSON *range = cJSON_GetObjectItemCaseSensitive(params, "range");
	long line, character;
	size_t from, to;

	if (!(c.result = cJSON_CreateArray()) || !c.doc || c.doc->too_large || !c.doc->text ||
	    !wants_quickfix(params) || !line_index_build(&c.index, c.doc->text, c.doc->len))
		return c.result;
	c.context_diagnostics = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(params, "context"), "diagnostics");
	if (position_read(cJSON_GetObjectItemCaseSensitive(range, "start"), &line, &character)) {
		from = position_to_offset(&c.index, line, character);
		to = from;
		if (position_read(cJSON_GetObjectItemCaseSensitive(range, "end"), &line, &character))
			to = position_to_offset(&c.index, line, character);
		actions_in(&c, from < to ? from : to, from < to ? to : from);
	}
	line_index_free(&c.index);
	return c.result;
}
