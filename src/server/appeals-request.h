/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-request.h: one HTTP request as the handlers see it — path
 * parameters, query, the parsed JSON body, the signed-in user, the
 * language of the answer — and the ways to answer it: JSON with an ETag,
 * or application/problem+json with a stable code and field errors.
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "appeals-core.h"
#include "appeals-db.h"

G_BEGIN_DECLS

typedef struct _AppealsServer AppealsServer;
typedef struct _AppealsRequest AppealsRequest;

struct _AppealsRequest
{
  AppealsServer     *server;
  SoupServerMessage *message;
  AppealsDb         *db;
  guint64            id;            /* for the log */
  gint64             started_usec;
  guint64            statements_at_start; /* the connection's count, see X-Statement-Count */
  const char        *method;
  const char        *path;
  GHashTable        *params;        /* path parameters, e.g. "id" */
  GHashTable        *query;         /* decoded query string */
  JsonNode          *body;          /* parsed JSON body, or NULL */
  GBytes            *sent_body;     /* the body as it came, or NULL */
  GBytes            *raw_body;      /* UPLOAD routes: the body as sent */
  const char        *language;      /* "kk", "ru" or "en" */
  AppealsUser       *user;          /* the signed-in user, or NULL */
  char              *token_hash;
  guint              status;        /* once answered */
  gboolean           answered;
  gboolean           paused;
  char              *idempotency_key;
  const char        *response_body; /* response's text, kept for idempotent replays */
  char              *location;
  SoupMessageHeaders *request_headers;  /* a copy, readable from any thread */
  SoupMessageHeaders *response_headers; /* the answer's, handed to libsoup at the end */
  char              *content_type;
  GBytes            *response;
  GCancellable      *cancellable;   /* cancelled when the client goes away */
};

AppealsRequest *appeals_request_new           (AppealsServer     *server,
                                               SoupServerMessage *message);
void            appeals_request_free          (AppealsRequest    *request);
gboolean        appeals_request_check_encoding (AppealsRequest   *request);
gboolean        appeals_escaped_text_is_valid (const char        *text);
gboolean        appeals_query_is_valid        (const char        *query);
gboolean        appeals_content_length_is_sound (const char      *value);
guint           appeals_request_head_problem  (SoupServerMessage *message,
                                               const char       **code_out);
void            appeals_request_add_answer_headers (AppealsRequest *request);

const char     *appeals_request_get_param     (AppealsRequest    *request,
                                               const char        *name);
gboolean        appeals_request_get_id_param  (AppealsRequest    *request,
                                               const char        *name,
                                               gint64            *id);
const char     *appeals_request_get_query     (AppealsRequest    *request,
                                               const char        *name);
const char     *appeals_request_get_header    (AppealsRequest    *request,
                                               const char        *name);
JsonObject     *appeals_request_get_body_object (AppealsRequest  *request);

void            appeals_request_respond_json  (AppealsRequest    *request,
                                               guint              status,
                                               JsonNode          *node);
void            appeals_request_respond_text  (AppealsRequest    *request,
                                               guint              status,
                                               const char        *content_type,
                                               char              *text);
void            appeals_request_respond_text_len (AppealsRequest *request,
                                               guint              status,
                                               const char        *content_type,
                                               char              *text,
                                               gsize              length);
void            appeals_request_respond_empty (AppealsRequest    *request,
                                               guint              status);
void            appeals_request_respond_bytes (AppealsRequest    *request,
                                               guint              status,
                                               const char        *content_type,
                                               GBytes            *content);
void            appeals_request_set_header    (AppealsRequest    *request,
                                               const char        *name,
                                               const char        *value);
void            appeals_request_set_etag      (AppealsRequest    *request,
                                               gint64             id,
                                               gint64             version);
char           *appeals_request_format_etag   (gint64             id,
                                               gint64             version);
void            appeals_request_respond_problem (AppealsRequest  *request,
                                               guint              status,
                                               const char        *code,
                                               GPtrArray         *field_errors,
                                               JsonNode          *extra_member_current);
void            appeals_problem_begin         (JsonBuilder       *builder,
                                               guint              status,
                                               const char        *code);
/* Writes a problem's "detail" in the answer's language (gettext is
 * switched to it while this runs). */
typedef char   *(*AppealsProblemDetailFunc)   (gpointer           data);

void            appeals_request_respond_problem_detail (AppealsRequest *request,
                                               guint              status,
                                               const char        *code,
                                               GPtrArray         *field_errors,
                                               AppealsProblemDetailFunc detail,
                                               gpointer           detail_data);
void            appeals_request_respond_field_error (AppealsRequest *request,
                                               guint              status,
                                               const char        *field,
                                               const char        *code,
                                               const char        *detail);

const char     *appeals_request_actor         (AppealsRequest    *request);

G_END_DECLS
