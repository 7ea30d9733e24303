/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receipt-import.c: reading a file exported from an electronic
 * channel into import rows, and what can be judged of each row without
 * the journal: the required fields, the IIN's check digit, a known
 * channel, a real date, and a number that repeats within the file.
 *
 * JSON: an array of objects with the members external_number, date,
 * channel, iin, applicant_name, address, text, attachments (an array of
 * file names) and language (optional). CSV (RFC 4180, UTF-8, a header
 * line naming the same columns in any order): attachments separated by
 * ";" within their field.
 *
 * A file that is not such a document at all (malformed JSON, an unclosed
 * quote, a line with the wrong number of fields, a missing column) is
 * refused as a whole with APPEALS_ERROR_PARSE; a row that is merely wrong
 * stays a row, with its errors.
 */
#include "config.h"

#include <string.h>

#include "appeals-core-enums.h"
#include "appeals-error.h"
#include "appeals-iin.h"
#include "appeals-json.h"
#include "appeals-receipt.h"
#include "appeals-receipt-import.h"

static const char * const column_names[] = {
  "external_number", "date", "channel", "iin", "applicant_name", "address", "text", "attachments", "language", NULL
};

/* the columns a CSV header must name; "language" may be left out */
#define N_REQUIRED_COLUMNS 8

static const char * const status_names[] = { "new", "invalid", "already_imported", "imported" };

AppealsImportRow *
appeals_import_row_new (void)
{
  AppealsImportRow *row = g_new0 (AppealsImportRow, 1);

  row->errors = appeals_field_errors_new ();
  return row;
}

void
appeals_import_row_free (AppealsImportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->external_number);
  g_free (row->date);
  g_free (row->channel);
  g_free (row->iin);
  g_free (row->applicant_name);
  g_free (row->address);
  g_free (row->text);
  g_strfreev (row->attachments);
  g_free (row->language);
  g_ptr_array_unref (row->errors);
  g_free (row->talon_number);
  g_free (row);
}

/* The string members of a row, by column name. */
static char **
row_member (AppealsImportRow *row,
            const char       *name)
{
  char **members[] = { &row->external_number, &row->date, &row->channel, &row->iin, &row->applicant_name,
                       &row->address, &row->text, NULL, &row->language };

  for (guint i = 0; column_names[i] != NULL; i++)
    if (g_str_equal (column_names[i], name))
      return members[i];
  return NULL;
}

/**
 * appeals_import_channel_from_name:
 *
 * Returns: the AppealsReceiptChannel an electronic channel's name means,
 *   or APPEALS_RECEIPT_CHANNEL_UNSET when it is not one of them
 */
int
appeals_import_channel_from_name (const char *name)
{
  GEnumClass *klass = g_type_class_ref (appeals_receipt_channel_get_type ());
  GEnumValue *value = name != NULL ? g_enum_get_value_by_nick (klass, name) : NULL;
  int channel = value != NULL ? value->value : APPEALS_RECEIPT_CHANNEL_UNSET;

  g_type_class_unref (klass);
  if (channel == APPEALS_RECEIPT_CHANNEL_EGOV || channel == APPEALS_RECEIPT_CHANNEL_EOTINISH ||
      channel == APPEALS_RECEIPT_CHANNEL_VIRTUAL_RECEPTION)
    return channel;
  return APPEALS_RECEIPT_CHANNEL_UNSET;
}

JsonNode *
appeals_import_row_to_json (const AppealsImportRow *row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "row");
  json_builder_add_int_value (builder, row->row);
  for (guint i = 0; column_names[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, column_names[i]);
      if (g_str_equal (column_names[i], "attachments"))
        {
          json_builder_begin_array (builder);
          for (guint j = 0; row->attachments != NULL && row->attachments[j] != NULL; j++)
            json_builder_add_string_value (builder, row->attachments[j]);
          json_builder_end_array (builder);
        }
      else
        {
          const char *value = *row_member ((AppealsImportRow *) row, column_names[i]);

          if (value != NULL)
            json_builder_add_string_value (builder, value);
          else
            json_builder_add_null_value (builder);
        }
    }
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status_names[row->status]);
  json_builder_set_member_name (builder, "talon_number");
  if (row->talon_number != NULL)
    json_builder_add_string_value (builder, row->talon_number);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < row->errors->len; i++)
    {
      const AppealsFieldError *error = g_ptr_array_index (row->errors, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, error->field);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, error->code);
      if (error->detail != NULL)
        {
          json_builder_set_member_name (builder, "detail");
          json_builder_add_string_value (builder, error->detail);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Reads the string members of @object into @row; an unknown member, or
 * one of the wrong type, is the row's error (@trusted: the server's own
 * answer, whose extra members are its own business). */
