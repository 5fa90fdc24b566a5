/* The server's loop: each message read, checked against JSON-RPC and the
 * protocol's lifecycle (initialize first, nothing but exit after
 * shutdown), and handed to its method's handler. */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/format.h"
#include "base/memory.h"

struct method {
	const char *name;
	/* A request's result (NULL for null), or a notification's handling. */
	cJSON *(*request)(struct server *server, const cJSON *params);
	void (*notify)(struct server *server, const cJSON *params);
};

static cJSON *capabilities(const char *version)
{
	const char *text =
		"{\"capabilities\":{"
		"\"positionEncoding\":\"utf-16\","
		"\"textDocumentSync\":{\"openClose\":true,\"change\":2,"
		"\"save\":{\"includeText\":false}},"
		"\"codeActionProvider\":{\"codeActionKinds\":[\"quickfix\"]},"
		"\"hoverProvider\":true,"
		"\"completionProvider\":{\"triggerCharacters\":[\":\",\" \",\"\\\"\"]}},"
		"\"serverInfo\":{\"name\":\"ielint\"}}";
	cJSON *result = cJSON_Parse(text);
	cJSON *info = cJSON_GetObjectItemCaseSensitive(result, "serverInfo");

	if (info && !cJSON_AddStringToObject(info, "version", version)) {
		cJSON_Delete(result);
		return NULL;
	}
	return result;
}

static cJSON *on_initialize(struct server *server, const cJSON *params)
{
	const cJSON *options = cJSON_GetObjectItemCaseSensitive(params, "initializationOptions");

	server->initialized = true;
	/* Read here, not at the start: what they say goes to the log, and
	 * the protocol lets the server say nothing before initialize but
	 * while answering it. */
	server_variables_load(&server->variables, server->inv, &server->out);
	lsp_settings_start(&server->settings, server->inv, &server->out);
	if (options)
		lsp_settings_apply(&server->settings, server->inv, options, &server->out);
	return capabilities(server->inv->report.version);
}

static cJSON *on_shutdown(struct server *server, const cJSON *params)
{
	(void)params;
	server->shut_down = true;
	return NULL;
}

static cJSON *on_code_action(struct server *server, const cJSON *params)
{
	return actions_for(server, params);
}

static const char *string_at(const cJSON *object, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, key));
}

static long version_of(const cJSON *document)
{
	const cJSON *version = cJSON_GetObjectItemCaseSensitive(document, "version");

	return cJSON_IsNumber(version) && version->valuedouble >= -1e15 &&
	       version->valuedouble <= 1e15 ? (long)version->valuedouble : 0;
}

static void on_open(struct server *server, const cJSON *params)
{
	const cJSON *document = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
	const cJSON *text = cJSON_GetObjectItemCaseSensitive(document, "text");
	const char *uri = string_at(document, "uri");
	struct lsp_document *doc;

	if (!uri || !cJSON_IsString(text))
		return;
	doc = documents_open(&server->docs, uri, string_at(document, "languageId"),
			     version_of(document), text, server->nul);
	if (doc)
		publish_document(server, doc);
	else
		rpc_log(&server->out, 1, "ielint: out of memory opening a document");
}

static void on_change(struct server *server, const cJSON *params)
{
	const cJSON *document = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
	const char *uri = string_at(document, "uri");
	struct lsp_document *doc = uri ? documents_find(&server->docs, uri) : NULL;

	if (!doc)
		return;
	doc->version = version_of(document);
	if (!documents_change(doc, cJSON_GetObjectItemCaseSensitive(params, "contentChanges"),
			      server->nul))
		rpc_log(&server->out, 1, "ielint: a change could not be applied; the "
			"document may differ from the editor's until it is opened again");
	publish_document(server, doc);
}

