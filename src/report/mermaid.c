/* The Mermaid flowchart of an experiment:
 *
 *   flowchart LR
 *     e0(["endpoint fraud-model-endpoint"])
 *     v1["production<br>model fraud-model-v1<br>ml.m5.xlarge x 2"]
 *     v2["shadow<br>model fraud-model-v2<br>ml.m5.large x 1"]
 *     e0 -->|"100% of requests"| v1
 *     e0 -.->|"copies 10% of requests"| v2
 *
 * The ids are made here, never taken from the document. Every text from
 * the document is in a quoted label with all but letters, digits and a
 * few harmless marks written as Mermaid's entity codes (#35; for #), so
 * that no value can end a label, start a statement, close the fence or
 * reach the page as HTML; so is every character past ASCII, which then
 * shows as itself, and cannot turn the text around unseen. */
#include "mermaid.h"

#include <stdio.h>

/* The longest text put in one line of a label, in bytes; the picture's
 * texts are shortened before, so this only guards against a caller. */
enum { MAX_LINE_BYTES = 400 };

/* Marks that mean nothing to Mermaid, Markdown or HTML inside a quoted
 * label; every other ASCII mark is written as an entity. */
static bool harmless(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == ' ' || c == '.' || c == ',' || c == ':' || c == '/' || c == '-' || c == '+' ||
	       c == '=' || c == '@' || c == '(' || c == ')';
}

/* The code point of the UTF-8 sequence at text (which the loader has
 * checked), and its length in *step; U+FFFD for a broken one. */
static unsigned long code_point(const unsigned char *text, size_t *step)
{
	size_t length = text[0] >= 0xF0 ? 4 : text[0] >= 0xE0 ? 3 : text[0] >= 0xC0 ? 2 : 0;
	unsigned long code = length ? text[0] & (0x7F >> length) : 0;

	*step = 1;
	if (!length)
		return 0xFFFD;
	for (size_t i = 1; i < length; i++) {
		if ((text[i] & 0xC0) != 0x80)
			return 0xFFFD;
		code = code << 6 | (text[i] & 0x3F);
	}
	*step = length;
	return code;
}

static void put_text(struct strbuf *b, const char *text)
{
	const unsigned char *c = (const unsigned char *)text;
	char entity[16];
	size_t step;

	for (size_t i = 0; c[i] && i < MAX_LINE_BYTES; i += step) {
		step = 1;
		if (harmless(c[i])) {
			strbuf_putc(b, (char)c[i]);
		} else if (c[i] < 0x20 || c[i] == 0x7f) {
			strbuf_putc(b, '?'); /* shortened text has none */
		} else {
			snprintf(entity, sizeof entity, "#%lu;",
				 c[i] < 0x80 ? c[i] : code_point(c + i, &step));
			strbuf_puts(b, entity);
		}
	}
}

/* A label's lines, the NULL ones left out. */
static void put_label(struct strbuf *b, const char *const *lines, size_t count)
{
	bool first = true;

	strbuf_putc(b, '"');
	for (size_t i = 0; i < count; i++) {
		if (!lines[i])
			continue;
		if (!first)
			strbuf_puts(b, "<br>");
		put_text(b, lines[i]);
		first = false;
	}
	strbuf_putc(b, '"');
}

static const char *mark_word(enum picture_mark mark)
{
	static const char *const words[] = {
		[PICTURE_KEPT] = NULL,          [PICTURE_CHANGED] = "changed",
		[PICTURE_ADDED] = "added",      [PICTURE_PROMOTED] = "promoted",
		[PICTURE_REMOVED] = "removed",  [PICTURE_RETAINED] = "retained",
	};
	return words[mark];
}

/* The style of each mark, in words as well, for who cannot tell colours. */
static const char *const class_styles[] = {
	[PICTURE_CHANGED] = "stroke:#d97706,stroke-width:3px",
	[PICTURE_ADDED] = "stroke:#16a34a,stroke-width:3px",
	[PICTURE_PROMOTED] = "stroke:#2563eb,stroke-width:3px",
	[PICTURE_REMOVED] = "stroke:#dc2626,stroke-dasharray:5 5,color:#6b7280",
	[PICTURE_RETAINED] = "stroke:#6b7280,stroke-width:2px",
};

