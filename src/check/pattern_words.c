#include "pattern_words.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/memory.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "base/utf8.h"

/* ---- a character, named ---------------------------------------------------- */

static unsigned long code_point(const unsigned char *text, size_t len)
{
	static const unsigned char lead_mask[] = { 0, 0x7F, 0x1F, 0x0F, 0x07 };
	unsigned long cp;

	if (len == 0 || len > 4)
		return 0;
	cp = text[0] & lead_mask[len];
	for (size_t i = 1; i < len; i++)
		cp = (cp << 6) | (text[i] & 0x3F);
	return cp;
}

static bool is_line_break(unsigned long cp)
{
	return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* Characters that show as nothing or as a plain space: controls, the
 * other spaces, and the marks that format text unseen. */
static bool is_invisible(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202F) ||
	       (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
	       (cp >= 0xFFF9 && cp <= 0xFFFB);
}

/* The character ch[0..len) as a message names it: "a space" (one) or
 * "spaces" (many, after "not"), "a line break", "\"_\"", or U+00A0 for a
 * character that would not show. */
static void put_character(struct strbuf *b, const char *ch, size_t len, bool many)
{
	unsigned long cp = code_point((const unsigned char *)ch, len);
	char number[16];

	if (cp == ' ')
		strbuf_puts(b, many ? "spaces" : "a space");
	else if (cp == '\t')
		strbuf_puts(b, many ? "tabs" : "a tab");
	else if (is_line_break(cp))
		strbuf_puts(b, many ? "line breaks" : "a line break");
	else if (cp == '-')
		strbuf_puts(b, many ? "hyphens" : "a hyphen");
	else if (is_invisible(cp)) {
		snprintf(number, sizeof number, "U+%04lX", cp);
		strbuf_puts(b, number);
	} else
		strbuf_puts(b, quote(ch, len).text);
}

/* ---- what is wrong --------------------------------------------------------- */

static bool in_class(struct regex *class, const char *ch, size_t len)
{
	return regex_match(class, ch, len, NULL, 0);
}

/* The length of the character at text[at]; the text is valid UTF-8. */
static size_t character_length(const char *text, size_t len, size_t at)
{
	size_t n = utf8_sequence_length((const unsigned char *)text + at, len - at);

	return n ? n : 1;
}

/* The start of the last character of text[0..len), len > 0. */
static size_t last_character(const char *text, size_t len)
{
	size_t at = len - 1;

	while (at > 0 && ((unsigned char)text[at] & 0xC0) == 0x80)
		at--;
	return at;
}

/* The value goes wrong at the character text[at]: no longer text could
 * match once it is there. */
static void say_wrong_character(struct strbuf *b, struct pattern_words *w,
				const char *text, size_t len, size_t at)
{
	const char *ch = text + at;
	size_t ch_len = character_length(text, len, at);
	char position[64];

	if (w->chars.pattern && !in_class(&w->chars, ch, ch_len)) {
		if (w->holds) {
			strbuf_puts(b, "may hold only ");
			strbuf_puts(b, w->holds);
			strbuf_puts(b, ", not ");
			put_character(b, ch, ch_len, true);
		} else {
			strbuf_puts(b, "cannot hold ");
			put_character(b, ch, ch_len, false);
		}
	} else if (at == 0 && w->first.pattern && !in_class(&w->first, ch, ch_len)) {
		strbuf_puts(b, "cannot start with ");
		put_character(b, ch, ch_len, false);
	} else if (at > 0 && w->bound) {
		strbuf_puts(b, "may have at most ");
		strbuf_puts(b, w->bound);
	} else if (at == 0) {
		/* Nothing of it has the form ("MyRole" for an ARN): the form
		 * says it all. */
		strbuf_puts(b, "must be ");
		strbuf_puts(b, w->means);
	} else {
		strbuf_puts(b, "must be ");
		strbuf_puts(b, w->means);
		strbuf_puts(b, "; ");
		put_character(b, ch, ch_len, false);
		snprintf(position, sizeof position, " at character %zu is out of place",
			 utf8_count(text, at) + 1);
		strbuf_puts(b, position);
	}
}

/* The whole value could begin a valid one, but stops too soon. */
static void say_cut_short(struct strbuf *b, struct pattern_words *w,
			  const char *text, size_t len)
{
	size_t at;

	if (len == 0) {
		strbuf_puts(b, "cannot be empty");
		return;
	}
	at = last_character(text, len);
	if (w->last.pattern && !in_class(&w->last, text + at, len - at)) {
		strbuf_puts(b, "cannot end with ");
		put_character(b, text + at, len - at, false);
		return;
	}
	strbuf_puts(b, "is cut short; it must be ");
	strbuf_puts(b, w->means);
}

/* ---- the nearest valid value ----------------------------------------------- */

static bool fits_length(const struct shape *shape, const char *text, size_t len)
{
	long long chars = (long long)utf8_count(text, len);

	return (!shape->has_min || chars >= shape->min) &&
	       (!shape->has_max || chars <= shape->max);
}

/* Spaces, underscores and dots made hyphens, and the hyphens at either end
 * dropped: a name written as words or as an identifier, made a name. */
static char *mend_hyphens(const char *text, size_t len)
{
	size_t start = 0, end = len;
	char *mended;

	while (start < end && strchr(" _.-", text[start]))
		start++;
	while (end > start && strchr(" _.-", text[end - 1]))
		end--;
	mended = mem_malloc(end - start + 1);
	if (!mended)
		return NULL;
	for (size_t i = start; i < end; i++)
		mended[i - start] = strchr(" _.", text[i]) ? '-' : text[i];
	mended[end - start] = '\0';
	return mended;
}

char *pattern_words_nearest(const struct shape *shape, const char *text, size_t len)
{
	char *mended;
	size_t mended_len;

	if (!shape->words || shape->words->mend != PATTERN_MEND_HYPHENS ||
	    memchr(text, '\0', len))
		return NULL;
	mended = mend_hyphens(text, len);
	if (!mended)
		return NULL;
	mended_len = strlen(mended);
	/* Offered whole in quotes, so only a value that needs no escaping. */
	for (size_t i = 0; i < mended_len; i++)
		if ((unsigned char)mended[i] < 0x20 || mended[i] == '"' || mended[i] == '\\')
			mended_len = 0;
	if (mended_len == 0 || !shape_matches_pattern(shape, mended, mended_len) ||
	    !fits_length(shape, mended, mended_len)) {
		free(mended);
		return NULL;
	}
	return mended;
}

/* ---- the message ------------------------------------------------------------ */

char *pattern_words_say(const struct shape *shape, const char *text, size_t len)
{
	struct strbuf b = STRBUF_INIT;
	struct pattern_words *w = shape->words;
	size_t at;
	char *nearest;

	if (!w) {
		/* The loader gives every pattern its words; this is for safety. */
		strbuf_puts(&b, "does not match the pattern ");
		strbuf_puts(&b, shape->pattern ? shape->pattern : "");
		return strbuf_take(&b);
	}
	at = shape_viable_prefix(shape, text, len);
	if (at < len)
		say_wrong_character(&b, w, text, len, at);
	else
		say_cut_short(&b, w, text, len);
	nearest = pattern_words_nearest(shape, text, len);
	if (nearest) {
		strbuf_puts(&b, "; try \"");
		strbuf_puts(&b, nearest);
		strbuf_puts(&b, "\"");
		free(nearest);
	}
	return strbuf_take(&b);
}
