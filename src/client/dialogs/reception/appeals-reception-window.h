/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-window.h: one booked reception — its 13 steps, the
 * protocol of orders, the materials (attachments) and the archive.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

/* What a participant of a reception takes part as: it suggests the
 * position printed and whether they join by video. */
typedef enum
{
  APPEALS_PARTICIPANT_ROLE_OFFICIAL,
  APPEALS_PARTICIPANT_ROLE_INVITED_BODY,
  APPEALS_PARTICIPANT_ROLE_SUPERVISING_DEPUTY,
  APPEALS_PARTICIPANT_ROLE_PRESIDENTIAL_ADMINISTRATION,
} AppealsParticipantRole;

#define APPEALS_TYPE_RECEPTION_WINDOW (appeals_reception_window_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReceptionWindow, appeals_reception_window, APPEALS, RECEPTION_WINDOW, AdwWindow)

AppealsReceptionWindow *appeals_reception_window_new           (AppealsContext         *context,
                                                                GtkWindow              *parent,
                                                                gint64                  reception_id);
gint64                  appeals_reception_window_get_reception_id (AppealsReceptionWindow *self);
AppealsReception       *appeals_reception_window_get_reception (AppealsReceptionWindow *self);
gboolean                appeals_reception_window_set_step_done (AppealsReceptionWindow *self,
                                                                const char             *code,
                                                                gboolean                done);
guint                   appeals_reception_window_get_n_overdue_steps (AppealsReceptionWindow *self);
void                    appeals_reception_window_attach_file   (AppealsReceptionWindow *self,
                                                                const char             *kind,
                                                                GFile                  *file);
void                    appeals_reception_window_remove_attachment (AppealsReceptionWindow *self,
                                                                gint64                  attachment_id);
gboolean                appeals_reception_window_is_busy       (AppealsReceptionWindow *self);
GtkPrintOperation      *appeals_reception_window_new_invitation (AppealsReceptionWindow *self,
                                                                const char             *language);
GtkWindow              *appeals_reception_window_get_status_form (AppealsReceptionWindow *self);
void                    appeals_reception_window_set_arrangement (AppealsReceptionWindow *self,
                                                                  gboolean                field,
                                                                  const char             *place,
                                                                  const char             *video_link);
void                    appeals_reception_window_add_participant (AppealsReceptionWindow *self,
                                                                  AppealsParticipantRole  role,
                                                                  const char             *name,
                                                                  const char             *job_title);
gboolean                appeals_reception_window_remove_participant (AppealsReceptionWindow *self,
                                                                     guint                   index);
GtkWidget              *appeals_reception_window_get_arrangements_page (AppealsReceptionWindow *self);

G_END_DECLS