static void put_id(struct strbuf *b, const char *prefix, size_t n)
{
	char id[32];

	snprintf(id, sizeof id, "%s%zu", prefix, n);
	strbuf_puts(b, id);
}

static void draw_variant(struct strbuf *b, const struct picture_variant *variant, size_t n)
{
	const char *lines[] = { variant->name, variant->model, variant->instances, variant->note,
				mark_word(variant->mark) };

	strbuf_puts(b, "  ");
	put_id(b, "v", n);
	strbuf_putc(b, '[');
	put_label(b, lines, sizeof lines / sizeof *lines);
	strbuf_puts(b, "]\n  e0 ");
	switch (variant->role) {
	case PICTURE_PRODUCTION:
		strbuf_puts(b, "-->|\"100#37; of requests\"| ");
		break;
	case PICTURE_SHADOW:
		strbuf_puts(b, "-.->|");
		put_label(b, (const char *const *)&variant->share, 1);
		strbuf_puts(b, "| ");
		break;
	case PICTURE_OTHER:
		strbuf_puts(b, "--- ");
		break;
	}
	put_id(b, "v", n);
	strbuf_putc(b, '\n');
}

static void draw_classes(struct strbuf *b, const struct picture *picture)
{
	static const char *const names[] = {
		[PICTURE_CHANGED] = "changed", [PICTURE_ADDED] = "added",
		[PICTURE_PROMOTED] = "promoted", [PICTURE_REMOVED] = "removed",
		[PICTURE_RETAINED] = "retained",
	};

	for (enum picture_mark mark = PICTURE_CHANGED; mark <= PICTURE_RETAINED; mark++) {
		bool used = mark == PICTURE_CHANGED &&
			    (picture->schedule_changed || picture->entry_changed);
		for (size_t i = 0; i < picture->variant_count; i++)
			used |= picture->variants[i].mark == mark;
		if (!used)
			continue;
		strbuf_puts(b, "  classDef ");
		strbuf_puts(b, names[mark]);
		strbuf_putc(b, ' ');
		strbuf_puts(b, class_styles[mark]);
		strbuf_puts(b, "\n  class ");
		size_t n = 0;
		if (mark == PICTURE_CHANGED && picture->entry_changed)
			strbuf_puts(b, n++ ? ",e0" : "e0");
		for (size_t i = 0; i < picture->variant_count; i++) {
			if (picture->variants[i].mark != mark)
				continue;
			if (n++)
				strbuf_putc(b, ',');
			put_id(b, "v", i + 1);
		}
		if (mark == PICTURE_CHANGED && picture->schedule_changed)
			strbuf_puts(b, n ? ",s0" : "s0");
		strbuf_puts(b, " ");
		strbuf_puts(b, names[mark]);
		strbuf_putc(b, '\n');
	}
}

void mermaid_draw(struct strbuf *b, const struct picture *picture)
{
	strbuf_puts(b, "```mermaid\nflowchart LR\n  e0([");
	put_label(b, (const char *const *)&picture->entry, 1);
	strbuf_puts(b, "])\n");
	for (size_t i = 0; i < picture->variant_count; i++)
		draw_variant(b, &picture->variants[i], i + 1);
	if (picture->variants_left_out) {
		char more[64];
		snprintf(more, sizeof more, "  m0[\"%zu more not drawn\"]\n  e0 --- m0\n",
			 picture->variants_left_out);
		strbuf_puts(b, more);
	}
	if (picture->schedule) {
		strbuf_puts(b, "  s0>");
		put_label(b, (const char *const *)&picture->schedule, 1);
		strbuf_puts(b, "]\n");
	}
	draw_classes(b, picture);
	strbuf_puts(b, "```\n");
}
