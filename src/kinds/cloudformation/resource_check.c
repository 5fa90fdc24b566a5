#include "resource_check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check/suggest.h"

/* CloudFormation takes at most 500 resources and 200 parameters; past
 * this many names a "did you mean" costs more than it helps. */
enum { MAX_SUGGESTION_NAMES = 500 };

void resource_report(struct resource_check *e, struct span span, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	diag_addv(e->diags, e->rule, span, path_string(e->path), format, args);
	va_end(args);
}

struct hint suggest_name(const struct resource_check *e, const struct node *at,
			 const struct section *section, const char *text, size_t len)
{
	struct hint hint = { "" };
	struct suggestion s;

	if (section->count > MAX_SUGGESTION_NAMES ||
	    !diag_list_has_room(e->diags, e->rule, at->span.line))
		return hint;
	suggestion_init(&s, text, len);
	for (size_t i = 0; i < section->count; i++)
		suggestion_consider(&s, section->names[i].text);
	if (s.best)
		snprintf(hint.text, sizeof hint.text, "; did you mean \"%s\"?",
			 shorten(s.best, strlen(s.best)).text);
	return hint;
}
