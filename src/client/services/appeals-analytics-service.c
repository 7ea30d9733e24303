/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytics-service.c: the line report's figures.
 *
 *   GET analytics/line-report?from&to[&compare_from&compare_to][&district][&question_character]
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

static gpointer
read_report (JsonNode  *node,
             gpointer   data,
             GError   **error)
{
  g_autoptr(GError) parse_error = NULL;
  AppealsReport *report = appeals_report_new_from_json (node, &parse_error);

  if (report == NULL)
    g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, parse_error->message);
  return report;
}

/**
 * appeals_analytics_service_line_report_async:
 * @compare_from: (nullable): the comparison period; %NULL for the same
 *   period a year earlier
 * @district: (nullable): count one district's appeals only
 * @question_character: (nullable): count one question character's appeals only
 *
 * The line report of the appeals registered from @from to @to in the
 * caller's scope.
 */
void
appeals_analytics_service_line_report_async (AppealsAnalyticsService *self,
                                             const GDate             *from,
                                             const GDate             *to,
                                             const GDate             *compare_from,
                                             const GDate             *compare_to,
                                             const char              *district,
                                             const char              *question_character,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("analytics", "line-report", NULL);

  g_return_if_fail (APPEALS_IS_ANALYTICS_SERVICE (self));

  appeals_api_path_add_query_date (path, "from", from);
  appeals_api_path_add_query_date (path, "to", to);
  if (compare_from != NULL && compare_to != NULL)
    {
      appeals_api_path_add_query_date (path, "compare_from", compare_from);
      appeals_api_path_add_query_date (path, "compare_to", compare_to);
    }
  if (district != NULL)
    appeals_api_path_add_query (path, "district", district);
  if (question_character != NULL)
    appeals_api_path_add_query (path, "question_character", question_character);
  appeals_service_call_async (self->client, self, appeals_analytics_service_line_report_async, "GET", path->str,
                              NULL, NULL, NULL, read_report, NULL, NULL, (GDestroyNotify) appeals_report_free,
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
