/* A file's bytes, read whole, and the arithmetic of positions within them. */
#ifndef IELINT_SOURCE_H
#define IELINT_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

struct source {
	const char *name; /* as diagnostics show it: "<stdin>" for "-" */
	char *data;       /* NUL-terminated; the file may hold NULs too */
	size_t len;
	bool owned;
};

enum source_status {
	SOURCE_OK,
	SOURCE_TOO_LARGE, /* the file is larger than the limit; nothing kept */
	SOURCE_UNREADABLE,
};

/* Reads the file at path, or standard input for "-". Directories, FIFOs and
 * devices are refused rather than read, so a run can never block on them.
 * On SOURCE_UNREADABLE, *why says what went wrong. */
enum source_status source_read(struct source *src, const char *path,
			       size_t max_size, const char **why);

/* The same, from a regular file the caller opened (and closes), shown as
 * name: what was checked of the descriptor is what is read. */
enum source_status source_read_fd(struct source *src, int fd, const char *name,
				  size_t max_size, const char **why);

/* A source over bytes the caller keeps alive (the embedded rules). */
void source_from_memory(struct source *src, const char *name,
			const char *data, size_t len);

void source_free(struct source *src);

/* A point in a source: 1-based line and column (code points) and the byte
 * offset it stands for. */
struct position {
	int line;
	int column;
	size_t offset;
};

#define SOURCE_START ((struct position){ 1, 1, 0 })

/* The position of byte `offset`, counted forward from the known position
 * `from` (offset must not come before it). CR, LF and CRLF end lines. */
struct position source_advance(const struct source *src, struct position from,
			       size_t offset);

#endif
