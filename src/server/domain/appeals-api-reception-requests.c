/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-reception-requests.c: requests for a personal reception,
 * from registration to a decision.
 *
 *   POST  /reception-requests                        register one: an applicant (or an appeal) and the essence
 *   GET   /reception-requests?state=                 the list, newest first, within the caller's scope
 *   GET   /reception-requests/{id}                   one, with steps 1–5's terms and the earliest date allowed
 *   POST  /reception-requests/{id}/actions/{action}  analyse, refuse (a reason), decide (the slot: books it)
 *
 * The regulation's order: a request is registered (new), analysed (steps
 * 1–3 run from its registration), then decided — the decision books the
 * reception through the same guards as POST /receptions, with the
 * request's registration day as the steps' start — or refused with a
 * reason the applicant is notified of. A decided date must leave the
 * decision_lead steps (calls, materials, meeting) not already late;
 * only the head or the leadership may override that, with a reason kept
 * in the request and its audit trail.
 */
#include "config.h"

#include <string.h>

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-audit.h"
#include "appeals-reception-records.h"
#include "appeals-reception-slots.h"
#include "appeals-scope.h"
#include "appeals-store.h"

#define QUESTION_MAX_LENGTH 4000
#define REASON_MAX_LENGTH   1000
#define LIST_LIMIT          500

#define ORGANISERS (APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_ADMIN)
#define DECIDERS   (APPEALS_ALLOW_HEAD | APPEALS_ALLOW_LEADERSHIP)

#define REQUEST_COLUMNS \
  "q.id, q.version, q.registered_on, q.channel, q.applicant_id, q.appeal_id, q.question, q.state, " \
  "q.refusal_reason, q.reception_id, q.override_reason, q.created_by, q.created_at, q.decided_by, q.decided_at, " \
  "(SELECT COALESCE (ap.organisation_name || ' ', '') || ap.surname || ' ' || ap.given_name || " \
  "COALESCE (' ' || ap.patronymic, '') FROM applicants ap WHERE ap.id = q.applicant_id) AS applicant_name, " \
  "(SELECT a.registration_number FROM appeals a WHERE a.id = q.appeal_id) AS appeal_number"

static const char * const channels[] = { "by_hand", "kazpost", "egov", NULL };
static const char * const slot_members[] = { "official_id", "date", "start_time", "place", "video_link", "priority",
                                             NULL };
static const char * const states[] = { "new", "in_analysis", "decided", "refused", NULL };

/* What each action needs the request to be in, and what it makes of it. */
static const struct {
  const char   *action;
  const char   *from[3];
  const char   *to;
  AppealsAllow  roles;
  const char   *members[9];
} actions[] = {
  { "analyse", { "new" }, "in_analysis", ORGANISERS | DECIDERS, { NULL } },
  { "refuse", { "new", "in_analysis" }, "refused", ORGANISERS | DECIDERS, { "reason", NULL } },
  { "decide", { "in_analysis" }, "decided", ORGANISERS | DECIDERS,
    { "official_id", "date", "start_time", "place", "video_link", "priority", "override_reason", NULL } },
};

/* Members of @body that @known does not name are field errors. */
static void
check_members (JsonObject         *body,
               const char * const *known,
               GPtrArray          *errors)
{
  g_autoptr(GList) members = json_object_get_members (body);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      appeals_field_errors_add (errors, l->data, APPEALS_FIELD_UNKNOWN, NULL);
}

/* A required text of at most @max characters, stripped; %NULL (and a
 * field error) when it is missing or empty. */
