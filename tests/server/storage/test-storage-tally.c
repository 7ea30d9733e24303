/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-tally.c: on SQLite, appeals_tally (2, n, m, key0, key1) gives
 * what GROUP BY key0 and GROUP BY key1 sum, and the totals, for nothing,
 * one row, many rows with NULL keys among them, and keys that JSON must
 * escape; past 10,000 keys in a dimension, 16 dimensions or 32 figures it
 * is an error, not a wrong figure.
 */
#include "config.h"

#include "test-storage.h"

typedef struct
{
  const char *name;
  guint       n_rows;
  guint       n_labels;     /* distinct labels; 0: none, every label NULL */
  guint       null_every;   /* each n-th row has no label (0: none) */
  const char *prefix;       /* of the labels */
} TallyCase;

static const TallyCase tally_cases[] = {
  { "nothing", 0, 1, 0, "k" },
  { "one", 1, 1, 0, "k" },
  { "many", 5000, 40, 7, "район-" },
  { "escaped", 300, 12, 0, "\"a\\b\tc\nё/" },
  { "all-null", 50, 0, 0, "k" },
};

/* The probe's rows: label (dimension 0) one of @row's, number (dimension
 * 1) one of seven; flag counts in n, every third id in m. */
static void
fill_probe (AppealsDb       *db,
            const TallyCase *row)
{
  g_autoptr(GError) error = NULL;

  if (row->n_rows == 0)
    return;
  appeals_db_exec (db,
                   "WITH RECURSIVE s (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < ?) "
                   "INSERT INTO probe (id, number, label, flag) "
                   "SELECT i, (i * 13) % 7, CASE WHEN ? = 0 OR (? > 0 AND i % ? = 0) THEN NULL "
                   "ELSE ? || ((i * i + 3 * i) % ?) END, (i % 5) < 2 FROM s",
                   g_variant_new ("(xxxxsx)", (gint64) row->n_rows, (gint64) row->n_labels,
                                  (gint64) row->null_every, (gint64) MAX (row->null_every, 1), row->prefix,
                                  (gint64) MAX (row->n_labels, 1)),
                   &error);
  g_assert_no_error (error);
}

/* "dimension/key" → "n/m" of @result's rows */
static GHashTable *
figures_of (AppealsDbResult *result)
{
  GHashTable *figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < appeals_db_result_get_n_rows (result); i++)
    {
      const char *key = appeals_db_result_get_string (result, i, "key");
      char *name = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", appeals_db_result_get_int64 (result, i, "dimension"),
                                    key != NULL ? key : "(all)");

      g_assert_false (g_hash_table_contains (figures, name));
      g_hash_table_insert (figures, name,
                           g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                            appeals_db_result_get_int64 (result, i, "n"),
                                            appeals_db_result_get_int64 (result, i, "m")));
    }
  return figures;
}

static void
test_tally_as_grouped (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const TallyCase *row = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) tallied = NULL;
  g_autoptr(AppealsDbResult) grouped = NULL;
  g_autoptr(GHashTable) tallied_figures = NULL;
  g_autoptr(GHashTable) grouped_figures = NULL;
  GHashTableIter iter;
  gpointer name, value;

  fill_probe (fixture->db, row);
  tallied = appeals_db_query (fixture->db,
                              "SELECT CAST (json_extract (j.value, '$[0]') AS INTEGER) AS dimension, "
                              "json_extract (j.value, '$[1]') AS key, "
                              "CAST (json_extract (j.value, '$[2]') AS INTEGER) AS n, "
                              "CAST (json_extract (j.value, '$[3]') AS INTEGER) AS m "
                              "FROM (SELECT appeals_tally (2, flag, id % 3 = 0, label, number) AS t FROM probe) r, "
                              "json_each (r.t) j",
                              NULL, &error);
  g_assert_no_error (error);
  grouped = appeals_db_query (fixture->db,
                              "SELECT -1 AS dimension, NULL AS key, COALESCE (SUM (flag), 0) AS n, "
                              "COALESCE (SUM (id % 3 = 0), 0) AS m FROM probe "
                              "UNION ALL SELECT 0, label, SUM (flag), SUM (id % 3 = 0) FROM probe "
                              "WHERE label IS NOT NULL GROUP BY label "
                              "UNION ALL SELECT 1, CAST (number AS TEXT), SUM (flag), SUM (id % 3 = 0) FROM probe "
                              "GROUP BY number",
                              NULL, &error);
  g_assert_no_error (error);

  tallied_figures = figures_of (tallied);
  grouped_figures = figures_of (grouped);
  g_assert_cmpuint (g_hash_table_size (tallied_figures), ==, g_hash_table_size (grouped_figures));
  g_hash_table_iter_init (&iter, grouped_figures);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_test_message ("%s", (const char *) name);
      g_assert_cmpstr (g_hash_table_lookup (tallied_figures, name), ==, value);
    }
  /* the cases are worth comparing: beside the total and the seven
   * numbers, several labels are counted */
  if (row->n_labels > 1)
    g_assert_cmpuint (g_hash_table_size (tallied_figures), >, 1 + 7 + 2);
}

