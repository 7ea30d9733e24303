/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-window.h: the main window — a sidebar to the Journal and the
 * pages later issues fill, toasts, and the lost-connection banner.
 */
#pragma once

#include <adwaita.h>

#include "appeals-booking-dialog.h"
#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_WINDOW (appeals_window_get_type ())

G_DECLARE_FINAL_TYPE (AppealsWindow, appeals_window, APPEALS, WINDOW, AdwApplicationWindow)

AppealsWindow *appeals_window_new                (GtkApplication     *application,
                                                  AppealsContext     *context);
void           appeals_window_signed_in          (AppealsWindow      *self);
void           appeals_window_signed_out         (AppealsWindow      *self);
void           appeals_window_dismiss_toasts     (AppealsWindow      *self);
const char    *appeals_window_get_last_toast     (AppealsWindow      *self);
void           appeals_window_show_toast         (AppealsWindow      *self,
                                                  const char         *text);
void           appeals_window_connection_lost    (AppealsWindow      *self);
gboolean       appeals_window_get_connection_lost (AppealsWindow     *self);
void           appeals_window_open_card          (AppealsWindow      *self,
                                                  gint64              appeal_id);
AppealsContext *appeals_window_get_context       (AppealsWindow      *self);
GtkWidget     *appeals_window_get_work_page      (AppealsWindow      *self);
GtkWidget     *appeals_window_get_journal_page   (AppealsWindow      *self);
GtkWidget     *appeals_window_get_expertise_page (AppealsWindow      *self);
GtkWidget     *appeals_window_get_receptions_page (AppealsWindow     *self);
GtkWidget     *appeals_window_get_review_page    (AppealsWindow      *self);
AppealsBookingDialog *appeals_window_book_reception (AppealsWindow   *self,
                                                  const char         *iin,
                                                  gint64              appeal_id);
void           appeals_window_show_page          (AppealsWindow      *self,
                                                  const char         *name);
gboolean       appeals_window_is_section_shown   (AppealsWindow      *self,
                                                  const char         *name);

G_END_DECLS
