/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receptions-page-private.h: what the parts of the receptions page
 * share — its state and the helpers each part calls.
 */
#pragma once

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "appeals-application.h"
#include "appeals-booking-dialog.h"
#include "appeals-month-view.h"
#include "appeals-reception-text.h"
#include "appeals-reception-window.h"
#include "appeals-receptions-page.h"

G_BEGIN_DECLS

struct _AppealsReceptionsPage
{
  GtkBox            parent_instance;

  AppealsContext        *context;

  GtkStack         *view_stack;
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
  JsonArray        *week[7];          /* the queues of the shown week, Monday first */
  GDate             week_monday;
  guint             week_pending;
  GCancellable     *week_cancellable;
  GtkBox           *today_box;
  GtkWidget        *today_empty;

  JsonArray        *officials;
  JsonArray        *queue;
  GPtrArray        *today_groups;
  GCancellable     *cancellable;      /* the page's life */
  GCancellable     *queue_cancellable;
  GCancellable     *days_cancellable;
  guint             n_today;
  gboolean          filling_officials;
};

AppealsApiClient * _appeals_receptions_page_get_client (void);
GPtrArray * _appeals_receptions_page_slots_on (AppealsReceptionsPage *self, GDateWeekday weekday);
GtkWidget * _appeals_receptions_page_new_tag (const char *text, const char *css_class);
void _appeals_receptions_page_show_queue (AppealsReceptionsPage *self);
void _appeals_receptions_page_load_queue (AppealsReceptionsPage *self);
void _appeals_receptions_page_on_day_selected (AppealsReceptionsPage *self);
void _appeals_receptions_page_load_today (AppealsReceptionsPage *self);

void _appeals_receptions_page_load_week (AppealsReceptionsPage *self);
void _appeals_receptions_page_on_day_view_changed (AppealsReceptionsPage *self);
void _appeals_receptions_page_clear_week (AppealsReceptionsPage *self);

G_END_DECLS
