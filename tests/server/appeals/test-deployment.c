/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-deployment.c: the central deployment (README, "Central
 * deployment"; data/deploy/). On PostgreSQL: nginx, with the repository's
 * proxy settings, in front of two appeals-server processes on one
 * database — a session made on one is good on both, a file uploaded
 * through one downloads through the other and through the proxy, and the
 * per-address sign-in back-off sees the client behind the proxy, not the
 * proxy. On both backends: a backup taken while the server runs, restored
 * and served.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <glib/gstdio.h>

#include "test-api.h"

#define PDF "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

typedef struct
{
  GSubprocess *process;
  char        *dir;
  char        *url;
} Proxy;

/* A free loopback port: bound, read and released (nginx binds it a
 * moment later; nothing else on a test machine races for it). */
static guint16
free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, any, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static char *
find_nginx (void)
{
  char *found = g_find_program_in_path ("nginx");

  if (found == NULL && g_file_test ("/usr/sbin/nginx", G_FILE_TEST_IS_EXECUTABLE))
    found = g_strdup ("/usr/sbin/nginx");
  return found;
}

/* nginx as one process in a folder of its own (it works so as root, in
 * CI, and as any other user), on a free port, in front of @servers. The
 * upstream block names the servers; everything else is the repository's
 * data/deploy/nginx/appeals-proxy.conf. */
static void
proxy_start (Proxy              *proxy,
             const char         *nginx,
             AppealsTestServer **servers,
             guint               n_servers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) conf = g_string_new (NULL);
  g_autofree char *snippet = g_build_filename (g_getenv ("APPEALS_DATA_DIR"), "deploy", "nginx",
                                               "appeals-proxy.conf", NULL);
  g_autofree char *conf_path = NULL;
  g_autofree char *error_log = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  guint16 port = free_port ();

  proxy->dir = g_dir_make_tmp ("appeals-nginx-XXXXXX", &error);
  g_assert_no_error (error);
  g_string_append_printf (conf,
                          "daemon off;\nmaster_process off;\nworker_processes 1;\npid %s/nginx.pid;\n"
                          "error_log %s/error.log warn;\nevents { worker_connections 256; }\n"
                          "http {\n  access_log off;\n  client_body_temp_path %s/body;\n  proxy_temp_path %s/proxy;\n"
                          "  fastcgi_temp_path %s/fastcgi;\n  uwsgi_temp_path %s/uwsgi;\n  scgi_temp_path %s/scgi;\n"
                          "  upstream appeals_servers {\n",
                          proxy->dir, proxy->dir, proxy->dir, proxy->dir, proxy->dir, proxy->dir, proxy->dir);
  for (guint i = 0; i < n_servers; i++)
    g_string_append_printf (conf, "    server %s;\n", strstr (appeals_test_server_get_url (servers[i]), "//") + 2);
  /* X-Upstream: only here, to see which server answered */
  g_string_append_printf (conf,
                          "    keepalive 8;\n  }\n  server {\n    listen 127.0.0.1:%u;\n"
                          "    add_header X-Upstream $upstream_addr always;\n"
                          "    location / {\n      include %s;\n    }\n  }\n}\n",
                          port, snippet);
  conf_path = g_build_filename (proxy->dir, "nginx.conf", NULL);
  g_file_set_contents (conf_path, conf->str, -1, &error);
  g_assert_no_error (error);

  error_log = g_build_filename (proxy->dir, "error.log", NULL);
  /* it dies with the test, even when the test aborts */
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  proxy->process = g_subprocess_launcher_spawn (launcher, &error, nginx, "-e", error_log, "-p", proxy->dir,
                                                "-c", conf_path, NULL);
  g_assert_no_error (error);
  proxy->url = g_strdup_printf ("http://127.0.0.1:%u", port);

  /* up once it answers */
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);

      if (connection != NULL)
        return;
      g_usleep (50 * 1000);
    }
  g_error ("nginx did not start on port %u, see %s", port, error_log);
}

static void
proxy_stop (Proxy *proxy)
{
  g_subprocess_force_exit (proxy->process);
  g_subprocess_wait (proxy->process, NULL, NULL);
  g_clear_object (&proxy->process);
  g_free (proxy->url);
  /* after a failure, the folder (and nginx's error.log) is left for a look */
  appeals_test_remove_tree (proxy->dir);
  g_free (proxy->dir);
}

/* @path through the proxy. */
static AppealsTestResponse *
via_proxy (Proxy       *proxy,
           SoupSession *session,
           const char  *method,
           const char  *path,
           const char  *token,
           const char  *body)
{
  g_autofree char *url = g_strconcat (proxy->url, path, NULL);
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(SoupMessage) message = soup_message_new_from_uri (method, uri);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", token);
  g_autoptr(GBytes) bytes = NULL;
  AppealsTestResponse *response = g_new0 (AppealsTestResponse, 1);

  if (token != NULL)
    soup_message_headers_append (soup_message_get_request_headers (message), "Authorization", authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", request);
    }
  bytes = soup_session_send_and_read (session, message, NULL, NULL);
  response->status = soup_message_get_status (message);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (message));
  response->bytes = bytes != NULL ? g_bytes_ref (bytes) : g_bytes_new (NULL, 0);
  response->text = g_strndup (g_bytes_get_data (response->bytes, NULL), g_bytes_get_size (response->bytes));
  return response;
}

