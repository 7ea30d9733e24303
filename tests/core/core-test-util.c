/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * core-test-util.c: helpers of the core's table tests.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

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

/* Writes each case's JSON to a file named @file_name in a new folder and
 * checks that @load refuses it with a parse error naming the file and
 * the case's field. */
void
core_test_assert_malformed_files (const char              *file_name,
                                  const CoreTestMalformed *cases,
                                  guint                    n_cases,
                                  CoreTestFileLoader       load)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("appeals-rules-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, file_name, NULL);
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GObject) model = NULL;

      g_file_set_contents (path, cases[i].json, -1, &error);
      g_assert_no_error (error);
      model = load (path, &error);
      g_assert_null (model);
      g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
      if (strstr (error->message, file_name) == NULL || strstr (error->message, cases[i].field) == NULL)
        g_error ("“%s” does not name the file and %s", error->message, cases[i].field);
      g_clear_error (&error);
    }

  g_unlink (path);
  g_rmdir (dir);
}
