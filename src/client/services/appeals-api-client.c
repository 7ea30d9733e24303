/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-client.c: requests to appeals-server.
 *
 * Messages shown to people never come from the server's text: problem
 * codes and field-error codes are mapped to this client's own translated
 * strings (appeals-error.c), so the interface speaks one language.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "appeals-api-client.h"

#define API_PREFIX "api/v1"

struct _AppealsApiClient
{
  GObject       parent_instance;

  SoupSession  *session;
  char         *base_url;
  char         *token;
  AppealsUser  *user;
  gboolean      closed;
};

G_DEFINE_FINAL_TYPE (AppealsApiClient, appeals_api_client, G_TYPE_OBJECT)

enum {
  SESSION_EXPIRED,
  CONNECTION_LOST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
appeals_api_response_free (AppealsApiResponse *response)
{
  if (response == NULL)
    return;

  g_free (response->etag);
  g_free (response->location);
  g_clear_pointer (&response->body, json_node_unref);
  g_clear_pointer (&response->content, g_bytes_unref);
  g_free (response->content_type);
  g_free (response->problem_code);
  g_clear_pointer (&response->field_errors, g_ptr_array_unref);
  g_clear_pointer (&response->current, json_node_unref);
  g_free (response);
}

static void
appeals_api_client_finalize (GObject *object)
{
  AppealsApiClient *self = (AppealsApiClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (appeals_api_client_parent_class)->finalize (object);
}

static void
appeals_api_client_class_init (AppealsApiClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_api_client_finalize;

  /**
   * AppealsApiClient::session-expired:
   *
   * The server answered 401 to a request made with a token: the session
   * is over, whichever page asked. Emitted once per token.
   */
  signals[SESSION_EXPIRED] = g_signal_new ("session-expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AppealsApiClient::connection-lost:
   *
   * A request got no answer, or the server said it is busy or restarting
   * (502, 503, 504): whoever shows the connection's state checks the
   * server again. The request's caller gets %APPEALS_SERVICE_ERROR_NETWORK
   * as well and keeps what it shows.
   */
  signals[CONNECTION_LOST] = g_signal_new ("connection-lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
appeals_api_client_init (AppealsApiClient *self)
{
  /* the wait for an answer outlasts the server's statement timeout (30 s
   * by default), so that a request stopped there comes back as its
   * problem (took_too_long) rather than as a server gone */
  self->session = soup_session_new_with_options ("timeout", 40,
                                                 "idle-timeout", 60,
                                                 "user-agent", "appeals-desk/" PACKAGE_VERSION,
                                                 NULL);
}

AppealsApiClient *
appeals_api_client_new (const char *base_url)
{
  AppealsApiClient *self = g_object_new (APPEALS_TYPE_API_CLIENT, NULL);

  appeals_api_client_set_base_url (self, base_url);
  return self;
}

const char *
appeals_api_client_get_base_url (AppealsApiClient *self)
{
  return self->base_url;
}

void
appeals_api_client_set_base_url (AppealsApiClient *self,
                                 const char       *base_url)
{
  g_free (self->base_url);
  self->base_url = g_str_has_suffix (base_url, "/") ? g_strdup (base_url) : g_strconcat (base_url, "/", NULL);
}

/**
 * appeals_api_client_set_ca_file:
 * @ca_file: (nullable): the department's CA certificate (PEM); %NULL or ""
 *   for the system trust store
 */
gboolean
appeals_api_client_set_ca_file (AppealsApiClient  *self,
                                const char        *ca_file,
                                GError           **error)
{
  g_autoptr(GTlsDatabase) database = NULL;

  if (ca_file != NULL && *ca_file != '\0')
    {
      database = g_tls_file_database_new (ca_file, error);
      if (database == NULL)
        return FALSE;
    }
  else
    database = g_tls_backend_get_default_database (g_tls_backend_get_default ());

  soup_session_set_tls_database (self->session, database);
  return TRUE;
}

/**
 * appeals_api_client_close:
 *
 * Cancels every request in flight; their callbacks see
 * %G_IO_ERROR_CANCELLED. For the application's shutdown.
 */
void
appeals_api_client_close (AppealsApiClient *self)
{
  self->closed = TRUE;
  soup_session_abort (self->session);
}

const char *
appeals_api_client_get_token (AppealsApiClient *self)
{
  return self->token;
}

void
appeals_api_client_set_token (AppealsApiClient *self,
                              const char       *token)
{
  g_free (self->token);
  self->token = g_strdup (token);
}

AppealsUser *
appeals_api_client_get_user (AppealsApiClient *self)
{
  return self->user;
}

void
appeals_api_client_set_user (AppealsApiClient *self,
                             AppealsUser      *user)
{
  g_set_object (&self->user, user);
}

static void
parse_problem (AppealsApiResponse *response)
{
  JsonObject *object;
  JsonArray *errors;

  response->field_errors = appeals_field_errors_new ();
  if (response->body == NULL || !JSON_NODE_HOLDS_OBJECT (response->body))
    return;

  object = json_node_get_object (response->body);
  response->problem_code = g_strdup (json_object_get_string_member_with_default (object, "code", NULL));

  errors = json_object_has_member (object, "errors") ? json_object_get_array_member (object, "errors") : NULL;
  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonObject *error = json_array_get_object_element (errors, i);

      if (error != NULL)
        appeals_field_errors_add (response->field_errors,
                                  json_object_get_string_member_with_default (error, "field", ""),
                                  json_object_get_string_member_with_default (error, "code", APPEALS_FIELD_INVALID_VALUE),
                                  json_object_get_string_member_with_default (error, "detail", NULL));
    }

  if (json_object_has_member (object, "current"))
    response->current = json_node_copy (json_object_get_member (object, "current"));
}

/**
 * appeals_api_response_describe:
 *
 * Returns: what to tell the user about a problem answer, in the
 *   interface's language.
 */
const char *
appeals_api_response_describe (const AppealsApiResponse *response)
{
  return appeals_problem_code_describe (response->problem_code != NULL ? response->problem_code
                                                                       : APPEALS_PROBLEM_INTERNAL_ERROR);
}

gboolean
appeals_api_response_is_success (const AppealsApiResponse *response)
{
  return response->status >= 200 && response->status < 300;
}

typedef struct
{
  SoupMessage *message;
  char        *token;     /* the token the request was sent with */
} RequestData;

static void
request_data_free (RequestData *data)
{
  g_clear_object (&data->message);
  g_free (data->token);
  g_free (data);
}

static void
on_send_and_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AppealsApiResponse) response = g_new0 (AppealsApiResponse, 1);
  SoupMessageHeaders *headers;
  const char *content_type;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes != NULL && APPEALS_API_CLIENT (g_task_get_source_object (task))->closed)
    {
      /* an answer that came after the application closed has no one to read it */
      g_clear_pointer (&bytes, g_bytes_unref);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "closed");
    }
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (error->domain == G_TLS_ERROR ||
               soup_message_get_tls_peer_certificate_errors (data->message) != 0)
        g_task_return_new_error (task, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_TLS,
                                 _("The server’s certificate is not trusted. If your department uses its own "
                                   "certificate authority, name its file in Preferences."));
      else
        {
          g_signal_emit (g_task_get_source_object (task), signals[CONNECTION_LOST], 0);
          g_task_return_new_error (task, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_NETWORK,
                                   _("The server cannot be reached. Check the connection and the server address."));
        }
      return;
    }

  headers = soup_message_get_response_headers (data->message);
  response->status = soup_message_get_status (data->message);
  response->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  response->location = g_strdup (soup_message_headers_get_one (headers, "Location"));
  content_type = soup_message_headers_get_content_type (headers, NULL);
  response->content_type = g_strdup (content_type);
  response->content = g_bytes_ref (bytes);

  if (g_bytes_get_size (bytes) > 0 && content_type != NULL &&
      (g_str_equal (content_type, "application/json") || g_str_equal (content_type, "application/problem+json")))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
        {
          g_task_return_new_error (task, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED,
                                   _("The server sent an answer that cannot be read."));
          return;
        }
      response->body = json_parser_steal_root (parser);
    }

  if (!appeals_api_response_is_success (response))
    parse_problem (response);
  /* a 503 took_too_long is an answer: the same request would run as long
   * again, and the caller shows it as its problem (ask for less) */
  if ((response->status == SOUP_STATUS_SERVICE_UNAVAILABLE &&
       g_strcmp0 (response->problem_code, APPEALS_PROBLEM_TOOK_TOO_LONG) != 0) ||
      response->status == SOUP_STATUS_BAD_GATEWAY || response->status == SOUP_STATUS_GATEWAY_TIMEOUT)
    {
      g_signal_emit (g_task_get_source_object (task), signals[CONNECTION_LOST], 0);
      g_task_return_new_error (task, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_NETWORK,
                               _("The server is busy or restarting. Your data is kept; try again in a moment."));
      return;
    }

  if (response->status == SOUP_STATUS_UNAUTHORIZED && data->token != NULL)
    {
      AppealsApiClient *self = g_task_get_source_object (task);

      /* only the token that was refused ends the session: a request sent
       * before a new sign-in must not sign the new session out */
      if (g_strcmp0 (self->token, data->token) == 0)
        g_signal_emit (self, signals[SESSION_EXPIRED], 0);
    }
  g_task_return_pointer (task, g_steal_pointer (&response), (GDestroyNotify) appeals_api_response_free);
}