/* @request to the proxy from the loopback address @local (another client
 * than the tests' 127.0.0.1); returns the whole answer. */
static char *
send_from (Proxy      *proxy,
           const char *local,
           const char *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GInetAddress) local_inet = g_inet_address_new_from_string (local);
  g_autoptr(GSocketAddress) local_address = g_inet_socket_address_new (local_inet, 0);
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  GInputStream *in;
  guint8 buffer[4096];
  gssize n;

  g_socket_client_set_local_address (client, local_address);
  connection = g_socket_client_connect_to_uri (client, proxy->url, 0, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request, strlen (request),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_byte_array_append (answer, buffer, n);
  g_byte_array_append (answer, (const guint8 *) "", 1);
  return g_strdup ((const char *) answer->data);
}

/* The first appeal the controller sees, and a PDF uploaded to it through
 * @fixture's server: returns the file's download path. */
static char *
upload_pdf (Fixture *fixture,
            gint64  *appeal_out)
{
  g_autoptr(AppealsTestResponse) list = REQUEST (fixture, "GET", "/api/v1/appeals?limit=1", fixture->controller, NULL);
  JsonObject *first = json_array_get_object_element (json_object_get_array_member (
                                                       appeals_test_response_object (list), "items"), 0);
  gint64 appeal = json_object_get_int_member (first, "id");
  g_autoptr(AppealsTestResponse) uploaded = upload_file (fixture, fixture->controller, "appeals", appeal,
                                                         "appeal_scan", "scan.pdf", "application/pdf",
                                                         PDF, strlen (PDF));

  g_assert_cmpuint (uploaded->status, ==, 201);
  *appeal_out = appeal;
  return g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/attachments/%" G_GINT64_FORMAT, appeal,
                          json_object_get_int_member (appeals_test_response_object (uploaded), "id"));
}

static void
assert_pdf (AppealsTestResponse *response,
            const char          *where)
{
  if (response->status != 200 || g_bytes_get_size (response->bytes) != strlen (PDF) ||
      memcmp (g_bytes_get_data (response->bytes, NULL), PDF, strlen (PDF)) != 0)
    g_error ("%s: expected the PDF, got %u: %.200s", where, response->status, response->text);
}

/* nginx in front of two servers on one PostgreSQL database. */
static void
test_proxy_two_servers (void)
{
  const char *args[] = { "--demo", "--demo-appeals", "5", "--trusted-proxy", "127.0.0.1",
                         "--sign-in-failures-per-address", "3", NULL };
  g_autofree char *nginx = find_nginx ();
  AppealsTestServer *servers[2];
  g_auto(GStrv) ports = g_new0 (char *, 3);
  Fixture one = { 0 }, two = { 0 };
  Proxy proxy = { 0 };
  g_autofree char *file = NULL;
  gint64 appeal;
  gboolean answered[2] = { FALSE, FALSE };

  if (nginx == NULL)
    {
      g_test_skip ("nginx is not installed (apt-get install nginx-light): the proxy is not tested");
      return;
    }

  servers[0] = appeals_test_server_start ("postgresql", args);
  servers[1] = appeals_test_server_start_beside (servers[0], args);
  for (guint i = 0; i < 2; i++)
    ports[i] = g_strdup (strrchr (appeals_test_server_get_url (servers[i]), ':'));
  one.server = servers[0];
  two.server = servers[1];
  one.session = soup_session_new ();
  two.session = g_object_ref (one.session);
  proxy_start (&proxy, nginx, servers, 2);

  /* signed in on the first, the session is good on both, through the proxy */
  one.controller = appeals_test_sign_in (servers[0], "controller", "demo");
  two.controller = g_strdup (one.controller);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(AppealsTestResponse) session = via_proxy (&proxy, one.session, "GET", "/api/v1/session",
                                                         one.controller, NULL);
      const char *upstream = appeals_test_response_header (session, "X-Upstream");

      g_assert_cmpuint (session->status, ==, 200);
      g_assert_nonnull (upstream);
      for (guint s = 0; s < 2; s++)
        answered[s] |= g_str_has_suffix (upstream, ports[s]);
    }
  g_assert_true (answered[0] && answered[1]);

  /* uploaded through one, downloaded through the other and the proxy */
  file = upload_pdf (&one, &appeal);
  {
    g_autoptr(AppealsTestResponse) direct = REQUEST (&two, "GET", file, two.controller, NULL);

    assert_pdf (direct, "the other server");
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(AppealsTestResponse) proxied = via_proxy (&proxy, one.session, "GET", file, one.controller, NULL);

        assert_pdf (proxied, "through the proxy");
      }
  }

  /* the back-off per address counts the client behind the proxy: one
   * client's wrong passwords do not make another wait */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"login\":\"nobody%u\",\"password\":\"wrong-password\"}", i);
      g_autofree char *request = g_strdup_printf ("POST /api/v1/session HTTP/1.1\r\nHost: x\r\n"
                                                  "Content-Type: application/json\r\nContent-Length: %zu\r\n"
                                                  "Connection: close\r\n\r\n%s", strlen (body), body);
      g_autofree char *answer = send_from (&proxy, "127.0.0.2", request);

      /* 429 once the address has to wait */
      if (!g_str_has_prefix (answer, "HTTP/1.1 401") && !g_str_has_prefix (answer, "HTTP/1.1 429"))
        g_error ("a wrong password through the proxy: %s", answer);
    }
  {
    g_autoptr(AppealsTestResponse) other = via_proxy (&proxy, one.session, "POST", "/api/v1/session", NULL,
                                                      "{\"login\":\"registrar\",\"password\":\"demo\"}");

    g_assert_cmpuint (other->status, ==, 201);
  }

  proxy_stop (&proxy);
  g_free (one.controller);
  g_free (two.controller);
  g_object_unref (one.session);
  g_object_unref (two.session);
  appeals_test_server_free (servers[1]);
  appeals_test_server_free (servers[0]);
}

