/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-connections.c: the server's watch over its client connections.
 *
 * libsoup 3.2 (Debian 12) never closes a keep-alive connection that the
 * client closes while it is idle (fixed upstream in 3.3.0, commit
 * d20c6601): every one stays in CLOSE-WAIT with its descriptor until the
 * process runs out of them. It also has no read timeouts, so a client
 * that sends half its headers, or promises more body than it sends, holds
 * a connection for ever.
 *
 * SoupServer tells of every connection early enough to watch it: the
 * first message of a connection "starts" at accept, the next ones at
 * their first byte. Each connection then goes through
 *
 *   headers  (request-started) — at most header_seconds in all;
 *   body     (got-headers)     — at most body_seconds without progress;
 *   handling (got-body)        — no limit here, the handler answers;
 *   idle     (request-finished/-aborted) — at most idle_seconds, and
 *            closed as soon as the peer has closed its end (the
 *            descriptor polls readable and a peek reads end-of-file).
 *
 * A request that runs out of time gets 408 problem+json written on the
 * socket (plain HTTP only; a TLS connection is just closed) and the
 * connection is shut down, after which libsoup drops it as usual. Each
 * client address may hold at most max_per_address connections; one over
 * is refused with 429 and closed.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <json-glib/json-glib.h>

#include "appeals-connections.h"
#include "appeals-request.h"

typedef enum
{
  STATE_HEADERS,
  STATE_BODY,
  STATE_HANDLING,
  STATE_IDLE,
} State;

typedef struct
{
  AppealsConnections *owner;
  GSocket            *socket;
  SoupServerMessage  *message;         /* the last one: it reaches libsoup's connection */
  char               *address;
  gboolean            tls;
  State               state;
  gint64              progress_usec;   /* the body's last chunk */
  guint               deadline_id;     /* header, body or idle limit */
  GSource            *peer_watch;      /* idle: has the peer closed? */
  guint               recheck_id;
} Connection;

struct _AppealsConnections
{
  AppealsConnectionLimits  limits;
  gboolean                 tls;
  GHashTable              *connections;  /* GSocket* → Connection */
  GHashTable              *per_address;  /* address → count */
};

#define CONNECTION_KEY "appeals-connection"

static void
connection_stop_watching (Connection *connection)
{
  g_clear_handle_id (&connection->deadline_id, g_source_remove);
  g_clear_handle_id (&connection->recheck_id, g_source_remove);
  if (connection->peer_watch != NULL)
    {
      g_source_destroy (connection->peer_watch);
      g_clear_pointer (&connection->peer_watch, g_source_unref);
    }
}

static void
connection_free (gpointer data)
{
  Connection *connection = data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (connection->owner->per_address, connection->address));

  connection_stop_watching (connection);
  if (count > 1)
    g_hash_table_insert (connection->owner->per_address, g_strdup (connection->address),
                         GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (connection->owner->per_address, connection->address);
  g_object_unref (connection->socket);
  g_clear_object (&connection->message);
  g_free (connection->address);
  g_free (connection);
}

static void
forget (Connection *connection)
{
  g_object_set_data (G_OBJECT (connection->socket), CONNECTION_KEY, NULL);
  g_hash_table_remove (connection->owner->connections, connection->socket);
}

/* Closes a connection that libsoup will not close itself: idle, so no
 * request of it is under way. */
static void
close_idle (Connection *connection)
{
  g_autoptr(GIOStream) stream = NULL;

  /* Closing the socket alone frees the descriptor, but libsoup 3.2 keeps
   * its SoupServerConnection (streams, the waiting message, buffers: about
   * 2 kB) in the server's list for ever. Stealing the connection takes it
   * off that list; the stream is then ours to close. Only while idle: a
   * message under way must not lose its connection under its handler. */
  if (connection->message != NULL && connection->state == STATE_IDLE)
    stream = soup_server_message_steal_connection (connection->message);
  g_socket_shutdown (connection->socket, TRUE, TRUE, NULL);
  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
  g_socket_close (connection->socket, NULL);
  forget (connection);
}

