/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-generate.c: `appeals-server … generate` on a small size, on SQLite
 * or PostgreSQL (--backend=): the counts, unique valid IINs, repeat
 * applicants, ten years of dates, a department's shares, the search
 * index filled, compact audit entries, the terms of every appeal as the
 * server writes them, the indexes a migrated database has (PostgreSQL's
 * are made again after the load), a SQLite file left in WAL mode, the
 * same data from the same seed, and the journal's search over a region:
 * a page from any cursor holds what plain SQL finds there.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include "appeals-db.h"
#include "appeals-core.h"
#include "appeals-audit.h"
#include "appeals-test-pg.h"
#include "appeals-test-server.h"

#define N_APPEALS 5000
/* more matches of a decade's years than the search reads as a set */
#define N_SEARCH_APPEALS 12000
#define SEARCH_PAGE 50

static const char *backend;
static char *first_location;
static char *fresh_location;
static char *second_location;
static char *third_location;
static char *search_location;

static void
generate (const char *location,
          guint       n,
          guint       seed)
{
  g_autofree char *appeals = g_strdup_printf ("%u", n);
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  const char *argv[] = { g_getenv ("APPEALS_SERVER_EXE"), "--database", location, "generate",
                         "--appeals", appeals, "--seed", seed_text, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("generate failed: %s", err);
  g_assert_nonnull (strstr (out, appeals));
}

static gint64
count (AppealsDb  *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, sql, NULL, &error);

  g_assert_no_error (error);
  return appeals_db_result_get_int64 (result, 0, "n");
}

static AppealsDb *
open_db (const char *location)
{
  g_autoptr(GError) error = NULL;
  AppealsDb *db = appeals_db_open (location, &error);

  g_assert_no_error (error);
  return db;
}

static void
assert_share (AppealsDb  *db,
              const char *where,
              double      low,
              double      high)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) AS n FROM appeals WHERE %s", where);
  double share = count (db, sql) / (double) N_APPEALS;

  if (share < low || share > high)
    g_error ("%s: %.3f of the appeals, expected %.2f to %.2f", where, share, low, high);
}

static void
test_counts (void)
{
  g_autoptr(AppealsDb) db = open_db (first_location);
  gboolean postgresql = appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_POSTGRESQL;

  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM appeals"), ==, N_APPEALS);
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM appeals a LEFT JOIN applicants ap ON ap.id = a.applicant_id "
                              "WHERE ap.id IS NULL"), ==, 0);
  g_assert_cmpint (count (db, postgresql ? "SELECT COUNT(*) AS n FROM appeals WHERE search_vector IS NOT NULL"
                                         : "SELECT COUNT(*) AS n FROM appeals_search"), ==, N_APPEALS);
  /* a word of every Kazakh text, a surname, a registration number */
  g_assert_cmpint (count (db, postgresql ? "SELECT COUNT(*) AS n FROM appeals "
                                           "WHERE search_vector @@ to_tsquery ('simple', 'көмек')"
                                         : "SELECT COUNT(*) AS n FROM appeals_search WHERE appeals_search MATCH 'көмек'"),
                   >, N_APPEALS * 4 / 10);
  g_assert_cmpint (count (db, postgresql ? "SELECT COUNT(*) AS n FROM appeals "
                                           "WHERE search_vector @@ to_tsquery ('simple', 'иванов:*')"
                                         : "SELECT COUNT(*) AS n FROM appeals_search WHERE appeals_search MATCH '\"иванов\"*'"),
                   >, 0);
  g_assert_cmpint (count (db, "SELECT MAX (last_number) AS n FROM registration_counters"), >, N_APPEALS / 20);
  /* closed appeals have their expertise, a few still awaiting approval */
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM expertise"), >=,
                   count (db, "SELECT COUNT(*) AS n FROM appeals WHERE status = 'closed'"));
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM expertise WHERE state = 'awaiting_approval'"), >, 0);
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM receptions"), >, 0);
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM audit WHERE entity = 'appeal' AND action = 'create'"), ==,
                   N_APPEALS);
}

