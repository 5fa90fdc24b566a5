#include "regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

static pcre2_match_data *shared_match_data;

bool regex_compile(struct regex *regex, char *error, size_t error_size)
{
	int code;
	PCRE2_SIZE offset;

	if (regex->code || regex->failed)
		return !regex->failed;
	regex->code = pcre2_compile((PCRE2_SPTR)regex->pattern, PCRE2_ZERO_TERMINATED,
				    PCRE2_UTF | PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED |
				    PCRE2_ENDANCHORED,
				    &code, &offset, NULL);
	if (!regex->code) {
		regex->failed = true;
		if (error && error_size)
			pcre2_get_error_message(code, (PCRE2_UCHAR *)error, error_size);
		return false;
	}
	/* Without JIT (some platforms lack it) the interpreter still works. */
	pcre2_jit_compile(regex->code, PCRE2_JIT_COMPLETE);
	return true;
}

bool regex_match(struct regex *regex, const char *text, size_t len,
		 long *groups, size_t group_count)
{
	if (!regex_compile(regex, NULL, 0))
		return false;
	if (!shared_match_data)
		shared_match_data = pcre2_match_data_create(REGEX_MAX_GROUPS, NULL);
	if (!shared_match_data)
		return false;

	/* The loader has validated the text as UTF-8 already. */
	int result = pcre2_match(regex->code, (PCRE2_SPTR)text, len, 0,
				 PCRE2_NO_UTF_CHECK, shared_match_data, NULL);
	if (result < 0)
		return false;
	if (groups) {
		PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(shared_match_data);
		for (size_t i = 0; i < group_count && i < REGEX_MAX_GROUPS; i++) {
			bool set = i < (size_t)result && ovector[2 * i] != PCRE2_UNSET;
			groups[2 * i] = set ? (long)ovector[2 * i] : -1;
			groups[2 * i + 1] = set ? (long)ovector[2 * i + 1] : -1;
		}
	}
	return true;
}

/* Partial matching does not work with PCRE2_ENDANCHORED, so the start of
 * a match is sought with the pattern followed by \z instead. */
static bool compile_open(struct regex *regex)
{
	size_t len = strlen(regex->pattern);
	char *wrapped = malloc(len + sizeof "(?:)\\z");
	int code;
	PCRE2_SIZE offset;

	if (!wrapped)
		return false;
	memcpy(wrapped, "(?:", 3);
	memcpy(wrapped + 3, regex->pattern, len);
	memcpy(wrapped + 3 + len, ")\\z", sizeof ")\\z");
	regex->open_code = pcre2_compile((PCRE2_SPTR)wrapped, PCRE2_ZERO_TERMINATED,
					 PCRE2_UTF | PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED,
					 &code, &offset, NULL);
	free(wrapped);
	return regex->open_code != NULL;
}

/* Whether text[0..len) matches or is the start of a match. */
static bool viable(struct regex *regex, const char *text, size_t len)
{
	int result = pcre2_match(regex->open_code, (PCRE2_SPTR)text, len, 0,
				 PCRE2_NO_UTF_CHECK | PCRE2_PARTIAL_HARD, shared_match_data, NULL);

	return result >= 0 || result == PCRE2_ERROR_PARTIAL;
}

static bool is_boundary(const char *text, size_t len, size_t at)
{
	return at >= len || ((unsigned char)text[at] & 0xC0) != 0x80;
}

size_t regex_viable_prefix(struct regex *regex, const char *text, size_t len)
{
	/* A start that cannot become a match has no longer one that can, so
	 * the boundary is found by halving: good is viable, bad is not. */
	size_t good = 0, bad;

	if (!regex_compile(regex, NULL, 0) || (!regex->open_code && !compile_open(regex)))
		return 0;
	if (!shared_match_data)
		shared_match_data = pcre2_match_data_create(REGEX_MAX_GROUPS, NULL);
	if (!shared_match_data)
		return 0;
	if (viable(regex, text, len))
		return len;
	bad = len;
	for (;;) {
		size_t mid = good + (bad - good) / 2;
		while (mid > good && !is_boundary(text, len, mid))
			mid--;
		if (mid == good) {
			mid = good + 1;
			while (mid < bad && !is_boundary(text, len, mid))
				mid++;
		}
		if (mid >= bad)
			return good;
		if (viable(regex, text, mid))
			good = mid;
		else
			bad = mid;
	}
}

void regex_release(struct regex *regex)
{
	pcre2_code_free(regex->code);
	pcre2_code_free(regex->open_code);
	regex->code = NULL;
	regex->open_code = NULL;
	regex->failed = false;
}

void regex_release_shared(void)
{
	pcre2_match_data_free(shared_match_data);
	shared_match_data = NULL;
}
