/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-server.c: the request pipeline.
 *
 * Every request passes the same steps: route, language, limits, then
 * (appeals-dispatch.c) sign-in, role, body and the handler inside one
 * database transaction. libsoup is driven from the main loop only; the
 * storage work of a request runs on a worker of the pool, on the worker's
 * own connection, while its message is paused (appeals-workers.c), so a
 * long search holds up no one. Sign-in, whose password hashing runs in a
 * thread of its own, stays on the main loop's connection.
 *
 * A request is "active" from its headers to the end of its answer. On
 * SIGTERM the server refuses new requests (503) and stops once the active
 * ones, bodies still arriving included, have been answered.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "appeals-auth.h"
#include "appeals-connections.h"
#include "appeals-dispatch.h"
#include "appeals-rules.h"
#include "appeals-server.h"

#define LISTEN_BACKLOG 1024
#define DRAIN_SECONDS 30
#define ACTIVE_KEY "appeals-active"

struct _AppealsServer
{
  GObject               parent_instance;

  AppealsServerConfig   config;
  AppealsDb            *db;
  SoupServer           *soup;
  GSocket              *socket;
  gboolean              https;
  AppealsConnections   *connections;
  AppealsRouter        *router;
  AppealsRules         *rules;
  GRWLock               rules_lock;  /* workers read, a reload writes */
  AppealsWorkers       *workers;     /* NULL: everything on the main loop */
  char                 *malformed;   /* the answer libsoup gives a request it cannot read */
  guint                 active;      /* requests between headers and answer */
  guint                 drain_timeout;
  gboolean              stopping;
  GMainLoop            *stop_loop;
};

G_DEFINE_FINAL_TYPE (AppealsServer, appeals_server, G_TYPE_OBJECT)

static void
appeals_server_finalize (GObject *object)
{
  AppealsServer *self = (AppealsServer *)object;

  g_clear_handle_id (&self->drain_timeout, g_source_remove);
  if (self->soup != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->soup, self);
      soup_server_disconnect (self->soup);
    }
  g_clear_object (&self->soup);
  g_clear_pointer (&self->connections, appeals_connections_free);
  g_clear_object (&self->socket);
  g_clear_pointer (&self->workers, appeals_workers_free);
  g_clear_object (&self->db);
  g_clear_pointer (&self->router, appeals_router_free);
  g_clear_pointer (&self->rules, appeals_rules_free);
  g_clear_pointer (&self->config.database, g_free);
  g_clear_pointer (&self->malformed, g_free);
  g_rw_lock_clear (&self->rules_lock);

  G_OBJECT_CLASS (appeals_server_parent_class)->finalize (object);
}

static void
appeals_server_class_init (AppealsServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_server_finalize;
}

static void
appeals_server_init (AppealsServer *self)
{
  self->router = appeals_router_new ();
  g_rw_lock_init (&self->rules_lock);
}

/* Time and dates ------------------------------------------------------- */

void
appeals_server_get_today (GDate *today)
{
  appeals_date_get_today (today);
}

char *
appeals_server_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

/* Routes ---------------------------------------------------------------- */

void
appeals_server_add_route (AppealsServer     *self,
                          const char        *method,
                          const char        *pattern,
                          AppealsAllow       allow,
                          AppealsRouteFlags  flags,
                          AppealsRouteFunc   handler)
{
  appeals_router_add (self->router, method, pattern, allow, flags, handler);
}

/**
 * appeals_server_list_routes:
 *
 * Returns: (transfer container): "METHOD /pattern" strings, sorted.
 */
GPtrArray *
appeals_server_list_routes (AppealsServer *self)
{
  return appeals_router_list (self->router);
}

/* The largest body a request may carry: files for upload routes, JSON
 * for the rest. */
static gsize
body_limit_for (AppealsServer *self,
                const char    *method,
                const char    *path,
                gboolean      *upload)
{
  *upload = appeals_router_is_upload (self->router, method, path);
  return *upload ? self->config.max_attachment_bytes : self->config.max_body_bytes;
}

