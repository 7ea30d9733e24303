/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-application.c: start-up, sign-in and application actions.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-application.h"
#include "appeals-map-print.h"
#include "appeals-local-server.h"
#include "appeals-preferences-window.h"
#include "appeals-session-store.h"
#include "appeals-sign-in-dialog.h"
#include "appeals-window.h"

#define DEMO_LOGIN "registrar"
#define DEMO_PASSWORD "demo"

struct _AppealsApplication
{
  AdwApplication      parent_instance;

  GSettings          *settings;
  AppealsApiClient   *client;
  AppealsLocalServer *local_server;
  GCancellable       *cancellable;
  AppealsContext     *context;
  char               *login;
  gboolean            demo;
  gboolean            keyring_warned;
  AppealsUser        *pending_user;    /* signed in; waits for the rules */
};

G_DEFINE_FINAL_TYPE (AppealsApplication, appeals_application, ADW_TYPE_APPLICATION)

/* The main window, whichever window (a card, a reception) is active. */
static AppealsWindow *
get_window (AppealsApplication *self)
{
  for (GList *windows = gtk_application_get_windows (GTK_APPLICATION (self)); windows != NULL; windows = windows->next)
    if (APPEALS_IS_WINDOW (windows->data))
      return windows->data;
  return NULL;
}

AppealsApiClient *
appeals_application_get_client (AppealsApplication *self)
{
  return self->client;
}

GSettings *
appeals_application_get_settings (AppealsApplication *self)
{
  return self->settings;
}

const char *
appeals_application_get_server_url (AppealsApplication *self)
{
  return appeals_api_client_get_base_url (self->client);
}

gboolean
appeals_application_is_demo (AppealsApplication *self)
{
  return self->demo;
}

/**
 * appeals_application_get_keyring_unavailable:
 *
 * Returns: whether the keyring refused to keep the session (the user has
 *   been told once).
 */
gboolean
appeals_application_get_keyring_unavailable (AppealsApplication *self)
{
  return self->keyring_warned;
}

AppealsApplication *
appeals_application_get_default (void)
{
  return APPEALS_APPLICATION (g_application_get_default ());
}

/**
 * appeals_application_get_context:
 *
 * Returns: (transfer none): the settings and services every window gets
 */
AppealsContext *
appeals_application_get_context (AppealsApplication *self)
{
  return self->context;
}

static void
on_dialog_signed_in (AppealsApplication *self,
                     AppealsUser        *user,
                     const char         *token)
{
  appeals_application_signed_in (self, user->login, token, user);
}

/* One sign-in dialog at a time: a second refusal (a late answer to a
 * request of the old session) finds the dialog already open, with what
 * the user typed in it. */
static AppealsSignInDialog *
find_sign_in (AppealsApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (APPEALS_IS_SIGN_IN_DIALOG (l->data))
      return l->data;
  return NULL;
}

static void
show_sign_in (AppealsApplication *self,
              const char         *message)
{
  AppealsWindow *window = get_window (self);
  AppealsSignInDialog *dialog = find_sign_in (self);

  if (dialog != NULL)
    {
      if (message != NULL)
        appeals_sign_in_dialog_show_error (dialog, message);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  dialog = appeals_sign_in_dialog_new (self->context, GTK_WINDOW (window));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (on_dialog_signed_in), self, G_CONNECT_SWAPPED);

  if (self->login != NULL)
    appeals_sign_in_dialog_set_login (dialog, self->login);
  if (message != NULL)
    appeals_sign_in_dialog_show_error (dialog, message);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
warn_keyring (AppealsApplication *self,
              const GError       *error)
{
  AppealsWindow *window = get_window (self);

  g_debug ("keyring: %s", error->message);
  if (self->keyring_warned)
    return;

  self->keyring_warned = TRUE;
  if (window != NULL)
    appeals_window_show_toast (window, _("The sign-in cannot be remembered: no keyring is available."));
}

static void
on_token_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AppealsApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!appeals_session_store_save_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    warn_keyring (self, error);
}

/* The rules --------------------------------------------------------------- */

static void load_rules (AppealsApplication *self);

/* The rules are there: the user is signed in from now on, and the
 * window's pages load. */
static void
finish_sign_in (AppealsApplication *self)
{
  AppealsWindow *window = get_window (self);
  g_autoptr(AppealsUser) user = g_steal_pointer (&self->pending_user);

  appeals_api_client_set_user (self->client, user);
  appeals_reference_service_start_refreshing (appeals_context_get_reference_service (self->context));
  if (window != NULL)
    appeals_window_signed_in (window);
}

