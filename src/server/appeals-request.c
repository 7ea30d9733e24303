/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-request.c: request accessors and answers.
 *
 * Problem answers are written in the request's language. GNU gettext picks
 * the catalog from $LANGUAGE (the process runs in C.UTF-8, so no locale has
 * to be generated); answers are written on worker threads too, so the
 * switch is made under one lock, LANGUAGE is never unset (an empty value
 * means none), and _nl_msg_cat_cntr tells gettext to drop its cache, as
 * the gettext manual describes.
 *
 * Handlers may run on a worker thread (see appeals-workers.c): they read a
 * copy of the request's headers and write their answer into the request,
 * and appeals_request_add_answer_headers() hands it to libsoup on the main
 * thread.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "appeals-request.h"
#include "appeals-server.h"

extern int _nl_msg_cat_cntr;

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

AppealsRequest *
appeals_request_new (AppealsServer     *server,
                     SoupServerMessage *message)
{
  static guint64 last_id;
  AppealsRequest *request = g_new0 (AppealsRequest, 1);
  GUri *uri = soup_server_message_get_uri (message);
  const char *query = g_uri_get_query (uri);

  request->server = server;
  request->message = g_object_ref (message);
  request->db = appeals_server_get_db (server);
  request->id = ++last_id;
  request->started_usec = g_get_monotonic_time ();
  request->statements_at_start = appeals_db_get_statement_count (request->db);
  request->method = soup_server_message_get_method (message);
  request->request_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (soup_server_message_get_request_headers (message), copy_header,
                                request->request_headers);
  request->response_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  request->path = g_uri_get_path (uri);
  request->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  request->query = query != NULL ? soup_form_decode (query)
                                 : g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  request->language = "en";

  /* the id the log line carries, for whoever reports a problem */
  {
    char id[24];

    g_snprintf (id, sizeof id, "%" G_GUINT64_FORMAT, request->id);
    soup_message_headers_replace (soup_server_message_get_response_headers (message), "X-Request-Id", id);
  }

  return request;
}

void
appeals_request_free (AppealsRequest *request)
{
  if (request == NULL)
    return;

  g_clear_object (&request->message);
  g_clear_pointer (&request->request_headers, soup_message_headers_unref);
  g_clear_pointer (&request->response_headers, soup_message_headers_unref);
  g_clear_pointer (&request->response, g_bytes_unref);
  g_clear_pointer (&request->sent_body, g_bytes_unref);
  g_clear_object (&request->cancellable);
  g_free (request->content_type);
  g_clear_pointer (&request->params, g_hash_table_unref);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->body, json_node_unref);
  g_clear_pointer (&request->raw_body, g_bytes_unref);
  g_clear_object (&request->user);
  g_free (request->token_hash);
  g_free (request->idempotency_key);
  g_free (request->location);
  g_free (request);
}

/**
 * appeals_escaped_text_is_valid:
 *
 * Returns: whether @text, as it is and percent-decoded, is UTF-8 without
 *   NUL; a malformed escape is as bad as a bad byte.
 */
gboolean
appeals_escaped_text_is_valid (const char *text)
{
  g_autofree char *decoded = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  decoded = g_uri_unescape_string (text, NULL);
  return decoded != NULL && g_utf8_validate (decoded, -1, NULL);
}

/**
 * appeals_query_is_valid:
 * @query: (nullable): a query string as sent
 *
 * Returns: whether every name and value of @query is valid text
 *   (appeals_escaped_text_is_valid())
 */
gboolean
appeals_query_is_valid (const char *query)
{
  g_auto(GStrv) pairs = NULL;

  if (query == NULL)
    return TRUE;
  pairs = g_strsplit (query, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_strdelimit (pairs[i], "+", ' ');
      if (!appeals_escaped_text_is_valid (pairs[i]))
        return FALSE;
    }
  return TRUE;
}

/**
 * appeals_content_length_is_sound:
 * @value: (nullable): the Content-Length header (several joined by ", ")
 *
 * One Content-Length, of at most 15 digits and nothing else: libsoup 3.2
 * reads "-1", a 20-digit number or two different lengths as some length
 * and waits for that much body.
 */
gboolean
appeals_content_length_is_sound (const char *value)
{
  gsize length;

  if (value == NULL)
    return TRUE;
  length = strlen (value);
  if (length == 0 || length > 15)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;
  return TRUE;
}

