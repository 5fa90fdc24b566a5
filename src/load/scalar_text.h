/* The text of a scalar, worked out from its source as YAML 1.2 says: line
 * folding, escapes, block indentation and chomping. The parser has checked
 * the scalar's form already; this only reads it. libfyaml's own text
 * (fy_token_get_text) keeps a record of each escape of a line, some 30
 * bytes apiece, and reads the blank lines after each line of a scalar
 * again, which cost 2 GiB for a 64 MiB string of '' and minutes for a
 * scalar of many blank lines: here the cost is one pass over the source
 * and the text itself. */
#ifndef IELINT_SCALAR_TEXT_H
#define IELINT_SCALAR_TEXT_H

#include <stdbool.h>
#include <stddef.h>

enum scalar_style {
	STYLE_PLAIN,
	STYLE_SINGLE_QUOTED,
	STYLE_DOUBLE_QUOTED,
	STYLE_LITERAL, /* | */
	STYLE_FOLDED,  /* > */
};

struct scalar_source {
	enum scalar_style style;
	/* Plain: the scalar. Quoted: what is between the quotes. Block: the
	 * lines after the header, from the start of the first. */
	const char *text;
	size_t len;
	char chomping;  /* block: '-' strip, '+' keep, 0 clip */
	size_t indent;  /* block: the content's indentation; 0 to detect it */
};

/* Reads a block scalar's header, which starts at its | or >: the
 * chomping indicator and the explicit indentation (0 when none). */
void scalar_block_header(const char *header, size_t len, char *chomping, size_t *indent);

/* Writes the text to out (when not NULL) and returns its length in
 * bytes, without a NUL. */
size_t scalar_text(const struct scalar_source *source, char *out);

#endif
