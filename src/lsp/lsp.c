/* Placeholder until the server lands: refuses to start. */
#include "lsp.h"

#include <stdio.h>

int lsp_serve(struct invocation *inv)
{
	(void)inv;
	fputs("ielint: --lsp: the language server is not built yet\n", stderr);
	return EXIT_TROUBLE;
}
