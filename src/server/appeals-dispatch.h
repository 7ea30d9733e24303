/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-dispatch.h: a routed request's way to its answer — sign-in,
 * role, body, then the handler inside one database transaction — on the
 * calling thread or on a worker of the pool.
 */
#pragma once

#include "appeals-request.h"
#include "appeals-router.h"
#include "appeals-server.h"
#include "appeals-workers.h"

G_BEGIN_DECLS

void appeals_dispatch_serve        (AppealsRequest     *request,
                                    const AppealsRoute *route);
void appeals_dispatch_push         (AppealsWorkers     *workers,
                                    AppealsRequest     *request,
                                    const AppealsRoute *route);
void appeals_dispatch_answer_error (AppealsRequest     *request,
                                    const GError       *error);

G_END_DECLS
