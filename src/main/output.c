#include "output.h"
#include "base/memory.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/format.h"

/* The temporary file of the report being written, for the signal handler:
 * an interrupted run must not leave it behind. */
static char *volatile pending_temporary;

static void remove_pending(int signal_number)
{
	if (pending_temporary)
		unlink(pending_temporary);
	signal(signal_number, SIG_DFL);
	raise(signal_number);
}

static void remove_on_signals(void)
{
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction action;

	memset(&action, 0, sizeof action);
	action.sa_handler = remove_pending;
	sigemptyset(&action.sa_mask);
	for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
		struct sigaction old;
		/* A signal the caller ignores (nohup) stays ignored. */
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(signals[i], &action, NULL);
	}
}

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

/* The new file gets the old one's mode (and, where allowed, its owner),
 * or the mode a new file would get. */
static bool set_mode(int fd, const struct stat *old)
{
	mode_t mask;

	if (old) {
		/* Only root may give a file away; anyone else's is theirs. */
		if (geteuid() == 0 && fchown(fd, old->st_uid, old->st_gid) != 0)
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
	fd = mkstemp(out->temporary);
	if (fd < 0 || !set_mode(fd, old) || !(out->fp = fdopen(fd, "w"))) {
		int error = errno;
		if (fd >= 0) {
			close(fd);
			unlink(out->temporary);
		}
		free(out->temporary);
		out->temporary = NULL;
		return fail(out, error);
	}
	pending_temporary = out->temporary;
	remove_on_signals();
	return true;
}

bool output_open(struct output *out, const char *path)
{
	struct stat st;

	memset(out, 0, sizeof *out);
	if (!path || strcmp(path, "-") == 0) {
		out->fp = stdout;
		return true;
	}
	out->path = path;
	if (stat(path, &st) != 0) {
		if (errno != ENOENT)
			return fail(out, errno);
		out->target = mem_strdup(path);
		return out->target ? open_temporary(out, NULL) : fail(out, ENOMEM);
	}
	if (S_ISDIR(st.st_mode))
		return fail(out, EISDIR);
	if (!S_ISREG(st.st_mode))
		return open_direct(out);
	/* Through a symbolic link, the file it names is replaced, not the link. */
	out->target = realpath(path, NULL);
	if (!out->target)
		return fail(out, errno);
	out->exists = true;
	out->device = st.st_dev;
	out->inode = st.st_ino;
	return open_temporary(out, &st);
}

bool output_is(const struct output *out, dev_t device, ino_t inode)
{
	return out->exists && out->device == device && out->inode == inode;
}

static void note_failure(struct output *out, bool *ok)
{
	if (*ok)
		out->error = errno ? errno : EIO;
	*ok = false;
}

static void forget_temporary(struct output *out)
{
	pending_temporary = NULL;
	free(out->temporary);
	out->temporary = NULL;
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
		if (rename(out->temporary, out->target) == 0)
			forget_temporary(out);
		else
			note_failure(out, &ok);
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
		unlink(out->temporary);
		forget_temporary(out);
	}
	free(out->target);
	out->target = NULL;
}
