/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receipt-records.c: receipts of the intake desk in the daily
 * journal. The through number comes from the journal day's counter row,
 * raised by an upsert in the receipt's own transaction: on PostgreSQL the
 * upsert locks that row until the transaction ends, so two server
 * processes issuing numbers at once wait for each other and never take the
 * same one; on SQLite the transaction holds the write lock from BEGIN
 * IMMEDIATE. A number once taken is never given again.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-audit.h"
#include "appeals-receipt-records.h"
#include "appeals-store.h"

/* The kind whose term the talon states: a paper appeal is an application
 * until the registrar reads it. */
#define TALON_TERM_KIND "application"

static const char * const insert_columns[] = {
  "journal_date", "number", "received_at", "channel", "applicant_name", "iin", "pages", "attachments", "language",
  "note", "received_by", "term_working_days", "due_date", NULL
};

/* the columns above, then the applicant's card as a value of its own (NULL for none) */
static const char * const stored_columns[] = {
  "journal_date", "number", "received_at", "channel", "applicant_name", "iin", "pages", "attachments", "language",
  "note", "received_by", "term_working_days", "due_date", "applicant_id", NULL
};

#define SELECT_RECEIPTS \
  "SELECT r.*, u.full_name AS received_by_name, a.full_name AS assigned_to_name FROM receipts r " \
  "LEFT JOIN users u ON u.login = r.received_by LEFT JOIN users a ON a.login = r.assigned_to "

static GPtrArray *
read_receipts (AppealsDbResult  *rows,
               GError          **error)
{
  g_autoptr(GPtrArray) receipts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AppealsStoreColumns) columns = appeals_store_columns_new (appeals_receipt_get_record_type (), rows);

  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      g_autoptr(AppealsReceipt) receipt = appeals_receipt_new ();

      if (!appeals_store_columns_read (columns, receipt, rows, i, error))
        return NULL;
      appeals_receipt_set_talon_number (receipt);
      g_ptr_array_add (receipts, g_steal_pointer (&receipt));
    }
  return g_steal_pointer (&receipts);
}

/**
 * appeals_receipt_records_load:
 * @receipt: (out) (transfer full): the receipt, or %NULL when there is none
 *
 * Returns: %FALSE only for a storage error.
 */
gboolean
appeals_receipt_records_load (AppealsRequest  *request,
                              gint64           id,
                              AppealsReceipt **receipt,
                              GError         **error)
{
  g_autoptr(AppealsDbResult) rows = appeals_db_query (request->db, SELECT_RECEIPTS "WHERE r.id = ?",
                                                      g_variant_new ("(x)", id), error);
  g_autoptr(GPtrArray) receipts = NULL;

  *receipt = NULL;
  if (rows == NULL || (receipts = read_receipts (rows, error)) == NULL)
    return FALSE;
  if (receipts->len > 0)
    *receipt = g_object_ref (g_ptr_array_index (receipts, 0));
  return TRUE;
}

/* " WHERE …" for @query's receipts of @day, its values added to @params. */
static char *
journal_where (const char                *day,
               const AppealsReceiptQuery *query,
               gboolean                   unregistered_only,
               GVariantBuilder           *params)
{
  GString *where = g_string_new (" WHERE r.journal_date = ?");

  g_variant_builder_add (params, "s", day);
  if (query->assigned_to != NULL)
    {
      g_string_append (where, " AND r.assigned_to = ?");
      g_variant_builder_add (params, "s", query->assigned_to);
    }
  if (query->number > 0)
    {
      g_string_append (where, " AND r.number = ?");
      g_variant_builder_add (params, "x", query->number);
    }
  if (unregistered_only)
    g_string_append (where, " AND r.appeal_id IS NULL");
  return g_string_free (where, FALSE);
}

/**
 * appeals_receipt_records_list_day:
 * @query: which of the day's receipts
 * @n_unregistered: (out): how many of @query's receipts, registered or
 *   not, are still waiting for their card — the end of the day's check
 *
 * Returns: (transfer full) (element-type AppealsReceipt): the journal of
 *   @journal_date in the order of its numbers, or %NULL with @error set
 */
GPtrArray *
appeals_receipt_records_list_day (AppealsRequest             *request,
                                  const GDate                *journal_date,
                                  const AppealsReceiptQuery  *query,
                                  guint                      *n_unregistered,
                                  GError                    **error)
{
  g_autofree char *day = appeals_date_format_iso (journal_date);
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(AppealsDbResult) count = NULL;
  g_autofree char *where = NULL;
  g_autofree char *count_where = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *count_sql = NULL;
  GVariantBuilder params;
  GVariantBuilder count_params;

  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  g_variant_builder_init (&count_params, G_VARIANT_TYPE_TUPLE);
  where = journal_where (day, query, query->unregistered_only, &params);
  count_where = journal_where (day, query, TRUE, &count_params);
  sql = g_strconcat (SELECT_RECEIPTS, where, " ORDER BY r.number", NULL);
  count_sql = g_strconcat ("SELECT COUNT(*) AS n FROM receipts r", count_where, NULL);
  rows = appeals_db_query (request->db, sql, g_variant_builder_end (&params), error);
  if (rows == NULL)
    {
      g_variant_builder_clear (&count_params);
      return NULL;
    }
  count = appeals_db_query (request->db, count_sql, g_variant_builder_end (&count_params), error);
  if (count == NULL)
    return NULL;
  *n_unregistered = (guint) appeals_db_result_get_int64 (count, 0, "n");
  return read_receipts (rows, error);
}

