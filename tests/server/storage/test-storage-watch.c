/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-watch.c: what the worker pool relies on — a statement
 * stopped by a cancellable cancelled from another thread (the client went
 * away) or by the statement timeout, the connection fit for the next
 * request afterwards, and on PostgreSQL not stopped by a cancel that comes
 * late; a request that reads does not hold the write lock,
 * so writers on other connections go on beside it; and writers run one at
 * a time on both backends (BEGIN IMMEDIATE on SQLite, an advisory lock on
 * PostgreSQL), so that a handler's read-then-write is never overtaken.
 */
#include "config.h"

#include "test-storage.h"

/* Long on both backends: a hundred million rows counted one by one. */
#define ENDLESS_SQL \
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) " \
  "SELECT COUNT(*) AS c FROM n"
#define STOPS_WITHIN_USEC (5 * G_USEC_PER_SEC)

static void
assert_usable (AppealsDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, "SELECT 1 AS one", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (appeals_db_result_get_int64 (result, 0, "one"), ==, 1);
}

typedef struct
{
  AppealsDb *db;
  GError    *error;
  gint64     started;
  gint64     ended;
} Endless;

static gpointer
run_endless (gpointer data)
{
  Endless *endless = data;
  g_autoptr(AppealsDbResult) result = NULL;

  endless->started = g_get_monotonic_time ();
  result = appeals_db_query (endless->db, ENDLESS_SQL, NULL, &endless->error);
  endless->ended = g_get_monotonic_time ();
  return NULL;
}

static void
test_cancel_from_another_thread (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Endless endless = { fixture->db, NULL, 0, 0 };
  GThread *thread;

  appeals_db_watch (fixture->db, cancellable, 0);
  thread = g_thread_new ("endless", run_endless, &endless);
  g_usleep (300 * 1000);
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);

  g_assert_error (endless.error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CANCELLED);
  g_assert_cmpint (endless.ended - endless.started, <, STOPS_WITHIN_USEC);
  g_clear_error (&endless.error);

  /* the next request on this connection is not stopped */
  appeals_db_watch (fixture->db, NULL, 0);
  assert_usable (fixture->db);
}

static void
test_statement_timeout (Fixture       *fixture,
                        gconstpointer  user_data)
{
  Endless endless = { fixture->db, NULL, 0, 0 };

  appeals_db_watch (fixture->db, NULL, 200);
  run_endless (&endless);
  g_assert_error (endless.error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CANCELLED);
  g_assert_cmpint (endless.ended - endless.started, >=, 150 * 1000);
  g_assert_cmpint (endless.ended - endless.started, <, STOPS_WITHIN_USEC);
  g_clear_error (&endless.error);

  /* a short statement runs under the same limit */
  assert_usable (fixture->db);
  appeals_db_watch (fixture->db, NULL, 0);
}

/* A cancelled transaction is rolled back and not retried. */
static gboolean
insert_then_endless (AppealsDb  *db,
                     gpointer    user_data,
                     GError    **error)
{
  guint *calls = user_data;
  g_autoptr(AppealsDbResult) result = NULL;

  (*calls)++;
  if (!appeals_db_exec (db, "INSERT INTO probe (id, number) VALUES (1, 1)", NULL, error))
    return FALSE;
  result = appeals_db_query (db, ENDLESS_SQL, NULL, error);
  return result != NULL;
}

static void
test_timeout_rolls_back (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  appeals_db_watch (fixture->db, NULL, 200);
  g_assert_false (appeals_db_run_transaction (fixture->db, insert_then_endless, &calls, &error));
  g_assert_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpint (count_rows (fixture->other, "id = 1"), ==, 0);
  appeals_db_watch (fixture->db, NULL, 0);
  assert_usable (fixture->db);
}

static gboolean
insert_seven (AppealsDb  *db,
              gpointer    user_data,
              GError    **error)
{
  return appeals_db_exec (db, "INSERT INTO probe (id, number) VALUES (7, 7)", NULL, error);
}

/* Inside a read transaction on one connection, a write transaction on
 * the other commits at once. */
static gboolean
write_on_other (AppealsDb  *db,
                gpointer    user_data,
                GError    **error)
{
  AppealsDb *other = user_data;

  return appeals_db_exec (db, "SELECT COUNT(*) AS n FROM probe", NULL, error) &&
         appeals_db_run_transaction (other, insert_seven, NULL, error);
}

static void
test_read_transaction_lets_writers_on (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  g_assert_true (appeals_db_run_read_transaction (fixture->db, write_on_other, fixture->other, &error));
  g_assert_no_error (error);
  /* the busy timeout is 5 s: the writer did not wait for it */
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  g_assert_cmpint (count_rows (fixture->db, "id = 7"), ==, 1);
}

#define HOLD_USEC (400 * 1000)

