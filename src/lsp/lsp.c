/* The server on standard input and output. */
#include "lsp.h"

#include <signal.h>

#include "server.h"

int lsp_serve(struct invocation *inv)
{
	/* A client that went away is seen as a failed write, not a signal. */
	signal(SIGPIPE, SIG_IGN);
	return lsp_serve_fds(inv, 0, 1);
}

int lsp_serve_fds(struct invocation *inv, int in_fd, int out_fd)
{
	return server_run(inv, in_fd, out_fd);
}
