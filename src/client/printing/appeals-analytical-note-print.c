/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytical-note-print.c: the note on A4 paper — the letterhead
 * at the top of the first page, then its blocks laid out down the pages:
 * a table breaks between rows and repeats its header on the next page, a
 * heading never ends a page, a figure is drawn as vectors with its
 * caption under it. Printed, or exported to PDF.
 */
#include "config.h"

#include "appeals-analytical-note.h"
#include "appeals-print.h"

#define BODY_FONT     "Sans 10"
#define CELL_FONT     "Sans 7.5"
#define PADDING       3.0
#define FOOT          16.0

typedef struct
{
  AppealsNoteBlock *block;
  guint             row;       /* a table's row; 0 its header */
  guint             page;
  double            y;
} Placed;

struct _AppealsAnalyticalNotePrint
{
  GtkPrintOperation      parent_instance;

  AppealsAnalyticalNote *note;
  GArray                *placed;    /* Placed, in page order */
  PangoLayout           *letterhead;
};

#define APPEALS_TYPE_ANALYTICAL_NOTE_PRINT (appeals_analytical_note_print_get_type ())
G_DECLARE_FINAL_TYPE (AppealsAnalyticalNotePrint, appeals_analytical_note_print, APPEALS, ANALYTICAL_NOTE_PRINT,
                      GtkPrintOperation)
G_DEFINE_FINAL_TYPE (AppealsAnalyticalNotePrint, appeals_analytical_note_print, GTK_TYPE_PRINT_OPERATION)

/* Shows @text in @font within @width at @x, @y — or only measures it when
 * @cr is NULL; returns its height. */
static double
show_text (GtkPrintContext *context,
           cairo_t         *cr,
           const char      *font,
           const char      *text,
           double           x,
           double           y,
           double           width,
           PangoAlignment   alignment)
{
  g_autoptr(PangoLayout) layout = appeals_print_layout_new (context, font, width);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, alignment);
  if (cr != NULL)
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  return appeals_print_draw_layout (cr, layout, x, y);
}

/* A column of counts and short figures is narrow, a column of names wide. */
static void
column_widths (AppealsNoteBlock *table,
               double            width,
               double           *widths)
{
  guint n_columns = g_strv_length (g_ptr_array_index (table->rows, 0));
  double total = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      gsize longest = 0;

      g_auto(GStrv) words = g_strsplit (((char **) g_ptr_array_index (table->rows, 0))[c], " ", -1);
      gsize longest_word = 0;

      for (guint r = 1; r < table->rows->len; r++)
        longest = MAX (longest, g_utf8_strlen (((char **) g_ptr_array_index (table->rows, r))[c], -1));
      /* a header's word is not cut either */
      for (guint w = 0; words[w] != NULL; w++)
        longest_word = MAX (longest_word, g_utf8_strlen (words[w], -1));
      widths[c] = longest > 8 ? 3.0 : longest_word >= 9 ? 2.0 : 1.0;
      total += widths[c];
    }
  for (guint c = 0; c < n_columns; c++)
    widths[c] *= width / total;
}

/* Draws (or, without @cr, measures) a table's row; returns its height. */
static double
show_row (GtkPrintContext  *context,
          cairo_t          *cr,
          AppealsNoteBlock *table,
          guint             row,
          double            y,
          double            width)
{
  char **cells = g_ptr_array_index (table->rows, row);
  guint n_columns = g_strv_length (g_ptr_array_index (table->rows, 0));
  g_autofree double *widths = g_new0 (double, n_columns);
  const char *font = row == 0 ? "Sans Bold 7.5" : CELL_FONT;
  double height = 0, x = 0;

  column_widths (table, width, widths);
  for (guint c = 0; c < n_columns; c++)
    height = MAX (height, show_text (context, NULL, font, cells[c], 0, 0, widths[c] - 2 * PADDING,
                                     PANGO_ALIGN_LEFT));
  height += 2 * PADDING;
  if (cr == NULL)
    return height;

  if (row == 0)
    {
      cairo_set_source_rgb (cr, 0.91, 0.91, 0.91);
      cairo_rectangle (cr, 0, y, width, height);
      cairo_fill (cr);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      show_text (context, cr, font, cells[c], x + PADDING, y + PADDING, widths[c] - 2 * PADDING,
                 row > 0 && appeals_note_cell_is_figure (cells[c]) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x, y, widths[c], height);
      cairo_stroke (cr);
      x += widths[c];
    }
  return height;
}

/* Draws (or measures) one placed item; returns the room it takes,
 * with the space after it. */
