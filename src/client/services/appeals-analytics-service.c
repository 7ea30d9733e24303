/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytics-service.c: the line report's figures, the growth
 * alerts and the notes on them.
 *
 *   GET analytics/line-report?from&to[&compare_from&compare_to][&district][&question_character]
 *   GET analytics/content-terms?from&to[&compare_from&compare_to][&district][&question_character]
 *   GET analytics/dynamics?period&from&to
 *   GET analytics/alerts?period&from&to
 *   PUT analytics/alerts/{id}/note
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-analytics-service.h"
#include "appeals-service-call.h"

struct _AppealsAnalyticsService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsAnalyticsService, appeals_analytics_service, G_TYPE_OBJECT)

static void
appeals_analytics_service_finalize (GObject *object)
{
  AppealsAnalyticsService *self = (AppealsAnalyticsService *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (appeals_analytics_service_parent_class)->finalize (object);
}

static void
appeals_analytics_service_class_init (AppealsAnalyticsServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_analytics_service_finalize;
}

static void
appeals_analytics_service_init (AppealsAnalyticsService *self)
{
}

AppealsAnalyticsService *
appeals_analytics_service_new (AppealsApiClient *client)
{
  AppealsAnalyticsService *self = g_object_new (APPEALS_TYPE_ANALYTICS_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}

/* A core model's reader from JSON; read_model() takes a pointer to one
 * as its data, and a malformed answer is APPEALS_SERVICE_ERROR_MALFORMED. */
typedef gpointer (*ModelReader) (JsonNode *node, GError **error);

static const ModelReader report_reader = (ModelReader) appeals_report_new_from_json;
static const ModelReader dynamics_reader = (ModelReader) appeals_dynamics_new_from_json;
static const ModelReader alert_list_reader = (ModelReader) appeals_alert_list_new_from_json;
static const ModelReader alert_reader = (ModelReader) appeals_growth_alert_new_from_json;

static gpointer
read_model (JsonNode  *node,
            gpointer   data,
            GError   **error)
{
  g_autoptr(GError) parse_error = NULL;
  gpointer model = (*(const ModelReader *) data) (node, &parse_error);

  if (model == NULL)
    g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, parse_error->message);
  return model;
}

/* The query of a report of two periods. */
static void
add_periods (GString                    *path,
             const AppealsReportPeriods *periods)
{
  appeals_api_path_add_query_date (path, "from", &periods->from);
  appeals_api_path_add_query_date (path, "to", &periods->to);
  if (appeals_report_periods_has_comparison (periods))
    {
      appeals_api_path_add_query_date (path, "compare_from", &periods->compare_from);
      appeals_api_path_add_query_date (path, "compare_to", &periods->compare_to);
    }
  if (periods->district != NULL)
    appeals_api_path_add_query (path, "district", periods->district);
  if (periods->question_character != NULL)
    appeals_api_path_add_query (path, "question_character", periods->question_character);
}

/**
 * appeals_analytics_service_line_report_async:
 * @periods: the period, the comparison period (not valid: the same
 *   period a year earlier) and the district and question character to
 *   count only (%NULL: all)
 *
 * The line report of the appeals registered in the period in the
 * caller's scope.
 */
void
appeals_analytics_service_line_report_async (AppealsAnalyticsService    *self,
                                             const AppealsReportPeriods *periods,
                                             GCancellable               *cancellable,
                                             GAsyncReadyCallback         callback,
                                             gpointer                    user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("analytics", "line-report", NULL);

  g_return_if_fail (APPEALS_IS_ANALYTICS_SERVICE (self));

  add_periods (path, periods);
  appeals_service_call_async (self->client, self, appeals_analytics_service_line_report_async, "GET", path->str,
                              NULL, NULL, NULL, read_model, (gpointer) &report_reader, NULL, (GDestroyNotify) appeals_report_free,
                              cancellable, callback, user_data);
}

/**
 * appeals_analytics_service_line_report_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
AppealsReport *
appeals_analytics_service_line_report_finish (AppealsAnalyticsService  *self,
                                              GAsyncResult             *result,
                                              GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_analytics_service_line_report_async, NULL, error);
}

/* Content analysis ------------------------------------------------------------ */

static const ModelReader content_terms_reader = (ModelReader) appeals_content_terms_from_json;

/**
 * appeals_analytics_service_content_terms_async:
 * @periods: as appeals_analytics_service_line_report_async() takes them
 *
 * The terms of the texts of the appeals registered in the period in the
 * caller's scope whose count grew most.
 */
void
appeals_analytics_service_content_terms_async (AppealsAnalyticsService    *self,
                                               const AppealsReportPeriods *periods,
                                               GCancellable               *cancellable,
                                               GAsyncReadyCallback         callback,
                                               gpointer                    user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("analytics", "content-terms", NULL);

  g_return_if_fail (APPEALS_IS_ANALYTICS_SERVICE (self));

  add_periods (path, periods);
  appeals_service_call_async (self->client, self, appeals_analytics_service_content_terms_async, "GET", path->str,
                              NULL, NULL, NULL, read_model, (gpointer) &content_terms_reader, NULL,
                              (GDestroyNotify) appeals_content_terms_free, cancellable, callback, user_data);
}

/**
 * appeals_analytics_service_content_terms_finish:
 *
 * Returns: (transfer full): the terms, or %NULL with @error set
 */
AppealsContentTerms *
appeals_analytics_service_content_terms_finish (AppealsAnalyticsService  *self,
                                                GAsyncResult             *result,
                                                GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_analytics_service_content_terms_async, NULL, error);
}

