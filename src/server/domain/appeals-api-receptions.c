/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-receptions.c: personal receptions by officials.
 *
 *   GET   /receptions?date=&official_id=      a day's queue: priority first, then booking time
 *   POST  /receptions                         book a visitor (the essence of the question is required) in a
 *                                             free slot of a reception day of the official (409 slot_taken)
 *   GET   /receptions/{id}                    a booking with its 13 steps
 *   PATCH /receptions/{id}/steps/{code}       mark a step done or not, with a note
 *   GET   /reception-steps/today              steps due today or overdue, not done
 *   GET   /reception-days?from=&to=&official_id=  booked visitors per day, for the month view
 *   GET   /reception-queues?from=&to=&official_id=  the queues of up to 31 days in one answer (the week view)
 *
 * The steps and their terms come from data/reception/workflow.json; the
 * priority categories from data/rules/priority-categories.json.
 */
#include "config.h"

#include <string.h>

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-reception-records.h"
#include "appeals-reception-slots.h"
#include "appeals-scope.h"
#include "appeals-store.h"

/* the rules in force, as the last start or SIGHUP loaded them */
static AppealsPriorityCatalog *
get_priorities (AppealsRequest *request)
{
  return appeals_server_get_priorities (request->server);
}

/* Answers @rows (receptions by date) as the queues of their days: within
 * a day priority categories first, then booking time (the core's order),
 * each visitor checked against the caller's scope, in a fixed number of
 * statements whatever the number of days. */
static gboolean
respond_queues (AppealsRequest   *request,
                AppealsDbResult  *rows,
                GError          **error)
{
  AppealsPriorityCatalog *priorities = get_priorities (request);
  guint n_rows = appeals_db_result_get_n_rows (rows);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree AppealsQueueEntry *entries = g_new0 (AppealsQueueEntry, MAX (n_rows, 1));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *order = g_new (guint, n_rows + 1);
  g_autoptr(GPtrArray) items = NULL;

  if (priorities == NULL)
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GDateTime) booked = g_date_time_new_from_iso8601 (appeals_db_result_get_string (rows, i, "booked_at"),
                                                                  NULL);
      char *index = g_strdup_printf ("%010u", i);

      g_ptr_array_add (ids, index);
      entries[i].id = index;
      entries[i].priority = appeals_db_result_get_string (rows, i, "priority");
      entries[i].booked_at = booked != NULL ? g_date_time_to_unix (booked) * G_USEC_PER_SEC + g_date_time_get_microsecond (booked) : 0;
    }
  /* each day's run of rows in the queue's order */
  for (guint start = 0, end; start < n_rows; start = end)
    {
      for (end = start + 1; end < n_rows && g_str_equal (appeals_db_result_get_string (rows, end, "date"),
                                                         appeals_db_result_get_string (rows, start, "date")); end++)
        ;
      appeals_priority_sort_queue (priorities, entries + start, end - start);
    }

  for (guint i = 0; i < n_rows; i++)
    order[i] = g_ascii_strtoull (entries[i].id, NULL, 10);
  items = appeals_api_receptions_to_json (request, rows, order, n_rows, error);
  if (items == NULL)
    return FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    json_builder_add_value (builder, json_node_ref (g_ptr_array_index (items, i)));
  json_builder_end_array (builder);

  appeals_api_respond_items (request, json_builder_get_root (builder));
  return TRUE;
}

/* One day's queue. */
static gboolean
handle_queue (AppealsRequest  *request,
              GError         **error)
{
  const char *date = appeals_request_get_query (request, "date");
  const char *official = appeals_request_get_query (request, "official_id");
  g_autoptr(AppealsDbResult) rows = NULL;
  guint64 official_id = 0;
  GDate day;

  if (date == NULL || !appeals_date_parse_iso (date, &day))
    {
      appeals_request_respond_field_error (request, 422, "date", date == NULL ? APPEALS_FIELD_REQUIRED
                                                                              : APPEALS_FIELD_INVALID_DATE, NULL);
      return TRUE;
    }
  if (official != NULL && !g_ascii_string_to_unsigned (official, 10, 1, G_MAXINT64, &official_id, NULL))
    {
      appeals_request_respond_field_error (request, 422, "official_id", APPEALS_FIELD_INVALID_VALUE, NULL);
      return TRUE;
    }

  rows = appeals_db_query (request->db,
                           "SELECT " APPEALS_RECEPTION_COLUMNS " FROM receptions r WHERE r.date = ? "
                           "AND (? = 0 OR r.official_id = ?) AND r.status <> 'cancelled' ORDER BY r.id",
                           g_variant_new ("(sxx)", date, (gint64) official_id, (gint64) official_id), error);
  return rows != NULL && respond_queues (request, rows, error);
}

