/* Where the report goes: standard output, or a file written atomically
 * (a temporary file beside it, renamed into place), so that a failed run
 * never leaves half a report. */
#ifndef IELINT_OUTPUT_H
#define IELINT_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

struct output {
	FILE *fp;
	const char *path;  /* NULL for standard output */
	char *temporary;
};

/* Opens path ("-" or NULL for standard output); false with errno set. */
bool output_open(struct output *out, const char *path);

/* Puts the report in place; false (leaving any earlier file as it was)
 * when it could not be written whole. */
bool output_commit(struct output *out);

/* Throws the report away. */
void output_abort(struct output *out);

#endif
