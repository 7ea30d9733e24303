/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-orders.c: the register of orders under control.
 *
 *   GET   /orders                  the register, most urgent first: filters and cursor paging
 *   POST  /orders                  an order: source, text, appeal or reception, executor, term
 *   GET   /orders/{id}             one order with its interim reports
 *   PATCH /orders/{id}             edit with If-Match: term, status, on-site check, conclusion
 *   POST  /orders/{id}/reports     an interim report of the executor body
 *   GET   /orders/{id}/history     the order's audit trail
 *
 * The reception protocol's orders are orders of this register too
 * (appeals-api-protocol.c speaks of them in the protocol's words).
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-order-records.h"

#define DEFAULT_PAGE_SIZE 50

static void
respond_order (AppealsRequest *request,
               guint           status,
               AppealsOrder   *order)
{
  g_autoptr(JsonNode) node = appeals_order_to_json (order);

  appeals_request_set_etag (request, order->id, order->version);
  appeals_request_respond_json (request, status, node);
}

static gboolean
load_or_404 (AppealsRequest  *request,
             AppealsOrder   **order,
             GError         **error)
{
  gint64 id;

  *order = NULL;
  if (!appeals_request_get_id_param (request, "id", &id))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }
  return appeals_api_orders_load_or_404 (request, id, order, error);
}

/* Filters --------------------------------------------------------------- */

static void
add_id_filter (AppealsRequest *request,
               GString        *where,
               GPtrArray      *values,
               GPtrArray      *errors,
               const char     *name)
{
  const char *text = appeals_request_get_query (request, name);
  g_autofree char *clause = NULL;
  guint64 id;

  if (text == NULL)
    return;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      appeals_field_errors_add (errors, name, APPEALS_FIELD_INVALID_VALUE, NULL);
      return;
    }
  clause = g_strdup_printf ("o.%s = ?", name);
  appeals_api_add_clause (where, values, clause, g_variant_new_int64 ((gint64) id));
}

static void
build_filter (AppealsRequest *request,
              GString        *where,
              GPtrArray      *values,
              GPtrArray      *errors)
{
  g_autofree char *scope = appeals_api_orders_scope_clause (request, values);
  const char *value;
  gboolean flag;
  int status;

  if (scope != NULL)
    g_string_append_printf (where, " AND %s", scope);

  if ((value = appeals_request_get_query (request, "status")) != NULL)
    {
      if (!appeals_enum_from_wire (APPEALS_TYPE_ORDER_CONTROL, value, &status))
        appeals_field_errors_add (errors, "status", APPEALS_FIELD_INVALID_VALUE, "on_control,executed,taken_off");
      else
        appeals_api_add_clause (where, values, "o.status = ?", g_variant_new_string (value));
    }
  if ((value = appeals_request_get_query (request, "source")) != NULL)
    {
      appeals_api_check_code (request, errors, "source", APPEALS_CLASSIFIER_ORDER_SOURCES, value);
      appeals_api_add_clause (where, values, "o.source = ?", g_variant_new_string (value));
    }
  if ((value = appeals_request_get_query (request, "executor_body")) != NULL)
    appeals_api_add_clause (where, values, "o.executor_body = ?", g_variant_new_string (value));
  add_id_filter (request, where, values, errors, "appeal_id");
  add_id_filter (request, where, values, errors, "reception_id");

  if ((value = appeals_request_get_query (request, "overdue")) != NULL)
    {
      g_autofree char *today_text = NULL;
      GDate today;

      if (!appeals_api_parse_bool (value, &flag))
        {
          appeals_field_errors_add (errors, "overdue", APPEALS_FIELD_INVALID_VALUE, "true,false");
          return;
        }
      /* as appeals_order_evaluate_overdue() says */
      appeals_server_get_today (&today);
      today_text = appeals_date_format_iso (&today);
      appeals_api_add_clause (where, values,
                  flag ? "o.status = 'on_control' AND o.due_date < ?"
                       : "NOT (o.status = 'on_control' AND o.due_date < ?)",
                  g_variant_new_string (today_text));
    }
}

/* Handlers -------------------------------------------------------------- */

