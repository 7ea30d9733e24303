/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-columns.c: a statement's columns matched to a record's
 * fields once (appeals_store_columns_new()), as a journal page reads its
 * rows: columns in the fields' order, out of it, unknown to the record,
 * and a name given twice, whose first column is the one read.
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

void
test_storage_add_columns (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("columns/%s", cases[i].name);

      add_test (path, GUINT_TO_POINTER (i), test_columns);
    }
}