/* Writes @status problem+json on a plain connection (a TLS one cannot be
 * written to from below), then shuts the connection down: libsoup reads
 * the end and drops the connection and its message. */
/**
 * appeals_connections_problem_body:
 *
 * Returns: a problem+json text for an answer written below the request
 *   pipeline (no request id, no language yet).
 */
char *
appeals_connections_problem_body (guint       status,
                                  const char *code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  appeals_problem_begin (builder, status, code);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Writes @status problem+json on a plain connection (a TLS one cannot be
 * written to from below), then shuts the connection down: libsoup reads
 * the end and drops the connection and its message. */
static void
refuse (Connection *connection,
        guint       status,
        const char *code)
{
  if (!connection->tls)
    {
      g_autofree char *body = appeals_connections_problem_body (status, code);
      g_autofree char *text = NULL;

      text = g_strdup_printf ("HTTP/1.1 %u %s\r\nContent-Type: application/problem+json; charset=utf-8\r\n"
                              "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                              status, status == 429 ? "Too Many Requests" : soup_status_get_phrase (status),
                              strlen (body), body);
      /* best effort, without waiting: a client that reads nothing gets nothing */
      g_socket_send (connection->socket, text, strlen (text), NULL, NULL);
    }
  g_socket_shutdown (connection->socket, TRUE, TRUE, NULL);
}

static gboolean
on_deadline (gpointer user_data)
{
  Connection *connection = user_data;
  const AppealsConnectionLimits *limits = &connection->owner->limits;

  connection->deadline_id = 0;
  if (g_socket_is_closed (connection->socket))
    {
      forget (connection);
      return G_SOURCE_REMOVE;
    }

  switch (connection->state)
    {
    case STATE_BODY:
      {
        gint64 quiet = g_get_monotonic_time () - connection->progress_usec;

        /* the body is still coming: wait from its last chunk */
        if (quiet < (gint64) limits->body_seconds * G_USEC_PER_SEC)
          {
            connection->deadline_id = g_timeout_add ((limits->body_seconds * G_USEC_PER_SEC - quiet) / 1000 + 1,
                                                     on_deadline, connection);
            return G_SOURCE_REMOVE;
          }
      }
      G_GNUC_FALLTHROUGH;
    case STATE_HEADERS:
      g_message ("connection from %s: no complete request in time, closed", connection->address);
      refuse (connection, SOUP_STATUS_REQUEST_TIMEOUT, APPEALS_PROBLEM_REQUEST_TIMEOUT);
      connection->state = STATE_HANDLING;   /* libsoup ends it; request-aborted follows, or nothing */
      connection->deadline_id = g_timeout_add_seconds (limits->header_seconds, on_deadline, connection);
      break;
    case STATE_IDLE:
      close_idle (connection);
      break;
    case STATE_HANDLING:
    default:
      /* refused and shut down, yet libsoup has not closed it: it has no
       * message reading it any more */
      close_idle (connection);
      break;
    }

  return G_SOURCE_REMOVE;
}

static void
set_deadline (Connection *connection,
              guint       seconds)
{
  g_clear_handle_id (&connection->deadline_id, g_source_remove);
  if (seconds > 0)
    connection->deadline_id = g_timeout_add_seconds (seconds, on_deadline, connection);
}

static void watch_peer (Connection *connection);

static gboolean
on_recheck (gpointer user_data)
{
  Connection *connection = user_data;

  connection->recheck_id = 0;
  if (connection->state == STATE_IDLE)
    watch_peer (connection);
  return G_SOURCE_REMOVE;
}

/* Idle and readable: the end of the stream (the peer closed) or the next
 * request's first bytes, which libsoup is about to read. */
static gboolean
on_peer_readable (GSocket      *socket,
                  GIOCondition  condition,
                  gpointer      user_data)
{
  Connection *connection = user_data;
  char byte;
  gssize n;

  g_clear_pointer (&connection->peer_watch, g_source_unref);
  if (g_socket_is_closed (socket))
    {
      forget (connection);
      return G_SOURCE_REMOVE;
    }

  n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
    {
      close_idle (connection);
      return G_SOURCE_REMOVE;
    }

  /* bytes (a request, or a TLS alert before the end): look again soon,
   * unless a request has started by then */
  if (n > 0)
    connection->recheck_id = g_timeout_add (250, on_recheck, connection);
  else
    watch_peer (connection);
  return G_SOURCE_REMOVE;
}

static void
watch_peer (Connection *connection)
{
  if (connection->peer_watch != NULL)
    return;
  connection->peer_watch = g_socket_create_source (connection->socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  /* before libsoup's own watch on the same descriptor: once libsoup has
   * read the end itself, its connection can no longer be stolen */
  g_source_set_priority (connection->peer_watch, G_PRIORITY_HIGH);
  g_source_set_callback (connection->peer_watch, G_SOURCE_FUNC (on_peer_readable), connection, NULL);
  g_source_attach (connection->peer_watch, NULL);
}

static gboolean
on_idle_check (gpointer user_data)
{
  GSocket *socket = user_data;
  Connection *connection = g_object_get_data (G_OBJECT (socket), CONNECTION_KEY);

  if (connection == NULL || connection->state != STATE_IDLE)
    return G_SOURCE_REMOVE;
  if (g_socket_is_closed (socket))
    {
      forget (connection);
      return G_SOURCE_REMOVE;
    }

  watch_peer (connection);
  set_deadline (connection, connection->owner->limits.idle_seconds);
  return G_SOURCE_REMOVE;
}

AppealsConnections *
appeals_connections_new (const AppealsConnectionLimits *limits,
                         gboolean                       tls)
{
  AppealsConnections *self = g_new0 (AppealsConnections, 1);

  self->limits = *limits;
  self->tls = tls;
  self->connections = g_hash_table_new_full (NULL, NULL, NULL, connection_free);
  self->per_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
appeals_connections_free (AppealsConnections *self)
{
  GHashTableIter iter;
  gpointer socket;

  if (self == NULL)
    return;
  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, &socket, NULL))
    g_object_set_data (G_OBJECT (socket), CONNECTION_KEY, NULL);
  g_hash_table_unref (self->connections);
  g_hash_table_unref (self->per_address);
  g_free (self);
}

static Connection *
lookup (SoupServerMessage *message)
{
  GSocket *socket = soup_server_message_get_socket (message);

  return socket != NULL ? g_object_get_data (G_OBJECT (socket), CONNECTION_KEY) : NULL;
}

/* libsoup 3.1.2 to 3.3 keep the reference g_socket_accept() gave their
 * listener (fixed in 3.4.0, commit b545d5f0): every accepted socket
 * object, about 350 bytes, lives for ever. Here the socket's only other
 * holder is its SoupServerConnection (two references where a fixed
 * libsoup has one); the watch adopts the listener's reference instead
 * of taking its own. */
static gboolean
listener_leaks_socket (GSocket *socket)
{
  guint minor = soup_get_minor_version ();

  return soup_get_major_version () == 3 && minor >= 1 && minor < 4 && G_OBJECT (socket)->ref_count == 2;
}

/**
 * appeals_connections_request_started:
 *
 * A message has started on its connection: at accept for a new
 * connection (which is counted against its address's cap here), at the
 * first byte for the next request on a kept-alive one.
 */
void
appeals_connections_request_started (AppealsConnections *self,
                                     SoupServerMessage  *message)
{
  GSocket *socket = soup_server_message_get_socket (message);
  Connection *connection;

  if (socket == NULL)
    return;

  connection = g_object_get_data (G_OBJECT (socket), CONNECTION_KEY);
  if (connection == NULL)
    {
      const char *address = soup_server_message_get_remote_host (message);
      guint count;

      connection = g_new0 (Connection, 1);
      connection->owner = self;
      /* the listener's reference, if it leaks one, becomes ours */
      connection->socket = listener_leaks_socket (socket) ? socket : g_object_ref (socket);
      connection->address = g_strdup (address != NULL ? address : "");
      connection->tls = self->tls;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, connection->address)) + 1;
      g_hash_table_insert (self->per_address, g_strdup (connection->address), GUINT_TO_POINTER (count));
      g_hash_table_insert (self->connections, socket, connection);
      g_object_set_data (G_OBJECT (socket), CONNECTION_KEY, connection);

      if (self->limits.max_per_address > 0 && count > self->limits.max_per_address &&
          g_strcmp0 (connection->address, self->limits.trusted_proxy) != 0)
        {
          g_message ("connection from %s: %u open, refused", connection->address, count);
          connection->state = STATE_HANDLING;
          refuse (connection, 429, APPEALS_PROBLEM_TOO_MANY_REQUESTS);
          set_deadline (connection, 1);
          return;
        }
    }

  connection_stop_watching (connection);
  connection->state = STATE_HEADERS;
  set_deadline (connection, self->limits.header_seconds);
}

