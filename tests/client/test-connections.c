/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-connections.c: the API client against a real server, without a
 * display — an edit on its version (If-Match) goes on the connection the
 * client keeps alive, as a read does; a POST that could take effect twice
 * (a sign-in: no Idempotency-Key) still gets a connection of its own. The
 * connections are counted as the kernel lists them. A report that runs
 * over the server's statement timeout comes back as its problem, not as a
 * connection lost.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "appeals-api-client.h"
#include "appeals-test-server.h"

static AppealsTestServer *server;

static AppealsApiResponse *
request (AppealsApiClient *client,
         const char       *method,
         const char       *path,
         const char       *body,
         const char       *if_match)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) content = body != NULL ? json_from_string (body, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  AppealsApiResponse *response;

  appeals_api_client_request_async (client, method, path, content, if_match, NULL, NULL,
                                    appeals_test_on_done, &result);
  response = appeals_api_client_request_finish (client, appeals_test_wait_for (&result), &error);
  g_assert_no_error (error);
  return response;
}

/* The port of @url, "http://127.0.0.1:PORT". */
static guint
url_port (const char *url)
{
  const char *colon = strrchr (url, ':');

  g_assert_nonnull (colon);
  return (guint) g_ascii_strtoull (colon + 1, NULL, 10);
}

/* How many established connections lead to @port, from the kernel's
 * tables (the client's ends: the remote address has the port). */
static guint
count_connections_to (guint port)
{
  const char *tables[] = { "/proc/net/tcp", "/proc/net/tcp6" };
  guint n = 0;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (tables[t], &text, NULL, NULL))
        continue;
      lines = g_strsplit (text, "\n", -1);
      /* "sl: local_address rem_address st …", addresses as HEX:PORT */
      for (guint i = 1; lines[i] != NULL; i++)
        {
          guint remote_port, state;

          if (sscanf (lines[i], " %*s %*s %*[0-9A-Fa-f]:%x %x", &remote_port, &state) == 2 &&
              remote_port == port && state == 0x01)
            n++;
        }
    }
  return n;
}

static void
test_edit_keeps_the_connection (void)
{
  const char *url = appeals_test_server_get_url (server);
  g_autoptr(AppealsApiClient) client = appeals_api_client_new (url);
  g_autofree char *token = appeals_test_sign_in (server, "controller", "demo");
  g_autofree char *etag = NULL;
  guint port = url_port (url);
  AppealsApiResponse *response;

  appeals_api_client_set_token (client, token);
  g_assert_cmpuint (count_connections_to (port), ==, 0);

  response = request (client, "GET", "appeals/1", NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  etag = g_strdup (response->etag);
  g_assert_nonnull (etag);
  appeals_api_response_free (response);
  g_assert_cmpuint (count_connections_to (port), ==, 1);

  /* two edits, each on the version the one before made */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"executor\":\"Сарсенов Б.К. %u\"}", i);

      response = request (client, "PATCH", "appeals/1", body, etag);
      g_assert_cmpuint (response->status, ==, 200);
      g_assert_cmpstr (response->etag, !=, etag);
      g_free (etag);
      etag = g_strdup (response->etag);
      appeals_api_response_free (response);
      g_assert_cmpuint (count_connections_to (port), ==, 1);
    }

  /* a sign-in has no key: it could sign in twice, and gets its own */
  response = request (client, "POST", "session", "{\"login\":\"controller\",\"password\":\"demo\"}", NULL);
  g_assert_cmpuint (response->status, ==, 201);
  appeals_api_response_free (response);
  g_assert_cmpuint (count_connections_to (port), ==, 2);
}

static void
on_connection_lost (AppealsApiClient *client,
                    gpointer          user_data)
{
  guint *n_lost = user_data;

  (*n_lost)++;
}

/* Ten years of twelve thousand appeals against a statement timeout of
 * 10 ms: the server answers 503 took_too_long, which the client hands to
 * the caller like any problem (to tell the analyst to ask for less), and
 * does not take for a server gone: the same report would run as long
 * again. */
static void
test_took_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("appeals-took-too-long-XXXXXX", &error);
  g_autofree char *database = g_build_filename (dir, "appeals.sqlite", NULL);
  const char *generate[] = { g_getenv ("APPEALS_SERVER_EXE"), "--database", database, "generate",
                             "--appeals", "12000", NULL };
  const char *args[] = { "--demo", "--statement-timeout", "0.01", NULL };
  g_autoptr(AppealsApiClient) client = NULL;
  g_autofree char *token = NULL;
  AppealsTestServer *slow;
  AppealsApiResponse *response;
  guint n_lost = 0;
  int status;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) generate, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  slow = appeals_test_server_start_on ("sqlite", database, args);
  client = appeals_api_client_new (appeals_test_server_get_url (slow));
  token = appeals_test_sign_in (slow, "controller", "demo");
  appeals_api_client_set_token (client, token);
  g_signal_connect (client, "connection-lost", G_CALLBACK (on_connection_lost), &n_lost);

  response = request (client, "GET", "analytics/line-report?from=2016-01-01&to=2026-12-31", NULL, NULL);
  g_assert_cmpuint (response->status, ==, 503);
  g_assert_cmpstr (response->problem_code, ==, "took_too_long");
  g_assert_cmpstr (appeals_api_response_describe (response), ==,
                   appeals_problem_code_describe ("took_too_long"));
  appeals_api_response_free (response);
  g_assert_cmpuint (n_lost, ==, 0);

  appeals_test_server_free (slow);
  appeals_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "5", NULL };
  int status;

  g_test_init (&argc, &argv, NULL);
  server = appeals_test_server_start ("sqlite", args);
  g_test_add_func ("/client/connections/edit-keeps-the-connection", test_edit_keeps_the_connection);
  g_test_add_func ("/client/connections/took-too-long", test_took_too_long);
  status = g_test_run ();
  appeals_test_server_free (server);
  return status;
}
