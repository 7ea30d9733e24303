/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-reference.c: read-only reference data — the working-day
 * calendar of a year, the classifiers, and a health check.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"

static const char * const classifier_names[] = {
  APPEALS_CLASSIFIER_DISTRICTS, APPEALS_CLASSIFIER_ADDRESSEE_BODIES,
  APPEALS_CLASSIFIER_QUESTION_CHARACTERS, APPEALS_CLASSIFIER_SOCIAL_STATUSES,
};

static void
add_date (JsonBuilder *builder,
          const GDate *date)
{
  g_autofree char *text = appeals_date_format_iso (date);

  json_builder_add_string_value (builder, text);
}

static gboolean
handle_calendar (AppealsRequest  *request,
                 GError         **error)
{
  AppealsCalendar *calendar = appeals_server_get_calendar (request->server);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *text = appeals_request_get_param (request, "year");
  guint64 year;
  GDate day;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, appeals_calendar_get_first_year (calendar),
                                   appeals_calendar_get_last_year (calendar), &year, NULL))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, year);

  json_builder_set_member_name (builder, "non_working_days");
  json_builder_begin_array (builder);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, year);
  for (; g_date_get_year (&day) == year; g_date_add_days (&day, 1))
    if (!appeals_calendar_is_working_day (calendar, &day))
      add_date (builder, &day);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "unified_reception_days");
  json_builder_begin_array (builder);
  for (guint month = 1; month <= 12; month++)
    {
      appeals_calendar_get_unified_reception_day (calendar, year, month, &day);
      add_date (builder, &day);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  appeals_request_set_header (request, "Cache-Control", "max-age=3600");
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

static gboolean
handle_classifiers (AppealsRequest  *request,
                    GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (classifier_names); i++)
    json_builder_add_string_value (builder, classifier_names[i]);
  json_builder_end_array (builder);

  appeals_api_respond_items (request, json_builder_get_root (builder));
  return TRUE;
}

static gboolean
handle_classifier (AppealsRequest  *request,
                   GError         **error)
{
  AppealsClassifier *classifier = appeals_server_get_classifier (request->server,
                                                                 appeals_request_get_param (request, "name"));
  g_autoptr(JsonNode) root = NULL;

  if (classifier == NULL)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }

  root = appeals_classifier_to_json (classifier);
  appeals_request_set_header (request, "Cache-Control", "max-age=3600");
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

static gboolean
handle_health (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsDbResult) result = appeals_db_query (request->db, "SELECT 1 AS ok", NULL, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (result == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

void
appeals_api_reference_register (AppealsServer *server)
{
  appeals_server_add_route (server, "GET", "/api/v1/health", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_PUBLIC, handle_health);
  appeals_server_add_route (server, "GET", "/api/v1/calendar/{year}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_calendar);
  appeals_server_add_route (server, "GET", "/api/v1/classifiers", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_classifiers);
  appeals_server_add_route (server, "GET", "/api/v1/classifiers/{name}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_classifier);
}
