/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-journal-filter-plans.c: the journal's filtered pages by due date
 * or by number over a region (ten years of generated appeals, on SQLite
 * or PostgreSQL, --backend=): from any cursor and both ways they hold
 * what plain SQL finds there, whichever plan the server chose, and the
 * server chose the plan meant for where the page starts; a period starts
 * where its terms or numbers do.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "journal-plans-common.h"

typedef struct
{
  char       *query;
  char       *condition;
  /* by due date, then by number; ascending, then descending */
  Plan        sqlite[2][2];
  Plan        postgresql[2][2];
} FilterCase;

/* A page by due date or by number that a filter narrows, both ways, from
 * its start and from cursors all over the order: what plain SQL finds.
 * On SQLite the first page takes the plan meant for where its rows are:
 * where the filter keeps many of the first rows in the order (a
 * district's), the page walks the order's index; where it keeps few (a
 * status of a few appeals), it does not: the walk would read nearly
 * every row. A period starts where its terms or numbers do (the bounds
 * of test_period_bounds()): the appeals registered since the first day
 * of the year in the middle of the ten years, and of the year of the
 * last 5,500, are dense there, walked on SQLite, left to PostgreSQL's
 * planner (which walks them too). (Since a day later in a year, by
 * number, a page reads that year's numbers: sorted, or walked, as the
 * window finds them.) */
static void
test_filter_orders (void)
{
  const char *columns[] = { "due_date", "registration_number" };
  g_autoptr(AppealsDb) db = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *district = NULL, *rare = NULL, *middle = NULL, *recent = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *token = NULL;
  gboolean sqlite = g_str_equal (backend, "sqlite");
  AppealsTestServer *server;
  FilterCase cases[4];

  ensure_search_database ();
  db = open_db (search_location);
  district = most_common (db, "district", FALSE);
  rare = most_common (db, "status", TRUE);
  middle = date_before_end (db, N_SEARCH_APPEALS / 2);
  recent = date_before_end (db, 5500);
  /* the first days of their years */
  memcpy (middle + 4, "-01-01", 6);
  memcpy (recent + 4, "-01-01", 6);
  /* dense where the pages start: walked on SQLite, PostgreSQL's planner
   * chooses well */
  cases[0] = (FilterCase) { g_strdup_printf ("district=%s", district), g_strdup_printf ("a.district = '%s'", district),
                            { { PLAN_WALKED, PLAN_WALKED }, { PLAN_WALKED, PLAN_WALKED } },
                            { { PLAN_CHOSEN, PLAN_CHOSEN }, { PLAN_CHOSEN, PLAN_CHOSEN } } };
  /* few in all (the just registered): by due date SQLite walks the index
   * of due dates and statuses; by number it sorts them, but back, where
   * five or more are among the newest thousand, its planner chooses */
  cases[1] = (FilterCase) { g_strdup_printf ("status=%s", rare), g_strdup_printf ("a.status = '%s'", rare),
                            { { PLAN_CHOSEN, PLAN_CHOSEN }, { PLAN_SORTED, PLAN_CHOSEN } },
                            { { PLAN_CHOSEN, PLAN_CHOSEN }, { PLAN_CHOSEN, PLAN_CHOSEN } } };
  /* periods: their pages start at their first terms and numbers */
  cases[2] = (FilterCase) { g_strdup_printf ("from=%s", middle),
                            g_strdup_printf ("a.registration_date >= '%s'", middle),
                            { { PLAN_WALKED, PLAN_WALKED }, { PLAN_WALKED, PLAN_WALKED } },
                            { { PLAN_CHOSEN, PLAN_CHOSEN }, { PLAN_CHOSEN, PLAN_CHOSEN } } };
  cases[3] = (FilterCase) { g_strdup_printf ("from=%s", recent),
                            g_strdup_printf ("a.registration_date >= '%s'", recent),
                            { { PLAN_WALKED, PLAN_WALKED }, { PLAN_WALKED, PLAN_WALKED } },
                            { { PLAN_CHOSEN, PLAN_CHOSEN }, { PLAN_CHOSEN, PLAN_CHOSEN } } };

  server = start_logging_server (&statements, &token);

  for (guint f = 0; f < G_N_ELEMENTS (cases); f++)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      for (int descending = 0; descending <= 1; descending++)
        {
          const char *query = cases[f].query;
          const char *condition = cases[f].condition;
          g_autofree char *sql = g_strdup_printf ("SELECT %s AS key, id FROM appeals ORDER BY %s %s, id %s",
                                                  columns[c], columns[c], descending ? "DESC" : "ASC",
                                                  descending ? "DESC" : "ASC");
          g_autoptr(AppealsDbResult) order = appeals_db_query (db, sql, NULL, &error);
          g_autofree char *logged = NULL;
          gsize before = file_size (statements);
          g_autoptr(GArray) first = server_page (server, session, token, query, columns[c], NULL, 0, descending);
          g_autoptr(GArray) first_expected = plain_page (db, condition, NULL, columns[c], NULL, 0, descending);

          g_assert_no_error (error);
          assert_same_page (first, first_expected, query, NULL, 0, descending);
          g_assert_true (g_file_get_contents (statements, &logged, NULL, &error));
          g_assert_no_error (error);
          assert_plan (logged + before, query, columns[c], descending,
                       sqlite ? cases[f].sqlite[c][descending] : cases[f].postgresql[c][descending]);

          for (guint row = 0; row < appeals_db_result_get_n_rows (order); row += N_SEARCH_APPEALS / 8)
            {
              const char *key = appeals_db_result_get_string (order, row, "key");
              gint64 id = appeals_db_result_get_int64 (order, row, "id");
              g_autoptr(GArray) expected = plain_page (db, condition, NULL, columns[c], key, id, descending);
              g_autoptr(GArray) page = server_page (server, session, token, query, columns[c], key, id,
                                                    descending);

              assert_same_page (page, expected, query, key, id, descending);
            }
        }
  for (guint f = 0; f < G_N_ELEMENTS (cases); f++)
    {
      g_free (cases[f].query);
      g_free (cases[f].condition);
    }
  appeals_test_server_free (server);
  g_unlink (statements);
}

