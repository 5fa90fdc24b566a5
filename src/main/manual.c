/* Markup to roff: literals in bold with their hyphens as minus signs (so
 * that an option can be copied, and searched for, as typed), placeholders
 * in italic, and whatever roff would take for a request or an escape
 * made plain. */
#include "manual.h"

#include <stdbool.h>

#include "option_table.h"

enum font { FONT_ROMAN, FONT_BOLD, FONT_ITALIC };

/* The roff being written: the font it is in, and whether nothing is on
 * its line yet (where a '.' or '\'' would start a request). */
struct roff {
	FILE *out;
	enum font font;
	bool line_start;
};

static void set_font(struct roff *roff, enum font font)
{
	static const char *const escapes[] = { "\\fR", "\\fB", "\\fI" };

	if (roff->font == font)
		return;
	fputs(escapes[font], roff->out);
	roff->font = font;
	roff->line_start = false;
}

static void put_char(struct roff *roff, char c, bool literal)
{
	if (c == '\n') {
		fputc('\n', roff->out);
		roff->line_start = true;
		return;
	}
	if (roff->line_start && (c == '.' || c == '\''))
		fputs("\\&", roff->out);
	if (c == '\\')
		fputs("\\e", roff->out);
	else if (c == '-' && literal)
		fputs("\\-", roff->out);
	else
		fputc(c, roff->out);
	roff->line_start = false;
}

/* Text in the markup; a blank line becomes the paragraph request given
 * (.PP, or .IP to stay under an option's tag). */
static void put_markup(struct roff *roff, const char *text, const char *paragraph)
{
	bool literal = false, placeholder = false;

	for (const char *p = text; *p; p++) {
		if (*p == '`') {
			literal = !literal;
			set_font(roff, literal ? FONT_BOLD : placeholder ? FONT_ITALIC : FONT_ROMAN);
		} else if (*p == '*' && !literal) {
			placeholder = !placeholder;
			set_font(roff, placeholder ? FONT_ITALIC : FONT_ROMAN);
		} else if (*p == '\\' && !literal && p[1]) {
			put_char(roff, *++p, false);
		} else if (*p == '\n' && p[1] == '\n') {
			set_font(roff, FONT_ROMAN);
			while (p[1] == '\n')
				p++;
			fprintf(roff->out, "\n%s\n", paragraph);
			roff->line_start = true;
		} else {
			put_char(roff, *p, literal);
		}
	}
	set_font(roff, FONT_ROMAN);
	if (!roff->line_start)
		put_char(roff, '\n', false);
}

/* The argument as --help writes it, its capitals in italic: RULE=LEVEL. */
static void put_argument(struct roff *roff, const char *argument)
{
	for (const char *p = argument; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			set_font(roff, FONT_ITALIC);
		else
			set_font(roff, *p == '=' ? FONT_BOLD : FONT_ROMAN);
		put_char(roff, *p, false);
	}
}

/* The tag of an option's paragraph: \fB\-f\fR, \fB\-\-format=\fIFORMAT\fR. */
static void put_tag(struct roff *roff, const struct option_entry *option)
{
	if (option->short_name) {
		set_font(roff, FONT_BOLD);
		put_char(roff, '-', true);
		put_char(roff, option->short_name, true);
		set_font(roff, FONT_ROMAN);
		put_char(roff, ',', false);
		put_char(roff, ' ', false);
	}
	set_font(roff, FONT_BOLD);
	put_char(roff, '-', true);
	put_char(roff, '-', true);
	for (const char *p = option->name; *p; p++)
		put_char(roff, *p, true);
	if (option->argument == ARGUMENT_OPTIONAL) {
		set_font(roff, FONT_ROMAN);
		put_char(roff, '[', false);
	}
	if (option->argument != ARGUMENT_NONE) {
		set_font(roff, FONT_BOLD);
		put_char(roff, '=', false);
		put_argument(roff, option->argument_name);
	}
	if (option->argument == ARGUMENT_OPTIONAL) {
		set_font(roff, FONT_ROMAN);
		put_char(roff, ']', false);
	}
	set_font(roff, FONT_ROMAN);
	put_char(roff, '\n', false);
}

static void put_option(struct roff *roff, const struct option_entry *option)
{
	fputs(".TP\n", roff->out);
	roff->line_start = true;
	put_tag(roff, option);
	put_markup(roff, option->manual, ".IP");
}

static void open_section(struct roff *roff, const struct option_section_entry *section)
{
	if (section->title)
		fprintf(roff->out, ".SS \"%s\"\n", section->title);
	if (section->manual_intro)
		put_markup(roff, section->manual_intro, ".PP");
}

static void close_section(struct roff *roff, const struct option_section_entry *section)
{
	if (!section->manual_outro)
		return;
	fputs(".PP\n", roff->out);
	put_markup(roff, section->manual_outro, ".PP");
}

void manual_print_options(FILE *out)
{
	struct roff roff = { out, FONT_ROMAN, true };

	for (int id = 0; id < OPTION_COUNT; id++) {
		enum option_section section = option_table[id].section;

		if (id == 0 || section != option_table[id - 1].section) {
			if (id > 0)
				close_section(&roff, &option_sections[option_table[id - 1].section]);
			open_section(&roff, &option_sections[section]);
		}
		put_option(&roff, &option_table[id]);
	}
	close_section(&roff, &option_sections[option_table[OPTION_COUNT - 1].section]);
}
