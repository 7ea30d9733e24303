/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-reception-actions.c: a reception's status moves on, and
 * the free times of an official.
 *
 *   POST  /receptions/{id}/actions/{action}   confirm, hold, cancel (a reason), move (a new date and time)
 *   GET   /officials/{id}/free-slots?date=    the start times still free on a day
 *         (or ?from=&to=: on up to six weeks, by day)
 *
 * Statuses move only forward (appeals_reception_status_after()): booked →
 * confirmed → held, then archived through POST /receptions/{id}/archive;
 * booked or confirmed → cancelled, or moved to another free slot of the
 * same official (booked again there, the old slot freed). Every action
 * is in the audit trail with the reception before and after it: a move
 * keeps the old date and time there, a cancellation its reason.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-core-enums.h"
#include "appeals-reception-records.h"
#include "appeals-reception-slots.h"
#include "appeals-store.h"

#define REASON_MAX_LENGTH 1000

#define ORGANISERS (APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_ADMIN)

/* Who may take each action: the organisers book, confirm and move; the
 * head of department may also mark a reception held or cancel it. */
static const AppealsAllow action_roles[] = {
  [APPEALS_RECEPTION_ACTION_CONFIRM] = ORGANISERS,
  [APPEALS_RECEPTION_ACTION_HOLD] = ORGANISERS | APPEALS_ALLOW_HEAD,
  [APPEALS_RECEPTION_ACTION_CANCEL] = ORGANISERS | APPEALS_ALLOW_HEAD,
  [APPEALS_RECEPTION_ACTION_MOVE] = ORGANISERS,
};

G_STATIC_ASSERT (G_N_ELEMENTS (action_roles) == APPEALS_RECEPTION_N_ACTIONS);

static char *
describe_not_possible (gpointer data)
{
  return g_strdup (_("This action is not possible in the reception’s current state."));
}

/* 409 invalid_transition; errors[0] names @field, its detail what is possible. */
static void
respond_not_possible (AppealsRequest *request,
                      const char     *field,
                      const char     *possible)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

  appeals_field_errors_add (errors, field, APPEALS_FIELD_INVALID_VALUE, possible);
  appeals_request_respond_problem_detail (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_INVALID_TRANSITION,
                                          errors, describe_not_possible, NULL);
}

/* The actions possible from @status, "a,b", for the answer's detail. */
static char *
list_possible (int status)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < APPEALS_RECEPTION_N_ACTIONS; i++)
    if (appeals_reception_status_after (status, i) != APPEALS_RECEPTION_STATUS_UNSET)
      g_string_append_printf (names, "%s%s", names->len > 0 ? "," : "", appeals_reception_action_to_string (i));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* What an action changes besides the status, read from the body and
 * checked: the reason of a cancellation, the day a reception was held,
 * the new slot of a move. */
typedef struct
{
  char *reason;
  GDate held;
  GDate date;
  char *start_time;
} Change;

