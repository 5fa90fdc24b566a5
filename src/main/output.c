#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "temporaries.h"
#include "base/format.h"
#include "base/memory.h"

static bool fail(struct output *out, int error)
{
	out->error = error ? error : EIO;
	free(out->target);
	out->target = NULL;
	return false;
}

/* A device or a FIFO is written as it is: renaming a file over it would
 * destroy it. */
static bool open_direct(struct output *out)
{
	int fd = open(out->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);

	if (fd < 0)
		return fail(out, errno);
	if (!(out->fp = fdopen(fd, "w"))) {
		int error = errno;
		close(fd);
		return fail(out, error);
	}
	return true;
}

/* The new file gets the old one's mode and, where it can or must, its
 * owner and group; or the mode a new file would get. */
static bool set_mode(int fd, const struct stat *old, bool keep_owner)
{
	struct stat now;
	mode_t mask;

	if (old) {
		/* Only root may give a file away; anyone else's is theirs,
		 * unless the owner must stay, when the change fails instead. */
		if ((keep_owner || geteuid() == 0) &&
		    (fstat(fd, &now) != 0 ||
		     ((now.st_uid != old->st_uid || now.st_gid != old->st_gid) &&
		      fchown(fd, old->st_uid, old->st_gid) != 0)))
			return false;
		return fchmod(fd, old->st_mode & 07777) == 0;
	}
	mask = umask(0);
	umask(mask);
	return fchmod(fd, 0666 & ~mask) == 0;
}

static bool open_temporary(struct output *out, const struct stat *old)
{
	int fd;

	out->temporary = format_alloc("%s.XXXXXX", out->target);
	if (!out->temporary)
		return fail(out, ENOMEM);
	fd = temporary_create(out->temporary);
	if (fd < 0 || !set_mode(fd, old, out->keep_owner) || !(out->fp = fdopen(fd, "w"))) {
		int error = errno;
		if (fd >= 0) {
			close(fd);
			temporary_remove(out->temporary);
		}
		free(out->temporary);
		out->temporary = NULL;
		return fail(out, error);
	}
	return true;
}

/* An existing regular file, perhaps through a link. Opening it for writing
 * (and doing no more with the descriptor) asks the kernel whether it may
 * be written, with its rules for links in shared directories, and tells
 * which file the path leads to. */
static bool open_regular(struct output *out)
{
	int fd = open(out->path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	struct stat opened, named;

	if (fd < 0)
		return fail(out, errno);
	if (fstat(fd, &opened) != 0) {
		int error = errno;
		close(fd);
		return fail(out, error);
	}
	close(fd);
	if (!S_ISREG(opened.st_mode))
		return fail(out, EAGAIN);
	out->target = realpath(out->path, NULL);
	if (!out->target)
		return fail(out, errno);
	/* The file renamed over must be the one opened. */
	if (stat(out->target, &named) != 0 || named.st_dev != opened.st_dev ||
	    named.st_ino != opened.st_ino)
		return fail(out, EAGAIN);
	out->exists = true;
	out->device = opened.st_dev;
	out->inode = opened.st_ino;
	return open_temporary(out, &opened);
}

static bool open_path(struct output *out)
{
	struct stat st;

	if (lstat(out->path, &st) != 0) {
		if (errno != ENOENT)
			return fail(out, errno);
		out->target = mem_strdup(out->path);
		return out->target ? open_temporary(out, NULL) : fail(out, ENOMEM);
	}
	if (S_ISLNK(st.st_mode) && stat(out->path, &st) != 0) {
		if (errno == ENOENT)
			out->why = "it is a symbolic link to a file that does not exist "
				   "(a report is written through a link, but never creates "
				   "the file a link names)";
		return fail(out, errno);
	}
	if (S_ISDIR(st.st_mode))
		return fail(out, EISDIR);
	if (!S_ISREG(st.st_mode))
		return open_direct(out);
	return open_regular(out);
}

bool output_open(struct output *out, const char *path)
{
	memset(out, 0, sizeof *out);
	if (!path || strcmp(path, "-") == 0) {
		out->fp = stdout;
		return true;
	}
	out->path = path;
	return open_path(out);
}

bool output_open_replacing(struct output *out, const char *path, const struct stat *old)
{
	memset(out, 0, sizeof *out);
	out->path = path;
	out->keep_owner = true;
	if (!open_path(out))
		return false;
	if (out->temporary && output_is(out, old->st_dev, old->st_ino))
		return true;
	output_abort(out);
	return fail(out, EAGAIN);
}

bool output_is(const struct output *out, dev_t device, ino_t inode)
{
	return out->exists && out->device == device && out->inode == inode;
}

bool output_is_path(const struct output *out, const char *path)
{
	struct stat st;

	return out->exists && stat(path, &st) == 0 && output_is(out, st.st_dev, st.st_ino);
}

bool output_is_fd(const struct output *out, int fd)
{
	struct stat st;

	return out->exists && fstat(fd, &st) == 0 && output_is(out, st.st_dev, st.st_ino);
}

const char *output_strerror(const struct output *out)
{
	return out->why ? out->why : strerror(out->error ? out->error : EIO);
}

static void note_failure(struct output *out, bool *ok)
{
	if (*ok)
		out->error = errno ? errno : EIO;
	*ok = false;
}

bool output_commit(struct output *out)
{
	bool ok = true;

	errno = 0;
	if (fflush(out->fp) != 0 || ferror(out->fp))
		note_failure(out, &ok);
	if (!out->path)
		return ok;
	if (ok && out->temporary && fsync(fileno(out->fp)) != 0)
		note_failure(out, &ok);
	if (fclose(out->fp) != 0)
		note_failure(out, &ok);
	out->fp = NULL;
	if (ok && out->temporary) {
		if (temporary_rename(out->temporary, out->target)) {
			free(out->temporary);
			out->temporary = NULL;
		} else {
			note_failure(out, &ok);
		}
	}
	output_abort(out);
	return ok;
}

void output_abort(struct output *out)
{
	if (!out->path)
		return;
	if (out->fp)
		fclose(out->fp);
	out->fp = NULL;
	if (out->temporary) {
		temporary_remove(out->temporary);
		free(out->temporary);
		out->temporary = NULL;
	}
	free(out->target);
	out->target = NULL;
}
