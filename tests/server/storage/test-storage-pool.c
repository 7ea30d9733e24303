/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-pool.c: the server's worker pool over real connections —
 * a job takes the connection given back last, whose page cache is warm
 * (a SQLite connection drops its cache once another one has written), and
 * a job that waits for a connection still gets one of its own.
 */
#include "config.h"

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

void
test_storage_add_pool (void)
{
  add_test ("pool/sequential-jobs-share-a-connection", NULL, test_sequential_jobs_share_a_connection);
  add_test ("pool/busy-connection-is-not-shared", NULL, test_busy_connection_is_not_shared);
}
