/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-journal-plans.c: the journal's plans over a region (ten years of
 * generated appeals, on SQLite or PostgreSQL, --backend=): a search from
 * any cursor, in each order and both ways, and a filtered page by due
 * date or by number hold what plain SQL finds there, whichever plan the
 * server chose, and the server chose the plan meant for where the page
 * starts; a report over the statement timeout is stopped with a clear
 * answer.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include "appeals-core.h"
#include "appeals-db.h"
#include "appeals-test-pg.h"
#include "appeals-test-server.h"

/* more matches of a decade's years than the search reads as a set, and
 * more appeals than a filtered page by due date looks through for its
 * rows before it sorts them (ORDER_WIDE_WINDOW) */
#define N_SEARCH_APPEALS 16000
#define SEARCH_PAGE 50

static const char *backend;
static char *search_location;

static AppealsDb *
open_db (const char *location)
{
  g_autoptr(GError) error = NULL;
  AppealsDb *db = appeals_db_open (location, &error);

  g_assert_no_error (error);
  return db;
}

/* The ten years of appeals the searches and the reports below read,
 * generated once for them all. */
static void
ensure_search_database (void)
{
  static gboolean generated;

  if (!generated)
    appeals_test_generate (search_location, N_SEARCH_APPEALS, 5);
  generated = TRUE;
}

/* A server on the region's database that logs its statements to a file
 * of its own (@statements: the test runs on both backends at once), and
 * the controller's token in @token. */
static AppealsTestServer *
start_logging_server (char **statements,
                      char **token)
{
  const char *args[] = { "--demo", NULL };
  g_autoptr(GError) error = NULL;
  AppealsTestServer *server;

  close (g_file_open_tmp ("appeals-plans-statements-XXXXXX.log", statements, &error));
  g_assert_no_error (error);
  g_setenv ("APPEALS_SERVER_LOG_STATEMENTS", *statements, TRUE);
  server = appeals_test_server_start_on (backend, search_location, args);
  g_unsetenv ("APPEALS_SERVER_LOG_STATEMENTS");
  *token = appeals_test_sign_in (server, "controller", "demo");
  return server;
}

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

/* The ids of the page after (@key, @id) in the order of @column (the
 * first page for a %NULL @key) of the appeals @condition keeps (SQL on
 * "a", with one "?" for a non-%NULL @value), read as a set and sorted:
 * the plainest plan. */
static GArray *
plain_page (AppealsDb  *db,
            const char *condition,
            const char *value,
            const char *column,
            const char *key,
            gint64      id,
            gboolean    descending)
{
  const char *direction = descending ? "DESC" : "ASC";
  g_autofree char *after = key != NULL ? g_strdup_printf ("AND (a.%s, a.id) %s (?, ?)", column,
                                                          descending ? "<" : ">")
                                       : g_strdup ("");
  g_autofree char *sql = g_strdup_printf ("SELECT a.id FROM appeals a WHERE %s %s "
                                          "ORDER BY a.%s %s, a.id %s LIMIT %d",
                                          condition, after, column, direction, direction, SEARCH_PAGE);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  GVariant *params = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (value != NULL && key != NULL)
    params = g_variant_new ("(ssx)", value, key, id);
  else if (value != NULL)
    params = g_variant_new ("(s)", value);
  else if (key != NULL)
    params = g_variant_new ("(sx)", key, id);
  rows = appeals_db_query (db, sql, params, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      gint64 row_id = appeals_db_result_get_int64 (rows, i, "id");
      g_array_append_val (ids, row_id);
    }
  return ids;
}

/* The ids of the server's page of ?@query after (@key, @id) in the order
 * of @column (the first page for a %NULL @key). */
static GArray *
server_page (AppealsTestServer *server,
             SoupSession       *session,
             const char        *token,
             const char        *query,
             const char        *column,
             const char        *key,
             gint64             id,
             gboolean           descending)
{
  g_autofree char *json = g_strdup_printf ("[\"%s\",%" G_GINT64_FORMAT "]", key, id);
  g_autofree char *cursor = g_base64_encode ((const guchar *) json, strlen (json));
  g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals?%s&limit=%d&sort=%s%s%s%s", query, SEARCH_PAGE,
                                           descending ? "-" : "", column,
                                           key != NULL ? "&cursor=" : "", key != NULL ? escaped : "");
  g_autoptr(AppealsTestResponse) response = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  JsonArray *items;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (response->status != 200)
    g_error ("GET %s: %u %s", path, response->status, response->text);
  items = json_object_get_array_member (appeals_test_response_object (response), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      gint64 row_id = json_object_get_int_member (json_array_get_object_element (items, i), "id");
      g_array_append_val (ids, row_id);
    }
  return ids;
}

