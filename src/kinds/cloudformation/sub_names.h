/* The names an Fn::Sub string refers to, ${Name} and ${Resource.Attribute},
 * each once: a string may name the same few millions of times. ${!Text}
 * is literal text, no name. */
#ifndef IELINT_SUB_NAMES_H
#define IELINT_SUB_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "load/node.h"

/* A name's slot is fixed by its hash and a new name takes it over, so
 * one pushed out is only handed out again. */
enum { SUB_NAME_SLOTS = 256 };

struct sub_names {
	const char *at, *stop;
	struct {
		const char *text;
		size_t len;
	} seen[SUB_NAME_SLOTS];
};

/* Starts on string, a string scalar. */
void sub_names_start(struct sub_names *names, const struct node *string);

/* The next name not handed out before, as a pointer into the string and
 * its length; false when there is none left (or a ${ is not closed). */
bool sub_names_next(struct sub_names *names, const char **name, size_t *len);

#endif
