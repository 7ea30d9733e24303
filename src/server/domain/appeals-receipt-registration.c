/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receipt-registration.c: registering a receipt of the intake
 * journal. The card is created with the receipt's id beside its members;
 * the receipt is claimed first — locked by a no-op update that only a
 * receipt not registered yet matches, so of two registrars saving cards
 * for one receipt at once the second waits (PostgreSQL; SQLite holds its
 * write lock from BEGIN IMMEDIATE) and then finds it taken: 409. A
 * registrar registers the receipts handed to them or to no one; the head
 * and the administrator any.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-audit.h"
#include "appeals-receipt-records.h"
#include "appeals-receipt-registration.h"

/**
 * appeals_receipt_registration_take:
 * @receipt_id: (out): the receipt named by "receipt_id", 0 for none
 *
 * Returns: (transfer full): @body's members but "receipt_id", which is no
 *   member of the card
 */
JsonObject *
appeals_receipt_registration_take (JsonObject *body,
                                   gint64     *receipt_id,
                                   GPtrArray  *errors)
{
  JsonObject *card = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (body);

  *receipt_id = appeals_api_member_int (body, "receipt_id", 0, NULL, errors);
  if (*receipt_id < 0)
    appeals_field_errors_add (errors, "receipt_id", APPEALS_FIELD_OUT_OF_RANGE, NULL);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "receipt_id"))
      json_object_set_member (card, l->data, json_node_copy (json_object_get_member (body, l->data)));
  return card;
}

/**
 * appeals_receipt_registration_claim:
 * @registered: (out): %TRUE when the receipt is already an appeal's
 *
 * Locks the receipt for this transaction. One the caller may not
 * register, or that does not exist, is a field error.
 *
 * Returns: %FALSE only for a storage error.
 */
gboolean
appeals_receipt_registration_claim (AppealsRequest  *request,
                                    gint64           receipt_id,
                                    GPtrArray       *errors,
                                    gboolean        *registered,
                                    GError         **error)
{
  g_autoptr(AppealsDbResult) claimed = NULL;
  g_autoptr(AppealsReceipt) receipt = NULL;
  const char *assigned_to;

  *registered = FALSE;
  claimed = appeals_db_query (request->db,
                              "UPDATE receipts SET appeal_id = appeal_id WHERE id = ? AND appeal_id IS NULL "
                              "RETURNING assigned_to",
                              g_variant_new ("(x)", receipt_id), error);
  if (claimed == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (claimed) == 0)
    {
      if (!appeals_receipt_records_load (request, receipt_id, &receipt, error))
        return FALSE;
      if (receipt == NULL)
        appeals_field_errors_add (errors, "receipt_id", APPEALS_FIELD_NOT_FOUND, NULL);
      else
        *registered = TRUE;
      return TRUE;
    }

  assigned_to = appeals_db_result_get_string (claimed, 0, "assigned_to");
  if (request->user->role == APPEALS_ROLE_REGISTRAR && assigned_to != NULL &&
      g_strcmp0 (assigned_to, request->user->login) != 0)
    appeals_field_errors_add (errors, "receipt_id", APPEALS_FIELD_NOT_FOUND, NULL);
  return TRUE;
}

/**
 * appeals_receipt_registration_link:
 *
 * Writes the appeal into the claimed receipt, with its audit entry.
 */
gboolean
appeals_receipt_registration_link (AppealsRequest  *request,
                                   gint64           receipt_id,
                                   gint64           appeal_id,
                                   GError         **error)
{
  g_autoptr(AppealsReceipt) before = NULL;
  g_autoptr(AppealsReceipt) after = NULL;

  if (!appeals_receipt_records_load (request, receipt_id, &before, error) ||
      !appeals_db_exec (request->db, "UPDATE receipts SET appeal_id = ? WHERE id = ? AND appeal_id IS NULL",
                        g_variant_new ("(xx)", appeal_id, receipt_id), error) ||
      !appeals_receipt_records_load (request, receipt_id, &after, error))
    return FALSE;
  return appeals_audit_record_change (request->db, "receipt", receipt_id, 2, "register", request->user->login,
                                      appeals_receipt_get_record_type (), before, after, error);
}
