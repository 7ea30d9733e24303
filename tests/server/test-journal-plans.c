/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-journal-plans.c: the journal's searches over a region (ten years
 * of generated appeals, on SQLite or PostgreSQL, --backend=): a search
 * from any cursor, in each order and both ways, holds what plain SQL
 * finds there, whichever plan the server chose, and the server chose the
 * plan meant for where the page starts; a report over the statement
 * timeout is stopped with a clear answer. The filtered pages are in
 * test-journal-filter-plans.c.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "journal-plans-common.h"

/* The prefix of a decade ("202") that the most registration numbers of
 * @db begin, and how many do. */
static char *
busiest_decade (AppealsDb *db,
                gint64    *n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) decades = appeals_db_query (db, "SELECT substr (registration_number, 1, 3) AS decade, "
                                                             "COUNT(*) AS n FROM appeals GROUP BY decade "
                                                             "ORDER BY n DESC LIMIT 1", NULL, &error);

  g_assert_no_error (error);
  *n = appeals_db_result_get_int64 (decades, 0, "n");
  return g_strdup (appeals_db_result_get_string (decades, 0, "decade"));
}

/* The condition on "a" that keeps the appeals a search of one prefix
 * (its "?") matches, as the text index reads it. */
static const char *
search_condition (AppealsDb *db)
{
  return appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_POSTGRESQL
         ? "a.search_vector @@ to_tsquery ('simple', ? || ':*')"
         : "a.id IN (SELECT rowid FROM appeals_search WHERE appeals_search MATCH '\"' || ? || '\"*')";
}

/* Cursors whose ids are far from their dates (made up, or an appeal
 * registered with an earlier date): searched back from a year before the
 * decade, the page is still what plain SQL finds, and the server reads
 * the few matches past the cursor (@marker in the @statements it logs;
 * on SQLite its matches by id from the cursor's bound) rather than
 * walking every older row because the decade is dense among the ids the
 * cursor names. */
static void
assert_far_ids (AppealsTestServer *server,
                SoupSession       *session,
                const char        *token,
                AppealsDb         *db,
                const char        *prefix,
                const char        *date,
                gint64             newest_id,
                const char        *statements,
                const char        *marker)
{
  const gint64 far_ids[] = { newest_id, 0, -1, N_SEARCH_APPEALS * 100 };
  g_autofree char *query = g_strdup_printf ("q=%s", prefix);

  for (guint i = 0; i < G_N_ELEMENTS (far_ids); i++)
    {
      gsize before = file_size (statements);
      g_autoptr(GArray) expected = plain_page (db, search_condition (db), prefix, "registration_date", date,
                                               far_ids[i], TRUE);
      g_autoptr(GArray) page = server_page (server, session, token, query, "registration_date", date, far_ids[i],
                                            TRUE);
      g_autofree char *logged = NULL;
      g_autoptr(GError) error = NULL;

      assert_same_page (page, expected, query, date, far_ids[i], TRUE);
      g_assert_true (g_file_get_contents (statements, &logged, NULL, &error));
      g_assert_no_error (error);
      if (strstr (logged + before, marker) == NULL)
        g_error ("q=%s after (%s, %" G_GINT64_FORMAT "): the matches past the cursor were not read", prefix, date,
                 far_ids[i]);
    }
}

/* A search of the years of a decade, most of a region's appeals, paged
 * from cursors all over the ten years in both orders: each page is what
 * plain SQL finds, whichever plan the server chose — walking the rows,
 * or, where the matches are sparse (years before the decade, searched
 * back), reading the matches past the cursor; the test sees that it did. */
static void
test_search_from_cursors (void)
{
  g_autoptr(AppealsDb) db = NULL;
  g_autofree char *statements = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) journal = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *logged = NULL;
  g_autofree char *token = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *query = NULL;
  AppealsTestServer *server;
  /* SQLite reads any page in this order from the matches by id */
  const char *marker = g_str_equal (backend, "postgresql") ? "MATERIALIZED (SELECT s.id FROM appeals_order"
                                                          : "appeals_out_of_order) ORDER BY rowid DESC";
  guint n_empty = 0, n_full = 0;
  gint64 n_matches;

  ensure_search_database ();
  db = open_db (search_location);
  prefix = busiest_decade (db, &n_matches);
  query = g_strdup_printf ("q=%s", prefix);
  g_test_message ("%s: %" G_GINT64_FORMAT " registration numbers", prefix, n_matches);
  g_assert_cmpint (n_matches, >, 5000);

  journal = appeals_db_query (db, "SELECT registration_date, id FROM appeals ORDER BY registration_date DESC, id DESC",
                              NULL, &error);
  g_assert_no_error (error);

  server = start_logging_server (&statements, &token);

  for (guint row = 0; row < appeals_db_result_get_n_rows (journal); row += N_SEARCH_APPEALS / 24)
    for (int descending = 0; descending <= 1; descending++)
      {
        const char *date = appeals_db_result_get_string (journal, row, "registration_date");
        gint64 id = appeals_db_result_get_int64 (journal, row, "id");
        g_autoptr(GArray) expected = plain_page (db, search_condition (db), prefix, "registration_date", date, id,
                                                 descending);
        g_autoptr(GArray) page = server_page (server, session, token, query, "registration_date", date, id,
                                              descending);

        assert_same_page (page, expected, query, date, id, descending);
        n_empty += page->len == 0;
        n_full += page->len == SEARCH_PAGE;
      }
  g_assert_cmpuint (n_empty, >, 0);
  g_assert_cmpuint (n_full, >, 0);
  g_assert_true (g_file_get_contents (statements, &logged, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (logged, marker));

  /* a year before the decade: the oldest tenth of the journal */
  assert_far_ids (server, session, token, db, prefix,
                  appeals_db_result_get_string (journal, appeals_db_result_get_n_rows (journal) * 9 / 10,
                                                "registration_date"),
                  appeals_db_result_get_int64 (journal, 0, "id"), statements, marker);
  appeals_test_server_free (server);
  g_unlink (statements);
}