/* Fails, saying @should, unless the statements @logged for the page of
 * @query hold @marker as @held says. */
static void
assert_logged (const char *logged,
               const char *marker,
               gboolean    held,
               const char *query,
               gboolean    descending,
               const char *should)
{
  if ((strstr (logged, marker) != NULL) != held)
    g_error ("%s by %sdue_date: the page should %s (\"%s\" %s its statements)", query, descending ? "-" : "",
             should, marker, held ? "not in" : "in");
}

/* A period alone, closed at both ends (a quarter in the middle of the
 * ten years, the last whole year, one day), by due date both ways: the
 * server walks the index of terms from where the period's terms start,
 * without counting a window first (an index of terms that holds the day
 * of registration: migration 0035; on SQLite the walk reads it alone), and
 * its pages, from the start and from cursors all over the period, are
 * what plain SQL finds. Narrowed by a status too, it counts its windows
 * as before. */
static void
test_period_walk (void)
{
  g_autoptr(AppealsDb) db = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *middle = NULL, *last = NULL, *day = NULL, *status = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *token = NULL;
  gboolean sqlite = g_str_equal (backend, "sqlite");
  char *periods[3][2];
  AppealsTestServer *server;

  ensure_search_database ();
  db = open_db (search_location);
  middle = date_before_end (db, N_SEARCH_APPEALS / 2);
  last = date_before_end (db, 0);
  day = date_before_end (db, N_SEARCH_APPEALS / 3);
  status = most_common (db, "status", FALSE);
  periods[0][0] = g_strdup_printf ("%.4s-01-01", middle);
  periods[0][1] = g_strdup_printf ("%.4s-03-31", middle);
  periods[1][0] = g_strdup_printf ("%04d-01-01", atoi (last) - 1);
  periods[1][1] = g_strdup_printf ("%04d-12-31", atoi (last) - 1);
  periods[2][0] = g_strdup (day);
  periods[2][1] = g_strdup (day);

  if (sqlite)
    {
      g_autoptr(AppealsDbResult) plan = appeals_db_query (db, "EXPLAIN QUERY PLAN SELECT a.id FROM appeals a "
                                                              "INDEXED BY appeals_due_registration WHERE a.registration_date >= ? "
                                                              "AND a.registration_date <= ? AND a.due_date >= ? "
                                                              "AND a.due_date < ? ORDER BY a.due_date DESC, a.id DESC "
                                                              "LIMIT 51",
                                                          g_variant_new ("(ssss)", periods[1][0], periods[1][1],
                                                                         periods[1][0], last),
                                                          &error);

      g_assert_no_error (error);
      g_assert_nonnull (strstr (appeals_db_result_get_string (plan, 0, "detail"),
                                "COVERING INDEX appeals_due_registration"));
    }

  server = start_logging_server (&statements, &token);
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autofree char *query = g_strdup_printf ("from=%s&to=%s", periods[p][0], periods[p][1]);
        g_autofree char *narrowed = g_strdup_printf ("%s&status=%s", query, status);
        g_autofree char *condition = g_strdup_printf ("a.registration_date >= '%s' AND a.registration_date <= '%s'",
                                                      periods[p][0], periods[p][1]);
        g_autofree char *sql = g_strdup_printf ("SELECT a.due_date AS key, a.id FROM appeals a WHERE %s "
                                                "ORDER BY a.due_date %s, a.id %s", condition,
                                                descending ? "DESC" : "ASC", descending ? "DESC" : "ASC");
        g_autoptr(AppealsDbResult) order = appeals_db_query (db, sql, NULL, &error);
        g_autofree char *logged = NULL;
        gsize before = file_size (statements);
        g_autoptr(GArray) first = server_page (server, session, token, query, "due_date", NULL, 0, descending);
        g_autoptr(GArray) first_expected = plain_page (db, condition, NULL, "due_date", NULL, 0, descending);
        g_autoptr(GArray) other = NULL;
        guint n;

        g_assert_no_error (error);
        n = appeals_db_result_get_n_rows (order);
        g_assert_cmpuint (n, >, 0);
        assert_same_page (first, first_expected, query, NULL, 0, descending);
        g_assert_true (g_file_get_contents (statements, &logged, NULL, &error));
        g_assert_no_error (error);
        assert_logged (logged + before, "a.due_date >= ? AND a.due_date < ?", TRUE, query, descending,
                       "start where the period's terms do");
        assert_logged (logged + before, " LIMIT 1000) AND ", FALSE, query, descending, "count no window");
        assert_logged (logged + before, "INDEXED BY appeals_due_registration WHERE", sqlite, query, descending,
                       sqlite ? "walk the index of terms and days of registration" : "leave the plan to the database");

        for (guint row = 0; row < n; row += MAX (n / 8, 1))
          {
            const char *key = appeals_db_result_get_string (order, row, "key");
            gint64 id = appeals_db_result_get_int64 (order, row, "id");
            g_autoptr(GArray) expected = plain_page (db, condition, NULL, "due_date", key, id, descending);
            g_autoptr(GArray) page = server_page (server, session, token, query, "due_date", key, id, descending);

            assert_same_page (page, expected, query, key, id, descending);
          }

        /* a status beside the period: the windows tell where its rows are */
        g_clear_pointer (&logged, g_free);
        before = file_size (statements);
        other = server_page (server, session, token, narrowed, "due_date", NULL, 0, descending);
        g_assert_true (g_file_get_contents (statements, &logged, NULL, &error));
        g_assert_no_error (error);
        assert_logged (logged + before, " LIMIT 1000) AND ", TRUE, narrowed, descending, "count a window");
      }

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_free (periods[p][0]);
      g_free (periods[p][1]);
    }
  appeals_test_server_free (server);
  g_unlink (statements);
}

