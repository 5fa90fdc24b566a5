#include "output.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "format.h"

bool output_open(struct output *out, const char *path)
{
	int fd;

	memset(out, 0, sizeof *out);
	if (!path || strcmp(path, "-") == 0) {
		out->fp = stdout;
		return true;
	}
	out->path = path;
	out->temporary = format_alloc("%s.XXXXXX", path);
	if (!out->temporary)
		return false;
	fd = mkstemp(out->temporary);
	if (fd < 0 || !(out->fp = fdopen(fd, "w"))) {
		if (fd >= 0) {
			close(fd);
			unlink(out->temporary);
		}
		free(out->temporary);
		out->temporary = NULL;
		return false;
	}
	return true;
}

bool output_commit(struct output *out)
{
	bool ok;

	if (!out->path)
		return fflush(out->fp) == 0 && !ferror(out->fp);
	ok = fflush(out->fp) == 0 && !ferror(out->fp);
	ok = fclose(out->fp) == 0 && ok;
	/* mkstemp made it private; give it the mode a new file would get. */
	mode_t mask = umask(0);
	umask(mask);
	ok = ok && chmod(out->temporary, 0666 & ~mask) == 0;
	ok = ok && rename(out->temporary, out->path) == 0;
	if (!ok)
		unlink(out->temporary);
	free(out->temporary);
	out->temporary = NULL;
	return ok;
}

void output_abort(struct output *out)
{
	if (out->path) {
		fclose(out->fp);
		unlink(out->temporary);
		free(out->temporary);
		out->temporary = NULL;
	}
}
