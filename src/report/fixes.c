#include "fixes.h"

#include <stdlib.h>
#include <string.h>

#include "base/memory.h"

bool fix_offset(const struct source *src, const struct diag *diag, size_t *offset)
{
	const struct fix *fix = diag->fix;

	if (!fix || !src || !src->data || fix->at < src->data ||
	    fix->at > src->data + src->len ||
	    fix->length > (size_t)(src->data + src->len - fix->at))
		return false;
	*offset = (size_t)(fix->at - src->data);
	return true;
}

static int by_offset(const void *left, const void *right)
{
	const struct edit *a = left, *b = right;

	if (a->offset != b->offset)
		return a->offset < b->offset ? -1 : 1;
	return (a->length > b->length) - (a->length < b->length);
}

/* Whether two edits touch the same bytes, or insert at the same place. */
static bool overlap(const struct edit *a, const struct edit *b)
{
	return b->offset < a->offset + a->length || b->offset == a->offset;
}

static bool same_edit(const struct edit *a, const struct edit *b)
{
	return a->offset == b->offset && a->length == b->length && strcmp(a->text, b->text) == 0;
}

bool edits_collect(struct edits *edits, const struct source *src,
		   const struct diag_list *diags)
{
	size_t kept = 0;

	memset(edits, 0, sizeof *edits);
	for (size_t i = 0; i < diags->count; i++)
		if (diags->items[i].fix)
			edits->count++;
	if (edits->count == 0)
		return true;
	if (!(edits->items = mem_malloc(edits->count * sizeof *edits->items)))
		return false;
	edits->count = 0;
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *diag = &diags->items[i];
		size_t offset;
		if (fix_offset(src, diag, &offset))
			edits->items[edits->count++] = (struct edit){
				offset, diag->fix->length, diag->fix->text, diag
			};
	}
	qsort(edits->items, edits->count, sizeof *edits->items, by_offset);
	/* Two rules' fixes of one value to the same text are one fix. */
	for (size_t i = 0; i < edits->count; i++)
		if (kept == 0 || !same_edit(&edits->items[kept - 1], &edits->items[i]))
			edits->items[kept++] = edits->items[i];
	edits->count = kept;
	kept = 0;
	for (size_t i = 0; i < edits->count; i++) {
		bool before = i > 0 && overlap(&edits->items[i - 1], &edits->items[i]);
		bool after = i + 1 < edits->count && overlap(&edits->items[i], &edits->items[i + 1]);
		if (before || after)
			edits->overlapping++;
		else
			edits->items[kept++] = edits->items[i];
	}
	edits->count = kept;
	return true;
}

char *edits_apply(const struct edits *edits, const struct source *src, size_t *len)
{
	size_t size = src->len, at = 0, out = 0;
	char *text;

	for (size_t i = 0; i < edits->count; i++)
		size = size - edits->items[i].length + strlen(edits->items[i].text);
	if (!(text = mem_malloc(size + 1)))
		return NULL;
	for (size_t i = 0; i < edits->count; i++) {
		const struct edit *e = &edits->items[i];
		size_t n = strlen(e->text);
		memcpy(text + out, src->data + at, e->offset - at);
		out += e->offset - at;
		memcpy(text + out, e->text, n);
		out += n;
		at = e->offset + e->length;
	}
	memcpy(text + out, src->data + at, src->len - at);
	out += src->len - at;
	text[out] = '\0';
	*len = out;
	return text;
}

void edits_free(struct edits *edits)
{
	free(edits->items);
	memset(edits, 0, sizeof *edits);
}