static void
assert_same_page (GArray     *page,
                  GArray     *expected,
                  const char *query,
                  const char *date,
                  gint64      id,
                  gboolean    descending)
{
  /* an empty GArray's data is NULL, which memcmp() may not take */
  if (page->len != expected->len ||
      (page->len > 0 && memcmp (page->data, expected->data, page->len * sizeof (gint64)) != 0))
    g_error ("%s after (%s, %" G_GINT64_FORMAT ") %s: %u appeals, %u expected", query,
             date != NULL ? date : "the start", id, descending ? "back" : "forth", page->len, expected->len);
}

static gsize
file_size (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return (gsize) buf.st_size;
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

/* The plan a filtered page by due date or by number is meant to take,
 * seen in the statements the server logs. */
typedef enum
{
  PLAN_WALKED,      /* SQLite: the order's index walked */
  PLAN_CHOSEN,      /* the database's planner chose */
  PLAN_SORTED,      /* the rows the filter keeps, sorted ("+" on SQLite,
                     * read behind a fence on PostgreSQL) */
} Plan;

typedef struct
{
  char       *query;
  char       *condition;
  /* by due date, then by number; ascending, then descending */
  Plan        sqlite[2][2];
  Plan        postgresql[2][2];
} FilterCase;

/* The registration date of the appeal @from_end appeals before the
 * newest, in the order of registration. */
static char *
date_before_end (AppealsDb *db,
                 guint      from_end)
{
  g_autofree char *sql = g_strdup_printf ("SELECT registration_date AS v FROM appeals "
                                          "ORDER BY registration_date DESC, id DESC LIMIT 1 OFFSET %u", from_end);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, sql, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (appeals_db_result_get_string (result, 0, "v"));
}

static char *
most_common (AppealsDb  *db,
             const char *column,
             gboolean    rarest)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s AS v FROM appeals GROUP BY %s ORDER BY COUNT(*) %s, %s LIMIT 1",
                                          column, column, rarest ? "ASC" : "DESC", column);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, sql, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (appeals_db_result_get_string (result, 0, "v"));
}

static void
assert_plan (const char *logged,
             const char *query,
             const char *column,
             gboolean    descending,
             Plan        plan)
{
  gboolean sqlite = g_str_equal (backend, "sqlite");
  g_autofree char *walked = g_strdup_printf ("INDEXED BY %s WHERE",
                                             g_str_equal (column, "due_date") ? "appeals_due"
                                                                              : "sqlite_autoindex_appeals_1");
  g_autofree char *sorted = sqlite ? g_strdup_printf ("ORDER BY +a.%s", column) : g_strdup ("OFFSET 0) m ORDER BY");
  const char *names[] = { "walked the order's index", "left the plan to the database", "sorted the rows" };
  Plan taken = strstr (logged, walked) != NULL ? PLAN_WALKED
               : strstr (logged, sorted) != NULL ? PLAN_SORTED
               : PLAN_CHOSEN;

  if (taken != plan)
    g_error ("%s by %s%s: the page %s; it should have %s", query, descending ? "-" : "", column, names[taken],
             names[plan]);
}

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
  AppealsTestPgCluster *cluster = NULL;
  g_autofree char *dir = NULL;
  int status;

  backend = appeals_test_backend_from_args (&argc, argv);
  g_test_init (&argc, &argv, NULL);

  if (g_str_equal (backend, "postgresql"))
    {
      cluster = appeals_test_pg_cluster_start ();
      search_location = appeals_test_pg_cluster_create_database (cluster, 1);
    }
  else
    {
      dir = g_dir_make_tmp ("appeals-plans-XXXXXX", NULL);
      search_location = g_build_filename (dir, "search.db", NULL);
    }

  g_test_add_func ("/journal-plans/search-from-cursors", test_search_from_cursors);
  g_test_add_func ("/journal-plans/search-orders", test_search_orders);
  g_test_add_func ("/journal-plans/filter-orders", test_filter_orders);
  g_test_add_func ("/journal-plans/period-bounds", test_period_bounds);
  g_test_add_func ("/journal-plans/took-too-long", test_took_too_long);
  status = g_test_run ();

  if (cluster != NULL)
    appeals_test_pg_cluster_stop (cluster);
  if (dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    }
  g_free (search_location);
  return status;
}
