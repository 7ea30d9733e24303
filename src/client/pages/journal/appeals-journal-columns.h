/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-columns.h: the journal's column chooser — which columns
 * show and how wide they are, remembered in GSettings.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void appeals_journal_columns_set_id (GtkColumnViewColumn *column,
                                     const char          *id);
void appeals_journal_columns_bind   (GtkColumnView       *view,
                                     GSettings           *settings,
                                     GtkMenuButton       *button);

G_END_DECLS
