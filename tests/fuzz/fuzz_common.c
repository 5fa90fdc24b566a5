#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

#include "filter/settings.h"
#include "rules/rules.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	rules_use_embedded();
	return 0;
}

char *fuzz_text(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	if (text) {
		memcpy(text, data, size);
		text[size] = '\0';
	}
	return text;
}

struct lint_options fuzz_options(enum input_format format, const struct node *current)
{
	struct lint_options options = { .format = format, .max_file_size = LINT_MAX_FILE_SIZE };

	options.state.now = FUZZ_NOW;
	options.state.current = current;
	options.state.current_file = "current.json";
	options.state.has_status = current != NULL;
	options.state.status = STATUS_RUNNING;
	return options;
}

void fuzz_lint(const char *name, const char *text, size_t len,
	       const struct lint_options *options, const char *operation,
	       struct diag_list *diags)
{
	struct rule_settings settings;
	struct source src;

	settings_init(&settings);
	if (operation && !settings_parse_operation(&settings, operation))
		abort(); /* a target names an operation ielint does not have */
	source_from_memory(&src, name, text, len);
	lint_source(&src, options, &settings, diags);
}

void fuzz_lint_only(const char *name, const char *text, size_t len, enum input_format format,
		    const char *operation, const struct node *current)
{
	struct lint_options options = fuzz_options(format, current);
	struct diag_list diags;

	diag_list_init(&diags);
	fuzz_lint(name, text, len, &options, operation, &diags);
	diag_list_free(&diags);
}

bool fuzz_load_failed(const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->count; i++) {
		const char *code = rule_get(diags->items[i].rule)->code;
		if (strncmp(code, "IE1", 3) == 0 && diags->items[i].rule != RULE_OPERATION_ASSUMED)
			return true;
	}
	return false;
}

const char fuzz_request_text[] =
	"Name: fraud-model-shadow-test\n"
	"Schedule: {EndTime: 2030-01-20T00:00:00Z}\n"
	"ShadowModeConfig: {SourceModelVariantName: production, ShadowModelVariants: "
	"[{ShadowModelVariantName: shadow, SamplingPercentage: 20}]}\n";

const char fuzz_current_text[] =
	"{\"Name\": \"fraud-model-shadow-test\", \"Status\": \"Running\", \"Type\": \"ShadowMode\",\n"
	" \"Schedule\": {\"StartTime\": \"2030-01-01T00:00:00Z\", \"EndTime\": \"2030-01-14T00:00:00Z\"},\n"
	" \"ModelVariants\": [\n"
	"  {\"ModelName\": \"m1\", \"VariantName\": \"production\", \"InfrastructureConfig\":\n"
	"   {\"InfrastructureType\": \"RealTimeInference\", \"RealTimeInferenceConfig\":\n"
	"    {\"InstanceType\": \"ml.m5.large\", \"InstanceCount\": 2}}},\n"
	"  {\"ModelName\": \"m2\", \"VariantName\": \"shadow\", \"InfrastructureConfig\":\n"
	"   {\"InfrastructureType\": \"RealTimeInference\", \"RealTimeInferenceConfig\":\n"
	"    {\"InstanceType\": \"ml.m5.large\", \"InstanceCount\": 1}}}],\n"
	" \"ShadowModeConfig\": {\"SourceModelVariantName\": \"production\",\n"
	"  \"ShadowModelVariants\": [{\"ShadowModelVariantName\": \"shadow\", \"SamplingPercentage\": 10}]}}\n";

bool fuzz_load_current(struct document *doc, const char *text, size_t len)
{
	static const struct document_kind description = { "a description", "a Name", "Name" };
	struct diag_list diags;
	struct source src;
	bool loaded;

	diag_list_init(&diags);
	source_from_memory(&src, "current.json", text, len);
	loaded = load_document(doc, &src, INPUT_AUTO, &description, &diags);
	diag_list_free(&diags);
	if (!loaded)
		document_free(doc);
	return loaded;
}
