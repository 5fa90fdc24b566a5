/* The JSON format: an array with one object per diagnostic, in the order of
 * the text format. The members are documented in ielint(1) and stable:
 * file, line, column, endLine, endColumn (the column after the last
 * character), ruleId, ruleName, severity ("error", "warning" or "note"),
 * message, path, operation (the request the file was checked as: "create",
 * "update" or "stop"; absent for a file that is no request, such as a
 * config file, or was not loaded), related (file, line, column,
 * endLine, endColumn) when the rule names a second place, pattern (the
 * regular expression, as the service model writes it) for
 * pattern-mismatch, and fix (line, column, endLine, endColumn, offset and
 * length in bytes, and replacement: the text to write there) when ielint
 * knows the repair for certain. */
#include "report.h"

#include <cjson/cJSON.h>

#include "fixes.h"

static cJSON *position(const char *file, const struct span *span)
{
	cJSON *object = cJSON_CreateObject();

	if (object && cJSON_AddStringToObject(object, "file", file) &&
	    cJSON_AddNumberToObject(object, "line", span->line) &&
	    cJSON_AddNumberToObject(object, "column", span->column) &&
	    cJSON_AddNumberToObject(object, "endLine", span->end_line) &&
	    cJSON_AddNumberToObject(object, "endColumn", span->end_column))
		return object;
	cJSON_Delete(object);
	return NULL;
}

/* The fix as --fix would make it: the bytes replaced and their text. */
static bool add_fix(cJSON *object, const struct source *src, const struct diag *diag)
{
	size_t offset;
	cJSON *fix;

	if (!fix_offset(src, diag, &offset))
		return true;
	fix = cJSON_AddObjectToObject(object, "fix");
	return fix && cJSON_AddNumberToObject(fix, "line", diag->fix->span.line) &&
	       cJSON_AddNumberToObject(fix, "column", diag->fix->span.column) &&
	       cJSON_AddNumberToObject(fix, "endLine", diag->fix->span.end_line) &&
	       cJSON_AddNumberToObject(fix, "endColumn", diag->fix->span.end_column) &&
	       cJSON_AddNumberToObject(fix, "offset", (double)offset) &&
	       cJSON_AddNumberToObject(fix, "length", (double)diag->fix->length) &&
	       cJSON_AddStringToObject(fix, "replacement", diag->fix->text);
}

static cJSON *diagnostic(const char *file, const struct source *src,
			 const struct diag *diag, const struct diag_list *diags)
{
	const struct rule *rule = rule_get(diag->rule);
	cJSON *object = position(file, &diag->span);

	if (!object || !cJSON_AddStringToObject(object, "ruleId", rule->code) ||
	    !cJSON_AddStringToObject(object, "ruleName", rule->name) ||
	    !cJSON_AddStringToObject(object, "severity", severity_name(diag->severity)) ||
	    !cJSON_AddStringToObject(object, "message", diag->message) ||
	    !cJSON_AddStringToObject(object, "path", diag->path) ||
	    (diags->checked &&
	     !cJSON_AddStringToObject(object, "operation",
				      document_type_name(diags->checked_as))) ||
	    (diag->pattern && !cJSON_AddStringToObject(object, "pattern", diag->pattern))) {
		cJSON_Delete(object);
		return NULL;
	}
	if (!add_fix(object, src, diag)) {
		cJSON_Delete(object);
		return NULL;
	}
	if (diag->has_related) {
		cJSON *related = position(diag->related_file ? diag->related_file : file,
					  &diag->related);
		if (!related || !cJSON_AddItemToObject(object, "related", related)) {
			cJSON_Delete(related);
			cJSON_Delete(object);
			return NULL;
		}
	}
	return object;
}

static void json_file(struct reporter *r, const char *name, const struct source *src,
		      const struct diag_list *diags)
{
	if (!r->state)
		r->state = cJSON_CreateArray();
	for (size_t i = 0; r->state && i < diags->count; i++) {
		cJSON *item = diagnostic(name, src, &diags->items[i], diags);
		if (!item || !cJSON_AddItemToArray(r->state, item)) {
			cJSON_Delete(item);
			r->failed = true;
		}
	}
	if (!r->state)
		r->failed = true;
}

static void json_finish(struct reporter *r, int exit_status)
{
	(void)exit_status;
	if (!r->state)
		r->state = cJSON_CreateArray();
	report_print_json(r, r->state);
}

static void json_free(struct reporter *r)
{
	cJSON_Delete(r->state);
	r->state = NULL;
}

const struct report_ops report_json_ops = {
	.file = json_file,
	.finish = json_finish,
	.free = json_free,
};
