/* Work on items in parallel, results taken in order: -j lints files on
 * worker threads while the calling thread reports each file in the order
 * of the list, so the report is the same whatever the number of threads.
 *
 * For each item i in 0..count, in order on the calling thread, prepare(i);
 * then work(i) on some worker thread; then, in order on the calling
 * thread, finish(i). At most `window` items are prepared and not yet
 * finished, so memory stays bounded whatever the number of items. When
 * stop() says so, no more items are prepared or worked on, and each item
 * prepared and not finished gets discard(i) instead of finish(i). */
#ifndef IELINT_POOL_H
#define IELINT_POOL_H

#include <stdbool.h>
#include <stddef.h>

struct pool_ops {
	void (*prepare)(void *context, size_t item);
	void (*work)(void *context, size_t item);
	void (*finish)(void *context, size_t item);
	void (*discard)(void *context, size_t item);
	bool (*stop)(void *context);
	/* On each worker thread as it ends: frees what the thread kept. */
	void (*thread_end)(void);
};

/* Runs the items on `threads` worker threads (in the calling thread alone
 * when threads < 2 or they cannot be started). Slots for the items are the
 * caller's: item i may use slot i % window. */
void pool_run(size_t count, unsigned threads, size_t window, const struct pool_ops *ops,
	      void *context);

/* The number of processors online, at least 1: the default of -j. */
unsigned pool_default_threads(void);

#endif
