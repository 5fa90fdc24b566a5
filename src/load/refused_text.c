/* What the AWS CLI's YAML reader refuses in the text itself, and
 * libfyaml lets through: control characters anywhere, and tabs between
 * tokens. */
#include "loader.h"

#include "characters.h"

/* The AWS CLI's YAML reader refuses a control character anywhere in the
 * text, a comment included, as YAML itself does; libfyaml lets them
 * through. Each is an error, and reading goes on: the rest of the document
 * can still be checked. (JSON needs no such pass: its parser refuses a
 * control character outside a string and, as Python's does, a raw one
 * inside; DEL and the C1 controls are allowed there.) */
void loader_check_characters(struct loader *ld)
{
	const struct source *src = ld->src;
	struct position at = ld->last;
	unsigned code;

	for (size_t i = characters_find_forbidden(src->data, at.offset, src->len, &code);
	     i < src->len;
	     i = characters_find_forbidden(src->data, i + 1, src->len, &code)) {
		const char *name = characters_name(code);
		at = source_advance(src, at, i);
		loader_report(ld, RULE_SYNTAX_ERROR, span_at(at), NULL,
			      "YAML syntax error: the %s U+%04X%s%s is not allowed anywhere "
			      "in YAML, not even in a comment: YAML readers, the AWS CLI's "
			      "among them, refuse the file",
			      *name ? "control character" : "noncharacter", code,
			      *name ? " " : "", name);
	}
}

/* Tabs the AWS CLI's YAML reader refuses (tabs.h), one a line: an error
 * of requests only, held back until the document is known to be one, since
 * what CloudFormation's own reader makes of them is not known. Only a
 * document read to its end is searched: the quoted and block scalars past
 * a syntax error were never seen. */
void loader_check_tabs(struct loader *ld)
{
	const struct source *src = ld->src;
	struct position at = SOURCE_START;

	for (size_t i = tabs_find_refused(src->data, src->len, &ld->tab_room, 0); i < src->len;
	     i = tabs_find_refused(src->data, src->len, &ld->tab_room, i)) {
		at = source_advance(src, at, i);
		loader_hold_back(ld, RULE_SYNTAX_ERROR, span_at(at),
				 "a tab where the AWS CLI's YAML reader takes only spaces: it "
				 "refuses a tab anywhere but in a quoted string, a block scalar "
				 "or a comment, although YAML allows one here");
		while (i < src->len && src->data[i] != '\n' && src->data[i] != '\r')
			i++;
	}
}
