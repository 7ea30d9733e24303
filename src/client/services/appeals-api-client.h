/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-client.h: the client's only way to the server — asynchronous
 * JSON requests over libsoup, with the session token, the interface
 * language, ETags and idempotency keys, and problem answers turned into
 * GErrors that carry their field errors.
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "appeals-core.h"
#include "appeals-service-error.h"

G_BEGIN_DECLS


typedef struct
{
  guint      status;
  char      *etag;
  char      *location;
  JsonNode  *body;
  GBytes    *content;        /* the body as sent, e.g. a downloaded file */
  char      *content_type;
  /* for problem answers */
  char      *problem_code;
  GPtrArray *field_errors;   /* AppealsFieldError */
  JsonNode  *current;        /* 412: the server's current representation */
} AppealsApiResponse;

void        appeals_api_response_free       (AppealsApiResponse       *response);
gboolean    appeals_api_response_is_success (const AppealsApiResponse *response);
const char *appeals_api_response_describe   (const AppealsApiResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsApiResponse, appeals_api_response_free)

#define APPEALS_TYPE_API_CLIENT (appeals_api_client_get_type ())

G_DECLARE_FINAL_TYPE (AppealsApiClient, appeals_api_client, APPEALS, API_CLIENT, GObject)

AppealsApiClient   *appeals_api_client_new           (const char          *base_url);
const char         *appeals_api_client_get_base_url  (AppealsApiClient    *self);
void                appeals_api_client_set_base_url  (AppealsApiClient    *self,
                                                      const char          *base_url);
gboolean            appeals_api_client_set_ca_file   (AppealsApiClient    *self,
                                                      const char          *ca_file,
                                                      GError             **error);
void                appeals_api_client_close         (AppealsApiClient    *self);
const char         *appeals_api_client_get_token     (AppealsApiClient    *self);
void                appeals_api_client_set_token     (AppealsApiClient    *self,
                                                      const char          *token);
AppealsUser        *appeals_api_client_get_user      (AppealsApiClient    *self);
void                appeals_api_client_set_user      (AppealsApiClient    *self,
                                                      AppealsUser         *user);

void                appeals_api_client_request_async (AppealsApiClient    *self,
                                                      const char          *method,
                                                      const char          *path,
                                                      JsonNode            *body,
                                                      const char          *if_match,
                                                      const char          *idempotency_key,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
void                appeals_api_client_get_async     (AppealsApiClient    *self,
                                                      const char          *path,
                                                      const char          *if_none_match,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
void                appeals_api_client_upload_async  (AppealsApiClient    *self,
                                                      const char          *path,
                                                      const char          *content_type,
                                                      GBytes              *content,
                                                      const char          *idempotency_key,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
AppealsApiResponse *appeals_api_client_request_finish (AppealsApiClient   *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
JsonNode           *appeals_api_client_call_finish   (AppealsApiClient    *self,
                                                      GAsyncResult        *result,
                                                      char               **etag,
                                                      GError             **error);

/* Paths with escaping, for the services: "appeals/12?q=%D0%BA…" */
GString            *appeals_api_path_new             (const char          *first_segment,
                                                      ...) G_GNUC_NULL_TERMINATED;
void                appeals_api_path_add_id          (GString             *path,
                                                      gint64               id);
void                appeals_api_path_add_query       (GString             *path,
                                                      const char          *name,
                                                      const char          *value);
void                appeals_api_path_add_query_int   (GString             *path,
                                                      const char          *name,
                                                      gint64               value);
void                appeals_api_path_add_query_date  (GString             *path,
                                                      const char          *name,
                                                      const GDate         *date);


G_END_DECLS
