/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-protocol.c: after and before a reception.
 *
 *   POST  /receptions/{id}/orders             an order of the protocol: executor body, term in working days
 *   PATCH /receptions/{id}/orders/{order}     the order executed (or reopened)
 *
 * The protocol's orders live in the register of orders
 * (appeals-order-records.c) with "reception-protocol" as their source;
 * these routes keep the protocol's words for them: open or executed.
 *   POST  /receptions/{id}/archive            archive a held reception once the protocol is sent and
 *                                             every order executed or taken off control
 *   GET   /review                             receptions of the next three working days, with completeness
 *   POST  /receptions/{id}/review             the leadership reviewed them, with instructions (a new
 *                                             entry every time: a review is never overwritten)
 */
#include "config.h"

#include <string.h>

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-audit.h"
#include "appeals-order-records.h"
#include "appeals-reception-records.h"

#define REVIEW_WORKING_DAYS 3

/* what the leadership needs to see: the reference note, the applicant's
 * documents and the bodies' positions, as attachments */
static const char *review_materials[] = { "reference_note", "applicant_document", "body_position" };

static gboolean
respond_reception (AppealsRequest  *request,
                   gint64           id,
                   guint            status,
                   GError         **error)
{
  g_autoptr(AppealsDbResult) row = appeals_db_query (request->db,
                                                     "SELECT " APPEALS_RECEPTION_COLUMNS " FROM receptions r WHERE r.id = ?",
                                                     g_variant_new ("(x)", id), error);
  g_autoptr(JsonNode) node = NULL;

  if (row == NULL || (node = appeals_api_reception_to_json (request, row, 0, error)) == NULL)
    return FALSE;
  appeals_request_respond_json (request, status, node);
  return TRUE;
}

/* An archived or cancelled reception takes no orders and changes none:
 * answers 409 and returns %TRUE for one. */
static gboolean
refuse_closed (AppealsRequest  *request,
               AppealsDbResult *row)
{
  int status = appeals_api_reception_row_status (row);

  if (status != APPEALS_RECEPTION_STATUS_ARCHIVED && status != APPEALS_RECEPTION_STATUS_CANCELLED)
    return FALSE;
  appeals_api_respond_reception_conflict (request, "status", "booked,confirmed,held");
  return TRUE;
}

/* POST /receptions/{id}/orders: an order of the register whose source is
 * the reception's protocol. */
static gboolean
handle_add_order (AppealsRequest  *request,
                  GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsOrder) order = appeals_order_new ();
  JsonObject *body;
  gboolean registered;

  if (!appeals_api_load_reception_row (request, &row, error))
    return FALSE;
  if (row == NULL || (body = appeals_api_require_object (request)) == NULL || refuse_closed (request, row))
    return TRUE;

  order->source = g_strdup (APPEALS_ORDER_SOURCE_RECEPTION_PROTOCOL);
  order->reception_id = appeals_db_result_get_int64 (row, 0, "id");
  /* a member of the wrong type is a field error, never a Json-CRITICAL */
  order->text = g_strdup (appeals_api_member_string (body, "text", NULL, errors));
  order->executor_body = g_strdup (appeals_api_member_string (body, "executor_body", NULL, errors));
  order->working_days = appeals_api_member_int (body, "working_days", 0, NULL, errors);
  {
    g_autofree char *stripped = g_strstrip (g_strdup (order->text != NULL ? order->text : ""));

    if (*stripped == '\0')
      appeals_field_errors_add (errors, "text", APPEALS_FIELD_REQUIRED, NULL);
  }
  if (order->executor_body == NULL)
    appeals_field_errors_add (errors, "executor_body", APPEALS_FIELD_REQUIRED, NULL);
  if (order->working_days < 1 || order->working_days > 60)
    appeals_field_errors_add (errors, "working_days", APPEALS_FIELD_OUT_OF_RANGE, "1..60");
  appeals_order_validate (order, errors);
  if (!appeals_api_orders_create (request, order, errors, &registered, error))
    return FALSE;
  if (!registered)
    return TRUE;
  return respond_reception (request, order->reception_id, SOUP_STATUS_CREATED, error);
}

/* PATCH /receptions/{id}/orders/{order}: "executed", or "open" again — the
 * register's executed and on control. An order that is not this
 * reception's is not found. */