/* Below libsoup 3.2's own limit of 64 KiB for the whole head, past which
 * it drops the connection without an answer (nothing above it can tell
 * the client why): the limits of a common reverse proxy. */
#define MAX_TARGET_LENGTH   8192
#define MAX_HEADERS_LENGTH  (32 * 1024)
#define MAX_HEADER_FIELDS   100

static void
add_header_size (const char *name,
                 const char *value,
                 gpointer    user_data)
{
  gsize *sizes = user_data;

  sizes[0] += strlen (name) + strlen (value) + 4;   /* ": " and CRLF */
  sizes[1]++;
}

/**
 * appeals_request_head_problem:
 * @code_out: (out): the problem's code, when there is one
 *
 * Checks the size of the request's head: a request target over 8 KiB is
 * 414 uri_too_long; header fields over 32 KiB in all, or more than 100
 * of them, are 431 header_fields_too_large.
 *
 * Returns: the status to refuse the request with, or 0.
 */
guint
appeals_request_head_problem (SoupServerMessage  *message,
                              const char        **code_out)
{
  GUri *uri = soup_server_message_get_uri (message);
  gsize target = strlen (g_uri_get_path (uri)) +
                 (g_uri_get_query (uri) != NULL ? strlen (g_uri_get_query (uri)) + 1 : 0);
  gsize sizes[2] = { 0, 0 };

  if (target > MAX_TARGET_LENGTH)
    {
      *code_out = APPEALS_PROBLEM_URI_TOO_LONG;
      return SOUP_STATUS_REQUEST_URI_TOO_LONG;
    }
  soup_message_headers_foreach (soup_server_message_get_request_headers (message), add_header_size, sizes);
  if (sizes[0] > MAX_HEADERS_LENGTH || sizes[1] > MAX_HEADER_FIELDS)
    {
      *code_out = APPEALS_PROBLEM_HEADERS_TOO_LARGE;
      return 431;
    }
  return 0;
}

/**
 * appeals_request_check_encoding:
 *
 * Checks once, at the edge, that the path, every query parameter and every
 * header value is UTF-8 text without NUL, so that no handler ever passes
 * invalid text on to GLib's string APIs (which abort on it). Answers 400
 * invalid_encoding and returns %FALSE otherwise.
 */
gboolean
appeals_request_check_encoding (AppealsRequest *request)
{
  GUri *uri = soup_server_message_get_uri (request->message);
  SoupMessageHeadersIter iter;
  const char *name, *value;
  gboolean valid = appeals_escaped_text_is_valid (request->path) && appeals_query_is_valid (g_uri_get_query (uri));

  soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (request->message));
  while (valid && soup_message_headers_iter_next (&iter, &name, &value))
    valid = g_utf8_validate (name, -1, NULL) && g_utf8_validate (value, -1, NULL);

  if (!valid)
    appeals_request_respond_problem (request, SOUP_STATUS_BAD_REQUEST, APPEALS_PROBLEM_INVALID_ENCODING,
                                     NULL, NULL);
  return valid;
}

const char *
appeals_request_get_param (AppealsRequest *request,
                           const char     *name)
{
  return g_hash_table_lookup (request->params, name);
}

/**
 * appeals_request_get_id_param:
 *
 * Returns: %TRUE when the path parameter @name is a positive decimal id.
 */
gboolean
appeals_request_get_id_param (AppealsRequest *request,
                              const char     *name,
                              gint64         *id)
{
  const char *text = appeals_request_get_param (request, name);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;

  *id = (gint64) value;
  return TRUE;
}

