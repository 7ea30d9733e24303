/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-booking-dialog.h: booking a visitor for a personal reception.
 */
#pragma once

#include <adwaita.h>
#include "appeals-context.h"
#include "appeals-refusal-notice.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_BOOKING_DIALOG (appeals_booking_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AppealsBookingDialog, appeals_booking_dialog, APPEALS, BOOKING_DIALOG, AdwWindow)

AppealsBookingDialog *appeals_booking_dialog_new            (GtkWindow            *parent,
                                                             AppealsContext       *context,
                                                             gint64                official_id,
                                                             const GDate          *date);
AppealsBookingDialog *appeals_booking_dialog_new_request    (GtkWindow            *parent,
                                                             AppealsContext       *context);
void                  appeals_booking_dialog_find_applicant (AppealsBookingDialog *self,
                                                             const char           *iin);
void                  appeals_booking_dialog_select_appeal  (AppealsBookingDialog *self,
                                                             gint64                appeal_id);
gint64                appeals_booking_dialog_get_appeal_id  (AppealsBookingDialog *self);
gboolean              appeals_booking_dialog_set_channel    (AppealsBookingDialog *self,
                                                             const char           *channel);
void                  appeals_booking_dialog_set_question   (AppealsBookingDialog *self,
                                                             const char           *question);
gboolean              appeals_booking_dialog_set_priority   (AppealsBookingDialog *self,
                                                             const char           *code);
void                  appeals_booking_dialog_set_time       (AppealsBookingDialog *self,
                                                             const char           *time);
guint                 appeals_booking_dialog_get_n_earlier  (AppealsBookingDialog *self);
const char           *appeals_booking_dialog_get_error      (AppealsBookingDialog *self,
                                                             const char           *field);
char                 *appeals_booking_dialog_dup_question   (AppealsBookingDialog *self);
AppealsRefusalNotice *appeals_booking_dialog_new_refusal_notice (AppealsBookingDialog *self,
                                                                 const char           *language);

G_END_DECLS
