/* Open documents and their edits. */
#include "documents.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "position.h"
#include "base/format.h"
#include "base/memory.h"
#include "main/lint.h"
#include "report/file_uri.h"

void documents_init(struct lsp_documents *docs)
{
	memset(docs, 0, sizeof *docs);
}

void document_forget_lint(struct lsp_document *doc)
{
	if (doc->linted)
		diag_list_free(&doc->diags);
	doc->linted = false;
}

static void lsp_document_free(struct lsp_document *doc)
{
	if (!doc)
		return;
	document_forget_lint(doc);
	free(doc->uri);
	free(doc->path);
	free(doc->name);
	free(doc->text);
	free(doc);
}

void documents_free(struct lsp_documents *docs)
{
	for (size_t i = 0; i < docs->count; i++)
		lsp_document_free(docs->items[i]);
	free(docs->items);
	documents_init(docs);
}

struct lsp_document *documents_find(const struct lsp_documents *docs, const char *uri)
{
	for (size_t i = 0; i < docs->count; i++)
		if (strcmp(docs->items[i]->uri, uri) == 0)
			return docs->items[i];
	return NULL;
}

/* The extension a languageId stands for, for a document with no name of
 * its own. */
static const char *extension_of(const char *language)
{
	if (!language)
		return ".yaml";
	if (strcmp(language, "json") == 0 || strcmp(language, "jsonc") == 0)
		return ".json";
	if (strcmp(language, "terraform") == 0 || strcmp(language, "hcl") == 0 ||
	    strcmp(language, "tf") == 0)
		return ".tf";
	return ".yaml";
}

/* An untitled document is linted as its URI's last part, given the
 * extension of its language unless it has one. */
static char *untitled_name(const char *uri, const char *language)
{
	const char *base = uri, *ext;

	for (const char *p = uri; *p; p++)
		if (*p == '/' || *p == ':')
			base = p + 1;
	if (!*base)
		base = "untitled";
	ext = strrchr(base, '.') ? "" : extension_of(language);
	return format_alloc("%s%s", base, ext);
}

/* A string of the message as bytes: with its NULs back when the message
 * had them marked (json.h), which shortens it in place. */
static const char *text_of(const cJSON *string, enum json_nul nul, size_t *len)
{
	char *text = string->valuestring;

	*len = nul == JSON_NUL_MARKED && json_nul_held(text) ? json_nul_restore(text)
							      : strlen(text);
	return text;
}

/* The document's text, gone: too large to keep, or (nul_unread) holding a
 * NUL the message could not carry; a full change brings one back. */
static void drop_text(struct lsp_document *doc, bool nul_unread)
{
	free(doc->text);
	doc->text = NULL;
	doc->len = 0;
	doc->too_large = !nul_unread;
	doc->nul_unread = nul_unread;
}

static bool set_text(struct lsp_document *doc, const cJSON *string, enum json_nul nul)
{
	size_t len;
	const char *text = text_of(string, nul, &len);
	char *copy;

	document_forget_lint(doc);
	if (nul == JSON_NUL_UNMARKED || len > LINT_MAX_FILE_SIZE) {
		drop_text(doc, nul == JSON_NUL_UNMARKED);
		return true;
	}
	if (!(copy = mem_malloc(len + 1)))
		return false;
	memcpy(copy, text, len);
	copy[len] = '\0';
	free(doc->text);
	doc->text = copy;
	doc->len = len;
	doc->too_large = doc->nul_unread = false;
	return true;
}

static bool documents_add(struct lsp_documents *docs, struct lsp_document *doc)
{
	if (docs->count == docs->capacity) {
		size_t cap = docs->capacity ? docs->capacity * 2 : 8;
		struct lsp_document **grown = mem_realloc(docs->items, cap * sizeof *grown);
		if (!grown)
			return false;
		docs->items = grown;
		docs->capacity = cap;
	}
	docs->items[docs->count++] = doc;
	return true;
}

struct lsp_document *documents_open(struct lsp_documents *docs, const char *uri,
				    const char *language, long version, const cJSON *text,
				    enum json_nul nul)
{
	struct lsp_document *doc = mem_calloc(1, sizeof *doc);

