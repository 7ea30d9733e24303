/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-map-print.c: the map of problem issues as a page — its title
 * and period, the map with its legend (painted by the widget's own
 * appeals_map_paint()), each unit's figures beside it, and the map data's
 * ODbL attribution at the foot — printed A4 landscape, exported to PDF,
 * or written as a PNG picture.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-map-print.h"
#include "appeals-print.h"

#define PNG_WIDTH  1400
#define PNG_HEIGHT 900

struct _AppealsMapPrint
{
  GtkPrintOperation  parent_instance;

  AppealsMap        *map;
  char              *title;
  char              *subtitle;
};

G_DEFINE_FINAL_TYPE (AppealsMapPrint, appeals_map_print, GTK_TYPE_PRINT_OPERATION)

/**
 * appeals_map_get_attribution:
 *
 * Returns: what the map's data requires be shown with it (ODbL 1.0)
 */
const char *
appeals_map_get_attribution (void)
{
  return _("Map data © OpenStreetMap contributors, available under the Open Database License (ODbL 1.0): "
           "https://www.openstreetmap.org/copyright");
}

/* Shows @text at @x, @y (or only measures it, when @cr is NULL);
 * returns its height. */
static double
show_text (cairo_t    *cr,
           PangoLayout *layout,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      width)
{
  appeals_print_layout_set_font (layout, font, width);
  pango_layout_set_text (layout, text, -1);
  if (cr != NULL)
    cairo_set_source_rgb (cr, 0, 0, 0);
  return appeals_print_draw_layout (cr, layout, x, y);
}

/* The whole page, @width × @height from @cr's origin; @scale enlarges the
 * fonts of a picture made for screens. */
static void
paint_page (AppealsMap  *map,
            const char  *title,
            const char  *subtitle,
            cairo_t     *cr,
            PangoLayout *layout,
            double       width,
            double       height,
            double       scale)
{
  const AppealsGeoMap *units = appeals_map_get_units (map);
  double map_width = width * 0.64;
  double list_x = map_width + 12 * scale;
  g_autofree char *title_font = g_strdup_printf ("Sans Bold %.0f", 14 * scale);
  g_autofree char *body_font = g_strdup_printf ("Sans %.1f", 8 * scale);
  g_autofree char *small_font = g_strdup_printf ("Sans %.1f", 7 * scale);
  double top, foot, y;

  top = show_text (cr, layout, title_font, title, 0, 0, width);
  top += show_text (cr, layout, body_font, subtitle, 0, top + 2 * scale, width) + 10 * scale;
  foot = show_text (NULL, layout, small_font, appeals_map_get_attribution (), 0, 0, width);
  show_text (cr, layout, small_font, appeals_map_get_attribution (), 0, height - foot, width);

  cairo_save (cr);
  cairo_translate (cr, 0, top);
  appeals_map_paint (map, cr, map_width, height - top - foot - 8 * scale);
  cairo_restore (cr);

  y = top;
  for (guint i = 0; units != NULL && i < units->units->len; i++)
    {
      const AppealsGeoUnit *unit = g_ptr_array_index (units->units, i);

      y += show_text (cr, layout, body_font, appeals_map_get_figures (map, unit->osm_relation), list_x, y,
                      width - list_x) + 2 * scale;
    }
}

static void
appeals_map_print_draw_page (GtkPrintOperation *operation,
                             GtkPrintContext   *context,
                             int                page)
{
  AppealsMapPrint *self = APPEALS_MAP_PRINT (operation);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);

  paint_page (self->map, self->title, self->subtitle, gtk_print_context_get_cairo_context (context), layout,
              gtk_print_context_get_width (context), gtk_print_context_get_height (context), 1.0);
}

/**
 * appeals_map_write_png:
 *
 * Writes the page as a PNG picture on white, for slides and letters.
 */
gboolean
appeals_map_write_png (AppealsMap  *map,
                       const char  *title,
                       const char  *subtitle,
                       const char  *path,
                       GError     **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PNG_WIDTH, PNG_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  cairo_status_t status;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, 30, 30);
  paint_page (map, title, subtitle, cr, layout, PNG_WIDTH - 60, PNG_HEIGHT - 60, 1.6);
  g_object_unref (layout);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The picture could not be written: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
appeals_map_print_finalize (GObject *object)
{
  AppealsMapPrint *self = (AppealsMapPrint *)object;

  g_clear_object (&self->map);
  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (appeals_map_print_parent_class)->finalize (object);
}

static void
appeals_map_print_class_init (AppealsMapPrintClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_map_print_finalize;
  GTK_PRINT_OPERATION_CLASS (klass)->draw_page = appeals_map_print_draw_page;
}

static void
appeals_map_print_init (AppealsMapPrint *self)
{
}

AppealsMapPrint *
appeals_map_print_new (AppealsMap *map,
                       const char *title,
                       const char *subtitle)
{
  AppealsMapPrint *self = g_object_new (APPEALS_TYPE_MAP_PRINT, NULL);

  appeals_print_set_up_a4 (GTK_PRINT_OPERATION (self), title);
  appeals_print_set_landscape (GTK_PRINT_OPERATION (self));
  gtk_print_operation_set_n_pages (GTK_PRINT_OPERATION (self), 1);

  self->map = g_object_ref (map);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  return self;
}