/* A writer that holds its transaction open a while. */
static gboolean
insert_and_hold (AppealsDb  *db,
                 gpointer    user_data,
                 GError    **error)
{
  if (!appeals_db_exec (db, "INSERT INTO probe (id, number) VALUES (1, 1)", NULL, error))
    return FALSE;
  g_usleep (HOLD_USEC);
  return TRUE;
}

static gpointer
run_holding_writer (gpointer data)
{
  AppealsDb *db = data;
  g_autoptr(GError) error = NULL;

  if (!appeals_db_run_transaction (db, insert_and_hold, NULL, &error))
    g_error ("the holding writer failed: %s", error->message);
  return NULL;
}

static gboolean
count_probe (AppealsDb  *db,
             gpointer    user_data,
             GError    **error)
{
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, "SELECT COUNT(*) AS n FROM probe", NULL, error);

  if (result != NULL)
    *(gint64 *) user_data = appeals_db_result_get_int64 (result, 0, "n");
  return result != NULL;
}

static void
test_writers_one_at_a_time (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GThread *thread = g_thread_new ("writer", run_holding_writer, fixture->db);
  gint64 seen = -1, started;

  g_usleep (HOLD_USEC / 4);

  /* a reader neither waits nor sees the uncommitted row */
  started = g_get_monotonic_time ();
  g_assert_true (appeals_db_run_read_transaction (fixture->other, count_probe, &seen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seen, ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - started, <, HOLD_USEC / 2);

  /* a second writer waits for the first to commit, then sees its row */
  g_assert_true (appeals_db_run_transaction (fixture->other, count_probe, &seen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seen, ==, 1);
  g_thread_join (thread);
}

/* PostgreSQL: a cancel request says which backend to stop, not which
 * statement. One that reaches the connection's next statement (sent for a
 * job whose client went away, arriving after that job's last statement)
 * is made here with pg_cancel_backend() from the other connection: a
 * statement of its own runs again, a transaction runs again, and neither
 * fails. */
typedef struct
{
  AppealsDb *db;
  guint      calls;
  gboolean   in_transaction;
  GError    *error;
} Sleeper;

static gboolean
sleep_once (AppealsDb  *db,
            gpointer    user_data,
            GError    **error)
{
  Sleeper *sleeper = user_data;
  g_autoptr(AppealsDbResult) result = NULL;

  sleeper->calls++;
  result = appeals_db_query (db, "SELECT pg_sleep (0.6), 1 AS one", NULL, error);
  return result != NULL;
}

static gpointer
run_sleeper (gpointer data)
{
  Sleeper *sleeper = data;

  if (sleeper->in_transaction)
    appeals_db_run_transaction (sleeper->db, sleep_once, sleeper, &sleeper->error);
  else
    sleep_once (sleeper->db, sleeper, &sleeper->error);
  return NULL;
}

static void
test_late_cancel (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) pid = NULL;

  if (!g_str_equal (test_storage_backend, "postgresql"))
    {
      g_test_skip ("a cancel request is PostgreSQL's");
      return;
    }

  pid = appeals_db_query (fixture->db, "SELECT pg_backend_pid () AS pid", NULL, &error);
  g_assert_no_error (error);
  for (guint in_transaction = 0; in_transaction <= 1; in_transaction++)
    {
      Sleeper sleeper = { fixture->db, 0, in_transaction, NULL };
      g_autoptr(AppealsDbResult) cancelled = NULL;
      GThread *thread;

      /* no cancellable (as the main loop's jobs) and a statement timeout */
      appeals_db_watch (fixture->db, NULL, 5000);
      thread = g_thread_new ("sleeper", run_sleeper, &sleeper);
      g_usleep (200 * 1000);
      cancelled = appeals_db_query (fixture->other, "SELECT pg_cancel_backend (?) AS done",
                                    g_variant_new ("(x)", appeals_db_result_get_int64 (pid, 0, "pid")), &error);
      g_assert_no_error (error);
      g_thread_join (thread);

      g_test_message ("in a transaction: %u", in_transaction);
      g_assert_no_error (sleeper.error);
      if (in_transaction)
        g_assert_cmpuint (sleeper.calls, ==, 2);
      appeals_db_watch (fixture->db, NULL, 0);
    }
}

void
test_storage_add_watch (void)
{
  add_test ("watch/cancel-from-another-thread", NULL, test_cancel_from_another_thread);
  add_test ("watch/statement-timeout", NULL, test_statement_timeout);
  add_test ("watch/timeout-rolls-back", NULL, test_timeout_rolls_back);
  add_test ("watch/read-transaction-lets-writers-on", NULL, test_read_transaction_lets_writers_on);
  add_test ("watch/writers-one-at-a-time", NULL, test_writers_one_at_a_time);
  add_test ("watch/late-cancel", NULL, test_late_cancel);
}
