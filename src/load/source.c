#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/memory.h"

/* Reads everything from fd, giving up once more than max_size bytes came. */
static enum source_status read_all(int fd, size_t max_size, size_t size_hint,
				   char **data, size_t *len, const char **why)
{
	size_t capacity = (size_hint < max_size ? size_hint : max_size) + 1;
	size_t used = 0;
	char *buffer = mem_malloc(capacity + 1);

	if (!buffer) {
		*why = strerror(ENOMEM);
		return SOURCE_UNREADABLE;
	}
	for (;;) {
		if (used == capacity) {
			if (used > max_size)
				break;
			size_t grown = capacity * 2 > max_size + 1 ? max_size + 1 : capacity * 2;
			char *bigger = mem_realloc(buffer, grown + 1);
			if (!bigger) {
				free(buffer);
				*why = strerror(ENOMEM);
				return SOURCE_UNREADABLE;
			}
			buffer = bigger;
			capacity = grown;
		}
		ssize_t got = read(fd, buffer + used, capacity - used);
		if (got == 0)
			break;
		if (got < 0) {
			if (errno == EINTR)
				continue;
			*why = strerror(errno);
			free(buffer);
			return SOURCE_UNREADABLE;
		}
		used += (size_t)got;
	}
	if (used > max_size) {
		free(buffer);
		return SOURCE_TOO_LARGE;
	}
	buffer[used] = '\0';
	*data = buffer;
	*len = used;
	return SOURCE_OK;
}

/* Reads an open descriptor; anything but a regular file is refused unless
 * it is standard input, which may well be a pipe. */
static enum source_status read_descriptor(struct source *src, int fd, bool is_stdin,
					  size_t max_size, const char **why)
{
	struct stat st;
	enum source_status status;

	if (fstat(fd, &st) != 0) {
		*why = strerror(errno);
		status = SOURCE_UNREADABLE;
	} else if (S_ISDIR(st.st_mode)) {
		*why = "is a directory";
		status = SOURCE_UNREADABLE;
	} else if (!is_stdin && !S_ISREG(st.st_mode)) {
		*why = "not a regular file";
		status = SOURCE_UNREADABLE;
	} else {
		size_t hint = S_ISREG(st.st_mode) ? (size_t)st.st_size : 4096;
		status = read_all(fd, max_size, hint, &src->data, &src->len, why);
		src->owned = status == SOURCE_OK;
	}
	return status;
}

enum source_status source_read(struct source *src, const char *path,
			       size_t max_size, const char **why)
{
	enum source_status status;
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO
			  : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	memset(src, 0, sizeof *src);
	src->name = is_stdin ? "<stdin>" : path;
	if (fd < 0) {
		*why = strerror(errno);
		return SOURCE_UNREADABLE;
	}
	status = read_descriptor(src, fd, is_stdin, max_size, why);
	if (!is_stdin)
		close(fd);
	return status;
}

enum source_status source_read_fd(struct source *src, int fd, const char *name,
				  size_t max_size, const char **why)
{
	memset(src, 0, sizeof *src);
	src->name = name;
	return read_descriptor(src, fd, false, max_size, why);
}

void source_from_memory(struct source *src, const char *name,
			const char *data, size_t len)
{
	src->name = name;
	src->data = (char *)data;
	src->len = len;
	src->owned = false;
}

void source_free(struct source *src)
{
	if (src->owned)
		free(src->data);
	src->data = NULL;
	src->len = 0;
	src->owned = false;
}

struct position source_advance(const struct source *src, struct position from,
			       size_t offset)
{
	const unsigned char *bytes = (const unsigned char *)src->data;
	struct position at = from;

	if (offset > src->len)
		offset = src->len;
	while (at.offset < offset) {
		unsigned char byte = bytes[at.offset++];
		if (byte == '\n' || (byte == '\r' && (at.offset == src->len ||
						      bytes[at.offset] != '\n'))) {
			at.line++;
			at.column = 1;
		} else if ((byte & 0xC0) != 0x80) {
			at.column++;
		}
	}
	return at;
}