/* The order keys a search alone reads follow an appeal's term (on
 * PostgreSQL a table of their own kept by trigger, migration 0033) and
 * its registration date (on SQLite the first page oldest first takes the
 * first matches by id and those registered out of that order, migration
 * 0034): three of the newest matches given a @column earlier than any
 * appeal's come first in its order, and given theirs back, go back. */
static void
assert_keys_followed (AppealsTestServer *server,
                      SoupSession       *session,
                      const char        *token,
                      AppealsDb         *db,
                      const char        *prefix,
                      const char        *column)
{
  g_autofree char *query = g_strdup_printf ("q=%s", prefix);
  g_autofree char *read = g_strdup_printf ("SELECT %s AS key FROM appeals WHERE id = ?", column);
  g_autofree char *write = g_strdup_printf ("UPDATE appeals SET %s = ? WHERE id = ?", column);
  g_autoptr(GArray) newest = plain_page (db, search_condition (db), prefix, "registration_date", NULL, 0, TRUE);
  g_autoptr(GArray) oldest = plain_page (db, search_condition (db), prefix, column, NULL, 0, FALSE);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AppealsDbResult) first = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  /* terms before any appeal's; registration days just before the first
   * match's, after the journal's first, where no match is near */
  first = appeals_db_query (db, read, g_variant_new ("(x)", g_array_index (oldest, gint64, 0)), &error);
  g_assert_no_error (error);
  g_assert_true (appeals_date_parse_iso (appeals_db_result_get_string (first, 0, "key"), &day));
  g_date_subtract_days (&day, 4);
  g_assert_cmpuint (newest->len, >=, 3);
  for (guint i = 0; i < 3; i++)
    {
      gint64 id = g_array_index (newest, gint64, i);
      g_autoptr(AppealsDbResult) key = appeals_db_query (db, read, g_variant_new ("(x)", id), &error);
      g_autofree char *early = g_strdup_printf ("2000-01-0%u", i + 1);

      if (g_str_equal (column, "registration_date"))
        {
          g_date_add_days (&day, 1);
          g_free (early);
          early = appeals_date_format_iso (&day);
        }

      g_assert_no_error (error);
      g_ptr_array_add (keys, g_strdup (appeals_db_result_get_string (key, 0, "key")));
      appeals_db_exec (db, write, g_variant_new ("(sx)", early, id), &error);
      g_assert_no_error (error);
    }

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GArray) expected = plain_page (db, search_condition (db), prefix, column, NULL, 0, FALSE);
      g_autoptr(GArray) page = server_page (server, session, token, query, column, NULL, 0, FALSE);

      assert_same_page (page, expected, query, NULL, 0, FALSE);
      /* back by term from a year and a half before the first match's,
       * where no match is near: only those */
      if (g_str_equal (column, "due_date"))
        {
          GDate far = day;
          g_autofree char *key = NULL;
          g_autoptr(GArray) back = NULL;
          g_autoptr(GArray) back_expected = NULL;

          g_date_subtract_days (&far, 546);
          key = appeals_date_format_iso (&far);
          back = server_page (server, session, token, query, column, key, 1, TRUE);
          back_expected = plain_page (db, search_condition (db), prefix, column, key, 1, TRUE);
          assert_same_page (back, back_expected, query, key, 1, TRUE);
          g_assert_cmpuint (back->len, ==, round == 0 ? 3 : 0);
        }
      for (guint i = 0; i < 3; i++)
        if (round == 0)
          g_assert_cmpint (g_array_index (page, gint64, i), ==, g_array_index (newest, gint64, i));
        else
          g_assert_cmpint (g_array_index (page, gint64, i), !=, g_array_index (newest, gint64, i));

      for (guint i = 0; round == 0 && i < 3; i++)
        {
          appeals_db_exec (db, write,
                           g_variant_new ("(sx)", (const char *) g_ptr_array_index (keys, i),
                                          g_array_index (newest, gint64, i)),
                           &error);
          g_assert_no_error (error);
        }
    }
}