static gboolean
handle_get (AppealsRequest  *request,
            GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!appeals_api_load_reception_row (request, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;

  node = appeals_api_reception_to_json (request, row, 0, error);
  if (node == NULL)
    return FALSE;
  appeals_request_respond_json (request, SOUP_STATUS_OK, node);
  return TRUE;
}

static gboolean
handle_book (AppealsRequest  *request,
             GError         **error)
{
  g_autoptr(AppealsReception) reception = appeals_reception_new ();
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsDbResult) created = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *location = NULL;
  JsonObject *body;
  GDate today;
  gint64 id = 0;

  if ((body = appeals_api_require_object (request)) == NULL)
    return TRUE;

  appeals_record_read_members (appeals_reception_get_record_type (), reception, body, APPEALS_RECORD_CREATE, errors);
  appeals_server_get_today (&today);
  if (!appeals_api_reception_book (request, reception, &today, errors, &id, error))
    return FALSE;
  if (id == 0)
    return TRUE;

  created = appeals_db_query (request->db, "SELECT " APPEALS_RECEPTION_COLUMNS " FROM receptions r WHERE r.id = ?",
                              g_variant_new ("(x)", id), error);
  if (created == NULL)
    return FALSE;

  node = appeals_api_reception_to_json (request, created, 0, error);
  if (node == NULL)
    return FALSE;
  location = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, id);
  appeals_request_set_header (request, "Location", location);
  appeals_request_respond_json (request, SOUP_STATUS_CREATED, node);
  return TRUE;
}

static gboolean
handle_step (AppealsRequest  *request,
             GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(AppealsDbResult) step = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  const char *code = appeals_request_get_param (request, "code");
  JsonObject *body;
  JsonNode *done, *note;
  gint64 id;

  if (!appeals_api_load_reception_row (request, &row, error))
    return FALSE;
  if (row == NULL || (body = appeals_api_require_object (request)) == NULL)
    return TRUE;
  id = appeals_db_result_get_int64 (row, 0, "id");
  /* nothing to archive before the reception is held */
  if (g_strcmp0 (code, "archive") == 0 && appeals_api_reception_row_status (row) != APPEALS_RECEPTION_STATUS_HELD &&
      appeals_api_reception_row_status (row) != APPEALS_RECEPTION_STATUS_ARCHIVED)
    {
      appeals_api_respond_reception_conflict (request, "status", "held");
      return TRUE;
    }

  step = appeals_db_query (request->db, "SELECT code FROM reception_steps WHERE reception_id = ? AND code = ?",
                           g_variant_new ("(xs)", id, code), error);
  if (step == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (step) == 0)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }

  done = json_object_get_member (body, "done");
  note = json_object_get_member (body, "note");
  if (done == NULL || json_node_get_value_type (done) != G_TYPE_BOOLEAN ||
      (note != NULL && !JSON_NODE_HOLDS_NULL (note) && json_node_get_value_type (note) != G_TYPE_STRING))
    {
      appeals_request_respond_field_error (request, 422, done == NULL ? "done" : (note != NULL ? "note" : "done"),
                                           done == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_WRONG_TYPE, NULL);
      return TRUE;
    }

  if ((before = appeals_api_reception_snapshot (request->db, id, code, error)) == NULL ||
      !appeals_db_exec (request->db,
                        "UPDATE reception_steps SET done = ?, done_by = ?, done_at = ?, note = ? "
                        "WHERE reception_id = ? AND code = ?",
                        g_variant_new ("(xmsmsmsxs)", (gint64) json_node_get_boolean (done),
                                       json_node_get_boolean (done) ? request->user->login : NULL,
                                       json_node_get_boolean (done) ? now : NULL,
                                       note != NULL && !JSON_NODE_HOLDS_NULL (note) ? json_node_get_string (note) : NULL,
                                       id, code),
                        error) ||
      !appeals_api_audit_reception (request->db, id, code, "reception_step", "update", request->user->login,
                                    before, error))
    return FALSE;

  node = appeals_api_reception_to_json (request, row, 0, error);
  if (node == NULL)
    return FALSE;
  appeals_request_respond_json (request, SOUP_STATUS_OK, node);
  return TRUE;
}

/* What a member of staff has to do today: steps due today or overdue. */
static gboolean
handle_today (AppealsRequest  *request,
              GError         **error)
{
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) out_of_scope = NULL;
  g_autofree char *today_text = NULL;
  GDate today;

  appeals_server_get_today (&today);
  today_text = appeals_date_format_iso (&today);
  rows = appeals_db_query (request->db,
                           "SELECT s.reception_id, s.code, s.due, r.date, r.question, r.applicant_id "
                           "FROM reception_steps s "
                           "JOIN receptions r ON r.id = s.reception_id "
                           "WHERE s.done = 0 AND s.due IS NOT NULL AND s.due <= ? AND r.status NOT IN ('cancelled', 'archived') "
                           "ORDER BY s.due, s.reception_id, s.position",
                           g_variant_new ("(s)", today_text), error);
  if (rows == NULL)
    return FALSE;

  /* whose visitors: the scope of every applicant at once */
  if (!appeals_api_rows_out_of_scope (request, rows, &out_of_scope, error))
    return FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      gint64 applicant_id = appeals_db_result_get_int64 (rows, i, "applicant_id");

      if (g_hash_table_contains (out_of_scope, &applicant_id))
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "reception_id");
      json_builder_add_int_value (builder, appeals_db_result_get_int64 (rows, i, "reception_id"));
      appeals_store_add_text_members (builder, rows, i, (const char * const[]) { "code", "due", NULL });
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, strcmp (appeals_db_result_get_string (rows, i, "due"), today_text) < 0);
      json_builder_set_member_name (builder, "reception_date");
      json_builder_add_string_value (builder, appeals_db_result_get_string (rows, i, "date"));
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, appeals_db_result_get_string (rows, i, "question"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  appeals_api_respond_items (request, json_builder_get_root (builder));
  return TRUE;
}

