/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receipt-split.c: the head of intake hands a day's receipts that
 * no registrar has yet to the registrars on duty, evenly by count
 * (appeals_receipt_split_evenly()). A receipt is handed once: on
 * PostgreSQL the day's unassigned receipts are locked (FOR UPDATE) before
 * they are counted, so a second head splitting at the same moment waits,
 * then finds them assigned and hands over only what is left; on SQLite
 * the transaction holds the write lock from its start. The update itself
 * still requires the receipt to be unassigned, and a miss retries the
 * whole transaction rather than give one receipt twice.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-audit.h"
#include "appeals-receipt-records.h"
#include "appeals-store.h"

void
appeals_receipt_share_free (AppealsReceiptShare *share)
{
  g_free (share->login);
  g_free (share->full_name);
  g_clear_pointer (&share->receipts, g_ptr_array_unref);
  g_free (share);
}

/* The active registrars but the absent ones, by login; an absent login
 * that is no registrar is a field error. */
static GPtrArray *
registrars_on_duty (AppealsRequest  *request,
                    GStrv            absent,
                    GPtrArray       *errors,
                    GError         **error)
{
  g_autoptr(AppealsDbResult) rows = appeals_db_query (request->db,
                                                      "SELECT login, full_name FROM users "
                                                      "WHERE role = ? AND active = 1 ORDER BY login",
                                                      g_variant_new ("(s)",
                                                                     appeals_role_to_string (APPEALS_ROLE_REGISTRAR)),
                                                      error);
  g_autoptr(GPtrArray) shares = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_receipt_share_free);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);

  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      const char *login = appeals_db_result_get_string (rows, i, "login");
      AppealsReceiptShare *share;

      g_hash_table_add (known, (gpointer) login);
      if (absent != NULL && g_strv_contains ((const char * const *) absent, login))
        continue;
      share = g_new0 (AppealsReceiptShare, 1);
      share->login = g_strdup (login);
      share->full_name = g_strdup (appeals_db_result_get_string (rows, i, "full_name"));
      share->receipts = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (shares, share);
    }
  for (guint i = 0; absent != NULL && absent[i] != NULL; i++)
    if (!g_hash_table_contains (known, absent[i]))
      {
        appeals_field_errors_add (errors, "absent", APPEALS_FIELD_NOT_FOUND, absent[i]);
        break;
      }
  if (errors->len == 0 && shares->len == 0)
    appeals_field_errors_add (errors, "absent", APPEALS_FIELD_OUT_OF_RANGE, "no registrar on duty");
  return g_steal_pointer (&shares);
}

/* How many of the day's receipts each registrar on duty has already. */
static gboolean
count_loads (AppealsRequest  *request,
             const char      *day,
             GPtrArray       *shares,
             guint           *loads,
             GError         **error)
{
  g_autoptr(AppealsDbResult) rows = appeals_db_query (request->db,
                                                      "SELECT assigned_to, COUNT(*) AS n FROM receipts "
                                                      "WHERE journal_date = ? AND assigned_to IS NOT NULL "
                                                      "GROUP BY assigned_to",
                                                      g_variant_new ("(s)", day), error);

  if (rows == NULL)
    return FALSE;
  for (guint s = 0; s < shares->len; s++)
    {
      AppealsReceiptShare *share = g_ptr_array_index (shares, s);

      loads[s] = 0;
      for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
        if (g_strcmp0 (appeals_db_result_get_string (rows, i, "assigned_to"), share->login) == 0)
          loads[s] = (guint) appeals_db_result_get_int64 (rows, i, "n");
    }
  return TRUE;
}

/* Hands @receipt to @share, with its audit entry. */
static gboolean
hand_over (AppealsRequest       *request,
           AppealsReceipt       *receipt,
           AppealsReceiptShare  *share,
           const char           *now,
           GError              **error)
{
  const AppealsRecordType *type = appeals_receipt_get_record_type ();
  g_autoptr(AppealsReceipt) after = appeals_receipt_new ();
  g_autoptr(AppealsDbResult) updated = NULL;

  updated = appeals_db_query (request->db,
                              "UPDATE receipts SET assigned_to = ?, assigned_at = ?, assigned_by = ? "
                              "WHERE id = ? AND assigned_to IS NULL RETURNING id",
                              g_variant_new ("(sssx)", share->login, now, request->user->login, receipt->id), error);
  if (updated == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (updated) != 1)
    {
      /* taken in between: run the whole split again */
      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_BUSY, "receipt %" G_GINT64_FORMAT " was handed over",
                   receipt->id);
      return FALSE;
    }

  appeals_record_copy_fields (type, after, receipt);
  g_free (after->assigned_to);
  after->assigned_to = g_strdup (share->login);
  g_free (after->assigned_to_name);
  after->assigned_to_name = g_strdup (share->full_name);
  after->assigned_at = g_date_time_new_from_iso8601 (now, NULL);
  if (!appeals_audit_record_change (request->db, "receipt", receipt->id, 1, "assign", request->user->login, type,
                                    receipt, after, error))
    return FALSE;
  g_ptr_array_add (share->receipts, g_steal_pointer (&after));
  return TRUE;
}

/**
 * appeals_receipt_records_distribute:
 * @absent: (nullable): logins of registrars not on duty
 * @errors: gets the field errors of @absent
 *
 * Hands @journal_date's unassigned receipts to the registrars on duty,
 * evenly by count. Runs in the request's transaction.
 *
 * Returns: (transfer full) (element-type AppealsReceiptShare): one share
 *   per registrar on duty (empty when they got nothing), or %NULL with
 *   @error set; with field errors, nothing was handed over
 */
GPtrArray *
appeals_receipt_records_distribute (AppealsRequest  *request,
                                    const GDate     *journal_date,
                                    GStrv            absent,
                                    GPtrArray       *errors,
                                    GError         **error)
{
  g_autofree char *day = appeals_date_format_iso (journal_date);
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *sql = NULL;
  g_autofree guint *loads = NULL;
  g_autofree guint *assignees = NULL;
  g_autoptr(GPtrArray) shares = registrars_on_duty (request, absent, errors, error);
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(AppealsStoreColumns) columns = NULL;
  guint n;

  if (shares == NULL || errors->len > 0)
    return g_steal_pointer (&shares);

  /* lock what is left to hand over before counting what was handed */
  sql = g_strconcat ("SELECT r.* FROM receipts r WHERE r.journal_date = ? AND r.assigned_to IS NULL ORDER BY r.number",
                     appeals_db_get_dialect (request->db) == APPEALS_DB_DIALECT_POSTGRESQL ? " FOR UPDATE" : "",
                     NULL);
  rows = appeals_db_query (request->db, sql, g_variant_new ("(s)", day), error);
  if (rows == NULL)
    return NULL;
  n = appeals_db_result_get_n_rows (rows);
  loads = g_new0 (guint, shares->len);
  assignees = g_new0 (guint, MAX (n, 1));
  if (!count_loads (request, day, shares, loads, error))
    return NULL;
  appeals_receipt_split_evenly (n, loads, shares->len, assignees);

  columns = appeals_store_columns_new (appeals_receipt_get_record_type (), rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AppealsReceipt) receipt = appeals_receipt_new ();

      if (!appeals_store_columns_read (columns, receipt, rows, i, error))
        return NULL;
      appeals_receipt_set_talon_number (receipt);
      if (!hand_over (request, receipt, g_ptr_array_index (shares, assignees[i]), now, error))
        return NULL;
    }
  return g_steal_pointer (&shares);
}
