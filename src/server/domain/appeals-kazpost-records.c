/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-kazpost-records.c: Kazpost batches in storage. Each list code
 * and each scan is a row written in its own request's transaction, so
 * nothing entered is lost when the client goes away. A code is on a
 * batch's list once and scanned once (the tables' keys): a second one is
 * inserted with ON CONFLICT DO NOTHING and found missing from RETURNING,
 * whatever the backend. A write first "touches" the batch row while it is
 * open (an UPDATE … WHERE state = 'open'): on PostgreSQL that locks the
 * row, so a scan and the closing of its batch never cross. Closing enters
 * every envelope received into the day's receipt journal through the
 * journal's own numbering (appeals_receipt_records_insert()).
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-audit.h"
#include "appeals-kazpost-records.h"
#include "appeals-receipt-records.h"
#include "appeals-store.h"

#define ENTITY "kazpost_batch"

#define SELECT_BATCHES \
  "SELECT b.id, b.state, b.courier, b.opened_at, b.opened_by, o.full_name AS opened_by_name, b.closed_at, " \
  "c.full_name AS closed_by_name, b.journal_date FROM kazpost_batches b " \
  "LEFT JOIN users o ON o.login = b.opened_by LEFT JOIN users c ON c.login = b.closed_by "

static const char *
state_wire (AppealsKazpostBatchState state)
{
  return appeals_enum_to_wire (APPEALS_TYPE_KAZPOST_BATCH_STATE, state);
}

/* An audit entry of the batch with one member after the change. */
static gboolean
audit (AppealsRequest  *request,
       gint64           id,
       const char      *action,
       const char      *member,
       const char      *value,
       GError         **error)
{
  g_autoptr(JsonObject) after = json_object_new ();

  json_object_set_string_member (after, member, value);
  return appeals_audit_record_snapshots (request->db, ENTITY, id, 1, action, request->user->login, NULL, after,
                                         error);
}

/**
 * appeals_kazpost_records_open:
 * @courier: (nullable): the courier's name
 *
 * Opens a batch for the caller.
 */
gboolean
appeals_kazpost_records_open (AppealsRequest  *request,
                              const char      *courier,
                              gint64          *id,
                              GError         **error)
{
  g_autofree char *now = appeals_server_now_iso ();
  g_autoptr(AppealsDbResult) created = NULL;

  created = appeals_db_query (request->db,
                              "INSERT INTO kazpost_batches (state, courier, opened_at, opened_by) "
                              "VALUES (?, ?, ?, ?) RETURNING id",
                              g_variant_new ("(smsss)", state_wire (APPEALS_KAZPOST_BATCH_STATE_OPEN), courier, now,
                                             request->user->login),
                              error);
  if (created == NULL)
    return FALSE;
  *id = appeals_db_result_get_int64 (created, 0, "id");
  return audit (request, *id, "open", "courier", courier != NULL ? courier : "", error);
}

/* The list's codes in their order, each with its envelope if scanned,
 * then the envelopes scanned that are not on the list, in scan order. */
static gboolean
load_items (AppealsRequest       *request,
            AppealsKazpostBatch  *batch,
            GError              **error)
{
  g_autoptr(AppealsDbResult) rows = NULL;

  rows = appeals_db_query (request->db,
                           "SELECT l.code, 1 AS on_list, s.scanned_at, s.wrong_addressee, s.receipt_id, "
                           "r.journal_date, r.number, l.position AS list_order, 0 AS scan_order "
                           "FROM kazpost_list_codes l LEFT JOIN kazpost_scans s "
                           "ON s.batch_id = l.batch_id AND s.code = l.code "
                           "LEFT JOIN receipts r ON r.id = s.receipt_id WHERE l.batch_id = ? "
                           "UNION ALL "
                           "SELECT s.code, 0, s.scanned_at, s.wrong_addressee, s.receipt_id, r.journal_date, r.number, "
                           "0, s.id FROM kazpost_scans s LEFT JOIN receipts r ON r.id = s.receipt_id "
                           "WHERE s.batch_id = ? AND NOT EXISTS (SELECT 1 FROM kazpost_list_codes l "
                           "WHERE l.batch_id = s.batch_id AND l.code = s.code) "
                           "ORDER BY 2 DESC, 8, 9",
                           g_variant_new ("(xx)", batch->id, batch->id), error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      const char *scanned = appeals_db_result_get_string (rows, i, "scanned_at");
      g_autoptr(GDateTime) scanned_at = scanned != NULL ? g_date_time_new_from_iso8601 (scanned, NULL) : NULL;
      AppealsKazpostItem *item;

      item = appeals_kazpost_batch_add_item (batch, appeals_db_result_get_string (rows, i, "code"),
                                             appeals_db_result_get_int64 (rows, i, "on_list") != 0, scanned_at,
                                             appeals_db_result_get_int64 (rows, i, "wrong_addressee") != 0);
      item->receipt_id = appeals_db_result_get_int64 (rows, i, "receipt_id");
      if (item->receipt_id > 0)
        {
          GDate day;

          if (appeals_date_parse_iso (appeals_db_result_get_string (rows, i, "journal_date"), &day))
            item->talon_number = appeals_receipt_format_talon_number (&day, appeals_db_result_get_int64 (rows, i,
                                                                                                         "number"));
        }
    }
  return TRUE;
}