/* What one request sends, beside the headers every request carries. */
typedef struct
{
  const char *method;
  const char *path;             /* relative to /api/v1/ */
  const char *idempotency_key;
  const char *condition;        /* "If-Match" or "If-None-Match" */
  const char *condition_etag;
  const char *content_type;
  GBytes     *content;
} Outgoing;

/* Sends @out with the headers every request carries; a server address
 * that cannot make a URI answers the task at once. */
static void
send_request (AppealsApiClient    *self,
              gpointer             source_tag,
              const Outgoing      *out,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *uri = g_strconcat (self->base_url, API_PREFIX, "/", out->path, NULL);
  SoupMessageHeaders *headers;
  RequestData *data;
  SoupMessage *message;

  g_task_set_source_tag (task, source_tag);

  message = soup_message_new (out->method, uri);
  if (message == NULL)
    {
      g_task_return_new_error (task, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_NETWORK,
                               _("The server address “%s” is not valid."), self->base_url);
      return;
    }

  data = g_new0 (RequestData, 1);
  data->message = message;
  data->token = g_strdup (self->token);
  g_task_set_task_data (task, data, (GDestroyNotify) request_data_free);

  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "Accept-Language", appeals_ui_language ());
  if (self->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (out->idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", out->idempotency_key);
  if (out->condition_etag != NULL)
    soup_message_headers_replace (headers, out->condition, out->condition_etag);
  if (out->content != NULL)
    soup_message_set_request_body_from_bytes (message, out->content_type, out->content);
  /* libsoup opens a new connection for every POST and PATCH, lest one
   * sent on a connection the server has just closed be sent again. An
   * edit on its version (the second gets 412) and a keyed request (the
   * server replays the first answer) cannot take effect twice: they go
   * on the connection kept alive, with no handshake of their own. */
  if (out->idempotency_key != NULL ||
      (out->condition_etag != NULL && g_str_equal (out->condition, "If-Match")))
    soup_message_add_flags (message, SOUP_MESSAGE_IDEMPOTENT);

  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, cancellable,
                                    on_send_and_read, g_steal_pointer (&task));
}

