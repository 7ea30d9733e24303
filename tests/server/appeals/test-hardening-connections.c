/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening-connections.c: connections never pile up. The server
 * runs with `ulimit -n 1024`: 3,000 keep-alive connections closed by
 * their client (which libsoup 3.2 alone leaks in CLOSE-WAIT), 2,000 slow
 * connections from one address, and malformed framings — through all of
 * it a normal request answers within a second.
 */
#include "config.h"

#include <string.h>

#include "test-hardening.h"

#define FILE_LIMIT 1024

typedef struct
{
  AppealsTestServer *server;
  SoupSession       *session;
  char              *token;
  char              *host;
  guint16            port;
} Limited;

static void
limited_start (Limited            *limited,
               const char * const *args)
{
  g_autoptr(GUri) uri = NULL;

  limited->server = appeals_test_server_start_with_file_limit (test_api_backend, args, FILE_LIMIT);
  limited->session = soup_session_new ();
  limited->token = appeals_test_sign_in (limited->server, "controller", "demo");
  uri = g_uri_parse (appeals_test_server_get_url (limited->server), G_URI_FLAGS_NONE, NULL);
  limited->host = g_strdup (g_uri_get_host (uri));
  limited->port = g_uri_get_port (uri);
}

static void
limited_stop (Limited *limited)
{
  g_clear_pointer (&limited->server, appeals_test_server_free);
  g_clear_object (&limited->session);
  g_free (limited->token);
  g_free (limited->host);
}

/* A normal request answers, and within a second. */
static void
assert_answers_in_time (Limited *limited)
{
  gint64 started = g_get_monotonic_time ();
  g_autoptr(AppealsTestResponse) health = appeals_test_request (limited->server, limited->session, "GET",
                                                                "/api/v1/health", limited->token, NULL, NULL);

  g_assert_cmpuint (health->status, ==, 200);
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
}

/* A connection from @local (NULL: any address) that gives up on reads
 * after 5 s instead of hanging when the server stops answering. */
static GSocket *
connect_from (Limited    *limited,
              const char *local)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (limited->host);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, limited->port);
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  if (local != NULL)
    {
      g_autoptr(GInetAddress) local_inet = g_inet_address_new_from_string (local);
      g_autoptr(GSocketAddress) local_address = g_inet_socket_address_new (local_inet, 0);

      g_socket_bind (socket, local_address, FALSE, &error);
      g_assert_no_error (error);
    }
  g_socket_set_timeout (socket, 5);
  g_socket_connect (socket, address, NULL, &error);
  g_assert_no_error (error);
  return socket;
}

static void
send_text (GSocket    *socket,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  gsize sent = 0;

  while (sent < strlen (text))
    {
      gssize n = g_socket_send (socket, text + sent, strlen (text) - sent, NULL, &error);

      g_assert_no_error (error);
      sent += n;
    }
}

/* One whole answer (headers and Content-Length bytes of body), without
 * waiting for the end of the connection. */
static char *
receive_answer (GSocket *socket)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  const char *end;

  while ((end = strstr (text->str, "\r\n\r\n")) == NULL ||
         text->len < (gsize) (end + 4 - text->str) +
                      g_ascii_strtoull (strstr (text->str, "Content-Length: ") != NULL
                                        ? strstr (text->str, "Content-Length: ") + 16 : "0", NULL, 10))
    {
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);

      if (n <= 0)
        break;
      g_string_append_len (text, buffer, n);
    }
  return g_string_free (text, FALSE);
}

/* 3,000 keep-alive connections, each closed by the client after its
 * answer: the server, allowed 1,024 descriptors, still answers, and its
 * memory does not grow with them (libsoup 3.2 alone keeps about 2.3 kB
 * per closed connection: its connection object and the accepted socket's). */
