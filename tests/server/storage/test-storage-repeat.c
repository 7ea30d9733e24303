/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-repeat.c: on SQLite, appeals_repeat_count (applicant,
 * overdue, minimum) gives what GROUP BY applicant HAVING COUNT(*) >=
 * minimum sums, for nothing, one row, many applicants (its table grows
 * several times), ids far apart and a minimum nobody reaches; an id below
 * 1 is an error, not a wrong figure. appeals_applicants_count (applicant,
 * first, second, 1, 2, 5) gives what GROUP BY applicant counts of those
 * with at least so many rows of each kind, for the same cases.
 */
#include "config.h"

#include "test-storage.h"

typedef struct
{
  const char *name;
  guint       n_rows;
  guint       n_applicants;
  gint64      spread;        /* applicant ids are 1 + k × spread */
  guint       overdue_every; /* each n-th row is overdue */
  guint       minimum;
} RepeatCase;

static const RepeatCase repeat_cases[] = {
  { "nothing", 0, 1, 1, 2, 2 },
  { "one-below", 1, 1, 1, 1, 2 },
  { "one-at", 1, 1, 1, 1, 1 },
  { "many", 5000, 1500, 1, 3, 2 },
  { "far-apart", 3000, 1000, G_GINT64_CONSTANT (1) << 40, 4, 3 },
  { "nobody", 3000, 1000, 7, 2, 100 },
};

/* @row's rows in probe: number the applicant, flag whether overdue. */
static void
fill_probe (AppealsDb        *db,
            const RepeatCase *row)
{
  g_autoptr(GError) error = NULL;

  if (row->n_rows == 0)
    return;
  appeals_db_exec (db,
                   "WITH RECURSIVE s (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < ?) "
                   "INSERT INTO probe (id, number, flag) "
                   "SELECT i, 1 + ((i * i * 31 + i) % ?) * ?, (i % ?) = 0 FROM s",
                   g_variant_new ("(xxxx)", (gint64) row->n_rows, (gint64) row->n_applicants, row->spread,
                                  (gint64) row->overdue_every),
                   &error);
  g_assert_no_error (error);
}

static void
test_repeat_as_grouped (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const RepeatCase *row = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) tallied = NULL;
  g_autoptr(AppealsDbResult) grouped = NULL;

  fill_probe (fixture->db, row);
  tallied = appeals_db_query (fixture->db,
                              "SELECT CAST (json_extract (f, '$.n') AS BIGINT) AS n, "
                              "CAST (json_extract (f, '$.o') AS BIGINT) AS o "
                              "FROM (SELECT appeals_repeat_count (number, flag, ?) AS f FROM probe)",
                              g_variant_new ("(x)", (gint64) row->minimum), &error);
  g_assert_no_error (error);
  grouped = appeals_db_query (fixture->db,
                              "SELECT COALESCE (SUM (n), 0) AS n, COALESCE (SUM (o), 0) AS o FROM "
                              "(SELECT COUNT(*) AS n, SUM (flag) AS o FROM probe GROUP BY number HAVING COUNT(*) >= ?)",
                              g_variant_new ("(x)", (gint64) row->minimum), &error);
  g_assert_no_error (error);
  g_assert_cmpint (appeals_db_result_get_int64 (tallied, 0, "n"), ==, appeals_db_result_get_int64 (grouped, 0, "n"));
  g_assert_cmpint (appeals_db_result_get_int64 (tallied, 0, "o"), ==, appeals_db_result_get_int64 (grouped, 0, "o"));
  /* the cases are worth comparing: the many count someone */
  if (row->n_rows > 1000 && row->minimum < 10)
    g_assert_cmpint (appeals_db_result_get_int64 (tallied, 0, "n"), >, 0);
}

static void
test_applicants_as_grouped (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const RepeatCase *row = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) tallied = NULL;
  g_autoptr(AppealsDbResult) grouped = NULL;

  fill_probe (fixture->db, row);
  /* the first kind: the flagged rows; the second: every third */
  tallied = appeals_db_query (fixture->db,
                              "SELECT appeals_applicants_count (number, flag, id % 3 = 0, 1, 2, 5) AS f FROM probe",
                              NULL, &error);
  g_assert_no_error (error);
  grouped = appeals_db_query (fixture->db,
                              "SELECT json_array (json_array (COALESCE (SUM (n >= 1), 0), COALESCE (SUM (m >= 1), 0)), "
                              "json_array (COALESCE (SUM (n >= 2), 0), COALESCE (SUM (m >= 2), 0)), "
                              "json_array (COALESCE (SUM (n >= 5), 0), COALESCE (SUM (m >= 5), 0))) AS f "
                              "FROM (SELECT SUM (flag <> 0) AS n, SUM (id % 3 = 0) AS m FROM probe GROUP BY number)",
                              NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s against %s", appeals_db_result_get_string (tallied, 0, "f"),
                  appeals_db_result_get_string (grouped, 0, "f"));
  if (row->n_rows == 0)
    g_assert_cmpstr (appeals_db_result_get_string (tallied, 0, "f"), ==, "[]");
  else
    g_assert_cmpstr (appeals_db_result_get_string (tallied, 0, "f"), ==,
                     appeals_db_result_get_string (grouped, 0, "f"));
  /* the cases are worth comparing: some have two of both kinds */
  if (row->n_rows > 1000)
    g_assert_false (g_str_has_suffix (appeals_db_result_get_string (tallied, 0, "f"), ",[0,0],[0,0]]"));
}

/* An applicant id below 1 is refused by both; so are too few or too many
 * minimums. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const char * const refused[] = {
    "SELECT appeals_repeat_count (number, flag, 1) AS f FROM probe",
    "SELECT appeals_applicants_count (number, 1, 0, 1) AS f FROM probe",
    "SELECT appeals_applicants_count (id, 1, 0) AS f FROM probe",
    "SELECT appeals_applicants_count (id, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) AS f FROM probe",
  };
  g_autoptr(GError) error = NULL;

  appeals_db_exec (fixture->db, "INSERT INTO probe (id, number, flag) VALUES (1, 5, 0), (2, 0, 1)", NULL, &error);
  g_assert_no_error (error);
  assert_refused (fixture->db, refused, G_N_ELEMENTS (refused));
}

void
test_storage_add_repeat (void)
{
  if (!g_str_equal (test_storage_backend, "sqlite"))
    return;
  add_cases ("repeat/as-grouped", repeat_cases, sizeof (RepeatCase), G_N_ELEMENTS (repeat_cases),
             test_repeat_as_grouped);
  add_cases ("applicants/as-grouped", repeat_cases, sizeof (RepeatCase), G_N_ELEMENTS (repeat_cases),
             test_applicants_as_grouped);
  add_test ("repeat/refused", NULL, test_refused);
}
