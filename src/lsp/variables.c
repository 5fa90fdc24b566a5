/* The --var-file files of a server, read when it starts. */
#include "variables.h"

#include "server.h"

void server_variables_load(struct server_variables *vars, struct invocation *inv,
			   struct rpc_writer *out)
{
	size_t roots = 0;

	vars->count = 0;
	for (size_t i = 0; i < inv->var_file_count; i++) {
		struct current_experiment *file = &vars->files[vars->count++];
		variable_file_load(file, inv->var_files[i], &inv->lint, &inv->settings);
		/* A variable file's own problems are no open document's. */
		log_file_problems(out, file->result.name,
				  file->result.readable ? NULL : file->result.why,
				  &file->result.diags);
		if (file->document.root)
			vars->roots[roots++] = file->document.root;
	}
	inv->lint.state.variable_files = vars->roots;
	inv->lint.state.variable_file_count = roots;
}

void server_variables_free(struct server_variables *vars, struct invocation *inv)
{
	for (size_t i = 0; i < vars->count; i++)
		current_free(&vars->files[i]);
	vars->count = 0;
	inv->lint.state.variable_files = NULL;
	inv->lint.state.variable_file_count = 0;
}