static void
test_closed_keep_alive (void)
{
  const char *args[] = { "--demo", "--demo-appeals", "10", NULL };
  g_autofree char *request = NULL;
  Limited limited = { 0 };
  gsize rss_warm = 0;

  limited_start (&limited, args);
  request = g_strdup_printf ("GET /api/v1/health HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\n\r\n",
                             limited.host, limited.token);
  for (guint i = 0; i < 3000; i++)
    {

      g_autoptr(GSocket) socket = connect_from (&limited, NULL);
      g_autofree char *answer = NULL;

      send_text (socket, request);
      answer = receive_answer (socket);
      if (!g_str_has_prefix (answer, "HTTP/1.1 200"))
        g_error ("connection %u: %s", i, answer);
      /* the answer kept the connection open; the client goes */
      g_assert_null (strstr (answer, "Connection: close"));
      g_socket_close (socket, NULL);
      if (i == 499)
        rss_warm = appeals_test_server_get_rss (limited.server);
    }

  /* a leak of even 350 bytes a connection would be 875 kB here */
  g_test_message ("resident memory: %zu kB after 500 connections, %zu kB after 3,000",
                  rss_warm, appeals_test_server_get_rss (limited.server));
#ifndef __SANITIZE_ADDRESS__
  g_assert_cmpuint (appeals_test_server_get_rss (limited.server), <, rss_warm + 512);
#else
  /* AddressSanitizer holds freed memory in quarantine, so resident memory
   * grows whatever the server does; its leak checker judges leaks there */
#endif
  assert_answers_in_time (&limited);
  limited_stop (&limited);
}

static void
assert_framing_refused (Limited    *limited,
                        const char *request,
                        guint       status,
                        const char *code)
{
  g_autoptr(GSocket) socket = connect_from (limited, NULL);
  g_autofree char *answer = NULL;
  g_autofree char *status_line = g_strdup_printf (" %u ", status);

  send_text (socket, request);
  answer = receive_answer (socket);
  if (!g_str_has_prefix (answer, "HTTP/1.") || strstr (answer, status_line) != answer + 8)
    g_error ("expected %u for %s, got: %s", status, request, answer);
  assert_raw_problem (answer, code);
}

#define POST_SESSION "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"

/* 2,000 connections from one address that never finish their headers,
 * then malformed framings: each one answered with problem+json within
 * the server's time limits (1 s here), a normal request from another
 * address answers within a second throughout. */
static void
test_slow_and_malformed (void)
{
  const char *args[] = { "--demo", "--demo-appeals", "10", "--header-timeout", "1", "--body-timeout", "1",
                         "--max-connections-per-address", "32", NULL };
  g_autoptr(GPtrArray) slow = g_ptr_array_new_with_free_func (g_object_unref);
  Limited limited = { 0 };
  guint refused = 0, timed_out = 0;

  limited_start (&limited, args);
  for (guint i = 0; i < 2000; i++)
    {
      /* 127.0.0.2 is the loopback too: another client address */
      GSocket *socket = connect_from (&limited, "127.0.0.2");

      send_text (socket, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");
      g_ptr_array_add (slow, socket);
      if (i % 500 == 0)
        assert_answers_in_time (&limited);
    }
  assert_answers_in_time (&limited);

  for (guint i = 0; i < slow->len; i++)
    {
      g_autofree char *answer = receive_answer (g_ptr_array_index (slow, i));

      if (g_str_has_prefix (answer, "HTTP/1.1 429"))
        {
          assert_raw_problem (answer, "too_many_requests");
          refused++;
        }
      else if (g_str_has_prefix (answer, "HTTP/1.1 408"))
        {
          assert_raw_problem (answer, "request_timeout");
          timed_out++;
        }
      else if (answer[0] != '\0')
        g_error ("slow connection %u: %s", i, answer);
    }
  /* the first ones waited out their time, the cap refused others (how
   * many of each depends on how fast the 2,000 connect) */
  g_assert_cmpuint (timed_out, >=, 1);
  g_assert_cmpuint (refused, >=, 1);
  g_assert_cmpuint (timed_out + refused, >=, slow->len / 2);
  g_ptr_array_set_size (slow, 0);
  assert_answers_in_time (&limited);

  assert_framing_refused (&limited, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n", 408, "request_timeout");
  assert_framing_refused (&limited, POST_SESSION "Content-Length: 100\r\n\r\n{}", 408, "request_timeout");
  assert_framing_refused (&limited, POST_SESSION "Content-Length: -1\r\n\r\n{}", 400, "malformed_request");
  assert_framing_refused (&limited, POST_SESSION "Content-Length: 2\r\nContent-Length: 5\r\n\r\n{}",
                          400, "malformed_request");
  assert_framing_refused (&limited, POST_SESSION "Content-Length: 99999999999999999999\r\n\r\n{}",
                          400, "malformed_request");
  /* libsoup's own refusal carries a problem too */
  assert_framing_refused (&limited, "GARBAGE\r\n\r\n", 400, "malformed_request");
  assert_answers_in_time (&limited);

  limited_stop (&limited);
}

void
test_hardening_add_connections (void)
{
  g_test_add_func ("/hardening/closed-keep-alive", test_closed_keep_alive);
  g_test_add_func ("/hardening/slow-and-malformed", test_slow_and_malformed);
}
