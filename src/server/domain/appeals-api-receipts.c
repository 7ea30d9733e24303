/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-receipts.c: the intake desk's daily receipt journal.
 *
 *   POST /receipts          a paper appeal taken at the front desk: the next
 *                           number of the day's journal, the time, the term
 *   GET  /receipts?date=    a day's journal in the order of its numbers
 *   GET  /receipts/{id}     one receipt (its talon, printed again)
 *   POST /receipts/distribute
 *                           the head of intake hands the day's unassigned
 *                           receipts to the registrars on duty, evenly
 *
 * GET /receipts?assigned_to=me is a registrar's "my receipts to register";
 * ?unregistered=true the receipts still waiting for their card (the answer
 * counts them in any case: the end of the day's check); ?number= a talon's
 * barcode, YYYYMMDD-NNNN, its one receipt (whatever day it names).
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
  if (appeals_api_respond_invalid (request, errors))
    return TRUE;

  if (!appeals_receipt_records_insert (request, receipt, error))
    return FALSE;

  location = g_strdup_printf ("/api/v1/receipts/%" G_GINT64_FORMAT, receipt->id);
  appeals_request_set_header (request, "Location", location);
  appeals_api_respond_object (request, SOUP_STATUS_CREATED, (AppealsApiObjectWriter) appeals_receipt_to_json, receipt);
  return TRUE;
}

/* The journal day @text names, or today's working day (the next one on a
 * day off) when it is %NULL. */
static gboolean
read_journal_day (AppealsRequest *request,
                  const char     *text,
                  GPtrArray      *errors,
                  GDate          *day)
{
  GDate today;

  if (text != NULL && !appeals_date_parse_iso (text, day))
    {
      appeals_field_errors_add (errors, "date", APPEALS_FIELD_INVALID_DATE, NULL);
      return FALSE;
    }
  if (text == NULL)
    {
      appeals_server_get_today (&today);
      appeals_receipt_journal_day (appeals_server_get_calendar (request->server), &today, day);
    }
  return TRUE;
}

static JsonNode *
receipts_to_json (GPtrArray *receipts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < receipts->len; i++)
    json_builder_add_value (builder, appeals_receipt_to_json (g_ptr_array_index (receipts, i)));
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* {"items": […], "unregistered": n} */
static void
respond_journal (AppealsRequest *request,
                 GPtrArray      *receipts,
                 guint           n_unregistered)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_member (object, "items", receipts_to_json (receipts));
  json_object_set_int_member (object, "unregistered", n_unregistered);
  json_node_set_object (root, object);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
}

/* ?number=YYYYMMDD-NNNN, a talon's barcode: its day and number. */
static void
read_talon_number (const char  *text,
                   GPtrArray   *errors,
                   GDate       *day,
                   gint64      *number)
{
  if (text != NULL && !appeals_receipt_parse_talon_number (text, day, number))
    appeals_field_errors_add (errors, "number", APPEALS_FIELD_INVALID_VALUE, NULL);
}

static gboolean
handle_list (AppealsRequest  *request,
             GError         **error)
{
  const char *assigned_to = appeals_request_get_query (request, "assigned_to");
  const char *unregistered = appeals_request_get_query (request, "unregistered");
  const char *talon = appeals_request_get_query (request, "number");
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(GPtrArray) receipts = NULL;
  AppealsReceiptQuery query = { NULL, 0, FALSE };
  guint n_unregistered = 0;
  GDate day;

  if (talon != NULL && appeals_request_get_query (request, "date") != NULL)
    appeals_field_errors_add (errors, "date", APPEALS_FIELD_INVALID_VALUE, NULL);
  read_journal_day (request, appeals_request_get_query (request, "date"), errors, &day);
  read_talon_number (talon, errors, &day, &query.number);
  if (assigned_to != NULL && !appeals_login_is_valid (assigned_to) && g_strcmp0 (assigned_to, "me") != 0)
    appeals_field_errors_add (errors, "assigned_to", APPEALS_FIELD_INVALID_VALUE, NULL);
  if (unregistered != NULL && !g_str_equal (unregistered, "true") && !g_str_equal (unregistered, "false"))
    appeals_field_errors_add (errors, "unregistered", APPEALS_FIELD_INVALID_VALUE, NULL);
  if (appeals_api_respond_invalid (request, errors))
    return TRUE;

  query.assigned_to = g_strcmp0 (assigned_to, "me") == 0 ? request->user->login : assigned_to;
  query.unregistered_only = g_strcmp0 (unregistered, "true") == 0;
  receipts = appeals_receipt_records_list_day (request, &day, &query, &n_unregistered, error);
  if (receipts == NULL)
    return FALSE;
  respond_journal (request, receipts, n_unregistered);
  return TRUE;
}

