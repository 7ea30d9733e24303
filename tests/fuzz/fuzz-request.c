/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-request.c: a libFuzzer target for the request pipeline up to the
 * handler, without sockets: the input is a request as on the wire —
 * "METHOD TARGET", header lines, an empty line, the body. The target's
 * path and query go through the edge's encoding checks and the query
 * decoder, the route table of the real server matches the path, the
 * headers are checked for UTF-8 and a sound Content-Length, and the body
 * of a POST, PUT or PATCH is read as the server reads JSON.
 */
#include "config.h"

#include <string.h>

#include "appeals-api.h"
#include "appeals-request-body.h"
#include "appeals-server.h"
#include "fuzz-target.h"

static AppealsServer *
get_server (void)
{
  static AppealsServer *server;

  if (server == NULL)
    {
      AppealsServerConfig config = { .max_json_depth = 32 };
      g_autoptr(GError) error = NULL;

      server = appeals_server_new (NULL, &config, &error);
      g_assert_no_error (error);
      appeals_api_register_all (server);
    }
  return server;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);   /* stops at a NUL, as HTTP parsing does */
  char *blank = strstr (text, "\r\n\r\n");
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) request_line = NULL;
  g_autofree char *path = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *content_length = NULL;
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *allowed = NULL;
  const char *query, *body = "";
  const AppealsRoute *route;

  if (blank != NULL)
    {
      *blank = '\0';
      body = blank + 4;
    }
  lines = g_strsplit (text, "\r\n", -1);
  if (lines[0] == NULL)
    return 0;
  request_line = g_strsplit (lines[0], " ", 3);
  if (request_line[0] == NULL || request_line[1] == NULL || request_line[1][0] != '/')
    return 0;

  query = strchr (request_line[1], '?');
  path = g_strndup (request_line[1], query != NULL ? (gsize) (query - request_line[1]) : strlen (request_line[1]));
  if (query != NULL)
    query++;
  if (!appeals_escaped_text_is_valid (path) || !appeals_query_is_valid (query))
    return 0;
  if (query != NULL)
    g_hash_table_unref (soup_form_decode (query));

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');

      if (colon == NULL || !g_utf8_validate (lines[i], -1, NULL))
        return 0;
      if (g_ascii_strncasecmp (lines[i], "Content-Type:", 13) == 0)
        {
          g_free (content_type);
          content_type = g_strstrip (g_strdup (colon + 1));
        }
      else if (g_ascii_strncasecmp (lines[i], "Content-Length:", 15) == 0)
        {
          g_autofree char *value = g_strstrip (g_strdup (colon + 1));
          char *joined = content_length != NULL ? g_strconcat (content_length, ", ", value, NULL) : g_strdup (value);

          g_free (content_length);
          content_length = joined;
        }
    }
  if (!appeals_content_length_is_sound (content_length))
    return 0;

  route = appeals_server_match_route (get_server (), request_line[0], path, params, &allowed);
  if (route == NULL)
    return 0;
  if (g_str_equal (request_line[0], "POST") || g_str_equal (request_line[0], "PUT") ||
      g_str_equal (request_line[0], "PATCH"))
    {
      const char *code;
      guint status;
      g_autoptr(JsonNode) root = appeals_json_body_parse (content_type, body, strlen (body), 32, &status, &code);

      if (root != NULL)
        g_free (appeals_json_canonical (root));
    }

  return 0;
}
