#include "catalog_print.h"

#include <stdlib.h>
#include <string.h>

#include "rules/model.h"
#include "rule_help.h"
#include "rules/rules.h"

/* The types of document a rule checks, "create, update, cloudformation",
 * or `all` for every one. */
static const char *operations_text(const struct rule *rule, const char *all,
				   const char *separator, char *buffer, size_t size)
{
	size_t used = 0;
	int count = 0;

	buffer[0] = '\0';
	for (int i = 0; i < document_type_count; i++) {
		if (!rule_checks(rule, document_types[i]))
			continue;
		count++;
		if (used < size)
			used += (size_t)snprintf(buffer + used, size - used, "%s%s",
						 used ? separator : "",
						 document_type_name(document_types[i]));
	}
	return count == document_type_count ? all : buffer;
}

void catalog_print_table(FILE *out)
{
	char operations[64];

	for (int id = 0; id < RULE_COUNT; id++) {
		const struct rule *rule = rule_get((enum rule_id)id);
		fprintf(out, "%-6s %-28s %-8s %-24s %s\n", rule->code, rule->name,
			severity_name(rule->severity),
			operations_text(rule, "all", ",", operations,
					sizeof operations),
			rule->summary);
	}
}

/* Each line of text, indented. */
static void print_indented(FILE *out, const char *text)
{
	while (*text) {
		const char *end = strchr(text, '\n');
		size_t len = end ? (size_t)(end - text) : strlen(text);
		fprintf(out, "    %.*s\n", (int)len, text);
		text += len + (end != NULL);
	}
}

/* The patterns that pattern-mismatch checks, each with its words, since
 * its messages give the words only. */
static void print_patterns(FILE *out)
{
	const struct model *model = model_get();

	if (!model || !model->pattern_count)
		return;
	fputs("\nPatterns:\n\n", out);
	for (size_t i = 0; i < model->pattern_count; i++)
		fprintf(out, "    %s\n        %s\n", model->patterns[i].pattern,
			model->patterns[i].means);
}

void catalog_print_rule(FILE *out, enum rule_id id)
{
	const struct rule *rule = rule_get(id);

	char operations[64];

	fprintf(out, "%s %s (%s by default; checks: %s)\n\n%s\n\n", rule->code,
		rule->name, severity_name(rule->severity),
		operations_text(rule, "all", ", ", operations, sizeof operations),
		rule->summary);
	fputs(rule->help, out);
	fputs("\nWrong:\n\n", out);
	print_indented(out, rule->wrong);
	fputs("\nRight:\n\n", out);
	print_indented(out, rule->right);
	if (id == RULE_PATTERN_MISMATCH)
		print_patterns(out);
}

/* Text as roff sees it: backslashes doubled, and no line that starts with
 * a control character. */
static void roff_line(FILE *out, const char *line, size_t len)
{
	if (len > 0 && (line[0] == '.' || line[0] == '\''))
		fputs("\\&", out);
	for (size_t i = 0; i < len; i++) {
		if (line[i] == '\\')
			fputs("\\e", out);
		else if (line[i] == '-')
			fputs("\\-", out);
		else
			fputc(line[i], out);
	}
	fputc('\n', out);
}

static void roff_text(FILE *out, const char *text)
{
	while (*text) {
		const char *end = strchr(text, '\n');
		size_t len = end ? (size_t)(end - text) : strlen(text);
		roff_line(out, text, len);
		text += len + (end != NULL);
	}
}

static void roff_example(FILE *out, const char *title, const char *text)
{
	fprintf(out, ".PP\n%s\n.PP\n.RS\n.EX\n", title);
	roff_text(out, text);
	fputs(".EE\n.RE\n", out);
}

void catalog_print_man(FILE *out, const char *version)
{
	fprintf(out, ".\\\" Generated from rules/catalog.yaml by ielint --list-rules=man.\n"
		".TH IELINT-RULES 7 \"\" \"ielint %s\" \"Miscellaneous Information Manual\"\n"
		".SH NAME\n"
		"ielint\\-rules \\- the rules of ielint\n"
		".SH DESCRIPTION\n"
		"Each rule has a stable code and a stable name; either names the rule\n"
		"wherever one is asked for. The severity shown is the default.\n"
		".SH RULES\n", version);
	char operations[64];

	for (int id = 0; id < RULE_COUNT; id++) {
		const struct rule *rule = rule_get((enum rule_id)id);
		fprintf(out, ".SS \"%s %s\"\n", rule->code, rule->name);
		fprintf(out, "Severity: %s. Checks: %s.\n", severity_name(rule->severity),
			operations_text(rule, "all", ", ", operations,
					sizeof operations));
		roff_text(out, rule->summary);
		fputs(".PP\n", out);
		roff_text(out, rule->help);
		roff_example(out, "Wrong:", rule->wrong);
		roff_example(out, "Right:", rule->right);
	}
	fputs(".SH \"SEE ALSO\"\n.BR ielint (1)\n", out);
}

/* One rule of the rules page: its heading (a link's anchor), summary,
 * severity and operations, then its help and examples. */
static bool markdown_rule(FILE *out, const struct rule *rule)
{
	char operations[64];
	char *summary = rule_markdown_prose(rule->summary ? rule->summary : "");
	char *help = rule_help_markdown(rule);
	bool ok = summary && help;

	if (ok)
		fprintf(out, "\n## %s %s\n\n%s\n\nSeverity: %s. Checks: %s.\n\n%s\n",
			rule->code, rule->name, summary, severity_name(rule->severity),
			operations_text(rule, "all", ", ", operations,
					sizeof operations), help);
	free(summary);
	free(help);
	return ok;
}

bool catalog_print_markdown(FILE *out)
{
	fputs("<!-- Generated from rules/catalog.yaml by ielint --list-rules=markdown;\n"
	      "     make update-rules-page writes it again. -->\n"
	      "# The rules of ielint\n\n"
	      "Each rule has a stable code and a stable name; either names the rule\n"
	      "wherever one is asked for (`--disable`, `--severity`, `.ielint.yaml`,\n"
	      "inline suppressions). The severity shown is the default. \"Checks\" says\n"
	      "which documents the rule reads: create, update and stop requests, and\n"
	      "the experiments of CloudFormation templates.\n", out);
	for (int id = 0; id < RULE_COUNT; id++)
		if (!markdown_rule(out, rule_get((enum rule_id)id)))
			return false;
	return true;
}
