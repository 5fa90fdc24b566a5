/* Member paths as users write them: ModelVariants[1].VariantName. */
#ifndef IELINT_PATH_H
#define IELINT_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* "" for the document itself. When memory runs out, the text stays what
 * it was and the path is marked failed. */
struct path {
	struct strbuf text;
};

void path_init(struct path *path);
void path_free(struct path *path);

/* Keys that are plain identifiers read as .Key, others as ["key"]; a key
 * longer than 256 bytes as ["its first 256..."]. */
void path_append_key(struct path *path, const char *key, size_t len);
void path_append_index(struct path *path, size_t index);

/* The path as text; "" while empty. */
const char *path_string(const struct path *path);

/* Its length, to come back to with path_truncate once a member is left. */
size_t path_length(const struct path *path);
void path_truncate(struct path *path, size_t len);

/* Whether memory ran out while it grew. */
bool path_failed(const struct path *path);

#endif
