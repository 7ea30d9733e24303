/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-pool.c: the server's worker pool over real connections —
 * a job takes the connection given back last, whose page cache is warm
 * (a SQLite connection drops its cache once another one has written), and
 * a job that waits for a connection still gets one of its own; the fast
 * workers share the main loop's processor, the slow ones spread.
 */
#ifdef __linux__
#define _GNU_SOURCE   /* sched_getaffinity() */
#endif
#include "config.h"

#ifdef __linux__
#include <sched.h>
#endif

#include "appeals-workers.h"
#include "test-storage.h"

#define N_WORKERS 4

typedef struct
{
  AppealsDb *db;        /* the connection the job ran on, borrowed */
  gboolean   hold;      /* the job waits until it is cleared */
  gboolean   running;
  gboolean   done;
} Job;

/* the jobs' state between the workers and the test (static: no init) */
static GMutex lock;
static GCond cond;

/* Writes a row, as a card's read log does, and waits while held. */
static void
run_job (AppealsDb *db,
         gpointer   data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (appeals_db_exec (db, "INSERT INTO probe (id, label) VALUES ((SELECT COALESCE (MAX (id), 0) + 1 "
                                      "FROM probe), 'pool')", NULL, &error));
  g_assert_no_error (error);

  g_mutex_lock (&lock);
  job->db = db;
  job->running = TRUE;
  g_cond_broadcast (&cond);
  while (job->hold)
    g_cond_wait (&cond, &lock);
  g_mutex_unlock (&lock);
}

static gboolean
job_done (gpointer data)
{
  Job *job = data;

  job->done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_done (Job *job)
{
  while (!job->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_running (Job *job)
{
  g_mutex_lock (&lock);
  while (!job->running)
    g_cond_wait (&cond, &lock);
  g_mutex_unlock (&lock);
}

static void
release (Job *job)
{
  g_mutex_lock (&lock);
  job->hold = FALSE;
  g_cond_broadcast (&cond);
  g_mutex_unlock (&lock);
}

static AppealsWorkers *
new_pool (void)
{
  g_autoptr(GError) error = NULL;
  AppealsWorkers *workers = appeals_workers_new (test_storage_get_location (), N_WORKERS, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workers);
  return workers;
}

/* One request after another runs on one connection, not round the pool. */
static void
test_sequential_jobs_share_a_connection (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  g_autoptr(AppealsWorkers) workers = new_pool ();
  AppealsDb *first = NULL;

  for (guint i = 0; i < 2 * N_WORKERS; i++)
    {
      Job job = { 0, };

      appeals_workers_push (workers, i % 2 == 1, NULL, run_job, job_done, &job);
      wait_done (&job);
      if (first == NULL)
        first = job.db;
      g_assert_true (job.db == first);
    }
  g_assert_cmpint (count_rows (fixture->db, "label = 'pool'"), ==, 2 * N_WORKERS);
}

/* A job that comes while another holds a connection gets another one;
 * the next takes the one given back last. */
static void
test_busy_connection_is_not_shared (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(AppealsWorkers) workers = new_pool ();
  Job held = { .hold = TRUE }, beside = { 0, }, next = { 0, };

  appeals_workers_push (workers, FALSE, NULL, run_job, job_done, &held);
  wait_running (&held);
  appeals_workers_push (workers, FALSE, NULL, run_job, job_done, &beside);
  wait_done (&beside);
  g_assert_true (beside.db != held.db);

  release (&held);
  wait_done (&held);
  appeals_workers_push (workers, FALSE, NULL, run_job, job_done, &next);
  wait_done (&next);
  g_assert_true (next.db == held.db);
}

#ifdef __linux__
typedef struct
{
  cpu_set_t processors;   /* where the job's thread may run */
  gboolean  done;
} Placement;

static void
note_placement (AppealsDb *db,
                gpointer   data)
{
  Placement *placement = data;

  g_assert_cmpint (sched_getaffinity (0, sizeof placement->processors, &placement->processors), ==, 0);
}

static gboolean
placement_done (gpointer data)
{
  ((Placement *) data)->done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
place (AppealsWorkers *workers,
       gboolean        slow,
       Placement      *placement)
{
  appeals_workers_push (workers, slow, NULL, note_placement, placement_done, placement);
  while (!placement->done)
    g_main_context_iteration (NULL, TRUE);
}

/* A card goes from the main loop to a fast worker and back on one
 * processor, and so does a search alone; searches side by side spread
 * over all of them; and once the pool is gone the main loop may move
 * again. */
static void
test_fast_workers_share_the_main_loop_processor (Fixture       *fixture,
                                                 gconstpointer  user_data)
{
  g_autoptr(AppealsWorkers) workers = NULL;
  cpu_set_t all, main_loop;
  Placement fast = { 0, }, slow = { 0, }, beside = { 0, }, alone_again = { 0, };
  Job held = { .hold = TRUE };

  g_assert_cmpint (sched_getaffinity (0, sizeof all, &all), ==, 0);
  if (CPU_COUNT (&all) < 2)
    {
      g_test_skip ("one processor: nothing to share");
      return;
    }

  workers = new_pool ();
  g_assert_cmpint (sched_getaffinity (0, sizeof main_loop, &main_loop), ==, 0);
  g_assert_cmpint (CPU_COUNT (&main_loop), ==, 1);
  g_assert_true (CPU_ISSET (sched_getcpu (), &main_loop));

  place (workers, FALSE, &fast);
  g_assert_true (CPU_EQUAL (&fast.processors, &main_loop));
  place (workers, TRUE, &slow);
  g_assert_true (CPU_EQUAL (&slow.processors, &main_loop));

  appeals_workers_push (workers, TRUE, NULL, run_job, job_done, &held);
  wait_running (&held);
  place (workers, TRUE, &beside);
  g_assert_true (CPU_EQUAL (&beside.processors, &all));
  release (&held);
  wait_done (&held);
  place (workers, TRUE, &alone_again);
  g_assert_true (CPU_EQUAL (&alone_again.processors, &main_loop));

  g_clear_pointer (&workers, appeals_workers_free);
  g_assert_cmpint (sched_getaffinity (0, sizeof main_loop, &main_loop), ==, 0);
  g_assert_true (CPU_EQUAL (&main_loop, &all));
}
#endif

void
test_storage_add_pool (void)
{
  add_test ("pool/sequential-jobs-share-a-connection", NULL, test_sequential_jobs_share_a_connection);
  add_test ("pool/busy-connection-is-not-shared", NULL, test_busy_connection_is_not_shared);
#ifdef __linux__
  add_test ("pool/fast-workers-share-the-main-loop-processor", NULL,
            test_fast_workers_share_the_main_loop_processor);
#endif
}
