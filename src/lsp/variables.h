/* What a Terraform document's values come from in the server, as in a
 * run of the command line: the variable files given with --var-file, read
 * once, and the module (the document's directory) read again at each lint,
 * since its other files may have changed on disk since the last. */
#ifndef IELINT_LSP_VARIABLES_H
#define IELINT_LSP_VARIABLES_H

#include "rpc.h"
#include "main/options.h"

struct server_variables {
	struct current_experiment files[MAX_VAR_FILES];
	const struct node *roots[MAX_VAR_FILES];
	size_t count;
};

/* Reads inv's --var-file files into vars and points inv->lint.state at
 * those that loaded; their own problems go to the editor's log. */
void server_variables_load(struct server_variables *vars, struct invocation *inv,
			   struct rpc_writer *out);
void server_variables_free(struct server_variables *vars, struct invocation *inv);

#endif
