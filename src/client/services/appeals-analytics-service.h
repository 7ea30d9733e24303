/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytics-service.h: the line report's figures, the dynamics'
 * growth alerts and the analysts' notes on them.
 *
 * A service is the only code that knows this family's URLs and JSON: it
 * offers domain verbs as _async/_finish pairs that take and give core
 * models, and reports refusals as APPEALS_SERVICE_ERROR.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_ANALYTICS_SERVICE (appeals_analytics_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsAnalyticsService, appeals_analytics_service, APPEALS, ANALYTICS_SERVICE, GObject)

AppealsAnalyticsService *appeals_analytics_service_new                (AppealsApiClient         *client);

void                     appeals_analytics_service_line_report_async  (AppealsAnalyticsService    *self,
                                                                       const AppealsReportPeriods *periods,
                                                                       GCancellable               *cancellable,
                                                                       GAsyncReadyCallback         callback,
                                                                       gpointer                    user_data);
AppealsReport           *appeals_analytics_service_line_report_finish (AppealsAnalyticsService  *self,
                                                                       GAsyncResult             *result,
                                                                       GError                  **error);

void                     appeals_analytics_service_content_terms_async  (AppealsAnalyticsService    *self,
                                                                         const AppealsReportPeriods *periods,
                                                                         GCancellable               *cancellable,
                                                                         GAsyncReadyCallback         callback,
                                                                         gpointer                    user_data);
AppealsContentTerms     *appeals_analytics_service_content_terms_finish (AppealsAnalyticsService  *self,
                                                                         GAsyncResult             *result,
                                                                         GError                  **error);

void                     appeals_analytics_service_statistical_report_async  (AppealsAnalyticsService  *self,
                                                                              const GDate              *from,
                                                                              const GDate              *to,
                                                                              const char               *breakdown,
                                                                              GCancellable             *cancellable,
                                                                              GAsyncReadyCallback       callback,
                                                                              gpointer                  user_data);
AppealsStatisticalReport *appeals_analytics_service_statistical_report_finish (AppealsAnalyticsService  *self,
                                                                              GAsyncResult             *result,
                                                                              GError                  **error);
void                     appeals_analytics_service_dynamics_async     (AppealsAnalyticsService  *self,
                                                                       AppealsPeriodKind         kind,
                                                                       const GDate              *from,
                                                                       const GDate              *to,
                                                                       GCancellable             *cancellable,
                                                                       GAsyncReadyCallback       callback,
                                                                       gpointer                  user_data);
AppealsDynamics         *appeals_analytics_service_dynamics_finish    (AppealsAnalyticsService  *self,
                                                                       GAsyncResult             *result,
                                                                       GError                  **error);
void                     appeals_analytics_service_alerts_async       (AppealsAnalyticsService  *self,
                                                                       AppealsPeriodKind         kind,
                                                                       const GDate              *from,
                                                                       const GDate              *to,
                                                                       GCancellable             *cancellable,
                                                                       GAsyncReadyCallback       callback,
                                                                       gpointer                  user_data);
AppealsAlertList        *appeals_analytics_service_alerts_finish      (AppealsAnalyticsService  *self,
                                                                       GAsyncResult             *result,
                                                                       GError                  **error);
void                     appeals_analytics_service_note_alert_async   (AppealsAnalyticsService  *self,
                                                                       const char               *alert_id,
                                                                       const char               *cause,
                                                                       const char               *measures,
                                                                       GCancellable             *cancellable,
                                                                       GAsyncReadyCallback       callback,
                                                                       gpointer                  user_data);
AppealsGrowthAlert      *appeals_analytics_service_note_alert_finish  (AppealsAnalyticsService  *self,
                                                                       GAsyncResult             *result,
                                                                       GError                  **error);

G_END_DECLS
