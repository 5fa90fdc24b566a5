/* Shell completion scripts (--completion=bash|zsh), made from the option
 * table and the help text, so that a new option completes without more
 * work: the help gives its short form, its argument and its description. */
#ifndef IELINT_COMPLETION_H
#define IELINT_COMPLETION_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

/* Prints the script for shell ("bash" or "zsh"); false for another shell.
 * options ends with a NULL name; help is the text of --help. */
bool completion_print(FILE *out, const char *shell, const struct option *options,
		      const char *help);

#endif
