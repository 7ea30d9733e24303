/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-connections.h: the server's watch over its client connections —
 * header, body and keep-alive time limits, a cap per client address, and
 * closing the idle connections whose client has gone (which libsoup 3.2
 * leaks).
 */
#pragma once

#include <libsoup/soup.h>

#include "appeals-core.h"

G_BEGIN_DECLS

typedef struct
{
  guint header_seconds;    /* from accept or first byte to complete headers */
  guint body_seconds;      /* without a chunk of the body */
  guint idle_seconds;      /* a kept-alive connection waiting for a request */
  guint max_per_address;   /* open connections per client address; 0: no cap */
  const char *trusted_proxy; /* a reverse proxy's address: not capped, and its
                              * X-Real-IP header names the client */
} AppealsConnectionLimits;

typedef struct _AppealsConnections AppealsConnections;

AppealsConnections *appeals_connections_new             (const AppealsConnectionLimits *limits,
                                                         gboolean                       tls);
void                appeals_connections_free            (AppealsConnections *self);
void                appeals_connections_request_started (AppealsConnections *self,
                                                         SoupServerMessage  *message);
void                appeals_connections_got_headers     (AppealsConnections *self,
                                                         SoupServerMessage  *message);
void                appeals_connections_got_chunk       (AppealsConnections *self,
                                                         SoupServerMessage  *message);
void                appeals_connections_got_body        (AppealsConnections *self,
                                                         SoupServerMessage  *message);
void                appeals_connections_request_done    (AppealsConnections *self,
                                                         SoupServerMessage  *message);
void                appeals_connections_refuse          (AppealsConnections *self,
                                                         SoupServerMessage  *message,
                                                         guint               status,
                                                         const char         *code);
char               *appeals_connections_problem_body    (guint               status,
                                                         const char         *code);
guint               appeals_connections_get_count       (AppealsConnections *self);
const char         *appeals_connections_client_address  (const AppealsConnectionLimits *limits,
                                                         SoupServerMessage  *message);

G_END_DECLS
