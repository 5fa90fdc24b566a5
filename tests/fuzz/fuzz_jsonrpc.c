/* libFuzzer target: any bytes as what an editor sends the language server
 * (ielint --lsp) on its standard input: the framing, JSON-RPC, the
 * lifecycle, the documents and their edits, and every request on them,
 * served until the bytes end. The server must neither crash nor hang, and
 * must end with the status the protocol gives (0 or 1). Seeded with the
 * sessions of testdata/lsp. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "lsp/lsp.h"
#include "main/options.h"

static FILE *input;
static int output = -1;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct invocation inv;
	int status;

	if (!input && !(input = tmpfile()))
		abort();
	if (output < 0 && (output = open("/dev/null", O_WRONLY)) < 0)
		abort();
	/* The input as a file the server reads to its end, as it would a
	 * pipe the editor closed. */
	if (ftruncate(fileno(input), 0) != 0 ||
	    pwrite(fileno(input), data, size, 0) != (ssize_t)size ||
	    lseek(fileno(input), 0, SEEK_SET) != 0)
		abort();
	invocation_init(&inv, "0.0.0-fuzz");
	inv.lint.state.now = FUZZ_NOW;
	status = lsp_serve_fds(&inv, fileno(input), output);
	if (status != 0 && status != 1) {
		fprintf(stderr, "fuzz-jsonrpc: the server ended with %d\n", status);
		abort();
	}
	file_list_free(&inv.files);
	return 0;
}