/* A .ielint.yaml saved may change every document's settings. */
static void on_save(struct server *server, const cJSON *params)
{
	const cJSON *document = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
	const char *uri = string_at(document, "uri");
	struct lsp_document *doc = uri ? documents_find(&server->docs, uri) : NULL;

	if (doc && is_config_file(doc->name)) {
		config_finder_free(&server->finder);
		config_finder_init(&server->finder, server->inv->config);
		publish_all(server);
	} else if (doc) {
		document_forget_lint(doc);
		publish_document(server, doc);
	}
}

static void on_close(struct server *server, const cJSON *params)
{
	const char *uri = string_at(cJSON_GetObjectItemCaseSensitive(params, "textDocument"),
				    "uri");

	if (!uri)
		return;
	documents_close(&server->docs, uri);
	publish_closed(server, uri);
}

static void on_configuration(struct server *server, const cJSON *params)
{
	lsp_settings_apply(&server->settings, server->inv,
			   cJSON_GetObjectItemCaseSensitive(params, "settings"), &server->out);
	/* The .ielint.yaml files may have changed too: read them again. */
	config_finder_free(&server->finder);
	config_finder_init(&server->finder, server->inv->config);
	publish_all(server);
}

static const struct method methods[] = {
	{ "initialize", on_initialize, NULL },
	{ "shutdown", on_shutdown, NULL },
	{ "textDocument/codeAction", on_code_action, NULL },
	{ "textDocument/hover", inquiry_hover, NULL },
	{ "textDocument/completion", inquiry_complete, NULL },
	{ "initialized", NULL, NULL },
	{ "textDocument/didOpen", NULL, on_open },
	{ "textDocument/didChange", NULL, on_change },
	{ "textDocument/didSave", NULL, on_save },
	{ "textDocument/didClose", NULL, on_close },
	{ "workspace/didChangeConfiguration", NULL, on_configuration },
};

static const struct method *method_named(const char *name)
{
	for (size_t i = 0; i < sizeof methods / sizeof *methods; i++)
		if (strcmp(methods[i].name, name) == 0)
			return &methods[i];
	return NULL;
}

/* What the lifecycle allows a message, as a JSON-RPC error code; 0 when
 * it goes on to its handler. */
static int lifecycle_refusal(const struct server *server, const char *method, bool request,
			     const char **why)
{
	bool initialize = strcmp(method, "initialize") == 0;

	if (server->shut_down) {
		*why = "the server is shutting down: only exit is taken";
		return RPC_INVALID_REQUEST;
	}
	if (!server->initialized && !initialize) {
		*why = "the server is not initialized";
		return request ? RPC_SERVER_NOT_INITIALIZED : RPC_INVALID_REQUEST;
	}
	if (server->initialized && initialize) {
		*why = "the server is initialized already";
		return RPC_INVALID_REQUEST;
	}
	return 0;
}

static void unknown_method(struct server *server, const char *name, const cJSON *id)
{
	char *text;

	if (id) {
		rpc_error(&server->out, id, RPC_METHOD_NOT_FOUND, "unknown method");
		return;
	}
	if (strncmp(name, "$/", 2) == 0)
		return; /* optional by the protocol's word */
	if ((text = format_alloc("ielint: ignored the notification %s", name)) != NULL)
		rpc_log(&server->out, 4, text);
	free(text);
}

static void dispatch(struct server *server, const char *name, const cJSON *id,
		     const cJSON *params)
{
	const struct method *method = method_named(name);
	const char *why;
	int refusal;

	if (strcmp(name, "exit") == 0 && !id) {
		server->exiting = true;
		return;
	}
	if ((refusal = lifecycle_refusal(server, name, id != NULL, &why)) != 0) {
		if (id)
			rpc_error(&server->out, id, refusal, why);
		return;
	}
	/* A notification's name sent as a request, or the reverse, is as
	 * unknown as any other. */
	if (!method || (id ? !method->request : method->request != NULL)) {
		unknown_method(server, name, id);
		return;
	}
	if (id)
		rpc_respond(&server->out, id, method->request(server, params));
	else if (method->notify)
		method->notify(server, params);
}

