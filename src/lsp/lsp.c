/* The server on standard input and output. */
#include "lsp.h"

#include <signal.h>

#include "server.h"

int lsp_serve(struct invocation *inv)
{
	/* A client that went away is seen as a failed write, not a signal. */
	signal(SIGPIPE, SIG_IGN);
	return server_run(inv, 0, 1);
}
