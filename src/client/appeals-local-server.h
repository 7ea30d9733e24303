/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-local-server.h: an appeals-server child process on a temporary
 * SQLite database with demo data, for the demo mode (appeals-desk --demo).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define APPEALS_TYPE_LOCAL_SERVER (appeals_local_server_get_type ())

G_DECLARE_FINAL_TYPE (AppealsLocalServer, appeals_local_server, APPEALS, LOCAL_SERVER, GObject)

void                appeals_local_server_start_async  (GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
AppealsLocalServer *appeals_local_server_start_finish (GAsyncResult        *result,
                                                       GError             **error);
const char         *appeals_local_server_get_url      (AppealsLocalServer  *self);
void                appeals_local_server_stop         (AppealsLocalServer  *self);

G_END_DECLS
