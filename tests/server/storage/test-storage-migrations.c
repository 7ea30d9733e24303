/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-migrations.c: what a migration does to the rows already
 * there. A fresh database gets the migrations before 0007, rows the way
 * the old code wrote them, and then the rest: the reception protocol's
 * orders become orders of the register (ids, terms and status kept), and
 * the leadership's reviews become the first entries of their list. A
 * second one gets the migrations before 0029 and the terms of an appeal,
 * which then move into their table by date and follow the appeal; on
 * SQLite its words in the text index fill the table of the index's words
 * (0036). A third gets the migrations before 0042 and appeals of two
 * applicants, registered out of order: each then holds the day of its
 * applicant's appeal before it.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <gio/gio.h>

#include "test-storage.h"

static char *fresh_location;
static char *fresh_terms_location;
static char *fresh_previous_location;

/* A folder of links to the migrations whose names sort before @before. */
static char *
migrations_before (const char *all,
                   const char *before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (all, 0, &error);
  char *partial = g_dir_make_tmp ("appeals-migrations-XXXXXX", &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".sql") && strcmp (name, before) < 0)
      {
        g_autofree char *target = g_build_filename (all, name, NULL);
        g_autofree char *link = g_build_filename (partial, name, NULL);

        g_assert_cmpint (symlink (target, link), ==, 0);
      }
  return partial;
}

