/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-auth.h: passwords (Argon2id), sessions (random tokens stored
 * hashed, with idle and absolute expiry) and sign-in throttling.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

gboolean     appeals_auth_init            (GError         **error);
char        *appeals_auth_hash_password   (const char      *password,
                                           GError         **error);
gboolean     appeals_auth_authenticate    (AppealsRequest  *request,
                                           GError         **error);
AppealsUser *appeals_auth_user_from_row   (AppealsDbResult *result,
                                           guint            row);
gboolean     appeals_auth_check_password  (const char      *login,
                                           const char      *password,
                                           GError         **error);
gint64       appeals_auth_create_user     (AppealsDb       *db,
                                           const char      *login,
                                           const char      *full_name,
                                           AppealsRole      role,
                                           const char      *district,
                                           gboolean         region_wide,
                                           const char      *password,
                                           GError         **error);
void         appeals_auth_register_routes (AppealsServer   *server);

G_END_DECLS
