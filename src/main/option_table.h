/* The command line's options, each described once: its names, its
 * argument, the values it takes, its line of --help and its entry in the
 * manual. The parser (options.c), --help (help.c), the shell completions
 * (completion.c) and the OPTIONS section of ielint(1) (manual.c, through
 * make update-man) are all made from this table, so that none of them can
 * forget an option or describe it otherwise.
 *
 * The manual's text is written in a light markup that manual.c turns
 * into roff:
 *
 *   `text`   a literal (an option, a value, a file or command): bold;
 *            nothing inside it is markup
 *   *text*   a placeholder the reader replaces (FILE, NAME): italic
 *   \c       the character c itself, for a ` or * in plain text
 *   a blank line starts a new paragraph
 *
 * Lines are kept as written. */
#ifndef IELINT_OPTION_TABLE_H
#define IELINT_OPTION_TABLE_H

#include <stddef.h>

/* In the order --help and the manual list them. */
enum option_id {
	OPTION_OPERATION,
	/* The experiment as it is now */
	OPTION_STATUS, OPTION_CURRENT, OPTION_PREVIOUS, OPTION_VAR_FILE, OPTION_NOW,
	OPTION_PLAN,
	/* Rules */
	OPTION_DISABLE, OPTION_ENABLE, OPTION_SEVERITY, OPTION_FAIL_ON, OPTION_CONFIG,
	OPTION_LIST_RULES, OPTION_EXPLAIN, OPTION_PRINT_SCHEMA, OPTION_RULES_DIR,
	/* Input and output */
	OPTION_INPUT_FORMAT, OPTION_EXCLUDE, OPTION_FORMAT, OPTION_OUTPUT, OPTION_COLOR,
	OPTION_SHOW_SOURCE, OPTION_FIX, OPTION_DRY_RUN, OPTION_STDIN_FILENAME, OPTION_JOBS,
	OPTION_LSP, OPTION_QUIET, OPTION_VERBOSE, OPTION_COMPLETION, OPTION_HELP, OPTION_VERSION,
	OPTION_COUNT
};

/* The groups --help and the manual list the options in. */
enum option_section {
	SECTION_GENERAL, /* before any heading */
	SECTION_EXPERIMENT,
	SECTION_RULES,
	SECTION_INPUT_OUTPUT,
	SECTION_COUNT
};

enum option_argument { ARGUMENT_NONE, ARGUMENT_REQUIRED, ARGUMENT_OPTIONAL };

/* What a shell offers for the argument when no fixed values are listed. */
enum option_completion { COMPLETE_NOTHING, COMPLETE_FILES, COMPLETE_DIRECTORIES };

struct option_entry {
	const char *name;      /* the long name, without its dashes */
	const char *alias;     /* another long name for it, or NULL */
	char short_name;       /* 0 when it has none */
	enum option_argument argument;
	const char *argument_name; /* FILE, RULE[,RULE]: capitals are placeholders */
	enum option_section section;
	/* The values the argument takes, where they are fixed: a list that
	 * ends with NULL, or value_at(i) for i from 0 until it gives NULL
	 * (values kept in another table). NULL both when they are not. */
	const char *const *values;
	const char *(*value_at)(size_t i);
	enum option_completion completion; /* when there are no values */
	const char *help;   /* --help's description, its lines ended by \n */
	const char *manual; /* ielint(1)'s, in the markup above */
};

struct option_section_entry {
	const char *title;        /* the manual's subsection; NULL for none */
	const char *help_heading; /* --help's heading; NULL for none */
	const char *manual_intro; /* markup before its options, or NULL */
	const char *manual_outro; /* markup after them, or NULL */
};

extern const struct option_entry option_table[OPTION_COUNT];
extern const struct option_section_entry option_sections[SECTION_COUNT];

/* The i-th fixed value of an option, or NULL past the last (and for an
 * option without fixed values). */
const char *option_value(const struct option_entry *option, size_t i);

#endif