static void
test_iins (void)
{
  g_autoptr(AppealsDb) db = open_db (first_location);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) iins = appeals_db_query (db, "SELECT iin FROM applicants", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT COUNT(DISTINCT iin) AS n FROM applicants"), ==,
                   appeals_db_result_get_n_rows (iins));
  for (guint i = 0; i < appeals_db_result_get_n_rows (iins); i++)
    {
      appeals_iin_validate (appeals_db_result_get_string (iins, i, "iin"), &error);
      g_assert_no_error (error);
    }

  /* people come back: many twice, some five times and more */
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM (SELECT applicant_id FROM appeals GROUP BY applicant_id "
                              "HAVING COUNT(*) >= 2) t"), >, N_APPEALS / 10);
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM (SELECT applicant_id FROM appeals GROUP BY applicant_id "
                              "HAVING COUNT(*) >= 5) t"), >, N_APPEALS / 500);
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM appeals WHERE repeat = 1"), >, 0);
}

static void
test_dates_and_shares (void)
{
  g_autoptr(AppealsDb) db = open_db (first_location);
  GDate today;

  appeals_date_get_today (&today);
  for (int years = 0; years < 10; years++)
    {
      GDate from = today, to = today;
      g_autofree char *from_text = NULL;
      g_autofree char *to_text = NULL;
      g_autofree char *where = NULL;

      g_date_subtract_years (&from, years + 1);
      g_date_subtract_years (&to, years);
      from_text = appeals_date_format_iso (&from);
      to_text = appeals_date_format_iso (&to);
      where = g_strdup_printf ("registration_date > '%s' AND registration_date <= '%s'", from_text, to_text);
      /* every year has its appeals, more of them lately */
      assert_share (db, where, 0.06, 0.14);
    }

  assert_share (db, "status IN ('answered', 'closed')", 0.75, 0.92);
  assert_share (db, "status = 'forwarded'", 0.04, 0.12);
  assert_share (db, "status IN ('terminated', 'left_without_consideration')", 0.02, 0.08);
  assert_share (db, "status IN ('registered', 'in_progress', 'extended')", 0.002, 0.05);
  assert_share (db, "answer_character IS NOT NULL", 0.75, 0.92);
  assert_share (db, "language = 'kk'", 0.5, 0.7);
  assert_share (db, "control = 1", 0.15, 0.25);
}

