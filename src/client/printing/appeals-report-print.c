/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-report-print.c: the line report printed, A4 landscape, in the
 * interface's language (Kazakh or Russian): its title, period and totals,
 * then every table the page and the spreadsheets show (the same text,
 * from appeals_report_table_text()), one line per row, paginated where a
 * page ends; a table's header repeats on the next page. Any report's
 * tables print the same way (appeals_report_print_new_for_tables()); a
 * table of many columns has its headers written upwards, the others wrap
 * a long column name onto as many lines as it takes, as a row does a
 * long name in its first cell (its figures keep to a line). A table too
 * wide for the page, a column per addressee body, prints in bands of
 * columns, each with the first column again, so that no figure is cut.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-print.h"
#include "appeals-report-export.h"
#include "appeals-report-print.h"

#define TITLE_HEIGHT  26.0
#define HEADER_HEIGHT 18.0
#define ROW_HEIGHT    15.0
#define GAP           12.0
#define FONT          "Sans 8.5"
/* past this many columns, headers are written upwards in a taller row */
#define MANY_COLUMNS  8
#define TALL_HEADER   140.0

typedef enum
{
  LINE_TITLE,
  LINE_HEADER,
  LINE_ROW,
} LineKind;

typedef struct
{
  LineKind  kind;
  GStrv     cells;          /* borrowed from the table's lines; a title's one cell */
  GStrv     header;         /* the table's header, repeated on a new page */
  double    height;         /* its text wrapped on the page (measure_lines()) */
  double    header_height;  /* of the header of this line's table (of the next, for a title) */
} Line;

struct _AppealsReportPrint
{
  GtkPrintOperation  parent_instance;

  char              *heading;
  char              *totals;
  GPtrArray         *tables;       /* GPtrArray of GStrv per table (appeals_report_table_text) */
  GPtrArray         *titles;       /* char *, one per table; NULL: none */
  GPtrArray         *band_cells;   /* char **, the lines' cells, borrowing the tables' texts */
  GArray            *lines;        /* Line, laid out for the page (build_lines()) */
  GArray            *page_starts;  /* the first line of each page */
};

G_DEFINE_FINAL_TYPE (AppealsReportPrint, appeals_report_print, GTK_TYPE_PRINT_OPERATION)

/* Where column @c of @n starts across @width, and the width of its text. */
static double
column_x (guint   n,
          guint   c,
          double  width,
          double *cell_width)
{
  double first = n > 1 ? width * (n > MANY_COLUMNS ? 0.34 : 0.36) : width;
  double other = n > 1 ? (width - first) / (n - 1) : 0;

  *cell_width = (c == 0 ? first : other) - 6;
  return c == 0 ? 0 : first + (c - 1) * other;
}

/* Sets @layout to a header cell's name, or a row's, wrapped within its
 * column. */
static void
set_wrapped_cell (PangoLayout *layout,
                  const char  *markup,
                  double       cell_width,
                  gboolean     first)
{
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (cell_width));
  pango_layout_set_alignment (layout, first ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  pango_layout_set_markup (layout, markup, -1);
}

/* The height of @cells: a header's longest name wrapped, or the tall row
 * of names written upwards; a row's name in its first cell wrapped. */
static double
measure_cells (PangoLayout *layout,
               GStrv        cells,
               double       width,
               gboolean     header)
{
  guint n = g_strv_length (cells);
  double height = header ? HEADER_HEIGHT : ROW_HEIGHT;

  if (header && n > MANY_COLUMNS)
    return TALL_HEADER;
  for (guint c = 0; c < (header ? n : MIN (n, 1)); c++)
    {
      g_autofree char *markup = header ? g_markup_printf_escaped ("<b>%s</b>", cells[c])
                                       : g_markup_escape_text (cells[c], -1);
      double cell_width;
      int text_height;

      column_x (n, c, width, &cell_width);
      set_wrapped_cell (layout, markup, cell_width, c == 0);
      pango_layout_get_size (layout, NULL, &text_height);
      height = MAX (height, pango_units_to_double (text_height) + (header ? 6 : 4));
    }
  return height;
}

/* Each line as tall as its text wrapped on this page's width; each row
 * and title knows its table's header's. */
