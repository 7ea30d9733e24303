/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-action-dialog.h: one lifecycle action on an appeal, or the
 * notice its last decision owes the applicant, with the members it needs.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_ACTION_DIALOG_NOTICE "notice"

#define APPEALS_TYPE_ACTION_DIALOG (appeals_action_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AppealsActionDialog, appeals_action_dialog, APPEALS, ACTION_DIALOG, AdwWindow)

AppealsActionDialog *appeals_action_dialog_new        (GtkWindow           *parent,
                                                       AppealsContext      *context,
                                                       AppealsAppeal       *appeal,
                                                       const char          *etag,
                                                       const char          *action);
const char          *appeals_action_dialog_get_action (AppealsActionDialog *self);
gboolean             appeals_action_dialog_set_value  (AppealsActionDialog *self,
                                                       const char          *field,
                                                       const char          *value);
const char          *appeals_action_dialog_get_error  (AppealsActionDialog *self,
                                                       const char          *field);
void                 appeals_action_dialog_apply      (AppealsActionDialog *self);
gboolean             appeals_action_dialog_is_busy    (AppealsActionDialog *self);

G_END_DECLS
