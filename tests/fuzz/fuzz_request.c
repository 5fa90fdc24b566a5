/* libFuzzer target: any bytes as a request, through the whole pipeline
 * (load, check, suppressions), as YAML and as JSON, with the operation
 * found from the document and forced to each of create, update and stop,
 * without and with an experiment given as --current. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static const char *const operations[] = { NULL, "create", "update", "stop" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct document current;
	bool have_current;

	if (!text)
		return 0;
	have_current = fuzz_load_current(&current, fuzz_current_text, strlen(fuzz_current_text));
	for (size_t i = 0; i < sizeof operations / sizeof *operations; i++) {
		fuzz_lint_only("fuzz.yaml", text, size, INPUT_YAML, operations[i], NULL);
		fuzz_lint_only("fuzz.json", text, size, INPUT_JSON, operations[i], NULL);
		if (have_current)
			fuzz_lint_only("fuzz.yaml", text, size, INPUT_AUTO, operations[i], current.root);
	}
	if (have_current)
		document_free(&current);
	free(text);
	return 0;
}