/* A message: a request or a notification; a response (the server asks
 * nothing, so none is awaited) is dropped. */
static void handle(struct server *server, char *body, size_t len)
{
	cJSON *message;
	const cJSON *id;
	const char *version, *name;

	server->nul = json_nul_mark(body, len);
	/* A NUL byte is in no JSON text (a string escapes it), but cJSON
	 * would read one in a string as the string's end. */
	message = memchr(body, '\0', len) ? NULL : cJSON_ParseWithLength(body, len);
	id = cJSON_GetObjectItemCaseSensitive(message, "id");
	version = string_at(message, "jsonrpc");
	name = string_at(message, "method");
	if (!message) {
		rpc_error(&server->out, NULL, RPC_PARSE_ERROR, "the message is no JSON");
		return;
	}
	/* An id that held a NUL cannot be given back as it came. */
	if (id && ((!cJSON_IsString(id) && !cJSON_IsNumber(id)) ||
		   (server->nul != JSON_NUL_NONE && cJSON_IsString(id) &&
		    (json_nul_held(id->valuestring) || server->nul == JSON_NUL_UNMARKED))))
		id = NULL;
	if (!name && id && (cJSON_HasObjectItem(message, "result") ||
			    cJSON_HasObjectItem(message, "error"))) {
		cJSON_Delete(message);
		return;
	}
	if (!cJSON_IsObject(message) || !version || strcmp(version, "2.0") != 0 || !name ||
	    (cJSON_HasObjectItem(message, "id") && !id))
		rpc_error(&server->out, id, RPC_INVALID_REQUEST, "the message is no JSON-RPC 2.0 "
			  "request or notification");
	else
		dispatch(server, name, id, cJSON_GetObjectItemCaseSensitive(message, "params"));
	cJSON_Delete(message);
}

/* Reads and handles one message; false when the server is done. */
static bool serve_one(struct server *server)
{
	char *body;
	size_t len;

	switch (rpc_read(&server->in, &body, &len)) {
	case RPC_READ_MESSAGE:
		handle(server, body, len);
		break;
	case RPC_READ_BAD_HEADER:
		rpc_error(&server->out, NULL, RPC_PARSE_ERROR, "the message's header is malformed: "
			  "it needs Content-Length");
		break;
	case RPC_READ_TOO_LARGE:
		rpc_error(&server->out, NULL, RPC_INVALID_REQUEST, "the message is too large: "
			  "it is skipped");
		break;
	case RPC_READ_NO_MEMORY:
		mem_shortage();
		break;
	case RPC_READ_EOF:
		return false;
	}
	/* An answer or a diagnostic may be missing: better to end, said, and
	 * be started again than to serve a wrong picture. */
	if (mem_shortage_take()) {
		fputs("ielint: out of memory\n", stderr);
		server->out_of_memory = true;
		return false;
	}
	return !server->exiting && !server->out.closed;
}

int server_run(struct invocation *inv, int in_fd, int out_fd)
{
	/* Large (the variable files' results): not on the stack. */
	struct server *server = mem_calloc(1, sizeof *server);
	int status;

	if (!server) {
		fputs("ielint: out of memory\n", stderr);
		return 2;
	}
	*server = (struct server){ .inv = inv, .out = { out_fd, false } };

	rpc_reader_init(&server->in, in_fd);
	documents_init(&server->docs);
	config_finder_init(&server->finder, inv->config);
	lsp_settings_init(&server->settings);
	mem_shortage_take(); /* what came before is not the server's */
	while (serve_one(server))
		;
	server_variables_free(&server->variables, inv);
	lsp_settings_free(&server->settings);
	config_finder_free(&server->finder);
	documents_free(&server->docs);
	rpc_reader_free(&server->in);
	status = server->out_of_memory ? 2 : server->exiting && server->shut_down ? 0 : 1;
	free(server);
	return status;
}
