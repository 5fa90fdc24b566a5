/* Linting an open document and publishing what it found: each diag as a
 * protocol Diagnostic, its span in UTF-16 positions. */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "position.h"
#include "base/format.h"
#include "base/memory.h"
#include "base/strbuf.h"
#include "kinds/terraform/module.h"
#include "report/file_uri.h"
#include "report/rule_help.h"

/* A .ielint.yaml opened in the editor is no document to lint. */
bool is_config_file(const char *name)
{
	const char *slash = strrchr(name, '/');

	return strcmp(slash ? slash + 1 : name, CONFIG_FILE_NAME) == 0;
}

void log_file_problems(struct rpc_writer *out, const char *name, const char *unreadable,
		       const struct diag_list *diags)
{
	char *text;

	if (unreadable) {
		if ((text = format_alloc("ielint: %s: cannot read: %s", name, unreadable)) != NULL)
			rpc_log(out, 2, text);
		free(text);
		return;
	}
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		if ((text = format_alloc("ielint: %s:%d:%d: %s %s", name, d->span.line,
					 d->span.column, rule_get(d->rule)->code,
					 d->message)) != NULL)
			rpc_log(out, 2, text);
		free(text);
	}
}

/* A .ielint.yaml's own problems are not the document's: the log says
 * them, once per file. */
static void log_config(struct server *server, struct config *config)
{
	if (!config || config->reported)
		return;
	config->reported = true;
	log_file_problems(&server->out, config->path, config->readable ? NULL : config->why,
			  &config->diags);
}

/* The options and settings a document is linted with: its .ielint.yaml's
 * (an untitled one has none), the command line's, the editor's. */
static void settings_of(struct server *server, const struct lsp_document *doc,
			struct lint_options *options, struct rule_settings *settings)
{
	struct rule_settings config_settings;

	settings_init(&config_settings);
	if (doc->path) {
		struct config *config = config_for(&server->finder, doc->path);
		config_settings_for(config, doc->path, &config_settings);
		/* One passed over for who may write it is no config of the
		 * document's, but its note is what tells why its settings do
		 * not apply: said as the command line says it. */
		for (size_t i = 0; i < server->finder.config_count; i++)
			if (server->finder.configs[i]->ignored)
				log_config(server, server->finder.configs[i]);
		log_config(server, config);
	}
	lsp_settings_for(&server->settings, server->inv, &config_settings, options, settings);
}

bool publish_forced_type(struct server *server, const struct lsp_document *doc,
			 struct document_type *type)
{
	struct rule_settings settings;
	struct lint_options options;

	settings_of(server, doc, &options, &settings);
	return settings_document_type(&settings, type);
}

void publish_lint_text(struct server *server, const struct lsp_document *doc,
		       const struct source *src, struct diag_list *diags, char **why)
{
	struct rule_settings settings;
	struct lint_options options;
	char *left_out = NULL;
	bool earlier;

	/* Before all else: for a .ielint.yaml itself, this logs its problems. */
	settings_of(server, doc, &options, &settings);
	diag_list_init(diags);
	if (is_config_file(doc->name))
		return;
	/* The lint takes the shortage noted so far as another's: kept here,
	 * with the lint's own, for the server to see. */
	earlier = mem_shortage_take();
	/* A Terraform document's module, read as it is on disk now. */
	options.state.modules = doc->path ? module_cache_new(options.max_file_size) : NULL;
	if (doc->path && !options.state.modules)
		mem_shortage();
	/* Editors open every YAML and JSON file alike: one that is no
	 * request, template or configuration is left alone, as a directory
	 * search leaves it. */
	lint_source_found(src, doc->path, &options, &settings, diags, &left_out);
	module_cache_free(options.state.modules);
	if (earlier || diags->out_of_memory || server->finder.out_of_memory)
		mem_shortage();
	if (why)
		*why = left_out;
	else
		free(left_out);
}