static void
change_clear (Change *change)
{
  g_clear_pointer (&change->reason, g_free);
  g_clear_pointer (&change->start_time, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Change, change_clear)

/* Fills @change from @body for @action on @reception; answers and returns
 * %FALSE (with @error unset) when the request is refused. */
static gboolean
read_change (AppealsRequest          *request,
             AppealsReception        *reception,
             AppealsReceptionAction   action,
             JsonObject              *body,
             Change                  *change,
             GError                 **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  const char *text;
  GDate today;
  gboolean taken = FALSE;

  appeals_server_get_today (&today);
  switch (action)
    {
    case APPEALS_RECEPTION_ACTION_CANCEL:
      text = appeals_api_member_string (body, "reason", NULL, errors);
      change->reason = g_strstrip (g_strdup (text != NULL ? text : ""));
      if (*change->reason == '\0' && appeals_field_errors_find (errors, "reason") == NULL)
        appeals_field_errors_add (errors, "reason", APPEALS_FIELD_REQUIRED, NULL);
      else if (g_utf8_strlen (change->reason, -1) > REASON_MAX_LENGTH)
        appeals_field_errors_add (errors, "reason", APPEALS_FIELD_TOO_LONG, G_STRINGIFY (REASON_MAX_LENGTH));
      break;

    case APPEALS_RECEPTION_ACTION_HOLD:
      /* held on its day or later, never before it */
      if (g_date_compare (&reception->date, &today) > 0)
        {
          respond_not_possible (request, "date", "on or after the reception day");
          return FALSE;
        }
      change->held = today;
      break;

    case APPEALS_RECEPTION_ACTION_MOVE:
      text = appeals_api_member_string (body, "date", NULL, errors);
      if (text == NULL || !appeals_date_parse_iso (text, &change->date))
        {
          if (appeals_field_errors_find (errors, "date") == NULL)
            appeals_field_errors_add (errors, "date", text == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_INVALID_DATE,
                                      NULL);
        }
      change->start_time = g_strdup (appeals_api_member_string (body, "start_time", NULL, errors));
      if (change->start_time == NULL || !appeals_time_of_day_is_valid (change->start_time))
        {
          if (appeals_field_errors_find (errors, "start_time") == NULL)
            appeals_field_errors_add (errors, "start_time", change->start_time == NULL ? APPEALS_FIELD_REQUIRED
                                                                                       : APPEALS_FIELD_INVALID_VALUE,
                                      "HH:MM");
        }
      if (errors->len == 0 &&
          !appeals_api_reception_check_slot (request, reception->official_id, &change->date, change->start_time,
                                             reception->id, errors, &taken, error))
        return FALSE;
      if (errors->len == 0 && taken)
        {
          appeals_api_respond_slot_taken (request);
          return FALSE;
        }
      break;

    case APPEALS_RECEPTION_ACTION_CONFIRM:
    case APPEALS_RECEPTION_N_ACTIONS:
    default:
      break;
    }

  if (errors->len == 0)
    return TRUE;
  appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
  return FALSE;
}

/* Stores @change; a move sets the terms of the steps again from the new
 * day, the held day sets the protocol's. */
static gboolean
apply_change (AppealsRequest          *request,
              AppealsReception        *reception,
              int                      status,
              Change                  *change,
              GError                 **error)
{
  g_autoptr(AppealsDbResult) registered = NULL;
  g_autofree char *date = appeals_date_format_iso (g_date_valid (&change->date) ? &change->date : &reception->date);
  g_autofree char *held = g_date_valid (&change->held) ? appeals_date_format_iso (&change->held) : NULL;
  const char *status_text = appeals_enum_to_wire (APPEALS_TYPE_RECEPTION_STATUS, status);
  GDate registered_on;

  if (!appeals_db_exec (request->db,
                        "UPDATE receptions SET status = ?, version = version + 1, date = ?, "
                        "start_time = COALESCE (?, start_time), cancel_reason = COALESCE (?, cancel_reason), "
                        "held_on = COALESCE (?, held_on) WHERE id = ?",
                        g_variant_new ("(ssmsmsmsx)", status_text, date, change->start_time, change->reason, held,
                                       reception->id),
                        error))
    return FALSE;
  if (change->start_time == NULL && held == NULL)
    return TRUE;

  registered = appeals_db_query (request->db, "SELECT registered_on FROM receptions WHERE id = ?",
                                 g_variant_new ("(x)", reception->id), error);
  if (registered == NULL)
    return FALSE;
  appeals_date_parse_iso (appeals_db_result_get_string (registered, 0, "registered_on"), &registered_on);
  return appeals_api_reception_set_step_dues (request->server, request->db, reception->id, &registered_on,
                                              g_date_valid (&change->date) ? &change->date : &reception->date,
                                              held != NULL ? &change->held : NULL, error);
}

static gboolean
handle_action (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(AppealsDbResult) changed = NULL;
  g_autoptr(AppealsReception) reception = appeals_reception_new ();
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_auto(Change) change = { NULL, };
  AppealsReceptionAction action;
  JsonObject *body;
  int status;

  g_date_clear (&change.held, 1);
  g_date_clear (&change.date, 1);

  /* another district's reception does not exist, whatever the action */
  if (!appeals_api_load_reception_row (request, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;
  if (!appeals_reception_action_from_string (appeals_request_get_param (request, "action"), &action))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }
  if (!(action_roles[action] & (1 << request->user->role)))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_FORBIDDEN, APPEALS_PROBLEM_FORBIDDEN, NULL, NULL);
      return TRUE;
    }
  if (!appeals_store_read_row (appeals_reception_get_record_type (), reception, row, 0, error))
    return FALSE;

  status = appeals_reception_status_after (reception->status, action);
  if (status == APPEALS_RECEPTION_STATUS_UNSET)
    {
      g_autofree char *possible = list_possible (reception->status);

      respond_not_possible (request, "action", possible);
      return TRUE;
    }
  if ((body = appeals_api_optional_object (request)) == NULL ||
      !read_change (request, reception, action, body, &change, error))
    return error == NULL || *error == NULL;

  if ((before = appeals_api_reception_snapshot (request->db, reception->id, NULL, error)) == NULL ||
      !apply_change (request, reception, status, &change, error) ||
      !appeals_api_audit_reception (request->db, reception->id, NULL, "reception",
                                    appeals_reception_action_to_string (action), request->user->login, before, error))
    return FALSE;

  changed = appeals_db_query (request->db, "SELECT " APPEALS_RECEPTION_COLUMNS " FROM receptions r WHERE r.id = ?",
                              g_variant_new ("(x)", reception->id), error);
  if (changed == NULL || (node = appeals_api_reception_to_json (request, changed, 0, error)) == NULL)
    return FALSE;
  appeals_request_respond_json (request, SOUP_STATUS_OK, node);
  return TRUE;
}

