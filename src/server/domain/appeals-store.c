/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-store.c: row mapping for model records.
 */
#include "config.h"

#include <string.h>

#include "appeals-store.h"

#define FIELD_CPTR(record, field) ((gconstpointer) ((const guint8 *) (record) + (field)->offset))

static GVariant *
field_value (const AppealsFieldSpec *field,
             gconstpointer           record)
{
  g_autofree char *text = NULL;

  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_INT:
      return g_variant_new_int64 (*(const gint64 *) FIELD_CPTR (record, field));
    case APPEALS_FIELD_KIND_BOOLEAN:
      return g_variant_new_int64 (*(const gboolean *) FIELD_CPTR (record, field) ? 1 : 0);
    case APPEALS_FIELD_KIND_STRING:
    case APPEALS_FIELD_KIND_DATE:
    case APPEALS_FIELD_KIND_DATETIME:
    case APPEALS_FIELD_KIND_ENUM:
      /* strings, dates, times and enums as the text of their JSON form */
      text = appeals_record_field_to_text (field, record);
      return g_variant_new_maybe (G_VARIANT_TYPE_STRING, text != NULL ? g_variant_new_string (text) : NULL);
    default:
      g_assert_not_reached ();
    }
}

/**
 * appeals_store_values:
 * @extra: (array length=n_extra): values appended after the columns, e.g.
 *   those of a WHERE clause
 *
 * Returns: (transfer floating): the parameter tuple for @columns.
 */
GVariant *
appeals_store_values (const AppealsRecordType *type,
                      gconstpointer            record,
                      const char * const      *columns,
                      GVariant * const        *extra,
                      guint                    n_extra)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  for (guint i = 0; columns[i] != NULL; i++)
    {
      const AppealsFieldSpec *field = appeals_record_type_find_field (type, columns[i]);

      g_assert (field != NULL);
      g_ptr_array_add (values, field_value (field, record));
    }
  for (guint i = 0; i < n_extra; i++)
    g_ptr_array_add (values, extra[i]);

  return g_variant_new_tuple ((GVariant **) values->pdata, values->len);
}

char *
appeals_store_insert_sql (const char         *table,
                          const char * const *columns)
{
  g_autofree char *names = g_strjoinv (", ", (GStrv) columns);
  g_autoptr(GString) marks = g_string_new (NULL);

  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append (marks, i == 0 ? "?" : ", ?");

  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table, names, marks->str);
}

static char *
update_sql (const char         *table,
            const char * const *columns,
            const char         *also,
            const char         *where)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "UPDATE %s SET ", table);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s = ?", i == 0 ? "" : ", ", columns[i]);
  if (also != NULL)
    g_string_append_printf (sql, ", %s", also);
  g_string_append_printf (sql, " WHERE %s", where);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The record field of each column of a result, resolved once per
 * statement; a column a later one of the same name overrides has none. */
struct _AppealsStoreColumns
{
  const AppealsRecordType  *type;
  guint                     n_columns;
  const AppealsFieldSpec  **fields;
};

AppealsStoreColumns *
appeals_store_columns_new (const AppealsRecordType *type,
                           AppealsDbResult         *result)
{
  AppealsStoreColumns *columns = g_new0 (AppealsStoreColumns, 1);
  g_autofree gboolean *taken = g_new0 (gboolean, type->n_fields);
  guint next = 0;   /* the field after the last one found */

  columns->type = type;
  columns->n_columns = appeals_db_result_get_n_columns (result);
  columns->fields = g_new0 (const AppealsFieldSpec *, columns->n_columns);
  for (guint column = 0; column < columns->n_columns; column++)
    {
      const char *name = appeals_db_result_get_column_name (result, column);
      const AppealsFieldSpec *field;

      /* a SELECT mostly names the fields in their order: the next one is
       * tried before all of them */
      if (next < type->n_fields && g_str_equal (type->fields[next].name, name))
        field = &type->fields[next];
      else
        field = appeals_record_type_find_field (type, name);
      if (field == NULL)
        continue;

      next = field - type->fields + 1;
      /* of a name given twice, the first column is read */
      if (!taken[next - 1])
        columns->fields[column] = field;
      taken[next - 1] = TRUE;
    }
  return columns;
}

void
appeals_store_columns_free (AppealsStoreColumns *columns)
{
  if (columns == NULL)
    return;
  g_free (columns->fields);
  g_free (columns);
}

/**
 * appeals_store_columns_read:
 *
 * Reads row @row of @result (the statement @columns was resolved for) into
 * @record, by column position.
 */
