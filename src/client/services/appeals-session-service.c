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
static void
on_session_answered (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  gboolean with_token = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = appeals_api_client_call_finish (APPEALS_API_CLIENT (source), result, NULL, &error);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  Session *session;

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  session = g_new0 (Session, 1);
  if (object != NULL)
    {
      session->user = appeals_user_new_from_json (json_object_get_member (object, "user"), &error);
      session->token = g_strdup (json_object_get_string_member_with_default (object, "token", NULL));
    }

  if (session->user == NULL || (with_token && session->token == NULL))
    {
      session_free (session);
      g_task_return_new_error (task, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, "%s",
                               error != NULL ? error->message : appeals_problem_code_describe (APPEALS_PROBLEM_INTERNAL_ERROR));
      return;
    }

  g_task_return_pointer (task, session, (GDestroyNotify) session_free);
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
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_task_set_source_tag (task, appeals_session_service_sign_in_async);
  g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "login");
  json_builder_add_string_value (builder, login);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  appeals_api_client_request_async (self->client, "POST", "session", body, NULL, NULL, cancellable,
                                    on_session_answered, g_steal_pointer (&task));
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
  Session *session;
  AppealsUser *user;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  session = g_task_propagate_pointer (G_TASK (result), error);
  if (session == NULL)
    return NULL;

  if (token != NULL)
    *token = g_steal_pointer (&session->token);
  user = g_steal_pointer (&session->user);
  session_free (session);
  return user;
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
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, appeals_session_service_check_async);
  appeals_api_client_request_async (self->client, "GET", "session", NULL, NULL, NULL, cancellable,
                                    on_session_answered, g_steal_pointer (&task));
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
  return appeals_session_service_sign_in_finish (self, result, NULL, error);
}

/* An answer that is only a yes: sign-out, the server's health. */
static void
on_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = appeals_api_client_call_finish (APPEALS_API_CLIENT (source), result, NULL, &error);

  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
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
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, appeals_session_service_sign_out_async);
  appeals_api_client_request_async (self->client, "DELETE", "session", NULL, NULL, NULL, cancellable,
                                    on_done, g_steal_pointer (&task));
}

gboolean
appeals_session_service_sign_out_finish (AppealsSessionService  *self,
                                         GAsyncResult           *result,
                                         GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, appeals_session_service_ping_async);
  appeals_api_client_request_async (self->client, "GET", "health", NULL, NULL, NULL, cancellable,
                                    on_done, g_steal_pointer (&task));
}

gboolean
appeals_session_service_ping_finish (AppealsSessionService  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
