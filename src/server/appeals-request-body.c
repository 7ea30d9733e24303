/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-request-body.c: the request's body within the server's limits
 * (size, JSON depth, media type), and the replay of a retried POST from
 * its Idempotency-Key, inside the request's transaction.
 */
#include "config.h"

#include <string.h>

#include "appeals-request-body.h"

typedef struct
{
  guint    depth;          /* the deepest nesting */
  gboolean comment;        /* a "/" outside strings: json-glib takes comments */
  gboolean nul;            /* a \u0000 escape: the C string would end there */
} JsonScan;

/* What json-glib 1.6 would let through or choke on, found before it
 * parses: the nesting depth (so that a hostile body cannot exhaust the
 * parser's stack), comments and NUL characters inside strings. */
static void
scan_json (const char *text,
           gsize       length,
           JsonScan   *scan)
{
  gboolean in_string = FALSE, escaped = FALSE;
  guint depth = 0;

  memset (scan, 0, sizeof *scan);
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (escaped)
            {
              escaped = FALSE;
              if (c == 'u' && i + 4 < length && strncmp (text + i + 1, "0000", 4) == 0)
                scan->nul = TRUE;
            }
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '/')
        scan->comment = TRUE;
      else if (c == '{' || c == '[')
        scan->depth = MAX (scan->depth, ++depth);
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
}

/* JSON is application/json (or merge-patch+json), with no parameter but
 * charset=utf-8: not application/jsonp, not another charset. */
static gboolean
is_json_media_type (const char *content_type)
{
  const char *semicolon = strchr (content_type, ';');
  g_autofree char *type = g_strstrip (g_strndup (content_type, semicolon != NULL ? (gsize) (semicolon - content_type)
                                                                                 : strlen (content_type)));
  g_autoptr(GHashTable) params = NULL;
  GHashTableIter iter;
  gpointer name, value;

  if (g_ascii_strcasecmp (type, "application/json") != 0 &&
      g_ascii_strcasecmp (type, "application/merge-patch+json") != 0)
    return FALSE;
  if (semicolon == NULL)
    return TRUE;

  params = soup_header_parse_semi_param_list (semicolon + 1);
  if (g_hash_table_size (params) == 0)
    return FALSE;
  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &name, &value))
    if (g_ascii_strcasecmp (name, "charset") != 0 || value == NULL || g_ascii_strcasecmp (value, "utf-8") != 0)
      return FALSE;
  return TRUE;
}

/**
 * appeals_json_body_parse:
 * @content_type: (nullable): the request's Content-Type
 * @status: (out): the status of the refusal
 * @code: (out): the problem code of the refusal
 *
 * Reads a JSON request body as strictly as the server does: only JSON
 * media types, UTF-8 without a byte-order mark, no comments, no NUL in a
 * string, nested at most @max_depth deep. Free of libsoup messages, so the
 * fuzz targets call it as it is.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with
 *   @status and @code set
 */
