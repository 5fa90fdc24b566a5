/* libFuzzer target: any bytes as a CloudFormation template, in YAML (with
 * the short tags) and in JSON, and as a document whose kind is found from
 * its content: parameters, conditions and every Fn::If outcome, the
 * intrinsic functions, references; and a Terraform configuration in JSON
 * syntax or a plan, found so. Seeded with the template cases and
 * Terraform's. */
#include <stdlib.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);

	if (!text)
		return 0;
	fuzz_lint_only("template.yaml", text, size, INPUT_YAML, "cloudformation", NULL);
	fuzz_lint_only("template.json", text, size, INPUT_JSON, "cloudformation", NULL);
	fuzz_lint_only("template.yaml", text, size, INPUT_YAML, NULL, NULL);
	free(text);
	return 0;
}
