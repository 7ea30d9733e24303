/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-workers.c: a pool of worker threads and of database connections,
 * one per worker.
 *
 * Two GThreadPools share the connections: slow work (journal pages,
 * searches, analytics, exports) may take at most half of them, so that a
 * card or /health always finds a free worker however many searches run.
 * Both pools own their threads (a thread never moves from one to the
 * other), and the slow one runs at a lower priority (nice +10).
 * The main loop stays on the processor it started on, and the fast
 * workers with it: a card or a PATCH goes from the main loop to its
 * worker and back without waking an idle processor twice (on a 2-core
 * virtual machine each such wake-up cost about 0.15 ms, a third of a
 * card). The kernel moves other tasks away from that processor. A slow
 * job that runs alone stays there too (a journal page back to back:
 * 0.51–0.63 instead of 0.65–0.84 ms, 2026-12-06); while another one runs,
 * it spreads over all the processors, so that searches side by side use
 * every core. A lone report keeps the processor it shares with the main
 * loop at nice +10: cards meanwhile kept their p99 (6–7 ms).
 * A worker takes a connection, watches it with the job's cancellable and
 * the statement timeout (appeals_db_watch()), runs the job, gives the
 * connection back, and then calls the job's done function on the main
 * context, which owns everything of libsoup.
 */
#ifdef __linux__
#define _GNU_SOURCE   /* sched_getcpu(), sched_setaffinity() */
#endif
#include "config.h"

#ifdef __linux__
#include <errno.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "appeals-workers.h"

/* The slow workers yield the processors to the main loop and to the fast
 * workers: on a machine as busy as its cores, a card waits for the CPU,
 * not only for a connection. */
#define SLOW_NICE 10

struct _AppealsWorkers
{
  GThreadPool  *fast;
  GThreadPool  *slow;
  GAsyncQueue  *connections;   /* AppealsDb, one per worker */
  GMainContext *context;       /* where done functions run */
  guint         size;
  guint         timeout_ms;
  gint          slow_running;  /* slow jobs under way, atomic */
  int           main_cpu;      /* where the main loop and the fast workers stay, or -1 */
#ifdef __linux__
  cpu_set_t     all_cpus;      /* the processors the slow workers spread over */
#endif
};

typedef struct
{
  AppealsWorkFunc  work;
  GSourceFunc      done;
  gpointer         data;
  GCancellable    *cancellable;
  gboolean         slow;
} Job;

/**
 * appeals_workers_default_size:
 *
 * Returns: twice the processors, at least 4: a worker mostly waits on
 *   its database.
 */
guint
appeals_workers_default_size (void)
{
  return MAX (4, 2 * g_get_num_processors ());
}

/* Once per thread of the slow pool: Linux applies nice to threads. */
static void
lower_priority (void)
{
#ifdef __linux__
  static GPrivate lowered;

  if (g_private_get (&lowered) != NULL)
    return;
  g_private_set (&lowered, GINT_TO_POINTER (TRUE));
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), SLOW_NICE) != 0)
    g_debug ("cannot lower a slow worker's priority: %s", g_strerror (errno));
#endif
}

/* Keeps a slow worker on the main loop's processor for a job that runs
 * alone, or lets it go to all of them; the thread remembers where it
 * is, so that a run of lone jobs makes no system call. */
static void
place_slow_worker (AppealsWorkers *self,
                   gboolean        alone)
{
#ifdef __linux__
  enum { UNPLACED, WITH_MAIN_LOOP, SPREAD };
  static GPrivate placement;
  int wanted = alone ? WITH_MAIN_LOOP : SPREAD;
  cpu_set_t set;

  if (self->main_cpu < 0 || GPOINTER_TO_INT (g_private_get (&placement)) == wanted)
    return;
  if (alone)
    {
      CPU_ZERO (&set);
      CPU_SET (self->main_cpu, &set);
    }
  else
    set = self->all_cpus;
  if (sched_setaffinity (0, sizeof set, &set) != 0)
    g_debug ("cannot place a slow worker: %s", g_strerror (errno));
  g_private_set (&placement, GINT_TO_POINTER (wanted));
#endif
}

/* Keeps the calling thread, the main loop, on the processor it is on;
 * the threads it starts then begin there too. Returns the processor, or
 * -1 if the loop is left to move. */
