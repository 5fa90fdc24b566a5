#include "format.h"

#include <stdio.h>
#include <stdlib.h>

#include "memory.h"

char *format_allocv(const char *format, va_list args)
{
	va_list again;
	va_copy(again, args);
	int len = vsnprintf(NULL, 0, format, args);
	char *text = len < 0 ? NULL : mem_malloc((size_t)len + 1);

	if (text)
		vsnprintf(text, (size_t)len + 1, format, again);
	va_end(again);
	return text;
}

char *format_alloc(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	char *text = format_allocv(format, args);
	va_end(args);
	return text;
}