/* {"date": "YYYY-MM-DD"?, "absent": ["login", …]?} */
static GStrv
read_absent (JsonObject *body,
             GPtrArray  *errors)
{
  g_autoptr(GStrvBuilder) logins = g_strv_builder_new ();
  JsonNode *member = json_object_get_member (body, "absent");
  JsonArray *array;

  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    return g_strv_builder_end (logins);
  if (!JSON_NODE_HOLDS_ARRAY (member))
    {
      appeals_field_errors_add (errors, "absent", APPEALS_FIELD_WRONG_TYPE, NULL);
      return g_strv_builder_end (logins);
    }
  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *login = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (login) || json_node_get_value_type (login) != G_TYPE_STRING ||
          !appeals_login_is_valid (json_node_get_string (login)))
        {
          appeals_field_errors_add (errors, "absent", APPEALS_FIELD_INVALID_VALUE, NULL);
          break;
        }
      g_strv_builder_add (logins, json_node_get_string (login));
    }
  return g_strv_builder_end (logins);
}

/* {"journal_date", "shares": [{"registrar", "full_name", "receipts"}]} */
static JsonNode *
shares_to_json (const GDate *day,
                GPtrArray   *shares)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *day_text = appeals_date_format_iso (day);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "journal_date");
  json_builder_add_string_value (builder, day_text);
  json_builder_set_member_name (builder, "shares");
  json_builder_begin_array (builder);
  for (guint i = 0; i < shares->len; i++)
    {
      AppealsReceiptShare *share = g_ptr_array_index (shares, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "registrar");
      json_builder_add_string_value (builder, share->login);
      json_builder_set_member_name (builder, "full_name");
      json_builder_add_string_value (builder, share->full_name);
      json_builder_set_member_name (builder, "receipts");
      json_builder_add_value (builder, receipts_to_json (share->receipts));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
check_distribute_member (JsonObject  *object,
                         const char  *name,
                         JsonNode    *node,
                         gpointer     user_data)
{
  if (!g_str_equal (name, "date") && !g_str_equal (name, "absent"))
    appeals_field_errors_add (user_data, name, APPEALS_FIELD_UNKNOWN, NULL);
}

static gboolean
handle_distribute (AppealsRequest  *request,
                   GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(GPtrArray) shares = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) absent = NULL;
  JsonObject *body = appeals_api_require_object (request);
  GDate day;

  if (body == NULL)
    return TRUE;
  json_object_foreach_member (body, check_distribute_member, errors);
  read_journal_day (request, appeals_api_member_string (body, "date", "date", errors), errors, &day);
  absent = read_absent (body, errors);
  if (errors->len == 0 && (shares = appeals_receipt_records_distribute (request, &day, absent, errors, error)) == NULL)
    return FALSE;
  if (appeals_api_respond_invalid (request, errors))
    return TRUE;

  root = shares_to_json (&day, shares);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

static gboolean
handle_get (AppealsRequest  *request,
            GError         **error)
{
  g_autoptr(AppealsReceipt) receipt = NULL;
  gint64 id;

  if (!appeals_api_read_path_id (request, &id))
    return TRUE;
  if (!appeals_receipt_records_load (request, id, &receipt, error))
    return FALSE;
  if (receipt == NULL)
    {
      appeals_api_respond_not_found (request);
      return TRUE;
    }
  if (!appeals_audit_record_read (request->db, request->user->login, "receipt", receipt->id, error))
    return FALSE;
  appeals_api_respond_object (request, SOUP_STATUS_OK, (AppealsApiObjectWriter) appeals_receipt_to_json, receipt);
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
  appeals_server_add_route (server, "POST", "/api/v1/receipts/distribute", APPEALS_ALLOW_HEAD | APPEALS_ALLOW_ADMIN,
                            APPEALS_ROUTE_DEFAULT, handle_distribute);
}
