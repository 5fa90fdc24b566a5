#include "completion.h"

#include <string.h>

#include "check/state.h"
#include "load/load.h"
#include "report/report.h"
#include "rules/operation.h"
#include "rules/rules.h"

/* What the help says of one long option: its line is
 * "  -f, --format=FORMAT  text..." or "      --plan  text...", and the
 * description goes on over the lines indented under it. */
struct help_entry {
	char short_name;      /* 0 when it has none */
	const char *metavar;  /* FILE, DIR, ...; NULL when it takes none */
	size_t metavar_len;
	const char *text;     /* the description, up to text_end */
	const char *text_end;
};

static const char *skip_spaces(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

static const char *line_end(const char *p)
{
	const char *end = strchr(p, '\n');
	return end ? end : p + strlen(p);
}

/* Reads one option line; false when the line is not the option's. */
static bool read_option_line(const char *line, const char *name, struct help_entry *entry)
{
	const char *p = skip_spaces(line);
	size_t len = strlen(name);

	memset(entry, 0, sizeof *entry);
	if (p[0] == '-' && p[1] != '-' && p[1] && p[2] == ',') {
		entry->short_name = p[1];
		p = skip_spaces(p + 3);
	}
	if (strncmp(p, "--", 2) != 0 || strncmp(p + 2, name, len) != 0)
		return false;
	p += 2 + len;
	if (*p == '[')
		p++;
	if (*p == '=') {
		entry->metavar = ++p;
		while (*p && !strchr(" []=,\n", *p))
			p++;
		entry->metavar_len = (size_t)(p - entry->metavar);
		/* The rest of it: "[,RULE]", "=LEVEL", the "]" of "[=FORMAT]". */
		while (*p && *p != ' ' && *p != '\n')
			p++;
	}
	/* A long option line has its description on the lines under it. */
	if (*p == '\n')
		p = skip_spaces(p + 1);
	else if (*p != ' ')
		return false;
	entry->text = skip_spaces(p);
	entry->text_end = line_end(p);
	/* Lines indented further, and not another option, go on with it. */
	for (const char *next = entry->text_end; *next == '\n';) {
		const char *start = skip_spaces(next + 1);
		if (start - (next + 1) < 8 || *start == '\n')
			break;
		entry->text_end = line_end(start);
		next = entry->text_end;
	}
	return true;
}

static bool help_find(const char *help, const char *name, struct help_entry *entry)
{
	for (const char *line = help; *line; ) {
		const char *end = line_end(line);
		if (read_option_line(line, name, entry))
			return true;
		line = *end ? end + 1 : end;
	}
	memset(entry, 0, sizeof *entry);
	return false;
}

/* An option the help does not list (--colour) is another's alias: it takes
 * the entry of the option with the same value. */
static void entry_of(const char *help, const struct option *options,
		     const struct option *option, struct help_entry *entry)
{
	if (help_find(help, option->name, entry))
		return;
	for (const struct option *o = options; o->name; o++)
		if (o != option && o->val == option->val && help_find(help, o->name, entry))
			return;
}

static bool metavar_is(const struct help_entry *entry, const char *word)
{
	return entry->metavar && entry->metavar_len == strlen(word) &&
	       strncmp(entry->metavar, word, entry->metavar_len) == 0;
}

enum value_kind { VALUES_NONE, VALUES_WORDS, VALUES_FILES, VALUES_DIRECTORIES };

static enum value_kind value_kind(const struct option *option, const struct help_entry *entry)
{
	static const char *const with_words[] = {
		"input-format", "format", "operation", "status", "fail-on", "color",
		"colour", "list-rules", "completion", "explain", "disable", "enable",
		"print-schema",
	};

	if (option->has_arg == no_argument)
		return VALUES_NONE;
	for (size_t i = 0; i < sizeof with_words / sizeof *with_words; i++)
		if (strcmp(option->name, with_words[i]) == 0)
			return VALUES_WORDS;
	if (metavar_is(entry, "FILE") || metavar_is(entry, "NAME"))
		return VALUES_FILES;
	if (metavar_is(entry, "DIR"))
		return VALUES_DIRECTORIES;
	return VALUES_NONE;
}

/* The values an option takes, space-separated, from the tables that
 * accept them, so that the lists cannot drift from what is accepted. */
static void print_words(FILE *out, const char *name)
{
	const char *sep = "";

#define WORD(text) (fprintf(out, "%s%s", sep, (text)), sep = " ")
	if (strcmp(name, "input-format") == 0) {
		WORD(input_format_name(INPUT_AUTO));
		WORD(input_format_name(INPUT_JSON));
		WORD(input_format_name(INPUT_YAML));
	} else if (strcmp(name, "format") == 0) {
		for (size_t i = 0; report_format_name_at(i); i++)
			WORD(report_format_name_at(i));
	} else if (strcmp(name, "operation") == 0) {
		for (int i = 0; i < document_type_count; i++)
			WORD(document_type_name(document_types[i]));
	} else if (strcmp(name, "print-schema") == 0) {
		for (int op = 0; op < OPERATION_COUNT; op++)
			WORD(operation_name((enum operation)op));
	} else if (strcmp(name, "status") == 0) {
		for (int s = STATUS_CREATING; s <= STATUS_CANCELLED; s++)
			WORD(status_name((enum experiment_status)s));
	} else if (strcmp(name, "fail-on") == 0) {
		WORD(severity_name(SEVERITY_ERROR));
		WORD(severity_name(SEVERITY_WARNING));
		WORD(severity_name(SEVERITY_NOTE));
	} else if (strcmp(name, "color") == 0 || strcmp(name, "colour") == 0) {
		WORD("auto"), WORD("always"), WORD("never");
	} else if (strcmp(name, "list-rules") == 0) {
		WORD("text"), WORD("man"), WORD("markdown");
	} else if (strcmp(name, "completion") == 0) {
		WORD("bash"), WORD("zsh");
	} else {
		/* --explain, --disable, --enable: the rules, by code and name. */
		for (int id = 0; id < RULE_COUNT; id++) {
			WORD(rule_get((enum rule_id)id)->code);
			WORD(rule_get((enum rule_id)id)->name);
		}
	}
#undef WORD
}

/* ---- bash --------------------------------------------------------------- */

static void bash_case(FILE *out, const struct option *option, const struct help_entry *entry,
		      enum value_kind kind)
{
	fprintf(out, "\t--%s", option->name);
	if (entry->short_name)
		fprintf(out, "|-%c", entry->short_name);
	fputs(")\n\t\t", out);
	if (kind == VALUES_WORDS) {
		fputs("COMPREPLY=($(compgen -W '", out);
		print_words(out, option->name);
		fputs("' -- \"$cur\"))", out);
	} else if (kind == VALUES_FILES) {
		fputs("compopt -o filenames 2>/dev/null\n\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))", out);
	} else if (kind == VALUES_DIRECTORIES) {
		fputs("compopt -o filenames 2>/dev/null\n\t\tCOMPREPLY=($(compgen -d -- \"$cur\"))", out);
	} else {
		fputs("COMPREPLY=()", out);
	}
	fputs(" ;;\n", out);
}

static void print_bash(FILE *out, const struct option *options, const char *help)
{
	struct help_entry entry;

	fputs("# bash completion for ielint: made by ielint --completion=bash\n"
	      "\n"
	      "# The values of option $1 that start with $cur.\n"
	      "_ielint_values()\n"
	      "{\n"
	      "\tcase $1 in\n", out);
	for (const struct option *o = options; o->name; o++) {
		entry_of(help, options, o, &entry);
		if (o->has_arg != no_argument)
			bash_case(out, o, &entry, value_kind(o, &entry));
	}
	fputs("\t*) COMPREPLY=() ;;\n"
	      "\tesac\n"
	      "}\n"
	      "\n"
	      "_ielint()\n"
	      "{\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= option= prefix=\n"
	      "\t((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "\tCOMPREPLY=()\n"
	      "\t# --format=VALUE is one word, or three when = breaks words.\n"
	      "\tif [[ $cur == --*=* ]]; then\n"
	      "\t\toption=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}\n"
	      "\telif [[ $cur == = && $prev == --* ]]; then\n"
	      "\t\toption=$prev cur=\n"
	      "\telif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
	      "\t\toption=${COMP_WORDS[COMP_CWORD-2]}\n"
	      "\telse\n"
	      "\t\t# An option whose value is the next word.\n"
	      "\t\tcase $prev in\n"
	      "\t\t", out);
	{
		const char *sep = "";
		for (const struct option *o = options; o->name; o++) {
			if (o->has_arg != required_argument)
				continue;
			entry_of(help, options, o, &entry);
			fprintf(out, "%s--%s", sep, o->name);
			if (entry.short_name)
				fprintf(out, "|-%c", entry.short_name);
			sep = "|";
		}
	}
	fputs(") option=$prev ;;\n"
	      "\t\tesac\n"
	      "\tfi\n"
	      "\tif [[ -n $option ]]; then\n"
	      "\t\t_ielint_values \"$option\"\n"
	      "\t\tif [[ -n $prefix ]]; then\n"
	      "\t\t\tCOMPREPLY=(\"${COMPREPLY[@]/#/$prefix}\")\n"
	      "\t\tfi\n"
	      "\t\treturn 0\n"
	      "\tfi\n"
	      "\tif [[ $cur == -* ]]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W '", out);
	{
		const char *sep = "";
		for (const struct option *o = options; o->name; o++) {
			entry_of(help, options, o, &entry);
			if (entry.short_name)
				fprintf(out, "%s-%c", sep, entry.short_name), sep = " ";
			if (o->has_arg != required_argument)
				fprintf(out, "%s--%s", sep, o->name), sep = " ";
			if (o->has_arg != no_argument)
				fprintf(out, "%s--%s=", sep, o->name), sep = " ";
		}
	}
	fputs("' -- \"$cur\"))\n"
	      "\t\t[[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] &&\n"
	      "\t\t\tcompopt -o nospace 2>/dev/null\n"
	      "\t\treturn 0\n"
	      "\tfi\n"
	      "\tcompopt -o filenames 2>/dev/null\n"
	      "\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
	      "}\n"
	      "\n"
	      "complete -F _ielint ielint\n", out);
}

/* ---- zsh ---------------------------------------------------------------- */

/* The description, on one line, fit for '[...]' in single quotes. */
static void zsh_description(FILE *out, const struct help_entry *entry)
{
	bool space = false;

	for (const char *p = entry->text; p && p < entry->text_end; p++) {
		if (*p == ' ' || *p == '\n') {
			space = true;
			continue;
		}
		if (space)
			fputc(' ', out);
		space = false;
		if (*p == '\'')
			fputs("'\\''", out);
		else if (*p == ']' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else
			fputc(*p, out);
	}
}

static void zsh_argument(FILE *out, const struct option *option,
			 const struct help_entry *entry)
{
	enum value_kind kind = value_kind(option, entry);

	if (option->has_arg == no_argument)
		return;
	fputs(option->has_arg == optional_argument ? "::" : ":", out);
	if (entry->metavar)
		for (size_t i = 0; i < entry->metavar_len; i++)
			fputc(entry->metavar[i] >= 'A' && entry->metavar[i] <= 'Z'
			      ? entry->metavar[i] - 'A' + 'a' : entry->metavar[i], out);
	else
		fputs("value", out);
	if (kind == VALUES_WORDS) {
		fputs(":(", out);
		print_words(out, option->name);
		fputs(")", out);
	} else if (kind == VALUES_FILES) {
		fputs(":_files", out);
	} else if (kind == VALUES_DIRECTORIES) {
		fputs(":_files -/", out);
	} else {
		fputs(": ", out);
	}
}

/* One option's spec; "*" since _arguments would otherwise offer an option
 * only once, and --disable, --exclude and others are given again. */
static void zsh_spec(FILE *out, const char *dashes, const char *name, const char *form,
		     const struct option *option, const struct help_entry *entry)
{
	fprintf(out, "\t'*%s%s%s[", dashes, name, form);
	zsh_description(out, entry);
	fputs("]", out);
	zsh_argument(out, option, entry);
	fputs("' \\\n", out);
}

static void print_zsh(FILE *out, const struct option *options, const char *help)
{
	struct help_entry entry;
	static const char *const forms[] = { "", "=", "=-" };

	fputs("#compdef ielint\n"
	      "# zsh completion for ielint: made by ielint --completion=zsh\n"
	      "\n"
	      "_arguments -s -S \\\n", out);
	for (const struct option *o = options; o->name; o++) {
		char short_name[2] = { 0, 0 };

		entry_of(help, options, o, &entry);
		if (entry.short_name) {
			short_name[0] = entry.short_name;
			zsh_spec(out, "-", short_name, o->has_arg == no_argument ? "" : "+", o, &entry);
		}
		zsh_spec(out, "--", o->name, forms[o->has_arg], o, &entry);
	}
	fputs("\t'*:file:_files'\n", out);
}

bool completion_print(FILE *out, const char *shell, const struct option *options,
		      const char *help)
{
	if (strcmp(shell, "bash") == 0)
		print_bash(out, options, help);
	else if (strcmp(shell, "zsh") == 0)
		print_zsh(out, options, help);
	else
		return false;
	return true;
}
