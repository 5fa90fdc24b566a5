/* A bump allocator: a document's nodes and strings live and die together. */
#ifndef IELINT_ARENA_H
#define IELINT_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
};

void arena_init(struct arena *arena);
void arena_free(struct arena *arena);

/* Both return NULL when memory runs out; callers must check. */
void *arena_alloc(struct arena *arena, size_t size);
char *arena_strndup(struct arena *arena, const char *text, size_t len);
/* A copy of size bytes at bytes. */
void *arena_dup(struct arena *arena, const void *bytes, size_t size);

#endif