static void
on_rules_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsApplication) self = user_data;
  AppealsReferenceService *reference = APPEALS_REFERENCE_SERVICE (source);
  AppealsWindow *window = get_window (self);
  g_autoptr(GError) error = NULL;

  if (appeals_reference_service_refresh_finish (reference, result, &error) ||
      appeals_reference_service_has_rules (reference))
    {
      if (self->pending_user != NULL)
        finish_sign_in (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->pending_user == NULL)
    return;

  /* the session is over before the window could load: the context's
   * "session-expired" has asked for a new sign-in already */
  if (g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_UNAUTHORIZED))
    return;

  /* without the rules no due date can be shown: the server is down, so
   * say so and load them once it answers ("connection-restored") */
  if (g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_NETWORK) && window != NULL)
    {
      appeals_window_connection_lost (window);
      return;
    }

  /* refused or unreadable: work on with what came, and say so */
  g_warning ("rules: %s", error->message);
  finish_sign_in (self);
  if (window != NULL)
    appeals_window_show_toast (window, error->message);
}

static void
load_rules (AppealsApplication *self)
{
  appeals_reference_service_refresh_async (appeals_context_get_reference_service (self->context),
                                           self->cancellable, on_rules_loaded, g_object_ref (self));
}

/* The connection is back: rules that changed meanwhile are fetched, and
 * a sign-in that waited for them goes on. */
static void
on_connection_restored (AppealsApplication *self)
{
  if (appeals_api_client_get_token (self->client) != NULL)
    load_rules (self);
}

/**
 * appeals_application_signed_in:
 *
 * Called once a session exists: remembers the login and the token (in the
 * keyring; never in the demo), fetches the rules, and once they are there
 * sets the user and lets the window load.
 */
void
appeals_application_signed_in (AppealsApplication *self,
                               const char         *login,
                               const char         *token,
                               AppealsUser        *user)
{
  g_free (self->login);
  self->login = g_strdup (login);
  appeals_api_client_set_token (self->client, token);
  appeals_api_client_set_user (self->client, NULL);
  g_set_object (&self->pending_user, user);

  if (!self->demo)
    {
      g_settings_set_string (self->settings, "last-login", login);
      appeals_session_store_save_async (appeals_application_get_server_url (self), login, token,
                                        self->cancellable, on_token_saved, g_object_ref (self));
    }

  load_rules (self);
}

static void
on_token_cleared (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!appeals_session_store_clear_finish (result, &error))
    g_debug ("keyring: %s", error->message);
}

static void
on_signed_out (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!appeals_session_service_sign_out_finish (APPEALS_SESSION_SERVICE (source), result, &error))
    g_debug ("sign-out: %s", error->message);
}

/* Forgets the session (on the server too, unless it has ended there) and
 * asks for a sign-in, saying @message if given. */
static void
end_session (AppealsApplication *self,
             gboolean            tell_server,
             const char         *message)
{
  AppealsWindow *window = get_window (self);

  if (tell_server && appeals_api_client_get_token (self->client) != NULL)
    appeals_session_service_sign_out_async (appeals_context_get_session_service (self->context), NULL,
                                            on_signed_out, NULL);

  if (self->login != NULL && !self->demo)
    appeals_session_store_clear_async (appeals_application_get_server_url (self), self->login,
                                       NULL, on_token_cleared, NULL);

  appeals_api_client_set_token (self->client, NULL);
  appeals_api_client_set_user (self->client, NULL);
  g_clear_object (&self->pending_user);
  if (window != NULL)
    appeals_window_signed_out (window);
  show_sign_in (self, message);
}

void
appeals_application_sign_out (AppealsApplication *self)
{
  end_session (self, TRUE, NULL);
}

/* Any request of any page or window was refused with 401: the session is
 * over (expired, or ended elsewhere). */
static void
on_session_expired (AppealsApplication *self)
{
  if (appeals_api_client_get_token (self->client) == NULL)
    return;
  end_session (self, FALSE, appeals_problem_code_describe (APPEALS_PROBLEM_UNAUTHORIZED));
}

/* Silent sign-in ---------------------------------------------------------- */

static void check_session (AppealsApplication *self);

static void
on_session_checked (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AppealsApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsUser) user = appeals_session_service_check_finish (APPEALS_SESSION_SERVICE (source), result,
                                                                     &error);

  if (user != NULL)
    {
      g_autofree char *token = g_strdup (appeals_api_client_get_token (self->client));
      appeals_application_signed_in (self, user->login, token, user);
      return;
    }

  /* the server is down, not the session: keep the token, say so, and try
   * again when it answers */
  if (g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_NETWORK) && get_window (self) != NULL)
    {
      AppealsWindow *window = get_window (self);

      g_signal_handlers_disconnect_by_func (window, check_session, self);
      g_signal_connect_object (window, "connection-restored", G_CALLBACK (check_session), self, G_CONNECT_SWAPPED);
      appeals_window_connection_lost (window);
      return;
    }

  /* a refused token needs no words; a server that cannot be read does */
  appeals_api_client_set_token (self->client, NULL);
  show_sign_in (self, appeals_service_error_get_problem_code (error) == NULL ? error->message : NULL);
}

