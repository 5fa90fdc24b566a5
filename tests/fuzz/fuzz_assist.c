/* libFuzzer target: hover and completion (lsp/assist.h) at any point of
 * any text, as an editor asks while a line is being typed. The input's
 * first byte names the file (which chooses the kind and format), the next
 * four the point; the rest is the document. Beyond not crashing, a
 * completion's replacement must hold the point and stay on its line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "lsp/assist.h"

static const char *const names[] = {
	"request.yaml", "request.json", "template.yaml", "template.json",
	"main.tf", "main.tf.json", "document",
};

static void fail(const char *why, size_t offset, size_t start, size_t end)
{
	fprintf(stderr, "fuzz-assist: %s (point %zu, replacement [%zu, %zu))\n", why, offset,
		start, end);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source src;
	struct assist_point point;
	size_t start, end, offset;
	char *text;
	cJSON *items;

	if (size < 5)
		return 0;
	offset = (size_t)data[1] | (size_t)data[2] << 8 | (size_t)data[3] << 16 |
		 (size_t)data[4] << 24;
	if (!(text = fuzz_text(data + 5, size - 5)))
		return 0;
	source_from_memory(&src, names[data[0] % (sizeof names / sizeof *names)], text,
			   size - 5);
	point = (struct assist_point){ .src = &src, .offset = offset % (src.len + 1) };
	free(assist_hover(&point));
	items = assist_complete(&point, &start, &end);
	/* Only an offer replaces anything. */
	if (items && cJSON_GetArraySize(items) == 0) {
		cJSON_Delete(items);
		items = NULL;
	}
	if (items && (start > end || end > src.len))
		fail("the replacement is outside the document", point.offset, start, end);
	if (items && (start > point.offset || point.offset > end))
		fail("the replacement does not hold the point", point.offset, start, end);
	if (items && (memchr(text + start, '\n', end - start) ||
		      memchr(text + start, '\r', end - start)))
		fail("the replacement crosses a line", point.offset, start, end);
	cJSON_Delete(items);
	free(text);
	return 0;
}