/* Finds the route for the request; answers 404 or 405 when there is none. */
static const AppealsRoute *
find_route (AppealsServer  *self,
            AppealsRequest *request)
{
  g_autofree char *allowed = NULL;
  const AppealsRoute *route = appeals_router_match (self->router, request->method, request->path,
                                                    request->params, &allowed);

  if (route != NULL)
    return route;

  if (allowed != NULL)
    {
      appeals_request_set_header (request, "Allow", allowed);
      appeals_request_respond_problem (request, SOUP_STATUS_METHOD_NOT_ALLOWED,
                                       APPEALS_PROBLEM_METHOD_NOT_ALLOWED, NULL, NULL);
    }
  else
    appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);

  return NULL;
}

/* Request pipeline ------------------------------------------------------ */

static const char *
pick_language (const char *accept_language)
{
  g_auto(GStrv) ranges = NULL;

  if (accept_language == NULL)
    return "en";

  /* The first of kk and ru in the client's order of preference. */
  ranges = g_strsplit (accept_language, ",", -1);
  for (guint i = 0; ranges[i] != NULL; i++)
    {
      g_autofree char *range = g_ascii_strdown (g_strstrip (ranges[i]), -1);

      if (g_str_has_prefix (range, "kk"))
        return "kk";
      if (g_str_has_prefix (range, "ru"))
        return "ru";
      if (g_str_has_prefix (range, "en"))
        return "en";
    }

  return "en";
}

static void
log_request (AppealsRequest *request)
{
  g_message ("request %" G_GUINT64_FORMAT " %s %s → %u in %.1f ms (%s)",
             request->id, request->method, request->path, request->status,
             (g_get_monotonic_time () - request->started_usec) / 1000.0,
             appeals_request_actor (request));
}

void
appeals_server_finish_request (AppealsServer  *self,
                               AppealsRequest *request)
{
  appeals_request_add_answer_headers (request);
  /* unless the client went away meanwhile (request-aborted) */
  if (request->paused && g_object_get_data (G_OBJECT (request->message), ACTIVE_KEY) != NULL)
    soup_server_message_unpause (request->message);

  log_request (request);
  appeals_request_free (request);
}

/* Route and language, on the main loop: returns the route, or NULL once
 * the request has been answered. */
static const AppealsRoute *
route_request (AppealsServer  *self,
               AppealsRequest *request)
{
  request->language = pick_language (appeals_request_get_header (request, "Accept-Language"));

  if (!appeals_request_check_encoding (request))
    return NULL;

  return find_route (self, request);
}

static void
server_callback (SoupServer        *soup,
                 SoupServerMessage *message,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  AppealsServer *self = user_data;
  const AppealsRoute *route;
  AppealsRequest *request;

  appeals_connections_got_body (self->connections, message);
  request = appeals_request_new (self, message);
  if (soup_server_message_get_request_body (message)->length > 0)
    request->sent_body = soup_message_body_flatten (soup_server_message_get_request_body (message));

  route = route_request (self, request);
  if (route != NULL && self->workers != NULL && !(route->flags & APPEALS_ROUTE_ASYNC))
    {
      appeals_dispatch_push (self->workers, request, route);
      return;
    }
  if (route != NULL)
    appeals_dispatch_serve (request, route);

  if (request->paused)
    {
      soup_server_message_pause (message);
      return;
    }

  appeals_request_add_answer_headers (request);
  log_request (request);
  appeals_request_free (request);
}

static void
maybe_stopped (AppealsServer *self)
{
  if (self->stopping && self->active == 0 && self->stop_loop != NULL)
    {
      g_clear_handle_id (&self->drain_timeout, g_source_remove);
      g_main_loop_quit (g_steal_pointer (&self->stop_loop));
    }
}

/* request-finished and request-aborted: the answer is out (or never will be). */
static void
on_request_done (SoupServer        *soup,
                 SoupServerMessage *message,
                 gpointer           user_data)
{
  AppealsServer *self = user_data;

  appeals_connections_request_done (self->connections, message);
  if (g_object_steal_data (G_OBJECT (message), ACTIVE_KEY) == NULL)
    return;
  g_assert (self->active > 0);
  self->active--;
  maybe_stopped (self);
}

/* libsoup reads a refused request's body all the same before it answers:
 * it is thrown away as it comes, and a sender that goes on and on is cut
 * off without an answer. */
#define MAX_DISCARDED_BYTES (64 * 1024 * 1024)