static void
measure_lines (AppealsReportPrint *self,
               PangoLayout        *layout,
               double              width)
{
  double header_height = HEADER_HEIGHT;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);

      if (line->kind == LINE_TITLE)
        line->height = TITLE_HEIGHT;
      else
        line->height = measure_cells (layout, line->cells, width, line->kind == LINE_HEADER);
      if (line->kind == LINE_HEADER)
        header_height = line->height;
      line->header_height = header_height;
    }
  /* a title, the height of the header after it */
  for (guint i = self->lines->len; i > 0; i--)
    {
      Line *line = &g_array_index (self->lines, Line, i - 1);

      if (line->kind == LINE_HEADER)
        header_height = line->height;
      else if (line->kind == LINE_TITLE)
        line->header_height = header_height;
    }
}

/* Sets @layout to a header cell's name written upwards: up to five
 * lines of the tall row's height. */
static void
set_upwards_cell (PangoLayout *layout,
                  const char  *markup)
{
  pango_layout_set_width (layout, pango_units_from_double (TALL_HEADER - 6));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -5);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_markup (layout, markup, -1);
}

/* Column bands ----------------------------------------------------------- */

/* The width a column of @text needs at least: its widest figure, or its
 * name written upwards (@upwards). */
static double
column_needs (PangoLayout *layout,
              GPtrArray   *text,
              guint        c,
              gboolean     upwards)
{
  double needed = 0;

  for (guint r = upwards ? 0 : 1; r < text->len; r++)
    {
      GStrv cells = g_ptr_array_index (text, r);
      g_autofree char *markup = r == 0 ? g_markup_printf_escaped ("<b>%s</b>", cells[c])
                                       : g_markup_escape_text (cells[c], -1);
      int text_width, text_height;

      if (r == 0)
        set_upwards_cell (layout, markup);
      else
        {
          pango_layout_set_width (layout, -1);
          pango_layout_set_markup (layout, markup, -1);
        }
      pango_layout_get_size (layout, &text_width, &text_height);
      needed = MAX (needed, pango_units_to_double (r == 0 ? text_height : text_width));
    }
  pango_layout_set_height (layout, -1);
  return needed + 8;
}

/* How many of the columns after the first go in a band across @width:
 * all of them when they fit, else as even bands as they make. */
static guint
band_size (PangoLayout *layout,
           GPtrArray   *text,
           double       width)
{
  guint n = text->len > 0 ? g_strv_length (g_ptr_array_index (text, 0)) : 0;
  double first, cell_width;
  double widest = 0;
  guint fitting, n_bands;

  if (n < 2)
    return MAX (n, 1);
  /* where the second column starts: the first's width */
  first = column_x (n, 1, width, &cell_width);
  for (guint c = 1; c < n; c++)
    widest = MAX (widest, column_needs (layout, text, c, n > MANY_COLUMNS));
  fitting = MAX ((guint) ((width - first) / widest), 1);
  if (fitting >= n - 1)
    return n - 1;
  n_bands = (n - 1 + fitting - 1) / fitting;
  return (n - 1 + n_bands - 1) / n_bands;
}

/* Cells of @row: the first, then those of @from up to @to. */
static char **
band_of (AppealsReportPrint *self,
         GStrv               row,
         guint               from,
         guint               to)
{
  char **cells = g_new0 (char *, to - from + 2);

  cells[0] = row[0];
  for (guint c = from; c < to; c++)
    cells[c - from + 1] = row[c];
  g_ptr_array_add (self->band_cells, cells);
  return cells;
}

/* The lines of every table for this page's width: its title, its header
 * and rows, once for each band of its columns (a band after the first
 * behind a blank title). */
static void
build_lines (AppealsReportPrint *self,
             PangoLayout        *layout,
             double              width)
{
  g_array_set_size (self->lines, 0);
  g_ptr_array_set_size (self->band_cells, 0);
  for (guint t = 0; t < self->tables->len; t++)
    {
      GPtrArray *text = g_ptr_array_index (self->tables, t);
      char *title = g_ptr_array_index (self->titles, t);
      guint n = text->len > 0 ? g_strv_length (g_ptr_array_index (text, 0)) : 1;
      guint size = band_size (layout, text, width);

      for (guint from = 1; from < MAX (n, 2); from += size)
        {
          guint to = MIN (from + size, n);
          char **header = NULL;

          if (title != NULL || from > 1)
            {
              char **title_cells = g_new0 (char *, 2);
              Line line = { LINE_TITLE, title_cells, NULL, 0, 0 };

              title_cells[0] = from > 1 ? (char *) "" : title;
              g_ptr_array_add (self->band_cells, title_cells);
              g_array_append_val (self->lines, line);
            }
          for (guint r = 0; r < text->len; r++)
            {
              char **cells = band_of (self, g_ptr_array_index (text, r), from, to);
              Line row = { r == 0 ? LINE_HEADER : LINE_ROW, cells, NULL, 0, 0 };

              header = r == 0 ? cells : header;
              row.header = header;
              g_array_append_val (self->lines, row);
            }
        }
    }
}

