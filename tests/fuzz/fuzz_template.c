/* libFuzzer target: any bytes as a CloudFormation template, in YAML (with
 * the short tags) and in JSON, and as a document whose kind is found from
 * its content: parameters, conditions and every Fn::If outcome, the
 * intrinsic functions, references. Seeded with the template cases. */
#include <stdlib.h>

#include "fuzz_common.h"

static void lint_as(const char *name, const char *text, size_t len, enum input_format format,
		    const char *operation)
{
	struct lint_options options = fuzz_options(format, NULL);
	struct diag_list diags;

	diag_list_init(&diags);
	fuzz_lint(name, text, len, &options, operation, &diags);
	diag_list_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);

	if (!text)
		return 0;
	lint_as("template.yaml", text, size, INPUT_YAML, "cloudformation");
	lint_as("template.json", text, size, INPUT_JSON, "cloudformation");
	lint_as("template.yaml", text, size, INPUT_YAML, NULL);
	free(text);
	return 0;
}
