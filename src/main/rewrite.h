/* Puts new text into a file in place of its old, as an editor saves one:
 * the file stays the file it was, with its owner, group, mode and every
 * name it has. It is replaced whole (a temporary file beside it, renamed
 * into place) where that keeps all of these; otherwise, when it has more
 * than one name (hard links) or a replacement could not have its owner
 * or group, it is written over where it is, with the signals that end a
 * run held back, and its old bytes are put back should the write fail. */
#ifndef IELINT_REWRITE_H
#define IELINT_REWRITE_H

#include <stddef.h>

#include "load/source.h"

enum rewrite_status {
	REWRITE_DONE,
	REWRITE_CHANGED, /* the file no longer holds old: nothing written */
	REWRITE_REFUSED, /* the user may not write it: nothing written */
	REWRITE_FAILED,  /* it could not be written; it is as it was */
};

/* Why a file was refused, or could not be written. */
struct rewrite_why {
	char text[128];
};

/* Writes text over the file at path (links followed), provided it still
 * holds old's bytes (read again, up to max_size). */
enum rewrite_status rewrite_file(const char *path, const struct source *old,
				 const char *text, size_t len, size_t max_size,
				 struct rewrite_why *why);

#endif
