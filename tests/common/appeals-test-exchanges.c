/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-test-exchanges.c: what the API tests received, written down and
 * checked against the API description.
 *
 * The synchronous client (appeals-test-server.c) hands every answer here.
 * Nothing is written unless a test program asked for it with
 * appeals_test_exchanges_start(); the check runs the validator
 * ($APPEALS_OPENAPI_VALIDATOR, a Python program using jsonschema) over the
 * file, so an answer the document does not describe fails the test
 * program that received it.
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "appeals-test-exchanges.h"

static char *exchanges_path;

/**
 * appeals_test_exchanges_start:
 * @path: the file to write, emptied first
 */
void
appeals_test_exchanges_start (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_free (exchanges_path);
  exchanges_path = g_strdup (path);
  if (!g_file_set_contents (exchanges_path, "", 0, &error))
    g_error ("cannot write %s: %s", exchanges_path, error->message);
}

static void
add_headers (JsonBuilder        *builder,
             SoupMessageHeaders *headers)
{
  SoupMessageHeadersIter iter;
  const char *name, *value;

  json_builder_begin_object (builder);
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);

      json_builder_set_member_name (builder, lower);
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
}

/* Text answers are kept whole; others (a downloaded file) by their size. */
static void
add_body (JsonBuilder *builder,
          const char  *content_type,
          GBytes      *body)
{
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;
  gboolean text = content_type != NULL && (strstr (content_type, "json") != NULL ||
                                           g_str_has_prefix (content_type, "text/"));

  json_builder_set_member_name (builder, "body_size");
  json_builder_add_int_value (builder, size);
  if (text && size > 0 && g_utf8_validate (data, size, NULL))
    {
      g_autofree char *copy = g_strndup (data, size);

      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, copy);
    }
}

/**
 * appeals_test_exchanges_record:
 * @message: a request that was answered
 * @body: (nullable): the answer's body
 */
void
appeals_test_exchanges_record (SoupMessage *message,
                               GBytes      *body)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  SoupMessageHeaders *response_headers = soup_message_get_response_headers (message);
  GUri *uri = soup_message_get_uri (message);

  if (exchanges_path == NULL || soup_message_get_status (message) == 0)
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, soup_message_get_method (message));
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, g_uri_get_path (uri));
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "");
  json_builder_set_member_name (builder, "test");
  json_builder_add_string_value (builder, g_test_get_path () != NULL ? g_test_get_path () : "");
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, soup_message_get_status (message));
  json_builder_set_member_name (builder, "headers");
  add_headers (builder, response_headers);
  add_body (builder, soup_message_headers_get_content_type (response_headers, NULL), body);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  line = g_strconcat (text, "\n", NULL);

  file = g_file_new_for_path (exchanges_path);
  stream = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), line, strlen (line), NULL, NULL, &error))
    g_error ("cannot append to %s: %s", exchanges_path, error->message);
}

/**
 * appeals_test_exchanges_check:
 *
 * Runs the validator over what was recorded; its report goes to stderr.
 *
 * Returns: the validator's exit status (0: every answer is described)
 */
int
appeals_test_exchanges_check (void)
{
  const char *python = g_getenv ("APPEALS_PYTHON");
  const char *validator = g_getenv ("APPEALS_OPENAPI_VALIDATOR");
  const char *data_dir = g_getenv ("APPEALS_DATA_DIR");
  g_autofree char *document = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (exchanges_path);
  if (python == NULL || validator == NULL || data_dir == NULL)
    g_error ("APPEALS_PYTHON, APPEALS_OPENAPI_VALIDATOR and APPEALS_DATA_DIR must be set");

  document = g_build_filename (data_dir, "api", "openapi.json", NULL);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              python, validator, document, exchanges_path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}