gboolean
appeals_store_columns_read (AppealsStoreColumns  *columns,
                            gpointer              record,
                            AppealsDbResult      *result,
                            guint                 row,
                            GError              **error)
{
  for (guint column = 0; column < columns->n_columns; column++)
    {
      const AppealsFieldSpec *field = columns->fields[column];

      if (field != NULL &&
          !appeals_record_field_read_text (field, record, appeals_db_result_get_cell (result, row, column), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * appeals_store_read_row:
 *
 * Reads the columns of @row that name fields of @type into @record.
 */
gboolean
appeals_store_read_row (const AppealsRecordType  *type,
                        gpointer                  record,
                        AppealsDbResult          *result,
                        guint                     row,
                        GError                  **error)
{
  g_autoptr(AppealsStoreColumns) columns = appeals_store_columns_new (type, result);

  return appeals_store_columns_read (columns, record, result, row, error);
}

gint64
appeals_store_last_id (AppealsDb   *db,
                       const char  *table,
                       const char  *unique_column,
                       const char  *unique_value,
                       GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?", table, unique_column);
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, sql, g_variant_new ("(s)", unique_value), error);

  if (result == NULL)
    return 0;
  if (appeals_db_result_get_n_rows (result) != 1)
    {
      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED, "%s row with %s = %s not found",
                   table, unique_column, unique_value);
      return 0;
    }

  return appeals_db_result_get_int64 (result, 0, "id");
}

/**
 * appeals_store_update_changes:
 * @columns: the stored columns of @type that an update may set
 *
 * Stores @edited over @current, the row @table holds under @current's id
 * and version: only the columns whose fields differ are set, so a change
 * of one field rewrites the indexes and fires the triggers that follow
 * that field alone. The version must still be @current's; when another
 * transaction changed the row in between (PostgreSQL's READ COMMITTED
 * lets that happen across server processes), the error is
 * APPEALS_DB_ERROR_BUSY: the transaction runs again, reads the new
 * version, and the edit meets its precondition — 412 with the current
 * card — instead of being lost.
 */
gboolean
appeals_store_update_changes (AppealsDb               *db,
                              const char              *table,
                              const AppealsRecordType *type,
                              const char * const      *columns,
                              gconstpointer            current,
                              gconstpointer            edited,
                              GError                 **error)
{
  return appeals_store_update_changes_also (db, table, type, columns, current, edited, NULL, NULL, error);
}

/**
 * appeals_store_update_changes_also:
 * @also: (nullable): one more assignment for the same UPDATE, with one
 *   "?" (e.g. "search_vector = to_tsvector ('simple', ?)")
 * @also_value: (nullable): the value of @also's "?"
 *
 * appeals_store_update_changes(), setting @also in the same statement:
 * a column the server derives from the edited record is written with
 * its fields, in one new version of the row.
 */
gboolean
appeals_store_update_changes_also (AppealsDb               *db,
                                   const char              *table,
                                   const AppealsRecordType *type,
                                   const char * const      *columns,
                                   gconstpointer            current,
                                   gconstpointer            edited,
                                   const char              *also,
                                   GVariant                *also_value,
                                   GError                 **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *sql = NULL;
  g_autoptr(AppealsDbResult) result = NULL;
  GVariant *extra[3];
  guint n_extra = 0;

  g_return_val_if_fail ((also == NULL) == (also_value == NULL), FALSE);

  for (guint i = 0; columns[i] != NULL; i++)
    {
      const AppealsFieldSpec *field = appeals_record_type_find_field (type, columns[i]);

      g_assert (field != NULL);
      if (!appeals_record_field_equal (field, current, edited))
        g_ptr_array_add (changed, (gpointer) columns[i]);
    }
  g_assert (changed->len > 0);   /* the version, at least */
  g_ptr_array_add (changed, NULL);

  if (also != NULL)
    extra[n_extra++] = also_value;
  extra[n_extra++] = field_value (appeals_record_type_find_field (type, "id"), current);
  extra[n_extra++] = field_value (appeals_record_type_find_field (type, "version"), current);
  sql = update_sql (table, (const char * const *) changed->pdata, also, "id = ? AND version = ? RETURNING id");
  result = appeals_db_query (db, sql,
                             appeals_store_values (type, edited, (const char * const *) changed->pdata, extra, n_extra),
                             error);
  if (result == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (result) == 0)
    {
      g_set_error_literal (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_BUSY,
                           "the row changed since it was read");
      return FALSE;
    }
  return TRUE;
}

/**
 * appeals_store_add_text_members:
 * @columns: %NULL-terminated column names
 *
 * Adds the text @columns of @row to the object being built, each under
 * its own name; a NULL column becomes null.
 */
void
appeals_store_add_text_members (JsonBuilder        *builder,
                                AppealsDbResult    *result,
                                guint               row,
                                const char * const *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, columns[i]);
      if (appeals_db_result_is_null (result, row, columns[i]))
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, appeals_db_result_get_string (result, row, columns[i]));
    }
}