static char *
required_text (JsonObject *body,
               const char *member,
               guint       max,
               GPtrArray  *errors)
{
  const char *text = appeals_api_member_string (body, member, NULL, errors);
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    {
      if (appeals_field_errors_find (errors, member) == NULL)
        appeals_field_errors_add (errors, member, APPEALS_FIELD_REQUIRED, NULL);
      return NULL;
    }
  if (g_utf8_strlen (stripped, -1) > max)
    {
      g_autofree char *limit = g_strdup_printf ("%u", max);

      appeals_field_errors_add (errors, member, APPEALS_FIELD_TOO_LONG, limit);
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

static void
add_date_member (JsonBuilder *builder,
                 const char  *name,
                 const GDate *date)
{
  g_autofree char *text = date != NULL ? appeals_date_format_iso (date) : NULL;

  json_builder_set_member_name (builder, name);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_id_member (JsonBuilder     *builder,
               AppealsDbResult *rows,
               guint            i,
               const char      *column)
{
  json_builder_set_member_name (builder, column);
  if (appeals_db_result_is_null (rows, i, column))
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, appeals_db_result_get_int64 (rows, i, column));
}

/* One request: its row, the terms of the steps counted from its
 * registration, and while it is open the earliest reception day a
 * decision taken today may fix. */
static JsonNode *
request_to_json (AppealsRequest  *request,
                 AppealsDbResult *rows,
                 guint            i)
{
  AppealsWorkflow *workflow = appeals_server_get_workflow (request->server);
  AppealsCalendar *calendar = appeals_server_get_calendar (request->server);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *state = appeals_db_result_get_string (rows, i, "state");
  gboolean open = g_str_equal (state, "new") || g_str_equal (state, "in_analysis");
  GDate registered, today, earliest;

  appeals_date_parse_iso (appeals_db_result_get_string (rows, i, "registered_on"), &registered);
  appeals_server_get_today (&today);

  json_builder_begin_object (builder);
  add_id_member (builder, rows, i, "id");
  add_id_member (builder, rows, i, "version");
  appeals_store_add_text_members (builder, rows, i, (const char * const[]) {
    "registered_on", "channel", NULL });
  add_id_member (builder, rows, i, "applicant_id");
  appeals_store_add_text_members (builder, rows, i, (const char * const[]) { "applicant_name", NULL });
  add_id_member (builder, rows, i, "appeal_id");
  appeals_store_add_text_members (builder, rows, i, (const char * const[]) {
    "appeal_number", "question", "state", "refusal_reason", NULL });
  add_id_member (builder, rows, i, "reception_id");
  appeals_store_add_text_members (builder, rows, i, (const char * const[]) {
    "override_reason", "created_by", "created_at", "decided_by", "decided_at", NULL });

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint k = 0; workflow != NULL && k < appeals_workflow_get_n_steps (workflow); k++)
    {
      const AppealsWorkflowStep *step = appeals_workflow_get_step (workflow, k);
      GDate due;

      if (step->anchor != APPEALS_STEP_ANCHOR_REGISTRATION ||
          !appeals_workflow_compute_due (workflow, calendar, k, &registered, NULL, NULL, &due))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, step->code);
      add_date_member (builder, "due", &due);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, open && g_date_compare (&due, &today) < 0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_date_member (builder, "earliest_date",
                   open && workflow != NULL && appeals_workflow_earliest_reception (workflow, calendar, &today, &earliest)
                   ? &earliest : NULL);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Request {id} as the caller's scope shows it: its applicant's, or the
 * caller's own registration; otherwise answered 404 and *@row NULL. */
static gboolean
load_request_row (AppealsRequest   *request,
                  AppealsDbResult **row,
                  GError          **error)
{
  return appeals_api_load_owned_row (request, "SELECT " REQUEST_COLUMNS " FROM reception_requests q WHERE q.id = ?",
                                     row, error);
}

static JsonObject *
snapshot (AppealsDb  *db,
          gint64      id,
          GError    **error)
{
  return appeals_audit_snapshot (db,
                                 "SELECT registered_on, channel, applicant_id, appeal_id, question, state, "
                                 "refusal_reason, reception_id, override_reason FROM reception_requests WHERE id = ?",
                                 g_variant_new ("(x)", id), error);
}

/* The audit entry of @action on request @id, @before it (%NULL: created). */
static gboolean
audit (AppealsRequest  *request,
       gint64           id,
       const char      *action,
       JsonObject      *before,
       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) after = snapshot (request->db, id, &local_error);

  if (after == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return appeals_audit_record_snapshots (request->db, "reception_request", id, 0, action, request->user->login,
                                         before, after, error);
}

/* Answers request @id as it now is, with @status. */
static gboolean
respond_request (AppealsRequest  *request,
                 gint64           id,
                 guint            status,
                 GError         **error)
{
  g_autoptr(AppealsDbResult) row = appeals_db_query (request->db,
                                                     "SELECT " REQUEST_COLUMNS " FROM reception_requests q WHERE q.id = ?",
                                                     g_variant_new ("(x)", id), error);
  g_autoptr(JsonNode) node = NULL;

  if (row == NULL)
    return FALSE;
  node = request_to_json (request, row, 0);
  if (status == SOUP_STATUS_CREATED)
    {
      g_autofree char *location = g_strdup_printf ("/api/v1/reception-requests/%" G_GINT64_FORMAT, id);

      appeals_request_set_header (request, "Location", location);
    }
  appeals_request_respond_json (request, status, node);
  return TRUE;
}

static gboolean
handle_register (AppealsRequest  *request,
                 GError         **error)
{
  static const char * const members[] = { "applicant_id", "appeal_id", "question", "channel", "registered_on", NULL };
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsDbResult) appeal = NULL;
  g_autoptr(AppealsDbResult) created = NULL;
  g_autofree char *question = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *registered_text = NULL;
  const char *channel, *registered_member;
  JsonObject *body;
  gint64 applicant_id, appeal_id, id;
  gboolean in_scope = TRUE;
  GDate registered, today;

  if ((body = appeals_api_require_object (request)) == NULL)
    return TRUE;
  check_members (body, members, errors);
  applicant_id = appeals_api_member_int (body, "applicant_id", 0, NULL, errors);
  appeal_id = appeals_api_member_int (body, "appeal_id", 0, NULL, errors);
  /* without the essence of the question a request is left without
   * consideration: it is not registered */
  question = required_text (body, "question", QUESTION_MAX_LENGTH, errors);
  channel = appeals_api_member_string (body, "channel", NULL, errors);
  if (channel == NULL || !g_strv_contains (channels, channel))
    appeals_field_errors_add (errors, "channel", channel == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_INVALID_VALUE,
                              "by_hand,kazpost,egov");
  /* registered today unless it came earlier (by post: the day it arrived) */
  appeals_server_get_today (&today);
  registered = today;
  registered_member = appeals_api_member_string (body, "registered_on", NULL, errors);
  if (registered_member != NULL && !appeals_date_parse_iso (registered_member, &registered))
    appeals_field_errors_add (errors, "registered_on", APPEALS_FIELD_INVALID_DATE, NULL);
  else if (g_date_compare (&registered, &today) > 0)
    appeals_field_errors_add (errors, "registered_on", APPEALS_FIELD_OUT_OF_RANGE, NULL);

  /* an appeal names its applicant; both in the caller's scope */
  if (appeal_id > 0)
    {
      if (!appeals_api_appeal_in_scope (request, appeal_id, &in_scope, error))
        return FALSE;
      appeal = appeals_db_query (request->db, "SELECT applicant_id FROM appeals WHERE id = ?",
                                 g_variant_new ("(x)", appeal_id), error);
      if (appeal == NULL)
        return FALSE;
      if (!in_scope || appeals_db_result_get_n_rows (appeal) == 0)
        appeals_field_errors_add (errors, "appeal_id", APPEALS_FIELD_NOT_FOUND, NULL);
      else if (applicant_id == 0)
        applicant_id = appeals_db_result_get_int64 (appeal, 0, "applicant_id");
      else if (applicant_id != appeals_db_result_get_int64 (appeal, 0, "applicant_id"))
        appeals_field_errors_add (errors, "applicant_id", APPEALS_FIELD_INVALID_VALUE, "the appeal's applicant");
    }
  if (applicant_id <= 0 && appeals_field_errors_find (errors, "appeal_id") == NULL)
    appeals_field_errors_add (errors, "applicant_id", APPEALS_FIELD_REQUIRED, NULL);
  else if (applicant_id > 0)
    {
      if (!appeals_api_applicant_in_scope (request, applicant_id, &in_scope, error))
        return FALSE;
      if (!in_scope)
        appeals_field_errors_add (errors, "applicant_id", APPEALS_FIELD_NOT_FOUND, NULL);
    }
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  registered_text = appeals_date_format_iso (&registered);
  created = appeals_db_query (request->db,
                              "INSERT INTO reception_requests (version, registered_on, channel, applicant_id, appeal_id, "
                              "question, state, created_by, created_at) VALUES (1, ?, ?, ?, ?, ?, 'new', ?, ?) RETURNING id",
                              g_variant_new ("(ssxmxsss)", registered_text, channel, applicant_id,
                                             (gboolean) (appeal_id > 0), appeal_id, question, request->user->login, now),
                              error);
  if (created == NULL)
    return FALSE;
  id = appeals_db_result_get_int64 (created, 0, "id");
  return audit (request, id, "create", NULL, error) && respond_request (request, id, SOUP_STATUS_CREATED, error);
}

static gboolean
handle_list (AppealsRequest  *request,
             GError         **error)
{
  const char *state = appeals_request_get_query (request, "state");
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(GHashTable) out_of_scope = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (state != NULL && !g_strv_contains (states, state))
    {
      appeals_request_respond_field_error (request, 422, "state", APPEALS_FIELD_INVALID_VALUE,
                                           "new,in_analysis,decided,refused");
      return TRUE;
    }
  rows = appeals_db_query (request->db,
                           "SELECT " REQUEST_COLUMNS " FROM reception_requests q WHERE (? = '' OR q.state = ?) "
                           "ORDER BY q.id DESC LIMIT " G_STRINGIFY (LIST_LIMIT),
                           g_variant_new ("(ss)", state != NULL ? state : "", state != NULL ? state : ""), error);
  if (rows == NULL)
    return FALSE;

  if (!appeals_api_rows_out_of_scope (request, rows, &out_of_scope, error))
    return FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      gint64 applicant_id = appeals_db_result_get_int64 (rows, i, "applicant_id");

      if (g_hash_table_contains (out_of_scope, &applicant_id) &&
          g_strcmp0 (appeals_db_result_get_string (rows, i, "created_by"), request->user->login) != 0)
        continue;
      json_builder_add_value (builder, request_to_json (request, rows, i));
    }
  json_builder_end_array (builder);
  appeals_api_respond_items (request, json_builder_get_root (builder));
  return TRUE;
}

