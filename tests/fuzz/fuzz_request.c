/* libFuzzer target: any bytes as a request, through the whole pipeline
 * (load, check, suppressions), as YAML and as JSON, with the operation
 * found from the document and forced to each of create, update and stop,
 * without and with an experiment given as --current. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static const char *const operations[] = { NULL, "create", "update", "stop" };

static void lint_as(const char *name, const char *text, size_t len, enum input_format format,
		    const char *operation, const struct node *current)
{
	struct lint_options options = fuzz_options(format, current);
	struct diag_list diags;

	diag_list_init(&diags);
	fuzz_lint(name, text, len, &options, operation, &diags);
	diag_list_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct document current;
	bool have_current;

	if (!text)
		return 0;
	have_current = fuzz_load_current(&current, fuzz_current_text, strlen(fuzz_current_text));
	for (size_t i = 0; i < sizeof operations / sizeof *operations; i++) {
		lint_as("fuzz.yaml", text, size, INPUT_YAML, operations[i], NULL);
		lint_as("fuzz.json", text, size, INPUT_JSON, operations[i], NULL);
		if (have_current)
			lint_as("fuzz.yaml", text, size, INPUT_AUTO, operations[i], current.root);
	}
	if (have_current)
		document_free(&current);
	free(text);
	return 0;
}
