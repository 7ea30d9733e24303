/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytical-note-charts.c: the note's figures — the bar chart of
 * the districts, the map of the region coloured by their appeals, and the
 * line of the months — drawn with the widgets' own cairo code
 * (appeals_bar_draw(), appeals_map_paint(), appeals_line_chart_draw()),
 * so that the colours are the page's on screen and on paper. Each figure
 * keeps what it draws; the FODT writer renders it to a PNG, the PDF draws
 * it as vectors.
 */
#include "config.h"

#include <math.h>

#include "appeals-analytical-note.h"
#include "appeals-bar.h"
#include "appeals-line-chart.h"
#include "appeals-map.h"
#include "appeals-print.h"

#define TOP_DISTRICTS 10
#define FONT_SIZE     8.5

static const AppealsWords bars_caption = { "1-сурет. Өтініштердің ең көп саны бар аудандар мен қалалар",
                                           "Рисунок 1. Районы и города с наибольшим числом обращений" };
static const AppealsWords map_caption = { "2-сурет. Облыс аудандарындағы өтініштер картасы",
                                          "Рисунок 2. Карта обращений по районам области" };
static const AppealsWords legend_words = { "Жарты жылдықтағы өтініштер", "Обращения за полугодие" };
static const AppealsWords line_caption = { "3-сурет. Айлар бойынша тіркелген өтініштер",
                                           "Рисунок 3. Зарегистрированные обращения по месяцам" };

/* Shows @text in the chart's font at @x, @y, aligned by @xalign (0 left,
 * 1 right) within @width; returns its height. */
static double
chart_text (cairo_t    *cr,
            const char *text,
            double      x,
            double      y,
            double      width,
            double      xalign)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int text_width, text_height;

  pango_font_description_set_absolute_size (font, FONT_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, x + xalign * MAX (0, width - text_width), y);
  pango_cairo_show_layout (cr, layout);
  return text_height;
}

/* What a chart draws: counts with their labels — districts or months. */
typedef struct
{
  GPtrArray *labels;   /* char * */
  GArray    *counts;   /* gint64 */
} Bars;

static Bars *
bars_new (void)
{
  Bars *bars = g_new0 (Bars, 1);

  bars->labels = g_ptr_array_new_with_free_func (g_free);
  bars->counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  return bars;
}

static void
bars_add (Bars       *bars,
          const char *label,
          gint64      count)
{
  g_ptr_array_add (bars->labels, g_strdup (label));
  g_array_append_val (bars->counts, count);
}

static void
bars_free (Bars *bars)
{
  g_ptr_array_unref (bars->labels);
  g_array_unref (bars->counts);
  g_free (bars);
}

/* The bar chart ------------------------------------------------------------ */

static void
draw_bars (cairo_t  *cr,
           double    width,
           double    height,
           gpointer  data)
{
  Bars *bars = data;
  double row = height / MAX (1, bars->labels->len);
  double label_width = width * 0.36, count_width = 40, bar_x = label_width + 8;
  double bar_width = width - bar_x - count_width - 6;
  gint64 top = 1;

  for (guint i = 0; i < bars->counts->len; i++)
    top = MAX (top, g_array_index (bars->counts, gint64, i));
  for (guint i = 0; i < bars->labels->len; i++)
    {
      gint64 count = g_array_index (bars->counts, gint64, i);
      g_autofree char *figure = g_strdup_printf ("%" G_GINT64_FORMAT, count);
      double y = i * row, text_y = y + (row - FONT_SIZE * 1.3) / 2;

      chart_text (cr, g_ptr_array_index (bars->labels, i), 0, text_y, label_width, 1.0);
      appeals_bar_draw (cr, bar_x, y + row * 0.2, bar_width, row * 0.6, (double) count / top);
      chart_text (cr, figure, bar_x + bar_width + 6, text_y, count_width, 0.0);
    }
}

/* The map -------------------------------------------------------------------- */

static void
draw_map (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  data)
{
  appeals_map_paint (APPEALS_MAP (data), cr, width, height);
}

