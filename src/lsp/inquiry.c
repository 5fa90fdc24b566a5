/* Hover and completion: on a diagnostic, hover explains it and its rule;
 * elsewhere both ask assist.h about the member at the point. */
#include "server.h"

#include <stdlib.h>
#include <string.h>

#include "assist.h"
#include "json.h"
#include "position.h"
#include "base/format.h"
#include "base/memory.h"
#include "base/strbuf.h"
#include "report/rule_help.h"

/* The byte the request's position stands for; false when it has none. */
static bool request_offset(const struct lsp_document *doc, const cJSON *params,
			   struct line_index *index, size_t *offset)
{
	long line, character;

	if (!doc->text || !position_read(cJSON_GetObjectItemCaseSensitive(params, "position"),
					 &line, &character) ||
	    !line_index_build(index, doc->text, doc->len))
		return false;
	*offset = position_to_offset(index, line, character);
	return true;
}

static void describe(struct strbuf *b, const struct diag *d)
{
	const struct rule *rule = rule_get(d->rule);
	char *message = rule_markdown_prose(d->message);
	char *help = rule_help_markdown(rule);

	if (b->len)
		strbuf_puts(b, "\n\n---\n\n");
	strbuf_puts(b, "**");
	strbuf_puts(b, rule->code);
	strbuf_puts(b, "** `");
	strbuf_puts(b, rule->name);
	strbuf_puts(b, "` (");
	strbuf_puts(b, severity_name(d->severity));
	strbuf_puts(b, "): ");
	strbuf_puts(b, message ? message : d->message);
	strbuf_puts(b, "\n\n");
	if (help)
		strbuf_puts(b, help);
	free(message);
	free(help);
}

/* The diagnostics whose range holds offset, described; the first one's
 * range in *from, *to. */
static char *diagnostics_at(const struct lsp_document *doc, const struct line_index *index,
			    size_t offset, size_t *from, size_t *to)
{
	struct strbuf b = STRBUF_INIT;

	for (size_t i = 0; i < doc->diags.count; i++) {
		const struct diag *d = &doc->diags.items[i];
		size_t start = position_of_point(index, d->span.line, d->span.column);
		size_t end = position_of_point(index, d->span.end_line, d->span.end_column);
		if (offset < start || (end > start ? offset >= end : offset > start))
			continue;
		if (!b.len) {
			*from = start;
			*to = end > start ? end : start;
		}
		describe(&b, d);
	}
	if (!b.len) {
		strbuf_free(&b);
		return NULL;
	}
	return strbuf_take(&b);
}

static cJSON *hover_json(char *markdown, cJSON *range)
{
	cJSON *hover = cJSON_CreateObject();
	cJSON *contents = cJSON_AddObjectToObject(hover, "contents");
	bool made = markdown && cJSON_AddStringToObject(contents, "kind", "markdown") &&
		    cJSON_AddStringToObject(contents, "value", markdown);

	free(markdown);
	if (made && (!range || json_put(hover, "range", range)))
		return hover;
	if (!made)
		cJSON_Delete(range);
	cJSON_Delete(hover);
	return NULL;
}

static struct assist_point point_of(struct server *server, const struct lsp_document *doc,
				    size_t offset, struct document_type *type)
{
	bool forced = publish_forced_type(server, doc, type);

	return (struct assist_point){ &doc->source, offset, forced ? type : NULL };
}

cJSON *inquiry_hover(struct server *server, const cJSON *params)
{
	struct lsp_document *doc = server_document(server, params);
	struct line_index index;
	struct document_type type;
	struct assist_point point;
	size_t offset, from = 0, to = 0;
	char *markdown;
	cJSON *result;

	if (!doc || !request_offset(doc, params, &index, &offset))
		return NULL;
	if ((markdown = diagnostics_at(doc, &index, offset, &from, &to)) != NULL) {
		result = hover_json(markdown, position_range(&index, from, to));
	} else {
		point = point_of(server, doc, offset, &type);
		markdown = assist_hover(&point);
		result = markdown ? hover_json(markdown, NULL) : NULL;
	}
	line_index_free(&index);
	return result;
}

/* Each item's insertText becomes a textEdit of the bytes it replaces. */
static void add_text_edits(cJSON *items, const struct line_index *index, size_t from,
			   size_t to)
{
	cJSON *item;

	cJSON_ArrayForEach(item, items) {
		const cJSON *insert = cJSON_GetObjectItemCaseSensitive(item, "insertText");
		const char *text = cJSON_IsString(insert) ? insert->valuestring
				   : cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item,
											   "label"));
		cJSON *edit = text ? cJSON_AddObjectToObject(item, "textEdit") : NULL;
		/* A part that cannot be made is a shortage noted, which ends
		 * the server (server.c): no half edit is ever sent. */
		if (edit && json_put(edit, "range", position_range(index, from, to)))
			cJSON_AddStringToObject(edit, "newText", text);
	}
}

cJSON *inquiry_complete(struct server *server, const cJSON *params)
{
	struct lsp_document *doc = server_document(server, params);
	struct line_index index;
	struct document_type type;
	struct assist_point point;
	size_t offset, from, to;
	cJSON *items;

	if (!doc || !request_offset(doc, params, &index, &offset))
		return cJSON_CreateArray();
	point = point_of(server, doc, offset, &type);
	from = to = offset;
	items = assist_complete(&point, &from, &to);
	if (items && from <= to && to <= doc->len)
		add_text_edits(items, &index, from, to);
	line_index_free(&index);
	return items ? items : cJSON_CreateArray();
}
