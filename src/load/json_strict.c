/* What Python's JSON reader, and so the AWS CLI, refuses in JSON, where
 * libfyaml's JSON mode lets it through or says less of it: comments, and
 * raw control characters (found in characters.c). A byte-order mark is
 * refused with the encoding (encoding.c). */
#include "loader.h"

#include <string.h>

#include "characters.h"

/* libfyaml's JSON mode lets YAML comments through; JSON has none. Between
 * two events there can only be punctuation and space, so a '#' there is a
 * comment. */
void loader_check_json_gap(struct loader *ld, size_t upto)
{
	const char *data = ld->src->data;
	const char *hash;

	if (upto <= ld->last.offset)
		return;
	hash = memchr(data + ld->last.offset, '#', upto - ld->last.offset);
	if (hash) {
		struct position at = source_advance(ld->src, ld->last, (size_t)(hash - data));
		loader_report(ld, RULE_SYNTAX_ERROR, span_at(at), NULL,
			      "JSON syntax error: comments are not allowed in JSON");
		ld->stop = true;
	}
}

void loader_report_json_control(struct loader *ld, size_t offset, unsigned code)
{
	struct position at = source_advance(ld->src, SOURCE_START, offset);

	loader_report(ld, RULE_SYNTAX_ERROR, span_at(at), NULL,
		      "JSON syntax error: the control character U+%04X %s is not allowed "
		      "here; in a string, write it as an escape (\\u%04X)", code,
		      characters_name(code), code);
}
