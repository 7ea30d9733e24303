/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-generate.c: `appeals-server … generate` on a small size, on SQLite
 * or PostgreSQL (--backend=): the counts, unique valid IINs, repeat
 * applicants, ten years of dates, a department's shares, the search
 * index filled, compact audit entries, the terms of every appeal as the
 * server writes them, the indexes a migrated database has (PostgreSQL's
 * are made again after the load), a SQLite file left in WAL mode with
 * the table of the search index's words, the same data from the same
 * seed. The journal's plans over such a region:
 * test-journal-plans.c.
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

static const char *backend;
static char *first_location;
static char *fresh_location;
static char *second_location;
static char *third_location;

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

/* On SQLite the table of the index's words, which the search spells
 * prefixes from, holds every word of the index's vocabulary, and no
 * other. */
static void
test_sqlite_words (void)
{
  g_autoptr(AppealsDb) db = NULL;

  if (g_str_equal (backend, "postgresql"))
    {
      g_test_skip ("SQLite's table of words");
      return;
    }
  db = open_db (first_location);
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM appeals_search_words"), >, 1000);
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM (SELECT term FROM appeals_search_terms "
                              "EXCEPT SELECT term FROM appeals_search_words)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT COUNT(*) AS n FROM (SELECT term FROM appeals_search_words "
                              "EXCEPT SELECT term FROM appeals_search_terms)"), ==, 0);
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

  appeals_test_generate (second_location, 300, 7);
  appeals_test_generate (third_location, 300, 7);
  first = fingerprint (first_location);
  second = fingerprint (second_location);
  third = fingerprint (third_location);
  g_assert_cmpstr (second, ==, third);
  g_assert_cmpstr (second, !=, first);
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
    }
  else
    {
      dir = g_dir_make_tmp ("appeals-generate-XXXXXX", NULL);
      first_location = g_build_filename (dir, "first.db", NULL);
      second_location = g_build_filename (dir, "second.db", NULL);
      third_location = g_build_filename (dir, "third.db", NULL);
      fresh_location = g_build_filename (dir, "fresh.db", NULL);
    }

  appeals_test_generate (first_location, N_APPEALS, 1);
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
  g_test_add_func ("/generate/sqlite-words", test_sqlite_words);
  g_test_add_func ("/generate/same-seed", test_same_seed);
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
  return status;
}
