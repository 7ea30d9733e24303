/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytics-view-common.h: what the views of the analytics page
 * share — a title, a bar of choices (the period first), and one request
 * at a time with a spinner while it runs, and saving what a view shows
 * to a file the user chooses.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Writes what @view shows to @path in its own @format. Returning %FALSE
 * without an error means there is nothing to write any more. */
typedef gboolean (*AppealsAnalyticsViewWrite) (GtkWidget   *view,
                                               guint        format,
                                               const char  *path,
                                               GError     **error);

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
char         *appeals_analytics_view_format_change (double change);
char         *appeals_analytics_view_file_name   (const char    *prefix,
                                                  const GDate   *from,
                                                  const GDate   *to,
                                                  const char    *extension);
void          appeals_analytics_view_export      (GtkWidget                 *view,
                                                  const char                *title,
                                                  const char                *file_name,
                                                  guint                      format,
                                                  AppealsAnalyticsViewWrite  write,
                                                  const char                *saved);

G_END_DECLS
