/* The text's encoding, checked before anything reads it: UTF-8 or
 * nothing, as the AWS CLI reads it. A YAML byte-order mark is taken, and
 * counts as no column. */
#include "loader.h"

#include <string.h>

#include "base/utf8.h"

/* UTF-16 and UTF-32 text, told by its byte-order mark or, without one, by
 * the NUL bytes beside its first character (as RFC 4627 tells JSON's
 * encodings); NULL for anything else. */
static const char *wide_encoding(const unsigned char *data, size_t len)
{
	if (len >= 4 && ((data[0] == 0xFF && data[1] == 0xFE && !data[2] && !data[3]) ||
			 (!data[0] && !data[1] && data[2] == 0xFE && data[3] == 0xFF)))
		return "UTF-32";
	if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
			 (data[0] == 0xFE && data[1] == 0xFF)))
		return "UTF-16";
	if (len >= 4 && data[0] && !data[1] && !data[2] && !data[3])
		return "UTF-32";
	if (len >= 2 && ((data[0] && !data[1]) || (!data[0] && data[1])))
		return "UTF-16";
	return NULL;
}

/* libfyaml must never see NUL bytes (it stops at them) or malformed UTF-8
 * (it can crash on it), and the AWS CLI refuses a JSON byte-order mark.
 * Reading starts after a byte-order mark (ld->last). */
bool loader_check_encoding(struct loader *ld)
{
	const struct source *src = ld->src;
	const char *wide = wide_encoding((const unsigned char *)src->data, src->len);
	const char *nul = memchr(src->data, '\0', src->len);
	size_t invalid = utf8_find_invalid(src->data, src->len);
	bool bom = src->len >= 3 && memcmp(src->data, "\xEF\xBB\xBF", 3) == 0;
	/* A byte-order mark is not a column. */
	struct position start = bom ? (struct position){ 1, 1, 3 } : SOURCE_START;

	if (wide) {
		loader_report(ld, RULE_INVALID_UTF8, span_at(SOURCE_START), NULL,
			      "the file is %s text, which the AWS CLI does not read; save it "
			      "as UTF-8", wide);
		return false;
	}
	if (nul) {
		struct position at = source_advance(src, start, (size_t)(nul - src->data));
		loader_report(ld, RULE_NUL_BYTE, span_at(at), NULL,
			      "NUL byte in the text: neither JSON nor YAML allows one");
		return false;
	}
	if (invalid < src->len) {
		struct position at = source_advance(src, start, invalid);
		loader_report(ld, RULE_INVALID_UTF8, span_at(at), NULL,
			      "byte 0x%02X does not belong here in UTF-8: the file must be "
			      "UTF-8 text", (unsigned char)src->data[invalid]);
		return false;
	}
	if (bom && ld->json) {
		loader_report(ld, RULE_BYTE_ORDER_MARK, span_at(SOURCE_START), NULL,
			      "the file starts with a UTF-8 byte-order mark, which the AWS "
			      "CLI refuses in JSON");
		return false;
	}
	ld->last = start;
	return true;
}
