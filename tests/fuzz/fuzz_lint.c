/* libFuzzer target: any bytes through the whole pipeline (load, check,
 * suppressions), as YAML and as JSON, with and without a current
 * experiment. Build with `make fuzz`; see tests/fuzz/README. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "main/lint.h"
#include "rules/rules.h"
#include "check/settings.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	rules_use_embedded();
	return 0;
}

static void lint_as(const char *name, const char *text, size_t len,
		    enum input_format format, const struct node *current)
{
	struct lint_options options = { format, LINT_MAX_FILE_SIZE, { 0 } };
	struct rule_settings settings;
	struct diag_list diags;
	struct source src;

	options.state.now = 1894233600; /* 2030-01-10 */
	options.state.current = current;
	options.state.current_file = "current.json";
	options.state.has_status = current != NULL;
	options.state.status = STATUS_RUNNING;
	settings_init(&settings);
	diag_list_init(&diags);
	source_from_memory(&src, name, text, len);
	lint_source(&src, &options, &settings, &diags);
	diag_list_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The loader reads a NUL-terminated copy, as source_read gives it. */
	char *text = malloc(size + 1);
	struct diag_list diags;
	struct document current;
	struct source src;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	lint_as("fuzz.yaml", text, size, INPUT_YAML, NULL);
	lint_as("fuzz.json", text, size, INPUT_JSON, NULL);

	/* The same bytes as the current experiment of a fixed request. */
	static const char request[] =
		"Name: fraud-model-shadow-test\n"
		"Schedule: {StartTime: 2030-01-01T00:00:00Z, EndTime: 2030-01-20T00:00:00Z}\n"
		"ModelVariants: [{VariantName: shadow, ModelName: m, InfrastructureConfig: "
		"{InfrastructureType: RealTimeInference, RealTimeInferenceConfig: "
		"{InstanceType: ml.m5.large, InstanceCount: 1}}}]\n"
		"ShadowModeConfig: {SourceModelVariantName: production, ShadowModelVariants: "
		"[{ShadowModelVariantName: shadow, SamplingPercentage: 10}]}\n";
	diag_list_init(&diags);
	source_from_memory(&src, "current.yaml", text, size);
	static const struct document_kind description = { "a description", "a Name", "Name" };

	if (load_document(&current, &src, INPUT_AUTO, &description, &diags))
		lint_as("request.yaml", request, sizeof request - 1, INPUT_YAML, current.root);
	document_free(&current);
	diag_list_free(&diags);
	free(text);
	return 0;
}