static GVariant *
take_values (GPtrArray *values,
             guint      n)
{
  return g_variant_new_tuple ((GVariant **) values->pdata, n);
}

static gboolean
handle_list (AppealsRequest  *request,
             GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GString) where = g_string_new ("1 = 1");
  g_autoptr(AppealsDbResult) total = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *cursor_key = NULL;
  g_autofree char *next_cursor = NULL;
  g_autofree char *count_sql = NULL;
  g_autofree char *sql = NULL;
  const char *cursor = appeals_request_get_query (request, "cursor");
  guint limit = appeals_api_read_limit (request, DEFAULT_PAGE_SIZE, errors);
  gint64 cursor_id = 0;
  guint n_filter;

  if (cursor != NULL && !appeals_api_decode_cursor (cursor, &cursor_key, &cursor_id))
    appeals_field_errors_add (errors, "cursor", APPEALS_FIELD_INVALID_VALUE, NULL);
  build_filter (request, where, values, errors);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  /* values are sunk so that each statement may take a tuple of them */
  for (guint i = 0; i < values->len; i++)
    g_variant_ref_sink (g_ptr_array_index (values, i));
  n_filter = values->len;
  count_sql = g_strdup_printf ("SELECT COUNT(*) AS n FROM orders o WHERE %s", where->str);
  total = appeals_db_query (request->db, count_sql, take_values (values, n_filter), error);
  if (total == NULL)
    return FALSE;

  /* the most urgent first: by due date, then as registered */
  if (cursor_key != NULL)
    {
      g_string_append (where, " AND (o.due_date, o.id) > (?, ?)");
      g_ptr_array_add (values, g_variant_ref_sink (g_variant_new_string (cursor_key)));
      g_ptr_array_add (values, g_variant_ref_sink (g_variant_new_int64 (cursor_id)));
    }
  g_ptr_array_add (values, g_variant_ref_sink (g_variant_new_int64 ((gint64) limit + 1)));
  sql = g_strdup_printf ("SELECT o.* FROM orders o WHERE %s ORDER BY o.due_date, o.id LIMIT ?", where->str);
  rows = appeals_db_query (request->db, sql, take_values (values, values->len), error);
  if (rows == NULL)
    return FALSE;

  orders = appeals_api_orders_read (request, rows, MIN (appeals_db_result_get_n_rows (rows), limit), error);
  if (orders == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (rows) > limit)
    {
      AppealsOrder *last = g_ptr_array_index (orders, orders->len - 1);

      next_cursor = appeals_api_encode_cursor (appeals_db_result_get_string (rows, orders->len - 1, "due_date"),
                                               last->id);
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < orders->len; i++)
    json_builder_add_value (builder, appeals_order_to_json (g_ptr_array_index (orders, i)));
  json_builder_end_array (builder);
  appeals_api_respond_page (request, json_builder_get_root (builder), next_cursor,
                            appeals_db_result_get_int64 (total, 0, "n"));
  return TRUE;
}

/* Dates the field table cannot judge: not given in the future, and a
 * check not ahead of today. */
static void
check_dates (AppealsOrder *order,
             GPtrArray    *errors)
{
  GDate today;

  appeals_server_get_today (&today);
  if (g_date_valid (&order->given_on) && g_date_compare (&order->given_on, &today) > 0 &&
      appeals_field_errors_find (errors, "given_on") == NULL)
    appeals_field_errors_add (errors, "given_on", APPEALS_FIELD_OUT_OF_RANGE, NULL);
  if (g_date_valid (&order->check_date) && g_date_compare (&order->check_date, &today) > 0 &&
      appeals_field_errors_find (errors, "check_date") == NULL)
    appeals_field_errors_add (errors, "check_date", APPEALS_FIELD_OUT_OF_RANGE, NULL);
}

static gboolean
handle_create (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsOrder) order = appeals_order_new ();
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autofree char *location = NULL;
  gboolean registered;
  JsonObject *body = appeals_api_require_object (request);

  if (body == NULL)
    return TRUE;

  appeals_record_read_members (appeals_order_get_record_type (), order, body, APPEALS_RECORD_CREATE, errors);
  appeals_order_validate (order, errors);
  check_dates (order, errors);
  if (!appeals_api_orders_create (request, order, errors, &registered, error))
    return FALSE;
  if (!registered)
    return TRUE;

  location = g_strdup_printf ("/api/v1/orders/%" G_GINT64_FORMAT, order->id);
  appeals_request_set_header (request, "Location", location);
  respond_order (request, SOUP_STATUS_CREATED, order);
  return TRUE;
}

