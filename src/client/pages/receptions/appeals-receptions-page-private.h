/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receptions-page-private.h: what the parts of the receptions page
 * share — its state and the helpers each part calls.
 */
#pragma once

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "appeals-booking-dialog.h"
#include "appeals-context.h"
#include "appeals-month-view.h"
#include "appeals-reception-text.h"
#include "appeals-reception-requests-view.h"
#include "appeals-reception-window.h"
#include "appeals-receptions-page.h"

G_BEGIN_DECLS

struct _AppealsReceptionsPage
{
  GtkBox            parent_instance;

  AppealsContext   *context;

  GtkStack         *view_stack;
  GtkWidget        *view_switcher;
  GtkWidget        *month_controls;
  GtkLabel         *month_label;
  GtkDropDown      *official_dropdown;
  AppealsMonthView *month_view;
  GtkLabel         *day_title;
  GtkLabel         *day_subtitle;
  GtkListBox       *queue_list;
  GtkStack         *day_stack;
  GtkListBox       *slots_list;
  GtkListBox       *week_list;
  AppealsReceptionRequestsView *requests_view;
  GPtrArray        *week[7];          /* AppealsReceptionVisit: the shown week's queues, Monday first */
  GDate             week_monday;
  GCancellable     *week_cancellable;
  GPtrArray        *week_free;        /* GStrv: the chosen official's free times that week, Monday first */
  guint             week_pending;     /* the week's answers still awaited */

  GPtrArray        *officials;        /* AppealsOfficial */
  GPtrArray        *queue;            /* AppealsReceptionVisit */
  GPtrArray        *next_queue;       /* the chosen day's queue while its free times are awaited */
  GStrv             day_free;         /* the chosen official's free times on the chosen day */
  guint             day_pending;      /* the day's answers still awaited */
  GCancellable     *cancellable;      /* the page's life */
  GCancellable     *queue_cancellable;
  GCancellable     *days_cancellable;
  gboolean          filling_officials;
};

AppealsCalendar *_appeals_receptions_page_get_calendar (AppealsReceptionsPage *self);
const char *_appeals_receptions_page_priority_label (AppealsReceptionsPage *self, const char *code);
const char *_appeals_receptions_page_step_label (AppealsReceptionsPage *self, const char *code);
gboolean _appeals_receptions_page_is_signed_in (AppealsReceptionsPage *self);
GPtrArray * _appeals_receptions_page_slots_on (AppealsReceptionsPage *self, GDateWeekday weekday);
void _appeals_receptions_page_show_queue (AppealsReceptionsPage *self);
void _appeals_receptions_page_load_queue (AppealsReceptionsPage *self);
void _appeals_receptions_page_on_day_selected (AppealsReceptionsPage *self);

void _appeals_receptions_page_load_week (AppealsReceptionsPage *self);
void _appeals_receptions_page_on_day_view_changed (AppealsReceptionsPage *self);
void _appeals_receptions_page_clear_week (AppealsReceptionsPage *self);

G_END_DECLS