static void
on_discarded_chunk (SoupServerMessage *message,
                    GBytes            *chunk)
{
  gsize discarded = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (message), "appeals-discarded"));

  discarded += g_bytes_get_size (chunk);
  g_object_set_data (G_OBJECT (message), "appeals-discarded", GSIZE_TO_POINTER (discarded));
  if (discarded > MAX_DISCARDED_BYTES && soup_server_message_get_socket (message) != NULL)
    g_socket_shutdown (soup_server_message_get_socket (message), TRUE, TRUE, NULL);
}

/* Answers from the headers alone, keeping none of the body, and closes. */
static void
refuse_early (AppealsServer     *self,
              SoupServerMessage *message,
              guint              status,
              const char        *code)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  AppealsRequest *request = appeals_request_new (self, message);

  request->language = pick_language (soup_message_headers_get_one (headers, "Accept-Language"));
  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    appeals_request_set_header (request, "Retry-After", "5");
  appeals_request_respond_problem (request, status, code, NULL, NULL);
  soup_message_headers_append (soup_server_message_get_response_headers (message), "Connection", "close");
  soup_message_body_set_accumulate (soup_server_message_get_request_body (message), FALSE);
  g_signal_connect (message, "got-chunk", G_CALLBACK (on_discarded_chunk), NULL);
  appeals_request_add_answer_headers (request);
  log_request (request);
  appeals_request_free (request);
}

/* Every request's headers pass here before its body is read: a stopping
 * server takes nothing new; a body must state its length, and one over
 * the limit is refused before it is read. */
static void
early_callback (SoupServer        *soup,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  AppealsServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);
  gboolean upload;
  gsize limit;
  guint status;
  const char *code;

  appeals_connections_got_headers (self->connections, message);
  /* the headers were read: the answer is the pipeline's, not libsoup's */
  soup_message_headers_remove (soup_server_message_get_response_headers (message), "Content-Type");
  soup_message_body_truncate (soup_server_message_get_response_body (message));

  if (!appeals_content_length_is_sound (soup_message_headers_get_list (headers, "Content-Length")))
    {
      appeals_connections_refuse (self->connections, message, SOUP_STATUS_BAD_REQUEST,
                                  APPEALS_PROBLEM_MALFORMED_REQUEST);
      return;
    }

  self->active++;
  g_object_set_data (G_OBJECT (message), ACTIVE_KEY, GINT_TO_POINTER (TRUE));

  if (self->stopping)
    {
      refuse_early (self, message, SOUP_STATUS_SERVICE_UNAVAILABLE, APPEALS_PROBLEM_SERVICE_UNAVAILABLE);
      return;
    }
  if ((status = appeals_request_head_problem (message, &code)) != 0)
    {
      refuse_early (self, message, status, code);
      return;
    }

  if (encoding != SOUP_ENCODING_CONTENT_LENGTH && encoding != SOUP_ENCODING_NONE)
    {
      refuse_early (self, message, SOUP_STATUS_LENGTH_REQUIRED, APPEALS_PROBLEM_LENGTH_REQUIRED);
      return;
    }

  limit = body_limit_for (self, soup_server_message_get_method (message), path, &upload);
  if (encoding == SOUP_ENCODING_CONTENT_LENGTH && soup_message_headers_get_content_length (headers) > (goffset) limit)
    refuse_early (self, message, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                  upload ? APPEALS_PROBLEM_ATTACHMENT_TOO_LARGE : APPEALS_PROBLEM_BODY_TOO_LARGE);
}

static void
on_got_chunk (SoupServerMessage *message,
              GBytes            *chunk,
              gpointer           user_data)
{
  AppealsServer *self = user_data;

  appeals_connections_got_chunk (self->connections, message);
}

/* A connection was accepted, or the next request on it sent its first
 * byte: from here its time is counted. */
static void
on_request_started (SoupServer        *soup,
                    SoupServerMessage *message,
                    gpointer           user_data)
{
  AppealsServer *self = user_data;

  appeals_connections_request_started (self->connections, message);
  /* what libsoup sends if it cannot read the request (it answers 400 by
   * itself then); the early handler clears it once the headers are read */
  soup_server_message_set_response (message, "application/problem+json; charset=utf-8", SOUP_MEMORY_COPY,
                                    self->malformed, strlen (self->malformed));
  g_signal_connect_object (message, "got-chunk", G_CALLBACK (on_got_chunk), self, 0);
}

