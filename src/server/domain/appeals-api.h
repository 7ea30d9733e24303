/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api.h: the REST resources of appeals-server, all registered at
 * once.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

void appeals_api_register_all (AppealsServer *server);

G_END_DECLS