static GPtrArray *
read_batches (AppealsRequest   *request,
              AppealsDbResult  *rows,
              GError          **error)
{
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AppealsStoreColumns) columns = appeals_store_columns_new (appeals_kazpost_batch_get_record_type (), rows);

  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      g_autoptr(AppealsKazpostBatch) batch = appeals_kazpost_batch_new ();

      if (!appeals_store_columns_read (columns, batch, rows, i, error) || !load_items (request, batch, error))
        return NULL;
      g_ptr_array_add (batches, g_steal_pointer (&batch));
    }
  return g_steal_pointer (&batches);
}

/**
 * appeals_kazpost_records_load:
 * @batch: (out) (transfer full): the batch, or %NULL when there is none
 *
 * Returns: %FALSE only for a storage error.
 */
gboolean
appeals_kazpost_records_load (AppealsRequest       *request,
                              gint64                id,
                              AppealsKazpostBatch **batch,
                              GError              **error)
{
  g_autoptr(AppealsDbResult) rows = appeals_db_query (request->db, SELECT_BATCHES "WHERE b.id = ?",
                                                      g_variant_new ("(x)", id), error);
  g_autoptr(GPtrArray) batches = NULL;

  *batch = NULL;
  if (rows == NULL || (batches = read_batches (request, rows, error)) == NULL)
    return FALSE;
  if (batches->len > 0)
    *batch = g_object_ref (g_ptr_array_index (batches, 0));
  return TRUE;
}

/**
 * appeals_kazpost_records_list:
 * @state: the batches' state; %APPEALS_KAZPOST_BATCH_STATE_UNSET for any
 *
 * Returns: (transfer full) (element-type AppealsKazpostBatch): the newest
 *   50 batches first, or %NULL with @error set
 */
GPtrArray *
appeals_kazpost_records_list (AppealsRequest            *request,
                              AppealsKazpostBatchState   state,
                              GError                   **error)
{
  g_autoptr(AppealsDbResult) rows = NULL;

  if (state != APPEALS_KAZPOST_BATCH_STATE_UNSET)
    rows = appeals_db_query (request->db, SELECT_BATCHES "WHERE b.state = ? ORDER BY b.id DESC LIMIT 50",
                             g_variant_new ("(s)", state_wire (state)), error);
  else
    rows = appeals_db_query (request->db, SELECT_BATCHES "ORDER BY b.id DESC LIMIT 50", NULL, error);
  return rows != NULL ? read_batches (request, rows, error) : NULL;
}

/**
 * appeals_kazpost_records_hold_open:
 * @open: (out): %FALSE when there is no open batch @id
 *
 * Holds the open batch @id until the transaction ends (a row lock on
 * PostgreSQL; SQLite's transaction holds the database).
 */
gboolean
appeals_kazpost_records_hold_open (AppealsRequest  *request,
                                   gint64           id,
                                   gboolean        *open,
                                   GError         **error)
{
  g_autoptr(AppealsDbResult) rows = NULL;

  rows = appeals_db_query (request->db, "UPDATE kazpost_batches SET state = state WHERE id = ? AND state = ? "
                                        "RETURNING id",
                           g_variant_new ("(xs)", id, state_wire (APPEALS_KAZPOST_BATCH_STATE_OPEN)), error);
  if (rows == NULL)
    return FALSE;
  *open = appeals_db_result_get_n_rows (rows) > 0;
  return TRUE;
}

/* Runs @sql (an INSERT … ON CONFLICT DO NOTHING RETURNING): a row that
 * was already there comes back as %APPEALS_KAZPOST_DUPLICATE. */
static gboolean
insert_once (AppealsRequest         *request,
             const char             *sql,
             GVariant               *values,
             AppealsKazpostOutcome  *outcome,
             GError                **error)
{
  g_autoptr(AppealsDbResult) rows = appeals_db_query (request->db, sql, values, error);

  if (rows == NULL)
    return FALSE;
  *outcome = appeals_db_result_get_n_rows (rows) > 0 ? APPEALS_KAZPOST_STORED : APPEALS_KAZPOST_DUPLICATE;
  return TRUE;
}

/**
 * appeals_kazpost_records_add_list_code:
 *
 * Adds @code (a valid S10 identifier) at the end of @batch's list.
 */
gboolean
appeals_kazpost_records_add_list_code (AppealsRequest         *request,
                                       AppealsKazpostBatch    *batch,
                                       const char             *code,
                                       AppealsKazpostOutcome  *outcome,
                                       GError                **error)
{
  if (!insert_once (request,
                    "INSERT INTO kazpost_list_codes (batch_id, code, position) "
                    "SELECT ?, ?, COALESCE (MAX (position), 0) + 1 FROM kazpost_list_codes WHERE batch_id = ? "
                    "ON CONFLICT (batch_id, code) DO NOTHING RETURNING code",
                    g_variant_new ("(xsx)", batch->id, code, batch->id), outcome, error))
    return FALSE;
  return *outcome != APPEALS_KAZPOST_STORED || audit (request, batch->id, "list_code", "code", code, error);
}