/* Far below both backends' limit on parameters of one statement (SQLite
 * 32766, PostgreSQL 65535); a day's queue or review list holds tens. */
#define IDS_PER_STATEMENT 500

/**
 * appeals_store_query_ids:
 * @sql: a statement in which "@ids" stands for the list "(?, ?, …)"
 * @leading: (nullable): a tuple of the parameters before the list; a
 *   floating reference is consumed
 * @ids: the ids (gint64) to put in the list
 *
 * Runs @sql for all of @ids at once — one statement, or one per
 * IDS_PER_STATEMENT ids — instead of once per id, so that a list answer
 * costs a fixed number of statements however long it is. The rows of
 * every statement come back in one result, in the order they were run.
 *
 * Returns: (nullable): the rows, or %NULL with @error set
 */
AppealsDbResult *
appeals_store_query_ids (AppealsDb    *db,
                         const char   *sql,
                         GVariant     *leading,
                         GArray       *ids,
                         GError      **error)
{
  g_autoptr(GVariant) owned = leading != NULL ? g_variant_ref_sink (leading) : NULL;
  const char *mark = strstr (sql, "@ids");
  AppealsDbResult *all = NULL;

  g_return_val_if_fail (mark != NULL, NULL);

  if (ids->len == 0)
    return appeals_db_result_new (0, (const char * const[]) { NULL });

  for (guint start = 0; start < ids->len; start += IDS_PER_STATEMENT)
    {
      guint n = MIN (IDS_PER_STATEMENT, ids->len - start);
      g_autoptr(GString) statement = g_string_new_len (sql, mark - sql);
      g_autoptr(GPtrArray) values = g_ptr_array_new ();
      g_autoptr(AppealsDbResult) rows = NULL;

      for (gsize i = 0; owned != NULL && i < g_variant_n_children (owned); i++)
        g_ptr_array_add (values, g_variant_get_child_value (owned, i));
      g_string_append_c (statement, '(');
      for (guint i = 0; i < n; i++)
        {
          g_string_append (statement, i == 0 ? "?" : ", ?");
          g_ptr_array_add (values, g_variant_new_int64 (g_array_index (ids, gint64, start + i)));
        }
      g_string_append_c (statement, ')');
      g_string_append (statement, mark + strlen ("@ids"));

      rows = appeals_db_query (db, statement->str,
                               g_variant_new_tuple ((GVariant **) values->pdata, values->len), error);
      if (rows == NULL)
        {
          g_clear_pointer (&all, appeals_db_result_free);
          return NULL;
        }
      if (all == NULL)
        {
          all = g_steal_pointer (&rows);
          continue;
        }
      for (guint row = 0; row < appeals_db_result_get_n_rows (rows); row++)
        {
          guint n_columns = appeals_db_result_get_n_columns (rows);
          g_autofree const char **cells = g_new0 (const char *, n_columns);

          for (guint column = 0; column < n_columns; column++)
            cells[column] = appeals_db_result_get_string (rows, row,
                                                          appeals_db_result_get_column_name (rows, column));
          appeals_db_result_add_row (all, cells, NULL);
        }
    }

  return all;
}

/**
 * appeals_store_append_texts:
 * @values: the texts of rows, row after row
 * @texts: where the texts are kept
 *
 * Appends the text of each of @columns of @record, as a load takes it
 * (NULL for NULL), to @values.
 */
void
appeals_store_append_texts (GPtrArray               *values,
                            GStringChunk            *texts,
                            const AppealsRecordType *type,
                            gconstpointer            record,
                            const char * const      *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    {
      const AppealsFieldSpec *field = appeals_record_type_find_field (type, columns[i]);
      g_autofree char *text = NULL;

      g_assert (field != NULL);
      text = appeals_record_field_to_text (field, record);
      g_ptr_array_add (values, text != NULL ? g_string_chunk_insert (texts, text) : NULL);
    }
}

/**
 * appeals_store_load_rows:
 * @values: the text of each column of each row (NULL for NULL), row after
 *   row: as many rows as it has values per column
 */
gboolean
appeals_store_load_rows (AppealsDb           *db,
                         const char          *table,
                         const char * const  *columns,
                         GPtrArray           *values,
                         GError             **error)
{
  guint n = g_strv_length ((GStrv) columns);

  g_return_val_if_fail (values->len % n == 0, FALSE);

  if (!appeals_db_load_begin (db, table, columns, error))
    return FALSE;
  for (guint i = 0; i < values->len; i += n)
    if (!appeals_db_load_row (db, (const char * const *) values->pdata + i, error))
      return FALSE;
  return appeals_db_load_end (db, error);
}