/**
 * appeals_api_client_request_async:
 * @path: relative to /api/v1/, e.g. "appeals?limit=50"
 * @body: (nullable): sent as JSON
 * @if_match: (nullable): the ETag an edit was made on
 * @idempotency_key: (nullable): makes a retried POST safe
 *
 * Finishes with an #AppealsApiResponse for every HTTP answer, problems
 * included (see appeals_api_response_is_success()); with a #GError only
 * when no answer came (%APPEALS_SERVICE_ERROR_NETWORK, %APPEALS_SERVICE_ERROR_TLS).
 * A file in the answer (an attachment) is in the response's content.
 */
void
appeals_api_client_request_async (AppealsApiClient    *self,
                                  const char          *method,
                                  const char          *path,
                                  JsonNode            *body,
                                  const char          *if_match,
                                  const char          *idempotency_key,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GBytes) content = NULL;
  Outgoing out = { method, path, idempotency_key, "If-Match", if_match, "application/json", NULL };

  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);

      content = g_bytes_new_take (text, strlen (text));
    }
  out.content = content;
  send_request (self, appeals_api_client_request_async, &out, cancellable, callback, user_data);
}

/**
 * appeals_api_client_get_async:
 * @path: relative to /api/v1/
 * @if_none_match: (nullable): the ETag of the copy the caller holds
 *
 * A conditional GET: while the resource has not changed, the answer is
 * 304 with no body. Finish with appeals_api_client_request_finish().
 */
