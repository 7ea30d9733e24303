/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-order-records.c: orders under control as the domain keeps them.
 * An order is within a district-bound user's scope when its appeal is in
 * that district and its reception's visitor is theirs; out of scope it
 * answers as if it did not exist. Every write has its audit entry, in the
 * caller's transaction.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-audit.h"
#include "appeals-order-records.h"
#include "appeals-reception-records.h"
#include "appeals-scope.h"
#include "appeals-store.h"

/* Written on every update; appeal_id, reception_id and given_on never change. */
static const char * const update_columns[] = {
  "version", "text", "executor_body", "working_days", "due_date", "status", "executed_at", "check_date",
  "check_findings", "conclusion", "updated_at", NULL
};

static const char * const insert_columns[] = {
  "version", "source", "text", "executor_body", "given_on", "working_days", "due_date", "status", "executed_at",
  "check_date", "check_findings", "conclusion", "created_by", "created_at", "updated_at", NULL
};

/* An id, or NULL for none (the columns are foreign keys). */
static GVariant *
maybe_id (gint64 id)
{
  return g_variant_new_maybe (G_VARIANT_TYPE_INT64, id > 0 ? g_variant_new_int64 (id) : NULL);
}

/**
 * appeals_api_orders_read:
 * @rows: rows of the orders table ("o.*"); the first @n_rows are read
 *
 * The orders with their interim reports (one statement for all of them)
 * and whether each is overdue today.
 *
 * Returns: (transfer full) (element-type AppealsOrder): the orders, or
 *   %NULL with @error set
 */
GPtrArray *
appeals_api_orders_read (AppealsRequest   *request,
                         AppealsDbResult  *rows,
                         guint             n_rows,
                         GError          **error)
{
  AppealsCalendar *calendar = appeals_server_get_calendar (request->server);
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(AppealsDbResult) reports = NULL;
  GDate today;

  appeals_server_get_today (&today);
  for (guint i = 0; i < n_rows; i++)
    {
      AppealsOrder *order = appeals_order_new ();

      g_ptr_array_add (orders, order);
      if (!appeals_store_read_row (appeals_order_get_record_type (), order, rows, i, error))
        return NULL;
      appeals_order_evaluate_overdue (order, calendar, &today);
      g_array_append_val (ids, order->id);
      g_hash_table_insert (by_id, &order->id, order);
    }
  if (n_rows == 0)
    return g_steal_pointer (&orders);

  reports = appeals_store_query_ids (request->db,
                                     "SELECT r.*, " APPEALS_STORE_USER_NAME ("r.created_by") " AS created_by_name "
                                     "FROM order_reports r WHERE r.order_id IN @ids "
                                     "ORDER BY r.order_id, r.id",
                                     NULL, ids, error);
  if (reports == NULL)
    return NULL;
  for (guint i = 0; i < appeals_db_result_get_n_rows (reports); i++)
    {
      gint64 order_id = appeals_db_result_get_int64 (reports, i, "order_id");
      AppealsOrder *order = g_hash_table_lookup (by_id, &order_id);
      g_autoptr(AppealsOrderReport) report = appeals_order_report_new ();

      if (!appeals_store_read_row (appeals_order_report_get_record_type (), report, reports, i, error))
        return NULL;
      g_ptr_array_add (order->reports, g_steal_pointer (&report));
    }
  return g_steal_pointer (&orders);
}