/* The request's headers are in: the body must keep coming. */
void
appeals_connections_got_headers (AppealsConnections *self,
                                 SoupServerMessage  *message)
{
  Connection *connection = lookup (message);

  if (connection == NULL || connection->state == STATE_HANDLING)
    return;
  connection->state = STATE_BODY;
  connection->progress_usec = g_get_monotonic_time ();
  set_deadline (connection, self->limits.body_seconds);
}

void
appeals_connections_got_chunk (AppealsConnections *self,
                               SoupServerMessage  *message)
{
  Connection *connection = lookup (message);

  if (connection != NULL)
    connection->progress_usec = g_get_monotonic_time ();
}

/* The whole request is in: its handler answers, however long it takes. */
void
appeals_connections_got_body (AppealsConnections *self,
                              SoupServerMessage  *message)
{
  Connection *connection = lookup (message);

  if (connection == NULL)
    return;
  connection->state = STATE_HANDLING;
  g_clear_handle_id (&connection->deadline_id, g_source_remove);
}

/* The answer is out, or the request was aborted: libsoup closes the
 * connection now or keeps it for the next request; which one is known
 * once it is done with this one. */
void
appeals_connections_request_done (AppealsConnections *self,
                                  SoupServerMessage  *message)
{
  Connection *connection = lookup (message);

  if (connection == NULL)
    return;
  connection_stop_watching (connection);
  g_set_object (&connection->message, message);
  connection->state = STATE_IDLE;
  /* watched from now on, before libsoup starts waiting for the next request */
  watch_peer (connection);
  g_idle_add_full (G_PRIORITY_DEFAULT, on_idle_check, g_object_ref (connection->socket), g_object_unref);
}