static double
first_page_top (void)
{
  return 2 * TITLE_HEIGHT + GAP;
}

static void
appeals_report_print_begin_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  AppealsReportPrint *self = APPEALS_REPORT_PRINT (operation);
  double page_height = gtk_print_context_get_height (context);
  double width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) layout = appeals_print_layout_new (context, FONT, width);
  double y = first_page_top ();

  build_lines (self, layout, width);
  measure_lines (self, layout, width);
  g_array_set_size (self->page_starts, 0);
  g_array_append_val (self->page_starts, (guint) { 0 });
  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = &g_array_index (self->lines, Line, i);
      /* a title keeps its header and first row with it */
      const Line *next = i + 2 < self->lines->len ? &g_array_index (self->lines, Line, i + 2) : NULL;
      double needed = line->kind == LINE_TITLE ? TITLE_HEIGHT + line->header_height + (next != NULL ? next->height : 0)
                                               : line->height;

      if (y + needed > page_height && y > 0)
        {
          g_array_append_val (self->page_starts, i);
          y = line->kind == LINE_ROW ? line->header_height : 0;
        }
      y += line->height + (line->kind == LINE_TITLE && i > 0 ? GAP : 0);
    }
  gtk_print_operation_set_n_pages (operation, self->page_starts->len);
}

/* A header cell of a table of many columns, written upwards from the
 * bottom of its row, its lines ending where its figures do. */
static void
draw_upwards (cairo_t     *cr,
              PangoLayout *layout,
              const char  *markup,
              double       x,
              double       y,
              double       cell_width,
              double       height)
{
  int text_height;

  set_upwards_cell (layout, markup);
  pango_layout_get_size (layout, NULL, &text_height);
  cairo_save (cr);
  cairo_move_to (cr, x + cell_width - pango_units_to_double (text_height), y + height - 3);
  cairo_rotate (cr, -G_PI / 2);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  pango_cairo_update_layout (cr, layout);
  pango_layout_set_height (layout, -1);
}

