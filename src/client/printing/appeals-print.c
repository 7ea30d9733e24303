/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-print.c: small helpers the printed documents share — A4 in
 * points within the printer's margins, a Pango layout of a given font and
 * width that wraps words, and its height, a document's words in kk or ru,
 * and the department's letterhead at the top of a page.
 */
#include "config.h"

#include "appeals-print.h"

void
appeals_print_set_up_a4 (GtkPrintOperation *operation,
                         const char        *job_name)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_job_name (operation, job_name);
}

/* Turns the page set up by appeals_print_set_up_a4() sideways, for wide tables and maps. */
void
appeals_print_set_landscape (GtkPrintOperation *operation)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_copy (gtk_print_operation_get_default_page_setup (operation));

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
}

/**
 * appeals_print_export_pdf:
 * @parent: (nullable): the window the export belongs to
 *
 * Writes @operation's document as a PDF file at @path, without asking.
 *
 * Returns: whether the file was written
 */
gboolean
appeals_print_export_pdf (GtkPrintOperation  *operation,
                          const char         *path,
                          GtkWindow          *parent,
                          GError            **error)
{
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

PangoLayout *
appeals_print_layout_new (GtkPrintContext *context,
                          const char      *font,
                          double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);

  appeals_print_layout_set_font (layout, font, width);
  return layout;
}

/* Sets @layout to @font, wrapping words within @width. */
void
appeals_print_layout_set_font (PangoLayout *layout,
                               const char  *font,
                               double       width)
{
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
}

double
appeals_print_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* Draws @layout at (@x, @y), in @cr's source colour; with @cr %NULL only
 * measures it. Returns its height. */
double
appeals_print_draw_layout (cairo_t     *cr,
                           PangoLayout *layout,
                           double       x,
                           double       y)
{
  if (cr != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return appeals_print_layout_height (layout);
}

/* Draws @layout at (@x, *@y) and moves *@y below it by @gap. */
void
appeals_print_show (cairo_t     *cr,
                    PangoLayout *layout,
                    double       x,
                    double      *y,
                    double       gap)
{
  *y += appeals_print_draw_layout (cr, layout, x, *y) + gap;
}

/* The desk's own language, for the documents that stay in the department
 * or go to a courier: the interface's, kk or ru. */
const char *
appeals_print_desk_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], "kk") || g_str_has_prefix (names[i], "ru"))
      return g_str_has_prefix (names[i], "kk") ? "kk" : "ru";
  return "ru";
}

/* "kk" reads Kazakh; anything else Russian. */
const char *
appeals_words_say (const AppealsWords *words,
                   const char         *language)
{
  return g_strcmp0 (language, "kk") == 0 ? words->kk : words->ru;
}

/* The letterhead block — the organisation, its address and contacts, in
 * @language — centred across the page. */
PangoLayout *
appeals_print_letterhead_new (GtkPrintContext   *context,
                              AppealsLetterhead *letterhead,
                              const char        *language)
{
  PangoLayout *layout = appeals_print_layout_new (context, "Sans 10.5", gtk_print_context_get_width (context));
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n%s",
                                                     appeals_letterhead_get (letterhead, APPEALS_LETTERHEAD_ORGANISATION,
                                                                             language),
                                                     appeals_letterhead_get (letterhead, APPEALS_LETTERHEAD_ADDRESS,
                                                                             language),
                                                     appeals_letterhead_get (letterhead, APPEALS_LETTERHEAD_CONTACTS,
                                                                             language));

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

/* Draws @letterhead at the top of the page with a rule under it.
 * Returns: where the page's text may begin */
double
appeals_print_show_letterhead (GtkPrintContext *context,
                               PangoLayout     *letterhead)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double y = appeals_print_layout_height (letterhead) + 7;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, letterhead);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, gtk_print_context_get_width (context), y);
  cairo_stroke (cr);
  return y + 14;
}