/* Removes the folder made by migrations_before(). */
static void
remove_links (const char *partial)
{
  g_autoptr(GFile) dir = g_file_new_for_path (partial);
  g_autoptr(GFileEnumerator) links = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while ((info = g_file_enumerator_next_file (links, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) link = g_file_get_child (dir, g_file_info_get_name (info));

      g_file_delete (link, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (dir, NULL, NULL);
}

/* The backend's folder of migrations, all of them. */
static char *
all_migrations (void)
{
  return g_build_filename (g_getenv ("APPEALS_DATA_DIR"), "sql", test_storage_backend, NULL);
}

/* @db taken through the migrations left. */
static void
migrate_rest (AppealsDb *db)
{
  g_autofree char *all = all_migrations ();
  g_autoptr(GError) error = NULL;

  g_assert_true (appeals_db_migrate (db, all, &error));
  g_assert_no_error (error);
}

/* @location migrated up to the migrations before @before; *@partial is
 * their folder, for remove_links() */
static AppealsDb *
open_before (const char  *location,
             const char  *before,
             char       **partial)
{
  g_autofree char *all = all_migrations ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDb) db = appeals_db_open (location, &error);

  g_assert_no_error (error);
  *partial = migrations_before (all, before);
  g_assert_true (appeals_db_migrate (db, *partial, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static void
exec_ok (AppealsDb  *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  appeals_db_exec_script (db, sql, &error);
  g_assert_no_error (error);
}

/* The applicant both migrations' rows belong to. */
#define APPLICANT_1 "INSERT INTO applicants (id, iin, surname, given_name, address, created_at, updated_at) " \
                    "VALUES (1, '061211600012', 'Сейтқали', 'Әлия', 'Қостанай', '2026-01-05T09:00:00Z', " \
                    "'2026-01-05T09:00:00Z');"

static void
test_protocol_orders_move (void)
{
  g_autofree char *partial = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDb) db = open_before (fresh_location, "0007", &partial);
  g_autoptr(AppealsDbResult) orders = NULL;
  g_autoptr(AppealsDbResult) reviews = NULL;
  g_autoptr(AppealsDbResult) added = NULL;

  /* as 0004's code wrote them */
  exec_ok (db,
           "INSERT INTO officials (id, full_name_kk, full_name_ru, position_kk, position_ru) "
           "VALUES (1, 'Әкім', 'Аким', 'Әкім', 'Аким');"
           APPLICANT_1
           "INSERT INTO receptions (id, official_id, date, start_time, applicant_id, question, booked_at, status, "
           "registered_on, created_by) VALUES (7, 1, '2026-01-14', '10:00', 1, 'Жер', '2026-01-05T09:00:00Z', "
           "'held', '2026-01-05', 'registrar');"
           "INSERT INTO protocol_orders (id, reception_id, text, executor_body, deadline, status, executed_at, "
           "created_by, created_at) VALUES "
           "(3, 7, 'Жерді тексеру', 'land', '2026-01-28', 'open', NULL, 'controller', '2026-01-14T11:00:00Z'),"
           "(5, 7, 'Жауап беру', 'education', '2026-01-21', 'executed', '2026-01-20T15:00:00Z', 'controller', "
           "'2026-01-14T11:05:00Z');"
           "INSERT INTO reception_reviews (reception_id, reviewed_by, reviewed_at, instructions) "
           "VALUES (7, 'leadership', '2026-01-12T08:00:00Z', 'Шақыру');");

  migrate_rest (db);

  orders = appeals_db_query (db, "SELECT * FROM orders ORDER BY id", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (orders), ==, 2);
  g_assert_cmpint (appeals_db_result_get_int64 (orders, 0, "id"), ==, 3);
  g_assert_cmpstr (appeals_db_result_get_string (orders, 0, "source"), ==, "reception-protocol");
  g_assert_cmpint (appeals_db_result_get_int64 (orders, 0, "reception_id"), ==, 7);
  g_assert_true (appeals_db_result_is_null (orders, 0, "appeal_id"));
  g_assert_cmpstr (appeals_db_result_get_string (orders, 0, "text"), ==, "Жерді тексеру");
  g_assert_cmpstr (appeals_db_result_get_string (orders, 0, "executor_body"), ==, "land");
  g_assert_cmpstr (appeals_db_result_get_string (orders, 0, "given_on"), ==, "2026-01-14");
  g_assert_cmpstr (appeals_db_result_get_string (orders, 0, "due_date"), ==, "2026-01-28");
  g_assert_true (appeals_db_result_is_null (orders, 0, "working_days"));
  g_assert_cmpstr (appeals_db_result_get_string (orders, 0, "status"), ==, "on_control");
  g_assert_cmpstr (appeals_db_result_get_string (orders, 1, "status"), ==, "executed");
  g_assert_cmpstr (appeals_db_result_get_string (orders, 1, "executed_at"), ==, "2026-01-20T15:00:00Z");
  g_assert_cmpstr (appeals_db_result_get_string (orders, 1, "updated_at"), ==, "2026-01-20T15:00:00Z");

  reviews = appeals_db_query (db, "SELECT * FROM reception_review_entries", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (reviews), ==, 1);
  g_assert_cmpstr (appeals_db_result_get_string (reviews, 0, "instructions"), ==, "Шақыру");

  /* a new order takes an id after the moved ones */
  added = appeals_db_query (db,
                            "INSERT INTO orders (source, text, reception_id, executor_body, given_on, working_days, "
                            "due_date, status, created_by, created_at, updated_at) VALUES ('akim', 'x', 7, 'land', "
                            "'2026-02-02', 5, '2026-02-09', 'on_control', 'c', 'now', 'now') RETURNING id",
                            NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (appeals_db_result_get_int64 (added, 0, "id"), >, 5);

  /* the old tables are gone */
  g_assert_null (appeals_db_query (db, "SELECT * FROM protocol_orders", NULL, NULL));
  g_assert_null (appeals_db_query (db, "SELECT * FROM reception_reviews", NULL, NULL));

  remove_links (partial);
}

static AppealsDbResult *
query_ok (AppealsDb  *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  AppealsDbResult *result = appeals_db_query (db, sql, NULL, &error);

  g_assert_no_error (error);
  return result;
}

#define TERMS_OF_7 "SELECT registration_date, term, district, question_character FROM appeal_terms " \
                   "WHERE appeal_id = 7 ORDER BY term"

/* Terms written by 0023's code keep their values in 0029's table, follow
 * their appeal's date and district, and an appeal has a term once. */
static void
test_terms_move (void)
{
  g_autofree char *partial = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDb) db = open_before (fresh_terms_location, "0029", &partial);
  g_autoptr(AppealsDbResult) kept = NULL;
  g_autoptr(AppealsDbResult) moved = NULL;
  g_autoptr(AppealsDbResult) others = NULL;

  exec_ok (db,
           APPLICANT_1
           "INSERT INTO appeals (id, registration_number, registration_date, applicant_id, channel, form, kind, "
           "addressee_body, question_character, category, language, district, annotation, due_date, status, "
           "registrar, created_at, updated_at) VALUES "
           "(7, '2026-000007', '2026-01-05', 1, 'kazpost', 'paper', 'statement', 'housing-utilities', 'housing', "
           "'typical', 'kk', 'nauryzum', 'Жылу жоқ', '2026-01-19', 'registered', 'registrar', "
           "'2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z'),"
           "(8, '2026-000008', '2026-01-05', 1, 'kazpost', 'paper', 'statement', 'housing-utilities', 'housing', "
           "'typical', 'kk', 'nauryzum', 'Жылу', '2026-01-19', 'registered', 'registrar', "
           "'2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z');"
           "INSERT INTO appeal_terms (appeal_id, term, registration_date, district, question_character) VALUES "
           "(7, 'жылу', '2026-01-05', 'nauryzum', 'housing'), (7, 'жоқ', '2026-01-05', 'nauryzum', 'housing'), "
           "(7, 'жылу жоқ', '2026-01-05', 'nauryzum', 'housing'), (8, 'жылу', '2026-01-05', 'nauryzum', 'housing');");

  /* on SQLite, its words in the text index, indexed before the table of
   * the index's words (0036) */
  if (g_str_equal (test_storage_backend, "sqlite"))
    exec_ok (db, "INSERT INTO appeals_search (rowid, body) VALUES (7, '2026-000007 жылу жоқ шлагбаумы')");

  migrate_rest (db);

  if (g_str_equal (test_storage_backend, "sqlite"))
    {
      g_autoptr(AppealsDbResult) words = query_ok (db, "SELECT term FROM appeals_search_words ORDER BY term");

      g_assert_cmpuint (appeals_db_result_get_n_rows (words), ==, 5);
      g_assert_cmpstr (appeals_db_result_get_string (words, 0, "term"), ==, "000007");
      g_assert_cmpstr (appeals_db_result_get_string (words, 4, "term"), ==, "шлагбаумы");
    }

  kept = query_ok (db, TERMS_OF_7);
  g_assert_cmpuint (appeals_db_result_get_n_rows (kept), ==, 3);
  g_assert_cmpstr (appeals_db_result_get_string (kept, 0, "term"), ==, "жоқ");
  g_assert_cmpstr (appeals_db_result_get_string (kept, 1, "term"), ==, "жылу");
  g_assert_cmpstr (appeals_db_result_get_string (kept, 2, "term"), ==, "жылу жоқ");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (appeals_db_result_get_string (kept, i, "registration_date"), ==, "2026-01-05");
      g_assert_cmpstr (appeals_db_result_get_string (kept, i, "district"), ==, "nauryzum");
      g_assert_cmpstr (appeals_db_result_get_string (kept, i, "question_character"), ==, "housing");
    }

  /* the trigger finds them by the date they had */
  exec_ok (db, "UPDATE appeals SET registration_date = '2025-12-30', district = 'rudny-city' WHERE id = 7");
  moved = query_ok (db, TERMS_OF_7);
  g_assert_cmpuint (appeals_db_result_get_n_rows (moved), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (appeals_db_result_get_string (moved, i, "registration_date"), ==, "2025-12-30");
      g_assert_cmpstr (appeals_db_result_get_string (moved, i, "district"), ==, "rudny-city");
    }
  others = query_ok (db, "SELECT registration_date, district FROM appeal_terms WHERE appeal_id = 8");
  g_assert_cmpuint (appeals_db_result_get_n_rows (others), ==, 1);
  g_assert_cmpstr (appeals_db_result_get_string (others, 0, "registration_date"), ==, "2026-01-05");
  g_assert_cmpstr (appeals_db_result_get_string (others, 0, "district"), ==, "nauryzum");

  /* a term once an appeal */
  g_assert_false (appeals_db_exec_script (db, "INSERT INTO appeal_terms (appeal_id, term, registration_date, district, "
                                              "question_character) VALUES (7, 'жылу', '2025-12-30', 'rudny-city', "
                                              "'housing')", NULL));
  remove_links (partial);
}

/* Appeals registered before 0042, out of the order of their ids, get the
 * day of their applicant's appeal before them in the order of day and id
 * (the trigger's work is test-storage-previous.c's). */
static void
test_previous_filled (void)
{
  static const struct { gint64 id; const char *previous; } expected[] = {
    { 1, "2026-01-05" }, { 2, NULL }, { 3, "2026-01-05" }, { 4, "2026-01-07" }, { 5, NULL },
  };
  g_autofree char *partial = NULL;
  g_autoptr(AppealsDb) db = open_before (fresh_previous_location, "0042", &partial);
  g_autoptr(AppealsDbResult) filled = NULL;

  /* applicant 1: 2 (01-05), 3 (01-05), 1 (01-07), 4 (01-07); applicant 2: 5 */
  exec_ok (db,
           APPLICANT_1
           "INSERT INTO applicants (id, iin, surname, given_name, address, created_at, updated_at) "
           "VALUES (2, '061211600023', 'Иванов', 'Пётр', 'Рудный', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z');"
           "WITH v (id, day, applicant) AS (VALUES (1, '2026-01-07', 1), (2, '2026-01-05', 1), "
           "(3, '2026-01-05', 1), (4, '2026-01-07', 1), (5, '2026-01-06', 2)) "
           "INSERT INTO appeals (id, registration_number, registration_date, applicant_id, channel, form, kind, "
           "addressee_body, question_character, category, language, district, annotation, due_date, status, "
           "registrar, created_at, updated_at) "
           "SELECT v.id, '2026-00000' || v.id, v.day, v.applicant, 'kazpost', 'paper', 'statement', "
           "'housing-utilities', 'housing', 'typical', 'kk', 'nauryzum', 'Жылу жоқ', '2026-01-19', 'registered', "
           "'registrar', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z' FROM v");
  migrate_rest (db);

  filled = query_ok (db, "SELECT id, applicant_previous_date FROM appeals ORDER BY id");
  g_assert_cmpuint (appeals_db_result_get_n_rows (filled), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (appeals_db_result_get_int64 (filled, i, "id"), ==, expected[i].id);
      g_assert_cmpstr (appeals_db_result_get_string (filled, i, "applicant_previous_date"), ==, expected[i].previous);
    }
  remove_links (partial);
}

/**
 * test_storage_add_migrations:
 * @location: a database that no test has touched
 * @terms_location: another
 * @previous_location: a third
 */
void
test_storage_add_migrations (const char *location,
                             const char *terms_location,
                             const char *previous_location)
{
  g_autofree char *path = g_strdup_printf ("/storage/%s/migrations/protocol-orders-move", test_storage_backend);
  g_autofree char *terms_path = g_strdup_printf ("/storage/%s/migrations/terms-by-period", test_storage_backend);
  g_autofree char *previous_path = g_strdup_printf ("/storage/%s/migrations/previous-filled", test_storage_backend);

  fresh_location = g_strdup (location);
  fresh_terms_location = g_strdup (terms_location);
  fresh_previous_location = g_strdup (previous_location);
  g_test_add_func (path, test_protocol_orders_move);
  g_test_add_func (terms_path, test_terms_move);
  g_test_add_func (previous_path, test_previous_filled);
}
