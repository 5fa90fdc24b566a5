/* The characters YAML does not allow in a stream, and their names. */
#ifndef IELINT_CHARACTERS_H
#define IELINT_CHARACTERS_H

#include <stddef.h>

/* The offset of the first character at or after `from` that YAML text may
 * not hold, anywhere, a comment included: the C0 controls but tab and the
 * line breaks, DEL, the C1 controls but NEL, and the noncharacters U+FFFE
 * and U+FFFF. NUL is left to the check for NUL bytes. Returns len when
 * there is none; *code is the character's code point. The text must be
 * well-formed UTF-8. */
size_t characters_find_forbidden(const char *text, size_t from, size_t len,
				 unsigned *code);

/* The offset of the first raw control character (U+0000..U+001F) that
 * JSON does not allow: any inside a string, any but tab, LF and CR outside
 * one; len when there is none. *token is where the token that holds it
 * starts: the string's opening quote, or the character itself. */
size_t characters_find_json_control(const char *text, size_t len, size_t *token,
				    unsigned *code);

/* The name alias Unicode gives a control that characters_find_forbidden()
 * finds ("ESCAPE" for U+001B), or "" for a noncharacter, which has none. */
const char *characters_name(unsigned code);

#endif
