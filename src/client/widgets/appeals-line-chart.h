/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-line-chart.h: a small line chart of a series of counts, drawn
 * with GtkSnapshot and cairo — the line, a point per period, a dashed
 * threshold and the last point marked — with the same colours on screen
 * and on paper. The numbers stand beside it, in a table of their own.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define APPEALS_TYPE_LINE_CHART (appeals_line_chart_get_type ())

G_DECLARE_FINAL_TYPE (AppealsLineChart, appeals_line_chart, APPEALS, LINE_CHART, GtkWidget)

GtkWidget *appeals_line_chart_new        (void);
void       appeals_line_chart_set_series (AppealsLineChart *self,
                                          const gint64     *counts,
                                          guint             n_counts,
                                          double            threshold,
                                          gboolean          last_alerts);
guint      appeals_line_chart_get_n_points (AppealsLineChart *self);
void       appeals_line_chart_draw       (cairo_t          *cr,
                                          double            width,
                                          double            height,
                                          const gint64     *counts,
                                          guint             n_counts,
                                          double            threshold,
                                          gboolean          last_alerts);
void       appeals_line_chart_get_point  (double            width,
                                          double            height,
                                          const gint64     *counts,
                                          guint             n_counts,
                                          double            threshold,
                                          guint             i,
                                          double           *x,
                                          double           *y);

G_END_DECLS
