/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-print.h: small helpers the printed documents share.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-core.h"

G_BEGIN_DECLS

/* A printed document's own words, in the two languages it is printed in
 * whatever the interface speaks. */
typedef struct
{
  const char *kk;
  const char *ru;
} AppealsWords;

const char  *appeals_words_say           (const AppealsWords *words,
                                          const char         *language);
const char  *appeals_print_desk_language (void);

void         appeals_print_set_up_a4     (GtkPrintOperation *operation,
                                          const char        *job_name);
void         appeals_print_set_landscape (GtkPrintOperation *operation);
gboolean     appeals_print_export_pdf    (GtkPrintOperation *operation,
                                          const char        *path,
                                          GtkWindow         *parent,
                                          GError           **error);
PangoLayout *appeals_print_layout_new    (GtkPrintContext   *context,
                                          const char        *font,
                                          double             width);
void         appeals_print_layout_set_font (PangoLayout     *layout,
                                          const char        *font,
                                          double             width);
double       appeals_print_layout_height (PangoLayout       *layout);
double       appeals_print_draw_layout   (cairo_t           *cr,
                                          PangoLayout       *layout,
                                          double             x,
                                          double             y);
void         appeals_print_show          (cairo_t           *cr,
                                          PangoLayout       *layout,
                                          double             x,
                                          double            *y,
                                          double             gap);
PangoLayout *appeals_print_letterhead_new (GtkPrintContext  *context,
                                          AppealsLetterhead *letterhead,
                                          const char        *language);
double       appeals_print_show_letterhead (GtkPrintContext *context,
                                          PangoLayout       *letterhead);

G_END_DECLS