JsonNode *
appeals_json_body_parse (const char *content_type,
                         const char *data,
                         gsize       length,
                         guint       max_depth,
                         guint      *status,
                         const char **code)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonScan scan;

  *status = SOUP_STATUS_BAD_REQUEST;
  if (content_type == NULL || !is_json_media_type (content_type))
    {
      *status = SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE;
      *code = APPEALS_PROBLEM_UNSUPPORTED_MEDIA_TYPE;
      return NULL;
    }

  scan_json (data, length, &scan);
  if (scan.depth > max_depth)
    {
      *code = APPEALS_PROBLEM_TOO_DEEP;
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      *code = APPEALS_PROBLEM_INVALID_ENCODING;
      return NULL;
    }

  /* a byte-order mark, a comment or a NUL is no JSON of ours */
  parser = json_parser_new_immutable ();
  if ((length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0) || scan.comment || scan.nul ||
      !json_parser_load_from_data (parser, data, length, NULL) ||
      json_parser_get_root (parser) == NULL)
    {
      *code = APPEALS_PROBLEM_MALFORMED_JSON;
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/**
 * appeals_request_read_body:
 *
 * Reads the body of a POST, PUT or PATCH within @config's limits: a file
 * for an upload route, JSON otherwise. Returns %FALSE when the request has
 * been answered with a problem.
 */
gboolean
appeals_request_read_body (AppealsRequest            *request,
                           const AppealsServerConfig *config,
                           const AppealsRoute        *route)
{
  const char *content_type = appeals_request_get_header (request, "Content-Type");
  g_autoptr(GBytes) bytes = NULL;
  const char *data, *code;
  gsize length;
  guint status;

  if (!g_str_equal (request->method, "POST") && !g_str_equal (request->method, "PUT") &&
      !g_str_equal (request->method, "PATCH"))
    return TRUE;

  bytes = request->sent_body != NULL ? g_bytes_ref (request->sent_body) : g_bytes_new_static ("", 0);
  data = g_bytes_get_data (bytes, &length);

  if (route->flags & APPEALS_ROUTE_UPLOAD)
    {
      /* the handler checks the type; the size is the server's to limit */
      if (length > config->max_attachment_bytes)
        {
          appeals_request_respond_problem (request, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                           APPEALS_PROBLEM_ATTACHMENT_TOO_LARGE, NULL, NULL);
          return FALSE;
        }
      request->raw_body = g_steal_pointer (&bytes);
      return TRUE;
    }

  if (length > config->max_body_bytes)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                       APPEALS_PROBLEM_BODY_TOO_LARGE, NULL, NULL);
      return FALSE;
    }

  if (length == 0 && g_str_equal (request->method, "POST") && content_type == NULL)
    return TRUE;

  request->body = appeals_json_body_parse (content_type, data, length, config->max_json_depth, &status, &code);
  if (request->body == NULL)
    {
      appeals_request_respond_problem (request, status, code, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* @node written with every object's members in the order of their names:
 * the same JSON, however a client orders its members, is the same text. */
static void
append_canonical (GString  *out,
                  JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        g_autoptr(GPtrArray) names = g_ptr_array_new ();

        for (const GList *l = members; l != NULL; l = l->next)
          g_ptr_array_add (names, l->data);
        g_ptr_array_sort (names, compare_names);
        g_string_append_c (out, '{');
        for (guint i = 0; i < names->len; i++)
          {
            g_autoptr(JsonNode) name = json_node_init_string (json_node_alloc (), g_ptr_array_index (names, i));
            g_autofree char *quoted = json_to_string (name, FALSE);

            g_string_append_printf (out, "%s%s:", i > 0 ? "," : "", quoted);
            append_canonical (out, json_object_get_member (object, g_ptr_array_index (names, i)));
          }
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_canonical (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      {
        g_autofree char *text = json_to_string (node, FALSE);

        g_string_append (out, text);
      }
      break;
    }
}

/**
 * appeals_json_canonical:
 *
 * Returns: @node as canonical JSON text: every object's members in the
 *   order of their names, no spaces.
 */
char *
appeals_json_canonical (JsonNode *node)
{
  GString *canonical = g_string_new (NULL);

  append_canonical (canonical, node);
  return g_string_free (canonical, FALSE);
}

/* What makes two requests the same request for an Idempotency-Key: the
 * method, the path and the body — a JSON body as canonical JSON, so that a
 * retry whose members come in another order is the same request. */
char *
appeals_request_fingerprint (AppealsRequest *request)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) request->method, -1);
  g_checksum_update (checksum, (const guchar *) request->path, -1);
  if (request->body != NULL)
    {
      g_autofree char *canonical = appeals_json_canonical (request->body);

      g_checksum_update (checksum, (const guchar *) canonical, strlen (canonical));
    }
  else
    {
      /* an upload's bytes; no body otherwise */
      if (request->raw_body != NULL)
        g_checksum_update (checksum, g_bytes_get_data (request->raw_body, NULL),
                           g_bytes_get_size (request->raw_body));
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* Replays a stored answer for a retried POST. Returns TRUE when the request
 * was answered from the store (or refused because the key was reused). */
gboolean
appeals_request_replay_idempotent (AppealsRequest  *request,
                                   const char      *fingerprint,
                                   gboolean        *answered,
                                   GError         **error)
{
  g_autoptr(AppealsDbResult) result = NULL;

  *answered = FALSE;
  result = appeals_db_query (request->db,
                             "SELECT request_hash, status, location, body FROM idempotency_keys "
                             "WHERE user_id = ? AND idempotency_key = ?",
                             g_variant_new ("(xs)", request->user->id, request->idempotency_key),
                             error);
  if (result == NULL)
    return FALSE;

  if (appeals_db_result_get_n_rows (result) == 0)
    return TRUE;

  *answered = TRUE;
  if (!g_str_equal (appeals_db_result_get_string (result, 0, "request_hash"), fingerprint))
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_IDEMPOTENCY_KEY_REUSED, NULL, NULL);
      return TRUE;
    }

  if (!appeals_db_result_is_null (result, 0, "location"))
    appeals_request_set_header (request, "Location", appeals_db_result_get_string (result, 0, "location"));
  appeals_request_set_header (request, "Idempotent-Replayed", "true");
  appeals_request_respond_text (request, appeals_db_result_get_int64 (result, 0, "status"),
                                "application/json; charset=utf-8",
                                g_strdup (appeals_db_result_get_string (result, 0, "body")));
  return TRUE;
}
