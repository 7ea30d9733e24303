/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-dispatch.c: what happens to a request once its route is known.
 *
 * Sign-in, role, body, Idempotency-Key, then the handler inside one
 * database transaction (so nothing is ever half-written), with replays
 * in the same transaction. A request that reads (GET) runs in a
 * transaction that lets readers of other connections go on side by side.
 *
 * appeals_dispatch_push() runs all of it on a worker of the pool, on the
 * worker's connection, while the message waits paused; the answer goes
 * back to libsoup on the main context. If the client goes away meanwhile,
 * the request's cancellable stops its statements.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "appeals-auth.h"
#include "appeals-dispatch.h"
#include "appeals-request-body.h"

#define MAX_IDEMPOTENCY_KEY 200

typedef struct
{
  AppealsRequest     *request;
  const AppealsRoute *route;
} Dispatch;

static gboolean
run_handler_in_transaction (AppealsDb  *db,
                            gpointer    user_data,
                            GError    **error)
{
  Dispatch *dispatch = user_data;
  AppealsRequest *request = dispatch->request;
  g_autofree char *fingerprint = NULL;

  /* A retried transaction starts from a clean answer. */
  request->answered = FALSE;
  soup_message_headers_remove (request->response_headers, "Location");
  soup_message_headers_remove (request->response_headers, "ETag");

  if (request->idempotency_key != NULL)
    {
      gboolean replayed;

      fingerprint = appeals_request_fingerprint (request);
      if (!appeals_request_replay_idempotent (request, fingerprint, &replayed, error))
        return FALSE;
      if (replayed)
        return TRUE;
    }

  if (!dispatch->route->handler (request, error))
    return FALSE;

  if (request->idempotency_key != NULL && request->answered &&
      request->status >= 200 && request->status < 300)
    return appeals_db_exec (db,
                            "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, status, "
                            "location, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            g_variant_new ("(xssxmssx)", request->user->id, request->idempotency_key,
                                           fingerprint, (gint64) request->status, request->location,
                                           request->response_body, g_get_real_time () / G_USEC_PER_SEC),
                            error);

  return TRUE;
}

void
appeals_dispatch_answer_error (AppealsRequest *request,
                               const GError   *error)
{
  if (g_error_matches (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_BUSY) ||
      g_error_matches (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONNECTION) ||
      g_error_matches (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CANCELLED))
    {
      if (request->cancellable != NULL && g_cancellable_is_cancelled (request->cancellable))
        g_message ("request %" G_GUINT64_FORMAT ": stopped, the client went away", request->id);
      else if (error->code == APPEALS_DB_ERROR_CANCELLED)
        {
          /* the same request would run as long again: not "retry", but
           * ask for less (a report of ten years at a million appeals) */
          g_warning ("request %" G_GUINT64_FORMAT ": over the statement timeout: %s", request->id, error->message);
          appeals_request_respond_problem (request, SOUP_STATUS_SERVICE_UNAVAILABLE,
                                           APPEALS_PROBLEM_TOOK_TOO_LONG, NULL, NULL);
          return;
        }
      else
        g_warning ("request %" G_GUINT64_FORMAT ": storage unavailable: %s", request->id, error->message);
      appeals_request_set_header (request, "Retry-After", "1");
      appeals_request_respond_problem (request, SOUP_STATUS_SERVICE_UNAVAILABLE,
                                       APPEALS_PROBLEM_SERVICE_UNAVAILABLE, NULL, NULL);
    }
  else if (g_error_matches (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONSTRAINT))
    appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_CONFLICT, NULL, NULL);
  else
    {
      g_warning ("request %" G_GUINT64_FORMAT ": %s", request->id, error->message);
      appeals_request_respond_problem (request, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                       APPEALS_PROBLEM_INTERNAL_ERROR, NULL, NULL);
    }
}

