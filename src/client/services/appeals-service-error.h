/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-service-error.h: how the services report a request that did not
 * succeed. A problem answer becomes a GError in APPEALS_SERVICE_ERROR whose
 * code says what kind of refusal it was; the server's stable problem code,
 * its field errors and (for 412) the server's current version travel with
 * the error, so a page can put each message next to its field. The error's
 * message is the client's own translated text for the problem code.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-core.h"

G_BEGIN_DECLS

#define APPEALS_SERVICE_ERROR (appeals_service_error_quark ())

typedef enum
{
  APPEALS_SERVICE_ERROR_NETWORK,              /* the server could not be reached, or is busy */
  APPEALS_SERVICE_ERROR_TLS,                  /* the certificate was refused */
  APPEALS_SERVICE_ERROR_MALFORMED,            /* not the JSON we expected */
  APPEALS_SERVICE_ERROR_UNAUTHORIZED,         /* 401: the session is over */
  APPEALS_SERVICE_ERROR_FORBIDDEN,            /* 403: the role may not do this */
  APPEALS_SERVICE_ERROR_NOT_FOUND,            /* 404, also outside the caller's scope */
  APPEALS_SERVICE_ERROR_CONFLICT,             /* 409: e.g. a duplicate or a taken slot */
  APPEALS_SERVICE_ERROR_PRECONDITION_FAILED,  /* 412: someone saved in between */
  APPEALS_SERVICE_ERROR_INVALID,              /* 400/422: the input has field errors */
  APPEALS_SERVICE_ERROR_REFUSED,              /* any other problem answer */
} AppealsServiceErrorCode;

GQuark      appeals_service_error_quark            (void);

GError     *appeals_service_error_new_problem      (guint         status,
                                                    const char   *problem_code,
                                                    GPtrArray    *field_errors,
                                                    JsonNode     *current);
const char *appeals_service_error_get_problem_code (const GError *error);
GPtrArray  *appeals_service_error_get_field_errors (const GError *error);
JsonNode   *appeals_service_error_get_current      (const GError *error);
gboolean    appeals_service_error_is_offline       (const GError *error);

G_END_DECLS