/* The statistical report ---------------------------------------------------- */

static gpointer
read_statistical_report (JsonNode  *node,
                         gpointer   data,
                         GError   **error)
{
  g_autoptr(GError) parse_error = NULL;
  AppealsStatisticalReport *report = appeals_statistical_report_new_from_json (node, &parse_error);

  if (report == NULL)
    g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, parse_error->message);
  return report;
}

/**
 * appeals_analytics_service_statistical_report_async:
 * @breakdown: one of appeals_statistical_report_get_breakdowns()
 *
 * The statistical report of the appeals registered from @from to @to in
 * the caller's scope, a column per district, addressee body or kind.
 */
void
appeals_analytics_service_statistical_report_async (AppealsAnalyticsService *self,
                                                    const GDate             *from,
                                                    const GDate             *to,
                                                    const char              *breakdown,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("analytics", "statistical-report", NULL);

  g_return_if_fail (APPEALS_IS_ANALYTICS_SERVICE (self));

  appeals_api_path_add_query_date (path, "from", from);
  appeals_api_path_add_query_date (path, "to", to);
  appeals_api_path_add_query (path, "breakdown", breakdown);
  appeals_service_call_async (self->client, self, appeals_analytics_service_statistical_report_async, "GET",
                              path->str, NULL, NULL, NULL, read_statistical_report, NULL, NULL,
                              (GDestroyNotify) appeals_statistical_report_free, cancellable, callback, user_data);
}

AppealsStatisticalReport *
appeals_analytics_service_statistical_report_finish (AppealsAnalyticsService  *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_analytics_service_statistical_report_async, NULL,
                                      error);
}

/* Dynamics ----------------------------------------------------------------- */

/* A family's answer of the months or weeks that hold @from to @to. */
static void
call_periods_async (AppealsAnalyticsService *self,
                    gpointer                 source_tag,
                    const char              *resource,
                    const ModelReader       *reader,
                    GDestroyNotify           destroy,
                    AppealsPeriodKind        kind,
                    const GDate             *from,
                    const GDate             *to,
                    GCancellable            *cancellable,
                    GAsyncReadyCallback      callback,
                    gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("analytics", resource, NULL);

  appeals_api_path_add_query (path, "period", appeals_period_kind_to_string (kind));
  appeals_api_path_add_query_date (path, "from", from);
  appeals_api_path_add_query_date (path, "to", to);
  appeals_service_call_async (self->client, self, source_tag, "GET", path->str, NULL, NULL, NULL, read_model,
                              (gpointer) reader, NULL, destroy, cancellable, callback, user_data);
}

