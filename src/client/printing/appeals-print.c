/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-print.c: small helpers the printed documents share — A4 in
 * points within the printer's margins, a Pango layout of a given font and
 * width that wraps words, and its height.
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

PangoLayout *
appeals_print_layout_new (GtkPrintContext *context,
                          const char      *font,
                          double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

double
appeals_print_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}