static void
read_object_members (AppealsImportRow *row,
                     JsonObject       *object,
                     gboolean          trusted)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *member = json_object_get_member (object, name);
      char **target = row_member (row, name);

      if (g_str_equal (name, "attachments"))
        {
          JsonArray *array = JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;
          g_autoptr(GStrvBuilder) files = g_strv_builder_new ();

          for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
            {
              JsonNode *file = json_array_get_element (array, i);

              if (!JSON_NODE_HOLDS_VALUE (file) || json_node_get_value_type (file) != G_TYPE_STRING)
                array = NULL;
              else
                g_strv_builder_add (files, json_node_get_string (file));
            }
          if (array == NULL && !JSON_NODE_HOLDS_NULL (member))
            appeals_field_errors_add (row->errors, name, APPEALS_FIELD_WRONG_TYPE, NULL);
          g_strfreev (row->attachments);
          row->attachments = g_strv_builder_end (files);
        }
      else if (target == NULL)
        {
          if (!trusted)
            appeals_field_errors_add (row->errors, name, APPEALS_FIELD_UNKNOWN, NULL);
        }
      else if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        {
          g_free (*target);
          *target = g_strdup (json_node_get_string (member));
        }
      else if (!JSON_NODE_HOLDS_NULL (member))
        appeals_field_errors_add (row->errors, name, APPEALS_FIELD_WRONG_TYPE, NULL);
    }
}

/**
 * appeals_import_row_new_from_json:
 *
 * Reads a row as the server answers it.
 */
AppealsImportRow *
appeals_import_row_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  g_autoptr(AppealsImportRow) row = appeals_import_row_new ();
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *status;
  JsonArray *errors;

  if (object == NULL || !json_object_has_member (object, "errors"))
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "an import row must be an object");
      return NULL;
    }
  read_object_members (row, object, TRUE);
  g_clear_pointer (&row->talon_number, g_free);
  row->talon_number = g_strdup (json_object_get_string_member_with_default (object, "talon_number", NULL));
  row->row = json_object_get_int_member_with_default (object, "row", 0);
  status = json_object_get_string_member_with_default (object, "status", "");
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (status, status_names[i]))
      row->status = i;
  errors = json_object_get_array_member (object, "errors");
  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonObject *one = json_array_get_object_element (errors, i);

      if (one != NULL)
        appeals_field_errors_add (row->errors, json_object_get_string_member_with_default (one, "field", ""),
                                  json_object_get_string_member_with_default (one, "code", ""), NULL);
    }
  return g_steal_pointer (&row);
}

/* Validation --------------------------------------------------------------- */

static void
check_text (AppealsImportRow *row,
            const char       *field,
            char            **value,
            gsize             longest,
            gboolean          required)
{
  if (appeals_field_errors_find (row->errors, field) != NULL)
    return;
  if (*value != NULL && !g_utf8_validate (*value, -1, NULL))
    {
      appeals_field_errors_add (row->errors, field, APPEALS_FIELD_INVALID_VALUE, NULL);
      return;
    }
  if (*value != NULL)
    g_strstrip (*value);
  if (*value == NULL || **value == '\0')
    {
      g_clear_pointer (value, g_free);
      if (required)
        appeals_field_errors_add (row->errors, field, APPEALS_FIELD_REQUIRED, NULL);
    }
  else if (g_utf8_strlen (*value, -1) > (glong) longest)
    appeals_field_errors_add (row->errors, field, APPEALS_FIELD_TOO_LONG, NULL);
}

/* Kazakh's own letters tell a Kazakh text from a Russian one. */
static const char *
guess_language (const char *text)
{
  static const char kazakh[] = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_strchr (kazakh, -1, g_utf8_get_char (p)) != NULL)
      return "kk";
  return "ru";
}

