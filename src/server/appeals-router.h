/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-router.h: the table of routes — method, path pattern with
 * {parameters}, the roles allowed, flags and the handler — and matching a
 * request's path against it.
 */
#pragma once

#include "appeals-core.h"
#include "appeals-request.h"

G_BEGIN_DECLS

/* Which roles may call a route. */
typedef enum
{
  APPEALS_ALLOW_REGISTRAR  = 1 << APPEALS_ROLE_REGISTRAR,
  APPEALS_ALLOW_CONTROLLER = 1 << APPEALS_ROLE_CONTROLLER,
  APPEALS_ALLOW_HEAD       = 1 << APPEALS_ROLE_HEAD,
  APPEALS_ALLOW_LEADERSHIP = 1 << APPEALS_ROLE_LEADERSHIP,
  APPEALS_ALLOW_ANALYST    = 1 << APPEALS_ROLE_ANALYST,
  APPEALS_ALLOW_ADMIN      = 1 << APPEALS_ROLE_ADMIN,
  APPEALS_ALLOW_STAFF      = 0x7e,   /* every role */
} AppealsAllow;

typedef enum
{
  APPEALS_ROUTE_DEFAULT    = 0,
  APPEALS_ROUTE_PUBLIC     = 1 << 0,  /* no sign-in needed */
  APPEALS_ROUTE_ASYNC      = 1 << 1,  /* the handler answers later, outside a transaction */
  APPEALS_ROUTE_IDEMPOTENT = 1 << 2,  /* honours Idempotency-Key */
  APPEALS_ROUTE_UPLOAD     = 1 << 3,  /* the body is a file, up to max_attachment_bytes */
  APPEALS_ROUTE_SLOW       = 1 << 4,  /* may take long (a search, a report): the slow workers */
} AppealsRouteFlags;

/* Runs inside the request's transaction (unless the route is async). The
 * handler answers through the request; returning FALSE rolls back, and
 * the error becomes a problem answer unless one was given already. */
typedef gboolean (*AppealsRouteFunc) (AppealsRequest  *request,
                                      GError         **error);

typedef struct
{
  char              *method;
  char              *pattern;   /* "/api/v1/appeals/{id}" */
  GStrv              segments;
  AppealsAllow       allow;
  AppealsRouteFlags  flags;
  AppealsRouteFunc   handler;
} AppealsRoute;

typedef struct _AppealsRouter AppealsRouter;

AppealsRouter      *appeals_router_new        (void);
void                appeals_router_free       (AppealsRouter     *self);
void                appeals_router_add        (AppealsRouter     *self,
                                               const char        *method,
                                               const char        *pattern,
                                               AppealsAllow       allow,
                                               AppealsRouteFlags  flags,
                                               AppealsRouteFunc   handler);
GPtrArray          *appeals_router_list       (AppealsRouter     *self);
gboolean            appeals_router_is_upload  (AppealsRouter     *self,
                                               const char        *method,
                                               const char        *path);
const AppealsRoute *appeals_router_match      (AppealsRouter     *self,
                                               const char        *method,
                                               const char        *path,
                                               GHashTable        *params,
                                               char             **allowed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsRouter, appeals_router_free)

G_END_DECLS