/* A backup taken while the server runs, restored elsewhere and served:
 * the appeals and the attachment of the moment it was taken are there,
 * what came after is not. */
static void
test_backup_restore (void)
{
  const char *args[] = { "--demo", "--demo-appeals", "5", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("appeals-backup-XXXXXX", &error);
  g_autofree char *archive = g_build_filename (dir, "appeals.backup", NULL);
  g_autofree char *restored = NULL;
  g_autofree char *file = NULL;
  g_autofree char *later_path = NULL;
  g_autoptr(GSubprocess) backup = NULL;
  Fixture live = { 0 }, copy = { 0 };
  gint64 appeal, later;

  g_assert_no_error (error);
  live.server = appeals_test_server_start (test_api_backend, args);
  live.session = soup_session_new ();
  live.controller = appeals_test_sign_in (live.server, "controller", "demo");
  live.registrar = appeals_test_sign_in (live.server, "registrar", "demo");
  file = upload_pdf (&live, &appeal);

  backup = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, g_getenv ("APPEALS_SERVER_EXE"),
                             "--database", appeals_test_server_get_database (live.server), "backup", archive, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (backup, NULL, &error));
  g_assert_no_error (error);

  /* a new appeal after the backup */
  later = create_appeal (&live, live.registrar, create_applicant (&live, "061211600048"), "kostanay-city", "кейін");
  later_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, later);

  if (g_str_equal (test_api_backend, "postgresql"))
    {
      g_autoptr(GSubprocess) restore = NULL;

      restored = appeals_test_server_new_database ("postgresql");
      restore = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "pg_restore", "--no-owner", "--exit-on-error",
                                  "--dbname", restored, archive, NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait_check (restore, NULL, &error));
      g_assert_no_error (error);
    }
  else
    {
      /* the copy is a database of its own, its attachments beside it */
      g_autofree char *blobs = g_strconcat (archive, ".attachments", NULL);
      GStatBuf info;

      g_assert_true (g_file_test (blobs, G_FILE_TEST_IS_DIR));
      g_assert_cmpint (g_stat (archive, &info), ==, 0);
      g_assert_cmpint (info.st_mode & 0077, ==, 0);
      restored = g_strdup (archive);
    }

  appeals_test_server_free (live.server);   /* the original is gone */
  copy.server = appeals_test_server_start_on (test_api_backend, restored, args);
  copy.session = g_object_ref (live.session);
  copy.controller = appeals_test_sign_in (copy.server, "controller", "demo");
  {
    g_autoptr(AppealsTestResponse) pdf = REQUEST (&copy, "GET", file, copy.controller, NULL);
    g_autoptr(AppealsTestResponse) gone = REQUEST (&copy, "GET", later_path, copy.controller, NULL);

    assert_pdf (pdf, "the restored copy");
    assert_problem (gone, 404, "not_found");
    /* and it takes new work */
    g_free (upload_pdf (&copy, &appeal));
  }

  appeals_test_server_free (copy.server);
  g_object_unref (live.session);
  g_object_unref (copy.session);
  g_free (live.controller);
  g_free (live.registrar);
  g_free (copy.controller);
  appeals_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  test_api_backend = appeals_test_backend_from_args (&argc, argv);
  g_test_init (&argc, &argv, NULL);

  if (g_str_equal (test_api_backend, "postgresql"))
    g_test_add_func ("/deployment/proxy-two-servers", test_proxy_two_servers);
  g_test_add_func ("/deployment/backup-restore", test_backup_restore);
  return g_test_run ();
}
