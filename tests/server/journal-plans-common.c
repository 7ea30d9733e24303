/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * journal-plans-common.c: what the tests of the journal's plans share: a
 * region's ten years of generated appeals on the backend the test runs
 * on, a server on them that logs its statements, the pages it answers
 * and the pages plain SQL finds, and the plan a page took.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include "journal-plans-common.h"


const char *backend;
char *search_location;

static AppealsTestPgCluster *cluster;
static char *dir;

AppealsDb *
open_db (const char *location)
{
  g_autoptr(GError) error = NULL;
  AppealsDb *db = appeals_db_open (location, &error);

  g_assert_no_error (error);
  return db;
}

/* The ten years of appeals the tests read, generated once for them
 * all. */
void
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
AppealsTestServer *
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

/* The ids of the page after (@key, @id) in the order of @column (the
 * first page for a %NULL @key) of the appeals @condition keeps (SQL on
 * "a", with one "?" for a non-%NULL @value), read as a set and sorted:
 * the plainest plan. */
GArray *
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
GArray *
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

void
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

gsize
file_size (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return (gsize) buf.st_size;
}

/* The registration date of the appeal @from_end appeals before the
 * newest, in the order of registration. */
char *
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

char *
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

void
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
  /* a period alone by due date walks the index of terms that holds the
   * day of registration (migration 0035) */
  Plan taken = strstr (logged, walked) != NULL ||
               (g_str_equal (column, "due_date") && strstr (logged, "INDEXED BY appeals_due_registration WHERE") != NULL)
               ? PLAN_WALKED
               : strstr (logged, sorted) != NULL ? PLAN_SORTED
               : PLAN_CHOSEN;

  if (taken != plan)
    g_error ("%s by %s%s: the page %s; it should have %s", query, descending ? "-" : "", column, names[taken],
             names[plan]);
}

/* The district of the person signed in as @login, as the users table has
 * it; "" for one who works region-wide. */
char *
person_district (AppealsDb  *db,
                 const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) user = appeals_db_query (db, "SELECT district, region_wide FROM users WHERE login = ?",
                                                      g_variant_new ("(s)", login), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (user), ==, 1);
  return g_strdup (appeals_db_result_get_int64 (user, 0, "region_wide") != 0 ||
                   appeals_db_result_is_null (user, 0, "district")
                   ? "" : appeals_db_result_get_string (user, 0, "district"));
}

/* The plan of one logged statement ("(sql, params)"), as one text. */
char *
plan_of (AppealsDb  *db,
         const char *line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) logged = g_variant_parse (G_VARIANT_TYPE ("(sv)"), line, NULL, NULL, &error);
  g_autoptr(GVariant) params = NULL;
  g_autoptr(AppealsDbResult) plan = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *explain = NULL;
  const char *sql;
  gboolean sqlite = appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_SQLITE;

  g_assert_no_error (error);
  g_variant_get (logged, "(&sv)", &sql, &params);
  explain = g_strconcat (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ", sql, NULL);
  plan = appeals_db_query (db, explain, g_variant_ref (params), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < appeals_db_result_get_n_rows (plan); i++)
    g_string_append_printf (text, "%s\n", appeals_db_result_get_cell (plan, i, sqlite ? 3 : 0));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Reads --backend= and starts the test program on a database of its own:
 * in a throwaway PostgreSQL cluster, or a SQLite file in a folder of its
 * own. */
void
journal_plans_setup (int    *argc,
                     char ***argv)
{
  backend = appeals_test_backend_from_args (argc, *argv);
  g_test_init (argc, argv, NULL);

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
}

void
journal_plans_teardown (void)
{
  if (cluster != NULL)
    appeals_test_pg_cluster_stop (cluster);
  if (dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    }
  g_clear_pointer (&dir, g_free);
  g_clear_pointer (&search_location, g_free);
}