	if (!doc)
		return NULL;
	doc->version = version;
	if (!(doc->uri = mem_strdup(uri)) || !set_text(doc, text, nul))
		goto fail;
	doc->path = file_uri_to_path(uri);
	doc->name = doc->path ? mem_strdup(doc->path) : untitled_name(uri, language);
	if (!doc->name)
		goto fail;
	documents_close(docs, uri);
	if (documents_add(docs, doc))
		return doc;
fail:
	lsp_document_free(doc);
	return NULL;
}

void documents_close(struct lsp_documents *docs, const char *uri)
{
	for (size_t i = 0; i < docs->count; i++) {
		if (strcmp(docs->items[i]->uri, uri) != 0)
			continue;
		lsp_document_free(docs->items[i]);
		docs->items[i] = docs->items[--docs->count];
		return;
	}
}

/* Replaces [from, to) with the n bytes of text; a result past the limit
 * drops the text until a full change brings one back. */
static bool splice(struct lsp_document *doc, size_t from, size_t to, const char *text,
		   size_t n)
{
	size_t len = doc->len - (to - from) + n;

	if (len > LINT_MAX_FILE_SIZE) {
		drop_text(doc, false);
		return true;
	}
	if (len > doc->len) {
		char *grown = mem_realloc(doc->text, len + 1);
		if (!grown)
			return false;
		doc->text = grown;
	}
	memmove(doc->text + from + n, doc->text + to, doc->len - to + 1);
	memcpy(doc->text + from, text, n);
	doc->len = len;
	return true;
}

/* One ranged change, against index (the text's lines, built for the
 * first and kept in step with each: a message may hold many changes to a
 * large text, as a replace-all sends). */
static bool apply_range(struct lsp_document *doc, struct line_index *index, bool *indexed,
			const cJSON *range, const cJSON *string, enum json_nul nul)
{
	long line, character, end_line, end_character;
	size_t from, to, n;
	const char *text;

	if (!doc->text)
		return true; /* too large or unread: only a full change helps */
	if (nul == JSON_NUL_UNMARKED) {
		drop_text(doc, true);
		return true;
	}
	if (!position_read(cJSON_GetObjectItemCaseSensitive(range, "start"), &line, &character) ||
	    !position_read(cJSON_GetObjectItemCaseSensitive(range, "end"), &end_line,
			   &end_character))
		return false;
	if (!*indexed && !(*indexed = line_index_build(index, doc->text, doc->len)))
		return false;
	from = position_to_offset(index, line, character);
	to = position_to_offset(index, end_line, end_character);
	/* A range given end first is the same range, as editors take one. */
	if (to < from) {
		size_t swap = from;
		from = to;
		to = swap;
	}
	text = text_of(string, nul, &n);
	if (!splice(doc, from, to, text, n))
		return false;
	if (!doc->text) { /* grew past the limit */
		line_index_free(index);
		*indexed = false;
		return true;
	}
	*indexed = line_index_splice(index, doc->text, doc->len, from, to, n);
	return *indexed;
}

bool documents_change(struct lsp_document *doc, const cJSON *changes, enum json_nul nul)
{
	const cJSON *change;
	struct line_index index;
	bool indexed = false, applied = true;

	document_forget_lint(doc);
	if (!cJSON_IsArray(changes))
		return false;
	cJSON_ArrayForEach(change, changes) {
		const cJSON *text = cJSON_GetObjectItemCaseSensitive(change, "text");
		const cJSON *range = cJSON_GetObjectItemCaseSensitive(change, "range");
		if (!range && indexed) { /* the whole text replaced: lines read anew */
			line_index_free(&index);
			indexed = false;
		}
		if (!cJSON_IsString(text) ||
		    !(range ? apply_range(doc, &index, &indexed, range, text, nul)
			    : set_text(doc, text, nul))) {
			applied = false;
			break;
		}
	}
	if (indexed)
		line_index_free(&index);
	return applied;
}