/* Construction and listening ------------------------------------------- */

AppealsServer *
appeals_server_new (AppealsDb                 *db,
                    const AppealsServerConfig *config,
                    GError                   **error)
{
  g_autoptr(AppealsServer) self = g_object_new (APPEALS_TYPE_SERVER, NULL);

  self->db = db != NULL ? g_object_ref (db) : NULL;
  self->config = *config;
  self->config.database = g_strdup (config->database);
  /* made once, not for each request: it was an eighth of the
   * instructions of a GET /health */
  self->malformed = appeals_connections_problem_body (SOUP_STATUS_BAD_REQUEST, APPEALS_PROBLEM_MALFORMED_REQUEST);

  self->rules = appeals_rules_load (error);
  if (self->rules == NULL)
    return NULL;

  /* a database only one connection can see is served on the main loop */
  if (config->workers > 0 && config->database != NULL && db != NULL &&
      !g_str_equal (config->database, ":memory:"))
    {
      self->workers = appeals_workers_new (config->database, MAX (2, config->workers),
                                           config->statement_timeout_ms, error);
      if (self->workers == NULL)
        return NULL;
    }

  return g_steal_pointer (&self);
}

static gboolean
parse_address (const char       *address,
               GSocketAddress  **socket_address,
               GError          **error)
{
  const char *colon = strrchr (address, ':');
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  guint64 port;

  if (colon == NULL ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an address to listen on; write HOST:PORT, e.g. 127.0.0.1:8080"), address);
      return FALSE;
    }

  host = g_strndup (address, colon - address);
  if (host[0] == '[' && host[strlen (host) - 1] == ']')
    {
      char *inner = g_strndup (host + 1, strlen (host) - 2);
      g_free (host);
      host = inner;
    }

  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address"), host);
      return FALSE;
    }

  *socket_address = g_inet_socket_address_new (inet, port);
  return TRUE;
}

/**
 * appeals_server_listen:
 * @address: "HOST:PORT"; port 0 picks a free one
 * @certificate: (nullable): serve HTTPS with it
 *
 * Listens with a backlog of 1024: GIO's default of 10 makes clients that
 * connect together wait seconds.
 */
gboolean
appeals_server_listen (AppealsServer    *self,
                       const char       *address,
                       GTlsCertificate  *certificate,
                       GError          **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;

  if (!parse_address (address, &socket_address, error))
    return FALSE;

  self->soup = g_object_new (SOUP_TYPE_SERVER,
                             "server-header", "appeals-server",
                             "tls-certificate", certificate,
                             NULL);
  self->connections = appeals_connections_new (&self->config.connections, certificate != NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (on_request_started), self);
  soup_server_add_early_handler (self->soup, NULL, early_callback, self, NULL);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (on_request_done), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (on_request_done), self);
  soup_server_add_handler (self->soup, NULL, server_callback, self, NULL);

  socket = g_socket_new (g_socket_address_get_family (socket_address),
                         G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;

  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, socket_address, TRUE, error) ||
      !g_socket_listen (socket, error))
    return FALSE;

  if (!soup_server_listen_socket (self->soup, socket,
                                  certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    return FALSE;

  self->socket = g_steal_pointer (&socket);
  self->https = certificate != NULL;
  return TRUE;
}

char *
appeals_server_get_url (AppealsServer *self)
{
  g_autoptr(GSocketAddress) local = NULL;
  g_autofree char *host = NULL;
  GInetAddress *inet;

  g_return_val_if_fail (self->socket != NULL, NULL);

  local = g_socket_get_local_address (self->socket, NULL);
  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local));
  host = g_inet_address_to_string (inet);

  return g_strdup_printf (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6 ? "%s://[%s]:%u/" : "%s://%s:%u/",
                          self->https ? "https" : "http", host,
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)));
}

/**
 * appeals_server_reload_rules:
 *
 * Reads the calendar, the deadline table, the classifiers, the priority
 * categories, the reception workflow and the checklist template again (on
 * SIGHUP), so an administrator can follow a new decree without a restart.
 * A malformed file is refused with a message naming the file and the
 * field, and the rules in force stay. The reference routes' ETags follow
 * the content, so the clients see the change at their next refresh.
 */
