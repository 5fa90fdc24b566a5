#include "memory.h"

#include <stdlib.h>
#include <string.h>

static _Thread_local bool short_of_memory;

void mem_shortage(void)
{
	short_of_memory = true;
}

bool mem_shortage_take(void)
{
	bool was = short_of_memory;

	short_of_memory = false;
	return was;
}

/* An allocation of nothing may rightly answer NULL. */
static void *noted(void *p, bool something)
{
	if (!p && something)
		mem_shortage();
	return p;
}

void *mem_malloc(size_t size)
{
	return noted(malloc(size), size > 0);
}

void *mem_calloc(size_t count, size_t size)
{
	return noted(calloc(count, size), count > 0 && size > 0);
}

void *mem_realloc(void *old, size_t size)
{
	return noted(realloc(old, size), size > 0);
}

char *mem_strdup(const char *text)
{
	return noted(strdup(text), true);
}

char *mem_strndup(const char *text, size_t len)
{
	return noted(strndup(text, len), true);
}