/* The next through number of @day's journal; raises the counter. */
static gboolean
take_number (AppealsDb   *db,
             const char  *day,
             gint64      *number,
             GError     **error)
{
  g_autoptr(AppealsDbResult) counter = NULL;

  counter = appeals_db_query (db,
                              "INSERT INTO receipt_counters (journal_date, last_number) VALUES (?, 1) "
                              "ON CONFLICT (journal_date) DO UPDATE "
                              "SET last_number = receipt_counters.last_number + 1 RETURNING last_number",
                              g_variant_new ("(s)", day), error);
  if (counter == NULL)
    return FALSE;
  *number = appeals_db_result_get_int64 (counter, 0, "last_number");
  return TRUE;
}

/* The card of the applicant with the receipt's IIN, if there is one. */
static gboolean
find_applicant (AppealsDb       *db,
                AppealsReceipt  *receipt,
                GError         **error)
{
  g_autoptr(AppealsDbResult) card = NULL;

  receipt->applicant_id = 0;
  if (receipt->iin == NULL || *receipt->iin == '\0')
    return TRUE;
  card = appeals_db_query (db, "SELECT id FROM applicants WHERE iin = ?", g_variant_new ("(s)", receipt->iin),
                           error);
  if (card == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (card) > 0)
    receipt->applicant_id = appeals_db_result_get_int64 (card, 0, "id");
  return TRUE;
}

/**
 * appeals_receipt_records_insert:
 *
 * Enters a validated receipt (hand-delivered unless @receipt names its
 * channel) into the journal of today's
 * working day (the next one, on a day off) under the next number, with
 * the legal term of consideration that the talon states, and its audit
 * entry. Runs in the request's transaction.
 */
gboolean
appeals_receipt_records_insert (AppealsRequest  *request,
                                AppealsReceipt  *receipt,
                                GError         **error)
{
  AppealsCalendar *calendar = appeals_server_get_calendar (request->server);
  AppealsDeadlineRules *rules = appeals_server_get_deadlines (request->server);
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *day = NULL;
  g_autofree char *insert = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(AppealsDbResult) created = NULL;
  GVariant *applicant;
  GDate today;

  appeals_server_get_today (&today);
  appeals_receipt_journal_day (calendar, &today, &receipt->journal_date);
  day = appeals_date_format_iso (&receipt->journal_date);
  if (!take_number (request->db, day, &receipt->number, error) ||
      !find_applicant (request->db, receipt, error))
    return FALSE;
  if (!appeals_deadline_rules_compute_due (rules, calendar, TALON_TERM_KIND, &receipt->journal_date,
                                           &receipt->due_date, error))
    return FALSE;
  receipt->term_working_days = appeals_deadline_rules_get_term (rules, TALON_TERM_KIND);
  /* a receipt comes by hand unless its caller says otherwise (a Kazpost batch) */
  if (receipt->channel == APPEALS_RECEIPT_CHANNEL_UNSET)
    receipt->channel = APPEALS_RECEIPT_CHANNEL_HAND;
  g_clear_pointer (&receipt->received_at, g_date_time_unref);
  receipt->received_at = g_date_time_new_from_iso8601 (now, NULL);
  g_free (receipt->received_by);
  receipt->received_by = g_strdup (request->user->login);
  g_free (receipt->received_by_name);
  receipt->received_by_name = g_strdup (request->user->full_name);
  appeals_receipt_set_talon_number (receipt);

  insert = appeals_store_insert_sql ("receipts", stored_columns);
  sql = g_strconcat (insert, " RETURNING id", NULL);
  applicant = g_variant_new_maybe (G_VARIANT_TYPE_INT64,
                                   receipt->applicant_id > 0 ? g_variant_new_int64 (receipt->applicant_id) : NULL);
  created = appeals_db_query (request->db, sql,
                              appeals_store_values (appeals_receipt_get_record_type (), receipt, insert_columns,
                                                    &applicant, 1),
                              error);
  if (created == NULL)
    return FALSE;
  receipt->id = appeals_db_result_get_int64 (created, 0, "id");

  return appeals_audit_record_change (request->db, "receipt", receipt->id, 1, "create", request->user->login,
                                      appeals_receipt_get_record_type (), NULL, receipt, error);
}
