/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-receipt-import.c: appeals exported from the electronic
 * channels (e-gov / eOtinish, the President's Virtual reception) entered
 * into the day's receipt journal.
 *
 *   POST /receipts/import   {"format": "json"|"csv", "content": the file,
 *                            "mode": "preview"|"import", "file_name"?}
 *
 * The preview reads the file and answers every row with its status and
 * errors; nothing is written. The import writes every new row into the
 * journal in the request's one transaction, through the journal's own
 * numbering (appeals_receipt_records_insert), or nothing at all when a row
 * is wrong. A row whose channel and external number are already in a
 * journal is skipped, so the same file imported twice imports nothing the
 * second time: receipt_imports keeps (channel, external_number) unique.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-receipt-records.h"

/* Pages an electronic appeal counts in the journal: its text. */
#define IMPORTED_PAGES 1

typedef struct
{
  const char *format;
  const char *content;
  const char *file_name;
  gboolean    import;
} ImportRequest;

static void
check_import_member (JsonObject *object,
                     const char *name,
                     JsonNode   *node,
                     gpointer    user_data)
{
  static const char * const known[] = { "format", "content", "mode", "file_name", NULL };

  if (!g_strv_contains (known, name))
    appeals_field_errors_add (user_data, name, APPEALS_FIELD_UNKNOWN, NULL);
}

static gboolean
read_import_request (JsonObject    *body,
                     ImportRequest *import,
                     GPtrArray     *errors)
{
  const char *mode;

  json_object_foreach_member (body, check_import_member, errors);
  import->format = appeals_api_member_string (body, "format", NULL, errors);
  import->content = appeals_api_member_string (body, "content", NULL, errors);
  import->file_name = appeals_api_member_string (body, "file_name", NULL, errors);
  mode = appeals_api_member_string (body, "mode", NULL, errors);

  if (import->format == NULL && appeals_field_errors_find (errors, "format") == NULL)
    appeals_field_errors_add (errors, "format", APPEALS_FIELD_REQUIRED, NULL);
  else if (import->format != NULL && !g_str_equal (import->format, "json") && !g_str_equal (import->format, "csv"))
    appeals_field_errors_add (errors, "format", APPEALS_FIELD_INVALID_VALUE, "json|csv");
  if (import->content == NULL && appeals_field_errors_find (errors, "content") == NULL)
    appeals_field_errors_add (errors, "content", APPEALS_FIELD_REQUIRED, NULL);
  if (mode == NULL && appeals_field_errors_find (errors, "mode") == NULL)
    appeals_field_errors_add (errors, "mode", APPEALS_FIELD_REQUIRED, NULL);
  else if (mode != NULL && !g_str_equal (mode, "preview") && !g_str_equal (mode, "import"))
    appeals_field_errors_add (errors, "mode", APPEALS_FIELD_INVALID_VALUE, "preview|import");
  if (import->file_name != NULL && g_utf8_strlen (import->file_name, -1) > 255)
    appeals_field_errors_add (errors, "file_name", APPEALS_FIELD_TOO_LONG, NULL);
  import->import = g_strcmp0 (mode, "import") == 0;
  return errors->len == 0;
}

/* Marks the rows whose channel and number a journal already holds, with
 * the talon of the receipt they became. */
static gboolean
find_imported (AppealsRequest  *request,
               GPtrArray       *rows,
               GError         **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      AppealsImportRow *row = g_ptr_array_index (rows, i);
      g_autoptr(AppealsDbResult) found = NULL;
      GDate day;

      if (row->status != APPEALS_IMPORT_ROW_NEW)
        continue;
      found = appeals_db_query (request->db,
                                "SELECT r.journal_date, r.number FROM receipt_imports i "
                                "JOIN receipts r ON r.id = i.receipt_id WHERE i.channel = ? AND i.external_number = ?",
                                g_variant_new ("(ss)", row->channel, row->external_number), error);
      if (found == NULL)
        return FALSE;
      if (appeals_db_result_get_n_rows (found) == 0)
        continue;
      row->status = APPEALS_IMPORT_ROW_ALREADY_IMPORTED;
      if (appeals_date_parse_iso (appeals_db_result_get_string (found, 0, "journal_date"), &day))
        row->talon_number = appeals_receipt_format_talon_number (&day,
                                                                 appeals_db_result_get_int64 (found, 0, "number"));
    }
  return TRUE;
}

/* The receipt an imported row becomes: the text is its note (as much as
 * a note holds), the attachments its count. */
static AppealsReceipt *
new_imported_receipt (AppealsImportRow *row)
{
  AppealsReceipt *receipt = appeals_receipt_new ();
  const char *end = row->text;

  receipt->channel = appeals_import_channel_from_name (row->channel);
  receipt->applicant_name = g_strdup (row->applicant_name);
  receipt->iin = g_strdup (row->iin);
  receipt->pages = IMPORTED_PAGES;
  receipt->attachments = g_strv_length (row->attachments);
  receipt->language = g_str_equal (row->language, "kk") ? APPEALS_LANGUAGE_KK : APPEALS_LANGUAGE_RU;
  for (guint n = 0; *end != '\0' && n < 1000; n++)
    end = g_utf8_next_char (end);
  receipt->note = g_strndup (row->text, end - row->text);
  return receipt;
}

