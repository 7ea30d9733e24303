/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-print.h: small helpers the printed documents share.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void         appeals_print_set_up_a4     (GtkPrintOperation *operation,
                                          const char        *job_name);
void         appeals_print_set_landscape (GtkPrintOperation *operation);
PangoLayout *appeals_print_layout_new    (GtkPrintContext   *context,
                                          const char        *font,
                                          double             width);
double       appeals_print_layout_height (PangoLayout       *layout);

G_END_DECLS
