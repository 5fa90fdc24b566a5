/* What the editor asks of a point in a document: the member there
 * described (hover), and what may be written there (completion). Both work
 * from the document's text alone, so that a line being typed, which does
 * not load yet, still gets its answer. */
#ifndef IELINT_ASSIST_H
#define IELINT_ASSIST_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "load/source.h"
#include "rules/document_type.h"

struct assist_point {
	const struct source *src; /* the document; src->name is its path */
	size_t offset;            /* the byte the cursor is before */
	/* The kind and operation the settings force (.ielint.yaml's
	 * operation, the editor's), or NULL to find them as a run does. */
	const struct document_type *forced;
};

/* The member at the point described in Markdown: its name, type and
 * documented constraints (lengths, ranges, pattern, allowed values), in the
 * document's spelling; for a key or a value of a map, an item of a list,
 * or a member of a request other than the one the document is checked
 * as, what it is there. NULL when the point is on no member (or memory ran
 * out); the caller frees. */
char *assist_hover(const struct assist_point *point);

/* The completions at the point, as an array of LSP CompletionItems (label,
 * kind, detail, documentation, insertText): the member names that may go
 * where a key is being written, the allowed values where a value is. Each
 * replaces the bytes [*replace_start, *replace_end) of the source, which
 * the server turns into the items' textEdit. An empty array when nothing
 * fits; NULL when memory runs out. */
cJSON *assist_complete(const struct assist_point *point, size_t *replace_start,
		       size_t *replace_end);

#endif
