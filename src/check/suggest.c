#include "suggest.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "base/memory.h"

/* Longer words are never misspellings of a member or enum value. */
enum { SUGGEST_MAX_LEN = 128 };

void suggestion_init(struct suggestion *s, const char *word, size_t len)
{
	s->word = word;
	s->len = len;
	s->best = NULL;
	s->best_distance = (size_t)-1;
	s->tied = false;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

static bool same_letter(char a, char b)
{
	return tolower((unsigned char)a) == tolower((unsigned char)b);
}

/* The longest candidate that may stand for a word: longer by more than a
 * third of the word is too far. It bounds the rows below. */
enum { CANDIDATE_MAX_LEN = SUGGEST_MAX_LEN + SUGGEST_MAX_LEN / 3 };

/* Optimal string alignment distance, in three rolling rows, or more than
 * limit as soon as every way is farther. Case differences cost nothing
 * here; the caller breaks ties. b_len is at most CANDIDATE_MAX_LEN. */
static size_t distance(const char *a, size_t a_len, const char *b, size_t b_len, size_t limit)
{
	size_t rows[3][CANDIDATE_MAX_LEN + 1];
	size_t *before = rows[0], *previous = rows[1], *current = rows[2];

	for (size_t j = 0; j <= b_len; j++)
		previous[j] = j;
	for (size_t i = 1; i <= a_len; i++) {
		size_t nearest = current[0] = i;
		for (size_t j = 1; j <= b_len; j++) {
			size_t cost = same_letter(a[i - 1], b[j - 1]) ? 0 : 1;
			current[j] = min3(previous[j] + 1, current[j - 1] + 1,
					  previous[j - 1] + cost);
			if (i > 1 && j > 1 && same_letter(a[i - 1], b[j - 2]) &&
			    same_letter(a[i - 2], b[j - 1]) && before[j - 2] + 1 < current[j])
				current[j] = before[j - 2] + 1;
			nearest = current[j] < nearest ? current[j] : nearest;
		}
		/* No cell of a row is below the least of the row before. */
		if (nearest > limit)
			return limit + 1;
		size_t *spare = before;
		before = previous;
		previous = current;
		current = spare;
	}
	return previous[b_len];
}

void suggestion_consider(struct suggestion *s, const char *candidate)
{
	size_t limit = s->len < 4 ? 1 : s->len / 3;
	size_t len, gap;

	if (s->len > SUGGEST_MAX_LEN)
		return;
	/* A candidate longer than the word by more than limit is too far,
	 * however long it is. */
	len = strnlen(candidate, s->len + limit + 1);
	gap = len > s->len ? len - s->len : s->len - len;
	if (gap > limit)
		return;
	size_t d = distance(s->word, s->len, candidate, len, limit);
	if (d > limit)
		return;
	if (d < s->best_distance) {
		s->best = candidate;
		s->best_distance = d;
		s->tied = false;
	} else if (d == s->best_distance && strcmp(candidate, s->best) != 0) {
		s->tied = true;
	}
}

const char *suggestion_certain(const struct suggestion *s)
{
	/* Farther, a word may be another one (ModelVariantActions is six
	 * edits from ModelVariants): "did you mean" asks, a fix would not. */
	return s->tied || s->best_distance > SUGGEST_CERTAIN_DISTANCE ? NULL : s->best;
}
