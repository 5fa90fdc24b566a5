#include "completion.h"

#include <string.h>

#include "option_table.h"

/* The n-th long name of an option: its own, then its alias; NULL past
 * the last. */
static const char *long_name(const struct option_entry *option, int n)
{
	return n == 0 ? option->name : n == 1 ? option->alias : NULL;
}

static bool has_values(const struct option_entry *option)
{
	return option_value(option, 0) != NULL;
}

/* The values an option takes, space-separated. */
static void print_values(FILE *out, const struct option_entry *option)
{
	const char *value;

	for (size_t i = 0; (value = option_value(option, i)); i++)
		fprintf(out, "%s%s", i ? " " : "", value);
}

/* ---- bash --------------------------------------------------------------- */

static void bash_case(FILE *out, const struct option_entry *option, const char *name)
{
	fprintf(out, "\t--%s", name);
	if (option->short_name)
		fprintf(out, "|-%c", option->short_name);
	fputs(")\n\t\t", out);
	if (has_values(option)) {
		fputs("COMPREPLY=($(compgen -W '", out);
		print_values(out, option);
		fputs("' -- \"$cur\"))", out);
	} else if (option->completion == COMPLETE_FILES) {
		fputs("compopt -o filenames 2>/dev/null\n\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))", out);
	} else if (option->completion == COMPLETE_DIRECTORIES) {
		fputs("compopt -o filenames 2>/dev/null\n\t\tCOMPREPLY=($(compgen -d -- \"$cur\"))", out);
	} else {
		fputs("COMPREPLY=()", out);
	}
	fputs(" ;;\n", out);
}

/* The options whose value is the next word: --format|-f|--output|-o... */
static void bash_separate_values(FILE *out)
{
	const char *sep = "";

	for (int id = 0; id < OPTION_COUNT; id++) {
		const struct option_entry *option = &option_table[id];
		if (option->argument != ARGUMENT_REQUIRED)
			continue;
		for (int n = 0; long_name(option, n); n++) {
			fprintf(out, "%s--%s", sep, long_name(option, n));
			if (option->short_name)
				fprintf(out, "|-%c", option->short_name);
			sep = "|";
		}
	}
}

/* Every option as it is typed: -f --format= --plan --list-rules --list-rules= */
static void bash_words(FILE *out)
{
	const char *sep = "";

	for (int id = 0; id < OPTION_COUNT; id++) {
		const struct option_entry *option = &option_table[id];
		if (option->short_name)
			fprintf(out, "%s-%c", sep, option->short_name), sep = " ";
		for (int n = 0; long_name(option, n); n++) {
			if (option->argument != ARGUMENT_REQUIRED)
				fprintf(out, "%s--%s", sep, long_name(option, n)), sep = " ";
			if (option->argument != ARGUMENT_NONE)
				fprintf(out, "%s--%s=", sep, long_name(option, n)), sep = " ";
		}
	}
}

static void print_bash(FILE *out)
{
	fputs("# bash completion for ielint: made by ielint --completion=bash\n"
	      "\n"
	      "# The values of option $1 that start with $cur.\n"
	      "_ielint_values()\n"
	      "{\n"
	      "\tcase $1 in\n", out);
	for (int id = 0; id < OPTION_COUNT; id++)
		for (int n = 0; option_table[id].argument != ARGUMENT_NONE &&
				long_name(&option_table[id], n); n++)
			bash_case(out, &option_table[id], long_name(&option_table[id], n));
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
	bash_separate_values(out);
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
	bash_words(out);
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

/* The help, on one line, fit for '[...]' in single quotes. */
static void zsh_description(FILE *out, const struct option_entry *option)
{
	bool space = false;

	for (const char *p = option->help; *p; p++) {
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

/* ":format:(text json ...)": the argument's name in lower case, then
 * what to offer for it. */
static void zsh_argument(FILE *out, const struct option_entry *option)
{
	if (option->argument == ARGUMENT_NONE)
		return;
	fputs(option->argument == ARGUMENT_OPTIONAL ? "::" : ":", out);
	for (const char *p = option->argument_name; *p && !strchr("[]=,", *p); p++)
		fputc(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p, out);
	if (has_values(option)) {
		fputs(":(", out);
		print_values(out, option);
		fputs(")", out);
	} else if (option->completion == COMPLETE_FILES) {
		fputs(":_files", out);
	} else if (option->completion == COMPLETE_DIRECTORIES) {
		fputs(":_files -/", out);
	} else {
		fputs(": ", out);
	}
}

/* One option's spec; "*" since _arguments would otherwise offer an option
 * only once, and --disable, --exclude and others are given again. */
static void zsh_spec(FILE *out, const char *dashes, const char *name, const char *form,
		     const struct option_entry *option)
{
	fprintf(out, "\t'*%s%s%s[", dashes, name, form);
	zsh_description(out, option);
	fputs("]", out);
	zsh_argument(out, option);
	fputs("' \\\n", out);
}

static void print_zsh(FILE *out)
{
	static const char *const forms[] = {
		[ARGUMENT_NONE] = "", [ARGUMENT_REQUIRED] = "=", [ARGUMENT_OPTIONAL] = "=-",
	};

	fputs("#compdef ielint\n"
	      "# zsh completion for ielint: made by ielint --completion=zsh\n"
	      "\n"
	      "_arguments -s -S \\\n", out);
	for (int id = 0; id < OPTION_COUNT; id++) {
		const struct option_entry *option = &option_table[id];
		char short_name[2] = { option->short_name, 0 };

		if (option->short_name)
			zsh_spec(out, "-", short_name,
				 option->argument == ARGUMENT_NONE ? "" : "+", option);
		for (int n = 0; long_name(option, n); n++)
			zsh_spec(out, "--", long_name(option, n), forms[option->argument], option);
	}
	fputs("\t'*:file:_files'\n", out);
}

bool completion_print(FILE *out, const char *shell)
{
	if (strcmp(shell, "bash") == 0)
		print_bash(out);
	else if (strcmp(shell, "zsh") == 0)
		print_zsh(out);
	else
		return false;
	return true;
}
