/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-line-chart.c: a small line chart of a series of counts.
 */
#include "config.h"

#include <math.h>

#include "appeals-line-chart.h"

#define CHART_WIDTH  220
#define CHART_HEIGHT 64
#define MARGIN       6.0

struct _AppealsLineChart
{
  GtkWidget  parent_instance;

  GArray    *counts;       /* gint64 */
  double     threshold;    /* NAN: none drawn */
  gboolean   last_alerts;
};

G_DEFINE_FINAL_TYPE (AppealsLineChart, appeals_line_chart, GTK_TYPE_WIDGET)

/* the bar chart's blue for the line, red for an alert, grey for the
 * threshold: the same on screen and in print */
static const GdkRGBA line_colour = { 0.208, 0.518, 0.894, 1.0 };
static const GdkRGBA alert_colour = { 0.878, 0.106, 0.141, 1.0 };
static const GdkRGBA threshold_colour = { 0.4, 0.4, 0.4, 0.9 };
static const GdkRGBA axis_colour = { 0.5, 0.5, 0.5, 0.35 };

static void
appeals_line_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? CHART_WIDTH : CHART_HEIGHT;
}

static double
largest (const gint64 *counts,
         guint         n_counts,
         double        threshold)
{
  double top = isnan (threshold) ? 1.0 : MAX (1.0, threshold);

  for (guint i = 0; i < n_counts; i++)
    top = MAX (top, (double) counts[i]);
  return top;
}

/**
 * appeals_line_chart_get_point:
 *
 * Where appeals_line_chart_draw() puts point @i of @counts in @width ×
 * @height: for the labels a printed chart adds around it.
 */
void
appeals_line_chart_get_point (double        width,
                              double        height,
                              const gint64 *counts,
                              guint         n_counts,
                              double        threshold,
                              guint         i,
                              double       *x,
                              double       *y)
{
  double step = n_counts > 1 ? (width - 2 * MARGIN) / (n_counts - 1) : 0;

  *x = MARGIN + i * step;
  *y = height - MARGIN - counts[i] / largest (counts, n_counts, threshold) * (height - 2 * MARGIN);
}

/**
 * appeals_line_chart_draw:
 * @threshold: a level drawn dashed across, or NAN for none
 * @last_alerts: whether the last point is marked as an alert
 *
 * Draws @counts, oldest first, in @width × @height from @cr's origin:
 * the widget and the printed analytical note both draw with it.
 */
void
appeals_line_chart_draw (cairo_t      *cr,
                         double        width,
                         double        height,
                         const gint64 *counts,
                         guint         n_counts,
                         double        threshold,
                         gboolean      last_alerts)
{
  double top = largest (counts, n_counts, threshold);
  double bottom = height - MARGIN;
  double x, y;

  if (n_counts == 0)
    return;

  cairo_save (cr);
#define Y(v) (bottom - (v) / top * (height - 2 * MARGIN))

  gdk_cairo_set_source_rgba (cr, &axis_colour);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, MARGIN, bottom + 0.5);
  cairo_line_to (cr, width - MARGIN, bottom + 0.5);
  cairo_stroke (cr);

  if (!isnan (threshold))
    {
      static const double dashes[] = { 4, 3 };

      gdk_cairo_set_source_rgba (cr, &threshold_colour);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, MARGIN, Y (threshold));
      cairo_line_to (cr, width - MARGIN, Y (threshold));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  gdk_cairo_set_source_rgba (cr, &line_colour);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n_counts; i++)
    {
      appeals_line_chart_get_point (width, height, counts, n_counts, threshold, i, &x, &y);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n_counts; i++)
    {
      gboolean alert = last_alerts && i == n_counts - 1;

      appeals_line_chart_get_point (width, height, counts, n_counts, threshold, i, &x, &y);
      gdk_cairo_set_source_rgba (cr, alert ? &alert_colour : &line_colour);
      cairo_arc (cr, x, y, alert ? 4.0 : 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
#undef Y
  cairo_restore (cr);
}

static void
appeals_line_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  AppealsLineChart *self = APPEALS_LINE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->counts->len == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  appeals_line_chart_draw (cr, width, height, (const gint64 *) (gpointer) self->counts->data, self->counts->len,
                           self->threshold, self->last_alerts);
  cairo_destroy (cr);
}

static void
appeals_line_chart_finalize (GObject *object)
{
  AppealsLineChart *self = APPEALS_LINE_CHART (object);

  g_array_unref (self->counts);

  G_OBJECT_CLASS (appeals_line_chart_parent_class)->finalize (object);
}

static void
appeals_line_chart_class_init (AppealsLineChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = appeals_line_chart_finalize;
  widget_class->measure = appeals_line_chart_measure;
  widget_class->snapshot = appeals_line_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "linechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
appeals_line_chart_init (AppealsLineChart *self)
{
  self->counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->threshold = NAN;
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
appeals_line_chart_new (void)
{
  return g_object_new (APPEALS_TYPE_LINE_CHART, NULL);
}

/**
 * appeals_line_chart_set_series:
 * @threshold: a level drawn dashed across, or NAN for none
 * @last_alerts: whether the last point is marked as an alert
 *
 * Draws @counts, oldest first.
 */
void
appeals_line_chart_set_series (AppealsLineChart *self,
                               const gint64     *counts,
                               guint             n_counts,
                               double            threshold,
                               gboolean          last_alerts)
{
  g_return_if_fail (APPEALS_IS_LINE_CHART (self));

  g_array_set_size (self->counts, 0);
  g_array_append_vals (self->counts, counts, n_counts);
  self->threshold = threshold;
  self->last_alerts = last_alerts;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
appeals_line_chart_get_n_points (AppealsLineChart *self)
{
  g_return_val_if_fail (APPEALS_IS_LINE_CHART (self), 0);
  return self->counts->len;
}