static void
test_tally_too_many_keys (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const char * const refused[] = { "SELECT appeals_tally (1, 1, label) AS t FROM probe" };
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = NULL;

  appeals_db_exec (fixture->db,
                   "WITH RECURSIVE s (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < 10001) "
                   "INSERT INTO probe (id, label) SELECT i, 'k' || i FROM s",
                   NULL, &error);
  g_assert_no_error (error);
  assert_refused (fixture->db, refused, G_N_ELEMENTS (refused));

  /* 10,000 of them are counted */
  result = appeals_db_query (fixture->db, "SELECT json_array_length (appeals_tally (1, 1, label)) AS n FROM probe "
                                          "WHERE id < 10000", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (appeals_db_result_get_int64 (result, 0, "n"), ==, 10001);
}

/* "SELECT appeals_tally (n, 1, 0, 1, …, <keys>) AS t FROM probe": @n
 * figures, every other one counting, then @keys. */
static char *
tally_of (guint       n,
          const char *keys)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_printf (sql, "SELECT appeals_tally (%u", n);
  for (guint f = 0; f < n; f++)
    g_string_append (sql, f % 2 == 0 ? ", 1" : ", 0");
  g_string_append_printf (sql, ", %s) AS t FROM probe", keys);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
test_tally_arguments (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *too_many_figures = tally_of (33, "label");
  g_autofree char *most_sql = tally_of (32, "label, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16");
  const char * const refused[] = {
    "SELECT appeals_tally () AS t FROM probe",
    "SELECT appeals_tally (1) AS t FROM probe",
    "SELECT appeals_tally (0, label) AS t FROM probe",
    too_many_figures,
    "SELECT appeals_tally (1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17) AS t FROM probe",
    /* a key's figures are as many as the first row's */
    "SELECT appeals_tally (CASE WHEN id = 1 THEN 1 ELSE 2 END, 1, 1, label) AS t FROM probe",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) most = NULL;
  g_autoptr(GString) all = g_string_new ("[[-1,null");

  appeals_db_exec (fixture->db, "INSERT INTO probe (id, label) VALUES (1, 'a'), (2, 'a')", NULL, NULL);
  /* 32 figures and sixteen keys are taken */
  most = appeals_db_query (fixture->db, most_sql, NULL, &error);
  g_assert_no_error (error);
  for (guint f = 0; f < 32; f++)
    g_string_append (all, f % 2 == 0 ? ",2" : ",0");
  g_string_append (all, "],");
  g_assert_true (g_str_has_prefix (appeals_db_result_get_string (most, 0, "t"), all->str));
  assert_refused (fixture->db, refused, G_N_ELEMENTS (refused));
}

void
test_storage_add_tally (void)
{
  if (!g_str_equal (test_storage_backend, "sqlite"))
    return;
  add_cases ("tally/as-grouped", tally_cases, sizeof (TallyCase), G_N_ELEMENTS (tally_cases), test_tally_as_grouped);
  add_test ("tally/too-many-keys", NULL, test_tally_too_many_keys);
  add_test ("tally/arguments", NULL, test_tally_arguments);
}
