#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"

enum { ARENA_BLOCK_SIZE = 16 * 1024 };

struct arena_block {
	struct arena_block *next;
	size_t used;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

void arena_init(struct arena *arena)
{
	arena->head = NULL;
}

void arena_free(struct arena *arena)
{
	struct arena_block *block = arena->head;

	while (block) {
		struct arena_block *next = block->next;
		free(block);
		block = next;
	}
	arena->head = NULL;
}

static size_t round_up(size_t size)
{
	size_t align = alignof(max_align_t);
	return (size + align - 1) / align * align;
}

static struct arena_block *block_new(size_t capacity)
{
	struct arena_block *block = mem_malloc(sizeof *block + capacity);

	if (block) {
		block->size = capacity;
		block->used = 0;
		block->next = NULL;
	}
	return block;
}

void *arena_alloc(struct arena *arena, size_t size)
{
	struct arena_block *head = arena->head;
	struct arena_block *block;

	if (size > SIZE_MAX / 2)
		return NULL;
	size = round_up(size ? size : 1);
	if (head && head->size - head->used >= size) {
		block = head;
	} else if (size > ARENA_BLOCK_SIZE / 4 && head) {
		/* A large request gets a block of its own behind the current
		 * one, so the space left in the current block is not lost. */
		block = block_new(size);
		if (!block)
			return NULL;
		block->next = head->next;
		head->next = block;
	} else {
		block = block_new(size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE);
		if (!block)
			return NULL;
		block->next = head;
		arena->head = block;
	}
	void *memory = block->data + block->used;
	block->used += size;
	return memory;
}

void *arena_dup(struct arena *arena, const void *bytes, size_t size)
{
	void *copy = arena_alloc(arena, size);

	if (copy)
		memcpy(copy, bytes, size);
	return copy;
}

char *arena_strndup(struct arena *arena, const char *text, size_t len)
{
	char *copy = arena_alloc(arena, len + 1);

	if (!copy)
		return NULL;
	memcpy(copy, text, len);
	copy[len] = '\0';
	return copy;
}
