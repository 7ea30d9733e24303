/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-columns.c: a statement's columns matched to a record's
 * fields once (appeals_store_columns_new()), as a journal page reads its
 * rows: columns in the fields' order, out of it, unknown to the record,
 * and a name given twice, whose first column is the one read; and a
 * statement's numbers read and written as JSON (appeals-store-json.c),
 * values repeated and not, as a list of scores has them.
 */
#include "config.h"

#include "appeals-store.h"
#include "test-storage.h"

static const struct {
  const char *name;
  const char *select;
  gint64      id;
  const char *annotation;   /* NULL: unset */
  const char *district;
} cases[] = {
  { "in-order", "SELECT 7 AS id, 3 AS version, 'Жол' AS annotation, 'rudny-city' AS district", 7, "Жол", "rudny-city" },
  { "out-of-order", "SELECT 'rudny-city' AS district, 'Жол' AS annotation, 7 AS id", 7, "Жол", "rudny-city" },
  { "unknown-columns", "SELECT 1 AS n, 7 AS id, 'x' AS elsewhere, 'Жол' AS annotation", 7, "Жол", NULL },
  { "name-twice", "SELECT 7 AS id, 'Жол' AS annotation, 8 AS id, 'Көпір' AS annotation, 'arkalyk-city' AS district",
    7, "Жол", "arkalyk-city" },
  { "twice-out-of-order", "SELECT 'Жол' AS annotation, 7 AS id, 'Көпір' AS annotation, 8 AS id", 7, "Жол", NULL },
};

static void
test_columns (Fixture       *fixture,
              gconstpointer  user_data)
{
  guint i = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (fixture->db, cases[i].select, NULL, &error);
  g_autoptr(AppealsStoreColumns) columns = NULL;
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();

  g_assert_no_error (error);
  columns = appeals_store_columns_new (appeals_appeal_get_record_type (), result);
  g_assert_true (appeals_store_columns_read (columns, appeal, result, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (appeal->id, ==, cases[i].id);
  g_assert_cmpstr (appeal->annotation, ==, cases[i].annotation);
  g_assert_cmpstr (appeal->district, ==, cases[i].district);
}

/* 400 rows of three doubles: a, 37 values over and over (more than the
 * reader and the writer keep the texts of, so that their slots are
 * shared); b, each row its own; c, five values, one of them 0. */
#define NUMBERS_SQL \
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) " \
  "SELECT i, CAST (i % 37 AS DOUBLE PRECISION) / 7 AS a, CAST (i AS DOUBLE PRECISION) / 3 AS b, " \
  "CAST (-(i % 5) AS DOUBLE PRECISION) * 0.1 AS c FROM n ORDER BY i"

static void
test_numbers (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const AppealsStoreMember members[] = {
    { "a", APPEALS_STORE_NUMBER },
    { "b", APPEALS_STORE_NUMBER },
    { "c", APPEALS_STORE_NUMBER },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (fixture->db, NUMBERS_SQL, NULL, &error);
  g_autoptr(AppealsStoreRowWriter) writer = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (result), ==, 400);
  writer = appeals_store_row_writer_new (result, members, G_N_ELEMENTS (members));

  for (guint row = 0; row < 400; row++)
    {
      int i = (int) appeals_db_result_get_int64 (result, row, "i");
      double expected[] = { (double) (i % 37) / 7, (double) i / 3, (double) -(i % 5) * 0.1 };
      g_autoptr(GString) out = g_string_new ("{");
      g_autoptr(JsonNode) node = NULL;
      JsonObject *object;

      g_assert_cmpint (i, ==, row + 1);
      appeals_store_row_writer_append (writer, row, out);
      g_string_append_c (out, '}');
      node = json_from_string (out->str, &error);
      g_assert_no_error (error);
      object = json_node_get_object (node);

      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          char text[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *member = NULL;

          /* read back as the same double, written with its 17 digits */
          g_assert_cmpfloat (appeals_db_result_get_double (result, row, members[m].column), ==, expected[m]);
          g_assert_cmpfloat (json_object_get_double_member (object, members[m].column), ==, expected[m]);
          member = g_strdup_printf ("\"%s\":%s", members[m].column,
                                    g_ascii_dtostr (text, sizeof text, expected[m]));
          g_assert_nonnull (strstr (out->str, member));
        }
    }
}

void
test_storage_add_columns (void)
{
  add_test ("columns/numbers", NULL, test_numbers);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("columns/%s", cases[i].name);

      add_test (path, GUINT_TO_POINTER (i), test_columns);
    }
}
