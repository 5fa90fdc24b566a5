/* FNV-1a, 64-bit whatever the width of size_t: a hash of bytes for the
 * tables that look names and diagnostics up. It is not keyed, so a file
 * can be written whose names all collide; a table that may hold names
 * from a file must bound its probes (see kinds/cloudformation/template.c). */
#ifndef IELINT_HASH_H
#define IELINT_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_START UINT64_C(14695981039346656037)

static inline uint64_t hash_bytes(uint64_t hash, const void *bytes, size_t len)
{
	const unsigned char *p = bytes;

	for (size_t i = 0; i < len; i++)
		hash = (hash ^ p[i]) * UINT64_C(1099511628211);
	return hash;
}

#endif
