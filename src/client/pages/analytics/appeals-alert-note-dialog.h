/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-alert-note-dialog.h: the dialog in which an analyst notes the
 * cause found for a growth alert and the measures taken; "save" is
 * enabled when both are given.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_ALERT_NOTE_DIALOG (appeals_alert_note_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AppealsAlertNoteDialog, appeals_alert_note_dialog, APPEALS, ALERT_NOTE_DIALOG,
                      AdwMessageDialog)

AppealsAlertNoteDialog *appeals_alert_note_dialog_new          (GtkWindow              *parent,
                                                                AppealsGrowthAlert     *alert,
                                                                const char             *title);
void                    appeals_alert_note_dialog_set_text     (AppealsAlertNoteDialog *self,
                                                                const char             *cause,
                                                                const char             *measures);
char                   *appeals_alert_note_dialog_get_cause    (AppealsAlertNoteDialog *self);
char                   *appeals_alert_note_dialog_get_measures (AppealsAlertNoteDialog *self);

G_END_DECLS