static void
test_audit_compact (void)
{
  g_autoptr(AppealsDb) db = open_db (first_location);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) entries = NULL;
  g_autoptr(JsonArray) created = NULL;
  g_autoptr(JsonArray) answered = NULL;

  entries = appeals_db_query (db, "SELECT action, changes FROM audit WHERE entity = 'appeal' AND entity_id = "
                                  "(SELECT MIN (id) FROM appeals WHERE status = 'answered') ORDER BY id", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (appeals_db_result_get_n_rows (entries), ==, 2);
  /* changed fields only, as "field": [before, after] or [after] */
  g_assert_true (g_str_has_prefix (appeals_db_result_get_string (entries, 1, "changes"), "{"));
  created = appeals_audit_parse_changes (appeals_db_result_get_string (entries, 0, "changes"), &error);
  g_assert_no_error (error);
  answered = appeals_audit_parse_changes (appeals_db_result_get_string (entries, 1, "changes"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (created), >, 15);
  g_assert_cmpuint (json_array_get_length (answered), <, 15);
  for (guint i = 0; i < json_array_get_length (answered); i++)
    {
      JsonObject *change = json_array_get_object_element (answered, i);

      if (g_str_equal (json_object_get_string_member (change, "field"), "status"))
        {
          g_assert_cmpstr (json_object_get_string_member (change, "after"), ==, "answered");
          return;
        }
    }
  g_assert_not_reached ();
}

/* Every appeal's terms, with its date, district and question character,
 * are what the server's own indexing writes. */
static void
test_terms (void)
{
  g_autoptr(AppealsDb) db = open_db (first_location);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) appeals = NULL;

  g_assert_cmpint (count (db, "SELECT COUNT(DISTINCT appeal_id) AS n FROM appeal_terms"), ==, N_APPEALS);
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM appeal_terms_backlog"), ==, 0);
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM appeal_terms t JOIN appeals a ON a.id = t.appeal_id "
                              "WHERE t.registration_date <> a.registration_date OR t.district <> a.district "
                              "OR t.question_character <> a.question_character"), ==, 0);

  appeals = appeals_db_query (db, "SELECT id, annotation, text FROM appeals WHERE id % 997 = 1 ORDER BY id", NULL,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (appeals), >, 4);
  for (guint i = 0; i < appeals_db_result_get_n_rows (appeals); i++)
    {
      g_autoptr(GPtrArray) expected = appeals_content_extract (appeals_db_result_get_string (appeals, i, "annotation"),
                                                               appeals_db_result_get_string (appeals, i, "text"));
      g_autoptr(AppealsDbResult) terms = appeals_db_query (db, "SELECT term FROM appeal_terms WHERE appeal_id = ? "
                                                               "ORDER BY term",
                                                           g_variant_new ("(x)", appeals_db_result_get_int64 (appeals, i,
                                                                                                              "id")),
                                                           &error);

      g_assert_no_error (error);
      g_assert_cmpuint (expected->len, >, 0);
      g_assert_cmpuint (appeals_db_result_get_n_rows (terms), ==, expected->len);
      for (guint t = 0; t < appeals_db_result_get_n_rows (terms); t++)
        g_assert_true (g_ptr_array_find_with_equal_func (expected, appeals_db_result_get_string (terms, t, "term"),
                                                         g_str_equal, NULL));
    }
}

