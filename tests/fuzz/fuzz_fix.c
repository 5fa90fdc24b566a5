/* libFuzzer target: the fixes. Any bytes are linted as YAML and as JSON,
 * their fixes applied and the result linted again, as --fix does, until
 * no fix is left. Each round must leave a document that loads as well as
 * the one before, and none of the diagnostics it fixed where they were;
 * and the rounds must end (a fix that undoes another would go on for
 * ever), so that a second --fix never changes the file. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "report/fixes.h"

/* More rounds than any chain of fixes takes: a member's name, then its
 * value, then the form of a timestamp. */
enum { MAX_ROUNDS = 8 };

/* How often the rule is raised at the path. A template's Fn::If gives a
 * path more than one value, so a fix leaves one fewer, not none. */
static size_t raised(const struct diag_list *diags, enum rule_id rule, const char *path)
{
	size_t n = 0;

	for (size_t i = 0; i < diags->count; i++)
		n += diags->items[i].rule == rule && strcmp(diags->items[i].path, path) == 0;
	return n;
}

/* One round: the fixes of diags applied to text; the fixed text (owned by
 * the caller) and its diagnostics in *again. NULL when there is no fix to
 * apply, or memory ran out. */
static char *fix_round(const char *name, const char *text, size_t len,
		       const struct lint_options *options, const struct diag_list *diags,
		       struct diag_list *again, size_t *fixed_len)
{
	struct edits edits;
	struct source src;
	char *fixed = NULL;

	source_from_memory(&src, name, text, len);
	if (!edits_collect(&edits, &src, diags))
		return NULL;
	if (edits.count > 0 && (fixed = edits_apply(&edits, &src, fixed_len))) {
		fuzz_lint(name, fixed, *fixed_len, options, NULL, again);
		if (fuzz_load_failed(again))
			abort(); /* a fix made the document unreadable */
		for (size_t i = 0; i < edits.count && !again->dropped; i++) {
			const struct diag *was = edits.items[i].diag;
			if (raised(again, was->rule, was->path) >= raised(diags, was->rule, was->path))
				abort(); /* a fix did not fix what it was for */
		}
	}
	edits_free(&edits);
	return fixed;
}

static void fix_until_done(const char *name, const char *text, size_t len,
			   enum input_format format)
{
	struct lint_options options = fuzz_options(format, NULL);
	struct diag_list diags;
	char *current = NULL;
	size_t current_len = 0;
	int round;

	diag_list_init(&diags);
	fuzz_lint(name, text, len, &options, NULL, &diags);
	/* A document that did not load cleanly (a duplicate key, say) is left
	 * out: a path may then name two values. */
	if (fuzz_load_failed(&diags)) {
		diag_list_free(&diags);
		return;
	}
	for (round = 0; round < MAX_ROUNDS; round++) {
		struct diag_list again;
		size_t fixed_len;
		char *fixed;

		if (diags.out_of_memory || diags.dropped)
			break;
		diag_list_init(&again);
		fixed = fix_round(name, current ? current : text, current ? current_len : len,
				  &options, &diags, &again, &fixed_len);
		if (!fixed) {
			diag_list_free(&again);
			break;
		}
		diag_list_free(&diags);
		diags = again;
		free(current);
		current = fixed;
		current_len = fixed_len;
	}
	if (round == MAX_ROUNDS)
		abort(); /* the fixes never settle: --fix would change the file again */
	diag_list_free(&diags);
	free(current);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);

	if (!text)
		return 0;
	fix_until_done("fuzz.yaml", text, size, INPUT_YAML);
	fix_until_done("fuzz.json", text, size, INPUT_JSON);
	free(text);
	return 0;
}