static gboolean
handle_get (AppealsRequest  *request,
            GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!load_request_row (request, &row, error))
    return FALSE;
  if (row != NULL)
    {
      node = request_to_json (request, row, 0);
      appeals_request_respond_json (request, SOUP_STATUS_OK, node);
    }
  return TRUE;
}

/* The decision: the slot booked through the guards of POST /receptions,
 * for the request's applicant, appeal and question, its steps counted
 * from the request's registration. *@reception_id is 0 when the request
 * has been answered. */
static gboolean
decide (AppealsRequest   *request,
        AppealsDbResult  *row,
        JsonObject       *body,
        GPtrArray        *errors,
        char            **override_reason,
        gint64           *reception_id,
        GError          **error)
{
  AppealsWorkflow *workflow = appeals_server_get_workflow (request->server);
  g_autoptr(AppealsReception) reception = appeals_reception_new ();
  g_autoptr(JsonObject) slot = json_object_new ();
  const char *reason;
  GDate registered, today, earliest;

  /* the reception's own members; check_members() named any other */
  *reception_id = 0;
  for (guint i = 0; slot_members[i] != NULL; i++)
    if (json_object_has_member (body, slot_members[i]))
      json_object_set_member (slot, slot_members[i], json_node_copy (json_object_get_member (body, slot_members[i])));
  /* the request's applicant, appeal and question, as a booking gives them */
  json_object_set_string_member (slot, "question", appeals_db_result_get_string (row, 0, "question"));
  json_object_set_int_member (slot, "applicant_id", appeals_db_result_get_int64 (row, 0, "applicant_id"));
  if (!appeals_db_result_is_null (row, 0, "appeal_id"))
    json_object_set_int_member (slot, "appeal_id", appeals_db_result_get_int64 (row, 0, "appeal_id"));
  appeals_record_read_members (appeals_reception_get_record_type (), reception, slot, APPEALS_RECORD_CREATE, errors);
  appeals_date_parse_iso (appeals_db_result_get_string (row, 0, "registered_on"), &registered);

  reason = appeals_api_member_string (body, "override_reason", NULL, errors);
  if (reason != NULL)
    *override_reason = required_text (body, "override_reason", REASON_MAX_LENGTH, errors);
  /* only the head of department or the leadership may take less time than the steps need */
  if (*override_reason != NULL && !(DECIDERS & (1 << request->user->role)))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_FORBIDDEN, APPEALS_PROBLEM_FORBIDDEN, NULL, NULL);
      return TRUE;
    }
  appeals_server_get_today (&today);
  if (workflow == NULL || !appeals_workflow_earliest_reception (workflow, appeals_server_get_calendar (request->server),
                                                                &today, &earliest))
    return FALSE;
  if (g_date_valid (&reception->date) && g_date_compare (&reception->date, &earliest) < 0 &&
      g_date_compare (&reception->date, &today) > 0 && *override_reason == NULL &&
      appeals_field_errors_find (errors, "date") == NULL)
    {
      g_autofree char *earliest_text = appeals_date_format_iso (&earliest);

      appeals_field_errors_add (errors, "date", APPEALS_FIELD_TOO_SOON, earliest_text);
    }
  return appeals_api_reception_book (request, reception, &registered, errors, reception_id, error);
}

