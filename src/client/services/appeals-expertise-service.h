/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-expertise-service.h: the expertise of answers and the answer-quality figures.
 *
 * A service is the only code that knows this family's URLs and JSON: it
 * offers domain verbs as _async/_finish pairs that take and give core
 * models, and reports refusals as APPEALS_SERVICE_ERROR.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

/* One page of the verdicts awaiting a head's approval. */
typedef struct
{
  GPtrArray *rounds;        /* AppealsExpertise, the earliest given first */
  char      *next_cursor;   /* NULL on the last page */
  gint64     total;         /* awaiting approval in the caller's scope */
} AppealsPendingVerdicts;

void appeals_pending_verdicts_free (AppealsPendingVerdicts *pending);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsPendingVerdicts, appeals_pending_verdicts_free)

#define APPEALS_TYPE_EXPERTISE_SERVICE (appeals_expertise_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsExpertiseService, appeals_expertise_service, APPEALS, EXPERTISE_SERVICE, GObject)

AppealsExpertiseService *appeals_expertise_service_new                 (AppealsApiClient         *client);

void                     appeals_expertise_service_list_pending_async  (AppealsExpertiseService  *self,
                                                                        const char               *cursor,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
AppealsPendingVerdicts  *appeals_expertise_service_list_pending_finish (AppealsExpertiseService  *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                     appeals_expertise_service_give_verdict_async  (AppealsExpertiseService  *self,
                                                                        gint64                    appeal_id,
                                                                        AppealsExpertise         *verdict,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
AppealsExpertise        *appeals_expertise_service_give_verdict_finish (AppealsExpertiseService  *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                     appeals_expertise_service_approve_async       (AppealsExpertiseService  *self,
                                                                        gint64                    expertise_id,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
AppealsExpertise        *appeals_expertise_service_approve_finish      (AppealsExpertiseService  *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                     appeals_expertise_service_rank_bodies_async   (AppealsExpertiseService  *self,
                                                                        const GDate              *from,
                                                                        const GDate              *to,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
GPtrArray               *appeals_expertise_service_rank_bodies_finish  (AppealsExpertiseService  *self,
                                                                        GAsyncResult             *result,
                                                                        guint                    *min_answers,
                                                                        GError                  **error);

G_END_DECLS
