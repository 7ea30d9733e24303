/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * core-test-util.c: helpers of the core's table tests.
 */
#include "config.h"

#include "core-test-util.h"

JsonNode *
core_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

/* Reads one row's @json with @read. A row that must not read is checked
 * to fail with a parse error, and gives %NULL; a valid row gives the
 * model, read without an error. */
gpointer
core_test_read_case (const char     *name,
                     const char     *json,
                     gboolean        valid,
                     CoreTestReader  read)
{
  g_autoptr(JsonNode) node = core_test_parse_json (json);
  g_autoptr(GError) error = NULL;
  gpointer object;

  g_test_message ("%s", name);
  object = read (node, &error);
  if (!valid)
    {
      g_assert_null (object);
      g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
      return NULL;
    }
  g_assert_no_error (error);
  g_assert_nonnull (object);
  return object;
}

/* What is written reads back: the model @read makes of @write's JSON. */
gpointer
core_test_round_trip (gpointer        object,
                      CoreTestWriter  write,
                      CoreTestReader  read)
{
  g_autoptr(JsonNode) written = write (object);
  g_autoptr(GError) error = NULL;
  gpointer again = read (written, &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
  return again;
}
