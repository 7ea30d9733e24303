/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-month-view.h: a month of the working-day calendar — non-working
 * days, the unified reception day, an official's reception days and the
 * number of booked visitors — with keyboard navigation.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  APPEALS_DAY_NON_WORKING         = 1 << 0,  /* weekend, holiday or day off by decree */
  APPEALS_DAY_UNIFIED_RECEPTION   = 1 << 1,  /* the month's unified reception day */
  APPEALS_DAY_OFFICIAL_RECEPTION  = 1 << 2,  /* the chosen official receives citizens that day */
} AppealsDayMarks;

#define APPEALS_TYPE_MONTH_VIEW (appeals_month_view_get_type ())

G_DECLARE_FINAL_TYPE (AppealsMonthView, appeals_month_view, APPEALS, MONTH_VIEW, GtkWidget)

GtkWidget  *appeals_month_view_new          (void);
void        appeals_month_view_set_month    (AppealsMonthView *self,
                                             int               year,
                                             int               month);
void        appeals_month_view_get_month    (AppealsMonthView *self,
                                             int              *year,
                                             int              *month);
void        appeals_month_view_set_selected (AppealsMonthView *self,
                                             const GDate      *date);
gboolean    appeals_month_view_get_selected (AppealsMonthView *self,
                                             GDate            *date);
void        appeals_month_view_set_today    (AppealsMonthView *self,
                                             const GDate      *today);
void        appeals_month_view_set_day      (AppealsMonthView *self,
                                             const GDate      *date,
                                             AppealsDayMarks   marks,
                                             guint             booked);
void        appeals_month_view_clear_days   (AppealsMonthView *self);
const char *appeals_month_view_month_name   (int               month);
const char *appeals_month_view_month_abbreviation (int         month);

G_END_DECLS