static int
pin_main_loop (AppealsWorkers *self)
{
#ifdef __linux__
  int cpu = sched_getcpu ();
  cpu_set_t set;

  if (cpu < 0 || cpu >= CPU_SETSIZE || sched_getaffinity (0, sizeof self->all_cpus, &self->all_cpus) != 0 ||
      CPU_COUNT (&self->all_cpus) < 2)
    return -1;
  CPU_ZERO (&set);
  CPU_SET (cpu, &set);
  if (sched_setaffinity (0, sizeof set, &set) != 0)
    {
      g_debug ("the main loop cannot stay on processor %d: %s", cpu, g_strerror (errno));
      return -1;
    }
  return cpu;
#else
  return -1;
#endif
}

static void
run_job (gpointer job_data,
         gpointer user_data)
{
  AppealsWorkers *self = user_data;
  Job *job = job_data;
  AppealsDb *db;

  if (job->slow)
    {
      lower_priority ();
      place_slow_worker (self, g_atomic_int_add (&self->slow_running, 1) == 0);
    }
  db = g_async_queue_pop (self->connections);
  appeals_db_watch (db, job->cancellable, self->timeout_ms);
  job->work (db, job->data);
  appeals_db_watch (db, NULL, self->timeout_ms);
  /* last in, first out: the next job takes the connection used last,
   * whose page cache is warm (a SQLite connection drops its cache when
   * another one has written since) */
  g_async_queue_push_front (self->connections, db);
  /* over before its done function runs: a job pushed from there finds
   * itself alone */
  if (job->slow)
    g_atomic_int_add (&self->slow_running, -1);

  g_main_context_invoke (self->context, job->done, job->data);
  g_clear_object (&job->cancellable);
  g_free (job);
}

/**
 * appeals_workers_new:
 * @location: the database, as appeals_db_open() takes it
 * @n_workers: how many threads, and connections (at least 2)
 * @statement_timeout_ms: the longest a statement may run, 0 for no limit
 *
 * Opens the connections at once (so a broken database shows at start),
 * and runs the done functions on the thread-default main context of the
 * caller.
 */
AppealsWorkers *
appeals_workers_new (const char  *location,
                     guint        n_workers,
                     guint        statement_timeout_ms,
                     GError     **error)
{
  g_autoptr(AppealsWorkers) self = g_new0 (AppealsWorkers, 1);
  guint n_slow;

  g_return_val_if_fail (n_workers >= 2, NULL);

  self->connections = g_async_queue_new_full (g_object_unref);
  self->context = g_main_context_ref_thread_default ();
  self->timeout_ms = statement_timeout_ms;
  for (guint i = 0; i < n_workers; i++)
    {
      AppealsDb *db = appeals_db_open (location, error);

      if (db == NULL)
        return NULL;
      appeals_db_watch (db, NULL, statement_timeout_ms);
      g_async_queue_push (self->connections, db);
    }
  self->size = n_workers;

  /* before the pools, whose threads start where their creator runs */
  self->main_cpu = pin_main_loop (self);
  n_slow = MAX (1, n_workers / 2);
  self->slow = g_thread_pool_new (run_job, self, n_slow, TRUE, error);
  if (self->slow == NULL)
    return NULL;
  self->fast = g_thread_pool_new (run_job, self, n_workers - n_slow, TRUE, error);
  if (self->fast == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/* Waits for the jobs queued and running; their done functions are left
 * to the main context. */
void
appeals_workers_free (AppealsWorkers *self)
{
  if (self == NULL)
    return;

  if (self->fast != NULL)
    g_thread_pool_free (self->fast, FALSE, TRUE);
  if (self->slow != NULL)
    g_thread_pool_free (self->slow, FALSE, TRUE);
  g_clear_pointer (&self->connections, g_async_queue_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
#ifdef __linux__
  /* the main loop may move again */
  if (self->main_cpu >= 0)
    sched_setaffinity (0, sizeof self->all_cpus, &self->all_cpus);
#endif
  g_free (self);
}

guint
appeals_workers_get_size (AppealsWorkers *self)
{
  return self->size;
}

/**
 * appeals_workers_push:
 * @slow: whether the work may take long (a search, a report)
 * @cancellable: (nullable): stops the job's statements when cancelled
 * @work: runs on a worker thread
 * @done: runs afterwards on the main context, once (it returns
 *   %G_SOURCE_REMOVE)
 */
void
appeals_workers_push (AppealsWorkers  *self,
                      gboolean         slow,
                      GCancellable    *cancellable,
                      AppealsWorkFunc  work,
                      GSourceFunc      done,
                      gpointer         data)
{
  Job *job = g_new0 (Job, 1);

  job->work = work;
  job->done = done;
  job->slow = slow;
  job->data = data;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_thread_pool_push (slow ? self->slow : self->fast, job, NULL);
}
