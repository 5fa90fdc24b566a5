#include "python_chars.h"

#include "base/utf8.h"

enum python_char python_char_class(uint32_t code_point, int *digit)
{
	size_t low = 0, high = python_char_range_count;

	*digit = 0;
	while (low < high) {
		size_t middle = low + (high - low) / 2;
		const struct python_char_range *r = &python_char_ranges[middle];
		if (code_point < r->first) {
			high = middle;
		} else if (code_point > r->last) {
			low = middle + 1;
		} else {
			if (r->kind == PYTHON_DECIMAL)
				*digit = r->value + (int)(code_point - r->first);
			return r->kind;
		}
	}
	return PYTHON_OTHER;
}

size_t python_char_next(const char *text, size_t len, uint32_t *code_point)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = utf8_sequence_length(s, len);

	if (n == 0) {
		/* Python holds what an escape made of a lone surrogate as one
		 * character: its lead byte and the continuation bytes after. */
		*code_point = 0xFFFD;
		n = 1;
		while (n < len && n < 4 && (s[n] & 0xC0) == 0x80)
			n++;
		return n;
	}
	if (n == 1)
		*code_point = s[0];
	else if (n == 2)
		*code_point = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	else if (n == 3)
		*code_point = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
			      (s[2] & 0x3F);
	else
		*code_point = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
			      (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	return n;
}

size_t python_chars_bytes(const char *text, size_t len, char *out, bool *ascii)
{
	size_t n = 0;

	*ascii = true;
	for (size_t at = 0; at < len;) {
		uint32_t code;
		int digit;
		at += python_char_next(text + at, len - at, &code);
		if (code < 0x80) {
			out[n++] = (char)code;
			continue;
		}
		switch (python_char_class(code, &digit)) {
		case PYTHON_SPACE:
			out[n++] = ' ';
			continue;
		case PYTHON_DECIMAL:
			out[n++] = (char)('0' + digit);
			continue;
		case PYTHON_ALPHA:
			out[n++] = (char)PYTHON_ALPHA_BYTE;
			break;
		case PYTHON_DIGIT:
			out[n++] = (char)PYTHON_DIGIT_BYTE;
			break;
		default:
			out[n++] = (char)PYTHON_OTHER_BYTE;
			break;
		}
		*ascii = false;
	}
	return n;
}
