/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-service.h: personal receptions: days, queues, bookings, the 13 steps, the protocol, materials and the leadership's review.
 *
 * A service is the only code that knows this family's URLs and JSON: it
 * offers domain verbs as _async/_finish pairs that take and give core
 * models, and reports refusals as APPEALS_SERVICE_ERROR.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_RECEPTION_SERVICE (appeals_reception_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReceptionService, appeals_reception_service, APPEALS, RECEPTION_SERVICE, GObject)

AppealsReceptionService *appeals_reception_service_new (AppealsApiClient *client);

void              appeals_reception_service_notify_changed               (AppealsReceptionService  *self,
                                                                          gint64                    reception_id);

/* The month, the day, the week and My Day */
void              appeals_reception_service_list_days_async              (AppealsReceptionService  *self,
                                                                          gint64                    official_id,
                                                                          const GDate              *from,
                                                                          const GDate              *to,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
GPtrArray        *appeals_reception_service_list_days_finish             (AppealsReceptionService  *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);
void              appeals_reception_service_list_queue_async             (AppealsReceptionService  *self,
                                                                          gint64                    official_id,
                                                                          const GDate              *date,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
GPtrArray        *appeals_reception_service_list_queue_finish            (AppealsReceptionService  *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);
void              appeals_reception_service_list_queues_async            (AppealsReceptionService  *self,
                                                                          gint64                    official_id,
                                                                          const GDate              *from,
                                                                          const GDate              *to,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
GPtrArray        *appeals_reception_service_list_queues_finish           (AppealsReceptionService  *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);
void              appeals_reception_service_list_due_steps_async         (AppealsReceptionService  *self,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
GPtrArray        *appeals_reception_service_list_due_steps_finish        (AppealsReceptionService  *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);

/* Booking */
void              appeals_reception_service_find_applicant_async         (AppealsReceptionService  *self,
                                                                          const char               *iin,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
AppealsApplicant *appeals_reception_service_find_applicant_finish        (AppealsReceptionService  *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);
void              appeals_reception_service_list_applicant_appeals_async (AppealsReceptionService  *self,
                                                                          gint64                    applicant_id,
                                                                          guint                     limit,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
GPtrArray        *appeals_reception_service_list_applicant_appeals_finish (AppealsReceptionService *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);
void              appeals_reception_service_book_async                   (AppealsReceptionService  *self,
                                                                          AppealsReception         *reception,
                                                                          const char               *idempotency_key,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
AppealsReception *appeals_reception_service_book_finish                  (AppealsReceptionService  *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);

/* The reception window: steps, protocol, materials, the leadership's review */

G_END_DECLS
