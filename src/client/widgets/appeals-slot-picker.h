/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-slot-picker.h: choosing a reception's slot — the official, the
 * day, the time (typed, or one of the free times the server offers) and
 * the place or video link — with the field errors beside them.
 */
#pragma once

#include <adwaita.h>

#include "appeals-core.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_SLOT_PICKER (appeals_slot_picker_get_type ())

G_DECLARE_FINAL_TYPE (AppealsSlotPicker, appeals_slot_picker, APPEALS, SLOT_PICKER, AdwPreferencesGroup)

void             appeals_slot_picker_set_officials    (AppealsSlotPicker  *self,
                                                       GPtrArray          *officials,
                                                       gint64              wanted_id);
AppealsOfficial *appeals_slot_picker_get_official     (AppealsSlotPicker  *self);
gboolean         appeals_slot_picker_get_date         (AppealsSlotPicker  *self,
                                                       GDate              *date);
void             appeals_slot_picker_set_date         (AppealsSlotPicker  *self,
                                                       const GDate        *date);
const char      *appeals_slot_picker_get_time         (AppealsSlotPicker  *self);
void             appeals_slot_picker_set_time         (AppealsSlotPicker  *self,
                                                       const char         *time);
void             appeals_slot_picker_set_free_times   (AppealsSlotPicker  *self,
                                                       const char * const *times);
guint            appeals_slot_picker_get_n_free_times (AppealsSlotPicker  *self);
const char      *appeals_slot_picker_get_free_time    (AppealsSlotPicker  *self,
                                                       guint               position);
void             appeals_slot_picker_fill             (AppealsSlotPicker  *self,
                                                       AppealsReception   *reception);
gboolean         appeals_slot_picker_show_error       (AppealsSlotPicker  *self,
                                                       const char         *field,
                                                       const char         *text);
const char      *appeals_slot_picker_get_error        (AppealsSlotPicker  *self,
                                                       const char         *field);
void             appeals_slot_picker_clear_errors     (AppealsSlotPicker  *self);
GtkEditable     *appeals_slot_picker_get_editable     (AppealsSlotPicker  *self,
                                                       const char         *field);

G_END_DECLS
