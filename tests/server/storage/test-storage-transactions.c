/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-transactions.c: appeals_db_run_transaction() on both
 * backends — commit, rollback, nesting — and its retries of real
 * conflicts between two connections: SQLITE_BUSY on SQLite, serialization
 * failures (SQLSTATE 40001) at SERIALIZABLE on PostgreSQL.
 */
#include "config.h"

#include "test-storage.h"

static gboolean
is_postgresql (void)
{
  return g_str_equal (test_storage_backend, "postgresql");
}

static void
exec_ok (AppealsDb  *db,
         const char *sql,
         GVariant   *params)
{
  g_autoptr(GError) error = NULL;

  appeals_db_exec (db, sql, params, &error);
  g_assert_no_error (error);
}

/* Commit and rollback ----------------------------------------------------- */

typedef enum
{
  STEP_END,
  STEP_INSERT,              /* the next id */
  STEP_INSERT_FIRST_AGAIN,  /* id 1 once more: a constraint error */
  STEP_OTHER_SEES_NOTHING,  /* the other connection sees no row yet */
  STEP_FAIL,                /* fails with an error of its own */
  STEP_FAIL_SILENTLY,       /* returns FALSE without an error */
  STEP_NESTED_INSERT,       /* a nested transaction inserts the next id */
  STEP_NESTED_FAIL,         /* a nested transaction fails */
} Step;

typedef struct
{
  const char *name;
  Step        steps[5];
  int         error_code;   /* -1: succeeds */
  gint64      rows;         /* rows in probe afterwards */
} TransactionCase;

static const TransactionCase transaction_cases[] = {
  { "commit", { STEP_INSERT, STEP_INSERT }, -1, 2 },
  { "uncommitted-is-invisible", { STEP_INSERT, STEP_OTHER_SEES_NOTHING }, -1, 1 },
  { "error-rolls-back", { STEP_INSERT, STEP_FAIL }, APPEALS_DB_ERROR_FAILED, 0 },
  { "constraint-rolls-back-once", { STEP_INSERT, STEP_INSERT_FIRST_AGAIN }, APPEALS_DB_ERROR_CONSTRAINT, 0 },
  { "silent-failure-is-failed", { STEP_INSERT, STEP_FAIL_SILENTLY }, APPEALS_DB_ERROR_FAILED, 0 },
  { "nested-joins-outer", { STEP_INSERT, STEP_NESTED_INSERT, STEP_INSERT, STEP_OTHER_SEES_NOTHING }, -1, 3 },
  { "nested-rolls-back-with-outer", { STEP_INSERT, STEP_NESTED_INSERT, STEP_FAIL }, APPEALS_DB_ERROR_FAILED, 0 },
  { "nested-failure-fails-outer", { STEP_INSERT, STEP_NESTED_FAIL, STEP_INSERT }, APPEALS_DB_ERROR_FAILED, 0 },
};

typedef struct
{
  Fixture               *fixture;
  const TransactionCase *row;
  guint                  calls;
  gint64                 next_id;
} TransactionRun;

static gboolean
insert_next (AppealsDb  *db,
             gpointer    user_data,
             GError    **error)
{
  TransactionRun *run = user_data;

  return appeals_db_exec (db, "INSERT INTO probe (id, label) VALUES (?, 'row')",
                          g_variant_new ("(x)", run->next_id++), error);
}

static gboolean
fail (AppealsDb  *db,
      gpointer    user_data,
      GError    **error)
{
  g_set_error_literal (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED, "the caller gave up");
  return FALSE;
}

