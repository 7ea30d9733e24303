/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-session-service.h: sessions on the server — signing in with a
 * login and password, checking that a kept token still opens a session,
 * and signing out. Keeping the token (the keyring) is the application's.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_SESSION_SERVICE (appeals_session_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsSessionService, appeals_session_service, APPEALS, SESSION_SERVICE, GObject)

AppealsSessionService *appeals_session_service_new             (AppealsApiClient       *client);

void                   appeals_session_service_sign_in_async   (AppealsSessionService  *self,
                                                                const char             *login,
                                                                const char             *password,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
AppealsUser           *appeals_session_service_sign_in_finish  (AppealsSessionService  *self,
                                                                GAsyncResult           *result,
                                                                char                  **token,
                                                                GError                **error);
void                   appeals_session_service_check_async     (AppealsSessionService  *self,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
AppealsUser           *appeals_session_service_check_finish    (AppealsSessionService  *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);
void                   appeals_session_service_sign_out_async  (AppealsSessionService  *self,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
gboolean               appeals_session_service_sign_out_finish (AppealsSessionService  *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);
void                   appeals_session_service_ping_async      (AppealsSessionService  *self,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
gboolean               appeals_session_service_ping_finish     (AppealsSessionService  *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);

G_END_DECLS
