/* The server's state, which every handler is given, and the handlers of
 * each part (publish.c, actions.c, inquiry.c) that server.c dispatches
 * to. */
#ifndef IELINT_LSP_SERVER_H
#define IELINT_LSP_SERVER_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "documents.h"
#include "rpc.h"
#include "settings.h"
#include "variables.h"
#include "main/config.h"
#include "main/options.h"

struct server {
	struct invocation *inv;
	struct rpc_reader in;
	struct rpc_writer out;
	bool initialized;
	bool shut_down; /* shutdown was asked: only exit is taken now */
	bool exiting;
	bool out_of_memory; /* the server ends with 2 */
	enum json_nul nul; /* how the message handled held its NULs */
	struct lsp_documents docs;
	struct config_finder finder; /* the .ielint.yaml of each path */
	struct lsp_settings settings;
	struct server_variables variables; /* --var-file's */
};

/* Serves from in_fd to out_fd until exit, the end of the input, or a
 * closed output; returns the exit status (lsp.h). */
int server_run(struct invocation *inv, int in_fd, int out_fd);

/* publish.c: lints a document and sends its diagnostics; an empty list for
 * one closed. */
void publish_document(struct server *server, struct lsp_document *doc);
void publish_closed(struct server *server, const char *uri);
/* Lints text as the document would be (its settings, its name), into
 * diags (initialized here): what a code action would make of it. A text
 * that is no request, template or configuration is left alone: *why (when
 * why is not NULL) says why, for the caller to free; NULL otherwise. */
void publish_lint_text(struct server *server, const struct lsp_document *doc,
		       const struct source *src, struct diag_list *diags, char **why);
/* The document type the settings force on a document, if they do. */
bool publish_forced_type(struct server *server, const struct lsp_document *doc,
			 struct document_type *type);
/* The problems of a file that is no open document (a .ielint.yaml, a
 * --var-file), in the editor's log: that it cannot be read (unreadable,
 * the reason), else each of its diagnostics. */
void log_file_problems(struct rpc_writer *out, const char *name, const char *unreadable,
		       const struct diag_list *diags);
/* Whether a name is a .ielint.yaml's, which is no document to lint. */
bool is_config_file(const char *name);
/* Every open document again (the settings changed). */
void publish_all(struct server *server);

/* The diagnostic a protocol Diagnostic (from a request) stands for in the
 * document's last lint: matched by the index publish put in its data, and
 * the rule and place; NULL when it is none of them (now). */
const struct diag *publish_match(const struct lsp_document *doc, const cJSON *diagnostic);

/* actions.c: textDocument/codeAction's result. */
cJSON *actions_for(struct server *server, const cJSON *params);

/* inquiry.c: textDocument/hover's and textDocument/completion's. */
cJSON *inquiry_hover(struct server *server, const cJSON *params);
cJSON *inquiry_complete(struct server *server, const cJSON *params);

/* The document a request's params name (textDocument.uri), linted; NULL
 * when it is not open. */
struct lsp_document *server_document(struct server *server, const cJSON *params);

#endif
