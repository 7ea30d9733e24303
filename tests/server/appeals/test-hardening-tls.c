/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening-tls.c: the server's own TLS, tried with openssl
 * s_client: TLS 1.1 is refused (even by a client willing to use it),
 * TLS 1.2 with a forward-secret suite is accepted and a static-RSA one
 * refused, and the answers carry HSTS, Cache-Control: no-store and a
 * Server header without versions.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "test-hardening.h"

static gboolean
run (const char * const *argv,
     const char         *input,
     char              **output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                      G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                      G_SUBPROCESS_FLAGS_STDERR_MERGE, &error);

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, output, NULL, &error);
  g_assert_no_error (error);
  return g_subprocess_get_successful (process);
}

/* s_client against @address with @options; TRUE when the handshake (and
 * the exchange of @input) succeeded. */
static gboolean
s_client (const char *address,
          const char *version,
          const char *cipher,
          const char *input,
          char      **output)
{
  const char *argv[] = { "openssl", "s_client", "-connect", address, version, "-cipher", cipher,
                         input != NULL ? "-quiet" : "-brief", NULL };

  return run (argv, input != NULL ? input : "", output);
}

static void
test_tls (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("appeals-tls-XXXXXX", &error);
  g_autofree char *certificate = g_build_filename (dir, "server.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "server.key", NULL);
  const char *make[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                         "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", certificate, NULL };
  const char *args[] = { "--tls-certificate", certificate, "--tls-key", key, NULL };
  AppealsTestServer *server;
  g_autofree char *address = NULL;
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  g_assert_true (run (make, NULL, &out));
  g_clear_pointer (&out, g_free);

  server = appeals_test_server_start (test_api_backend, args);
  g_assert_true (g_str_has_prefix (appeals_test_server_get_url (server), "https://"));
  address = g_strdup (appeals_test_server_get_url (server) + strlen ("https://"));

  /* SECLEVEL=0: the client would take TLS 1.1; the server must not */
  if (s_client (address, "-tls1_1", "DEFAULT:@SECLEVEL=0", NULL, &out))
    g_error ("TLS 1.1 was accepted: %s", out);
  g_clear_pointer (&out, g_free);
  if (s_client (address, "-tls1_2", "AES128-GCM-SHA256:AES256-SHA256:AES128-SHA", NULL, &out))
    g_error ("a static-RSA suite was accepted: %s", out);
  g_clear_pointer (&out, g_free);
  if (!s_client (address, "-tls1_2", "ECDHE-RSA-AES128-GCM-SHA256", NULL, &out))
    g_error ("TLS 1.2 with ECDHE was refused: %s", out);
  g_clear_pointer (&out, g_free);

  g_assert_true (s_client (address, "-tls1_2", "DEFAULT",
                           "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", &out));
  if (strstr (out, "Strict-Transport-Security: max-age=31536000") == NULL ||
      strstr (out, "Cache-Control: no-store") == NULL || strstr (out, "Server: appeals-server\r\n") == NULL)
    g_error ("headers missing: %s", out);

  appeals_test_server_free (server);
  g_unlink (certificate);
  g_unlink (key);
  g_rmdir (dir);
}

void
test_hardening_add_tls (void)
{
  g_test_add_func ("/hardening/tls", test_tls);
}
