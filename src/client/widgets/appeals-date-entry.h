/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-date-entry.h: a date typed as the desks write it (27.11.2026)
 * or picked from a calendar.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define APPEALS_TYPE_DATE_ENTRY (appeals_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (AppealsDateEntry, appeals_date_entry, APPEALS, DATE_ENTRY, GtkBox)

GtkWidget *appeals_date_entry_new      (void);
gboolean   appeals_date_entry_get_date (AppealsDateEntry *self,
                                        GDate            *date);
void       appeals_date_entry_set_date (AppealsDateEntry *self,
                                        const GDate      *date);
gboolean   appeals_date_entry_is_valid (AppealsDateEntry *self);
GtkEditable *appeals_date_entry_get_editable (AppealsDateEntry *self);

G_END_DECLS