static gboolean
run_steps (AppealsDb  *db,
           gpointer    user_data,
           GError    **error)
{
  TransactionRun *run = user_data;

  run->calls++;
  run->next_id = 1;

  for (const Step *step = run->row->steps; *step != STEP_END; step++)
    {
      gboolean ok = TRUE;

      switch (*step)
        {
        case STEP_INSERT:
          ok = insert_next (db, run, error);
          break;
        case STEP_INSERT_FIRST_AGAIN:
          ok = appeals_db_exec (db, "INSERT INTO probe (id) VALUES (1)", NULL, error);
          break;
        case STEP_OTHER_SEES_NOTHING:
          g_assert_cmpint (count_rows (run->fixture->other, "TRUE"), ==, 0);
          break;
        case STEP_FAIL:
          ok = fail (db, run, error);
          break;
        case STEP_FAIL_SILENTLY:
          return FALSE;
        case STEP_NESTED_INSERT:
          ok = appeals_db_run_transaction (db, insert_next, run, error);
          break;
        case STEP_NESTED_FAIL:
          ok = appeals_db_run_transaction (db, fail, run, error);
          break;
        case STEP_END:
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static void
check_transaction (Fixture               *fixture,
                   const TransactionCase *row,
                   gboolean               reader)
{
  TransactionRun run = { fixture, row, 0, 1 };
  g_autoptr(GError) error = NULL;
  gboolean ok = reader ? appeals_db_run_read_transaction (fixture->db, run_steps, &run, &error)
                       : appeals_db_run_transaction (fixture->db, run_steps, &run, &error);

  if (row->error_code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_error (error, APPEALS_DB_ERROR, row->error_code);
      g_assert_false (ok);
    }

  /* only BUSY is retried */
  g_assert_cmpuint (run.calls, ==, 1);
  g_assert_cmpint (count_rows (fixture->other, "TRUE"), ==, row->rows);

  /* no transaction is left open: a plain write is seen at once */
  exec_ok (fixture->db, "INSERT INTO probe (id) VALUES (100)", NULL);
  g_assert_cmpint (count_rows (fixture->other, "id = 100"), ==, 1);
}

static void
test_transaction (Fixture       *fixture,
                  gconstpointer  user_data)
{
  check_transaction (fixture, user_data, FALSE);
}

/* A read transaction that writes is as whole as a writer's: on PostgreSQL
 * it begins at its first write (see test-storage-readers.c). */
static void
test_read_transaction (Fixture       *fixture,
                       gconstpointer  user_data)
{
  check_transaction (fixture, user_data, TRUE);
}

/* Retries ----------------------------------------------------------------- */

typedef struct
{
  const char *name;
  guint       conflicting_attempts;   /* G_MAXUINT: every attempt */
} RetryCase;

static const RetryCase retry_cases[] = {
  { "conflict-once-is-retried", 1 },
  { "conflict-three-times-is-retried", 3 },
  { "conflict-always-runs-out-as-busy", G_MAXUINT },
};

typedef struct
{
  Fixture *fixture;
  guint    conflicting_attempts;
  guint    calls;
  guint    conflicts;
} RetryRun;

/* A real conflict from the second connection, while the first is inside
 * its transaction. SQLite: the first holds the write lock, so the second
 * one's BEGIN IMMEDIATE is SQLITE_BUSY — the error the caller's func meets
 * and hands on. PostgreSQL: the second commits an update of the row the
 * first read at SERIALIZABLE, so the first one's update fails with 40001. */
static gboolean
conflict (RetryRun  *run,
          GError   **error)
{
  AppealsDb *other = run->fixture->other;

  run->conflicts++;

  if (is_postgresql ())
    {
      exec_ok (other, "BEGIN ISOLATION LEVEL SERIALIZABLE", NULL);
      exec_ok (other, "UPDATE probe SET number = number + 1 WHERE id = 1", NULL);
      exec_ok (other, "COMMIT", NULL);
      return TRUE;
    }

  g_assert_false (appeals_db_exec (other, "BEGIN IMMEDIATE", NULL, error));
  g_assert_error (*error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_BUSY);
  return FALSE;
}

/* Leaves a trace row per attempt and adds 10 to row 1 after reading it. */
static gboolean
update_after_read (AppealsDb  *db,
                   gpointer    user_data,
                   GError    **error)
{
  RetryRun *run = user_data;
  g_autoptr(AppealsDbResult) read = NULL;

  run->calls++;

  if (is_postgresql () && !appeals_db_exec (db, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", NULL, error))
    return FALSE;
  if (!appeals_db_exec (db, "INSERT INTO probe (id, number) VALUES (?, ?)",
                        g_variant_new ("(xx)", (gint64) 100 + run->calls, (gint64) run->calls), error))
    return FALSE;

  read = appeals_db_query (db, "SELECT number FROM probe WHERE id = 1", NULL, error);
  if (read == NULL)
    return FALSE;

  if (run->calls <= run->conflicting_attempts && !conflict (run, error))
    return FALSE;

  return appeals_db_exec (db, "UPDATE probe SET number = number + 10 WHERE id = 1", NULL, error);
}

static void
test_retry (Fixture       *fixture,
            gconstpointer  user_data)
{
  const RetryCase *row = user_data;
  RetryRun run = { fixture, row->conflicting_attempts, 0, 0 };
  gboolean runs_out = row->conflicting_attempts == G_MAXUINT;
  g_autoptr(AppealsDbResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  gboolean ok;

  /* the second connection must not wait out its busy timeout */
  if (!is_postgresql ())
    exec_ok (fixture->other, "PRAGMA busy_timeout = 0", NULL);
  exec_ok (fixture->db, "INSERT INTO probe (id, number) VALUES (1, 0)", NULL);

  ok = appeals_db_run_transaction (fixture->db, update_after_read, &run, &error);

  if (runs_out)
    {
      /* bounded, and BUSY (the API's 503), not a plain failure */
      g_assert_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_BUSY);
      g_assert_false (ok);
      g_assert_cmpuint (run.calls, >, 1);
      g_assert_cmpuint (run.calls, <=, 100);
      g_assert_cmpint (count_rows (fixture->other, "id > 100"), ==, 0);
      g_clear_error (&error);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (run.calls, ==, row->conflicting_attempts + 1);
      /* the failed attempts were rolled back: only the last one's trace */
      last = g_strdup_printf ("id = %u", 100 + run.calls);
      g_assert_cmpint (count_rows (fixture->other, "id > 100"), ==, 1);
      g_assert_cmpint (count_rows (fixture->other, last), ==, 1);
    }
  g_assert_cmpuint (run.conflicts, ==, MIN (run.calls, row->conflicting_attempts));

  /* no lost update: PostgreSQL's committed increments plus ours */
  result = appeals_db_query (fixture->other, "SELECT number FROM probe WHERE id = 1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (appeals_db_result_get_int64 (result, 0, "number"), ==,
                   (is_postgresql () ? run.conflicts : 0) + (ok ? 10 : 0));
}

/* SQLite: a second writer queues at BEGIN IMMEDIATE ------------------------ */

typedef struct
{
  GMutex    lock;
  GCond     cond;
  gboolean  holding;
} Holder;

static gpointer
hold_write_lock (gpointer user_data)
{
  Holder *holder = user_data;
  g_autoptr(AppealsDb) db = open_connection ();

  exec_ok (db, "BEGIN IMMEDIATE", NULL);
  g_mutex_lock (&holder->lock);
  holder->holding = TRUE;
  g_cond_signal (&holder->cond);
  g_mutex_unlock (&holder->lock);

  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  exec_ok (db, "INSERT INTO probe (id, label) VALUES (7, 'first writer')", NULL);
  exec_ok (db, "COMMIT", NULL);
  return NULL;
}

static gboolean
count_into (AppealsDb  *db,
            gpointer    user_data,
            GError    **error)
{
  gint64 *seen = user_data;

  *seen = count_rows (db, "id = 7");
  return TRUE;
}

static void
test_sqlite_writer_waits (Fixture       *fixture,
                          gconstpointer  user_data)
{
  Holder holder = { 0 };
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seen = -1, start;

  g_mutex_init (&holder.lock);
  g_cond_init (&holder.cond);
  thread = g_thread_new ("holder", hold_write_lock, &holder);
  g_mutex_lock (&holder.lock);
  while (!holder.holding)
    g_cond_wait (&holder.cond, &holder.lock);
  g_mutex_unlock (&holder.lock);

  start = g_get_monotonic_time ();
  g_assert_true (appeals_db_run_transaction (fixture->db, count_into, &seen, &error));
  g_assert_no_error (error);

  /* it began only after the first writer committed, and saw its row */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 200 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (seen, ==, 1);

  g_thread_join (g_steal_pointer (&thread));
  g_mutex_clear (&holder.lock);
  g_cond_clear (&holder.cond);
}

/* SQLite: a write lock held for good makes BEGIN IMMEDIATE fail with BUSY
 * on every attempt; the retries end and the caller gets BUSY. */
static void
test_sqlite_begin_busy_runs_out (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 seen = -1;

  exec_ok (fixture->db, "PRAGMA busy_timeout = 1", NULL);
  exec_ok (fixture->other, "BEGIN IMMEDIATE", NULL);

  g_assert_false (appeals_db_run_transaction (fixture->db, count_into, &seen, &error));
  g_assert_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_BUSY);
  g_assert_cmpint (seen, ==, -1);

  exec_ok (fixture->other, "ROLLBACK", NULL);
}

/* PostgreSQL: write skew at SERIALIZABLE -------------------------------- */

typedef struct
{
  Fixture *fixture;
  guint    calls;
} SkewRun;

/* "Put someone on duty if nobody is": both connections read that nobody
 * is and each adds one; the second to commit fails with 40001 at COMMIT,
 * and its retry sees the other's row and adds nothing. */
static gboolean
put_on_duty (AppealsDb  *db,
             gpointer    user_data,
             GError    **error)
{
  SkewRun *run = user_data;
  AppealsDb *other = run->fixture->other;
  gboolean first = ++run->calls == 1;

  if (!appeals_db_exec (db, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", NULL, error))
    return FALSE;
  if (first)
    {
      exec_ok (other, "BEGIN ISOLATION LEVEL SERIALIZABLE", NULL);
      g_assert_cmpint (count_rows (other, "flag = 1"), ==, 0);
    }

  if (count_rows (db, "flag = 1") == 0 &&
      !appeals_db_exec (db, "INSERT INTO probe (id, flag) VALUES (10, 1)", NULL, error))
    return FALSE;

  if (first)
    {
      exec_ok (other, "INSERT INTO probe (id, flag) VALUES (20, 1)", NULL);
      exec_ok (other, "COMMIT", NULL);
    }

  return TRUE;
}

static void
test_postgresql_write_skew (Fixture       *fixture,
                            gconstpointer  user_data)
{
  SkewRun run = { fixture, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (appeals_db_run_transaction (fixture->db, put_on_duty, &run, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (run.calls, ==, 2);
  g_assert_cmpint (count_rows (fixture->other, "flag = 1"), ==, 1);
  g_assert_cmpint (count_rows (fixture->other, "id = 20"), ==, 1);
}

void
test_storage_add_transactions (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (transaction_cases); i++)
    {
      g_autofree char *path = g_strconcat ("transactions/", transaction_cases[i].name, NULL);
      g_autofree char *read_path = g_strconcat ("transactions/read/", transaction_cases[i].name, NULL);

      add_test (path, &transaction_cases[i], test_transaction);
      add_test (read_path, &transaction_cases[i], test_read_transaction);
    }

  for (guint i = 0; i < G_N_ELEMENTS (retry_cases); i++)
    {
      g_autofree char *path = g_strconcat ("retry/", retry_cases[i].name, NULL);
      add_test (path, &retry_cases[i], test_retry);
    }

  if (is_postgresql ())
    add_test ("retry/write-skew-fails-at-commit", NULL, test_postgresql_write_skew);
  else
    {
      add_test ("retry/writer-waits-at-begin", NULL, test_sqlite_writer_waits);
      add_test ("retry/begin-busy-runs-out", NULL, test_sqlite_begin_busy_runs_out);
    }
}
