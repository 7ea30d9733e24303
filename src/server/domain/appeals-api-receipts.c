/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-receipts.c: the intake desk's daily receipt journal.
 *
 *   POST /receipts          a paper appeal taken at the front desk: the next
 *                           number of the day's journal, the time, the term
 *   GET  /receipts?date=    a day's journal in the order of its numbers
 *   GET  /receipts/{id}     one receipt (its talon, printed again)
 *
 * The journal is the regional department's own, not a district's: any
 * intake role sees all of it. A receipt names a person, so a read of one
 * is logged as a read of personal data.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-audit.h"
#include "appeals-receipt-records.h"

static void
respond_receipt (AppealsRequest *request,
                 guint           status,
                 AppealsReceipt *receipt)
{
  g_autoptr(JsonNode) node = appeals_receipt_to_json (receipt);

  appeals_request_respond_json (request, status, node);
}

static gboolean
handle_create (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsReceipt) receipt = appeals_receipt_new ();
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autofree char *location = NULL;
  JsonObject *body = appeals_api_require_object (request);

  if (body == NULL)
    return TRUE;

  appeals_record_read_members (appeals_receipt_get_record_type (), receipt, body, APPEALS_RECORD_CREATE, errors);
  appeals_receipt_validate (receipt, errors);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  if (!appeals_receipt_records_insert (request, receipt, error))
    return FALSE;

  location = g_strdup_printf ("/api/v1/receipts/%" G_GINT64_FORMAT, receipt->id);
  appeals_request_set_header (request, "Location", location);
  respond_receipt (request, SOUP_STATUS_CREATED, receipt);
  return TRUE;
}

static gboolean
handle_list (AppealsRequest  *request,
             GError         **error)
{
  const char *date_text = appeals_request_get_query (request, "date");
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GDate day;

  if (date_text == NULL)
    {
      GDate today;

      appeals_server_get_today (&today);
      appeals_receipt_journal_day (appeals_server_get_calendar (request->server), &today, &day);
    }
  else if (!appeals_date_parse_iso (date_text, &day))
    {
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

      appeals_field_errors_add (errors, "date", APPEALS_FIELD_INVALID_DATE, NULL);
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  receipts = appeals_receipt_records_list_day (request, &day, error);
  if (receipts == NULL)
    return FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < receipts->len; i++)
    json_builder_add_value (builder, appeals_receipt_to_json (g_ptr_array_index (receipts, i)));
  json_builder_end_array (builder);
  appeals_api_respond_items (request, json_builder_get_root (builder));
  return TRUE;
}

static gboolean
handle_get (AppealsRequest  *request,
            GError         **error)
{
  g_autoptr(AppealsReceipt) receipt = NULL;
  gint64 id;

  if (!appeals_request_get_id_param (request, "id", &id))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }
  if (!appeals_receipt_records_load (request, id, &receipt, error))
    return FALSE;
  if (receipt == NULL)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }
  if (!appeals_audit_record_read (request->db, request->user->login, "receipt", receipt->id, error))
    return FALSE;
  respond_receipt (request, SOUP_STATUS_OK, receipt);
  return TRUE;
}

void
appeals_api_receipts_register (AppealsServer *server)
{
  AppealsAllow receivers = APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_HEAD | APPEALS_ALLOW_ADMIN;
  AppealsAllow readers = receivers | APPEALS_ALLOW_CONTROLLER;

  appeals_server_add_route (server, "GET", "/api/v1/receipts", readers, APPEALS_ROUTE_DEFAULT, handle_list);
  appeals_server_add_route (server, "POST", "/api/v1/receipts", receivers, APPEALS_ROUTE_IDEMPOTENT, handle_create);
  appeals_server_add_route (server, "GET", "/api/v1/receipts/{id}", readers, APPEALS_ROUTE_DEFAULT, handle_get);
}
