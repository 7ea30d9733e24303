/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal-service-lifecycle.h: the appeal's lifecycle actions and
 * the notices sent to the applicant, as typed calls of the appeal service.
 */
#pragma once

#include "appeals-appeal-service.h"

G_BEGIN_DECLS

/* What an action gives; each action reads its own members (see
 * appeals-api-actions.c), the others stay unset (NULL, cleared dates). */
typedef struct
{
  char  *body;             /* forward: addressee-bodies code */
  char  *scope;            /* forward: "full" or "partial" */
  char  *outgoing_number;  /* forward */
  GDate  outgoing_date;    /* forward */
  GDate  due_date;         /* extend */
  char  *reason;           /* extend, terminate, leave-without-consideration, reopen */
  char  *text;             /* answer */
  GDate  received_on;      /* answer */
  char  *character;        /* answer: answer-characters code */
  char  *ground;           /* terminate, leave-without-consideration */
  gint64 attachment_id;    /* answer: the appeal's file holding the answer document; 0 for none */
} AppealsActionRequest;

AppealsActionRequest *appeals_action_request_new   (void);
void                  appeals_action_request_free  (AppealsActionRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsActionRequest, appeals_action_request_free)

void           appeals_appeal_service_take_action_async    (AppealsAppealService       *self,
                                                            gint64                      appeal_id,
                                                            const char                 *etag,
                                                            const char                 *action,
                                                            const AppealsActionRequest *request,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
AppealsAppeal *appeals_appeal_service_take_action_finish   (AppealsAppealService       *self,
                                                            GAsyncResult               *result,
                                                            char                      **etag,
                                                            GError                    **error);

void           appeals_appeal_service_record_notice_async  (AppealsAppealService       *self,
                                                            gint64                      appeal_id,
                                                            const char                 *kind,
                                                            const char                 *language,
                                                            const char                 *outgoing_number,
                                                            const GDate                *outgoing_date,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
AppealsAppeal *appeals_appeal_service_record_notice_finish (AppealsAppealService       *self,
                                                            GAsyncResult               *result,
                                                            char                      **etag,
                                                            GError                    **error);

G_END_DECLS
