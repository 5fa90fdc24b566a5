/* libFuzzer target: --plan. Any bytes as the request of each operation,
 * planned against a fixed experiment, and as the experiment (--current)
 * that a fixed update and a fixed stop request are planned against; each
 * plan is written in the text and Markdown formats, the two that show
 * plans, into memory, with the Markdown format's diagrams. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "plan/picture_build.h"
#include "plan/plan.h"
#include "kinds/kind.h"
#include "report/report.h"

static const char stop_text[] =
	"Name: fraud-model-shadow-test\n"
	"ModelVariantActions: {production: Remove, shadow: Promote}\n"
	"DesiredState: Completed\n";

/* Writes the plan as the formats that show plans do. */
static void show(const struct plan *plan, const struct picture_list *pictures)
{
	static const struct report_ops *const formats[] = { &report_text_ops,
							     &report_markdown_ops };
	struct diag_list none;
	char *buffer = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buffer, &size);

	if (!out)
		return;
	diag_list_init(&none);
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		struct report_options options = { .format = i ? REPORT_MARKDOWN : REPORT_TEXT,
						  .version = "fuzz" };
		struct reporter reporter;

		if (!reporter_init(&reporter, &options, out))
			continue;
		report_file(&reporter, "fuzz.yaml", NULL, &none);
		report_plan(&reporter, "fuzz.yaml", (const char *const *)plan->lines, plan->count);
		report_pictures(&reporter, "fuzz.yaml", pictures);
		report_finish(&reporter, 0);
	}
	fclose(out);
	free(buffer);
}

static void plan_as(const char *text, size_t len, struct document_type type,
		    const struct node *current)
{
	struct lint_options options = fuzz_options(INPUT_AUTO, current);
	struct diag_list diags;
	struct document doc;
	struct source src;
	struct plan plan;
	struct picture_list pictures;

	static const struct document_kind request = { "a request", "a Name", "Name" };

	diag_list_init(&diags);
	source_from_memory(&src, "fuzz.yaml", text, len);
	if (load_document(&doc, &src, INPUT_AUTO, &request, &diags)) {
		plan_init(&plan);
		picture_list_init(&pictures);
		plan_build(&plan, doc.root, kind_get(type.kind), type.op, &options.state);
		picture_build(&pictures, doc.root, kind_get(type.kind), type.op, &options.state,
			      true);
		show(&plan, &pictures);
		picture_list_free(&pictures);
		plan_free(&plan);
	}
	document_free(&doc);
	diag_list_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct document current;

	if (!text)
		return 0;
	if (fuzz_load_current(&current, fuzz_current_text, strlen(fuzz_current_text))) {
		for (int i = 0; i < document_type_count; i++)
			plan_as(text, size, document_types[i], current.root);
		document_free(&current);
	}
	if (fuzz_load_current(&current, text, size)) {
		plan_as(fuzz_request_text, strlen(fuzz_request_text),
			(struct document_type){ KIND_REQUEST, OPERATION_UPDATE }, current.root);
		plan_as(stop_text, sizeof stop_text - 1,
			(struct document_type){ KIND_REQUEST, OPERATION_STOP }, current.root);
		document_free(&current);
	}
	free(text);
	return 0;
}
