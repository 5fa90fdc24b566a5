/* Characters as Python classes them, for the AWS CLI's reading of a
 * timestamp string: Python's float() reads Unicode decimal digits as
 * digits and strips Unicode spaces around a number, and dateutil's lexer
 * splits a string by str.isalpha(), str.isdigit() and str.isspace(). The
 * classes come from the CLI's Python (scripts/generate-python-chars). */
#ifndef IELINT_PYTHON_CHARS_H
#define IELINT_PYTHON_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum python_char {
	PYTHON_OTHER,
	PYTHON_SPACE,   /* str.isspace() */
	PYTHON_ALPHA,   /* str.isalpha() */
	PYTHON_DECIMAL, /* str.isdecimal(): int(), float() and Decimal() read its value */
	PYTHON_DIGIT,   /* str.isdigit() alone (², ①): no number takes it */
};

struct python_char_range {
	uint32_t first, last;
	enum python_char kind;
	int value; /* a decimal digit's, of first; the others' run by one */
};

extern const struct python_char_range python_char_ranges[];
extern const size_t python_char_range_count;
extern const char python_chars_unicode_version[];

/* The class of a code point, and in *digit a decimal digit's value. */
enum python_char python_char_class(uint32_t code_point, int *digit);

/* What a character other than ASCII is in python_chars_bytes() when it
 * is no decimal digit and no space: a letter, a digit no number takes
 * (², ①, which str.isdigit() takes), or anything else. */
enum { PYTHON_OTHER_BYTE = 0x80, PYTHON_ALPHA_BYTE = 0x81, PYTHON_DIGIT_BYTE = 0x82 };

/* text[0..len) one byte a character, as Python's numbers read it: ASCII
 * as it is, a decimal digit (full-width, Arabic-Indic, ...) its ASCII
 * digit, a space a space (CPython's
 * _PyUnicode_TransformDecimalAndSpaceToASCII), and any other character a
 * byte of its class above. out holds len bytes; returns the bytes
 * written, and whether all were ASCII then in *ascii. */
size_t python_chars_bytes(const char *text, size_t len, char *out, bool *ascii);

/* The code point at text[0..len) (len > 0), and the bytes it takes. A
 * malformed sequence, such as a lone surrogate an escape made, is one
 * code point of no class (U+FFFD): a lead byte and its continuation bytes. */
size_t python_char_next(const char *text, size_t len, uint32_t *code_point);

#endif
