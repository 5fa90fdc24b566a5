/* What the editor sets (workspace/didChangeConfiguration, or the
 * initialize request's initializationOptions), over the command line's
 * options, for every document:
 *
 *   status      the experiment's status, as --status
 *   now         the time schedules are judged by, as --now
 *   current     a DescribeInferenceExperiment response, as --current
 *   operation   what the documents are, as --operation
 *   disable, enable   lists of rule codes or names, as --disable, --enable
 *
 * under "ielint" or at the top level. A value that is wrong is refused
 * with a warning, and the one before it stays. null (or "") goes back to
 * the command line's. */
#ifndef IELINT_LSP_SETTINGS_H
#define IELINT_LSP_SETTINGS_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "rpc.h"
#include "main/options.h"

struct lsp_settings {
	bool has_status;
	enum experiment_status status;
	bool has_now;
	double now;
	char *current_path;      /* NULL: the command line's --current */
	bool current_loaded;
	struct current_experiment current;
	struct rule_settings operation; /* only its document_type */
	struct rule_settings rules;     /* disable and enable */
};

void lsp_settings_init(struct lsp_settings *s);
void lsp_settings_free(struct lsp_settings *s);

/* Takes what json sets; each refusal is shown through out. True when
 * anything changed. */
bool lsp_settings_apply(struct lsp_settings *s, const struct invocation *inv,
			const cJSON *json, struct rpc_writer *out);

/* Loads the command line's --current, when the editor names none. */
void lsp_settings_start(struct lsp_settings *s, const struct invocation *inv,
			struct rpc_writer *out);

/* The options and rule settings a document is linted with: the command
 * line's, then the editor's. config: the .ielint.yaml's settings, laid
 * first. */
void lsp_settings_for(const struct lsp_settings *s, const struct invocation *inv,
		      const struct rule_settings *config, struct lint_options *options,
		      struct rule_settings *settings);

#endif
