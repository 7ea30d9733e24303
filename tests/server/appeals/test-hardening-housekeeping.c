/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening-housekeeping.c: what the server forgets on its own, seen
 * from outside. On SQLite the words of the search that an edit took away
 * from the last appeal keeping them leave the server's table of words at
 * a housekeeping (here every second), while the words still kept stay
 * and the search goes on finding what it did.
 */
#include "config.h"

#include <sqlite3.h>

#include "test-hardening.h"

/* How many of @words the database's table of the search's words has. */
static int
count_words (const char         *database,
             const char * const *words)
{
  sqlite3 *sqlite = NULL;
  sqlite3_stmt *statement = NULL;
  int count = 0;

  g_assert_cmpint (sqlite3_open_v2 (database, &sqlite, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (sqlite, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (sqlite, "SELECT 1 FROM appeals_search_words WHERE term = ?", -1,
                                       &statement, NULL), ==, SQLITE_OK);
  for (guint i = 0; words[i] != NULL; i++)
    {
      sqlite3_bind_text (statement, 1, words[i], -1, SQLITE_STATIC);
      if (sqlite3_step (statement) == SQLITE_ROW)
        count++;
      sqlite3_reset (statement);
    }
  sqlite3_finalize (statement);
  sqlite3_close (sqlite);
  return count;
}

/* The appeals a search finds: its page's, as many as its count says. */
static gint64
search_total (Fixture    *fixture,
              const char *text)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("q=%s", escaped);
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals?%s&texts=false", query);
  g_autoptr(AppealsTestResponse) page = REQUEST (fixture, "GET", path, fixture->controller, NULL);
  gint64 total = journal_total (fixture, fixture->controller, query);

  g_assert_cmpuint (page->status, ==, 200);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (page),
                                                                          "items")), ==, total);
  return total;
}

static void
test_search_words_forgotten (void)
{
  const char *args[] = { "--demo", "--demo-appeals", "5", "--housekeeping-interval", "1",
                         "--search-words-interval", "1", NULL };
  const char *gone[] = { "мусоровоз", "приезжал", NULL };
  const char *kept[] = { "шлагбаум", "школы", "проезд", NULL };
  Fixture fixture = { 0 };
  g_autofree char *etag = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AppealsTestResponse) edited = NULL;
  const char *database;
  gint64 applicant, id;
  gint64 waited = 0;

  fixture.server = appeals_test_server_start (test_api_backend, args);
  fixture.session = soup_session_new ();
  fixture.registrar = appeals_test_sign_in (fixture.server, "registrar", "demo");
  fixture.controller = appeals_test_sign_in (fixture.server, "controller", "demo");
  database = appeals_test_server_get_database (fixture.server);

  applicant = create_applicant (&fixture, "061211600012");
  id = create_appeal (&fixture, fixture.registrar, applicant, "kostanay-city",
                      "Мусоровоз не приезжал, шлагбаум у школы");
  create_appeal (&fixture, fixture.registrar, applicant, "kostanay-city", "Шлагбаум закрыл проезд");
  g_assert_cmpint (count_words (database, gone), ==, 2);
  g_assert_cmpint (search_total (&fixture, "мусоро"), ==, 1);

  etag = appeal_etag (&fixture, id);
  path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  edited = REQUEST (&fixture, "PATCH", path, fixture.controller, "{\"annotation\":\"Шлагбаум у школы\"}",
                    "If-Match", etag);
  g_assert_cmpuint (edited->status, ==, 200);

  /* a housekeeping or two later */
  while (count_words (database, gone) > 0)
    {
      g_assert_cmpint (waited, <, 20 * G_USEC_PER_SEC);
      g_usleep (G_USEC_PER_SEC / 10);
      waited += G_USEC_PER_SEC / 10;
    }
  g_test_message ("forgotten after %.1f s", waited / (double) G_USEC_PER_SEC);
  g_assert_cmpint (count_words (database, kept), ==, 3);
  g_assert_cmpint (search_total (&fixture, "мусоро"), ==, 0);
  g_assert_cmpint (search_total (&fixture, "шлагба"), ==, 2);
  g_assert_cmpint (search_total (&fixture, "шлагбаум школы"), ==, 1);

  appeals_test_server_free (fixture.server);
  g_object_unref (fixture.session);
  g_free (fixture.registrar);
  g_free (fixture.controller);
}

void
test_hardening_add_housekeeping (void)
{
  /* PostgreSQL keeps no table of words: its GIN index reads them */
  if (g_str_equal (test_api_backend, "sqlite"))
    g_test_add_func ("/hardening/housekeeping/search-words-forgotten", test_search_words_forgotten);
}