static void
validate_row (AppealsImportRow *row)
{
  GDate date;

  check_text (row, "external_number", &row->external_number, 100, TRUE);
  check_text (row, "date", &row->date, 10, TRUE);
  check_text (row, "channel", &row->channel, 40, TRUE);
  check_text (row, "iin", &row->iin, 12, FALSE);
  check_text (row, "applicant_name", &row->applicant_name, 300, TRUE);
  check_text (row, "address", &row->address, 500, FALSE);
  check_text (row, "text", &row->text, APPEALS_IMPORT_MAX_TEXT, TRUE);
  check_text (row, "language", &row->language, 2, FALSE);

  if (row->date != NULL && appeals_field_errors_find (row->errors, "date") == NULL &&
      !appeals_date_parse_iso (row->date, &date))
    appeals_field_errors_add (row->errors, "date", APPEALS_FIELD_INVALID_DATE, NULL);
  if (row->channel != NULL && appeals_field_errors_find (row->errors, "channel") == NULL &&
      appeals_import_channel_from_name (row->channel) == APPEALS_RECEIPT_CHANNEL_UNSET)
    appeals_field_errors_add (row->errors, "channel", APPEALS_FIELD_INVALID_VALUE, "egov|eotinish|virtual-reception");
  if (row->iin != NULL && appeals_field_errors_find (row->errors, "iin") == NULL &&
      !appeals_iin_validate (row->iin, NULL))
    appeals_field_errors_add (row->errors, "iin", APPEALS_FIELD_INVALID_IIN, NULL);
  if (row->language != NULL && appeals_field_errors_find (row->errors, "language") == NULL &&
      !g_str_equal (row->language, "kk") && !g_str_equal (row->language, "ru"))
    appeals_field_errors_add (row->errors, "language", APPEALS_FIELD_INVALID_VALUE, "kk|ru");
  if (row->language == NULL)
    row->language = g_strdup (guess_language (row->text));

  if (row->attachments == NULL)
    row->attachments = g_new0 (char *, 1);
  if (g_strv_length (row->attachments) > APPEALS_IMPORT_MAX_ATTACHMENTS)
    appeals_field_errors_add (row->errors, "attachments", APPEALS_FIELD_OUT_OF_RANGE, NULL);
  for (guint i = 0; row->attachments[i] != NULL && appeals_field_errors_find (row->errors, "attachments") == NULL; i++)
    if (!g_utf8_validate (row->attachments[i], -1, NULL) || *g_strstrip (row->attachments[i]) == '\0' ||
        strlen (row->attachments[i]) > 255 || strpbrk (row->attachments[i], "/\\") != NULL)
      appeals_field_errors_add (row->errors, "attachments", APPEALS_FIELD_INVALID_VALUE, NULL);
}

/* Validates every row, and marks the second and later rows with the same
 * channel and external number as duplicates of the first. */
static void
validate_rows (GPtrArray *rows)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      AppealsImportRow *row = g_ptr_array_index (rows, i);

      row->row = i + 1;
      validate_row (row);
      if (row->channel != NULL && row->external_number != NULL)
        {
          char *key = g_strconcat (row->channel, "\n", row->external_number, NULL);

          if (g_hash_table_contains (seen, key))
            {
              appeals_field_errors_add (row->errors, "external_number", APPEALS_FIELD_DUPLICATE, NULL);
              g_free (key);
            }
          else
            g_hash_table_add (seen, key);
        }
      row->status = row->errors->len > 0 ? APPEALS_IMPORT_ROW_INVALID : APPEALS_IMPORT_ROW_NEW;
    }
}

/* JSON --------------------------------------------------------------------- */

static GPtrArray *
parse_json (const char  *content,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_import_row_free);
  JsonArray *array;

  if (!json_parser_load_from_data (parser, content, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "the file must hold an array of appeals");
      return NULL;
    }
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      AppealsImportRow *row;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "element %u is not an object", i + 1);
          return NULL;
        }
      row = appeals_import_row_new ();
      g_ptr_array_add (rows, row);
      read_object_members (row, json_node_get_object (element), FALSE);
    }
  return g_steal_pointer (&rows);
}

