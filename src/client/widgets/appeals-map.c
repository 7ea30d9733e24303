/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-map.c: a choropleth of the region's 20 units (the shipped
 * GeoJSON, © OpenStreetMap contributors, ODbL), painted with cairo the
 * same way on screen, into a PNG and on paper.
 *
 * A unit under the pointer shows its figures as a tooltip; the map takes
 * keyboard focus, the arrow keys walk the units (their figures become the
 * map's accessible description) and Enter or a click activates one.
 *
 * Signal "unit-activated" (gint64 osm_relation): a unit was clicked or
 * chosen with Enter.
 */
#include "config.h"

#include <math.h>

#include "appeals-map.h"

#define UNITS_RESOURCE "/kz/gov/kostanay/AppealsDesk/geo/kostanay-districts.geojson"
#define LEGEND_HEIGHT  34.0
/* a unit smaller than this many pixels both ways is ringed when outlined */
#define SMALL_UNIT     24.0

typedef struct
{
  gboolean  has_value;
  double    value;
  char     *label;     /* drawn on the unit */
  char     *figures;   /* the tooltip and accessible description */
} UnitValue;

struct _AppealsMap
{
  GtkWidget        parent_instance;

  AppealsGeoMap   *units;
  UnitValue       *values;        /* one per unit, in the map's order */
  AppealsMapScale  scale;
  char            *legend_title;
  double           largest;
  int              hover;         /* unit index, -1: none */
  int              focus;
};

G_DEFINE_FINAL_TYPE (AppealsMap, appeals_map, GTK_TYPE_WIDGET)

enum {
  UNIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Colours ------------------------------------------------------------------- */

typedef struct { double r, g, b; } Colour;

static const Colour no_data = { 0.90, 0.90, 0.90 };
static const Colour white = { 1.0, 0.98, 0.94 };
static const Colour dark_red = { 0.65, 0.06, 0.08 };
static const Colour blue = { 0.13, 0.40, 0.67 };
static const Colour near_white = { 0.97, 0.97, 0.97 };

static Colour
mix (Colour a,
     Colour b,
     double t)
{
  t = CLAMP (t, 0.0, 1.0);
  return (Colour) { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t };
}

/* @t is 0..1 for counts, -1..1 for change */
static Colour
scale_colour (AppealsMapScale scale,
              double          t)
{
  if (scale == APPEALS_MAP_SCALE_COUNT)
    return mix (white, dark_red, t);
  return t < 0 ? mix (near_white, blue, -t) : mix (near_white, dark_red, t);
}

static Colour
unit_colour (AppealsMap *self,
             guint       index)
{
  const UnitValue *value = &self->values[index];

  if (!value->has_value)
    return no_data;
  if (self->scale == APPEALS_MAP_SCALE_COUNT)
    return scale_colour (self->scale, self->largest > 0 ? value->value / self->largest : 0);
  return scale_colour (self->scale, CLAMP (value->value, -1.0, 1.0));
}

/* Painting ------------------------------------------------------------------ */

static void
trace_unit (cairo_t                    *cr,
            const AppealsGeoUnit       *unit,
            const AppealsGeoProjection *projection)
{
  for (guint r = 0; r < unit->rings->len; r++)
    {
      GArray *ring = g_ptr_array_index (unit->rings, r);

      for (guint i = 0; i < ring->len; i++)
        {
          const AppealsGeoPoint *point = &g_array_index (ring, AppealsGeoPoint, i);
          double x, y;

          appeals_geo_projection_to_page (projection, point->lon, point->lat, &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
}

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* @layout with its top left at @x, @y */
static void
paint_layout (cairo_t     *cr,
              PangoLayout *layout,
              double       x,
              double       y)
{
  /* a light halo keeps figures legible on dark units */
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  pango_cairo_show_layout (cr, layout);
}

static void
paint_text (cairo_t    *cr,
            const char *text,
            double      x,
            double      y,
            double      size,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold);

  paint_layout (cr, layout, x, y);
}

typedef struct { double x, y, width, height; } Box;

static gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const UnitValue *values = user_data;
  const UnitValue *first = &values[*(const guint *) a], *second = &values[*(const guint *) b];
  double x = first->has_value ? fabs (first->value) : -1, y = second->has_value ? fabs (second->value) : -1;

  if (x != y)
    return x > y ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

/* The figures on the units, the largest first. A figure that would cover
 * one already drawn is left out, as where the small cities crowd the
 * districts around them: its unit's tooltip and the list beside the map
 * (the table on paper) still give it. */
static void
paint_labels (AppealsMap                 *self,
              cairo_t                    *cr,
              const AppealsGeoProjection *projection)
{
  guint n_units = self->units->units->len, n_labels = 0;
  g_autofree guint *order = g_new (guint, n_units);
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (Box));

  for (guint i = 0; i < n_units; i++)
    if (self->values[i].label != NULL)
      order[n_labels++] = i;
  g_qsort_with_data (order, n_labels, sizeof (guint), compare_labels, self->values);

  for (guint k = 0; k < n_labels; k++)
    {
      const AppealsGeoUnit *unit = g_ptr_array_index (self->units->units, order[k]);
      g_autoptr(PangoLayout) layout = NULL;
      gboolean clear = TRUE;
      double x, y;
      int width, height;
      Box box;

      layout = text_layout (cr, self->values[order[k]].label, g_str_equal (unit->kind, "city") ? 10 : 12, TRUE);
      pango_layout_get_pixel_size (layout, &width, &height);
      appeals_geo_projection_to_page (projection, unit->label.lon, unit->label.lat, &x, &y);
      /* the halo's width around the text */
      box = (Box) { x - width / 2.0 - 1.5, y - height / 2.0 - 1.5, width + 3.0, height + 3.0 };
      for (guint j = 0; clear && j < drawn->len; j++)
        clear = !boxes_overlap (&box, &g_array_index (drawn, Box, j));
      if (!clear)
        continue;
      g_array_append_val (drawn, box);
      paint_layout (cr, layout, x - width / 2.0, y - height / 2.0);
    }
}

/* Outlines @unit, the keyboard's (@focused, in the accent's blue) or the
 * pointer's. A unit a few pixels across (a city) is ringed as well
 * (SMALL_UNIT): its outline alone would cover it. */
static void
outline_unit (cairo_t                    *cr,
              const AppealsGeoUnit       *unit,
              const AppealsGeoProjection *projection,
              gboolean                    focused)
{
  double x1, y1, x2, y2;

  if (focused)
    cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  else
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  trace_unit (cr, unit, projection);
  cairo_path_extents (cr, &x1, &y1, &x2, &y2);
  if (x2 - x1 < SMALL_UNIT && y2 - y1 < SMALL_UNIT)
    {
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, (x1 + x2) / 2, (y1 + y2) / 2, MAX (x2 - x1, y2 - y1) / 2 + 4, 0, 2 * G_PI);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }
  else
    {
      cairo_set_line_width (cr, focused ? 2.0 : 1.5);
      cairo_stroke (cr);
    }
}

static void
paint_legend (AppealsMap *self,
              cairo_t    *cr,
              double      y,
              double      width)
{
  double bar_width = MIN (220.0, width * 0.5);
  const int steps = 40;
  g_autofree char *low = NULL, *high = NULL;
  g_autoptr(PangoLayout) low_layout = NULL;
  g_autoptr(PangoLayout) high_layout = NULL;
  int low_width, text_height;
  double left;

  if (self->scale == APPEALS_MAP_SCALE_COUNT)
    low = g_strdup ("0"), high = g_strdup_printf ("%.0f", self->largest);
  else
    low = g_strdup ("−100%"), high = g_strdup ("+100%");
  low_layout = text_layout (cr, low, 10, FALSE);
  high_layout = text_layout (cr, high, 10, FALSE);
  pango_layout_get_pixel_size (low_layout, &low_width, &text_height);

  if (self->legend_title != NULL)
    paint_text (cr, self->legend_title, 0, y, 11, FALSE);

  /* below the title, the scale's ends at the bar's ends: "0 ▭▭▭ 30" */
  left = low_width + 6;
  paint_layout (cr, low_layout, 0, y + 20 - text_height / 2.0);
  for (int i = 0; i < steps; i++)
    {
      double t = (double) i / (steps - 1);
      Colour colour = scale_colour (self->scale, self->scale == APPEALS_MAP_SCALE_COUNT ? t : 2 * t - 1);

      cairo_set_source_rgb (cr, colour.r, colour.g, colour.b);
      cairo_rectangle (cr, left + i * bar_width / steps, y + 16, bar_width / steps + 0.5, 8);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, left, y + 16, bar_width, 8);
  cairo_stroke (cr);
  paint_layout (cr, high_layout, left + bar_width + 6, y + 20 - text_height / 2.0);
}

/**
 * appeals_map_paint:
 *
 * Paints the map fitted into @width × @height (the legend along its
 * bottom) with @cr's origin at the top left: the widget, the PNG and the
 * printed page all come from here.
 */
void
appeals_map_paint (AppealsMap *self,
                   cairo_t    *cr,
                   double      width,
                   double      height)
{
  AppealsGeoProjection projection;

  if (self->units == NULL || width < 10 || height < LEGEND_HEIGHT + 10)
    return;

  cairo_save (cr);
  appeals_geo_map_fit (self->units, width, height - LEGEND_HEIGHT, &projection);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->units->units->len; i++)
    {
      const AppealsGeoUnit *unit = g_ptr_array_index (self->units->units, i);
      Colour colour = unit_colour (self, i);

      trace_unit (cr, unit, &projection);
      cairo_set_source_rgb (cr, colour.r, colour.g, colour.b);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
    }

  /* the unit under the pointer or the keyboard's, outlined */
  for (int pass = 0; pass < 2; pass++)
    {
      int index = pass == 0 ? self->hover : (gtk_widget_has_focus (GTK_WIDGET (self)) ? self->focus : -1);

      if (index < 0)
        continue;
      outline_unit (cr, g_ptr_array_index (self->units->units, index), &projection, pass == 1);
    }

  paint_labels (self, cr, &projection);

  paint_legend (self, cr, height - LEGEND_HEIGHT + 4, width);
  cairo_restore (cr);
}

static void
appeals_map_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  appeals_map_paint (APPEALS_MAP (widget), cr, width, height);
  cairo_destroy (cr);
}