/* Asks the server whether the kept token still opens a session. */
static void
check_session (AppealsApplication *self)
{
  AppealsWindow *window = get_window (self);

  if (window != NULL)
    g_signal_handlers_disconnect_by_func (window, check_session, self);
  if (appeals_api_client_get_token (self->client) == NULL)
    return;
  appeals_session_service_check_async (appeals_context_get_session_service (self->context), self->cancellable,
                                       on_session_checked, g_object_ref (self));
}

static void
on_token_looked_up (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AppealsApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = appeals_session_store_lookup_finish (result, &error);

  if (error != NULL)
    warn_keyring (self, error);

  if (token == NULL)
    {
      show_sign_in (self, NULL);
      return;
    }

  appeals_api_client_set_token (self->client, token);
  check_session (self);
}

/* Demo mode --------------------------------------------------------------- */

static void
on_demo_signed_in (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(AppealsUser) user = appeals_session_service_sign_in_finish (APPEALS_SESSION_SERVICE (source), result,
                                                                       &token, &error);

  if (user == NULL)
    {
      show_sign_in (self, error->message);
      return;
    }

  appeals_application_signed_in (self, DEMO_LOGIN, token, user);
}

static void
on_local_server_started (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(AppealsApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  self->local_server = appeals_local_server_start_finish (result, &error);
  if (self->local_server == NULL)
    {
      AppealsWindow *window = get_window (self);

      if (window != NULL)
        appeals_window_show_toast (window, error->message);
      g_warning ("%s", error->message);
      return;
    }

  appeals_api_client_set_base_url (self->client, appeals_local_server_get_url (self->local_server));

  appeals_session_service_sign_in_async (appeals_context_get_session_service (self->context), DEMO_LOGIN,
                                         DEMO_PASSWORD, self->cancellable, on_demo_signed_in, g_object_ref (self));
}

/* Application ------------------------------------------------------------- */

static void
apply_connection_settings (AppealsApplication *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "server-url");
  g_autofree char *ca_file = g_settings_get_string (self->settings, "ca-file");
  g_autoptr(GError) error = NULL;

  if (!self->demo)
    appeals_api_client_set_base_url (self->client, url);
  if (!appeals_api_client_set_ca_file (self->client, ca_file, &error))
    g_warning ("%s: %s", ca_file, error->message);
}

static void
on_connection_setting_changed (GSettings          *settings,
                               const char         *key,
                               AppealsApplication *self)
{
  apply_connection_settings (self);
}

static void
appeals_application_activate (GApplication *app)
{
  AppealsApplication *self = APPEALS_APPLICATION (app);
  AppealsWindow *window = get_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = appeals_window_new (GTK_APPLICATION (self), self->context);
  g_signal_connect_object (window, "connection-restored", G_CALLBACK (on_connection_restored), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));

  if (self->demo)
    {
      appeals_local_server_start_async (self->cancellable, on_local_server_started, g_object_ref (self));
      return;
    }

  self->login = g_settings_get_string (self->settings, "last-login");
  if (*self->login == '\0')
    {
      g_clear_pointer (&self->login, g_free);
      show_sign_in (self, NULL);
      return;
    }

  appeals_session_store_lookup_async (appeals_application_get_server_url (self), self->login,
                                      self->cancellable, on_token_looked_up, g_object_ref (self));
}

