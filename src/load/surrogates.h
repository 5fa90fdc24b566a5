/* Escapes of half a UTF-16 surrogate pair without its other half, such as
 * "\ud800": Python's json module and the AWS CLI's YAML loader take them
 * as a lone surrogate code point, which libfyaml refuses as no character.
 * The loader finds them and gives the parser a copy of the text in which
 * each stands for U+FFFD instead, escape for escape, so that offsets and
 * columns stay those of the source. */
#ifndef IELINT_SURROGATES_H
#define IELINT_SURROGATES_H

#include <stdbool.h>
#include <stddef.h>

struct lone_surrogate {
	size_t offset; /* of its backslash */
	size_t length; /* 6 for \uD800, 10 for YAML's \U0000D800 */
};

/* The lone surrogate escapes of text[0..len), in order: \uD800..\uDFFF
 * but a high half (D800..DBFF) followed at once by a low one (DC00..DFFF),
 * which make one character, and in YAML \U0000D800..\U0000DFFF. Every
 * backslash is taken to start an escape, as it does in a JSON string or a
 * YAML double-quoted scalar; the caller tells which are in one. *found is
 * malloc'ed (NULL when there are none); false when memory runs out. */
bool surrogates_find(const char *text, size_t len, bool json,
		     struct lone_surrogate **found, size_t *count);

/* Writes the escape of U+FFFD, of the same length, over one in text. */
void surrogates_patch(char *text, const struct lone_surrogate *escape);

#endif
