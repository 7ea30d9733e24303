/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-reference.c: read-only reference data — the working-day
 * calendar (its rules, and the days off of a year), the deadline table, the
 * classifiers, the priority categories, the reception workflow, the
 * checklist template, and a health check.
 *
 * The clients keep these rules and ask again every few minutes: each answer
 * carries an ETag computed from its content, so it changes when a SIGHUP
 * reloads a changed file, and an unchanged set costs a 304 per route.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"

static const char * const classifier_names[] = {
  APPEALS_CLASSIFIER_DISTRICTS, APPEALS_CLASSIFIER_ADDRESSEE_BODIES,
  APPEALS_CLASSIFIER_QUESTION_CHARACTERS, APPEALS_CLASSIFIER_SOCIAL_STATUSES,
  APPEALS_CLASSIFIER_ANSWER_CHARACTERS, APPEALS_CLASSIFIER_TERMINATION_GROUNDS,
  APPEALS_CLASSIFIER_ORDER_SOURCES,
};

/* Whether @etag is among the tags of an If-None-Match header ("*", or a
 * list of possibly weak tags). */
static gboolean
etag_matches (const char *header,
              const char *etag)
{
  g_auto(GStrv) tags = NULL;

  if (header == NULL)
    return FALSE;

  tags = g_strsplit (header, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);

      if (g_str_has_prefix (tag, "W/"))
        tag += 2;
      if (g_str_equal (tag, "*") || g_str_equal (tag, etag))
        return TRUE;
    }
  return FALSE;
}

/* Answers a rule document with an ETag of its content, or 304 when the
 * client already has it. */
static void
respond_reference (AppealsRequest *request,
                   JsonNode       *root)
{
  g_autofree char *text = json_to_string (root, FALSE);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *etag = g_strdup_printf ("\"rules-%.16s\"", digest);

  appeals_request_set_header (request, "ETag", etag);
  /* kept, but asked again each time: a reload must reach the desks */
  appeals_request_set_header (request, "Cache-Control", "no-cache");

  if (etag_matches (appeals_request_get_header (request, "If-None-Match"), etag))
    {
      g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

      appeals_request_respond_bytes (request, SOUP_STATUS_NOT_MODIFIED, NULL, empty);
      return;
    }

  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
}

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
  respond_reference (request, root);
  return TRUE;
}

/* The rules in force, as the last start or SIGHUP loaded them: each
 * served whole, with the reference answers' ETag. */
static JsonNode *
calendar_json (AppealsServer *server)
{
  return appeals_calendar_to_json (appeals_server_get_calendar (server));
}

static JsonNode *
deadlines_json (AppealsServer *server)
{
  return appeals_deadline_rules_to_json (appeals_server_get_deadlines (server));
}

static JsonNode *
priorities_json (AppealsServer *server)
{
  return appeals_priority_catalog_to_json (appeals_server_get_priorities (server));
}

static JsonNode *
workflow_json (AppealsServer *server)
{
  return appeals_workflow_to_json (appeals_server_get_workflow (server));
}

static JsonNode *
checklist_json (AppealsServer *server)
{
  return appeals_checklist_template_to_json (appeals_server_get_checklist (server));
}

static JsonNode *
letterhead_json (AppealsServer *server)
{
  return appeals_letterhead_to_json (appeals_server_get_letterhead (server));
}

static const struct
{
  const char *path;
  JsonNode *(*to_json) (AppealsServer *server);
} rule_routes[] = {
  { "/api/v1/calendar", calendar_json },
  { "/api/v1/rules/deadlines", deadlines_json },
  { "/api/v1/rules/priority-categories", priorities_json },
  { "/api/v1/rules/reception-workflow", workflow_json },
  { "/api/v1/rules/checklist", checklist_json },
  { "/api/v1/rules/letterhead", letterhead_json },
};

static gboolean
handle_rules (AppealsRequest  *request,
              GError         **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_routes); i++)
    if (g_str_equal (request->path, rule_routes[i].path))
      {
        g_autoptr(JsonNode) root = rule_routes[i].to_json (request->server);

        respond_reference (request, root);
        return TRUE;
      }
  g_return_val_if_reached (FALSE);
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
  respond_reference (request, root);
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
  for (guint i = 0; i < G_N_ELEMENTS (rule_routes); i++)
    appeals_server_add_route (server, "GET", rule_routes[i].path, APPEALS_ALLOW_STAFF,
                              APPEALS_ROUTE_DEFAULT, handle_rules);
  appeals_server_add_route (server, "GET", "/api/v1/calendar/{year}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_calendar);
  appeals_server_add_route (server, "GET", "/api/v1/classifiers", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_classifiers);
  appeals_server_add_route (server, "GET", "/api/v1/classifiers/{name}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_classifier);
}
