#include "resource_check.h"

#include <stdarg.h>

void resource_report(struct resource_check *e, struct span span, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	diag_addv(e->diags, e->rule, span, path_string(e->path), format, args);
	va_end(args);
}
