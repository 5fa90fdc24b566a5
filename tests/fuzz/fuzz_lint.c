/* libFuzzer target: any bytes through the whole pipeline (load, check,
 * suppressions), as YAML and as JSON, with and without a current
 * experiment; then the fixes applied and the result linted again, which
 * must load as well as the original did and raise none of the diagnostics
 * the fixes were for. Build with `make fuzz`; see scripts/fuzz. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "main/lint.h"
#include "report/fixes.h"
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

/* Whether the diagnostics hold one that says the document could not be
 * read as it is (the IE1xx rules, but IE115's note on the operation). */
static bool load_failed(const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->count; i++) {
		const char *code = rule_get(diags->items[i].rule)->code;
		if (strncmp(code, "IE1", 3) == 0 && diags->items[i].rule != RULE_OPERATION_ASSUMED)
			return true;
	}
	return false;
}

/* How often the rule is raised at the path. A template's Fn::If gives a
 * path more than one value, so a fix leaves one fewer, not none. */
static size_t raised(const struct diag_list *diags, enum rule_id rule, const char *path)
{
	size_t n = 0;

	for (size_t i = 0; i < diags->count; i++)
		n += diags->items[i].rule == rule && strcmp(diags->items[i].path, path) == 0;
	return n;
}

/* The fixes of diags applied to src, and the result linted again. A
 * document that did not load cleanly (a duplicate key, say) is left out:
 * a path may then name two values. */
static void check_fixes(const struct source *src, const struct lint_options *options,
			const struct rule_settings *settings, const struct diag_list *diags)
{
	struct edits edits;
	struct diag_list again;
	struct source fixed;
	size_t len;
	char *text;

	if (diags->out_of_memory || diags->dropped || load_failed(diags) ||
	    !edits_collect(&edits, src, diags))
		return;
	if (edits.count == 0 || !(text = edits_apply(&edits, src, &len))) {
		edits_free(&edits);
		return;
	}
	diag_list_init(&again);
	source_from_memory(&fixed, src->name, text, len);
	lint_source(&fixed, options, settings, &again);
	if (load_failed(&again))
		abort(); /* a fix made the document unreadable */
	for (size_t i = 0; i < edits.count && !again.dropped; i++) {
		const struct diag *fixed = edits.items[i].diag;
		if (raised(&again, fixed->rule, fixed->path) >= raised(diags, fixed->rule, fixed->path))
			abort(); /* a fix did not fix what it was for */
	}
	diag_list_free(&again);
	free(text);
	edits_free(&edits);
}

static void lint_as(const char *name, const char *text, size_t len,
		    enum input_format format, const struct node *current)
{
	struct lint_options options = { .format = format, .max_file_size = LINT_MAX_FILE_SIZE };
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
	check_fixes(&src, &options, &settings, &diags);
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