static gboolean
handle_order_status (AppealsRequest  *request,
                     GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(AppealsOrder) current = NULL;
  g_autoptr(AppealsOrder) edited = NULL;
  const char *status;
  JsonObject *body;
  gint64 id;

  if (!appeals_api_load_reception_row (request, &row, error))
    return FALSE;
  if (row == NULL || (body = appeals_api_require_object (request)) == NULL || refuse_closed (request, row))
    return TRUE;
  if (!appeals_request_get_id_param (request, "order", &id))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }
  if (!appeals_api_orders_load_or_404 (request, id, &current, error))
    return FALSE;
  if (current == NULL)
    return TRUE;
  if (current->reception_id != appeals_db_result_get_int64 (row, 0, "id"))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }

  status = appeals_api_member_string (body, "status", NULL, NULL);
  if (g_strcmp0 (status, "executed") != 0 && g_strcmp0 (status, "open") != 0)
    {
      appeals_request_respond_field_error (request, 422, "status", APPEALS_FIELD_INVALID_VALUE, "open,executed");
      return TRUE;
    }

  edited = appeals_order_copy (current);
  edited->status = g_str_equal (status, "executed") ? APPEALS_ORDER_CONTROL_EXECUTED
                                                    : APPEALS_ORDER_CONTROL_ON_CONTROL;
  if (edited->status != current->status && !appeals_api_orders_update (request, current, edited, error))
    return FALSE;

  return respond_reception (request, current->reception_id, SOUP_STATUS_OK, error);
}

