/* The --var-file files of a server, read when it starts. */
#include "variables.h"

#include <stdlib.h>

#include "base/format.h"

/* A variable file's own problems are no open document's: the log says
 * them. */
static void log_problems(const struct lint_result *result, struct rpc_writer *out)
{
	char *text;

	if (!result->readable) {
		if ((text = format_alloc("ielint: %s: cannot read: %s", result->name,
					 result->why)) != NULL)
			rpc_log(out, 2, text);
		free(text);
	}
	for (size_t i = 0; i < result->diags.count; i++) {
		const struct diag *d = &result->diags.items[i];
		if ((text = format_alloc("ielint: %s:%d:%d: %s %s", result->name, d->span.line,
					 d->span.column, rule_get(d->rule)->code,
					 d->message)) != NULL)
			rpc_log(out, 2, text);
		free(text);
	}
}

void server_variables_load(struct server_variables *vars, struct invocation *inv,
			   struct rpc_writer *out)
{
	size_t roots = 0;

	vars->count = 0;
	for (size_t i = 0; i < inv->var_file_count; i++) {
		struct current_experiment *file = &vars->files[vars->count++];
		variable_file_load(file, inv->var_files[i], &inv->lint, &inv->settings);
		log_problems(&file->result, out);
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
