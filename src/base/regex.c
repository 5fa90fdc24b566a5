#include "regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

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

void regex_release(struct regex *regex)
{
	pcre2_code_free(regex->code);
	regex->code = NULL;
	regex->failed = false;
}

void regex_release_shared(void)
{
	pcre2_match_data_free(shared_match_data);
	shared_match_data = NULL;
}
