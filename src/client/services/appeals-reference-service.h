/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reference-service.h: reference data and the rules in force —
 * officials, classifiers, the working-day calendar, the deadline table,
 * priority categories, the reception workflow, the checklist template and
 * the letterhead of printed notices.
 *
 * The rule catalogues are the server's, fetched and refreshed here (with
 * ETags) and read through this service only; "changed" says a refresh
 * brought a new one.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_REFERENCE_SERVICE (appeals_reference_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReferenceService, appeals_reference_service, APPEALS, REFERENCE_SERVICE, GObject)

AppealsReferenceService *appeals_reference_service_new            (AppealsApiClient        *client);

void                     appeals_reference_service_refresh_async  (AppealsReferenceService *self,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
gboolean                 appeals_reference_service_refresh_finish (AppealsReferenceService *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
gboolean                 appeals_reference_service_has_rules      (AppealsReferenceService *self);
void                     appeals_reference_service_start_refreshing (AppealsReferenceService *self);
void                     appeals_reference_service_set_due_soon_days (AppealsReferenceService *self,
                                                                   int                      working_days);
AppealsChecklistTemplate *appeals_reference_service_get_checklist_template (AppealsReferenceService *self);
AppealsLetterhead       *appeals_reference_service_get_letterhead (AppealsReferenceService *self);

AppealsCalendar         *appeals_reference_service_get_calendar   (AppealsReferenceService *self);
AppealsDeadlineRules    *appeals_reference_service_get_deadlines  (AppealsReferenceService *self);
AppealsClassifier       *appeals_reference_service_get_classifier (AppealsReferenceService *self,
                                                                   const char              *name);
AppealsPriorityCatalog  *appeals_reference_service_get_priorities (AppealsReferenceService *self);
AppealsWorkflow         *appeals_reference_service_get_workflow   (AppealsReferenceService *self);

/* Officials and their reception schedules (signal "officials-changed") */
GPtrArray               *appeals_reference_service_get_officials          (AppealsReferenceService  *self);
void                     appeals_reference_service_list_officials_async   (AppealsReferenceService  *self,
                                                                           gboolean                  refresh,
                                                                           GCancellable             *cancellable,
                                                                           GAsyncReadyCallback       callback,
                                                                           gpointer                  user_data);
GPtrArray               *appeals_reference_service_list_officials_finish  (AppealsReferenceService  *self,
                                                                           GAsyncResult             *result,
                                                                           GError                  **error);
void                     appeals_reference_service_save_official_async    (AppealsReferenceService  *self,
                                                                           AppealsOfficial          *official,
                                                                           const char               *idempotency_key,
                                                                           GCancellable             *cancellable,
                                                                           GAsyncReadyCallback       callback,
                                                                           gpointer                  user_data);
gboolean                 appeals_reference_service_save_official_finish   (AppealsReferenceService  *self,
                                                                           GAsyncResult             *result,
                                                                           GError                  **error);
void                     appeals_reference_service_retire_official_async  (AppealsReferenceService  *self,
                                                                           gint64                    official_id,
                                                                           GCancellable             *cancellable,
                                                                           GAsyncReadyCallback       callback,
                                                                           gpointer                  user_data);
gboolean                 appeals_reference_service_retire_official_finish (AppealsReferenceService  *self,
                                                                           GAsyncResult             *result,
                                                                           GError                  **error);

G_END_DECLS
