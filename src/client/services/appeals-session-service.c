/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-session-service.c: sessions on the server.
 *
 *   POST   session   {login, password} → {token, user, …}
 *   GET    session   the kept token's session → {user, …}
 *   DELETE session   the end of the session
 */
#include "config.h"

#include "appeals-session-service.h"
#include "appeals-service-call.h"

struct _AppealsSessionService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsSessionService, appeals_session_service, G_TYPE_OBJECT)

static void
appeals_session_service_finalize (GObject *object)
{
  AppealsSessionService *self = (AppealsSessionService *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (appeals_session_service_parent_class)->finalize (object);
}

static void
appeals_session_service_class_init (AppealsSessionServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_session_service_finalize;
}

static void
appeals_session_service_init (AppealsSessionService *self)
{
}

AppealsSessionService *
appeals_session_service_new (AppealsApiClient *client)
{
  AppealsSessionService *self = g_object_new (APPEALS_TYPE_SESSION_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}

typedef struct
{
  AppealsUser *user;
  char        *token;
} Session;

static void
session_free (Session *session)
{
  g_clear_object (&session->user);
  g_free (session->token);
  g_free (session);
}

/* Reads {"user": …, "token": …}; the token only when @with_token. */
static gpointer
read_session (JsonNode  *node,
              gpointer   with_token,
              GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(GError) local_error = NULL;
  Session *session = g_new0 (Session, 1);

  if (object != NULL)
    {
      session->user = appeals_user_new_from_json (json_object_get_member (object, "user"), &local_error);
      session->token = g_strdup (json_object_get_string_member_with_default (object, "token", NULL));
    }

  if (session->user == NULL || (GPOINTER_TO_INT (with_token) && session->token == NULL))
    {
      session_free (session);
      g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED,
                           local_error != NULL ? local_error->message
                                               : appeals_problem_code_describe (APPEALS_PROBLEM_INTERNAL_ERROR));
      return NULL;
    }
  return session;
}

static AppealsUser *
finish_session (AppealsSessionService  *self,
                GAsyncResult           *result,
                gpointer                source_tag,
                char                  **token,
                GError                **error)
{
  Session *session = appeals_service_call_finish (self, result, source_tag, NULL, error);
  AppealsUser *user;

  if (session == NULL)
    return NULL;

  if (token != NULL)
    *token = g_steal_pointer (&session->token);
  user = g_steal_pointer (&session->user);
  session_free (session);
  return user;
}

/**
 * appeals_session_service_sign_in_async:
 *
 * Opens a session. A wrong password, a locked account or a missing server
 * fail with an %APPEALS_SERVICE_ERROR whose message can be shown as it is.
 */
void
appeals_session_service_sign_in_async (AppealsSessionService *self,
                                       const char            *login,
                                       const char            *password,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "login");
  json_builder_add_string_value (builder, login);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  appeals_service_call_async (self->client, self, appeals_session_service_sign_in_async, "POST", "session", body,
                              NULL, NULL, read_session, GINT_TO_POINTER (TRUE), NULL, (GDestroyNotify) session_free,
                              cancellable, callback, user_data);
}

/**
 * appeals_session_service_sign_in_finish:
 * @token: (out) (optional): the new session's token
 *
 * Returns: (transfer full) (nullable): the signed-in user
 */
AppealsUser *
appeals_session_service_sign_in_finish (AppealsSessionService  *self,
                                        GAsyncResult           *result,
                                        char                  **token,
                                        GError                **error)
{
  return finish_session (self, result, appeals_session_service_sign_in_async, token, error);
}

/**
 * appeals_session_service_check_async:
 *
 * Asks whether the client's token still opens a session. A refused token
 * fails with %APPEALS_SERVICE_ERROR_UNAUTHORIZED; a server out of reach
 * with %APPEALS_SERVICE_ERROR_NETWORK (the token may still be good).
 */
void
appeals_session_service_check_async (AppealsSessionService *self,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  appeals_service_call_async (self->client, self, appeals_session_service_check_async, "GET", "session", NULL,
                              NULL, NULL, read_session, GINT_TO_POINTER (FALSE), NULL, (GDestroyNotify) session_free,
                              cancellable, callback, user_data);
}

/**
 * appeals_session_service_check_finish:
 *
 * Returns: (transfer full) (nullable): the session's user
 */
AppealsUser *
appeals_session_service_check_finish (AppealsSessionService  *self,
                                      GAsyncResult           *result,
                                      GError                **error)
{
  return finish_session (self, result, appeals_session_service_check_async, NULL, error);
}

/**
 * appeals_session_service_sign_out_async:
 *
 * Ends the client's session on the server, so its token opens nothing
 * any more.
 */
void
appeals_session_service_sign_out_async (AppealsSessionService *self,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data)
{
  /* the answer is only a yes */
  appeals_service_call_async (self->client, self, appeals_session_service_sign_out_async, "DELETE", "session", NULL, NULL, NULL,
                              NULL, NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
appeals_session_service_sign_out_finish (AppealsSessionService  *self,
                                         GAsyncResult           *result,
                                         GError                **error)
{
  return appeals_service_call_finish_boolean (self, result, appeals_session_service_sign_out_async, error);
}

/**
 * appeals_session_service_ping_async:
 *
 * Asks whether the server answers at all (GET /health), for the window
 * that waits for a lost connection; no session is needed.
 */
void
appeals_session_service_ping_async (AppealsSessionService *self,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  /* the answer is only a yes */
  appeals_service_call_async (self->client, self, appeals_session_service_ping_async, "GET", "health", NULL, NULL, NULL,
                              NULL, NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
appeals_session_service_ping_finish (AppealsSessionService  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  return appeals_service_call_finish_boolean (self, result, appeals_session_service_ping_async, error);
}
