/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db-result.c: the text-cell results both backends fill — the
 * column names once, the cells row by row, their text in one block.
 */
#include "config.h"

#include <string.h>

#include "appeals-db-private.h"

struct _AppealsDbResult
{
  guint       n_columns;
  GStrv       column_names;
  guint          n_rows;
  GPtrArray     *cells;  /* n_columns a row, row by row; NULL for SQL NULL */
  GStringChunk  *text;   /* the cells' text: one block for many cells */
};

AppealsDbResult *
appeals_db_result_new (guint               n_columns,
                       const char * const *column_names)
{
  AppealsDbResult *result = g_new0 (AppealsDbResult, 1);

  result->n_columns = n_columns;
  result->column_names = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    result->column_names[i] = g_strdup (column_names[i]);
  result->cells = g_ptr_array_new ();
  result->text = g_string_chunk_new (4096);

  return result;
}

void
appeals_db_result_add_row (AppealsDbResult    *result,
                           const char * const *cells,
                           const gsize        *lengths)
{
  guint first = result->cells->len;

  g_ptr_array_set_size (result->cells, first + result->n_columns);
  for (guint i = 0; i < result->n_columns; i++)
    if (cells[i] != NULL)
      result->cells->pdata[first + i] = g_string_chunk_insert_len (result->text, cells[i],
                                                                   lengths != NULL ? (gssize) lengths[i] : -1);
  result->n_rows++;
}

void
appeals_db_result_free (AppealsDbResult *result)
{
  if (result == NULL)
    return;

  g_ptr_array_unref (result->cells);
  g_string_chunk_free (result->text);
  g_strfreev (result->column_names);
  g_free (result);
}

guint
appeals_db_result_get_n_rows (AppealsDbResult *result)
{
  return result->n_rows;
}

guint
appeals_db_result_get_n_columns (AppealsDbResult *result)
{
  return result->n_columns;
}

const char *
appeals_db_result_get_column_name (AppealsDbResult *result,
                                   guint            column)
{
  g_return_val_if_fail (column < result->n_columns, NULL);

  return result->column_names[column];
}

int
appeals_db_result_find_column (AppealsDbResult *result,
                               const char      *name)
{
  /* the last column of a name wins: "a.*, x AS name" overrides */
  for (int i = result->n_columns - 1; i >= 0; i--)
    if (g_str_equal (result->column_names[i], name))
      return i;

  return -1;
}

static const char *
cell (AppealsDbResult *result,
      guint            row,
      const char      *column,
      gboolean        *found)
{
  int index = appeals_db_result_find_column (result, column);

  *found = index >= 0 && row < result->n_rows;
  if (!*found)
    {
      g_critical ("no cell %u/%s in the result", row, column);
      return NULL;
    }

  return g_ptr_array_index (result->cells, row * result->n_columns + index);
}

/* The text of a cell by position (NULL for SQL NULL): for readers that
 * resolved their columns once per statement. */
const char *
appeals_db_result_get_cell (AppealsDbResult *result,
                            guint            row,
                            guint            column)
{
  g_return_val_if_fail (row < result->n_rows && column < result->n_columns, NULL);

  return g_ptr_array_index (result->cells, row * result->n_columns + column);
}

gboolean
appeals_db_result_is_null (AppealsDbResult *result,
                           guint            row,
                           const char      *column)
{
  gboolean found;

  return cell (result, row, column, &found) == NULL;
}

const char *
appeals_db_result_get_string (AppealsDbResult *result,
                              guint            row,
                              const char      *column)
{
  gboolean found;

  return cell (result, row, column, &found);
}

gint64
appeals_db_result_get_int64 (AppealsDbResult *result,
                             guint            row,
                             const char      *column)
{
  gboolean found;
  const char *text = cell (result, row, column, &found);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

gboolean
appeals_db_result_get_boolean (AppealsDbResult *result,
                               guint            row,
                               const char      *column)
{
  gboolean found;
  const char *text = cell (result, row, column, &found);

  return text != NULL && (g_str_equal (text, "1") || g_str_equal (text, "t") || g_str_equal (text, "true"));
}

double
appeals_db_result_get_double (AppealsDbResult *result,
                              guint            row,
                              const char      *column)
{
  gboolean found;
  const char *text = cell (result, row, column, &found);

  return text != NULL ? g_ascii_strtod (text, NULL) : 0;
}
