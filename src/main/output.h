/* Where the report goes: standard output, or a file. A regular file (or a
 * new one) is written atomically: a temporary file beside it, synced and
 * renamed into place with the old file's mode, so that a failed or
 * interrupted run never leaves half a report. Anything else that exists
 * (a device, a FIFO) is written directly and never replaced.
 *
 * A symbolic link is written through: the file it names is replaced and
 * the link stays. A link that names no file is refused: writing through
 * it would create a file wherever the link points (think of one left in
 * /tmp by another user), and replacing it would lose the link; cp refuses
 * it too. */
#ifndef IELINT_OUTPUT_H
#define IELINT_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>

struct output {
	FILE *fp;
	const char *path;  /* as given; NULL for standard output */
	char *target;      /* the file the report replaces (links followed) */
	char *temporary;   /* the file being written, or NULL when direct */
	int error;         /* errno of the first failure */
	const char *why;   /* when set, says more than error does */
	bool exists;       /* the target was there: its device and inode */
	dev_t device;
	ino_t inode;
	/* The replacement must have the old file's owner and group too, or
	 * nothing is written (error EPERM). Otherwise only root gives the
	 * file back to its owner; anyone else's replacement is theirs. */
	bool keep_owner;
};

/* Opens path ("-" or NULL for standard output). False, with out->error
 * set, when it cannot be written; nothing is created then. */
bool output_open(struct output *out, const char *path);

/* The same, for the file that old describes (fstat of the file at path):
 * false with error EAGAIN when path no longer names it. The replacement
 * takes old's owner, group and mode. */
bool output_open_replacing(struct output *out, const char *path, const struct stat *old);

/* Whether the report would overwrite the file st describes (an input). */
bool output_is(const struct output *out, dev_t device, ino_t inode);

/* Whether it would overwrite the file at path (which need not exist), or
 * the file open on descriptor fd. */
bool output_is_path(const struct output *out, const char *path);
bool output_is_fd(const struct output *out, int fd);

/* What went wrong, in words. */
const char *output_strerror(const struct output *out);

/* Puts the report in place. False, with out->error set, when it could not
 * be written whole; an earlier file is then left as it was and no
 * temporary file remains. */
bool output_commit(struct output *out);

/* Throws the report away; safe after output_commit and more than once. */
void output_abort(struct output *out);

#endif
