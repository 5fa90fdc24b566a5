#include "fingerprint.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/memory.h"

#define HASH_START UINT64_C(0xcbf29ce484222325)

/* 64-bit FNV-1a, over several strings, each with its terminating NUL. */
static uint64_t hash_strings(uint64_t hash, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;

	do {
		hash ^= *p;
		hash *= UINT64_C(0x100000001b3);
	} while (*p++);
	return hash;
}

bool fingerprints_init(struct fingerprints *f, size_t count)
{
	f->size = 16;
	while (f->size < 2 * count)
		f->size *= 2;
	f->keys = mem_calloc(f->size, sizeof *f->keys);
	f->counts = mem_calloc(f->size, sizeof *f->counts);
	if (!f->keys || !f->counts) {
		free(f->keys);
		free(f->counts);
		f->keys = NULL;
		f->counts = NULL;
		f->size = 0;
		return false;
	}
	return true;
}

/* One more of key; returns how many there have been (1 for the first).
 * An open hash table of the keys' hashes. */
static size_t occurrences_add(struct fingerprints *f, uint64_t key)
{
	size_t i = (size_t)key & (f->size - 1);

	while (f->counts[i] && f->keys[i] != key)
		i = (i + 1) & (f->size - 1);
	f->keys[i] = key;
	return ++f->counts[i];
}

void fingerprint_next(struct fingerprints *f, const char *file, const char *code,
		      const char *path, char text[FINGERPRINT_SIZE])
{
	uint64_t key = hash_strings(hash_strings(HASH_START, code ? code : ""),
				    path ? path : "");
	size_t occurrence = occurrences_add(f, key);
	uint64_t hash = hash_strings(key, file ? file : "");

	snprintf(text, FINGERPRINT_SIZE, "%016llx:%zu", (unsigned long long)hash, occurrence);
}

void fingerprints_free(struct fingerprints *f)
{
	free(f->keys);
	free(f->counts);
	f->keys = NULL;
	f->counts = NULL;
	f->size = 0;
}