static void
draw_cells (cairo_t     *cr,
            PangoLayout *layout,
            GStrv        cells,
            double       y,
            double       width,
            double       height,
            gboolean     bold)
{
  guint n = g_strv_length (cells);

  for (guint c = 0; c < n; c++)
    {
      double cell_width;
      double x = column_x (n, c, width, &cell_width);
      g_autofree char *markup = bold ? g_markup_printf_escaped ("<b>%s</b>", cells[c])
                                     : g_markup_escape_text (cells[c], -1);
      int text_height;

      if (bold && c > 0 && n > MANY_COLUMNS)
        {
          draw_upwards (cr, layout, markup, x, y, cell_width, height);
          continue;
        }
      if (bold || c == 0)
        set_wrapped_cell (layout, markup, cell_width, c == 0);
      else
        {
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (layout, pango_units_from_double (cell_width));
          pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          pango_layout_set_markup (layout, markup, -1);
        }
      /* a header's names stand on its line; a row's figures on its first */
      pango_layout_get_size (layout, NULL, &text_height);
      cairo_move_to (cr, x, bold ? y + height - 4 - pango_units_to_double (text_height) : y + 2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_set_line_width (cr, bold ? 0.8 : 0.3);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_move_to (cr, 0, y + height - 1);
  cairo_line_to (cr, width, y + height - 1);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
draw_title (cairo_t     *cr,
            PangoLayout *layout,
            const char  *text,
            const char  *font,
            double       y,
            double       width)
{
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
}

static void
appeals_report_print_draw_page (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page)
{
  AppealsReportPrint *self = APPEALS_REPORT_PRINT (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) layout = appeals_print_layout_new (context, FONT, width);
  g_autoptr(PangoLayout) titles = appeals_print_layout_new (context, FONT, width);
  guint start = g_array_index (self->page_starts, guint, page);
  guint end = (guint) page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1)
                                                         : self->lines->len;
  double y = 0;

  if (page == 0)
    {
      draw_title (cr, titles, self->heading, "Sans Bold 14", 0, width);
      draw_title (cr, titles, self->totals, "Sans 10", TITLE_HEIGHT, width);
      y = first_page_top ();
    }
  for (guint i = start; i < end; i++)
    {
      const Line *line = &g_array_index (self->lines, Line, i);

      if (i == start && line->kind == LINE_ROW)
        {
          draw_cells (cr, layout, line->header, y, width, line->header_height, TRUE);
          y += line->header_height;
        }
      if (line->kind == LINE_TITLE)
        {
          y += i > start ? GAP : 0;
          draw_title (cr, titles, line->cells[0], "Sans Bold 11", y + 6, width);
        }
      else
        draw_cells (cr, layout, line->cells, y, width, line->height, line->kind == LINE_HEADER);
      y += line->height;
    }
}

static void
appeals_report_print_finalize (GObject *object)
{
  AppealsReportPrint *self = (AppealsReportPrint *)object;

  g_free (self->heading);
  g_free (self->totals);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_clear_pointer (&self->band_cells, g_ptr_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);

  G_OBJECT_CLASS (appeals_report_print_parent_class)->finalize (object);
}

static void
appeals_report_print_class_init (AppealsReportPrintClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = appeals_report_print_finalize;
  operation_class->begin_print = appeals_report_print_begin_print;
  operation_class->draw_page = appeals_report_print_draw_page;
}

static void
appeals_report_print_init (AppealsReportPrint *self)
{
  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->titles = g_ptr_array_new_with_free_func (g_free);
  self->band_cells = g_ptr_array_new_with_free_func (g_free);
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * appeals_report_totals_text:
 *
 * Returns: (transfer full): "01.01.2026 – 30.11.2026: 80 appeals;
 *   compared with …: 12", as the page and the print say it
 */
char *
appeals_report_totals_text (AppealsReport *report)
{
  g_autofree char *period = appeals_report_period_text (&report->from, &report->to);
  g_autofree char *compare = appeals_report_period_text (&report->compare_from, &report->compare_to);

  /* TRANSLATORS: "01.01.2026 – 30.11.2026: 80 appeals; compared with 01.01.2025 – 30.11.2025: 12" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d appeal; compared with %s: %d",
                                       "%s: %d appeals; compared with %s: %d", report->total),
                          period, (int) report->total, compare, (int) report->compare_total);
}

/* Adds a table: its title (none when %NULL, taken), then its header and
 * rows (@text, taken). */
static void
add_table (AppealsReportPrint *self,
           char               *title,
           GPtrArray          *text)
{
  g_ptr_array_add (self->titles, title);
  g_ptr_array_add (self->tables, text);
}

static AppealsReportPrint *
print_new (const char *heading,
           char       *subtitle)
{
  AppealsReportPrint *self = g_object_new (APPEALS_TYPE_REPORT_PRINT, NULL);

  appeals_print_set_up_a4 (GTK_PRINT_OPERATION (self), heading);
  appeals_print_set_landscape (GTK_PRINT_OPERATION (self));
  self->heading = g_strdup (heading);
  self->totals = subtitle;
  return self;
}

AppealsReportPrint *
appeals_report_print_new (AppealsReport           *report,
                          AppealsReferenceService *reference)
{
  AppealsReportPrint *self = print_new (_("Line Report"), appeals_report_totals_text (report));
  g_auto(GStrv) names = appeals_report_list_tables (report);

  for (guint t = 0; names[t] != NULL; t++)
    {
      g_autofree char *title = NULL;
      GPtrArray *text = appeals_report_table_text (report, reference, names[t], &title);

      add_table (self, g_steal_pointer (&title), text);
    }
  return self;
}

/**
 * appeals_report_print_new_for_tables:
 * @heading: the report's name, also the print job's
 * @subtitle: the line under it (its period, its scope)
 * @tables: (element-type AppealsReportTable): the tables, in order
 *
 * Returns: (transfer full): any report's tables, printed as the line
 *   report's are; a table alone is named by the heading and the subtitle
 *   alone, not again above it
 */
AppealsReportPrint *
appeals_report_print_new_for_tables (const char *heading,
                                     const char *subtitle,
                                     GPtrArray  *tables)
{
  AppealsReportPrint *self = print_new (heading, g_strdup (subtitle));

  for (guint t = 0; t < tables->len; t++)
    {
      AppealsReportTable *table = g_ptr_array_index (tables, t);

      add_table (self, tables->len > 1 ? g_strdup (appeals_report_table_get_title (table)) : NULL,
                 appeals_report_table_get_text (table));
    }
  return self;
}