static gboolean
import_row (AppealsRequest    *request,
            AppealsImportRow  *row,
            const char        *file_name,
            GError           **error)
{
  g_autoptr(AppealsReceipt) receipt = new_imported_receipt (row);
  g_autoptr(JsonNode) attachments = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *attachment_names = NULL;
  g_autofree char *now = appeals_server_now_iso ();

  json_node_take_array (attachments, json_array_new ());
  for (guint i = 0; row->attachments[i] != NULL; i++)
    json_array_add_string_element (json_node_get_array (attachments), row->attachments[i]);
  attachment_names = json_to_string (attachments, FALSE);

  if (!appeals_receipt_records_insert (request, receipt, error))
    return FALSE;
  if (!appeals_db_exec (request->db,
                        "INSERT INTO receipt_imports (receipt_id, channel, external_number, external_date, address, "
                        "text, attachment_names, file_name, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        g_variant_new ("(xsssmsssmsss)", receipt->id, row->channel, row->external_number, row->date,
                                       row->address, row->text, attachment_names, file_name,
                                       request->user->login, now),
                        error))
    return FALSE;
  row->status = APPEALS_IMPORT_ROW_IMPORTED;
  row->talon_number = g_strdup (receipt->talon_number);
  return TRUE;
}

/* Every row's errors, named "rows[N].field", for an import refused. */
static GPtrArray *
collect_row_errors (GPtrArray *rows)
{
  GPtrArray *errors = appeals_field_errors_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      AppealsImportRow *row = g_ptr_array_index (rows, i);

      for (guint j = 0; j < row->errors->len; j++)
        {
          const AppealsFieldError *one = g_ptr_array_index (row->errors, j);
          g_autofree char *field = g_strdup_printf ("rows[%u].%s", row->row, one->field);

          appeals_field_errors_add (errors, field, one->code, one->detail);
        }
    }
  return errors;
}

static JsonNode *
import_to_json (gboolean   imported,
                GPtrArray *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint counts[APPEALS_IMPORT_ROW_IMPORTED + 1] = { 0 };
  static const char * const count_names[] = { "new", "invalid", "already_imported", "imported" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, imported ? "import" : "preview");
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      AppealsImportRow *row = g_ptr_array_index (rows, i);

      counts[row->status]++;
      json_builder_add_value (builder, appeals_import_row_to_json (row));
    }
  json_builder_end_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (count_names); i++)
    {
      json_builder_set_member_name (builder, count_names[i]);
      json_builder_add_int_value (builder, counts[i]);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Holds today's journal counter until the transaction ends, so that two
 * imports of one file at once see each other's rows (PostgreSQL; SQLite
 * holds its write lock from BEGIN IMMEDIATE). The number is not raised. */
static gboolean
lock_journal (AppealsRequest  *request,
              GError         **error)
{
  g_autofree char *day = NULL;
  GDate today, journal_day;

  appeals_server_get_today (&today);
  appeals_receipt_journal_day (appeals_server_get_calendar (request->server), &today, &journal_day);
  day = appeals_date_format_iso (&journal_day);
  return appeals_db_exec (request->db,
                          "INSERT INTO receipt_counters (journal_date, last_number) VALUES (?, 0) "
                          "ON CONFLICT (journal_date) DO UPDATE SET last_number = receipt_counters.last_number",
                          g_variant_new ("(s)", day), error);
}

static gboolean
handle_import (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = appeals_api_require_object (request);
  ImportRequest import = { NULL };
  guint n_invalid = 0;

  if (body == NULL)
    return TRUE;
  if (read_import_request (body, &import, errors) &&
      (rows = appeals_import_parse (import.format, import.content, &parse_error)) == NULL)
    appeals_field_errors_add (errors, "content", APPEALS_FIELD_INVALID_VALUE, parse_error->message);
  if (appeals_api_respond_invalid (request, errors))
    return TRUE;

  if (import.import && !lock_journal (request, error))
    return FALSE;
  if (!find_imported (request, rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    n_invalid += ((AppealsImportRow *) g_ptr_array_index (rows, i))->status == APPEALS_IMPORT_ROW_INVALID;
  if (import.import && n_invalid > 0)
    {
      g_autoptr(GPtrArray) row_errors = collect_row_errors (rows);

      appeals_api_respond_invalid (request, row_errors);
      return TRUE;
    }

  for (guint i = 0; import.import && i < rows->len; i++)
    {
      AppealsImportRow *row = g_ptr_array_index (rows, i);

      if (row->status == APPEALS_IMPORT_ROW_NEW && !import_row (request, row, import.file_name, error))
        return FALSE;
    }

  root = import_to_json (import.import, rows);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

void
appeals_api_receipt_import_register (AppealsServer *server)
{
  appeals_server_add_route (server, "POST", "/api/v1/receipts/import",
                            APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_HEAD | APPEALS_ALLOW_ADMIN,
                            APPEALS_ROUTE_DEFAULT, handle_import);
}