/**
 * appeals_analytics_service_dynamics_async:
 *
 * The monthly or weekly series per district × question character of the
 * periods that hold @from to @to, in the caller's scope.
 */
void
appeals_analytics_service_dynamics_async (AppealsAnalyticsService *self,
                                          AppealsPeriodKind        kind,
                                          const GDate             *from,
                                          const GDate             *to,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data)
{
  g_return_if_fail (APPEALS_IS_ANALYTICS_SERVICE (self));

  call_periods_async (self, appeals_analytics_service_dynamics_async, "dynamics", &dynamics_reader,
                      (GDestroyNotify) appeals_dynamics_free, kind, from, to, cancellable, callback, user_data);
}

/**
 * appeals_analytics_service_dynamics_finish:
 *
 * Returns: (transfer full): the series, or %NULL with @error set
 */
AppealsDynamics *
appeals_analytics_service_dynamics_finish (AppealsAnalyticsService  *self,
                                           GAsyncResult             *result,
                                           GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_analytics_service_dynamics_async, NULL, error);
}

/* Growth alerts ------------------------------------------------------------ */

/**
 * appeals_analytics_service_alerts_async:
 *
 * The growth alerts raised in the months or weeks that hold @from to @to
 * in the caller's scope, with the notes recorded on them.
 */
void
appeals_analytics_service_alerts_async (AppealsAnalyticsService *self,
                                        AppealsPeriodKind        kind,
                                        const GDate             *from,
                                        const GDate             *to,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data)
{
  g_return_if_fail (APPEALS_IS_ANALYTICS_SERVICE (self));

  call_periods_async (self, appeals_analytics_service_alerts_async, "alerts", &alert_list_reader,
                      (GDestroyNotify) appeals_alert_list_free, kind, from, to, cancellable, callback, user_data);
}

/**
 * appeals_analytics_service_alerts_finish:
 *
 * Returns: (transfer full): the alerts, or %NULL with @error set
 */
AppealsAlertList *
appeals_analytics_service_alerts_finish (AppealsAnalyticsService  *self,
                                         GAsyncResult             *result,
                                         GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_analytics_service_alerts_async, NULL, error);
}

/**
 * appeals_analytics_service_note_alert_async:
 *
 * Records the cause found and the measures taken on the alert @alert_id.
 */
void
appeals_analytics_service_note_alert_async (AppealsAnalyticsService *self,
                                            const char              *alert_id,
                                            const char              *cause,
                                            const char              *measures,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("analytics", "alerts", NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (APPEALS_IS_ANALYTICS_SERVICE (self));

  /* the id's colons are its own: kept as they are */
  g_string_append_c (path, '/');
  g_string_append_uri_escaped (path, alert_id, ":", TRUE);
  g_string_append (path, "/note");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cause");
  json_builder_add_string_value (builder, cause);
  json_builder_set_member_name (builder, "measures");
  json_builder_add_string_value (builder, measures);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  appeals_service_call_async (self->client, self, appeals_analytics_service_note_alert_async, "PUT", path->str,
                              body, NULL, NULL, read_model, (gpointer) &alert_reader, NULL,
                              (GDestroyNotify) appeals_growth_alert_free, cancellable, callback, user_data);
}

/**
 * appeals_analytics_service_note_alert_finish:
 *
 * Returns: (transfer full): the alert with its note, or %NULL with @error set
 */
AppealsGrowthAlert *
appeals_analytics_service_note_alert_finish (AppealsAnalyticsService  *self,
                                             GAsyncResult             *result,
                                             GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_analytics_service_note_alert_async, NULL, error);
}
