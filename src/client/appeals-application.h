/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-application.h: the application — settings, the connection to
 * the server, sign-in (silent from the keyring, or through the dialog), and
 * the demo mode that runs its own server.
 */
#pragma once

#include <adwaita.h>

#include "appeals-api-client.h"
#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_APPLICATION (appeals_application_get_type ())

G_DECLARE_FINAL_TYPE (AppealsApplication, appeals_application, APPEALS, APPLICATION, AdwApplication)

AppealsApplication *appeals_application_new            (void);
AppealsApiClient   *appeals_application_get_client     (AppealsApplication *self);
GSettings          *appeals_application_get_settings   (AppealsApplication *self);
const char         *appeals_application_get_server_url (AppealsApplication *self);
gboolean            appeals_application_is_demo        (AppealsApplication *self);
gboolean            appeals_application_get_keyring_unavailable (AppealsApplication *self);
AppealsContext     *appeals_application_get_context    (AppealsApplication *self);
AppealsApplication *appeals_application_get_default    (void);
void                appeals_application_signed_in      (AppealsApplication *self,
                                                        const char         *login,
                                                        const char         *token,
                                                        AppealsUser        *user);
void                appeals_application_sign_out       (AppealsApplication *self);

G_END_DECLS
