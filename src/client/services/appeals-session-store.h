/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-session-store.h: the session token in the keyring (Secret
 * Service through libsecret), keyed by server and login.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      appeals_session_store_save_async    (const char          *server,
                                               const char          *login,
                                               const char          *token,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean  appeals_session_store_save_finish   (GAsyncResult        *result,
                                               GError             **error);
void      appeals_session_store_lookup_async  (const char          *server,
                                               const char          *login,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char     *appeals_session_store_lookup_finish (GAsyncResult        *result,
                                               GError             **error);
void      appeals_session_store_clear_async   (const char          *server,
                                               const char          *login,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean  appeals_session_store_clear_finish  (GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
