#include "pool.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

enum slot_state { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE };

struct pool {
	const struct pool_ops *ops;
	void *context;
	size_t window;
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
		size_t item = pool->next_work++;
		enum slot_state *state = &pool->states[item % pool->window];
		if (!pool->stopping) {
			*state = SLOT_BUSY;
			pthread_mutex_unlock(&pool->lock);
			pool->ops->work(pool->context, item);
			pthread_mutex_lock(&pool->lock);
		}
		*state = SLOT_DONE;
		if (item == pool->awaited)
			pthread_cond_signal(&pool->work_done);
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

static void run_in_order(struct pool *pool, size_t count)
{
	size_t finished = 0;

	pthread_mutex_lock(&pool->lock);
	while (finished < pool->prepared || (finished < count && !pool->stopping)) {
		prepare_ahead(pool, count, finished);
		enum slot_state *state = &pool->states[finished % pool->window];
		pool->awaited = finished;
		while (*state != SLOT_DONE)
			pthread_cond_wait(&pool->work_done, &pool->lock);
		pool->awaited = SIZE_MAX;
		pthread_mutex_unlock(&pool->lock);
		if (pool->stopping)
			pool->ops->discard(pool->context, finished);
		else
			pool->ops->finish(pool->context, finished);
		bool stop = !pool->stopping && pool->ops->stop(pool->context);
		pthread_mutex_lock(&pool->lock);
		*state = SLOT_FREE;
		finished++;
		pool->stopping |= stop;
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
	pool.states = calloc(window, sizeof *pool.states);
	ids = calloc(threads, sizeof *ids);
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