/* Whether the signed-in user may call @route; answers 401 or 403 if not. */
static gboolean
check_caller (AppealsRequest     *request,
              const AppealsRoute *route)
{
  g_autoptr(GError) error = NULL;

  if (route->flags & APPEALS_ROUTE_PUBLIC)
    return TRUE;

  if (!appeals_auth_authenticate (request, &error))
    {
      if (error != NULL)
        appeals_dispatch_answer_error (request, error);
      else
        {
          appeals_request_set_header (request, "WWW-Authenticate", "Bearer");
          appeals_request_respond_problem (request, SOUP_STATUS_UNAUTHORIZED,
                                           APPEALS_PROBLEM_UNAUTHORIZED, NULL, NULL);
        }
      return FALSE;
    }

  if (!(route->allow & (1 << request->user->role)))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_FORBIDDEN, APPEALS_PROBLEM_FORBIDDEN, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * appeals_dispatch_serve:
 *
 * Answers @request by @route on request->db, on the calling thread; an
 * async route may instead pause the request and answer later.
 */
void
appeals_dispatch_serve (AppealsRequest     *request,
                        const AppealsRoute *route)
{
  const AppealsServerConfig *config = appeals_server_get_config (request->server);
  g_autoptr(GError) error = NULL;
  const char *key;
  Dispatch dispatch;
  gboolean done;

  if (!check_caller (request, route) || !appeals_request_read_body (request, config, route))
    return;

  key = appeals_request_get_header (request, "Idempotency-Key");
  if (key != NULL && (route->flags & APPEALS_ROUTE_IDEMPOTENT) && request->user != NULL)
    {
      if (*key == '\0' || strlen (key) > MAX_IDEMPOTENCY_KEY)
        {
          appeals_request_respond_field_error (request, SOUP_STATUS_BAD_REQUEST, "Idempotency-Key",
                                               APPEALS_FIELD_INVALID_VALUE, NULL);
          return;
        }
      request->idempotency_key = g_strdup (key);
    }

  if (route->flags & APPEALS_ROUTE_ASYNC)
    {
      if (!route->handler (request, &error))
        appeals_dispatch_answer_error (request, error);
      return;
    }

  dispatch.request = request;
  dispatch.route = route;
  if (g_str_equal (request->method, "GET"))
    done = appeals_db_run_read_transaction (request->db, run_handler_in_transaction, &dispatch, &error);
  else
    done = appeals_db_run_transaction (request->db, run_handler_in_transaction, &dispatch, &error);

  if (!done)
    {
      /* A handler may refuse after starting to write: its answer stands,
       * and the transaction was rolled back. */
      if (!request->answered || error->domain == APPEALS_DB_ERROR)
        appeals_dispatch_answer_error (request, error);
    }
  else if (!request->answered)
    {
      g_warning ("%s %s: the handler gave no answer", request->method, request->path);
      appeals_request_respond_problem (request, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                       APPEALS_PROBLEM_INTERNAL_ERROR, NULL, NULL);
    }
}

/* The pool ----------------------------------------------------------------- */

typedef struct
{
  AppealsServer      *server;    /* a reference: it outlives its jobs */
  AppealsRequest     *request;
  const AppealsRoute *route;
  GSource            *hang_up;   /* watches the client while the job runs */
} Pending;

static void
serve_on_worker (AppealsDb *db,
                 gpointer   data)
{
  Pending *pending = data;
  AppealsRequest *request = pending->request;
  AppealsDb *main_db = request->db;

  /* a client that left while the job waited gets nothing done for it */
  if (g_cancellable_is_cancelled (request->cancellable))
    {
      g_autoptr(GError) error = g_error_new_literal (APPEALS_DB_ERROR, APPEALS_DB_ERROR_CANCELLED,
                                                     "the client went away");
      appeals_dispatch_answer_error (request, error);
      return;
    }

  request->db = db;
  request->statements_at_start = appeals_db_get_statement_count (db);
  appeals_server_lock_rules (request->server);
  appeals_dispatch_serve (request, pending->route);
  appeals_server_unlock_rules (request->server);
  request->db = main_db;
}

static gboolean
on_served (gpointer data)
{
  Pending *pending = data;

  if (pending->hang_up != NULL)
    {
      g_source_destroy (pending->hang_up);
      g_source_unref (pending->hang_up);
    }
  appeals_server_finish_request (pending->server, pending->request);
  g_object_unref (pending->server);
  g_free (pending);
  return G_SOURCE_REMOVE;
}

/* The client's socket became readable while its request is paused: the
 * end of the stream (or a reset) means it went away; data is a next
 * request sent ahead, and the watch stops. The condition GLib hands over
 * is not trusted: a GSocket with a timeout (libsoup's) dispatches its
 * sources with every condition when the timeout passes. */
static gboolean
on_client_readable (GSocket      *socket,
                    GIOCondition  condition,
                    gpointer      data)
{
  Pending *pending = data;
  char byte;
  gssize n;

  n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n > 0)
    return G_SOURCE_REMOVE;
  if (n < 0 && (errno == EAGAIN || errno == EINTR))   /* EWOULDBLOCK is EAGAIN on Linux */
    return G_SOURCE_CONTINUE;

  g_cancellable_cancel (pending->request->cancellable);
  return G_SOURCE_REMOVE;
}

/**
 * appeals_dispatch_push:
 *
 * Pauses @request's message and serves it on a worker; the answer is sent
 * from the main context when it is ready. Journal pages, searches,
 * reports (%APPEALS_ROUTE_SLOW) go to the slow half of the pool.
 */
void
appeals_dispatch_push (AppealsWorkers     *workers,
                       AppealsRequest     *request,
                       const AppealsRoute *route)
{
  Pending *pending = g_new0 (Pending, 1);
  GSocket *socket = soup_server_message_get_socket (request->message);

  pending->server = g_object_ref (request->server);
  pending->request = request;
  pending->route = route;
  request->cancellable = g_cancellable_new ();
  request->paused = TRUE;
  soup_server_message_pause (request->message);

  if (socket != NULL)
    {
      pending->hang_up = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
      g_source_set_callback (pending->hang_up, G_SOURCE_FUNC (on_client_readable), pending, NULL);
      g_source_attach (pending->hang_up, g_main_context_get_thread_default ());
    }

  appeals_workers_push (workers, (route->flags & APPEALS_ROUTE_SLOW) != 0, request->cancellable,
                        serve_on_worker, on_served, pending);
}
