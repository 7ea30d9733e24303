/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-sign-in-dialog.h: login and password, with the server's answer
 * shown in the dialog.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_SIGN_IN_DIALOG (appeals_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AppealsSignInDialog, appeals_sign_in_dialog, APPEALS, SIGN_IN_DIALOG, AdwWindow)

AppealsSignInDialog *appeals_sign_in_dialog_new        (AppealsContext      *context,
                                                        GtkWindow           *parent);
void                 appeals_sign_in_dialog_set_login  (AppealsSignInDialog *self,
                                                        const char          *login);
void                 appeals_sign_in_dialog_show_error (AppealsSignInDialog *self,
                                                        const char          *message);

G_END_DECLS
