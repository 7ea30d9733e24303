/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-schedule-poster.c: the poster of officials' reception schedules,
 * printed in Kazakh or in Russian whatever the interface speaks — it hangs
 * on the wall for visitors. Its own few words are a kk/ru table here, not
 * gettext, for the same reason.
 *
 * A4 portrait: a title, then a table (official and position, days and
 * hours, place — its text in the poster's language — or video
 * conference), paginated when long, and a line on the unified reception
 * day.
 */
#include "config.h"

#include "appeals-core.h"
#include "appeals-print.h"
#include "appeals-schedule-poster.h"

#define MARGIN 18.0
#define CELL_PADDING 6.0

struct _AppealsSchedulePoster
{
  GtkPrintOperation  parent_instance;

  GPtrArray         *officials;   /* AppealsOfficial */
  char              *language;   /* "kk" or "ru" */
  GArray            *row_heights;
  GArray            *page_starts;  /* the first row of each page */
};

G_DEFINE_FINAL_TYPE (AppealsSchedulePoster, appeals_schedule_poster, GTK_TYPE_PRINT_OPERATION)

typedef struct
{
  const char *kk;
  const char *ru;
} Words;

static const Words title = { "Лауазымды адамдардың азаматтарды жеке қабылдау кестесі",
                             "График личного приёма граждан должностными лицами" };
static const Words heads[] = {
  { "Лауазымды адам", "Должностное лицо" },
  { "Күндері мен сағаттары", "Дни и часы приёма" },
  { "Орны", "Место" },
};
static const Words video = { "Бейнеконференция", "Видеоконференция" };
static const Words unified = { "Бірыңғай қабылдау күні — әр айдың соңғы жұмасы",
                               "Единый день приёма — последняя пятница каждого месяца" };
static const Words weekdays[] = {
  { "Дүйсенбі", "Понедельник" }, { "Сейсенбі", "Вторник" }, { "Сәрсенбі", "Среда" }, { "Бейсенбі", "Четверг" },
  { "Жұма", "Пятница" }, { "Сенбі", "Суббота" }, { "Жексенбі", "Воскресенье" },
};
static const double column_shares[] = { 0.42, 0.30, 0.28 };

static const char *
say (AppealsSchedulePoster *self,
     const Words           *words)
{
  return g_str_equal (self->language, "kk") ? words->kk : words->ru;
}

/* The three cells of an official's row, as Pango markup. */
static void
row_cells (AppealsSchedulePoster *self,
           AppealsOfficial       *official,
           char                  *cells[3])
{
  g_autoptr(GString) days = g_string_new (NULL);
  g_autoptr(GString) places = g_string_new (NULL);

  cells[0] = g_markup_printf_escaped ("<b>%s</b>\n%s", appeals_official_get_full_name (official, self->language),
                                      appeals_official_get_job_title (official, self->language));
  for (guint i = 0; i < official->schedule->len; i++)
    {
      const AppealsScheduleSlot *slot = g_ptr_array_index (official->schedule, i);
      int weekday = slot->weekday;
      g_autofree char *day = g_markup_printf_escaped ("%s %s–%s",
                                                      weekday >= 1 && weekday <= 7 ? say (self, &weekdays[weekday - 1]) : "",
                                                      slot->start != NULL ? slot->start : "",
                                                      slot->end != NULL ? slot->end : "");
      const char *place = appeals_schedule_slot_get_place (slot, self->language);
      g_autofree char *where = g_markup_escape_text (slot->video ? say (self, &video) : place != NULL ? place : "", -1);

      g_string_append_printf (days, "%s%s", i > 0 ? "\n" : "", day);
      g_string_append_printf (places, "%s%s", i > 0 ? "\n" : "", where);
    }
  cells[1] = g_strdup (days->str);
  cells[2] = g_strdup (places->str);
}

static PangoLayout *
new_layout (GtkPrintContext *context,
            const char      *markup,
            const char      *font,
            double           width)
{
  PangoLayout *layout = appeals_print_layout_new (context, font, width);

  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
title_height (AppealsSchedulePoster *self,
              GtkPrintContext       *context)
{
  g_autofree char *markup = g_markup_escape_text (say (self, &title), -1);
  g_autoptr(PangoLayout) layout = new_layout (context, markup, "Sans Bold 18", gtk_print_context_get_width (context));

  return appeals_print_layout_height (layout) + MARGIN;
}

static double
row_height (AppealsSchedulePoster *self,
            GtkPrintContext       *context,
            char                  *cells[3])
{
  double width = gtk_print_context_get_width (context);
  double height = 0;

  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(PangoLayout) layout = new_layout (context, cells[c], "Sans 11",
                                                  width * column_shares[c] - 2 * CELL_PADDING);

      height = MAX (height, appeals_print_layout_height (layout));
    }
  return height + 2 * CELL_PADDING;
}

static void
head_cells (AppealsSchedulePoster *self,
            char                  *cells[3])
{
  for (guint c = 0; c < 3; c++)
    cells[c] = g_markup_printf_escaped ("<b>%s</b>", say (self, &heads[c]));
}

