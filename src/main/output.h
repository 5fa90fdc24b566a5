/* Where the report goes: standard output, or a file. A regular file (or a
 * new one) is written atomically: a temporary file beside it, synced and
 * renamed into place with the old file's mode, so that a failed or
 * interrupted run never leaves half a report. Anything else that exists
 * (a device, a FIFO) is written directly and never replaced. */
#ifndef IELINT_OUTPUT_H
#define IELINT_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

struct output {
	FILE *fp;
	const char *path;  /* as given; NULL for standard output */
	char *target;      /* the file the report replaces (links followed) */
	char *temporary;   /* the file being written, or NULL when direct */
	int error;         /* errno of the first failure */
	bool exists;       /* the target was there: its device and inode */
	dev_t device;
	ino_t inode;
};

/* Opens path ("-" or NULL for standard output). False, with out->error
 * set, when it cannot be written; nothing is created then. */
bool output_open(struct output *out, const char *path);

/* Whether the report would overwrite the file st describes (an input). */
bool output_is(const struct output *out, dev_t device, ino_t inode);

/* Puts the report in place. False, with out->error set, when it could not
 * be written whole; an earlier file is then left as it was and no
 * temporary file remains. */
bool output_commit(struct output *out);

/* Throws the report away; safe after output_commit and more than once. */
void output_abort(struct output *out);

#endif