/**
 * appeals_kazpost_records_scan:
 *
 * Stores the scan of the envelope @code (a valid S10 identifier).
 */
gboolean
appeals_kazpost_records_scan (AppealsRequest         *request,
                              AppealsKazpostBatch    *batch,
                              const char             *code,
                              AppealsKazpostOutcome  *outcome,
                              GError                **error)
{
  g_autofree char *now = appeals_server_now_iso ();

  if (!insert_once (request,
                    "INSERT INTO kazpost_scans (batch_id, code, scanned_at, scanned_by) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (batch_id, code) DO NOTHING RETURNING id",
                    g_variant_new ("(xsss)", batch->id, code, now, request->user->login), outcome, error))
    return FALSE;
  return *outcome != APPEALS_KAZPOST_STORED || audit (request, batch->id, "scan", "code", code, error);
}

/**
 * appeals_kazpost_records_return:
 *
 * Marks the scanned envelope @code as addressed to someone else: it goes
 * on the return list, not into the journal.
 */
gboolean
appeals_kazpost_records_return (AppealsRequest         *request,
                                AppealsKazpostBatch    *batch,
                                const char             *code,
                                AppealsKazpostOutcome  *outcome,
                                GError                **error)
{
  g_autoptr(AppealsDbResult) rows = NULL;

  rows = appeals_db_query (request->db,
                           "UPDATE kazpost_scans SET wrong_addressee = 1 WHERE batch_id = ? AND code = ? RETURNING id",
                           g_variant_new ("(xs)", batch->id, code), error);
  if (rows == NULL)
    return FALSE;
  *outcome = appeals_db_result_get_n_rows (rows) > 0 ? APPEALS_KAZPOST_STORED : APPEALS_KAZPOST_NOT_SCANNED;
  return *outcome != APPEALS_KAZPOST_STORED || audit (request, batch->id, "wrong_addressee", "code", code, error);
}

/* The envelope @item, received, as a receipt of the day's journal. */
static gboolean
receive_envelope (AppealsRequest      *request,
                  AppealsKazpostBatch *batch,
                  AppealsKazpostItem  *item,
                  GError             **error)
{
  g_autoptr(AppealsReceipt) receipt = appeals_receipt_new ();
  g_autoptr(AppealsDbResult) linked = NULL;

  /* who wrote and in which language is read by the registrar who opens
   * the envelope; until then the receipt names the envelope */
  receipt->channel = APPEALS_RECEIPT_CHANNEL_KAZPOST;
  receipt->applicant_name = g_strdup ("");
  receipt->pages = 1;
  receipt->language = g_strcmp0 (request->language, "kk") == 0 ? APPEALS_LANGUAGE_KK : APPEALS_LANGUAGE_RU;
  receipt->note = g_strdup_printf ("Kazpost %s", item->code);
  if (!appeals_receipt_records_insert (request, receipt, error))
    return FALSE;

  linked = appeals_db_query (request->db, "UPDATE kazpost_scans SET receipt_id = ? WHERE batch_id = ? AND code = ? "
                                          "RETURNING id",
                             g_variant_new ("(xxs)", receipt->id, batch->id, item->code), error);
  if (linked == NULL)
    return FALSE;
  item->receipt_id = receipt->id;
  item->talon_number = g_strdup (receipt->talon_number);
  batch->journal_date = receipt->journal_date;
  return TRUE;
}

/**
 * appeals_kazpost_records_close:
 *
 * Closes @batch, held open by appeals_kazpost_records_hold_open(): every
 * envelope received (matched or not on the list) enters the day's receipt
 * journal with channel kazpost, in the order of the batch's items.
 */
gboolean
appeals_kazpost_records_close (AppealsRequest       *request,
                               AppealsKazpostBatch  *batch,
                               GError              **error)
{
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *day = NULL;
  g_autofree char *received = NULL;
  g_autoptr(AppealsDbResult) closed = NULL;
  guint n_received = 0;

  for (guint i = 0; i < batch->items->len; i++)
    {
      AppealsKazpostItem *item = g_ptr_array_index (batch->items, i);

      if (item->state != APPEALS_KAZPOST_ITEM_MATCHED && item->state != APPEALS_KAZPOST_ITEM_NOT_ON_LIST)
        continue;
      if (!receive_envelope (request, batch, item, error))
        return FALSE;
      n_received++;
    }

  day = g_date_valid (&batch->journal_date) ? appeals_date_format_iso (&batch->journal_date) : NULL;
  closed = appeals_db_query (request->db,
                             "UPDATE kazpost_batches SET state = ?, closed_at = ?, closed_by = ?, journal_date = ? "
                             "WHERE id = ? RETURNING id",
                             g_variant_new ("(sssmsx)", state_wire (APPEALS_KAZPOST_BATCH_STATE_CLOSED), now,
                                            request->user->login, day, batch->id),
                             error);
  if (closed == NULL)
    return FALSE;
  received = g_strdup_printf ("%u", n_received);
  return audit (request, batch->id, "close", "received", received, error);
}