static gboolean
handle_archive (AppealsRequest  *request,
                GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(AppealsDbResult) open_orders = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  gint64 id;

  if (!appeals_api_load_reception_row (request, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;
  id = appeals_db_result_get_int64 (row, 0, "id");

  /* held, the protocol sent to the bodies, and no order still under
   * control (each executed or taken off control); a 409 says "conflict",
   * as every other 409 does, and names the member in the way */
  if (appeals_api_reception_row_status (row) != APPEALS_RECEPTION_STATUS_HELD)
    {
      appeals_api_respond_reception_conflict (request, "status", "held");
      return TRUE;
    }
  open_orders = appeals_db_query (request->db,
                                  "SELECT (SELECT COUNT(*) FROM orders WHERE reception_id = ? AND status = 'on_control') AS n, "
                                  "(SELECT COUNT(*) FROM reception_steps WHERE reception_id = ? "
                                  "AND code = 'protocol_to_bodies' AND done = 1) AS sent",
                                  g_variant_new ("(xx)", id, id), error);
  if (open_orders == NULL)
    return FALSE;
  if (appeals_db_result_get_int64 (open_orders, 0, "sent") == 0)
    {
      appeals_api_respond_reception_conflict (request, "steps", "protocol_to_bodies");
      return TRUE;
    }
  if (appeals_db_result_get_int64 (open_orders, 0, "n") > 0)
    {
      appeals_api_respond_reception_conflict (request, "orders", "executed");
      return TRUE;
    }

  if ((before = appeals_api_reception_snapshot (request->db, id, NULL, error)) == NULL ||
      !appeals_db_exec (request->db, "UPDATE receptions SET status = 'archived', version = version + 1 WHERE id = ?",
                        g_variant_new ("(x)", id), error) ||
      !appeals_api_audit_reception (request->db, id, NULL, "reception", "archive", request->user->login, before,
                                    error) ||
      !appeals_db_exec (request->db,
                        "UPDATE reception_steps SET done = 1, done_by = ?, done_at = ? WHERE reception_id = ? AND code = 'archive'",
                        g_variant_new ("(ssx)", request->user->login, now, id), error))
    return FALSE;

  return respond_reception (request, id, SOUP_STATUS_OK, error);
}

static gboolean
handle_review_list (AppealsRequest  *request,
                    GError         **error)
{
  AppealsCalendar *calendar = appeals_server_get_calendar (request->server);
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate today, until;

  appeals_server_get_today (&today);
  appeals_calendar_add_working_days (calendar, &today, REVIEW_WORKING_DAYS, &until);
  from = appeals_date_format_iso (&today);
  to = appeals_date_format_iso (&until);

  rows = appeals_db_query (request->db,
                           "SELECT " APPEALS_RECEPTION_COLUMNS " FROM receptions r "
                           "WHERE r.date > ? AND r.date <= ? AND r.status NOT IN ('cancelled', 'archived') "
                           "ORDER BY r.date, r.start_time, r.id",
                           g_variant_new ("(ss)", from, to), error);
  if (rows == NULL)
    return FALSE;
  items = appeals_api_receptions_to_json (request, rows, NULL, appeals_db_result_get_n_rows (rows), error);
  if (items == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "until");
  json_builder_add_string_value (builder, to);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      JsonNode *item = json_node_ref (g_ptr_array_index (items, i));
      JsonArray *attachments;
      JsonObject *counts;
      guint done = 0;

      /* out of the reader's scope */
      if (json_object_has_member (json_node_get_object (item), "restricted"))
        {
          json_node_unref (item);
          continue;
        }

      /* complete: at least one file of every kind of material */
      attachments = json_object_get_array_member (json_node_get_object (item), "attachments");
      counts = json_object_new ();
      for (guint k = 0; k < G_N_ELEMENTS (review_materials); k++)
        {
          gint64 n = 0;

          for (guint j = 0; j < json_array_get_length (attachments); j++)
            if (g_str_equal (json_object_get_string_member (json_array_get_object_element (attachments, j), "kind"),
                             review_materials[k]))
              n++;
          json_object_set_int_member (counts, review_materials[k], n);
          done += n > 0;
        }
      json_object_set_object_member (json_node_get_object (item), "materials", counts);
      json_object_set_int_member (json_node_get_object (item), "materials_done", done);
      json_object_set_int_member (json_node_get_object (item), "materials_needed", G_N_ELEMENTS (review_materials));
      json_object_set_boolean_member (json_node_get_object (item), "complete", done == G_N_ELEMENTS (review_materials));
      json_builder_add_value (builder, item);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

static gboolean
handle_review (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(AppealsDbResult) reviewed = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  JsonObject *body;
  const char *instructions;
  gint64 id;

  if (!appeals_api_load_reception_row (request, &row, error))
    return FALSE;
  if (row == NULL || (body = appeals_api_require_object (request)) == NULL)
    return TRUE;
  id = appeals_db_result_get_int64 (row, 0, "id");
  instructions = appeals_api_member_string (body, "instructions", NULL, errors);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  /* a review is never overwritten: each is an entry of its own */
  reviewed = appeals_db_query (request->db,
                               "INSERT INTO reception_review_entries (reception_id, reviewed_by, reviewed_at, "
                               "instructions) VALUES (?, ?, ?, ?) RETURNING id",
                               g_variant_new ("(xssms)", id, request->user->login, now, instructions), error);
  if (reviewed == NULL ||
      (after = appeals_audit_snapshot (request->db,
                                       "SELECT id AS review_id, reviewed_by, reviewed_at, instructions "
                                       "FROM reception_review_entries WHERE id = ?",
                                       g_variant_new ("(x)", appeals_db_result_get_int64 (reviewed, 0, "id")),
                                       error)) == NULL ||
      !appeals_audit_record_snapshots (request->db, "reception_review", id, 0, "review", request->user->login,
                                       NULL, after, error))
    return FALSE;

  return respond_reception (request, id, SOUP_STATUS_OK, error);
}

void
appeals_api_protocol_register (AppealsServer *server)
{
  AppealsAllow organisers = APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_HEAD |
                            APPEALS_ALLOW_ADMIN;
  AppealsAllow readers = APPEALS_ALLOW_LEADERSHIP | APPEALS_ALLOW_HEAD | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_ADMIN;

  appeals_server_add_route (server, "POST", "/api/v1/receptions/{id}/orders", organisers,
                            APPEALS_ROUTE_IDEMPOTENT, handle_add_order);
  appeals_server_add_route (server, "PATCH", "/api/v1/receptions/{id}/orders/{order}", organisers,
                            APPEALS_ROUTE_DEFAULT, handle_order_status);
  appeals_server_add_route (server, "POST", "/api/v1/receptions/{id}/archive",
                            APPEALS_ALLOW_LEADERSHIP | APPEALS_ALLOW_HEAD, APPEALS_ROUTE_DEFAULT, handle_archive);
  appeals_server_add_route (server, "GET", "/api/v1/review", readers, APPEALS_ROUTE_DEFAULT, handle_review_list);
  appeals_server_add_route (server, "POST", "/api/v1/receptions/{id}/review", APPEALS_ALLOW_LEADERSHIP,
                            APPEALS_ROUTE_DEFAULT, handle_review);
}
