#include "anchors.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/memory.h"

struct anchor {
	const char *name;
	size_t len;
	struct node *node;
	struct anchor *next;
};

/* Anchor names come from the file, and with a hash anyone can work out
 * (FNV-1a, before), a file can give every name the same bucket: 1.7 MB of
 * 120,000 anchors so named and 10,000 aliases took 6.6 s of CPU. The
 * hash is SipHash-1-3 under a key drawn once a process, so no file can
 * know which names collide; only the speed depends on the key, never
 * what is found. */
static uint64_t hash_key[2];
static pthread_once_t hash_key_once = PTHREAD_ONCE_INIT;

static void draw_hash_key(void)
{
	FILE *random = fopen("/dev/urandom", "rb");
	size_t got = random ? fread(hash_key, sizeof hash_key, 1, random) : 0;

	if (random)
		fclose(random);
	if (got != 1) {
		/* No /dev/urandom: what differs between runs will do. */
		hash_key[0] = (uint64_t)time(NULL) ^ (uint64_t)getpid() << 32;
		hash_key[1] = (uint64_t)(uintptr_t)&got * UINT64_C(0x9E3779B97F4A7C15);
	}
}

static uint64_t rotate(uint64_t x, int bits)
{
	return x << bits | x >> (64 - bits);
}

static void sip_round(uint64_t v[4])
{
	v[0] += v[1], v[1] = rotate(v[1], 13), v[1] ^= v[0], v[0] = rotate(v[0], 32);
	v[2] += v[3], v[3] = rotate(v[3], 16), v[3] ^= v[2];
	v[0] += v[3], v[3] = rotate(v[3], 21), v[3] ^= v[0];
	v[2] += v[1], v[1] = rotate(v[1], 17), v[1] ^= v[2], v[2] = rotate(v[2], 32);
}

/* Bytes as a little-endian word. */
static uint64_t word(const unsigned char *bytes, size_t count)
{
	uint64_t w = 0;

	for (size_t i = 0; i < count; i++)
		w |= (uint64_t)bytes[i] << (8 * i);
	return w;
}

static size_t hash_name(const char *name, size_t len)
{
	const unsigned char *p = (const unsigned char *)name;
	uint64_t v[4] = {
		UINT64_C(0x736f6d6570736575) ^ hash_key[0], UINT64_C(0x646f72616e646f6d) ^ hash_key[1],
		UINT64_C(0x6c7967656e657261) ^ hash_key[0], UINT64_C(0x7465646279746573) ^ hash_key[1],
	};
	size_t i = 0;
	uint64_t m;

	for (; i + 8 <= len; i += 8) {
		m = word(p + i, 8);
		v[3] ^= m;
		sip_round(v);
		v[0] ^= m;
	}
	m = word(p + i, len - i) | (uint64_t)len << 56;
	v[3] ^= m;
	sip_round(v);
	v[0] ^= m;
	v[2] ^= 0xff;
	sip_round(v);
	sip_round(v);
	sip_round(v);
	return (size_t)(v[0] ^ v[1] ^ v[2] ^ v[3]);
}

static bool grow(struct anchor_table *table)
{
	size_t count = table->bucket_count ? table->bucket_count * 2 : 64;
	struct anchor **buckets = mem_calloc(count, sizeof *buckets);

	if (!buckets)
		return false;
	for (size_t i = 0; i < table->bucket_count; i++) {
		/* Rehash each chain keeping its order: newer anchors first. */
		struct anchor *entry = table->buckets[i], *reversed = NULL;
		while (entry) {
			struct anchor *next = entry->next;
			entry->next = reversed;
			reversed = entry;
			entry = next;
		}
		for (entry = reversed; entry;) {
			struct anchor *next = entry->next;
			size_t slot = hash_name(entry->name, entry->len) & (count - 1);
			entry->next = buckets[slot];
			buckets[slot] = entry;
			entry = next;
		}
	}
	free(table->buckets);
	table->buckets = buckets;
	table->bucket_count = count;
	return true;
}

bool anchors_add(struct anchor_table *table, struct arena *arena,
		 const char *name, size_t len, struct node *node)
{
	struct anchor *entry = arena_alloc(arena, sizeof *entry);

	pthread_once(&hash_key_once, draw_hash_key);
	if (!entry || (table->count >= table->bucket_count && !grow(table)))
		return false;
	size_t slot = hash_name(name, len) & (table->bucket_count - 1);
	*entry = (struct anchor){ name, len, node, table->buckets[slot] };
	table->buckets[slot] = entry;
	table->count++;
	return true;
}

struct node *anchors_find(const struct anchor_table *table, const char *name,
			  size_t len)
{
	if (!table->bucket_count)
		return NULL;
	size_t slot = hash_name(name, len) & (table->bucket_count - 1);
	for (struct anchor *entry = table->buckets[slot]; entry; entry = entry->next)
		if (entry->len == len && memcmp(entry->name, name, len) == 0)
			return entry->node;
	return NULL;
}

void anchors_free(struct anchor_table *table)
{
	free(table->buckets);
	memset(table, 0, sizeof *table);
}
