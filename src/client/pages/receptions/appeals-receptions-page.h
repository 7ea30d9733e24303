/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receptions-page.h: the month of receptions, the day's queue,
 * and each member of staff's list of what is due today.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-booking-dialog.h"
#include "appeals-month-view.h"
#include "appeals-reception-requests-view.h"
#include "appeals-reception-window.h"
#include "appeals-schedule-dialog.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_RECEPTIONS_PAGE (appeals_receptions_page_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReceptionsPage, appeals_receptions_page, APPEALS, RECEPTIONS_PAGE, GtkBox)

void                    appeals_receptions_page_reload          (AppealsReceptionsPage *self);
void                    appeals_receptions_page_clear           (AppealsReceptionsPage *self);
gint64                  appeals_receptions_page_get_official_id (AppealsReceptionsPage *self);
gboolean                appeals_receptions_page_select_official (AppealsReceptionsPage *self,
                                                                 gint64                 official_id);
GPtrArray              *appeals_receptions_page_get_officials   (AppealsReceptionsPage *self);
GPtrArray              *appeals_receptions_page_get_queue       (AppealsReceptionsPage *self);
AppealsMonthView       *appeals_receptions_page_get_month_view  (AppealsReceptionsPage *self);
void                    appeals_receptions_page_show_view       (AppealsReceptionsPage *self,
                                                                 const char            *name);
guint                   appeals_receptions_page_get_week_booked (AppealsReceptionsPage *self);
guint                   appeals_receptions_page_get_n_free_slots (AppealsReceptionsPage *self);
guint                   appeals_receptions_page_get_week_free    (AppealsReceptionsPage *self,
                                                                  const GDate           *date);
void                    appeals_receptions_page_show_day_view   (AppealsReceptionsPage *self,
                                                                 const char            *name);
AppealsBookingDialog   *appeals_receptions_page_book            (AppealsReceptionsPage *self);
AppealsScheduleDialog  *appeals_receptions_page_edit_schedule   (AppealsReceptionsPage *self,
                                                                 gint64                 official_id);
AppealsReceptionRequestsView *appeals_receptions_page_get_requests_view (AppealsReceptionsPage *self);
AppealsReceptionWindow *appeals_receptions_page_open_reception  (AppealsReceptionsPage *self,
                                                                 gint64                 reception_id);

G_END_DECLS
