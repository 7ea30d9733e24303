/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-demo-lifecycle.h: the demo appeals' way through the lifecycle.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

void      appeals_demo_lifecycle_prepare (AppealsServer  *server,
                                          GRand          *rand,
                                          AppealsAppeal  *appeal);
gboolean  appeals_demo_lifecycle_finish  (AppealsServer  *server,
                                          AppealsDb      *db,
                                          AppealsAppeal  *appeal,
                                          GError        **error);

G_END_DECLS
