/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-text-view.h: text views of a few lines: their whole text, and
 * a preferences row of one under its title.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char      *appeals_text_view_dup_text (GtkTextView  *view);
void       appeals_text_view_prepare  (GtkTextView  *view,
                                       GtkWidget    *label);
GtkWidget *appeals_text_row_new       (const char   *title,
                                       GtkTextView **view);

G_END_DECLS
