/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-readers.c: read transactions (appeals_db_run_read_transaction())
 * as each backend runs them. On SQLite one snapshot for all the
 * statements: BEGIN DEFERRED at once. On PostgreSQL, at READ COMMITTED,
 * no BEGIN before the first statement that is not a plain read, and no
 * COMMIT when there was none — while what such a statement does (a
 * write, SET LOCAL, a row lock) still lasts as long as the transaction.
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
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  appeals_db_exec (db, sql, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
read_twice (AppealsDb  *db,
            gpointer    user_data,
            GError    **error)
{
  return appeals_db_exec (db, "SELECT count(*) AS n FROM probe", NULL, error) &&
         appeals_db_exec (db, "  select id FROM probe WHERE id = 1", NULL, error);
}

/* Two SELECTs: two statements on PostgreSQL, four with BEGIN and COMMIT
 * on SQLite. */
static void
test_reads_alone (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  guint64 before = appeals_db_get_statement_count (fixture->db);

  g_assert_true (appeals_db_run_read_transaction (fixture->db, read_twice, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_get_statement_count (fixture->db) - before, ==, is_postgresql () ? 2 : 4);
}

typedef struct
{
  Fixture *fixture;
  char    *setting;      /* statement_timeout, as seen inside */
  gboolean other_locked; /* the other connection met the row lock */
} ReaderRun;

static char *
setting (AppealsDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, "SELECT current_setting ('statement_timeout') AS v",
                                                        NULL, &error);

  g_assert_no_error (error);
  return g_strdup (appeals_db_result_get_string (result, 0, "v"));
}

/* A SELECT, then SET LOCAL: the setting holds for the statements after. */
static gboolean
read_then_set_local (AppealsDb  *db,
                     gpointer    user_data,
                     GError    **error)
{
  ReaderRun *run = user_data;

  if (!appeals_db_exec (db, "SELECT 1 AS one", NULL, error) ||
      !appeals_db_exec (db, "SET LOCAL statement_timeout = '4321ms'", NULL, error))
    return FALSE;
  run->setting = setting (db);
  return TRUE;
}

static void
test_set_local_after_reads (Fixture       *fixture,
                            gconstpointer  user_data)
{
  ReaderRun run = { fixture, NULL, FALSE };
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_true (appeals_db_run_read_transaction (fixture->db, read_then_set_local, &run, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (run.setting, ==, "4321ms");
  /* and ends with the transaction */
  after = setting (fixture->db);
  g_assert_cmpstr (after, !=, "4321ms");
  g_free (run.setting);
}

/* SELECT … FOR UPDATE is not a plain read: the row stays locked until the
 * transaction ends, so the other connection cannot take it meanwhile. */
static gboolean
lock_row (AppealsDb  *db,
          gpointer    user_data,
          GError    **error)
{
  ReaderRun *run = user_data;
  g_autoptr(GError) other_error = NULL;

  if (!appeals_db_exec (db, "SELECT id FROM probe WHERE id = 1 FOR UPDATE", NULL, error))
    return FALSE;
  run->other_locked = !appeals_db_exec (run->fixture->other, "SELECT id FROM probe WHERE id = 1 FOR UPDATE NOWAIT",
                                        NULL, &other_error);
  return TRUE;
}

static void
test_row_lock_lasts (Fixture       *fixture,
                     gconstpointer  user_data)
{
  ReaderRun run = { fixture, NULL, FALSE };
  g_autoptr(GError) error = NULL;

  exec_ok (fixture->db, "INSERT INTO probe (id, number) VALUES (1, 1)");
  g_assert_true (appeals_db_run_read_transaction (fixture->db, lock_row, &run, &error));
  g_assert_no_error (error);
  g_assert_true (run.other_locked);
  /* released at the end */
  exec_ok (fixture->other, "SELECT id FROM probe WHERE id = 1 FOR UPDATE NOWAIT");
}

/* A failed plain read before any write leaves no transaction behind. */
static gboolean
read_badly (AppealsDb  *db,
            gpointer    user_data,
            GError    **error)
{
  return appeals_db_exec (db, "SELECT no_such_column FROM probe", NULL, error);
}

static void
test_failed_read (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (appeals_db_run_read_transaction (fixture->db, read_badly, NULL, &error));
  g_assert_nonnull (error);
  exec_ok (fixture->db, "INSERT INTO probe (id) VALUES (5)");
  g_assert_cmpint (count_rows (fixture->other, "id = 5"), ==, 1);
}

void
test_storage_add_readers (void)
{
  add_test ("readers/reads-alone", NULL, test_reads_alone);
  add_test ("readers/failed-read-leaves-nothing-open", NULL, test_failed_read);
  if (is_postgresql ())
    {
      add_test ("readers/set-local-after-reads", NULL, test_set_local_after_reads);
      add_test ("readers/row-lock-lasts", NULL, test_row_lock_lasts);
    }
}
