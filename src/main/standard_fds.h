/* Descriptors 0, 1 and 2 as the run needs them: taken, whatever the caller
 * left of them. */
#ifndef IELINT_STANDARD_FDS_H
#define IELINT_STANDARD_FDS_H

#include <stdbool.h>

/* Opens /dev/null onto each of standard input, output and error that is
 * closed; false when that cannot be done. Call before opening anything. */
bool standard_fds_hold(void);

#endif
