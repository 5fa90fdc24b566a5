/* The temporary files a run has on disk (the report being written with -o,
 * a file being fixed with --fix), removed should a signal end the run.
 * Each is registered in the same step that creates it, with the signals
 * held back, so there is no moment at which one exists unregistered; the
 * same goes for renaming it into place and for removing it. The functions
 * are for the main thread: a signal that another thread takes is passed
 * on to it. */
#ifndef IELINT_TEMPORARIES_H
#define IELINT_TEMPORARIES_H

#include <signal.h>
#include <stdbool.h>

/* How many may exist at once (a run has two at most: a report, a fix). */
enum { TEMPORARIES_MAX = 8 };

/* mkstemp(template), registered. The caller keeps template alive until
 * temporary_rename or temporary_remove. Returns the descriptor, or -1 with
 * errno set (EMFILE when TEMPORARIES_MAX are registered already). */
int temporary_create(char *template);

/* Renames the registered file to target; once it is there, it is no longer
 * a temporary. False, with errno set and the file still registered, when
 * the rename fails. */
bool temporary_rename(const char *path, const char *target);

/* Removes the registered file and forgets it. */
void temporary_remove(const char *path);

/* Holds back the signals that end a run (delivering them at
 * signals_release), around a step that must not be cut in half, such as
 * writing a file in place. */
void signals_hold(sigset_t *saved);
void signals_release(const sigset_t *saved);

#endif
