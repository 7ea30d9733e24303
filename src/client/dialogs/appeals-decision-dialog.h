/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-decision-dialog.h: the decision on a request for a reception:
 * the official, the day and one of their free times.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"
#include "appeals-slot-picker.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_DECISION_DIALOG (appeals_decision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AppealsDecisionDialog, appeals_decision_dialog, APPEALS, DECISION_DIALOG, AdwWindow)

AppealsDecisionDialog *appeals_decision_dialog_new             (GtkWindow               *parent,
                                                               AppealsContext          *context,
                                                               AppealsReceptionRequest *request);
AppealsSlotPicker     *appeals_decision_dialog_get_slot_picker (AppealsDecisionDialog   *self);
gboolean               appeals_decision_dialog_can_override    (AppealsDecisionDialog   *self);
void                   appeals_decision_dialog_set_override    (AppealsDecisionDialog   *self,
                                                               const char              *reason);
const char            *appeals_decision_dialog_get_error       (AppealsDecisionDialog   *self);

G_END_DECLS