static void lint(struct server *server, struct lsp_document *doc)
{
	char *why = NULL, *text = NULL;

	doc->linted = true;
	doc->source = (struct source){ .name = doc->name, .data = doc->text, .len = doc->len };
	if (doc->nul_unread || doc->too_large || !doc->text) {
		diag_list_init(&doc->diags);
		if (doc->nul_unread)
			diag_add(&doc->diags, RULE_NUL_BYTE, (struct span){ 1, 1, 1, 1 }, "",
				 "NUL byte in the text: neither JSON nor YAML allows one");
		else
			diag_add(&doc->diags, RULE_FILE_TOO_LARGE, (struct span){ 1, 1, 1, 1 },
				 "", "the document is larger than %d MiB; a request is a few "
				 "kilobytes", LINT_MAX_FILE_SIZE / (1024 * 1024));
		doc->source.data = (char *)"";
		return;
	}
	publish_lint_text(server, doc, &doc->source, &doc->diags, &why);
	/* Said once, when the document becomes one left alone: not on each
	 * keystroke. */
	if (why && !doc->left_out && (text = format_alloc("ielint: %s is left alone: %s",
							  doc->name, why)) != NULL)
		rpc_log(&server->out, 3, text);
	doc->left_out = why != NULL;
	free(text);
	free(why);
}

static bool add_string(cJSON *object, const char *key, const char *value)
{
	return value && cJSON_AddStringToObject(object, key, value);
}


/* codeDescription: the rule's heading on the rules page. */
static cJSON *code_description(const struct rule *rule)
{
	char *anchor = rule_anchor(rule);
	char *href = anchor ? format_alloc(RULES_PAGE_URI "#%s", anchor) : NULL;
	cJSON *json = cJSON_CreateObject();

	free(anchor);
	if (!json || !add_string(json, "href", href)) {
		cJSON_Delete(json);
		json = NULL;
	}
	free(href);
	return json;
}

/* The file: URI of another file a diagnostic names. */
static char *uri_of_file(const char *name)
{
	char *cwd = file_uri_working_directory();
	char *absolute = file_uri_normalize(cwd, name);
	struct strbuf uri = STRBUF_INIT;

	free(cwd);
	if (!absolute)
		return NULL;
	strbuf_puts(&uri, "file://");
	file_uri_put_path(&uri, absolute);
	free(absolute);
	return strbuf_take(&uri);
}

/* A place in another file, whose text is not at hand: code points stand
 * for UTF-16 units, which they are but for astral characters. */
static cJSON *range_elsewhere(const struct span *span)
{
	struct span s = *span;

	if (s.end_line < s.line || (s.end_line == s.line && s.end_column < s.column)) {
		s.end_line = s.line;
		s.end_column = s.column;
	}
	return position_range_raw(s.line - 1, s.column - 1, s.end_line - 1, s.end_column - 1);
}

static cJSON *related_information(const struct lsp_document *doc,
				  const struct line_index *index, const struct diag *d)
{
	cJSON *list = cJSON_CreateArray(), *info = cJSON_CreateObject(), *location;
	char *uri = d->related_file ? uri_of_file(d->related_file) : mem_strdup(doc->uri);
	bool made = json_push(list, info) &&
		    (location = cJSON_AddObjectToObject(info, "location")) != NULL &&
		    add_string(location, "uri", uri) &&
		    json_put(location, "range", d->related_file ? range_elsewhere(&d->related)
					       : position_range_of_span(index, &d->related)) &&
		    add_string(info, "message", "the other place the message refers to");

	free(uri);
	if (made)
		return list;
	cJSON_Delete(list);
	return NULL;
}

/* data: what code actions match the diagnostic by when it comes back. */
static cJSON *diagnostic_data(const struct lsp_document *doc, size_t i)
{
	cJSON *data = cJSON_CreateObject();

	if (data && cJSON_AddNumberToObject(data, "index", (double)i) &&
	    cJSON_AddNumberToObject(data, "version", (double)doc->version) &&
	    cJSON_AddBoolToObject(data, "fixable", doc->diags.items[i].fix != NULL))
		return data;
	cJSON_Delete(data);
	return NULL;
}

static const int protocol_severity[] = {
	[SEVERITY_ERROR] = 1, [SEVERITY_WARNING] = 2, [SEVERITY_NOTE] = 3
};

