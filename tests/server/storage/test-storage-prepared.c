/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-prepared.c: a statement run again and again. PostgreSQL's
 * driver prepares a statement from its second run on and keeps it for the
 * session; these cases hold that to the answers an unprepared statement
 * gives: every run with its own parameters, NULL among them; an error in
 * a prepared statement that leaves the next run whole; and a session that
 * ends under the connection (the server restarted, the backend killed),
 * after which the statements run again on the new session, which has
 * none of the old one's prepared statements. On PostgreSQL the session's
 * own list of prepared statements shows which are, and how often each ran.
 * However many different texts a connection runs, it keeps a bounded
 * number, and on PostgreSQL a bounded number prepared: the least recently
 * run give way.
 */
#include "config.h"

#include <gio/gio.h>

#include "test-storage.h"

#define SELECT_PROBE "SELECT id, number, label FROM probe WHERE id = ?"
/* one text, so that every insert runs the one prepared statement */
#define INSERT_PROBE "INSERT INTO probe (id, number, label) VALUES (?, ?, ?)"

static void
insert_probe (AppealsDb  *db,
              gint64      id,
              const char *label)
{
  g_autoptr(GError) error = NULL;

  appeals_db_exec (db, INSERT_PROBE,
                   g_variant_new ("(xxms)", id, id * 10, label), &error);
  g_assert_no_error (error);
}

static void
assert_probe (AppealsDb  *db,
              gint64      id,
              const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, SELECT_PROBE, g_variant_new ("(x)", id), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (result), ==, 1);
  g_assert_cmpint (appeals_db_result_get_int64 (result, 0, "number"), ==, id * 10);
  g_assert_cmpstr (appeals_db_result_get_string (result, 0, "label"), ==, label);
}

/* Each run answers for its own parameters, the first as the tenth. */
static void
test_repeated (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char *labels[] = { "Қостанай", NULL, "Рудный", "ё", "", "Арқалық" };

  for (guint i = 0; i < 12; i++)
    insert_probe (fixture->db, i + 1, labels[i % G_N_ELEMENTS (labels)]);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 12; i++)
      assert_probe (fixture->db, i + 1, labels[i % G_N_ELEMENTS (labels)]);
  g_assert_cmpint (count_rows (fixture->db, "label IS NULL"), ==, 2);
}

/* A prepared statement that fails (a duplicate key) fails as itself, and
 * the same statement runs afterwards. */
static void
test_error_then_again (Fixture       *fixture,
                       gconstpointer  user_data)
{
  for (guint i = 0; i < 3; i++)
    insert_probe (fixture->db, i + 1, "бар");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (appeals_db_exec (fixture->db, INSERT_PROBE,
                                       g_variant_new ("(xxms)", (gint64) 1, (gint64) 10, "қайта"), &error));
      g_assert_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONSTRAINT);
    }
  insert_probe (fixture->db, 4, "жаңа");
  assert_probe (fixture->db, 4, "жаңа");
  assert_probe (fixture->db, 1, "бар");
}

static void
wait_for_exit (AppealsDb *db,
               gint64     pid)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsDbResult) left = appeals_db_query (db, "SELECT count(*) AS n FROM pg_stat_activity "
                                                              "WHERE pid = ?::int",
                                                          g_variant_new ("(x)", pid), &error);

      g_assert_no_error (error);
      if (appeals_db_result_get_int64 (left, 0, "n") == 0)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_usleep (10 * 1000);
    }
}

/* The session ends under the connection: the run that finds it gone
 * fails as a lost connection, and the runs after it work on a new one. */
static void
test_postgresql_new_session (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) pid = NULL;
  g_autoptr(AppealsDbResult) killed = NULL;

  insert_probe (fixture->db, 1, "бірінші");
  for (guint i = 0; i < 3; i++)
    assert_probe (fixture->db, 1, "бірінші");

  pid = appeals_db_query (fixture->db, "SELECT pg_backend_pid () AS pid", NULL, &error);
  g_assert_no_error (error);
  killed = appeals_db_query (fixture->other, "SELECT pg_terminate_backend (?::int) AS done",
                             g_variant_new ("(x)", appeals_db_result_get_int64 (pid, 0, "pid")), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (appeals_db_result_get_string (killed, 0, "done"), ==, "t");
  wait_for_exit (fixture->other, appeals_db_result_get_int64 (pid, 0, "pid"));

  {
    g_autoptr(AppealsDbResult) lost = appeals_db_query (fixture->db, SELECT_PROBE, g_variant_new ("(x)", (gint64) 1),
                                                        &error);

    g_assert_null (lost);
    g_assert_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONNECTION);
    g_clear_error (&error);
  }

  for (guint i = 0; i < 3; i++)
    assert_probe (fixture->db, 1, "бірінші");
  insert_probe (fixture->db, 2, "екінші");
  assert_probe (fixture->db, 2, "екінші");
}

/* How many times the session ran @text prepared; -1: it is not prepared. */
static gint64
prepared_runs (AppealsDb  *db,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, "SELECT generic_plans + custom_plans AS runs "
                                                            "FROM pg_prepared_statements WHERE statement = ?",
                                                        g_variant_new ("(s)", text), &error);

  g_assert_no_error (error);
  return appeals_db_result_get_n_rows (result) > 0 ? appeals_db_result_get_int64 (result, 0, "runs") : -1;
}

