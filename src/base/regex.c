#include "regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>

#include "memory.h"

/* Each thread matches with match data of its own. */
static _Thread_local pcre2_match_data *match_data;

/* Compiling is rare and quick; one lock for all patterns keeps it simple.
 * Matching reads the compiled code without it, once published. */
static pthread_mutex_t compile_lock = PTHREAD_MUTEX_INITIALIZER;
static bool use_jit;

void regex_set_jit(bool jit)
{
	use_jit = jit;
}

static pcre2_code *compiled(const struct regex *regex)
{
	return atomic_load_explicit(&regex->code, memory_order_acquire);
}

static pcre2_code *compile_whole(const char *pattern, int *code)
{
	PCRE2_SIZE offset;

	return pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
			     PCRE2_UTF | PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
			     code, &offset, NULL);
}

static const struct regex_built *built_patterns;
static size_t built_count;

void regex_use_built(const struct regex_built *built, size_t count)
{
	built_patterns = built;
	built_count = count;
}

const struct regex_built *regex_built_table(size_t *count)
{
	*count = built_count;
	return built_patterns;
}

static int compare_built(const void *pattern, const void *built)
{
	return strcmp(pattern, ((const struct regex_built *)built)->pattern);
}

/* The pattern as the build compiled it, or NULL when it did not or this
 * PCRE2 cannot read it (another version, another build). */
static pcre2_code *decode_built(const char *pattern)
{
	const struct regex_built *built;
	pcre2_code *re = NULL;

	if (!built_count)
		return NULL;
	built = bsearch(pattern, built_patterns, built_count, sizeof *built_patterns,
			compare_built);
	if (!built || pcre2_serialize_decode(&re, 1, built->bytes, NULL) != 1)
		return NULL;
	return re;
}

static pcre2_code *compile_locked(struct regex *regex, char *error, size_t error_size)
{
	int code = 0;
	pcre2_code *re;

	if (regex->failed)
		return NULL;
	if ((re = compiled(regex)))
		return re;
	if (!(re = decode_built(regex->pattern)))
		re = compile_whole(regex->pattern, &code);
	if (!re) {
		/* Out of memory is no verdict on the pattern: another try may
		 * compile it. This time's answer is wrong, and the shortage says so. */
		if (code == PCRE2_ERROR_HEAP_FAILED) {
			mem_shortage();
			return NULL;
		}
		regex->failed = true;
		if (error && error_size)
			pcre2_get_error_message(code, (PCRE2_UCHAR *)error, error_size);
		return NULL;
	}
	/* Without JIT (some platforms lack it) the interpreter still works. */
	if (use_jit)
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	atomic_store_explicit(&regex->code, re, memory_order_release);
	return re;
}

/* The compiled pattern, compiling it on first use; NULL when it does not
 * compile. */
static pcre2_code *code_of(struct regex *regex, char *error, size_t error_size)
{
	pcre2_code *re = compiled(regex);

	if (re)
		return re;
	pthread_mutex_lock(&compile_lock);
	re = compile_locked(regex, error, error_size);
	pthread_mutex_unlock(&compile_lock);
	return re;
}

bool regex_compile(struct regex *regex, char *error, size_t error_size)
{
	return code_of(regex, error, error_size) != NULL;
}

static pcre2_match_data *thread_match_data(void)
{
	if (!match_data && !(match_data = pcre2_match_data_create(REGEX_MAX_GROUPS, NULL)))
		mem_shortage();
	return match_data;
}

/* A match that ended neither in a match nor in its absence (PCRE2 out of
 * memory, or a limit reached) answers "no", and records that it could
 * not tell. */
static bool matched(int result)
{
	if (result < 0 && result != PCRE2_ERROR_NOMATCH && result != PCRE2_ERROR_PARTIAL)
		mem_shortage();
	return result >= 0;
}

bool regex_match(struct regex *regex, const char *text, size_t len,
		 long *groups, size_t group_count)
{
	pcre2_code *re = code_of(regex, NULL, 0);
	pcre2_match_data *data = thread_match_data();

	if (!re || !data)
		return false;
	/* The loader has validated the text as UTF-8 already. */
	int result = pcre2_match(re, (PCRE2_SPTR)text, len, 0, PCRE2_NO_UTF_CHECK, data, NULL);
	if (!matched(result))
		return false;
	if (groups) {
		PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(data);
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
static pcre2_code *compile_open_locked(struct regex *regex)
{
	pcre2_code *re = atomic_load_explicit(&regex->open_code, memory_order_acquire);
	size_t len = strlen(regex->pattern);
	char *wrapped;
	int code;
	PCRE2_SIZE offset;

	if (re || !(wrapped = mem_malloc(len + sizeof "(?:)\\z")))
		return re;
	memcpy(wrapped, "(?:", 3);
	memcpy(wrapped + 3, regex->pattern, len);
	memcpy(wrapped + 3 + len, ")\\z", sizeof ")\\z");
	re = pcre2_compile((PCRE2_SPTR)wrapped, PCRE2_ZERO_TERMINATED,
			   PCRE2_UTF | PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED, &code, &offset, NULL);
	free(wrapped);
	if (!re)
		mem_shortage(); /* the patterns in use all compile */
	atomic_store_explicit(&regex->open_code, re, memory_order_release);
	return re;
}

static pcre2_code *open_code_of(struct regex *regex)
{
	pcre2_code *re = atomic_load_explicit(&regex->open_code, memory_order_acquire);

	if (re)
		return re;
	pthread_mutex_lock(&compile_lock);
	re = compile_open_locked(regex);
	pthread_mutex_unlock(&compile_lock);
	return re;
}

/* Whether text[0..len) matches or is the start of a match. */
static bool viable(pcre2_code *open, pcre2_match_data *data, const char *text, size_t len)
{
	int result = pcre2_match(open, (PCRE2_SPTR)text, len, 0,
				 PCRE2_NO_UTF_CHECK | PCRE2_PARTIAL_HARD, data, NULL);

	return matched(result) || result == PCRE2_ERROR_PARTIAL;
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
	pcre2_code *open = regex_compile(regex, NULL, 0) ? open_code_of(regex) : NULL;
	pcre2_match_data *data = thread_match_data();

	if (!open || !data)
		return 0;
	if (viable(open, data, text, len))
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
		if (viable(open, data, text, mid))
			good = mid;
		else
			bad = mid;
	}
}

void regex_release(struct regex *regex)
{
	pcre2_code_free(atomic_exchange(&regex->code, NULL));
	pcre2_code_free(atomic_exchange(&regex->open_code, NULL));
	regex->failed = false;
}

void regex_release_thread(void)
{
	pcre2_match_data_free(match_data);
	match_data = NULL;
}

bool regex_build(const char *pattern, unsigned char **bytes, size_t *size)
{
	int code;
	pcre2_code *re = compile_whole(pattern, &code);
	PCRE2_SIZE bytes_size;
	int32_t written;

	if (!re)
		return false;
	written = pcre2_serialize_encode((const pcre2_code **)&re, 1, bytes, &bytes_size, NULL);
	pcre2_code_free(re);
	if (written != 1)
		return false;
	*size = bytes_size;
	return true;
}

void regex_free_built(unsigned char *bytes)
{
	pcre2_serialize_free(bytes);
}
