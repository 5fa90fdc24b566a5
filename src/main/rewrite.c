#include "rewrite.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "temporaries.h"

static enum rewrite_status say_why(struct rewrite_why *why, enum rewrite_status status,
				   const char *text, int error)
{
	if (error)
		snprintf(why->text, sizeof why->text, "%s%s", text, strerror(error));
	else
		snprintf(why->text, sizeof why->text, "%s", text);
	return status;
}

/* Opens the file and makes sure it still holds what was linted: a fix made
 * for other bytes is not a fix. */
static enum rewrite_status open_unchanged(const char *path, const struct source *old,
					  size_t max_size, struct stat *st,
					  struct rewrite_why *why)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct source now = { 0 };
	const char *unreadable;
	bool same;

	if (fd < 0)
		return errno == ENOENT ? REWRITE_CHANGED : say_why(why, REWRITE_FAILED, "", errno);
	same = fstat(fd, st) == 0 && S_ISREG(st->st_mode) &&
	       source_read_fd(&now, fd, path, max_size, &unreadable) == SOURCE_OK &&
	       now.len == old->len && memcmp(now.data, old->data, now.len) == 0;
	source_free(&now);
	close(fd);
	return same ? REWRITE_DONE : REWRITE_CHANGED;
}

/* Whether the user may write the file. Root may write any, but a file
 * that nobody may write (0444) was made read-only on purpose, and root is
 * refused it too, as editors warn of it. */
static enum rewrite_status check_writable(const char *path, const struct stat *st,
					  struct rewrite_why *why)
{
	char text[64];

	if ((st->st_mode & 0222) == 0) {
		snprintf(text, sizeof text, "it is read-only (mode %04o)",
			 (unsigned)(st->st_mode & 07777));
		return say_why(why, REWRITE_REFUSED, text, 0);
	}
	if (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0)
		return say_why(why, REWRITE_REFUSED, "you may not write to it: ", errno);
	return REWRITE_DONE;
}

static bool write_at(int fd, const char *text, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t wrote = pwrite(fd, text + done, len - done, (off_t)done);
		if (wrote < 0 && errno == EINTR)
			continue;
		if (wrote <= 0) {
			if (wrote == 0)
				errno = EIO;
			return false;
		}
		done += (size_t)wrote;
	}
	return true;
}

/* The file holds old_len bytes; it is to hold text. Room is taken first:
 * a disk that fills half-way would leave half a file. */
static bool overwrite(int fd, size_t old_len, const char *text, size_t len)
{
	if (len > old_len) {
		int error = posix_fallocate(fd, 0, (off_t)len);
		/* Some file systems cannot reserve room: the write then tells. */
		if (error && error != EOPNOTSUPP && error != EINVAL && error != ENOSYS) {
			errno = error;
			return false;
		}
	}
	if (!write_at(fd, text, len))
		return false;
	return len >= old_len || ftruncate(fd, (off_t)len) == 0;
}

static enum rewrite_status write_in_place(const char *path, const struct stat *st,
					  const struct source *old, const char *text,
					  size_t len, struct rewrite_why *why)
{
	int fd = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat now;
	sigset_t saved;
	int error = 0;

	if (fd < 0)
		return say_why(why, REWRITE_FAILED, "", errno);
	if (fstat(fd, &now) != 0 || now.st_dev != st->st_dev || now.st_ino != st->st_ino) {
		close(fd);
		return REWRITE_CHANGED;
	}
	signals_hold(&saved);
	if (!overwrite(fd, old->len, text, len)) {
		error = errno;
		/* What was there goes back: the bytes are at hand. */
		if (!write_at(fd, old->data, old->len) || ftruncate(fd, (off_t)old->len) != 0)
			snprintf(why->text, sizeof why->text, "%s, and the file is left half "
				 "written", strerror(error));
	} else if (fsync(fd) != 0) {
		error = errno;
	}
	signals_release(&saved);
	if (close(fd) != 0 && !error)
		error = errno;
	if (!error)
		return REWRITE_DONE;
	return why->text[0] ? REWRITE_FAILED : say_why(why, REWRITE_FAILED, "", error);
}

/* Replaces the file by a new one renamed over it. REWRITE_REFUSED here
 * means only that it cannot be done so (the directory is not writable, or
 * the owner could not be kept). */
static enum rewrite_status replace(const char *path, const struct stat *st,
				   const char *text, size_t len, struct rewrite_why *why)
{
	struct output out;

	if (!output_open_replacing(&out, path, st)) {
		if (out.error == EAGAIN)
			return REWRITE_CHANGED;
		if (out.error == EACCES || out.error == EPERM)
			return REWRITE_REFUSED;
		return say_why(why, REWRITE_FAILED, "", out.error);
	}
	if (fwrite(text, 1, len, out.fp) != len) {
		int error = errno ? errno : EIO;
		output_abort(&out);
		return say_why(why, REWRITE_FAILED, "", error);
	}
	if (!output_commit(&out))
		return say_why(why, REWRITE_FAILED, "", out.error);
	return REWRITE_DONE;
}

enum rewrite_status rewrite_file(const char *path, const struct source *old,
				 const char *text, size_t len, size_t max_size,
				 struct rewrite_why *why)
{
	struct stat st;
	enum rewrite_status status;

	why->text[0] = '\0';
	if ((status = open_unchanged(path, old, max_size, &st, why)) != REWRITE_DONE ||
	    (status = check_writable(path, &st, why)) != REWRITE_DONE)
		return status;
	/* A new file would have only this name, and only root can give it
	 * to another owner. */
	if (st.st_nlink == 1 && (geteuid() == 0 || st.st_uid == geteuid())) {
		status = replace(path, &st, text, len, why);
		if (status != REWRITE_REFUSED)
			return status;
	}
	return write_in_place(path, &st, old, text, len, why);
}