static double
show_item (GtkPrintContext  *context,
           cairo_t          *cr,
           AppealsNoteBlock *block,
           guint             row,
           double            y)
{
  double width = gtk_print_context_get_width (context);

  switch (block->kind)
    {
    case APPEALS_NOTE_TITLE:
      return show_text (context, cr, "Sans Bold 13", block->text, 0, y, width, PANGO_ALIGN_CENTER) + 2;
    case APPEALS_NOTE_SUBTITLE:
      return show_text (context, cr, "Sans 8.5", block->text, 0, y, width, PANGO_ALIGN_CENTER) + 12;
    case APPEALS_NOTE_HEADING:
      return show_text (context, cr, "Sans Bold 11", block->text, 0, y + 6, width, PANGO_ALIGN_LEFT) + 12;
    case APPEALS_NOTE_PARAGRAPH:
      return show_text (context, cr, BODY_FONT, block->text, 0, y, width, PANGO_ALIGN_LEFT) + 6;
    case APPEALS_NOTE_TABLE:
      return show_row (context, cr, block, row, y, width) + (row + 1 == block->rows->len ? 8 : 0);
    case APPEALS_NOTE_FIGURE:
      {
        double figure_width = MIN (block->width, width), height = block->height * figure_width / block->width;
        double x = (width - figure_width) / 2;

        if (cr != NULL)
          {
            cairo_save (cr);
            cairo_translate (cr, x, y);
            block->draw (cr, figure_width, height, block->data);
            cairo_restore (cr);
          }
        return height + 4 + show_text (context, cr, "Sans Italic 8.5", block->text, 0, y + height + 4, width,
                                       PANGO_ALIGN_CENTER) + 10;
      }
    case APPEALS_NOTE_SIGNATURE:
      {
        g_auto(GStrv) parts = g_strsplit (block->text, "\t", 2);
        double height = show_text (context, cr, "Sans Bold 10", parts[0], 0, y + 24, width * 0.6, PANGO_ALIGN_LEFT);

        if (parts[1] != NULL)
          height = MAX (height, show_text (context, cr, "Sans Bold 10", parts[1], width * 0.6, y + 24, width * 0.4,
                                           PANGO_ALIGN_RIGHT));
        return height + 24;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
place (AppealsAnalyticalNotePrint *self,
       AppealsNoteBlock           *block,
       guint                       row,
       guint                       page,
       double                      y)
{
  Placed placed = { block, row, page, y };

  g_array_append_val (self->placed, placed);
}

static void
appeals_analytical_note_print_begin_print (GtkPrintOperation *operation,
                                           GtkPrintContext   *context)
{
  AppealsAnalyticalNotePrint *self = APPEALS_ANALYTICAL_NOTE_PRINT (operation);
  double bottom = gtk_print_context_get_height (context) - FOOT;
  guint page = 0;
  double y;

  g_clear_object (&self->letterhead);
  self->letterhead = appeals_print_letterhead_new (context, self->note->letterhead, self->note->language);
  /* where appeals_print_show_letterhead() lets the text begin */
  y = appeals_print_layout_height (self->letterhead) + 21;

  g_array_set_size (self->placed, 0);
  for (guint b = 0; b < self->note->blocks->len; b++)
    {
      AppealsNoteBlock *block = g_ptr_array_index (self->note->blocks, b);
      guint n_rows = block->kind == APPEALS_NOTE_TABLE ? block->rows->len : 1;

      for (guint r = 0; r < n_rows; r++)
        {
          double height = show_item (context, NULL, block, r, y);
          /* a heading keeps some of what follows with it; a header its first row */
          double keep = block->kind == APPEALS_NOTE_HEADING ? 80 : (block->kind == APPEALS_NOTE_TABLE && r == 0 ? 30 : 0);

          if (y + height + keep > bottom && y > 0)
            {
              page++;
              y = 0;
              /* a table goes on under its header */
              if (block->kind == APPEALS_NOTE_TABLE && r > 0)
                {
                  place (self, block, 0, page, y);
                  y += show_item (context, NULL, block, 0, y);
                }
            }
          place (self, block, r, page, y);
          y += height;
        }
    }
  gtk_print_operation_set_n_pages (operation, page + 1);
}

static void
appeals_analytical_note_print_draw_page (GtkPrintOperation *operation,
                                         GtkPrintContext   *context,
                                         int                page)
{
  AppealsAnalyticalNotePrint *self = APPEALS_ANALYTICAL_NOTE_PRINT (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autofree char *number = g_strdup_printf ("%d", page + 1);

  if (page == 0)
    appeals_print_show_letterhead (context, self->letterhead);
  for (guint i = 0; i < self->placed->len; i++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, i);

      if (placed->page == (guint) page)
        show_item (context, cr, placed->block, placed->row, placed->y);
    }
  show_text (context, cr, "Sans 8", number, 0, gtk_print_context_get_height (context) - 10,
             gtk_print_context_get_width (context), PANGO_ALIGN_CENTER);
}

static void
appeals_analytical_note_print_finalize (GObject *object)
{
  AppealsAnalyticalNotePrint *self = APPEALS_ANALYTICAL_NOTE_PRINT (object);

  g_array_unref (self->placed);
  g_clear_object (&self->letterhead);

  G_OBJECT_CLASS (appeals_analytical_note_print_parent_class)->finalize (object);
}

static void
appeals_analytical_note_print_class_init (AppealsAnalyticalNotePrintClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_analytical_note_print_finalize;
  GTK_PRINT_OPERATION_CLASS (klass)->begin_print = appeals_analytical_note_print_begin_print;
  GTK_PRINT_OPERATION_CLASS (klass)->draw_page = appeals_analytical_note_print_draw_page;
}

static void
appeals_analytical_note_print_init (AppealsAnalyticalNotePrint *self)
{
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
}

/**
 * appeals_analytical_note_print_new:
 *
 * Returns: (transfer full): the note's print operation; @note must outlive it
 */
GtkPrintOperation *
appeals_analytical_note_print_new (AppealsAnalyticalNote *note)
{
  AppealsAnalyticalNotePrint *self = g_object_new (APPEALS_TYPE_ANALYTICAL_NOTE_PRINT, NULL);

  appeals_print_set_up_a4 (GTK_PRINT_OPERATION (self), note->title);
  self->note = note;
  return GTK_PRINT_OPERATION (self);
}