/* The longest range of one free-slots answer: six weeks, a month view. */
#define MAX_FREE_DAYS 42

/* The days of GET /officials/{id}/free-slots: "date", or "from" and "to"
 * (at most MAX_FREE_DAYS days). */
static void
read_free_days (AppealsRequest *request,
                GDate          *from,
                GDate          *to,
                GPtrArray      *errors)
{
  gboolean has_from, has_to;

  if (appeals_request_get_query (request, "date") != NULL)
    {
      if (appeals_request_get_query (request, "from") != NULL || appeals_request_get_query (request, "to") != NULL)
        appeals_field_errors_add (errors, "date", APPEALS_FIELD_INVALID_VALUE, "date or from and to");
      else if (appeals_api_read_query_date (request, "date", TRUE, from, errors))
        *to = *from;
      return;
    }
  if (appeals_request_get_query (request, "from") == NULL && appeals_request_get_query (request, "to") == NULL)
    {
      appeals_field_errors_add (errors, "date", APPEALS_FIELD_REQUIRED, NULL);
      return;
    }
  has_from = appeals_api_read_query_date (request, "from", TRUE, from, errors);
  has_to = appeals_api_read_query_date (request, "to", TRUE, to, errors);
  if (has_from && has_to && (g_date_compare (from, to) > 0 || g_date_days_between (from, to) >= MAX_FREE_DAYS))
    appeals_field_errors_add (errors, "to", APPEALS_FIELD_OUT_OF_RANGE, NULL);
}

/* GET /officials/{id}/free-slots?date= (or ?from=&to=): none on a day the
 * official does not receive, a past day or a day off. */
static gboolean
handle_free_slots (AppealsRequest  *request,
                   GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsDbResult) official = NULL;
  g_autoptr(GArray) slots = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 id;
  GDate from, to;

  if (!appeals_request_get_id_param (request, "id", &id))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }
  read_free_days (request, &from, &to, errors);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }
  official = appeals_db_query (request->db, "SELECT id FROM officials WHERE id = ? AND active = 1",
                               g_variant_new ("(x)", id), error);
  if (official == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (official) == 0)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }
  if (!appeals_api_reception_free_slots (request, id, &from, &to, &slots, error))
    return FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < slots->len; i++)
    {
      const AppealsFreeSlot *slot = &g_array_index (slots, AppealsFreeSlot, i);
      g_autofree char *date = appeals_date_format_iso (&slot->date);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date);
      json_builder_set_member_name (builder, "start_time");
      json_builder_add_string_value (builder, slot->start_time);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  appeals_api_respond_items (request, json_builder_get_root (builder));
  return TRUE;
}

void
appeals_api_reception_actions_register (AppealsServer *server)
{
  appeals_server_add_route (server, "POST", "/api/v1/receptions/{id}/actions/{action}",
                            ORGANISERS | APPEALS_ALLOW_HEAD, APPEALS_ROUTE_DEFAULT, handle_action);
  appeals_server_add_route (server, "GET", "/api/v1/officials/{id}/free-slots", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_free_slots);
}
