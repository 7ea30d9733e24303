/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-store-json.c: a statement's rows written straight as JSON text.
 *
 * A list of two hundred rows built as a JsonNode tree costs a node and a
 * hash-table entry for every value, and a generator pass after; here the
 * columns are found once per statement and each row's cells are written
 * out as they are read. Cells the server itself stored as JSON documents
 * (a checklist's answers) are written as they are.
 *
 * A number is read and written again with 17 digits, so that each
 * backend's text gives the same JSON; a column of scores takes a few
 * values over and over, and that conversion cost a third of a list of
 * verdicts, so the writer keeps the last texts it made.
 */
#include "config.h"

#include "appeals-store.h"

#define N_NUMBER_TEXTS 16

typedef struct
{
  char cell[G_ASCII_DTOSTR_BUF_SIZE];   /* "" for an empty slot */
  char text[G_ASCII_DTOSTR_BUF_SIZE];
} NumberText;

struct _AppealsStoreRowWriter
{
  AppealsDbResult          *result;
  NumberText                numbers[N_NUMBER_TEXTS];
  const AppealsStoreMember *members;
  guint                     n_members;
  int                       columns[];
};

/**
 * appeals_store_row_writer_new:
 * @members: (array length=n_members): the members to write, each the
 *   column of its name, found here once
 *
 * Returns: (transfer full): the writer, freed with g_free()
 */
AppealsStoreRowWriter *
appeals_store_row_writer_new (AppealsDbResult          *result,
                              const AppealsStoreMember *members,
                              guint                     n_members)
{
  AppealsStoreRowWriter *writer = g_malloc0 (sizeof (AppealsStoreRowWriter) + n_members * sizeof (int));

  writer->result = result;
  writer->members = members;
  writer->n_members = n_members;
  for (guint i = 0; i < n_members; i++)
    {
      writer->columns[i] = appeals_db_result_find_column (result, members[i].column);
      g_assert (writer->columns[i] >= 0);
    }
  return writer;
}

static void
append_number (AppealsStoreRowWriter *writer,
               GString               *out,
               const char            *cell)
{
  gsize length = strlen (cell);
  NumberText *slot;

  if (length == 0 || length >= G_ASCII_DTOSTR_BUF_SIZE)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_dtostr (number, sizeof number, g_ascii_strtod (cell, NULL)));
      return;
    }

  slot = &writer->numbers[(length * 31 + (guchar) cell[length / 2] * 7 + (guchar) cell[length - 1]) % N_NUMBER_TEXTS];
  if (strcmp (slot->cell, cell) != 0)
    {
      memcpy (slot->cell, cell, length + 1);
      g_ascii_dtostr (slot->text, sizeof slot->text, g_ascii_strtod (cell, NULL));
    }
  g_string_append (out, slot->text);
}

static void
append_cell (AppealsStoreRowWriter *writer,
             GString               *out,
             AppealsStoreKind       kind,
             const char            *cell)
{
  if (cell == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  switch (kind)
    {
    case APPEALS_STORE_TEXT:
      appeals_json_append_string (out, cell);
      break;
    case APPEALS_STORE_INT:
      appeals_json_append_int (out, g_ascii_strtoll (cell, NULL, 10));
      break;
    case APPEALS_STORE_BOOLEAN:
      g_string_append (out, g_str_equal (cell, "1") || g_str_equal (cell, "t") || g_str_equal (cell, "true")
                            ? "true" : "false");
      break;
    case APPEALS_STORE_NUMBER:
      append_number (writer, out, cell);
      break;
    case APPEALS_STORE_DOCUMENT:
      g_string_append (out, cell);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * appeals_store_row_writer_append:
 *
 * Appends row @row's members to @out, "name":value separated by commas,
 * without the braces; a NULL cell is null.
 */
void
appeals_store_row_writer_append (AppealsStoreRowWriter *writer,
                                 guint                  row,
                                 GString               *out)
{
  for (guint i = 0; i < writer->n_members; i++)
    {
      appeals_json_append_member_name (out, i, writer->members[i].column);
      append_cell (writer, out, writer->members[i].kind, appeals_db_result_get_cell (writer->result, row, writer->columns[i]));
    }
}