typedef struct
{
  const char *column;
  gboolean    descending;
  gboolean    since;       /* the period: since the last 5,500 appeals,
                            * or else up to the middle of the ten years */
  const char *bound;       /* the statement's clause that bounds the order */
} BoundCase;

/* The first page of @bound_case's period is what plain SQL finds, the
 * server reads it within its bounds (or not, as @bounded says), and it
 * took @plan where that is not %PLAN_CHOSEN; @first, if not 0, is the
 * page's first appeal. */
static void
assert_period_page (AppealsTestServer *server,
                    SoupSession       *session,
                    const char        *token,
                    AppealsDb         *db,
                    const char        *statements,
                    const BoundCase   *bound_case,
                    const char        *since,
                    const char        *up_to,
                    gboolean           bounded,
                    Plan               plan,
                    gint64             first)
{
  g_autofree char *query = bound_case->since ? g_strdup_printf ("from=%s", since) : g_strdup_printf ("to=%s", up_to);
  g_autofree char *condition = bound_case->since ? g_strdup_printf ("a.registration_date >= '%s'", since)
                                                 : g_strdup_printf ("a.registration_date <= '%s'", up_to);
  gsize before = file_size (statements);
  g_autoptr(GArray) page = server_page (server, session, token, query, bound_case->column, NULL, 0,
                                        bound_case->descending);
  g_autoptr(GArray) expected = plain_page (db, condition, NULL, bound_case->column, NULL, 0, bound_case->descending);
  g_autofree char *logged = NULL;
  g_autoptr(GError) error = NULL;

  assert_same_page (page, expected, query, NULL, 0, bound_case->descending);
  g_assert_true (g_file_get_contents (statements, &logged, NULL, &error));
  g_assert_no_error (error);
  if ((strstr (logged + before, bound_case->bound) != NULL) != bounded)
    g_error ("%s by %s%s: the page was%s read within the bound %s", query, bound_case->descending ? "-" : "",
             bound_case->column, bounded ? " not" : "", bound_case->bound);
  if (plan != PLAN_CHOSEN)
    assert_plan (logged + before, query, bound_case->column, bound_case->descending, plan);
  if (first != 0)
    g_assert_cmpint (g_array_index (page, gint64, 0), ==, first);
}

