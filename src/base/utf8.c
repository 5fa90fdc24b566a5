#include "utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static bool is_continuation(unsigned char byte)
{
	return (byte & 0xC0) == 0x80;
}

size_t utf8_sequence_length(const unsigned char *text, size_t len)
{
	unsigned char lead = text[0];
	size_t need;
	unsigned char min_second = 0x80, max_second = 0xBF;

	if (lead < 0x80)
		return 1;
	if (lead >= 0xC2 && lead <= 0xDF) {
		need = 2;
	} else if (lead >= 0xE0 && lead <= 0xEF) {
		need = 3;
		if (lead == 0xE0)
			min_second = 0xA0; /* overlong */
		if (lead == 0xED)
			max_second = 0x9F; /* UTF-16 surrogates */
	} else if (lead >= 0xF0 && lead <= 0xF4) {
		need = 4;
		if (lead == 0xF0)
			min_second = 0x90; /* overlong */
		if (lead == 0xF4)
			max_second = 0x8F; /* beyond U+10FFFF */
	} else {
		return 0;
	}
	if (len < need || text[1] < min_second || text[1] > max_second)
		return 0;
	for (size_t i = 2; i < need; i++)
		if (!is_continuation(text[i]))
			return 0;
	return need;
}

/* Whether the eight bytes at p are all ASCII. */
static bool ascii_word(const unsigned char *p)
{
	uint64_t word;

	memcpy(&word, p, sizeof word);
	return (word & UINT64_C(0x8080808080808080)) == 0;
}

size_t utf8_find_invalid(const char *text, size_t len)
{
	const unsigned char *bytes = (const unsigned char *)text;
	size_t i = 0;

	while (i < len) {
		/* Most documents are ASCII throughout: a word at a time. */
		if (len - i >= 8 && ascii_word(bytes + i)) {
			i += 8;
			continue;
		}
		if (bytes[i] < 0x80) {
			i++;
			continue;
		}
		size_t step = utf8_sequence_length(bytes + i, len - i);
		if (step == 0)
			return i;
		i += step;
	}
	return len;
}

size_t utf8_count(const char *text, size_t len)
{
	size_t count = 0;

	for (size_t i = 0; i < len; i++)
		if (!is_continuation((unsigned char)text[i]))
			count++;
	return count;
}