static void
free_cells (char *cells[3])
{
  for (guint c = 0; c < 3; c++)
    g_free (cells[c]);
}

/* Measures every row and decides where each page starts. */
static void
appeals_schedule_poster_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  AppealsSchedulePoster *self = APPEALS_SCHEDULE_POSTER (operation);
  double page_height = gtk_print_context_get_height (context);
  double used;
  char *cells[3];
  double head;
  guint n = self->officials->len;

  g_array_set_size (self->row_heights, 0);
  g_array_set_size (self->page_starts, 0);

  head_cells (self, cells);
  head = row_height (self, context, cells);
  free_cells (cells);

  used = title_height (self, context) + head;
  g_array_append_val (self->page_starts, (guint) { 0 });
  for (guint i = 0; i < n; i++)
    {
      double height;

      row_cells (self, g_ptr_array_index (self->officials, i), cells);
      height = row_height (self, context, cells);
      free_cells (cells);
      g_array_append_val (self->row_heights, height);

      if (used + height > page_height - 3 * MARGIN && i > 0)
        {
          g_array_append_val (self->page_starts, i);
          used = head;
        }
      used += height;
    }

  gtk_print_operation_set_n_pages (operation, self->page_starts->len);
}

static void
draw_row (AppealsSchedulePoster *self,
          GtkPrintContext       *context,
          double                 y,
          double                 height,
          char                  *cells[3],
          gboolean               shaded)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double x = 0;

  if (shaded)
    {
      cairo_set_source_rgb (cr, 0.92, 0.94, 0.97);
      cairo_rectangle (cr, 0, y, width, height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, 0, y, width, height);
  cairo_stroke (cr);

  for (guint c = 0; c < 3; c++)
    {
      double column = width * column_shares[c];
      g_autoptr(PangoLayout) layout = new_layout (context, cells[c], "Sans 11", column - 2 * CELL_PADDING);

      if (c > 0)
        {
          cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x, y + height);
          cairo_stroke (cr);
        }
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, x + CELL_PADDING, y + CELL_PADDING);
      pango_cairo_show_layout (cr, layout);
      x += column;
    }
}

static void
appeals_schedule_poster_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page)
{
  AppealsSchedulePoster *self = APPEALS_SCHEDULE_POSTER (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  guint first = g_array_index (self->page_starts, guint, page);
  guint last = (guint) page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1)
                                                         : self->row_heights->len;
  char *cells[3];
  double y = 0;

  if (page == 0)
    {
      g_autofree char *markup = g_markup_escape_text (say (self, &title), -1);
      g_autoptr(PangoLayout) layout = new_layout (context, markup, "Sans Bold 18", width);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, layout);
      y = title_height (self, context);
    }

  head_cells (self, cells);
  {
    double height = row_height (self, context, cells);

    draw_row (self, context, y, height, cells, TRUE);
    y += height;
  }
  free_cells (cells);

  for (guint i = first; i < last; i++)
    {
      double height = g_array_index (self->row_heights, double, i);

      row_cells (self, g_ptr_array_index (self->officials, i), cells);
      draw_row (self, context, y, height, cells, FALSE);
      free_cells (cells);
      y += height;
    }

  if ((guint) page + 1 == self->page_starts->len)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", say (self, &unified));
      g_autoptr(PangoLayout) layout = new_layout (context, markup, "Sans 12", width);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, 0, y + MARGIN);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
appeals_schedule_poster_finalize (GObject *object)
{
  AppealsSchedulePoster *self = APPEALS_SCHEDULE_POSTER (object);

  g_clear_pointer (&self->officials, g_ptr_array_unref);
  g_clear_pointer (&self->row_heights, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_free (self->language);
  G_OBJECT_CLASS (appeals_schedule_poster_parent_class)->finalize (object);
}

static void
appeals_schedule_poster_class_init (AppealsSchedulePosterClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = appeals_schedule_poster_finalize;
  operation_class->begin_print = appeals_schedule_poster_begin_print;
  operation_class->draw_page = appeals_schedule_poster_draw_page;
}

static void
appeals_schedule_poster_init (AppealsSchedulePoster *self)
{
  self->row_heights = g_array_new (FALSE, FALSE, sizeof (double));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * appeals_schedule_poster_new:
 * @officials: (element-type AppealsOfficial): the officials, with their schedules
 * @language: "kk" or "ru"
 */
AppealsSchedulePoster *
appeals_schedule_poster_new (GPtrArray  *officials,
                             const char *language)
{
  AppealsSchedulePoster *self = g_object_new (APPEALS_TYPE_SCHEDULE_POSTER, NULL);

  self->officials = g_ptr_array_ref (officials);
  self->language = g_strdup (g_strcmp0 (language, "kk") == 0 ? "kk" : "ru");

  appeals_print_set_up_a4 (GTK_PRINT_OPERATION (self), say (self, &title));
  return self;
}
