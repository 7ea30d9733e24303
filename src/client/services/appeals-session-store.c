/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-session-store.c: only the token is secret; the attributes (server
 * and login) are stored in clear, as libsecret documents, so nothing
 * secret goes into them. All calls are asynchronous: the synchronous ones
 * can block the interface for a long time.
 */
#include "config.h"

#include <libsecret/secret.h>
#include <glib/gi18n-lib.h>

#include "appeals-session-store.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID ".Session", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "NULL", 0 },
    }
  };

  return &schema;
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
appeals_session_store_save_async (const char          *server,
                                  const char          *login,
                                  const char          *token,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = g_strdup_printf (_("Appeals Desk session of %s at %s"), login, server);

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, token, cancellable,
                         on_stored, task,
                         "server", server, "login", login, NULL);
}

gboolean
appeals_session_store_save_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

/**
 * appeals_session_store_lookup_async:
 *
 * Finishes with the stored token, or %NULL without an error when none is
 * stored.
 */
void
appeals_session_store_lookup_async (const char          *server,
                                    const char          *login,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  secret_password_lookup (get_schema (), cancellable, on_looked_up, task,
                          "server", server, "login", login, NULL);
}

char *
appeals_session_store_lookup_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
appeals_session_store_clear_async (const char          *server,
                                   const char          *login,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  secret_password_clear (get_schema (), cancellable, on_cleared, task,
                         "server", server, "login", login, NULL);
}

gboolean
appeals_session_store_clear_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
