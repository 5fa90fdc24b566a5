/* The server on standard input and output. */
#include "lsp.h"

#include <signal.h>
#include <stdlib.h>

#include "server.h"
#include "base/memory.h"

/* cJSON allocates through memory.h while the server runs, so that memory
 * running out in a message is noted like any other shortage. */
static void *json_malloc(size_t size)
{
	return mem_malloc(size);
}

int lsp_serve(struct invocation *inv)
{
	/* A client that went away is seen as a failed write, not a signal. */
	signal(SIGPIPE, SIG_IGN);
	return lsp_serve_fds(inv, 0, 1);
}

int lsp_serve_fds(struct invocation *inv, int in_fd, int out_fd)
{
	int status;

	cJSON_InitHooks(&(cJSON_Hooks){ json_malloc, free });
	status = server_run(inv, in_fd, out_fd);
	cJSON_InitHooks(NULL);
	return status;
}