/* The search of the decade in each of the journal's orders, both ways:
 * the first page and pages from cursors all over the order are what plain
 * SQL finds. Oldest first, a page starts where the decade has no
 * appeals: the server reads the matches as a set and sorts them (@marker
 * in its statements) rather than walk every row before the decade. */
static void
test_search_orders (void)
{
  const char *columns[] = { "registration_date", "due_date", "registration_number" };
  const char *marker = g_str_equal (backend, "postgresql") ? "FROM appeals_order a WHERE"
                                                          : "appeals a INDEXED BY appeals_id_order WHERE";
  g_autoptr(AppealsDb) db = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *token = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *query = NULL;
  AppealsTestServer *server;
  gint64 n_matches;

  ensure_search_database ();
  db = open_db (search_location);
  prefix = busiest_decade (db, &n_matches);
  query = g_strdup_printf ("q=%s", prefix);

  server = start_logging_server (&statements, &token);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT %s AS key, id FROM appeals ORDER BY %s %s, id %s",
                                                columns[c], columns[c], descending ? "DESC" : "ASC",
                                                descending ? "DESC" : "ASC");
        g_autoptr(AppealsDbResult) order = appeals_db_query (db, sql, NULL, &error);
        gsize before = file_size (statements);
        g_autoptr(GArray) first = server_page (server, session, token, query, columns[c], NULL, 0, descending);
        g_autoptr(GArray) first_expected = plain_page (db, search_condition (db), prefix, columns[c], NULL, 0,
                                                       descending);
        g_autofree char *logged = NULL;

        g_assert_no_error (error);
        assert_same_page (first, first_expected, query, NULL, 0, descending);
        g_assert_true (g_file_get_contents (statements, &logged, NULL, &error));
        g_assert_no_error (error);
        if (!descending && strstr (logged + before, marker) == NULL)
          g_error ("q=%s by %s, oldest first: the matches were not read as a set", prefix, columns[c]);
        /* on SQLite by registration, only the first matches by id */
        if (!descending && c == 0 && g_str_equal (backend, "sqlite") &&
            strstr (logged + before, "appeals_out_of_order") == NULL)
          g_error ("q=%s oldest first: not the first matches by id", prefix);

        for (guint row = 0; row < appeals_db_result_get_n_rows (order); row += N_SEARCH_APPEALS / 12)
          {
            const char *key = appeals_db_result_get_string (order, row, "key");
            gint64 id = appeals_db_result_get_int64 (order, row, "id");
            g_autoptr(GArray) expected = plain_page (db, search_condition (db), prefix, columns[c], key, id,
                                                     descending);
            g_autoptr(GArray) page = server_page (server, session, token, query, columns[c], key, id, descending);

            assert_same_page (page, expected, query, key, id, descending);
          }
      }
  assert_keys_followed (server, session, token, db, prefix, "due_date");
  assert_keys_followed (server, session, token, db, prefix, "registration_date");
  appeals_test_server_free (server);
  g_unlink (statements);
}

/* A report whose statements run over the server's statement timeout (ten
 * years of appeals against 10 ms) is answered 503 took_too_long, in the
 * request's language and without Retry-After: the same report would run
 * as long again, and the analyst is told to ask for less. The server
 * answers the next request. */
static void
test_took_too_long (void)
{
  const char *args[] = { "--demo", "--statement-timeout", "0.01", NULL };
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(AppealsTestResponse) report = NULL;
  g_autoptr(AppealsTestResponse) health = NULL;
  g_autofree char *token = NULL;
  AppealsTestServer *server;
  JsonObject *problem;

  ensure_search_database ();
  server = appeals_test_server_start_on (backend, search_location, args);
  token = appeals_test_sign_in (server, "controller", "demo");

  report = appeals_test_request (server, session, "GET", "/api/v1/analytics/line-report?from=2016-01-01&to=2026-12-31",
                                 token, NULL, "Accept-Language", "ru", NULL);
  g_assert_cmpuint (report->status, ==, 503);
  problem = appeals_test_response_object (report);
  g_assert_cmpstr (json_object_get_string_member (problem, "code"), ==, "took_too_long");
  g_assert_cmpstr (json_object_get_string_member (problem, "title"), ==,
                   "Запрос выполнялся слишком долго и был остановлен. Выберите более короткий период или меньше условий.");
  g_assert_null (appeals_test_response_header (report, "Retry-After"));

  health = appeals_test_request (server, session, "GET", "/api/v1/health", NULL, NULL, NULL);
  g_assert_cmpuint (health->status, ==, 200);
  appeals_test_server_free (server);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  journal_plans_setup (&argc, &argv);
  g_test_add_func ("/journal-plans/search-from-cursors", test_search_from_cursors);
  g_test_add_func ("/journal-plans/search-orders", test_search_orders);
  g_test_add_func ("/journal-plans/took-too-long", test_took_too_long);
  status = g_test_run ();
  journal_plans_teardown ();
  return status;
}
