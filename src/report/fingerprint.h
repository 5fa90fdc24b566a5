/* Fingerprints of diagnostics that survive edits elsewhere in a file, for
 * the formats whose viewers track a finding from run to run (SARIF's
 * partialFingerprints, GitLab Code Quality's fingerprint).
 *
 * A fingerprint does not depend on line numbers: it is a 64-bit FNV-1a
 * hash of the file (as the format names it), the rule's code and the
 * member's path, in hexadecimal, then ":" and the occurrence of that
 * (rule, path) in the file: 1, 2, ... in report order. */
#ifndef IELINT_FINGERPRINT_H
#define IELINT_FINGERPRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 16 hexadecimal digits, ':', a size_t in decimal, NUL. */
enum { FINGERPRINT_SIZE = 64 };

/* How often each (rule, path) has been seen in one file so far. */
struct fingerprints {
	uint64_t *keys;
	size_t *counts;
	size_t size; /* a power of two, or 0 when memory ran out */
};

/* For a file with count diagnostics; false when memory runs out. */
bool fingerprints_init(struct fingerprints *f, size_t count);

/* The fingerprint of the next diagnostic of rule code at path in file,
 * written to text. */
void fingerprint_next(struct fingerprints *f, const char *file, const char *code,
		      const char *path, char text[FINGERPRINT_SIZE]);

void fingerprints_free(struct fingerprints *f);

#endif
