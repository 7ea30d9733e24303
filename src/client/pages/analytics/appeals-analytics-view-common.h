/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytics-view-common.h: what the views of the analytics page
 * share — a title, a bar of choices (the period first), and one request
 * at a time with a spinner while it runs.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void          appeals_analytics_view_add_title   (GtkBox        *view,
                                                  const char    *title);
GtkDropDown  *appeals_analytics_view_add_choice  (GtkBox        *bar,
                                                  GListModel    *choices,
                                                  const char    *name,
                                                  GCallback      on_changed,
                                                  gpointer       view);
GtkDropDown  *appeals_analytics_view_add_period  (GtkBox        *bar,
                                                  GCallback      on_changed,
                                                  gpointer       view);
GCancellable *appeals_analytics_view_start_load  (GCancellable **cancellable,
                                                  GtkSpinner    *spinner);
gboolean      appeals_analytics_view_finish_load (const GError  *error,
                                                  GtkSpinner    *spinner);

G_END_DECLS