/**
 * appeals_connections_refuse:
 *
 * Answers @message's request at once from below libsoup, which would
 * otherwise wait for a body that will never come, and closes its
 * connection.
 */
void
appeals_connections_refuse (AppealsConnections *self,
                            SoupServerMessage  *message,
                            guint               status,
                            const char         *code)
{
  Connection *connection = lookup (message);

  if (connection == NULL)
    return;
  connection_stop_watching (connection);
  connection->state = STATE_HANDLING;
  refuse (connection, status, code);
  set_deadline (connection, 1);
}

guint
appeals_connections_get_count (AppealsConnections *self)
{
  return g_hash_table_size (self->connections);
}

/**
 * appeals_connections_client_address:
 *
 * Returns: the address of the client that sent @message: the peer's, or
 *   behind the trusted reverse proxy the one it names in X-Real-IP.
 */
const char *
appeals_connections_client_address (const AppealsConnectionLimits *limits,
                                    SoupServerMessage             *message)
{
  const char *peer = soup_server_message_get_remote_host (message);
  const char *forwarded;

  if (limits->trusted_proxy == NULL || g_strcmp0 (peer, limits->trusted_proxy) != 0)
    return peer;
  forwarded = soup_message_headers_get_one (soup_server_message_get_request_headers (message), "X-Real-IP");
  return forwarded != NULL && *forwarded != '\0' ? forwarded : peer;
}