/**
 * appeals_analytical_note_add_district_charts:
 *
 * Adds the bar chart of the busiest districts and the map of all of them.
 */
void
appeals_analytical_note_add_district_charts (AppealsAnalyticalNote   *note,
                                             AppealsNoteFigures      *figures,
                                             AppealsReferenceService *reference)
{
  AppealsRanking *ranking = appeals_report_get_ranking (figures->report, APPEALS_REPORT_DISTRICT);
  AppealsClassifier *districts = appeals_reference_service_get_classifier (reference, APPEALS_CLASSIFIER_DISTRICTS);
  AppealsMap *map;
  Bars *bars;

  if (ranking == NULL || ranking->rows->len == 0)
    return;

  bars = bars_new ();
  for (guint r = 0; r < MIN (TOP_DISTRICTS, ranking->rows->len); r++)
    {
      AppealsReportRow *row = g_ptr_array_index (ranking->rows, r);

      bars_add (bars, appeals_classifier_get_label (districts, row->key, note->language), row->count);
    }
  appeals_analytical_note_add_figure (note, appeals_words_say (&bars_caption, note->language), 480,
                                      18 * bars->labels->len, draw_bars, bars, (GDestroyNotify) bars_free);

  map = g_object_ref_sink (APPEALS_MAP (appeals_map_new ()));
  appeals_map_set_scale (map, APPEALS_MAP_SCALE_COUNT, appeals_words_say (&legend_words, note->language));
  for (guint r = 0; r < ranking->rows->len; r++)
    {
      AppealsReportRow *row = g_ptr_array_index (ranking->rows, r);
      const AppealsClassifierItem *item = appeals_classifier_lookup (districts, row->key);
      g_autofree char *label = g_strdup_printf ("%" G_GINT64_FORMAT, row->count);

      if (item != NULL && item->osm_relation != 0)
        appeals_map_set_value (map, item->osm_relation, (double) row->count, label,
                               appeals_classifier_item_get_label (item, note->language));
    }
  appeals_analytical_note_add_figure (note, appeals_words_say (&map_caption, note->language), 480, 400, draw_map,
                                      map, g_object_unref);
}

/* The months ----------------------------------------------------------------- */

static void
draw_months (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  data)
{
  Bars *months = data;
  double line = FONT_SIZE * 1.6, chart_height = height - 2 * line, chart_width = width - 40;
  const gint64 *counts = (const gint64 *) (gpointer) months->counts->data;

  cairo_save (cr);
  cairo_translate (cr, 20, line);
  appeals_line_chart_draw (cr, chart_width, chart_height, counts, months->counts->len, NAN, FALSE);
  for (guint i = 0; i < months->counts->len; i++)
    {
      g_autofree char *figure = g_strdup_printf ("%" G_GINT64_FORMAT, counts[i]);
      double x, y;

      appeals_line_chart_get_point (chart_width, chart_height, counts, months->counts->len, NAN, i, &x, &y);

      chart_text (cr, figure, x - 30, y - line, 60, 0.5);
      chart_text (cr, g_ptr_array_index (months->labels, i), x - 40, chart_height + 2, 80, 0.5);
    }
  cairo_restore (cr);
}

/**
 * appeals_analytical_note_add_monthly_chart:
 * @months: (element-type gint64[2]): a month's number and its appeals
 */
void
appeals_analytical_note_add_monthly_chart (AppealsAnalyticalNote *note,
                                           AppealsNoteFigures    *figures,
                                           GPtrArray             *months)
{
  Bars *data;

  if (months->len == 0)
    return;
  data = bars_new ();
  for (guint m = 0; m < months->len; m++)
    {
      const gint64 *month = g_ptr_array_index (months, m);

      bars_add (data, appeals_analytical_note_month_name (month[0], note->language), month[1]);
    }
  appeals_analytical_note_add_figure (note, appeals_words_say (&line_caption, note->language), 480, 200,
                                      draw_months, data, (GDestroyNotify) bars_free);
}
