/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-note-dialog.h: the choice of the semi-annual analytical note's
 * half-year and language.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define APPEALS_TYPE_NOTE_DIALOG (appeals_note_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AppealsNoteDialog, appeals_note_dialog, APPEALS, NOTE_DIALOG, AdwMessageDialog)

AppealsNoteDialog *appeals_note_dialog_new          (GtkWindow         *parent);
void               appeals_note_dialog_set_choice   (AppealsNoteDialog *self,
                                                     int                year,
                                                     int                half,
                                                     const char        *language);
int                appeals_note_dialog_get_year     (AppealsNoteDialog *self);
int                appeals_note_dialog_get_half     (AppealsNoteDialog *self);
const char        *appeals_note_dialog_get_language (AppealsNoteDialog *self);

G_END_DECLS
