/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-request-body.h: the request's body within the server's limits,
 * and the replay of a retried POST from its Idempotency-Key.
 */
#pragma once

#include "appeals-request.h"
#include "appeals-router.h"
#include "appeals-server.h"

G_BEGIN_DECLS

gboolean  appeals_request_read_body          (AppealsRequest            *request,
                                              const AppealsServerConfig *config,
                                              const AppealsRoute        *route);
JsonNode *appeals_json_body_parse            (const char                *content_type,
                                              const char                *data,
                                              gsize                      length,
                                              guint                      max_depth,
                                              guint                     *status,
                                              const char               **code);
char     *appeals_json_canonical             (JsonNode                  *node);
char     *appeals_request_fingerprint        (AppealsRequest            *request);
gboolean  appeals_request_replay_idempotent  (AppealsRequest            *request,
                                              const char                *fingerprint,
                                              gboolean                  *answered,
                                              GError                   **error);

G_END_DECLS