const char *
appeals_request_get_query (AppealsRequest *request,
                           const char     *name)
{
  const char *value = g_hash_table_lookup (request->query, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

const char *
appeals_request_get_header (AppealsRequest *request,
                            const char     *name)
{
  return soup_message_headers_get_one (request->request_headers, name);
}

JsonObject *
appeals_request_get_body_object (AppealsRequest *request)
{
  if (request->body == NULL || !JSON_NODE_HOLDS_OBJECT (request->body))
    return NULL;

  return json_node_get_object (request->body);
}

const char *
appeals_request_actor (AppealsRequest *request)
{
  return request->user != NULL ? request->user->login : "anonymous";
}

void
appeals_request_set_header (AppealsRequest *request,
                            const char     *name,
                            const char     *value)
{
  soup_message_headers_replace (request->response_headers, name, value);
  if (g_ascii_strcasecmp (name, "Location") == 0)
    {
      g_free (request->location);
      request->location = g_strdup (value);
    }
}

char *
appeals_request_format_etag (gint64 id,
                             gint64 version)
{
  return appeals_etag_format (id, version);
}

void
appeals_request_set_etag (AppealsRequest *request,
                          gint64          id,
                          gint64          version)
{
  g_autofree char *etag = appeals_request_format_etag (id, version);

  appeals_request_set_header (request, "ETag", etag);
}

/* Only where the environment asks for it (the tests do): the number of
 * statements a request ran before its answer, so that a test can prove
 * that a list costs the same however long it is. */
static void
add_statement_count (AppealsRequest *request)
{
  static gsize checked;
  static gboolean wanted;
  char count[24];

  if (g_once_init_enter (&checked))
    {
      wanted = g_getenv ("APPEALS_SERVER_COUNT_STATEMENTS") != NULL;
      g_once_init_leave (&checked, 1);
    }
  if (!wanted)
    return;

  g_snprintf (count, sizeof count, "%" G_GUINT64_FORMAT,
              appeals_db_get_statement_count (request->db) - request->statements_at_start);
  soup_message_headers_replace (request->response_headers, "X-Statement-Count", count);
}

static void
apply_header (const char *name,
              const char *value,
              gpointer    user_data)
{
  soup_message_headers_replace (user_data, name, value);
}

/**
 * appeals_request_add_answer_headers:
 *
 * Hands the answer written into @request to libsoup (on the main thread),
 * with what every answer carries, whoever wrote it (a handler, a replay, a
 * refusal): nothing personal is kept by a cache unless the handler said
 * otherwise (the reference data, revalidated by ETag), and over TLS
 * browsers are told to come back over TLS only.
 */
void
appeals_request_add_answer_headers (AppealsRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->message);

  soup_message_headers_foreach (request->response_headers, apply_header, headers);
  if (request->answered)
    {
      /* libsoup 3.2 knows no phrase for 431 (RFC 6585) */
      soup_server_message_set_status (request->message, request->status,
                                      request->status == 431 ? "Request Header Fields Too Large" : NULL);
      if (request->content_type != NULL)
        {
          SoupMessageBody *body = soup_server_message_get_response_body (request->message);

          /* what soup_server_message_set_response() does, but the body is
           * handed on, not copied: a journal page is a hundred kilobytes */
          soup_message_headers_replace (headers, "Content-Type", request->content_type);
          soup_message_body_truncate (body);
          if (request->response != NULL && g_bytes_get_size (request->response) > 0)
            soup_message_body_append_bytes (body, request->response);
        }
    }
  if (soup_message_headers_get_one (headers, "Cache-Control") == NULL)
    soup_message_headers_replace (headers, "Cache-Control", "no-store");
  if (appeals_server_is_https (request->server))
    soup_message_headers_replace (headers, "Strict-Transport-Security", "max-age=31536000");
}

/* An answer without a body, e.g. 204. */
void
appeals_request_respond_empty (AppealsRequest *request,
                               guint           status)
{
  request->response_body = NULL;
  g_clear_pointer (&request->response, g_bytes_unref);
  g_clear_pointer (&request->content_type, g_free);
  request->status = status;
  request->answered = TRUE;
}

/**
 * appeals_request_respond_text:
 * @text: (transfer full): the body, kept for idempotent replays
 */
void
appeals_request_respond_text (AppealsRequest *request,
                              guint           status,
                              const char     *content_type,
                              char           *text)
{
  appeals_request_respond_text_len (request, status, content_type, text, strlen (text));
}

/**
 * appeals_request_respond_text_len:
 * @text: (transfer full): the body, @length bytes and a NUL
 *
 * As appeals_request_respond_text(), when the length is known.
 */
void
appeals_request_respond_text_len (AppealsRequest *request,
                                  guint           status,
                                  const char     *content_type,
                                  char           *text,
                                  gsize           length)
{
  appeals_request_respond_empty (request, status);
  request->response = g_bytes_new_take (text, length);
  request->response_body = text;
  request->content_type = g_strdup (content_type);
  add_statement_count (request);
}

void
appeals_request_respond_json (AppealsRequest *request,
                              guint           status,
                              JsonNode       *node)
{
  appeals_request_respond_text (request, status, "application/json; charset=utf-8",
                                json_to_string (node, FALSE));
}

/**
 * appeals_request_respond_bytes:
 *
 * Answers with a file's content, e.g. an attachment being downloaded.
 */
void
appeals_request_respond_bytes (AppealsRequest *request,
                               guint           status,
                               const char     *content_type,
                               GBytes         *content)
{
  appeals_request_respond_empty (request, status);
  request->response = g_bytes_ref (content);
  request->content_type = g_strdup (content_type);
}

static GRecMutex language_lock;

/* Switches gettext to @language for the duration of one answer; one
 * thread at a time. */
static char *
push_language (const char *language)
{
  char *previous;

  g_rec_mutex_lock (&language_lock);
  previous = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
  return previous;
}

static void
pop_language (char *previous)
{
  /* never unset: another thread's getenv() may be walking the environment */
  g_setenv ("LANGUAGE", previous != NULL ? previous : "", TRUE);
  ++_nl_msg_cat_cntr;
  g_free (previous);
  g_rec_mutex_unlock (&language_lock);
}

/**
 * appeals_problem_begin:
 *
 * Opens a problem+json object in @builder with its type, title (in the
 * current language), status and code; the caller adds the rest and closes
 * it.
 */
void
appeals_problem_begin (JsonBuilder *builder,
                       guint        status,
                       const char  *code)
{
  g_autofree char *type = g_strconcat ("urn:appeals:problem:", code, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, appeals_problem_code_describe (code));
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
}

/**
 * appeals_request_respond_problem:
 * @field_errors: (nullable): AppealsFieldError elements
 * @current: (nullable): the current representation, sent with 412 so the
 *   client can merge
 *
 * Answers application/problem+json:
 * {"type", "title", "status", "code", "detail", "errors": [{field, code, message, detail}]}
 * with the human texts in the request's language.
 */
static void
respond_problem (AppealsRequest           *request,
                 guint                     status,
                 const char               *code,
                 GPtrArray                *field_errors,
                 JsonNode                 *current,
                 AppealsProblemDetailFunc  detail,
                 gpointer                  detail_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *previous = push_language (request->language);

  appeals_problem_begin (builder, status, code);
  json_builder_set_member_name (builder, "request_id");
  json_builder_add_int_value (builder, request->id);
  if (detail != NULL)
    {
      g_autofree char *text = detail (detail_data);

      json_builder_set_member_name (builder, "detail");
      json_builder_add_string_value (builder, text);
    }

  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      const AppealsFieldError *error = g_ptr_array_index (field_errors, i);
      g_autofree char *message = appeals_field_error_describe (error);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, error->field);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, error->code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      if (error->detail != NULL)
        {
          json_builder_set_member_name (builder, "detail");
          json_builder_add_string_value (builder, error->detail);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (current != NULL)
    {
      json_builder_set_member_name (builder, "current");
      json_builder_add_value (builder, json_node_copy (current));
    }
  json_builder_end_object (builder);

  pop_language (previous);

  root = json_builder_get_root (builder);
  appeals_request_respond_text (request, status, "application/problem+json; charset=utf-8",
                                json_to_string (root, FALSE));
}

void
appeals_request_respond_problem (AppealsRequest *request,
                                 guint           status,
                                 const char     *code,
                                 GPtrArray      *field_errors,
                                 JsonNode       *current)
{
  respond_problem (request, status, code, field_errors, current, NULL, NULL);
}

/**
 * appeals_request_respond_problem_detail:
 * @detail: makes the translated "detail" sentence, called with gettext in
 *   the request's language
 *
 * As appeals_request_respond_problem(), with a detail that names what the
 * caller may do instead.
 */
void
appeals_request_respond_problem_detail (AppealsRequest           *request,
                                        guint                     status,
                                        const char               *code,
                                        GPtrArray                *field_errors,
                                        AppealsProblemDetailFunc  detail,
                                        gpointer                  detail_data)
{
  respond_problem (request, status, code, field_errors, NULL, detail, detail_data);
}

void
appeals_request_respond_field_error (AppealsRequest *request,
                                     guint           status,
                                     const char     *field,
                                     const char     *code,
                                     const char     *detail)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

  appeals_field_errors_add (errors, field, code, detail);
  appeals_request_respond_problem (request, status, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
}