/* A period by due date or by number reads the order's index from where
 * the period's terms or numbers are, as the rules of registration put
 * them (a term from the day of registration to the fourth month after;
 * a number of the year of registration), and holds what plain SQL
 * finds. An appeal put in by hand that breaks the rules (a term before
 * its registration, or years after; a number of another year) is still
 * on the pages of its period, first in their order: the period is read
 * without the bounds there, ascending as before them (sorted, the
 * appeal being the only one where the order starts). */
static void
test_period_bounds (void)
{
  const BoundCase cases[] = {
    { "due_date", FALSE, TRUE, "a.due_date >= ?" },
    { "due_date", TRUE, FALSE, "a.due_date < ?" },
    { "registration_number", FALSE, TRUE, "a.registration_number >= ?" },
    { "registration_number", TRUE, FALSE, "a.registration_number < ?" },
  };
  g_autoptr(AppealsDb) db = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) newer = NULL, older = NULL;
  g_autofree char *since = NULL, *up_to = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *token = NULL;
  AppealsTestServer *server;
  gint64 newer_id, older_id;

  ensure_search_database ();
  db = open_db (search_location);
  since = date_before_end (db, 5500);
  up_to = date_before_end (db, N_SEARCH_APPEALS / 2);
  server = start_logging_server (&statements, &token);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_period_page (server, session, token, db, statements, &cases[i], since, up_to, TRUE, PLAN_CHOSEN, 0);

  /* one appeal of each period breaks the rules */
  newer = appeals_db_query (db, "SELECT id FROM appeals WHERE registration_date >= ? ORDER BY id LIMIT 1",
                            g_variant_new ("(s)", since), &error);
  g_assert_no_error (error);
  older = appeals_db_query (db, "SELECT id FROM appeals WHERE registration_date <= ? ORDER BY id LIMIT 1",
                            g_variant_new ("(s)", up_to), &error);
  g_assert_no_error (error);
  newer_id = appeals_db_result_get_int64 (newer, 0, "id");
  older_id = appeals_db_result_get_int64 (older, 0, "id");
  appeals_db_exec (db, "UPDATE appeals SET due_date = '2000-01-03', registration_number = '1999-000001' WHERE id = ?",
                   g_variant_new ("(x)", newer_id), &error);
  g_assert_no_error (error);
  appeals_db_exec (db, "UPDATE appeals SET due_date = '2099-12-31', registration_number = '2100-000001' WHERE id = ?",
                   g_variant_new ("(x)", older_id), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_period_page (server, session, token, db, statements, &cases[i], since, up_to, FALSE,
                        cases[i].since ? PLAN_SORTED : PLAN_CHOSEN, cases[i].since ? newer_id : older_id);

  appeals_test_server_free (server);
  g_unlink (statements);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  journal_plans_setup (&argc, &argv);
  g_test_add_func ("/journal-filter-plans/filter-orders", test_filter_orders);
  g_test_add_func ("/journal-filter-plans/period-walk", test_period_walk);
  g_test_add_func ("/journal-filter-plans/period-bounds", test_period_bounds);
  status = g_test_run ();
  journal_plans_teardown ();
  return status;
}
