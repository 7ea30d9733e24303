/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-booking-dialog-private.h: what the files of the booking dialog
 * share — its state and the helpers each part calls.
 */
#pragma once

#include <adwaita.h>

#include "appeals-booking-dialog.h"
#include "appeals-context.h"
#include "appeals-draft-binding.h"
#include "appeals-slot-picker.h"

G_BEGIN_DECLS

struct _AppealsBookingDialog
{
  AdwWindow         parent_instance;

  AppealsContext   *context;
  AdwToastOverlay  *toast_overlay;
  AdwEntryRow      *iin_row;
  GtkLabel         *iin_error;
  AdwActionRow     *applicant_row;
  GtkLabel         *applicant_id_error;
  AdwPreferencesGroup *earlier_group;
  GtkCheckButton   *no_appeal_check;
  GtkTextView      *question_view;
  GtkLabel         *question_error;
  GtkWidget        *refusal_button;
  AppealsSlotPicker *slot_picker;
  GtkButton        *book_button;
  AdwComboRow      *priority_row;
  GtkLabel         *priority_error;
  GtkWidget        *channel_group;
  AdwComboRow      *channel_row;      /* a request's channel: request_channels[] */

  gint64            wanted_official_id;
  GPtrArray        *earlier_rows;     /* AdwActionRow, each with "appeal-id" data */
  GPtrArray        *priority_codes;   /* NULL first: no priority */
  gint64            applicant_id;
  char             *applicant_name;
  char             *applicant_address;
  gint64            wanted_appeal_id;  /* to choose once the applicant's appeals come */
  char             *idempotency_key;
  GCancellable     *cancellable;
  AppealsDraftBinding *draft;         /* what is typed, kept until booked or cancelled */
  gboolean          sending;
  gboolean          for_request;      /* registers a request: the date is decided later */
};

void _appeals_booking_dialog_clear_errors    (AppealsBookingDialog *self);
void _appeals_booking_dialog_show_error      (AppealsBookingDialog *self,
                                              const char           *field,
                                              const char           *text);
void _appeals_booking_dialog_applicant_found (AppealsBookingDialog *self);
void _appeals_booking_dialog_on_iin_apply    (AppealsBookingDialog *self);

G_END_DECLS
