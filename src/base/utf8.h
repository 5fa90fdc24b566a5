/* UTF-8 helpers. Input is validated before it reaches the YAML parser,
 * which must never see malformed bytes. */
#ifndef IELINT_UTF8_H
#define IELINT_UTF8_H

#include <stddef.h>

/* The length in bytes of the well-formed UTF-8 sequence at text[0..len),
 * or 0 when it is malformed (overlong, surrogate, truncated, > U+10FFFF). */
size_t utf8_sequence_length(const unsigned char *text, size_t len);

/* The offset of the first malformed byte, or len when all is well formed. */
size_t utf8_find_invalid(const char *text, size_t len);

/* The number of code points in well-formed text. */
size_t utf8_count(const char *text, size_t len);

#endif
