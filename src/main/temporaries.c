#include "temporaries.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The signals whose default is to end the process, and that a run can
 * meet: a terminal's (Ctrl-C, Ctrl-\, a hang-up), kill's and timeout's,
 * a reader that went away, and a file-size limit. */
static const int ending_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGXFSZ };

enum { ENDING_SIGNAL_COUNT = sizeof ending_signals / sizeof *ending_signals };

/* Read by the handler: a slot is a path, or NULL. */
static const char *volatile registered[TEMPORARIES_MAX];
static pthread_t owner;
static bool handling;

static void remove_registered(int signal_number)
{
	int saved_errno = errno;

	/* Workers do not hold the signals back: the thread that may be
	 * between creating a file and registering it is the one to run this,
	 * once it lets the signal through. */
	if (!pthread_equal(pthread_self(), owner)) {
		pthread_kill(owner, signal_number);
		errno = saved_errno;
		return;
	}
	for (size_t i = 0; i < TEMPORARIES_MAX; i++)
		if (registered[i])
			unlink(registered[i]);
	signal(signal_number, SIG_DFL);
	raise(signal_number);
	errno = saved_errno;
}

static void ending_set(sigset_t *set)
{
	sigemptyset(set);
	for (size_t i = 0; i < ENDING_SIGNAL_COUNT; i++)
		sigaddset(set, ending_signals[i]);
}

void signals_hold(sigset_t *saved)
{
	sigset_t set;

	ending_set(&set);
	pthread_sigmask(SIG_BLOCK, &set, saved);
}

void signals_release(const sigset_t *saved)
{
	pthread_sigmask(SIG_SETMASK, saved, NULL);
}

/* Installs the handler on the first temporary file; called with the
 * signals held. */
static void handle_signals(void)
{
	struct sigaction action;

	if (handling)
		return;
	handling = true;
	owner = pthread_self();
	memset(&action, 0, sizeof action);
	action.sa_handler = remove_registered;
	ending_set(&action.sa_mask);
	for (size_t i = 0; i < ENDING_SIGNAL_COUNT; i++) {
		struct sigaction old;
		/* A signal the caller ignores (nohup, a runner that ignores
		 * SIGPIPE) stays ignored. */
		if (sigaction(ending_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(ending_signals[i], &action, NULL);
	}
}

static size_t slot_of(const char *path)
{
	for (size_t i = 0; i < TEMPORARIES_MAX; i++)
		if (registered[i] == path)
			return i;
	return TEMPORARIES_MAX;
}

int temporary_create(char *template)
{
	sigset_t saved;
	size_t slot;
	int fd = -1;

	signals_hold(&saved);
	handle_signals();
	slot = slot_of(NULL);
	if (slot == TEMPORARIES_MAX) {
		errno = EMFILE;
	} else if ((fd = mkstemp(template)) >= 0) {
		registered[slot] = template;
	}
	signals_release(&saved);
	return fd;
}

static void forget(const char *path)
{
	size_t slot = slot_of(path);

	if (slot < TEMPORARIES_MAX)
		registered[slot] = NULL;
}

bool temporary_rename(const char *path, const char *target)
{
	sigset_t saved;
	bool renamed;
	int error;

	signals_hold(&saved);
	renamed = rename(path, target) == 0;
	error = errno;
	if (renamed)
		forget(path);
	signals_release(&saved);
	errno = error;
	return renamed;
}

void temporary_remove(const char *path)
{
	sigset_t saved;

	signals_hold(&saved);
	unlink(path);
	forget(path);
	signals_release(&saved);
}