void
appeals_api_client_get_async (AppealsApiClient    *self,
                              const char          *path,
                              const char          *if_none_match,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Outgoing out = { "GET", path, NULL, "If-None-Match", if_none_match, NULL, NULL };

  send_request (self, appeals_api_client_get_async, &out, cancellable, callback, user_data);
}

/**
 * appeals_api_client_upload_async:
 * @content_type: the file's media type, e.g. "application/pdf"
 *
 * Sends a file as the request body (an attachment). Finish with
 * appeals_api_client_request_finish().
 */
void
appeals_api_client_upload_async (AppealsApiClient    *self,
                                 const char          *path,
                                 const char          *content_type,
                                 GBytes              *content,
                                 const char          *idempotency_key,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Outgoing out = { "POST", path, idempotency_key, NULL, NULL, content_type, content };

  send_request (self, appeals_api_client_upload_async, &out, cancellable, callback, user_data);
}

AppealsApiResponse *
appeals_api_client_request_finish (AppealsApiClient  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * appeals_api_client_call_finish:
 * @etag: (out) (optional): the answer's ETag
 *
 * For the services: the body of a successful answer (a JSON null for an
 * empty one), or a #GError in %APPEALS_SERVICE_ERROR that carries the
 * problem code, the field errors and the server's current version.
 *
 * Returns: (transfer full) (nullable):
 */
JsonNode *
appeals_api_client_call_finish (AppealsApiClient  *self,
                                GAsyncResult      *result,
                                char             **etag,
                                GError           **error)
{
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (self, result, error);

  if (response == NULL)
    return NULL;

  if (!appeals_api_response_is_success (response))
    {
      g_propagate_error (error, appeals_service_error_new_problem (response->status, response->problem_code,
                                                                   response->field_errors, response->current));
      return NULL;
    }

  if (etag != NULL)
    *etag = g_steal_pointer (&response->etag);
  if (response->body == NULL)
    return json_node_new (JSON_NODE_NULL);
  return g_steal_pointer (&response->body);
}

/* Paths ------------------------------------------------------------------- */

/**
 * appeals_api_path_new:
 * @first_segment: the first path segment, e.g. "appeals"
 * @...: more segments, escaped one by one, then %NULL
 *
 * Returns: (transfer full): a path relative to /api/v1/ for
 *   appeals_api_client_request_async()
 */
GString *
appeals_api_path_new (const char *first_segment,
                      ...)
{
  GString *path = g_string_new (NULL);
  va_list args;

  va_start (args, first_segment);
  for (const char *segment = first_segment; segment != NULL; segment = va_arg (args, const char *))
    {
      if (path->len > 0)
        g_string_append_c (path, '/');
      g_string_append_uri_escaped (path, segment, NULL, TRUE);
    }
  va_end (args);
  return path;
}

void
appeals_api_path_add_id (GString *path,
                         gint64   id)
{
  g_string_append_printf (path, "/%" G_GINT64_FORMAT, id);
}

/* Adds "?name=value" or "&name=value", escaped; a NULL or empty value adds
 * nothing, so optional filters can be passed as they are. */
void
appeals_api_path_add_query (GString    *path,
                            const char *name,
                            const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_string_append_c (path, strchr (path->str, '?') != NULL ? '&' : '?');
  g_string_append_uri_escaped (path, name, NULL, TRUE);
  g_string_append_c (path, '=');
  g_string_append_uri_escaped (path, value, NULL, TRUE);
}

void
appeals_api_path_add_query_int (GString    *path,
                                const char *name,
                                gint64      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  appeals_api_path_add_query (path, name, text);
}

/* An unset date adds nothing. */
void
appeals_api_path_add_query_date (GString     *path,
                                 const char  *name,
                                 const GDate *date)
{
  char text[16];

  if (date == NULL || !g_date_valid (date))
    return;
  g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  appeals_api_path_add_query (path, name, text);
}