static gboolean
handle_get (AppealsRequest  *request,
            GError         **error)
{
  g_autoptr(AppealsOrder) order = NULL;

  if (!load_or_404 (request, &order, error))
    return FALSE;
  if (order != NULL)
    respond_order (request, SOUP_STATUS_OK, order);
  return TRUE;
}

static gboolean
handle_patch (AppealsRequest  *request,
              GError         **error)
{
  g_autoptr(AppealsOrder) current = NULL;
  g_autoptr(AppealsOrder) edited = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(GPtrArray) changed = NULL;
  JsonObject *body;

  if (!load_or_404 (request, &current, error))
    return FALSE;
  if (current == NULL)
    return TRUE;
  if (!appeals_api_check_if_match (request, current->id, current->version, appeals_order_get_record_type (), current))
    return TRUE;
  if ((body = appeals_api_require_object (request)) == NULL)
    return TRUE;

  edited = appeals_order_copy (current);
  appeals_record_read_members (appeals_order_get_record_type (), edited, body, APPEALS_RECORD_UPDATE, errors);
  appeals_order_validate (edited, errors);
  check_dates (edited, errors);
  appeals_api_check_code (request, errors, "executor_body", APPEALS_CLASSIFIER_ADDRESSEE_BODIES,
                          edited->executor_body);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  changed = appeals_record_diff (appeals_order_get_record_type (), current, edited);
  if (changed->len == 0)
    {
      respond_order (request, SOUP_STATUS_OK, current);
      return TRUE;
    }
  if (!appeals_api_orders_update (request, current, edited, error))
    return FALSE;

  g_ptr_array_extend (edited->reports, current->reports, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  respond_order (request, SOUP_STATUS_OK, edited);
  return TRUE;
}

static gboolean
handle_add_report (AppealsRequest  *request,
                   GError         **error)
{
  g_autoptr(AppealsOrder) order = NULL;
  g_autoptr(AppealsOrderReport) report = appeals_order_report_new ();
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  JsonObject *body;
  GDate today;

  if (!load_or_404 (request, &order, error))
    return FALSE;
  if (order == NULL || (body = appeals_api_require_object (request)) == NULL)
    return TRUE;

  appeals_server_get_today (&today);
  appeals_record_read_members (appeals_order_report_get_record_type (), report, body, APPEALS_RECORD_CREATE, errors);
  appeals_order_report_validate (report, &today, errors);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  if (!appeals_api_orders_add_report (request, order, report, error))
    return FALSE;
  respond_order (request, SOUP_STATUS_CREATED, order);
  return TRUE;
}

static gboolean
handle_history (AppealsRequest  *request,
                GError         **error)
{
  g_autoptr(AppealsOrder) order = NULL;

  if (!load_or_404 (request, &order, error))
    return FALSE;
  if (order == NULL)
    return TRUE;
  return appeals_api_respond_history (request, "order", order->id, error);
}

void
appeals_api_orders_register (AppealsServer *server)
{
  AppealsAllow keepers = APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_HEAD |
                         APPEALS_ALLOW_ADMIN;

  appeals_server_add_route (server, "GET", "/api/v1/orders", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_SLOW, handle_list);
  appeals_server_add_route (server, "POST", "/api/v1/orders", keepers,
                            APPEALS_ROUTE_IDEMPOTENT, handle_create);
  appeals_server_add_route (server, "GET", "/api/v1/orders/{id}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_get);
  appeals_server_add_route (server, "PATCH", "/api/v1/orders/{id}", keepers,
                            APPEALS_ROUTE_DEFAULT, handle_patch);
  appeals_server_add_route (server, "POST", "/api/v1/orders/{id}/reports", keepers,
                            APPEALS_ROUTE_IDEMPOTENT, handle_add_report);
  appeals_server_add_route (server, "GET", "/api/v1/orders/{id}/history", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_history);
}
