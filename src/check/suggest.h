/* "Did you mean ...?": the candidate nearest a misspelt word. */
#ifndef IELINT_SUGGEST_H
#define IELINT_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

struct suggestion {
	const char *word;
	size_t len;
	const char *best; /* NULL until a candidate is close enough */
	size_t best_distance;
	bool tied; /* another candidate is as near as best */
};

void suggestion_init(struct suggestion *s, const char *word, size_t len);

/* Keeps the candidate when it is nearer than any before. Distance is edit
 * distance (with transpositions) ignoring case, so "name" finds "Name";
 * a candidate is close enough within a third of the word's length. */
void suggestion_consider(struct suggestion *s, const char *candidate);

/* The best candidate when no other is as near and it is at most
 * SUGGEST_CERTAIN_DISTANCE edits away, which makes it a fix. */
enum { SUGGEST_CERTAIN_DISTANCE = 2 };
const char *suggestion_certain(const struct suggestion *s);

#endif
