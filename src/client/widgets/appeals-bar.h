/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-bar.h: one horizontal bar of a bar chart, drawn with GtkSnapshot
 * — a figure's share of the largest one — with the same colours on screen
 * and on paper. The numbers stand beside it, in a label of their own.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define APPEALS_TYPE_BAR (appeals_bar_get_type ())

G_DECLARE_FINAL_TYPE (AppealsBar, appeals_bar, APPEALS, BAR, GtkWidget)

GtkWidget *appeals_bar_new          (double      fraction);
double     appeals_bar_get_fraction (AppealsBar *self);
void       appeals_bar_set_fraction (AppealsBar *self,
                                     double      fraction);

void       appeals_bar_draw         (cairo_t    *cr,
                                     double      x,
                                     double      y,
                                     double      width,
                                     double      height,
                                     double      fraction);

G_END_DECLS