static void
appeals_map_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  /* in the analytics page's scrolled column the map gets its minimum
   * height: tall enough that the districts' figures have room (at 280
   * the region was 250 pixels high, its western figures on each other) */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 420;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 460;
}

/* Interaction --------------------------------------------------------------- */

static int
unit_at (AppealsMap *self,
         double      x,
         double      y)
{
  AppealsGeoProjection projection;
  const AppealsGeoUnit *unit;
  double lon, lat;

  if (self->units == NULL)
    return -1;
  appeals_geo_map_fit (self->units, gtk_widget_get_width (GTK_WIDGET (self)),
                       gtk_widget_get_height (GTK_WIDGET (self)) - LEGEND_HEIGHT, &projection);
  appeals_geo_projection_to_map (&projection, x, y, &lon, &lat);
  unit = appeals_geo_map_find_at (self->units, lon, lat);
  for (guint i = 0; unit != NULL && i < self->units->units->len; i++)
    if (g_ptr_array_index (self->units->units, i) == unit)
      return i;
  return -1;
}

static void
set_hover (AppealsMap *self,
           int         hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           AppealsMap               *self)
{
  set_hover (self, unit_at (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *motion,
          AppealsMap               *self)
{
  set_hover (self, -1);
}

static const char *
unit_text (AppealsMap *self,
           int         index)
{
  const AppealsGeoUnit *unit = g_ptr_array_index (self->units->units, index);

  if (self->values[index].figures != NULL)
    return self->values[index].figures;
  return appeals_geo_unit_get_name (unit, appeals_ui_language ());
}

static gboolean
on_query_tooltip (AppealsMap *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  int index = keyboard ? self->focus : unit_at (self, x, y);

  if (index < 0)
    return FALSE;
  gtk_tooltip_set_text (tooltip, unit_text (self, index));
  return TRUE;
}

static void
activate_unit (AppealsMap *self,
               int         index)
{
  const AppealsGeoUnit *unit = g_ptr_array_index (self->units->units, index);

  g_signal_emit (self, signals[UNIT_ACTIVATED], 0, unit->osm_relation);
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             AppealsMap      *self)
{
  int index = unit_at (self, x, y);

  if (index < 0)
    return;
  self->focus = index;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  activate_unit (self, index);
}

static void
describe_focus (AppealsMap *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  unit_text (self, self->focus), -1);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AppealsMap            *self)
{
  int n = self->units != NULL ? (int) self->units->units->len : 0;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      self->focus = (self->focus + 1) % n;
      describe_focus (self);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      self->focus = (self->focus + n - 1) % n;
      describe_focus (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_unit (self, self->focus);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Values -------------------------------------------------------------------- */

static int
index_of_relation (AppealsMap *self,
                   gint64      osm_relation)
{
  for (guint i = 0; self->units != NULL && i < self->units->units->len; i++)
    if (((AppealsGeoUnit *) g_ptr_array_index (self->units->units, i))->osm_relation == osm_relation)
      return i;
  return -1;
}

const AppealsGeoMap *
appeals_map_get_units (AppealsMap *self)
{
  return self->units;
}

void
appeals_map_set_scale (AppealsMap      *self,
                       AppealsMapScale  scale,
                       const char      *legend_title)
{
  self->scale = scale;
  g_free (self->legend_title);
  self->legend_title = g_strdup (legend_title);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
appeals_map_clear_values (AppealsMap *self)
{
  for (guint i = 0; self->units != NULL && i < self->units->units->len; i++)
    {
      g_clear_pointer (&self->values[i].label, g_free);
      g_clear_pointer (&self->values[i].figures, g_free);
      self->values[i].has_value = FALSE;
    }
  self->largest = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * appeals_map_set_value:
 * @value: the count, or the change as a fraction (NAN: nothing to colour by)
 * @label: (nullable): the figure drawn on the unit
 * @figures: the unit's name and figures, for its tooltip
 */
void
appeals_map_set_value (AppealsMap *self,
                       gint64      osm_relation,
                       double      value,
                       const char *label,
                       const char *figures)
{
  int index = index_of_relation (self, osm_relation);

  if (index < 0)
    return;
  self->values[index].has_value = !isnan (value);
  self->values[index].value = value;
  g_free (self->values[index].label);
  self->values[index].label = g_strdup (label);
  g_free (self->values[index].figures);
  self->values[index].figures = g_strdup (figures);
  if (!isnan (value))
    self->largest = MAX (self->largest, value);
  if (index == self->focus)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, figures, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * appeals_map_get_figures:
 *
 * Returns: (nullable): what the unit's tooltip says
 */
const char *
appeals_map_get_figures (AppealsMap *self,
                         gint64      osm_relation)
{
  int index = index_of_relation (self, osm_relation);

  return index >= 0 ? unit_text (self, index) : NULL;
}

void
appeals_map_focus_unit (AppealsMap *self,
                        gint64      osm_relation)
{
  int index = index_of_relation (self, osm_relation);

  if (index < 0)
    return;
  self->focus = index;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  describe_focus (self);
}

gint64
appeals_map_get_focus_unit (AppealsMap *self)
{
  if (self->units == NULL)
    return 0;
  return ((AppealsGeoUnit *) g_ptr_array_index (self->units->units, self->focus))->osm_relation;
}

/* Life ---------------------------------------------------------------------- */

static void
appeals_map_finalize (GObject *object)
{
  AppealsMap *self = (AppealsMap *)object;

  appeals_map_clear_values (self);
  g_free (self->values);
  g_clear_pointer (&self->units, appeals_geo_map_free);
  g_free (self->legend_title);

  G_OBJECT_CLASS (appeals_map_parent_class)->finalize (object);
}

static void
appeals_map_class_init (AppealsMapClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = appeals_map_finalize;
  widget_class->snapshot = appeals_map_snapshot;
  widget_class->measure = appeals_map_measure;

  /**
   * AppealsMap::unit-activated:
   * @osm_relation: the unit's OpenStreetMap relation
   *
   * A unit was clicked, or chosen with Enter.
   */
  signals[UNIT_ACTIVATED] = g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
appeals_map_init (AppealsMap *self)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (UNITS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->hover = -1;
  self->units = bytes != NULL ? appeals_geo_map_new_from_bytes (bytes, UNITS_RESOURCE, &error) : NULL;
  if (self->units == NULL)
    g_critical ("the map's units: %s", error != NULL ? error->message : "not in the resources");
  self->values = g_new0 (UnitValue, self->units != NULL ? self->units->units->len : 0);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
appeals_map_new (void)
{
  return g_object_new (APPEALS_TYPE_MAP, NULL);
}
