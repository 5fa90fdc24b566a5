/* Whole-value regular expressions through PCRE2, compiled on first use
 * (most runs never need most of them), by any thread: -j lints files on
 * several at once. */
#ifndef IELINT_REGEX_H
#define IELINT_REGEX_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

struct regex {
	const char *pattern;       /* PCRE2 syntax */
	_Atomic(void *) code;      /* pcre2_code, once compiled */
	bool failed;               /* the pattern does not compile */
	_Atomic(void *) open_code; /* without the end anchor, for regex_viable_prefix */
};

#define REGEX_INIT(pattern) { (pattern), NULL, false, NULL }

enum { REGEX_MAX_GROUPS = 12 };

/* Whether the whole of text[0..len) (valid UTF-8) matches. When groups is
 * not NULL, groups[2*i] and groups[2*i+1] receive the start and end offset
 * of capture group i (group 0 is the match), for i < group_count, and -1
 * for groups that did not take part. A pattern that does not compile
 * matches nothing. */
bool regex_match(struct regex *regex, const char *text, size_t len,
		 long *groups, size_t group_count);

/* The length of the longest start of text[0..len) (valid UTF-8) that a
 * longer text could still make a match of: len when the whole text matches
 * or could, else the offset of the first character that rules every match
 * out. Always at a character's boundary; 0 when the pattern does not
 * compile. */
size_t regex_viable_prefix(struct regex *regex, const char *text, size_t len);

/* Compiles now; returns false (and a message in *error, static) when the
 * pattern is not valid. */
bool regex_compile(struct regex *regex, char *error, size_t error_size);

void regex_release(struct regex *regex);

/* A pattern compiled when ielint was built, in PCRE2's serialized form:
 * loading it costs a thirtieth of compiling it. */
struct regex_built {
	const char *pattern;
	const unsigned char *bytes;
};

/* From now on a pattern among `built` (sorted by pattern, in strcmp order)
 * is loaded from its bytes rather than compiled. A PCRE2 of another
 * version or build refuses the bytes, and the pattern is compiled from
 * its text after all. Call it before any thread but the first matches. */
void regex_use_built(const struct regex_built *built, size_t count);

/* The table in use, and its length in *count. */
const struct regex_built *regex_built_table(size_t *count);

/* The pattern compiled as regex_match compiles it, in PCRE2's serialized
 * form: *bytes (free it with regex_free_built) holds *size bytes. False
 * when the pattern does not compile or memory runs out. For the build. */
bool regex_build(const char *pattern, unsigned char **bytes, size_t *size);
void regex_free_built(unsigned char *bytes);

/* Whether patterns compiled from now on are JIT-compiled too. JIT
 * compiling a pattern costs as much as some thousand matches, so it pays
 * only over many documents; the default is off. Set it before any thread
 * but the first matches. */
void regex_set_jit(bool jit);

/* The calling thread's match data, made on its first match; each thread
 * that matched frees its own before it ends. */
void regex_release_thread(void);

#endif
