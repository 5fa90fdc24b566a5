/* The language server's line index (lsp/position.h): kept in step with
 * edits, it must say what building it again from the text says. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "lsp/position.h"

/* A small pseudo-random sequence: the same on every run. */
static unsigned next_random(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

/* Text of the bytes that make and join line breaks, and others. */
static void random_text(unsigned *state, char *out, size_t n)
{
	static const char alphabet[] = "\r\n\r\nab\xf0\x9f\x98\x80";

	for (size_t i = 0; i < n; i++)
		out[i] = alphabet[next_random(state) % (sizeof alphabet - 1)];
}

static void assert_same_index(const struct line_index *kept, const char *text, size_t len)
{
	struct line_index built;

	ck_assert(line_index_build(&built, text, len));
	ck_assert_uint_eq(kept->count, built.count);
	ck_assert_int_eq(memcmp(kept->starts, built.starts, built.count * sizeof *built.starts),
			 0);
	line_index_free(&built);
}

START_TEST(test_splice_matches_build)
{
	unsigned state = 7;
	size_t cap = 4096, len = 0;
	char *text = calloc(cap + 1, 1);
	struct line_index index;

	ck_assert_ptr_nonnull(text);
	ck_assert(line_index_build(&index, text, len));
	for (int round = 0; round < 20000; round++) {
		size_t from = len ? next_random(&state) % (len + 1) : 0;
		size_t to = from + (len - from ? next_random(&state) % (len - from + 1) % 5 : 0);
		size_t inserted = next_random(&state) % 4;
		char insert[4];

		if (len - (to - from) + inserted > cap)
			inserted = 0;
		random_text(&state, insert, inserted);
		memmove(text + from + inserted, text + to, len - to);
		memcpy(text + from, insert, inserted);
		len = len - (to - from) + inserted;
		ck_assert(line_index_splice(&index, text, len, from, to, inserted));
		assert_same_index(&index, text, len);
	}
	line_index_free(&index);
	free(text);
}
END_TEST

Suite *position_suite(void)
{
	Suite *s = suite_create("lsp-position");
	TCase *tc = tcase_create("line index");

	tcase_add_test(tc, test_splice_matches_build);
	suite_add_tcase(s, tc);
	return s;
}
