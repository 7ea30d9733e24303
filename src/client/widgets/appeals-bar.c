/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-bar.c: one horizontal bar of a bar chart.
 */
#include "config.h"

#include "appeals-bar.h"

#define BAR_WIDTH  160
#define BAR_HEIGHT 14

struct _AppealsBar
{
  GtkWidget parent_instance;

  double    fraction;
};

G_DEFINE_FINAL_TYPE (AppealsBar, appeals_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Adwaita's blue, on screen and in print; the track a light grey */
static const GdkRGBA bar_colour = { 0.208, 0.518, 0.894, 1.0 };
static const GdkRGBA track_colour = { 0.5, 0.5, 0.5, 0.18 };

static void
appeals_bar_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? BAR_WIDTH : BAR_HEIGHT;
}

/**
 * appeals_bar_draw:
 *
 * Draws a bar of @fraction (0–1) of @width in the box at @x, @y — its
 * grey track and its blue length, rounded: the widget and the printed
 * analytical note's bar chart both draw with it.
 */
void
appeals_bar_draw (cairo_t *cr,
                  double   x,
                  double   y,
                  double   width,
                  double   height,
                  double   fraction)
{
  double radius = MIN (3.0, height / 2);

  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, &track_colour);
  cairo_paint (cr);
  if (fraction > 0)
    {
      /* a figure above zero is never invisible */
      gdk_cairo_set_source_rgba (cr, &bar_colour);
      cairo_rectangle (cr, x, y, MAX (2.0, width * CLAMP (fraction, 0.0, 1.0)), height);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
appeals_bar_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  AppealsBar *self = APPEALS_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  appeals_bar_draw (cr, 0, (height - BAR_HEIGHT) / 2.0, width, BAR_HEIGHT, self->fraction);
  cairo_destroy (cr);
}

static void
appeals_bar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AppealsBar *self = APPEALS_BAR (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
appeals_bar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AppealsBar *self = APPEALS_BAR (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      appeals_bar_set_fraction (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
appeals_bar_class_init (AppealsBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = appeals_bar_get_property;
  object_class->set_property = appeals_bar_set_property;
  widget_class->measure = appeals_bar_measure;
  widget_class->snapshot = appeals_bar_snapshot;

  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                   G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
appeals_bar_init (AppealsBar *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
appeals_bar_new (double fraction)
{
  return g_object_new (APPEALS_TYPE_BAR, "fraction", CLAMP (fraction, 0.0, 1.0), NULL);
}

double
appeals_bar_get_fraction (AppealsBar *self)
{
  g_return_val_if_fail (APPEALS_IS_BAR (self), 0.0);
  return self->fraction;
}

void
appeals_bar_set_fraction (AppealsBar *self,
                          double      fraction)
{
  g_return_if_fail (APPEALS_IS_BAR (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (self->fraction == fraction)
    return;
  self->fraction = fraction;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 1.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, fraction, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}
