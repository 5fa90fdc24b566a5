/* What the libFuzzer targets share (scripts/fuzz builds one program for
 * each): the rules installed once, and a document linted from memory as a
 * file would be, with a fixed clock. */
#ifndef IELINT_FUZZ_COMMON_H
#define IELINT_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "load/diag.h"
#include "load/load.h"
#include "main/lint.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The time every target judges schedules by: 2030-01-10. */
enum { FUZZ_NOW = 1894233600 };

/* A NUL-terminated copy of the input, as source_read gives a file; NULL
 * when memory runs out. */
char *fuzz_text(const uint8_t *data, size_t size);

/* Options as the command line makes them; with current, the experiment
 * of --current, Running. */
struct lint_options fuzz_options(enum input_format format, const struct node *current);

/* Lints text under the operation named (NULL: found from the document, as
 * without --operation), with the user's settings otherwise empty. */
void fuzz_lint(const char *name, const char *text, size_t len,
	       const struct lint_options *options, const char *operation,
	       struct diag_list *diags);

/* fuzz_lint with the options fuzz_options() makes, its diagnostics
 * thrown away: a target that only asks that nothing crash. */
void fuzz_lint_only(const char *name, const char *text, size_t len, enum input_format format,
		    const char *operation, const struct node *current);

/* Whether the document could not be read as it is (IE1xx, but the note
 * on which request it was taken for). */
bool fuzz_load_failed(const struct diag_list *diags);

/* A fixed update request and the experiment it changes, for the targets
 * that need the other half of a pair. */
extern const char fuzz_request_text[];
extern const char fuzz_current_text[];

/* Loads a description of an experiment, as --current does; false (and
 * nothing to free) when it does not load. */
bool fuzz_load_current(struct document *doc, const char *text, size_t len);

#endif