static gboolean
handle_action (AppealsRequest  *request,
               GError         **error)
{
  const char *name = appeals_request_get_param (request, "action");
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(JsonObject) before = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *override_reason = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  JsonObject *body;
  gint64 id, reception_id = 0;
  guint a = 0;

  if (!load_request_row (request, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;
  while (a < G_N_ELEMENTS (actions) && g_strcmp0 (actions[a].action, name) != 0)
    a++;
  if (a == G_N_ELEMENTS (actions))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }
  if (!(actions[a].roles & (1 << request->user->role)))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_FORBIDDEN, APPEALS_PROBLEM_FORBIDDEN, NULL, NULL);
      return TRUE;
    }
  if (!g_strv_contains (actions[a].from, appeals_db_result_get_string (row, 0, "state")))
    {
      g_autofree char *possible = g_strjoinv (",", (char **) actions[a].from);

      appeals_field_errors_add (errors, "state", APPEALS_FIELD_INVALID_VALUE, possible);
      appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_INVALID_TRANSITION, errors, NULL);
      return TRUE;
    }
  if ((body = appeals_api_optional_object (request)) == NULL)
    return TRUE;
  check_members (body, actions[a].members, errors);
  id = appeals_db_result_get_int64 (row, 0, "id");

  if (g_str_equal (actions[a].to, "refused"))
    reason = required_text (body, "reason", REASON_MAX_LENGTH, errors);
  else if (g_str_equal (actions[a].to, "decided"))
    {
      if (!decide (request, row, body, errors, &override_reason, &reception_id, error))
        return FALSE;
      if (reception_id == 0)
        return TRUE;
    }
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  if ((before = snapshot (request->db, id, error)) == NULL ||
      !appeals_db_exec (request->db,
                        "UPDATE reception_requests SET state = ?, version = version + 1, refusal_reason = ?, "
                        "reception_id = ?, override_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?",
                        g_variant_new ("(smsmxmsmsmsx)", actions[a].to, reason, (gboolean) (reception_id > 0),
                                       reception_id, override_reason,
                                       g_str_equal (actions[a].to, "in_analysis") ? NULL : request->user->login,
                                       g_str_equal (actions[a].to, "in_analysis") ? NULL : now, id),
                        error) ||
      !audit (request, id, actions[a].action, before, error))
    return FALSE;
  return respond_request (request, id, SOUP_STATUS_OK, error);
}

void
appeals_api_reception_requests_register (AppealsServer *server)
{
  appeals_server_add_route (server, "POST", "/api/v1/reception-requests", ORGANISERS,
                            APPEALS_ROUTE_IDEMPOTENT, handle_register);
  appeals_server_add_route (server, "GET", "/api/v1/reception-requests", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_list);
  appeals_server_add_route (server, "GET", "/api/v1/reception-requests/{id}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_get);
  appeals_server_add_route (server, "POST", "/api/v1/reception-requests/{id}/actions/{action}",
                            ORGANISERS | DECIDERS, APPEALS_ROUTE_DEFAULT, handle_action);
}