static cJSON *diagnostic(const struct lsp_document *doc, const struct line_index *index,
			 size_t i)
{
	const struct diag *d = &doc->diags.items[i];
	const struct rule *rule = rule_get(d->rule);
	cJSON *json = cJSON_CreateObject();

	if (json && json_put(json, "range", position_range_of_span(index, &d->span)) &&
	    cJSON_AddNumberToObject(json, "severity", protocol_severity[d->severity]) &&
	    add_string(json, "code", rule->code) && add_string(json, "source", "ielint") &&
	    add_string(json, "message", d->message) &&
	    json_put(json, "codeDescription", code_description(rule)) &&
	    (!d->has_related || json_put(json, "relatedInformation",
					 related_information(doc, index, d))) &&
	    json_put(json, "data", diagnostic_data(doc, i)))
		return json;
	cJSON_Delete(json);
	return NULL;
}

static cJSON *diagnostics_of(const struct lsp_document *doc)
{
	struct line_index index;
	cJSON *list = cJSON_CreateArray();

	if (!list || !line_index_build(&index, doc->source.data, doc->source.len)) {
		cJSON_Delete(list);
		return NULL;
	}
	for (size_t i = 0; i < doc->diags.count; i++) {
		if (!json_push(list, diagnostic(doc, &index, i))) {
			cJSON_Delete(list);
			list = NULL;
			break;
		}
	}
	line_index_free(&index);
	return list;
}

static void send(struct server *server, const char *uri, const long *version, cJSON *list)
{
	cJSON *params = cJSON_CreateObject();

	/* A shortage is noted already: the server ends once this message is
	 * handled. */
	if (!add_string(params, "uri", uri) ||
	    (version && !cJSON_AddNumberToObject(params, "version", (double)*version))) {
		cJSON_Delete(list);
		cJSON_Delete(params);
		return;
	}
	if (!json_put(params, "diagnostics", list)) {
		cJSON_Delete(params);
		return;
	}
	rpc_notify(&server->out, "textDocument/publishDiagnostics", params);
}

static void ensure_linted(struct server *server, struct lsp_document *doc)
{
	if (!doc->linted)
		lint(server, doc);
}

void publish_document(struct server *server, struct lsp_document *doc)
{
	ensure_linted(server, doc);
	send(server, doc->uri, &doc->version, diagnostics_of(doc));
}

void publish_closed(struct server *server, const char *uri)
{
	send(server, uri, NULL, cJSON_CreateArray());
}

void publish_all(struct server *server)
{
	for (size_t i = 0; i < server->docs.count; i++) {
		document_forget_lint(server->docs.items[i]);
		publish_document(server, server->docs.items[i]);
	}
}

struct lsp_document *server_document(struct server *server, const cJSON *params)
{
	const cJSON *doc = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
	const cJSON *uri = cJSON_GetObjectItemCaseSensitive(doc, "uri");
	struct lsp_document *found;

	if (!cJSON_IsString(uri) || !(found = documents_find(&server->docs, uri->valuestring)))
		return NULL;
	ensure_linted(server, found);
	return found;
}

const struct diag *publish_match(const struct lsp_document *doc, const cJSON *diagnostic)
{
	const cJSON *data = cJSON_GetObjectItemCaseSensitive(diagnostic, "data");
	const cJSON *index = cJSON_GetObjectItemCaseSensitive(data, "index");
	const cJSON *version = cJSON_GetObjectItemCaseSensitive(data, "version");
	const cJSON *code = cJSON_GetObjectItemCaseSensitive(diagnostic, "code");
	const struct diag *d;

	/* A diagnostic of another version is of a text that is gone. */
	if (!cJSON_IsNumber(index) || !cJSON_IsNumber(version) || !cJSON_IsString(code) ||
	    version->valuedouble != (double)doc->version || index->valuedouble < 0 ||
	    index->valuedouble >= (double)doc->diags.count)
		return NULL;
	d = &doc->diags.items[(size_t)index->valuedouble];
	return strcmp(rule_get(d->rule)->code, code->valuestring) == 0 ? d : NULL;
}
