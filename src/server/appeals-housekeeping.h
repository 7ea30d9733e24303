/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-housekeeping.h: the scheduled purge of login failures, dead
 * sessions and old idempotency keys.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

gboolean appeals_housekeeping_run      (AppealsDb                 *db,
                                        const AppealsServerConfig *config,
                                        GError                   **error);
guint    appeals_housekeeping_schedule (AppealsServer             *server);

G_END_DECLS
