/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-tls.c: the client's connection over TLS to a real appeals-server
 * with a certificate of the department's own authority: refused with a
 * clear message against the system trust store, accepted once the CA file
 * is named in the preferences.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "appeals-api-client.h"
#include "appeals-test-server.h"

typedef struct
{
  AppealsApiResponse *response;
  GError             *error;
  gboolean            done;
} Result;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Result *outcome = user_data;

  outcome->response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
get_health (AppealsApiClient *client,
            Result           *outcome)
{
  memset (outcome, 0, sizeof *outcome);
  appeals_api_client_request_async (client, "GET", "health", NULL, NULL, NULL, NULL, on_done, outcome);
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
make_certificate (const char *dir,
                  char      **certificate,
                  char      **key)
{
  g_autoptr(GError) error = NULL;
  int status;

  *certificate = g_build_filename (dir, "server.pem", NULL);
  *key = g_build_filename (dir, "server.key", NULL);

  {
    const char *argv[] = {
      "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
      "-subj", "/CN=127.0.0.1/O=Appeals Desk test CA",
      "-addext", "subjectAltName=IP:127.0.0.1",
      "-addext", "basicConstraints=critical,CA:TRUE",
      "-keyout", *key, "-out", *certificate, NULL
    };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                  G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
}

static void
test_tls (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("appeals-tls-XXXXXX", &error);
  g_autofree char *certificate = NULL;
  g_autofree char *key = NULL;
  g_autoptr(AppealsApiClient) client = NULL;
  AppealsTestServer *server;
  Result outcome;

  make_certificate (dir, &certificate, &key);
  {
    const char *args[] = { "--tls-certificate", certificate, "--tls-key", key, NULL };
    server = appeals_test_server_start ("sqlite", args);
  }
  g_assert_true (g_str_has_prefix (appeals_test_server_get_url (server), "https://"));
  client = appeals_api_client_new (appeals_test_server_get_url (server));

  /* the system trust store does not know the department's authority */
  get_health (client, &outcome);
  g_assert_null (outcome.response);
  g_assert_error (outcome.error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_TLS);
  g_assert_nonnull (strstr (outcome.error->message, "certificate"));
  g_clear_error (&outcome.error);

  /* named in the preferences, it is trusted */
  g_assert_true (appeals_api_client_set_ca_file (client, certificate, &error));
  g_assert_no_error (error);
  get_health (client, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.response);
  g_assert_cmpuint (outcome.response->status, ==, 200);
  appeals_api_response_free (outcome.response);

  /* a missing CA file is refused, not silently ignored */
  g_assert_false (appeals_api_client_set_ca_file (client, "/nonexistent/ca.pem", &error));
  g_assert_nonnull (error);

  appeals_test_server_free (server);
  g_unlink (certificate);
  g_unlink (key);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/client/tls", test_tls);
  return g_test_run ();
}