/* Whether the appeal and the reception of @order are the caller's. */
static gboolean
order_in_scope (AppealsRequest  *request,
                AppealsOrder    *order,
                gboolean        *in_scope,
                GError         **error)
{
  *in_scope = TRUE;
  if (request->user->district == NULL)
    return TRUE;

  if (order->appeal_id > 0)
    {
      g_autoptr(AppealsDbResult) appeal = appeals_db_query (request->db, "SELECT district FROM appeals WHERE id = ?",
                                                            g_variant_new ("(x)", order->appeal_id), error);

      if (appeal == NULL)
        return FALSE;
      *in_scope = appeals_db_result_get_n_rows (appeal) > 0 &&
                  appeals_api_in_scope (request, appeals_db_result_get_string (appeal, 0, "district"));
    }
  if (*in_scope && order->reception_id > 0)
    {
      g_autoptr(AppealsDbResult) reception = appeals_db_query (request->db,
                                                               "SELECT applicant_id FROM receptions WHERE id = ?",
                                                               g_variant_new ("(x)", order->reception_id), error);

      if (reception == NULL)
        return FALSE;
      *in_scope = appeals_db_result_get_n_rows (reception) > 0;
      if (*in_scope &&
          !appeals_api_applicant_in_scope (request, appeals_db_result_get_int64 (reception, 0, "applicant_id"),
                                           in_scope, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * appeals_api_orders_load_or_404:
 * @order: (out) (transfer full): the order, or %NULL after answering 404
 *
 * Returns: %FALSE only for a storage error.
 */
gboolean
appeals_api_orders_load_or_404 (AppealsRequest  *request,
                                gint64           id,
                                AppealsOrder   **order,
                                GError         **error)
{
  g_autoptr(AppealsDbResult) row = appeals_db_query (request->db, "SELECT o.* FROM orders o WHERE o.id = ?",
                                                     g_variant_new ("(x)", id), error);
  g_autoptr(GPtrArray) orders = NULL;
  gboolean in_scope = FALSE;

  *order = NULL;
  if (row == NULL || (orders = appeals_api_orders_read (request, row, appeals_db_result_get_n_rows (row), error)) == NULL)
    return FALSE;
  if (orders->len > 0 && !order_in_scope (request, g_ptr_array_index (orders, 0), &in_scope, error))
    return FALSE;

  if (!in_scope)
    appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
  else
    *order = g_object_ref (g_ptr_array_index (orders, 0));
  return TRUE;
}

/**
 * appeals_api_orders_scope_clause:
 * @values: (element-type GVariant): gets the clause's parameters
 *
 * Returns: (transfer full) (nullable): a condition on "o" that keeps the
 *   caller's orders, or %NULL when every order is theirs
 */
char *
appeals_api_orders_scope_clause (AppealsRequest *request,
                                 GPtrArray      *values)
{
  const char *district = request->user->district;

  if (district == NULL)
    return NULL;
  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (values, g_variant_new_string (district));
  return g_strdup ("(o.appeal_id IS NULL OR o.appeal_id IN (SELECT id FROM appeals WHERE district = ?)) AND "
                   "(o.reception_id IS NULL OR o.reception_id IN (SELECT r.id FROM receptions r WHERE "
                   "EXISTS (SELECT 1 FROM appeals x WHERE x.applicant_id = r.applicant_id AND x.district = ?) OR "
                   "NOT EXISTS (SELECT 1 FROM appeals x WHERE x.applicant_id = r.applicant_id)))");
}

/* Classifier codes, and the appeal and reception the order is given on:
 * they exist and are the caller's. */
static gboolean
check_references (AppealsRequest  *request,
                  AppealsOrder    *order,
                  GPtrArray       *errors,
                  GError         **error)
{
  static const char * const tables[] = { "appeals", "receptions" };
  static const char * const members[] = { "appeal_id", "reception_id" };
  gint64 ids[] = { order->appeal_id, order->reception_id };
  gboolean in_scope = FALSE;

  appeals_api_check_code (request, errors, "source", APPEALS_CLASSIFIER_ORDER_SOURCES, order->source);
  appeals_api_check_code (request, errors, "executor_body", APPEALS_CLASSIFIER_ADDRESSEE_BODIES, order->executor_body);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE id = ?", tables[i]);
      g_autoptr(AppealsDbResult) row = NULL;

      if (ids[i] <= 0 || appeals_field_errors_find (errors, members[i]) != NULL)
        continue;
      row = appeals_db_query (request->db, sql, g_variant_new ("(x)", ids[i]), error);
      if (row == NULL)
        return FALSE;
      if (appeals_db_result_get_n_rows (row) == 0)
        appeals_field_errors_add (errors, members[i], APPEALS_FIELD_NOT_FOUND, NULL);
    }

  if (errors->len == 0 && !order_in_scope (request, order, &in_scope, error))
    return FALSE;
  if (errors->len == 0 && !in_scope)
    appeals_field_errors_add (errors, order->appeal_id > 0 ? "appeal_id" : "reception_id", APPEALS_FIELD_NOT_FOUND,
                              NULL);
  return TRUE;
}

/* The status moves the execution time: set when executed, cleared when
 * put back on control. */
static void
stamp_status (AppealsOrder *order,
              AppealsOrder *before,
              const char   *now)
{
  if (order->status == APPEALS_ORDER_CONTROL_UNSET)
    order->status = APPEALS_ORDER_CONTROL_ON_CONTROL;
  if (order->status == APPEALS_ORDER_CONTROL_EXECUTED &&
      (before == NULL || before->status != APPEALS_ORDER_CONTROL_EXECUTED))
    {
      g_clear_pointer (&order->executed_at, g_date_time_unref);
      order->executed_at = g_date_time_new_from_iso8601 (now, NULL);
    }
  else if (order->status != APPEALS_ORDER_CONTROL_EXECUTED)
    g_clear_pointer (&order->executed_at, g_date_time_unref);
}

/* A reception's steps 12–13 follow its protocol's orders. */
static gboolean
follow_orders (AppealsRequest  *request,
               AppealsOrder    *order,
               GError         **error)
{
  return order->reception_id <= 0 ||
         appeals_api_reception_follow_orders (request->server, request->db, order->reception_id, request->user->login,
                                              error);
}

/* Registers a validated order: its term counts from the day it was given,
 * it starts on control, and the audit trail gets it. */
static gboolean
insert_order (AppealsRequest  *request,
              AppealsOrder    *order,
              GError         **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  g_autoptr(AppealsDbResult) created = NULL;
  GVariant *ids[2] = { maybe_id (order->appeal_id), maybe_id (order->reception_id) };
  GDate today;

  appeals_server_get_today (&today);
  if (!g_date_valid (&order->given_on))
    order->given_on = today;
  appeals_order_compute_due (order, appeals_server_get_calendar (request->server));
  stamp_status (order, NULL, now);
  order->version = 1;
  g_free (order->created_by);
  order->created_by = g_strdup (request->user->login);
  g_clear_pointer (&order->created_at, g_date_time_unref);
  g_clear_pointer (&order->updated_at, g_date_time_unref);
  order->created_at = g_date_time_new_from_iso8601 (now, NULL);
  order->updated_at = g_date_time_ref (order->created_at);

  {
    /* the two ids after the columns, as values of their own */
    g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
    g_auto(GStrv) columns = NULL;
    g_autofree char *insert = NULL;

    g_strv_builder_addv (names, (const char **) insert_columns);
    g_strv_builder_add_many (names, "appeal_id", "reception_id", NULL);
    columns = g_strv_builder_end (names);
    insert = appeals_store_insert_sql ("orders", (const char * const *) columns);
    sql = g_strconcat (insert, " RETURNING id", NULL);
  }
  created = appeals_db_query (request->db, sql,
                              appeals_store_values (appeals_order_get_record_type (), order, insert_columns, ids, 2),
                              error);
  if (created == NULL)
    return FALSE;
  order->id = appeals_db_result_get_int64 (created, 0, "id");
  appeals_order_evaluate_overdue (order, appeals_server_get_calendar (request->server), &today);

  return appeals_audit_record_change (request->db, "order", order->id, 1, "create", request->user->login,
                                      appeals_order_get_record_type (), NULL, order, error) &&
         follow_orders (request, order, error);
}

/**
 * appeals_api_orders_create:
 * @errors: the field errors found so far in the request's body
 * @registered: (out): whether the order was registered
 *
 * Checks the references of a validated @order and registers it; with field
 * errors, answers 422 with them instead. Returns %FALSE only for a storage
 * error.
 */
gboolean
appeals_api_orders_create (AppealsRequest  *request,
                           AppealsOrder    *order,
                           GPtrArray       *errors,
                           gboolean        *registered,
                           GError         **error)
{
  *registered = FALSE;
  if (!check_references (request, order, errors, error))
    return FALSE;
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }
  if (!insert_order (request, order, error))
    return FALSE;
  *registered = TRUE;
  return TRUE;
}

/**
 * appeals_api_orders_update:
 *
 * Stores @edited over @current under its version: a new term moves the
 * due date, the status its execution time; the audit trail gets the
 * fields that changed.
 */
gboolean
appeals_api_orders_update (AppealsRequest  *request,
                           AppealsOrder    *current,
                           AppealsOrder    *edited,
                           GError         **error)
{
  g_autofree char *now = appeals_server_now_iso ();
  GDate today;

  appeals_order_compute_due (edited, appeals_server_get_calendar (request->server));
  stamp_status (edited, current, now);
  edited->version = current->version + 1;
  g_clear_pointer (&edited->updated_at, g_date_time_unref);
  edited->updated_at = g_date_time_new_from_iso8601 (now, NULL);

  if (!appeals_store_update_changes (request->db, "orders", appeals_order_get_record_type (), update_columns,
                                     current, edited, error))
    return FALSE;

  appeals_server_get_today (&today);
  appeals_order_evaluate_overdue (edited, appeals_server_get_calendar (request->server), &today);
  return appeals_audit_record_change (request->db, "order", edited->id, edited->version, "update",
                                      request->user->login, appeals_order_get_record_type (), current, edited,
                                      error) &&
         follow_orders (request, edited, error);
}

/**
 * appeals_api_orders_add_report:
 *
 * Adds a validated interim report to @order (and to its list), with the
 * order's audit entry.
 */
gboolean
appeals_api_orders_add_report (AppealsRequest      *request,
                               AppealsOrder        *order,
                               AppealsOrderReport  *report,
                               GError             **error)
{
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *reported_on = appeals_date_format_iso (&report->reported_on);
  g_autoptr(AppealsDbResult) created = NULL;
  g_autoptr(JsonObject) snapshot = NULL;

  created = appeals_db_query (request->db,
                              "INSERT INTO order_reports (order_id, reported_on, text, created_by, created_at) "
                              "VALUES (?, ?, ?, ?, ?) RETURNING id",
                              g_variant_new ("(xssss)", order->id, reported_on, report->text, request->user->login,
                                             now),
                              error);
  if (created == NULL)
    return FALSE;
  report->id = appeals_db_result_get_int64 (created, 0, "id");
  g_free (report->created_by);
  report->created_by = g_strdup (request->user->login);
  g_free (report->created_by_name);
  report->created_by_name = g_strdup (request->user->full_name);
  g_clear_pointer (&report->created_at, g_date_time_unref);
  report->created_at = g_date_time_new_from_iso8601 (now, NULL);
  g_ptr_array_add (order->reports, g_object_ref (report));

  snapshot = appeals_audit_snapshot (request->db, "SELECT id AS report_id, reported_on, text FROM order_reports "
                                     "WHERE id = ?", g_variant_new ("(x)", report->id), error);
  return snapshot != NULL &&
         appeals_audit_record_snapshots (request->db, "order", order->id, order->version, "report",
                                         request->user->login, NULL, snapshot, error);
}
