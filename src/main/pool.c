#include "pool.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/memory.h"

enum slot_state { SLOT_FREE, SLOT_READY, SLOT_DONE };

struct pool {
	const struct pool_ops *ops;
	void *context;
	size_t window;
	size_t batch;            /* items a worker takes at once */
	enum slot_state *states; /* of item i at i % window */
	size_t prepared;         /* items 0..prepared have been prepared */
	size_t next_work;        /* the next item for a worker */
	bool closing;            /* no more items will be prepared */
	bool stopping;           /* prepared items are no longer worked on */
	/* Waking a thread is a system call, so each is woken only when it
	 * waits: idle workers for new items, the caller for its next one. */
	unsigned idle_workers;
	size_t awaited;          /* the item the caller waits for, or SIZE_MAX */
	pthread_mutex_t lock;
	pthread_cond_t work_ready; /* a worker may take an item */
	pthread_cond_t work_done;  /* an item is done */
};

/* Marks items first..last done, and wakes the caller if it waits for one
 * of them; called with the lock held. */
static void mark_done(struct pool *pool, size_t first, size_t last)
{
	for (size_t item = first; item < last; item++)
		pool->states[item % pool->window] = SLOT_DONE;
	if (pool->awaited >= first && pool->awaited < last)
		pthread_cond_signal(&pool->work_done);
}

static void *worker(void *arg)
{
	struct pool *pool = arg;

	pthread_mutex_lock(&pool->lock);
	for (;;) {
		while (pool->next_work == pool->prepared && !pool->closing) {
			pool->idle_workers++;
			pthread_cond_wait(&pool->work_ready, &pool->lock);
			pool->idle_workers--;
		}
		if (pool->next_work == pool->prepared)
			break;
		/* A few items at a time: each taking of the lock may wait for
		 * it, and a wait is a system call. */
		size_t first = pool->next_work;
		size_t last = pool->prepared - first < pool->batch ? pool->prepared
								   : first + pool->batch;
		bool skip = pool->stopping;
		pool->next_work = last;
		pthread_mutex_unlock(&pool->lock);
		for (size_t item = first; item < last && !skip; item++)
			pool->ops->work(pool->context, item);
		pthread_mutex_lock(&pool->lock);
		mark_done(pool, first, last);
	}
	pthread_mutex_unlock(&pool->lock);
	if (pool->ops->thread_end)
		pool->ops->thread_end();
	return NULL;
}

static void run_serially(size_t count, const struct pool_ops *ops, void *context)
{
	for (size_t i = 0; i < count; i++) {
		if (ops->stop(context))
			break;
		ops->prepare(context, i);
		ops->work(context, i);
		ops->finish(context, i);
	}
}

/* Prepares items while the window has room; called with the lock held. */
static void prepare_ahead(struct pool *pool, size_t count, size_t finished)
{
	bool added = false;

	while (pool->prepared < count && pool->prepared - finished < pool->window &&
	       !pool->stopping) {
		size_t item = pool->prepared;
		/* Preparing touches only the caller's state and the item's slot,
		 * which no worker sees before it is counted as prepared. */
		pthread_mutex_unlock(&pool->lock);
		pool->ops->prepare(pool->context, item);
		pthread_mutex_lock(&pool->lock);
		pool->states[item % pool->window] = SLOT_READY;
		pool->prepared++;
		added = true;
	}
	if (added && pool->idle_workers > 0)
		pthread_cond_broadcast(&pool->work_ready);
}

/* The end of the run of done items from `first`; called with the lock held. */
static size_t done_until(const struct pool *pool, size_t first)
{
	size_t item = first;

	while (item < pool->prepared && pool->states[item % pool->window] == SLOT_DONE)
		item++;
	return item;
}

static void run_in_order(struct pool *pool, size_t count)
{
	size_t finished = 0;

	pthread_mutex_lock(&pool->lock);
	while (finished < pool->prepared || (finished < count && !pool->stopping)) {
		prepare_ahead(pool, count, finished);
		pool->awaited = finished;
		while (pool->states[finished % pool->window] != SLOT_DONE)
			pthread_cond_wait(&pool->work_done, &pool->lock);
		pool->awaited = SIZE_MAX;
		size_t last = done_until(pool, finished);
		bool stopping = pool->stopping;
		pthread_mutex_unlock(&pool->lock);
		for (size_t item = finished; item < last; item++) {
			if (stopping) {
				pool->ops->discard(pool->context, item);
			} else {
				pool->ops->finish(pool->context, item);
				stopping = pool->ops->stop(pool->context);
			}
		}
		pthread_mutex_lock(&pool->lock);
		for (; finished < last; finished++)
			pool->states[finished % pool->window] = SLOT_FREE;
		pool->stopping |= stopping;
	}
	pool->closing = true;
	pthread_cond_broadcast(&pool->work_ready);
	pthread_mutex_unlock(&pool->lock);
}

void pool_run(size_t count, unsigned threads, size_t window, const struct pool_ops *ops,
	      void *context)
{
	struct pool pool = { .ops = ops, .context = context, .window = window,
			     .awaited = SIZE_MAX };
	pthread_t *ids;
	unsigned started = 0;

	if (threads < 2 || window == 0 || count < 2) {
		run_serially(count, ops, context);
		return;
	}
	/* A batch is half a thread's share of the window, so that the next
	 * is prepared while a worker is on one. */
	pool.batch = window / (2 * threads) > 1 ? window / (2 * threads) : 1;
	pool.states = mem_calloc(window, sizeof *pool.states);
	ids = mem_calloc(threads, sizeof *ids);
	if (pool.states && ids && pthread_mutex_init(&pool.lock, NULL) == 0) {
		pthread_cond_init(&pool.work_ready, NULL);
		pthread_cond_init(&pool.work_done, NULL);
		while (started < threads && pthread_create(&ids[started], NULL, worker, &pool) == 0)
			started++;
		if (started > 0 && !ops->stop(context))
			run_in_order(&pool, count);
		/* Whatever happened, the workers end. */
		pthread_mutex_lock(&pool.lock);
		pool.closing = true;
		pthread_cond_broadcast(&pool.work_ready);
		pthread_mutex_unlock(&pool.lock);
		for (unsigned i = 0; i < started; i++)
			pthread_join(ids[i], NULL);
		pthread_cond_destroy(&pool.work_ready);
		pthread_cond_destroy(&pool.work_done);
		pthread_mutex_destroy(&pool.lock);
	}
	free(ids);
	free(pool.states);
	/* Nothing could start a thread: the work is still to be done. */
	if (started == 0)
		run_serially(count, ops, context);
}

unsigned pool_default_threads(void)
{
	long online = sysconf(_SC_NPROCESSORS_ONLN);

	return online > 0 ? (unsigned)online : 1;
}
