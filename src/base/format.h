/* printf into freshly allocated memory: no fixed buffer for input to
 * overflow. Both return NULL when memory runs out. */
#ifndef IELINT_FORMAT_H
#define IELINT_FORMAT_H

#include <stdarg.h>

char *format_alloc(const char *format, ...)
	__attribute__((format(printf, 1, 2)));
char *format_allocv(const char *format, va_list args)
	__attribute__((format(printf, 1, 0)));

#endif
