/* Shell completion scripts (--completion=bash|zsh), made from the option
 * table, so that a new option completes without more work: the table
 * gives its names, its argument, the values it takes and its help. */
#ifndef IELINT_COMPLETION_H
#define IELINT_COMPLETION_H

#include <stdbool.h>
#include <stdio.h>

/* Prints the script for shell ("bash" or "zsh"); false for another shell. */
bool completion_print(FILE *out, const char *shell);

#endif
