/* libFuzzer target: any bytes as a Terraform configuration, linted whole
 * (read, then the experiments found, translated and checked) as a *.tf
 * file in HCL native syntax and as a *.tf.json file in JSON syntax, the
 * second also with the kind named (as --operation terraform does) so that
 * JSON the kind would not claim is checked as a configuration too. The
 * fixes of the *.tf lint are applied and the result linted again: the
 * fixes write HCL, and what they write must not crash the reader. Seeded
 * with testdata/cases/terraform and testdata/cases/hcl. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "report/fixes.h"

static void lint_fixed(const char *name, const char *text, size_t len)
{
	struct lint_options options = fuzz_options(INPUT_AUTO, NULL);
	struct diag_list diags, again;
	struct edits edits;
	struct source src;
	char *fixed = NULL;
	size_t fixed_len;

	diag_list_init(&diags);
	fuzz_lint(name, text, len, &options, NULL, &diags);
	source_from_memory(&src, name, text, len);
	if (!diags.out_of_memory && edits_collect(&edits, &src, &diags)) {
		if (edits.count > 0 && (fixed = edits_apply(&edits, &src, &fixed_len))) {
			diag_list_init(&again);
			fuzz_lint(name, fixed, fixed_len, &options, NULL, &again);
			diag_list_free(&again);
			free(fixed);
		}
		edits_free(&edits);
	}
	diag_list_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);

	if (!text)
		return 0;
	lint_fixed("main.tf", text, size);
	fuzz_lint_only("main.tf.json", text, size, INPUT_AUTO, NULL, NULL);
	fuzz_lint_only("main.tf.json", text, size, INPUT_AUTO, "terraform", NULL);
	free(text);
	return 0;
}