gboolean
appeals_server_reload_rules (AppealsServer  *self,
                             GError        **error)
{
  gboolean reloaded;

  /* waits for the requests the workers serve with the rules in force */
  g_rw_lock_writer_lock (&self->rules_lock);
  reloaded = appeals_rules_reload (self->rules, error);
  g_rw_lock_writer_unlock (&self->rules_lock);
  return reloaded;
}

/* Held by a worker while it serves a request: the rules do not change
 * under it. */
void
appeals_server_lock_rules (AppealsServer *self)
{
  g_rw_lock_reader_lock (&self->rules_lock);
}

void
appeals_server_unlock_rules (AppealsServer *self)
{
  g_rw_lock_reader_unlock (&self->rules_lock);
}

/**
 * appeals_server_stop:
 *
 * Stops taking requests and quits @loop once the requests in flight have
 * been answered.
 */
static gboolean
on_drain_timeout (gpointer user_data)
{
  AppealsServer *self = user_data;

  g_warning ("stopping with %u requests unanswered after %d s", self->active, DRAIN_SECONDS);
  self->drain_timeout = 0;
  g_main_loop_quit (g_steal_pointer (&self->stop_loop));
  return G_SOURCE_REMOVE;
}

void
appeals_server_stop (AppealsServer *self,
                     GMainLoop     *loop)
{
  if (self->stopping)
    return;
  self->stopping = TRUE;
  self->stop_loop = loop;

  if (self->active > 0)
    {
      g_message ("stopping: %u requests in flight", self->active);
      self->drain_timeout = g_timeout_add_seconds (DRAIN_SECONDS, on_drain_timeout, self);
    }
  maybe_stopped (self);
}

/**
 * appeals_server_match_route:
 *
 * The route table's answer for @method and @path, as the pipeline asks it
 * (see appeals_router_match()).
 */
const AppealsRoute *
appeals_server_match_route (AppealsServer  *self,
                            const char     *method,
                            const char     *path,
                            GHashTable     *params,
                            char          **allowed)
{
  return appeals_router_match (self->router, method, path, params, allowed);
}

gboolean
appeals_server_is_https (AppealsServer *self)
{
  return self->https;
}

/**
 * appeals_server_push_work:
 * @work: runs with a connection of its own, off the main loop
 * @done: runs afterwards on the main context (it returns
 *   %G_SOURCE_REMOVE)
 *
 * Work of the server's own that may take long (housekeeping that reads a
 * whole table) goes to a slow worker, like a search. A server without
 * workers runs both at once, on the main loop, with its connection.
 */
void
appeals_server_push_work (AppealsServer   *self,
                          AppealsWorkFunc  work,
                          GSourceFunc      done,
                          gpointer         data)
{
  if (self->workers != NULL)
    {
      appeals_workers_push (self->workers, TRUE, NULL, work, done, data);
      return;
    }
  work (self->db, data);
  done (data);
}

AppealsDb *
appeals_server_get_db (AppealsServer *self)
{
  return self->db;
}

const AppealsServerConfig *
appeals_server_get_config (AppealsServer *self)
{
  return &self->config;
}

AppealsCalendar *
appeals_server_get_calendar (AppealsServer *self)
{
  return self->rules->calendar;
}

AppealsDeadlineRules *
appeals_server_get_deadlines (AppealsServer *self)
{
  return self->rules->deadlines;
}

AppealsClassifier *
appeals_server_get_classifier (AppealsServer *self,
                               const char    *name)
{
  return g_hash_table_lookup (self->rules->classifiers, name);
}

AppealsPriorityCatalog *
appeals_server_get_priorities (AppealsServer *self)
{
  return self->rules->priorities;
}

AppealsWorkflow *
appeals_server_get_workflow (AppealsServer *self)
{
  return self->rules->workflow;
}

AppealsChecklistTemplate *
appeals_server_get_checklist (AppealsServer *self)
{
  return self->rules->checklist;
}

AppealsLetterhead *
appeals_server_get_letterhead (AppealsServer *self)
{
  return self->rules->letterhead;
}

AppealsGrowthRule *
appeals_server_get_growth_rule (AppealsServer *self)
{
  return self->rules->growth;
}
