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
#include "appeals-reference-service.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_RECEPTION_SERVICE (appeals_reception_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReceptionService, appeals_reception_service, APPEALS, RECEPTION_SERVICE, GObject)

AppealsReceptionService *appeals_reception_service_new (AppealsApiClient        *client,
                                                        AppealsReferenceService *reference);

/* The month, the day, the week and My Day: each finishes with
 * appeals_reception_service_list_finish(). */
void              appeals_reception_service_list_days_async              (AppealsReceptionService  *self,
                                                                          gint64                    official_id,
                                                                          const GDate              *from,
                                                                          const GDate              *to,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
void              appeals_reception_service_list_queue_async             (AppealsReceptionService  *self,
                                                                          gint64                    official_id,
                                                                          const GDate              *date,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
void              appeals_reception_service_list_queues_async            (AppealsReceptionService  *self,
                                                                          gint64                    official_id,
                                                                          const GDate              *from,
                                                                          const GDate              *to,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
GPtrArray        *appeals_reception_service_list_finish                  (AppealsReceptionService  *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);

/* Booking (the applicant and their appeals come from the appeal service) */
void              appeals_reception_service_book_async                   (AppealsReceptionService  *self,
                                                                          AppealsReception         *reception,
                                                                          const char               *idempotency_key,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
AppealsReception *appeals_reception_service_book_finish                  (AppealsReceptionService  *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);
void              appeals_reception_service_list_free_slots_async        (AppealsReceptionService  *self,
                                                                          gint64                    official_id,
                                                                          const GDate              *date,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
GStrv             appeals_reception_service_list_free_slots_finish       (AppealsReceptionService  *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);
void              appeals_reception_service_list_free_days_async         (AppealsReceptionService  *self,
                                                                          gint64                    official_id,
                                                                          const GDate              *from,
                                                                          const GDate              *to,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
GPtrArray        *appeals_reception_service_list_free_days_finish        (AppealsReceptionService  *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);

/* The reception window: steps, protocol, materials, the leadership's review */

G_END_DECLS


/* One reception's window and the leadership's review ---------------------
 *
 * A reception comes with its steps, protocol orders, attachments and
 * review, and with its official's name filled in. Every accepted change
 * emits "reception-changed" (the reception's id, and the reception as the
 * server now holds it, or NULL when the answer was not the reception).
 */
G_BEGIN_DECLS

void               appeals_reception_service_get_reception_async      (AppealsReceptionService *self,
                                                                       gint64                   reception_id,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
AppealsReception  *appeals_reception_service_get_reception_finish     (AppealsReceptionService *self,
                                                                       GAsyncResult            *result,
                                                                       GError                 **error);
void               appeals_reception_service_set_step_async           (AppealsReceptionService *self,
                                                                       gint64                   reception_id,
                                                                       const char              *code,
                                                                       gboolean                 done,
                                                                       const char              *note,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
void               appeals_reception_service_add_order_async          (AppealsReceptionService *self,
                                                                       gint64                   reception_id,
                                                                       const char              *text,
                                                                       const char              *executor_body,
                                                                       int                      working_days,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
void               appeals_reception_service_set_order_executed_async (AppealsReceptionService *self,
                                                                       gint64                   reception_id,
                                                                       gint64                   order_id,
                                                                       gboolean                 executed,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
void               appeals_reception_service_archive_async            (AppealsReceptionService *self,
                                                                       gint64                   reception_id,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
void               appeals_reception_service_post_review_async        (AppealsReceptionService *self,
                                                                       gint64                   reception_id,
                                                                       const char              *instructions,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
void               appeals_reception_service_act_async                (AppealsReceptionService *self,
                                                                       gint64                   reception_id,
                                                                       AppealsReceptionAction   action,
                                                                       const char              *reason,
                                                                       const GDate             *date,
                                                                       const char              *start_time,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
void               appeals_reception_service_set_arrangements_async   (AppealsReceptionService *self,
                                                                       gint64                   reception_id,
                                                                       gboolean                 field,
                                                                       const char              *place,
                                                                       const char              *video_link,
                                                                       GPtrArray               *participants,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
/* the finish of every verb above that answers with the reception */
AppealsReception  *appeals_reception_service_change_finish            (AppealsReceptionService *self,
                                                                       GAsyncResult            *result,
                                                                       GError                 **error);

void               appeals_reception_service_upload_attachment_async  (AppealsReceptionService *self,
                                                                       gint64                   reception_id,
                                                                       const char              *kind,
                                                                       const char              *file_name,
                                                                       const char              *content_type,
                                                                       GBytes                  *content,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
AppealsAttachment *appeals_reception_service_upload_attachment_finish (AppealsReceptionService *self,
                                                                       GAsyncResult            *result,
                                                                       GError                 **error);
void               appeals_reception_service_download_attachment_async (AppealsReceptionService *self,
                                                                       gint64                   attachment_id,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
GBytes            *appeals_reception_service_download_attachment_finish (AppealsReceptionService *self,
                                                                       GAsyncResult            *result,
                                                                       GError                 **error);
void               appeals_reception_service_remove_attachment_async  (AppealsReceptionService *self,
                                                                       gint64                   reception_id,
                                                                       gint64                   attachment_id,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
gboolean           appeals_reception_service_remove_attachment_finish (AppealsReceptionService *self,
                                                                       GAsyncResult            *result,
                                                                       GError                 **error);

void               appeals_reception_service_list_review_async        (AppealsReceptionService *self,
                                                                       GCancellable            *cancellable,
                                                                       GAsyncReadyCallback      callback,
                                                                       gpointer                 user_data);
GPtrArray         *appeals_reception_service_list_review_finish       (AppealsReceptionService *self,
                                                                       GAsyncResult            *result,
                                                                       GDate                   *until,
                                                                       GError                 **error);

/* Requests for a reception (appeals-reception-service-requests.c) */
void               appeals_reception_service_list_requests_async  (AppealsReceptionService *self,
                                                                   const char              *state,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
GPtrArray         *appeals_reception_service_list_requests_finish (AppealsReceptionService  *self,
                                                                   GAsyncResult             *result,
                                                                   GError                  **error);
void               appeals_reception_service_move_request_on_async (AppealsReceptionService *self,
                                                                    gint64                   request_id,
                                                                    const char              *action,
                                                                    const char              *reason,
                                                                    AppealsReception        *slot,
                                                                    const char              *override_reason,
                                                                    GCancellable            *cancellable,
                                                                    GAsyncReadyCallback      callback,
                                                                    gpointer                 user_data);
AppealsReceptionRequest *appeals_reception_service_move_request_on_finish (AppealsReceptionService  *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);

void               appeals_reception_service_request_reception_async (AppealsReceptionService *self,
                                                                      gint64                   applicant_id,
                                                                      gint64                   appeal_id,
                                                                      const char              *question,
                                                                      const char              *channel,
                                                                      const char              *idempotency_key,
                                                                      GCancellable            *cancellable,
                                                                      GAsyncReadyCallback      callback,
                                                                      gpointer                 user_data);
AppealsReceptionRequest *appeals_reception_service_request_reception_finish (AppealsReceptionService  *self,
                                                                            GAsyncResult             *result,
                                                                            GError                  **error);

G_END_DECLS