/* CSV ---------------------------------------------------------------------- */

/* Reads one record at *@cursor; %NULL at the end of the content or, with
 * @error set, for an unclosed quote. */
static GPtrArray *
read_csv_record (const char **cursor,
                 guint       *line,
                 GError     **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = *cursor;

  if (*p == '\0')
    return NULL;
  for (;;)
    {
      if (*p == '"')
        {
          guint opened_on = *line;

          for (p++;; p++)
            {
              if (*p == '\0')
                {
                  g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "line %u: a quote is not closed", opened_on);
                  return NULL;
                }
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                {
                  *line += *p == '\n';
                  g_string_append_c (field, *p);
                }
            }
          p++;
        }
      while (*p != '\0' && *p != ',' && *p != '\n' && *p != '\r' && *p != '"')
        g_string_append_c (field, *p++);
      if (*p == '"')
        {
          g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "line %u: a stray quote", *line);
          return NULL;
        }
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      field = g_string_new (NULL);
      if (*p != ',')
        break;
      p++;
    }
  if (*p == '\r')
    p++;
  if (*p == '\n')
    p++;
  (*line)++;
  *cursor = p;
  return g_steal_pointer (&fields);
}

static GPtrArray *
parse_csv (const char  *content,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_import_row_free);
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *cursor = content;
  GPtrArray *record;
  guint line = 1, n_known = 0;

  if (g_str_has_prefix (cursor, "\xEF\xBB\xBF"))
    cursor += 3;
  header = read_csv_record (&cursor, &line, error);
  if (header == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "the file is empty");
      return NULL;
    }
  for (guint i = 0; i < header->len; i++)
    {
      char *name = g_strstrip (g_ptr_array_index (header, i));

      if (!g_strv_contains (column_names, name))
        {
          g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "line 1: unknown column \"%s\"", name);
          return NULL;
        }
      n_known += !g_str_equal (name, "language");
    }
  if (n_known < N_REQUIRED_COLUMNS)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "line 1: the header lacks a column");
      return NULL;
    }

  while ((record = read_csv_record (&cursor, &line, &local_error)) != NULL)
    {
      g_autoptr(GPtrArray) fields = record;
      AppealsImportRow *row;

      if (fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0')
        continue;  /* a blank line */
      if (fields->len != header->len)
        {
          g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "line %u: %u fields where the header has %u",
                       line - 1, fields->len, header->len);
          return NULL;
        }
      row = appeals_import_row_new ();
      g_ptr_array_add (rows, row);
      for (guint i = 0; i < header->len; i++)
        {
          const char *name = g_ptr_array_index (header, i);
          char *value = g_ptr_array_index (fields, i);

          if (g_str_equal (name, "attachments"))
            row->attachments = *value != '\0' ? g_strsplit (value, ";", -1) : NULL;
          else
            *row_member (row, name) = g_strdup (value);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * appeals_import_parse:
 * @format: "json" or "csv"
 *
 * Returns: (transfer full) (element-type AppealsImportRow): the file's
 *   rows, each validated on its own and against the others; %NULL with
 *   APPEALS_ERROR_PARSE for a file that cannot be read as the layout, or
 *   that has no rows or too many
 */
GPtrArray *
appeals_import_parse (const char  *format,
                      const char  *content,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_utf8_validate (content, -1, NULL))
    g_set_error_literal (&local_error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "the file is not UTF-8 text");
  else if (g_strcmp0 (format, "json") == 0)
    rows = parse_json (content, &local_error);
  else
    rows = parse_csv (content, &local_error);

  if (rows != NULL && (rows->len == 0 || rows->len > APPEALS_IMPORT_MAX_ROWS))
    {
      if (rows->len == 0)
        g_set_error_literal (&local_error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "the file has no appeals");
      else
        g_set_error (&local_error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "the file has more than %u appeals",
                     APPEALS_IMPORT_MAX_ROWS);
      g_clear_pointer (&rows, g_ptr_array_unref);
    }
  if (rows == NULL)
    {
      /* json-glib's own errors become the one code a caller checks */
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, local_error->message);
      return NULL;
    }
  validate_rows (rows);
  return g_steal_pointer (&rows);
}
