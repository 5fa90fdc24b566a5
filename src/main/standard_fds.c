#include "standard_fds.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

/* A closed descriptor is the next one open() returns: with standard error
 * closed (ielint 2>&-) the report's temporary file would become descriptor
 * 2 and take the messages meant for standard error, and with standard
 * input closed, - would read whatever file the run opened first. /dev/null
 * keeps each place, opened the other way round (for writing as standard
 * input, for reading as standard output and error), as the C library does
 * for set-user-ID programs: using it still fails as a closed descriptor
 * does, so a report to a closed standard output still exits 2, saying so. */
bool standard_fds_hold(void)
{
	static const int modes[] = { O_WRONLY, O_RDONLY, O_RDONLY };

	for (int fd = 0; fd < 3; fd++) {
		int opened;

		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		/* The lower ones are open by now, so this one comes next. */
		opened = open("/dev/null", modes[fd] | O_NOCTTY);
		if (opened != fd) {
			if (opened >= 0)
				close(opened);
			return false;
		}
	}
	return true;
}