/* The text of every row @sql returns, a line each. */
static char *
rows_text (const char *location,
           const char *sql)
{
  g_autoptr(AppealsDb) db = open_db (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) rows = appeals_db_query (db, sql, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      for (guint c = 0; c < appeals_db_result_get_n_columns (rows); c++)
        g_string_append_printf (text, "%s|", appeals_db_result_get_string (rows, i,
                                                                          appeals_db_result_get_column_name (rows, c)));
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
index_definitions (const char *location)
{
  return rows_text (location, g_str_equal (backend, "postgresql")
                              ? "SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema () "
                                "ORDER BY indexname"
                              : "SELECT sql AS definition FROM sqlite_master WHERE type = 'index' ORDER BY name");
}

/* The generated database has every index a migrated one has, the same. */
static void
test_indexes (void)
{
  g_autoptr(AppealsDb) fresh = open_db (fresh_location);
  g_autoptr(GError) error = NULL;
  g_autofree char *migrations = g_build_filename (appeals_data_get_dir (), "sql",
                                                  appeals_db_get_dialect (fresh) == APPEALS_DB_DIALECT_POSTGRESQL
                                                  ? "postgresql" : "sqlite", NULL);
  g_autofree char *generated = NULL;
  g_autofree char *migrated = NULL;

  g_assert_true (appeals_db_migrate (fresh, migrations, &error));
  g_assert_no_error (error);
  g_clear_object (&fresh);
  generated = index_definitions (first_location);
  migrated = index_definitions (fresh_location);
  g_assert_nonnull (strstr (migrated, "appeals_registration"));
  g_assert_cmpstr (generated, ==, migrated);
}

/* The SQLite file is left as the server keeps it: in WAL mode (bytes 18
 * and 19 of the header are 2), not in the load's journal mode. Read
 * before anything opens the file, which would set WAL itself. */
static char first_header[100];

static void
test_sqlite_wal (void)
{
  if (g_str_equal (backend, "postgresql"))
    {
      g_test_skip ("a SQLite file's header");
      return;
    }
  g_assert_cmpstr (first_header, ==, "SQLite format 3");
  g_assert_cmpint (first_header[18], ==, 2);
  g_assert_cmpint (first_header[19], ==, 2);
}

static char *
fingerprint (const char *location)
{
  g_autofree char *text = rows_text (location, "SELECT a.registration_number, a.status, a.annotation, ap.iin "
                                               "FROM appeals a JOIN applicants ap ON ap.id = a.applicant_id "
                                               "ORDER BY a.id");

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static void
test_same_seed (void)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  generate (second_location, 300, 7);
  generate (third_location, 300, 7);
  first = fingerprint (first_location);
  second = fingerprint (second_location);
  third = fingerprint (third_location);
  g_assert_cmpstr (second, ==, third);
  g_assert_cmpstr (second, !=, first);
}

/* The ten years of appeals the searches and the reports below read,
 * generated once for them all. */
static void
ensure_search_database (void)
{
  static gboolean generated;

  if (!generated)
    generate (search_location, N_SEARCH_APPEALS, 5);
  generated = TRUE;
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

/* The ids of the page after (@key, @id) in the order of @column (the
 * first page for a %NULL @key) of the appeals @prefix matches, read as a
 * set and sorted: the plainest plan. */
static GArray *
plain_page (AppealsDb  *db,
            const char *prefix,
            const char *column,
            const char *key,
            gint64      id,
            gboolean    descending)
{
  gboolean postgresql = appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_POSTGRESQL;
  const char *direction = descending ? "DESC" : "ASC";
  g_autofree char *after = key != NULL ? g_strdup_printf ("AND (a.%s, a.id) %s (?, ?)", column,
                                                          descending ? "<" : ">")
                                       : g_strdup ("");
  g_autofree char *sql = g_strdup_printf ("SELECT a.id FROM appeals a WHERE %s %s "
                                          "ORDER BY a.%s %s, a.id %s LIMIT %d",
                                          postgresql ? "a.search_vector @@ to_tsquery ('simple', ? || ':*')"
                                                     : "a.id IN (SELECT rowid FROM appeals_search "
                                                       "WHERE appeals_search MATCH '\"' || ? || '\"*')",
                                          after, column, direction, direction, SEARCH_PAGE);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  rows = appeals_db_query (db, sql,
                           key != NULL ? g_variant_new ("(ssx)", prefix, key, id) : g_variant_new ("(s)", prefix),
                           &error);
  g_assert_no_error (error);
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      gint64 row_id = appeals_db_result_get_int64 (rows, i, "id");
      g_array_append_val (ids, row_id);
    }
  return ids;
}

/* The ids of the server's page of ?q=@prefix after (@key, @id) in the
 * order of @column (the first page for a %NULL @key). */
static GArray *
server_page (AppealsTestServer *server,
             SoupSession       *session,
             const char        *token,
             const char        *prefix,
             const char        *column,
             const char        *key,
             gint64             id,
             gboolean           descending)
{
  g_autofree char *json = g_strdup_printf ("[\"%s\",%" G_GINT64_FORMAT "]", key, id);
  g_autofree char *cursor = g_base64_encode ((const guchar *) json, strlen (json));
  g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals?q=%s&limit=%d&sort=%s%s%s%s", prefix, SEARCH_PAGE,
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
                  const char *prefix,
                  const char *date,
                  gint64      id,
                  gboolean    descending)
{
  /* an empty GArray's data is NULL, which memcmp() may not take */
  if (page->len != expected->len ||
      (page->len > 0 && memcmp (page->data, expected->data, page->len * sizeof (gint64)) != 0))
    g_error ("q=%s after (%s, %" G_GINT64_FORMAT ") %s: %u appeals, %u expected", prefix,
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
 * the few matches past the cursor (@marker in the @statements it logs)
 * rather than walking every older row because the decade is dense among
 * the ids the cursor names. */
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

  for (guint i = 0; i < G_N_ELEMENTS (far_ids); i++)
    {
      gsize before = file_size (statements);
      g_autoptr(GArray) expected = plain_page (db, prefix, "registration_date", date, far_ids[i], TRUE);
      g_autoptr(GArray) page = server_page (server, session, token, prefix, "registration_date", date, far_ids[i],
                                            TRUE);
      g_autofree char *logged = NULL;
      g_autoptr(GError) error = NULL;

      assert_same_page (page, expected, prefix, date, far_ids[i], TRUE);
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
  const char *args[] = { "--demo", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) journal = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *logged = NULL;
  g_autofree char *token = NULL;
  g_autofree char *prefix = NULL;
  AppealsTestServer *server;
  const char *marker = g_str_equal (backend, "postgresql") ? "MATERIALIZED (SELECT s.id"
                                                          : "INDEXED BY appeals_id_order ON";
  guint n_empty = 0, n_full = 0;
  gint64 n_matches;

  ensure_search_database ();
  db = open_db (search_location);
  prefix = busiest_decade (db, &n_matches);
  g_test_message ("%s: %" G_GINT64_FORMAT " registration numbers", prefix, n_matches);
  g_assert_cmpint (n_matches, >, 5000);

  journal = appeals_db_query (db, "SELECT registration_date, id FROM appeals ORDER BY registration_date DESC, id DESC",
                              NULL, &error);
  g_assert_no_error (error);

  /* a file of its own: the test runs on both backends at once */
  close (g_file_open_tmp ("appeals-generate-statements-XXXXXX.log", &statements, &error));
  g_assert_no_error (error);
  g_setenv ("APPEALS_SERVER_LOG_STATEMENTS", statements, TRUE);
  server = appeals_test_server_start_on (backend, search_location, args);
  g_unsetenv ("APPEALS_SERVER_LOG_STATEMENTS");
  token = appeals_test_sign_in (server, "controller", "demo");

  for (guint row = 0; row < appeals_db_result_get_n_rows (journal); row += N_SEARCH_APPEALS / 24)
    for (int descending = 0; descending <= 1; descending++)
      {
        const char *date = appeals_db_result_get_string (journal, row, "registration_date");
        gint64 id = appeals_db_result_get_int64 (journal, row, "id");
        g_autoptr(GArray) expected = plain_page (db, prefix, "registration_date", date, id, descending);
        g_autoptr(GArray) page = server_page (server, session, token, prefix, "registration_date", date, id,
                                              descending);

        assert_same_page (page, expected, prefix, date, id, descending);
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

/* The search of the decade in each of the journal's orders, both ways:
 * the first page and pages from cursors all over the order are what plain
 * SQL finds. Oldest first, a page starts where the decade has no
 * appeals: the server reads the matches as a set and sorts them (@marker
 * in its statements) rather than walk every row before the decade. */
static void
test_search_orders (void)
{
  const char *columns[] = { "registration_date", "due_date", "registration_number" };
  const char *args[] = { "--demo", NULL };
  const char *marker = g_str_equal (backend, "postgresql") ? "MATERIALIZED (SELECT a.id"
                                                          : "appeals a INDEXED BY appeals_id_order WHERE";
  g_autoptr(AppealsDb) db = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *token = NULL;
  g_autofree char *prefix = NULL;
  AppealsTestServer *server;
  gint64 n_matches;

  ensure_search_database ();
  db = open_db (search_location);
  prefix = busiest_decade (db, &n_matches);

  close (g_file_open_tmp ("appeals-generate-orders-XXXXXX.log", &statements, &error));
  g_assert_no_error (error);
  g_setenv ("APPEALS_SERVER_LOG_STATEMENTS", statements, TRUE);
  server = appeals_test_server_start_on (backend, search_location, args);
  g_unsetenv ("APPEALS_SERVER_LOG_STATEMENTS");
  token = appeals_test_sign_in (server, "controller", "demo");

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT %s AS key, id FROM appeals ORDER BY %s %s, id %s",
                                                columns[c], columns[c], descending ? "DESC" : "ASC",
                                                descending ? "DESC" : "ASC");
        g_autoptr(AppealsDbResult) order = appeals_db_query (db, sql, NULL, &error);
        gsize before = file_size (statements);
        g_autoptr(GArray) first = server_page (server, session, token, prefix, columns[c], NULL, 0, descending);
        g_autoptr(GArray) first_expected = plain_page (db, prefix, columns[c], NULL, 0, descending);
        g_autofree char *logged = NULL;

        g_assert_no_error (error);
        assert_same_page (first, first_expected, prefix, NULL, 0, descending);
        g_assert_true (g_file_get_contents (statements, &logged, NULL, &error));
        g_assert_no_error (error);
        if (!descending && strstr (logged + before, marker) == NULL)
          g_error ("q=%s by %s, oldest first: the matches were not read as a set", prefix, columns[c]);

        for (guint row = 0; row < appeals_db_result_get_n_rows (order); row += N_SEARCH_APPEALS / 12)
          {
            const char *key = appeals_db_result_get_string (order, row, "key");
            gint64 id = appeals_db_result_get_int64 (order, row, "id");
            g_autoptr(GArray) expected = plain_page (db, prefix, columns[c], key, id, descending);
            g_autoptr(GArray) page = server_page (server, session, token, prefix, columns[c], key, id, descending);

            assert_same_page (page, expected, prefix, key, id, descending);
          }
      }
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
      first_location = appeals_test_pg_cluster_create_database (cluster, 1);
      second_location = appeals_test_pg_cluster_create_database (cluster, 2);
      third_location = appeals_test_pg_cluster_create_database (cluster, 3);
      fresh_location = appeals_test_pg_cluster_create_database (cluster, 4);
      search_location = appeals_test_pg_cluster_create_database (cluster, 5);
    }
  else
    {
      dir = g_dir_make_tmp ("appeals-generate-XXXXXX", NULL);
      first_location = g_build_filename (dir, "first.db", NULL);
      second_location = g_build_filename (dir, "second.db", NULL);
      third_location = g_build_filename (dir, "third.db", NULL);
      fresh_location = g_build_filename (dir, "fresh.db", NULL);
      search_location = g_build_filename (dir, "search.db", NULL);
    }

  generate (first_location, N_APPEALS, 1);
  if (g_str_equal (backend, "sqlite"))
    {
      FILE *file = fopen (first_location, "rb");

      g_assert_nonnull (file);
      g_assert_cmpuint (fread (first_header, 1, sizeof first_header, file), ==, sizeof first_header);
      fclose (file);
    }

  g_test_add_func ("/generate/counts", test_counts);
  g_test_add_func ("/generate/iins", test_iins);
  g_test_add_func ("/generate/dates-and-shares", test_dates_and_shares);
  g_test_add_func ("/generate/audit-compact", test_audit_compact);
  g_test_add_func ("/generate/terms", test_terms);
  g_test_add_func ("/generate/indexes", test_indexes);
  g_test_add_func ("/generate/sqlite-wal", test_sqlite_wal);
  g_test_add_func ("/generate/same-seed", test_same_seed);
  g_test_add_func ("/generate/search-from-cursors", test_search_from_cursors);
  g_test_add_func ("/generate/search-orders", test_search_orders);
  g_test_add_func ("/generate/took-too-long", test_took_too_long);
  status = g_test_run ();

  if (cluster != NULL)
    appeals_test_pg_cluster_stop (cluster);
  if (dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    }
  g_free (first_location);
  g_free (second_location);
  g_free (third_location);
  g_free (fresh_location);
  g_free (search_location);
  return status;
}