static int
appeals_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  AppealsApplication *self = APPEALS_APPLICATION (app);

  if (g_variant_dict_contains (options, "demo"))
    self->demo = TRUE;

  return -1;
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AppealsApplication *self = user_data;
  AppealsPreferencesWindow *preferences = appeals_preferences_window_new (self->context, !self->demo);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (get_window (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AppealsApplication *self = user_data;
  static const char *developers[] = { "Appeals Desk developers", NULL };

  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                         "transient-for", get_window (self),
                         "application-name", _("Appeals Desk"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("Akimat of Kostanay Region"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Registration of citizens’ appeals, personal receptions and their deadlines"),
                         "developers", developers,
                         "copyright", "© 2026 Appeals Desk developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);

  /* the map's units are OpenStreetMap data: ODbL asks for this notice */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Map of the region"),
                                      "© OpenStreetMap contributors", GTK_LICENSE_CUSTOM,
                                      appeals_map_get_attribution ());
  gtk_window_present (GTK_WINDOW (about));
}

static void
sign_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  appeals_application_sign_out (user_data);
}

/* The signed-out window's way back: the sign-in dialog again, if it was
 * closed (or raised, if it is open). */
static void
sign_in_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  show_sign_in (user_data, NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* Windows ask the application, not each other, for what belongs to the
 * main window: a card's earlier appeal, a booking on an appeal, a notice
 * that outlives the window that gave it. */
static void
open_card_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AppealsWindow *window = get_window (user_data);

  if (window != NULL)
    appeals_window_open_card (window, g_variant_get_int64 (parameter));
}

/* A notification about work that fell due: the main window on My work. */
static void
show_my_work_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AppealsWindow *window = get_window (user_data);

  if (window == NULL)
    return;
  appeals_window_show_page (window, "work");
  gtk_window_present (GTK_WINDOW (window));
}

static void
book_reception_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AppealsWindow *window = get_window (user_data);
  const char *iin;
  gint64 appeal_id;

  g_variant_get (parameter, "(&sx)", &iin, &appeal_id);
  if (window != NULL)
    {
      appeals_window_book_reception (window, iin, appeal_id);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
show_toast_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AppealsWindow *window = get_window (user_data);

  if (window != NULL)
    appeals_window_show_toast (window, g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "open-card", open_card_action, "x" },
  { "show-my-work", show_my_work_action },
  { "book-reception", book_reception_action, "(sx)" },
  { "show-toast", show_toast_action, "s" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "sign-in", sign_in_action },
  { "sign-out", sign_out_action },
  { "quit", quit_action },
};

static void
on_due_soon_changed (GSettings          *settings,
                     const char         *key,
                     AppealsApplication *self)
{
  appeals_reference_service_set_due_soon_days (appeals_context_get_reference_service (self->context),
                                               g_settings_get_int (settings, "due-soon-working-days"));
}

static void
appeals_application_startup (GApplication *app)
{
  AppealsApplication *self = APPEALS_APPLICATION (app);
  static const char *quit_accels[] = { "<Ctrl>q", NULL };
  static const char *preferences_accels[] = { "<Ctrl>comma", NULL };

  G_APPLICATION_CLASS (appeals_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->settings = g_settings_new (APPLICATION_ID);
  self->client = appeals_api_client_new ("http://127.0.0.1:8080/");
  self->context = appeals_context_new (self->settings, self->client);
  g_signal_connect_object (self->context, "session-expired", G_CALLBACK (on_session_expired), self,
                           G_CONNECT_SWAPPED);
  on_due_soon_changed (self->settings, NULL, self);
  g_signal_connect (self->settings, "changed::due-soon-working-days", G_CALLBACK (on_due_soon_changed), self);
  apply_connection_settings (self);
  g_signal_connect (self->settings, "changed::server-url", G_CALLBACK (on_connection_setting_changed), self);
  g_signal_connect (self->settings, "changed::ca-file", G_CALLBACK (on_connection_setting_changed), self);
}

static void
appeals_application_shutdown (GApplication *app)
{
  AppealsApplication *self = APPEALS_APPLICATION (app);
  GList *windows;

  g_cancellable_cancel (self->cancellable);
  appeals_api_client_close (self->client);

  /* windows go first, so their pages cancel what they still wait for
   * before the application's services are gone */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);

  if (self->local_server != NULL)
    appeals_local_server_stop (self->local_server);

  G_APPLICATION_CLASS (appeals_application_parent_class)->shutdown (app);
}

static void
appeals_application_finalize (GObject *object)
{
  AppealsApplication *self = (AppealsApplication *)object;

  /* the settings may outlive the application (another holder keeps
   * them): their changes no longer reach it */
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->client);
  g_clear_object (&self->local_server);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->login, g_free);
  g_clear_object (&self->context);
  g_clear_object (&self->pending_user);

  G_OBJECT_CLASS (appeals_application_parent_class)->finalize (object);
}

static void
appeals_application_class_init (AppealsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = appeals_application_finalize;
  app_class->activate = appeals_application_activate;
  app_class->startup = appeals_application_startup;
  app_class->shutdown = appeals_application_shutdown;
  app_class->handle_local_options = appeals_application_handle_local_options;
}

static void
appeals_application_init (AppealsApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start a local server with demo data and sign in as the demo registrar"), NULL },
    { NULL }
  };

  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

AppealsApplication *
appeals_application_new (void)
{
  return g_object_new (APPEALS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
