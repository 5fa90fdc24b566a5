/* A rule's help as plain text and as Markdown, for SARIF's rule metadata
 * and the rules page: the help, then its wrong and right examples. */
#include "rule_help.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"

/* Prose for Markdown: the characters Markdown would take as markup are
 * escaped, so the help shows as it reads in the catalog. */
static void put_markdown_prose(struct strbuf *b, const char *text)
{
	bool line_start = true;

	for (const char *p = text; *p; p++) {
		if (strchr("\\`*_[]<>#|~&!", *p) ||
		    (line_start && strchr("-+=", *p))) {
			strbuf_putc(b, '\\');
		} else if (line_start && *p >= '0' && *p <= '9') {
			/* "1." or "1)" at the start of a line would begin a list. */
			const char *q = p;
			while (*q >= '0' && *q <= '9')
				q++;
			if (*q == '.' || *q == ')') {
				strbuf_add(b, p, (size_t)(q - p));
				strbuf_putc(b, '\\');
				p = q;
			}
		}
		strbuf_putc(b, *p);
		line_start = *p == '\n' || (line_start && *p == ' ');
	}
}

/* An example in a fenced code block, the fence longer than any run of
 * backticks inside it. */
static void put_markdown_example(struct strbuf *b, const char *title, const char *example)
{
	size_t fence = 3, run = 0;

	for (const char *p = example; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run >= fence)
			fence = run + 1;
	}
	strbuf_puts(b, "\n\n");
	strbuf_puts(b, title);
	strbuf_puts(b, ":\n\n");
	for (size_t i = 0; i < fence; i++)
		strbuf_putc(b, '`');
	strbuf_puts(b, example[strspn(example, " \t\n")] == '{' ? "json\n" : "yaml\n");
	strbuf_puts(b, example);
	if (*example && example[strlen(example) - 1] != '\n')
		strbuf_putc(b, '\n');
	for (size_t i = 0; i < fence; i++)
		strbuf_putc(b, '`');
}

/* An example in plain text, indented by four spaces. */
static void put_text_example(struct strbuf *b, const char *title, const char *example)
{
	bool line_start = true;

	size_t len = strlen(example);

	while (len > 0 && example[len - 1] == '\n')
		len--;
	strbuf_puts(b, "\n\n");
	strbuf_puts(b, title);
	strbuf_puts(b, ":\n\n");
	for (size_t i = 0; i < len; i++) {
		if (line_start && example[i] != '\n')
			strbuf_puts(b, "    ");
		strbuf_putc(b, example[i]);
		line_start = example[i] == '\n';
	}
}

/* Text without the line breaks at its end. */
static void put_trimmed(struct strbuf *b, const char *text)
{
	size_t len = strlen(text);

	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
		len--;
	strbuf_add(b, text, len);
}

static const char *help_of(const struct rule *rule)
{
	return rule->help ? rule->help : rule->summary ? rule->summary : "";
}

char *rule_help_trimmed(const struct rule *rule)
{
	struct strbuf b = STRBUF_INIT;

	put_trimmed(&b, help_of(rule));
	return strbuf_take(&b);
}

char *rule_help_text(const struct rule *rule)
{
	struct strbuf b = STRBUF_INIT;

	put_trimmed(&b, help_of(rule));
	if (rule->wrong && *rule->wrong)
		put_text_example(&b, "Wrong", rule->wrong);
	if (rule->right && *rule->right)
		put_text_example(&b, "Right", rule->right);
	return strbuf_take(&b);
}

char *rule_markdown_prose(const char *text)
{
	struct strbuf b = STRBUF_INIT;

	put_markdown_prose(&b, text);
	return strbuf_take(&b);
}

/* GitHub's anchor for a heading: lowercase, each space a hyphen, and
 * every other character but letters, digits, '-' and '_' dropped. */
char *rule_anchor(const struct rule *rule)
{
	struct strbuf b = STRBUF_INIT;
	const char *parts[] = { rule->code ? rule->code : "", " ", rule->name ? rule->name : "" };

	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		for (const char *p = parts[i]; *p; p++) {
			unsigned char ch = (unsigned char)*p;
			if (ch >= 'A' && ch <= 'Z')
				strbuf_putc(&b, (char)(ch - 'A' + 'a'));
			else if (ch == ' ')
				strbuf_putc(&b, '-');
			else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
				 ch == '-' || ch == '_' || ch >= 0x80)
				strbuf_putc(&b, (char)ch);
		}
	}
	return strbuf_take(&b);
}

char *rule_help_markdown(const struct rule *rule)
{
	struct strbuf b = STRBUF_INIT;
	char *trimmed = rule_help_trimmed(rule);

	if (!trimmed)
		return NULL;
	put_markdown_prose(&b, trimmed);
	free(trimmed);
	if (rule->wrong && *rule->wrong)
		put_markdown_example(&b, "Wrong", rule->wrong);
	if (rule->right && *rule->right)
		put_markdown_example(&b, "Right", rule->right);
	return strbuf_take(&b);
}