#define MAX_DAYS_SPAN 62

/* The query of a list over days: "from" and "to" (at most @max_span
 * days apart) and an optional "official_id" (0 when absent). %FALSE
 * when the request has been answered with a 422 naming the fields. */
static gboolean
read_range (AppealsRequest  *request,
            int              max_span,
            const char     **from,
            const char     **to,
            gint64          *official_id)
{
  const char *official = appeals_request_get_query (request, "official_id");
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  guint64 id = 0;
  GDate first, last;

  *from = appeals_request_get_query (request, "from");
  *to = appeals_request_get_query (request, "to");
  if (*from == NULL || !appeals_date_parse_iso (*from, &first))
    appeals_field_errors_add (errors, "from", *from == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_INVALID_DATE, NULL);
  if (*to == NULL || !appeals_date_parse_iso (*to, &last))
    appeals_field_errors_add (errors, "to", *to == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_INVALID_DATE, NULL);
  else if (errors->len == 0 && (g_date_compare (&first, &last) > 0 || g_date_days_between (&first, &last) > max_span))
    appeals_field_errors_add (errors, "to", APPEALS_FIELD_OUT_OF_RANGE, NULL);
  if (official != NULL && !g_ascii_string_to_unsigned (official, 10, 1, G_MAXINT64, &id, NULL))
    appeals_field_errors_add (errors, "official_id", APPEALS_FIELD_INVALID_VALUE, NULL);
  *official_id = (gint64) id;
  if (errors->len == 0)
    return TRUE;
  appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
  return FALSE;
}

static gboolean
handle_days (AppealsRequest  *request,
             GError         **error)
{
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *from, *to;
  gint64 official_id;

  if (!read_range (request, MAX_DAYS_SPAN, &from, &to, &official_id))
    return TRUE;

  rows = appeals_db_query (request->db,
                           "SELECT date, COUNT(*) AS booked FROM receptions WHERE date >= ? AND date <= ? "
                           "AND (? = 0 OR official_id = ?) AND status <> 'cancelled' GROUP BY date ORDER BY date",
                           g_variant_new ("(ssxx)", from, to, official_id, official_id), error);
  if (rows == NULL)
    return FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, appeals_db_result_get_string (rows, i, "date"));
      json_builder_set_member_name (builder, "booked");
      json_builder_add_int_value (builder, appeals_db_result_get_int64 (rows, i, "booked"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  appeals_api_respond_items (request, json_builder_get_root (builder));
  return TRUE;
}

/* The queues of several days in one answer (the week view): by date, and
 * within a day in the queue's order, each visitor checked against the
 * caller's scope as in the day's queue. */
#define MAX_QUEUE_SPAN 31

static gboolean
handle_queues (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsDbResult) rows = NULL;
  const char *from, *to;
  gint64 official_id;

  if (!read_range (request, MAX_QUEUE_SPAN - 1, &from, &to, &official_id))
    return TRUE;

  rows = appeals_db_query (request->db,
                           "SELECT " APPEALS_RECEPTION_COLUMNS " FROM receptions r WHERE r.date >= ? AND r.date <= ? "
                           "AND (? = 0 OR r.official_id = ?) AND r.status <> 'cancelled' ORDER BY r.date, r.id",
                           g_variant_new ("(ssxx)", from, to, official_id, official_id), error);
  return rows != NULL && respond_queues (request, rows, error);
}

void
appeals_api_receptions_register (AppealsServer *server)
{
  AppealsAllow organisers = APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_ADMIN;

  appeals_server_add_route (server, "GET", "/api/v1/receptions", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_queue);
  appeals_server_add_route (server, "POST", "/api/v1/receptions", organisers,
                            APPEALS_ROUTE_IDEMPOTENT, handle_book);
  appeals_server_add_route (server, "GET", "/api/v1/receptions/{id}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_get);
  appeals_server_add_route (server, "PATCH", "/api/v1/receptions/{id}/steps/{code}",
                            organisers | APPEALS_ALLOW_HEAD, APPEALS_ROUTE_DEFAULT, handle_step);
  appeals_server_add_route (server, "GET", "/api/v1/reception-steps/today", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_today);
  appeals_server_add_route (server, "GET", "/api/v1/reception-days", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_days);
  appeals_server_add_route (server, "GET", "/api/v1/reception-queues", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_queues);
}