static void
sleep_for (AppealsDb *db,
           double     seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, "SELECT pg_sleep (?::float8) AS slept",
                                                        g_variant_new ("(d)", seconds), &error);

  g_assert_no_error (error);
}

/* A prepared statement that runs long is planned for its values for its
 * next thousand runs, then runs prepared again. */
static void
test_postgresql_long_then_again (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  const char *text = "SELECT pg_sleep ($1::float8) AS slept";

  sleep_for (fixture->db, 0);
  sleep_for (fixture->db, 0);
  g_assert_cmpint (prepared_runs (fixture->db, text), ==, 1);
  sleep_for (fixture->db, 0.03);
  g_assert_cmpint (prepared_runs (fixture->db, text), ==, 2);

  for (guint i = 0; i < 1000; i++)
    sleep_for (fixture->db, 0);
  g_assert_cmpint (prepared_runs (fixture->db, text), ==, 2);
  sleep_for (fixture->db, 0);
  g_assert_cmpint (prepared_runs (fixture->db, text), ==, 3);
}

/* A statement is prepared at its second run, also after a long first run
 * (planned for its values, and often slow only because its pages were
 * not in memory yet); once a prepared run takes long, the statement is
 * planned for its values. */
static void
test_postgresql_which (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *probe = "SELECT id, number, label FROM probe WHERE id = $1";

  insert_probe (fixture->db, 1, "бір");
  assert_probe (fixture->db, 1, "бір");
  g_assert_cmpint (prepared_runs (fixture->db, probe), ==, -1);
  assert_probe (fixture->db, 1, "бір");
  g_assert_cmpint (prepared_runs (fixture->db, probe), ==, 1);

  sleep_for (fixture->db, 0.03);
  g_assert_cmpint (prepared_runs (fixture->db, "SELECT pg_sleep ($1::float8) AS slept"), ==, -1);
  sleep_for (fixture->db, 0);
  sleep_for (fixture->db, 0);
  g_assert_cmpint (prepared_runs (fixture->db, "SELECT pg_sleep ($1::float8) AS slept"), ==, 2);
  for (guint i = 0; i < 3; i++)
    sleep_for (fixture->db, 0.03);
  g_assert_cmpint (prepared_runs (fixture->db, "SELECT pg_sleep ($1::float8) AS slept"), ==, 3);
}

/* @i as the text of a statement of its own */
static gint64
run_text (AppealsDb *db,
          guint      i)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT CAST(? AS INTEGER) + %u AS n", i);
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, sql, g_variant_new ("(x)", (gint64) 1), &error);

  g_assert_no_error (error);
  return appeals_db_result_get_int64 (result, 0, "n");
}

/* Three times as many texts as a connection keeps: each answers, and the
 * connection keeps no more than it may. */
static void
test_texts_bounded (Fixture       *fixture,
                    gconstpointer  user_data)
{
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 1500; i++)
      g_assert_cmpint (run_text (fixture->db, i), ==, i + 1);
  g_assert_cmpuint (appeals_db_get_n_statement_texts (fixture->db), >, 0);
  g_assert_cmpuint (appeals_db_get_n_statement_texts (fixture->db), <=, 512);
}

static gint64
n_prepared (AppealsDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, "SELECT count(*) AS n FROM pg_prepared_statements",
                                                        NULL, &error);

  g_assert_no_error (error);
  return appeals_db_result_get_int64 (result, 0, "n");
}

/* More texts run twice than a session may hold prepared, with one
 * statement run between each: that one stays prepared, the earliest
 * texts give way to the latest, and the session never holds more. */
static void
test_postgresql_least_recent (Fixture       *fixture,
                              gconstpointer  user_data)
{
  const char *probe = "SELECT id, number, label FROM probe WHERE id = $1";

  insert_probe (fixture->db, 1, "бір");
  for (guint i = 0; i < 400; i++)
    {
      run_text (fixture->db, i);
      run_text (fixture->db, i);
      assert_probe (fixture->db, 1, "бір");
      if (i % 50 == 0)
        g_assert_cmpint (n_prepared (fixture->db), <=, 256);
    }

  g_assert_cmpint (n_prepared (fixture->db), <=, 256);
  g_assert_cmpint (prepared_runs (fixture->db, probe), ==, 399);
  g_assert_cmpint (prepared_runs (fixture->db, "SELECT CAST($1 AS INTEGER) + 399 AS n"), ==, 1);
  g_assert_cmpint (prepared_runs (fixture->db, "SELECT CAST($1 AS INTEGER) + 0 AS n"), ==, -1);
  /* a text that gave way is prepared again when it comes back */
  run_text (fixture->db, 0);
  run_text (fixture->db, 0);
  g_assert_cmpint (prepared_runs (fixture->db, "SELECT CAST($1 AS INTEGER) + 0 AS n"), ==, 1);
  g_assert_cmpint (n_prepared (fixture->db), <=, 256);
}

void
test_storage_add_prepared (void)
{
  add_test ("prepared/repeated", NULL, test_repeated);
  add_test ("prepared/error-then-again", NULL, test_error_then_again);
  add_test ("prepared/texts-bounded", NULL, test_texts_bounded);
  if (g_str_equal (test_storage_backend, "postgresql"))
    {
      add_test ("prepared/new-session", NULL, test_postgresql_new_session);
      add_test ("prepared/which", NULL, test_postgresql_which);
      add_test ("prepared/long-then-again", NULL, test_postgresql_long_then_again);
      add_test ("prepared/least-recent", NULL, test_postgresql_least_recent);
    }
}
