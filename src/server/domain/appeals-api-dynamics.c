/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-dynamics.c: the dynamics and growth alerts of the analytics.
 *
 *   GET /analytics/dynamics?from&to[&period=month|week][&district][&question_character]
 *       the appeals registered in the caller's scope per period (the
 *       months or weeks that hold from..to), district and question
 *       character
 *   GET /analytics/alerts?from&to[&period][&district][&question_character]
 *       the growth alerts the rule of data/rules/growth-alerts.json raises
 *       on those series in the periods that hold from..to, each with the
 *       cause and measures an analyst noted
 *   PUT /analytics/alerts/{id}/note   {cause, measures}
 *       notes the cause found and the measures taken on an alert
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-dynamics-records.h"
#include "appeals-scope.h"

#define MAX_NOTE 4000

typedef struct
{
  AppealsPeriodKind  kind;
  GDate              from, to;
  const char        *district;
  const char        *question_character;
} SeriesQuery;

/* Reads the query of both GETs; answers 422 and returns FALSE when it is
 * wrong. @extra_periods: how many periods before from the answer reads. */
static gboolean
read_series_query (AppealsRequest *request,
                   guint           extra_periods,
                   SeriesQuery    *query)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  const char *period = appeals_request_get_query (request, "period");

  query->kind = APPEALS_PERIOD_MONTH;
  if (period != NULL && !appeals_period_kind_from_string (period, &query->kind))
    appeals_field_errors_add (errors, "period", APPEALS_FIELD_INVALID_VALUE, "month,week");
  appeals_api_read_query_date (request, "from", TRUE, &query->from, errors);
  appeals_api_read_query_date (request, "to", TRUE, &query->to, errors);
  appeals_api_check_date_order (&query->from, &query->to, "to", errors);
  if (errors->len == 0)
    {
      g_autoptr(AppealsDynamics) periods = NULL;
      GDate first = query->from, last;

      appeals_period_shift (query->kind, &first, -(int) extra_periods);
      periods = appeals_dynamics_new (query->kind, &first, &query->to);

      /* the periods are capped: a longer range is refused, not cut */
      appeals_period_start (query->kind, &query->to, &last);
      if (g_date_compare (&g_array_index (periods->starts, GDate, periods->starts->len - 1), &last) != 0)
        {
          g_autofree char *limit = g_strdup_printf ("%u", APPEALS_DYNAMICS_MAX_PERIODS);
          appeals_field_errors_add (errors, "from", APPEALS_FIELD_OUT_OF_RANGE, limit);
        }
    }

  query->district = appeals_request_get_query (request, "district");
  query->question_character = appeals_request_get_query (request, "question_character");
  if (query->district != NULL)
    appeals_api_check_code (request, errors, "district", APPEALS_CLASSIFIER_DISTRICTS, query->district);
  if (query->question_character != NULL)
    appeals_api_check_code (request, errors, "question_character", APPEALS_CLASSIFIER_QUESTION_CHARACTERS,
                            query->question_character);

  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
handle_dynamics (AppealsRequest  *request,
                 GError         **error)
{
  g_autoptr(AppealsDynamics) dynamics = NULL;
  g_autoptr(JsonNode) root = NULL;
  SeriesQuery query;

  if (!read_series_query (request, 0, &query))
    return TRUE;
  dynamics = appeals_dynamics_records_count (request, query.kind, &query.from, &query.to, query.district,
                                             query.question_character, error);
  if (dynamics == NULL)
    return FALSE;
  root = appeals_dynamics_to_json (dynamics);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

static gboolean
handle_alerts (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsAlertList) alerts = NULL;
  g_autoptr(JsonNode) root = NULL;
  SeriesQuery query;

  if (!read_series_query (request, appeals_growth_rule_get_span (appeals_server_get_growth_rule (request->server)),
                          &query))
    return TRUE;
  alerts = appeals_dynamics_records_alerts (request, query.kind, &query.from, &query.to, query.district,
                                            query.question_character, error);
  if (alerts == NULL)
    return FALSE;
  root = appeals_alert_list_to_json (alerts);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

/* A note's text: required, not blank, at most MAX_NOTE characters. */
static char *
read_note_text (JsonObject *body,
                const char *member,
                GPtrArray  *errors)
{
  const char *text = appeals_api_member_string (body, member, member, errors);
  g_autofree char *stripped = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  JsonNode *node = json_object_get_member (body, member);

  if (text == NULL)
    {
      /* (a value of another type has its wrong_type already) */
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        appeals_field_errors_add (errors, member, APPEALS_FIELD_REQUIRED, NULL);
      return NULL;
    }
  if (*stripped == '\0')
    appeals_field_errors_add (errors, member, APPEALS_FIELD_REQUIRED, NULL);
  else if (g_utf8_strlen (stripped, -1) > MAX_NOTE)
    appeals_field_errors_add (errors, member, APPEALS_FIELD_TOO_LONG, NULL);
  else
    return g_steal_pointer (&stripped);
  return NULL;
}

/* The alert @id names, as the rule raises it today in the caller's
 * scope; NULL (and a 404 answered) when there is none. */
static AppealsGrowthAlert *
find_alert (AppealsRequest  *request,
            const char      *id,
            GError         **error)
{
  const char *scope = appeals_api_scope_district (request);
  g_autofree char *district = NULL, *character = NULL;
  g_autoptr(AppealsAlertList) alerts = NULL;
  AppealsPeriodKind kind;
  GDate start;

  if (id == NULL || !appeals_growth_alert_parse_id (id, &kind, &start, &district, &character) ||
      (scope != NULL && !g_str_equal (scope, district)))
    goto not_found;
  alerts = appeals_dynamics_records_alerts (request, kind, &start, &start, district, character, error);
  if (alerts == NULL)
    return NULL;
  for (guint i = 0; i < alerts->alerts->len; i++)
    if (g_str_equal (((AppealsGrowthAlert *) g_ptr_array_index (alerts->alerts, i))->id, id))
      return g_ptr_array_steal_index (alerts->alerts, i);

not_found:
  appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
  return NULL;
}

static gboolean
handle_note (AppealsRequest  *request,
             GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsGrowthAlert) alert = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *cause = NULL, *measures = NULL;
  JsonObject *body;

  alert = find_alert (request, appeals_request_get_param (request, "id"), error);
  if (alert == NULL)
    return error == NULL || *error == NULL;
  if ((body = appeals_api_require_object (request)) == NULL)
    return TRUE;
  cause = read_note_text (body, "cause", errors);
  measures = read_note_text (body, "measures", errors);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  if (!appeals_dynamics_records_note (request, alert, cause, measures, error))
    return FALSE;
  g_message ("growth alert %s noted by %s", alert->id, request->user->login);
  root = appeals_growth_alert_to_json (alert);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

void
appeals_api_dynamics_register (AppealsServer *server)
{
  AppealsAllow analysts = APPEALS_ALLOW_ANALYST | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_HEAD;

  appeals_server_add_route (server, "GET", "/api/v1/analytics/dynamics", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_SLOW, handle_dynamics);
  appeals_server_add_route (server, "GET", "/api/v1/analytics/alerts", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_SLOW, handle_alerts);
  appeals_server_add_route (server, "PUT", "/api/v1/analytics/alerts/{id}/note", analysts,
                            APPEALS_ROUTE_DEFAULT, handle_note);
}
