/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-data-copy.c: a demo server started on a copy of the data
 * folder, for the tests that change a rules file and send SIGHUP.
 */
#include "config.h"

#include "test-api-data-copy.h"

/* Copies the data folder into a new temporary folder and starts the demo
 * server of @fixture (and its session) on the copy. Returns the temporary
 * folder, for test_api_stop_on_data_copy(); *@data is the copy in it. */
char *
test_api_start_on_data_copy (Fixture  *fixture,
                             char    **data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("appeals-data-XXXXXX", &error);
  g_autofree char *saved_dir = g_strdup (g_getenv ("APPEALS_DATA_DIR"));
  const char *args[] = { "--demo", "--demo-appeals", "5", NULL };

  g_assert_no_error (error);
  *data = g_build_filename (dir, "data", NULL);
  {
    const char *copy_argv[] = { "cp", "-r", saved_dir, *data, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) copy_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  g_setenv ("APPEALS_DATA_DIR", *data, TRUE);
  fixture->server = appeals_test_server_start (test_api_backend, args);
  fixture->session = soup_session_new ();
  g_setenv ("APPEALS_DATA_DIR", saved_dir, TRUE);
  return g_steal_pointer (&dir);
}

/* Stops the server of @fixture and removes @dir with the data's copy. */
void
test_api_stop_on_data_copy (Fixture    *fixture,
                            const char *dir)
{
  const char *remove_argv[] = { "rm", "-rf", dir, NULL };

  appeals_test_server_free (fixture->server);
  g_object_unref (fixture->session);
  g_spawn_sync (NULL, (char **) remove_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

/* Whether @date (in 2022) is a day off by the server's calendar. */
gboolean
test_api_calendar_has_day_off (Fixture    *fixture,
                               const char *token,
                               const char *date)
{
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", "/api/v1/calendar/2022", token, NULL);
  JsonArray *days;

  g_assert_cmpuint (response->status, ==, 200);
  days = json_object_get_array_member (appeals_test_response_object (response), "non_working_days");
  for (guint i = 0; i < json_array_get_length (days); i++)
    if (g_str_equal (json_array_get_string_element (days, i), date))
      return TRUE;
  return FALSE;
}
