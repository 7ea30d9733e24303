/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-service.h: the intake desk's daily receipt journal.
 *
 * The only code that knows this family's URLs and JSON: domain verbs as
 * _async/_finish pairs that take and give AppealsReceipt, refusals as
 * APPEALS_SERVICE_ERROR.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

/* What one registrar on duty got from a split: their handover sheet. */
typedef struct
{
  char      *registrar;   /* login */
  char      *full_name;
  GPtrArray *receipts;    /* AppealsReceipt, in the journal's order */
} AppealsHandover;

void appeals_handover_free (AppealsHandover *handover);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsHandover, appeals_handover_free)

#define APPEALS_TYPE_INTAKE_SERVICE (appeals_intake_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsIntakeService, appeals_intake_service, APPEALS, INTAKE_SERVICE, GObject)

AppealsIntakeService *appeals_intake_service_new            (AppealsApiClient      *client);

void            appeals_intake_service_receive_async        (AppealsIntakeService  *self,
                                                             AppealsReceipt        *receipt,
                                                             const char            *idempotency_key,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
void            appeals_intake_service_get_async            (AppealsIntakeService  *self,
                                                             gint64                 id,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
AppealsReceipt *appeals_intake_service_receipt_finish       (AppealsIntakeService  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
void            appeals_intake_service_list_day_async       (AppealsIntakeService  *self,
                                                             const GDate           *journal_date,
                                                             gboolean               mine_only,
                                                             gboolean               unregistered_only,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
GPtrArray      *appeals_intake_service_list_day_finish      (AppealsIntakeService  *self,
                                                             GAsyncResult          *result,
                                                             guint                 *n_unregistered,
                                                             GError               **error);
void            appeals_intake_service_find_talon_async     (AppealsIntakeService  *self,
                                                             const char            *talon,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
AppealsReceipt *appeals_intake_service_find_talon_finish    (AppealsIntakeService  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

void            appeals_intake_service_distribute_async     (AppealsIntakeService  *self,
                                                             const char * const    *absent,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
GPtrArray      *appeals_intake_service_distribute_finish    (AppealsIntakeService  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

void            appeals_intake_service_import_async         (AppealsIntakeService  *self,
                                                             const char            *format,
                                                             const char            *content,
                                                             const char            *file_name,
                                                             gboolean               import,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
GPtrArray      *appeals_intake_service_import_finish        (AppealsIntakeService  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

G_END_DECLS
