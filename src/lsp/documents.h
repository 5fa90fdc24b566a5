/* The documents the editor has open: their text as the editor has it,
 * kept in step with each change, and what linting that text found. */
#ifndef IELINT_LSP_DOCUMENTS_H
#define IELINT_LSP_DOCUMENTS_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "json.h"
#include "load/diag.h"
#include "load/source.h"

struct lsp_document {
	char *uri;
	char *path;     /* a file: URI's path, or NULL (untitled:, ...) */
	char *name;     /* what it is linted as: the path, or a made-up name */
	long version;
	char *text;     /* len bytes, NUL-terminated (and NULs within, as the
			 * editor's text may hold); NULL once it grew past the
			 * limit, or when a NUL could not be read */
	size_t len;
	bool too_large;
	bool nul_unread; /* a message held a NUL in its text, and U+FFFF */
	/* The last lint, of the text as it is now: fixes point into text.
	 * Dropped before the text changes. */
	struct source source;
	struct diag_list diags;
	bool linted;
	bool left_out; /* the last lint left it alone: no request, template... */
};

struct lsp_documents {
	struct lsp_document **items;
	size_t count, capacity;
};

void documents_init(struct lsp_documents *docs);
void documents_free(struct lsp_documents *docs);

struct lsp_document *documents_find(const struct lsp_documents *docs, const char *uri);

/* Opens (or, opened again, replaces) a document; NULL when memory runs
 * out. language: the editor's languageId, which names an untitled one.
 * text: the message's string (nul says how its NULs came, json.h). */
struct lsp_document *documents_open(struct lsp_documents *docs, const char *uri,
				    const char *language, long version, const cJSON *text,
				    enum json_nul nul);

void documents_close(struct lsp_documents *docs, const char *uri);

/* Applies didChange's contentChanges in order: each with a range replaces
 * that range, one without replaces the whole text. False when a change is
 * malformed or memory runs out (the document is then as far as it got). */
bool documents_change(struct lsp_document *doc, const cJSON *changes, enum json_nul nul);

/* Drops the last lint, before the text changes or is linted again. */
void document_forget_lint(struct lsp_document *doc);


#endif
