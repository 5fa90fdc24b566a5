/* Member paths as users write them: ModelVariants[1].VariantName. */
#ifndef IELINT_PATH_H
#define IELINT_PATH_H

#include <stdbool.h>
#include <stddef.h>

struct path {
	char *text; /* NUL-terminated; "" for the document itself */
	size_t len;
	size_t capacity;
	bool failed; /* memory ran out: text stays what it was */
};

void path_init(struct path *path);
void path_free(struct path *path);

/* Keys that are plain identifiers read as .Key, others as ["key"]. */
void path_append_key(struct path *path, const char *key, size_t len);
void path_append_index(struct path *path, size_t index);

/* The path as text; "" while empty. */
const char *path_string(const struct path *path);

/* Cuts the path back to an earlier length, to leave a member. */
void path_truncate(struct path *path, size_t len);

#endif
