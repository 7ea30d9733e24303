/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-preferences-window.c: preferences bound straight to GSettings;
 * the server address and CA file are checked before they are kept.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-preferences-window.h"

static const char *language_codes[] = { "", "kk", "ru" };

struct _AppealsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *server_row;
  AdwEntryRow          *ca_row;
  GtkLabel             *server_error;
  AdwComboRow          *language_row;
  GtkSpinButton        *due_soon_spin;
  GtkSpinButton        *autosave_spin;
  GtkSwitch            *notify_switch;

  AppealsContext       *context;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (AppealsPreferencesWindow, appeals_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsPreferencesWindow, appeals_preferences_window)

static void
show_error (AppealsPreferencesWindow *self,
            const char               *message)
{
  gtk_label_set_text (self->server_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->server_error), message != NULL);
}

static void
on_server_applied (AppealsPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->server_row), "error");
      show_error (self, _("Enter the address as https://server:port/"));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
  show_error (self, NULL);
  g_settings_set_string (self->settings, "server-url", text);
}

static void
on_ca_applied (AppealsPreferencesWindow *self)
{
  const char *path = gtk_editable_get_text (GTK_EDITABLE (self->ca_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) database = NULL;

  if (*path != '\0' && (database = g_tls_file_database_new (path, &error)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The certificate authority file cannot be used: %s"),
                                                  error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->ca_row), "error");
      show_error (self, message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->ca_row), "error");
  show_error (self, NULL);
  g_settings_set_string (self->settings, "ca-file", path);
}

static void
on_language_selected (AppealsPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (language_codes))
    g_settings_set_string (self->settings, "language", language_codes[selected]);
}

static void
appeals_preferences_window_constructed (GObject *object)
{
  AppealsPreferencesWindow *self = (AppealsPreferencesWindow *)object;
  g_autofree char *url = NULL;
  g_autofree char *ca = NULL;
  g_autofree char *language = NULL;

  G_OBJECT_CLASS (appeals_preferences_window_parent_class)->constructed (object);

  self->settings = g_object_ref (appeals_context_get_settings (self->context));
  url = g_settings_get_string (self->settings, "server-url");
  ca = g_settings_get_string (self->settings, "ca-file");
  language = g_settings_get_string (self->settings, "language");

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->ca_row), ca);
  for (guint i = 0; i < G_N_ELEMENTS (language_codes); i++)
    if (g_str_equal (language, language_codes[i]))
      adw_combo_row_set_selected (self->language_row, i);

  g_settings_bind (self->settings, "due-soon-working-days", self->due_soon_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "draft-autosave-seconds", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-deadlines", self->notify_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

static void
appeals_preferences_window_dispose (GObject *object)
{
  AppealsPreferencesWindow *self = (AppealsPreferencesWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (appeals_preferences_window_parent_class)->dispose (object);
}

static void
appeals_preferences_window_class_init (AppealsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = appeals_preferences_window_constructed;
  object_class->dispose = appeals_preferences_window_dispose;

  appeals_preferences_window_install_context_property (G_OBJECT_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsPreferencesWindow, ca_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsPreferencesWindow, server_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsPreferencesWindow, due_soon_spin);
  gtk_widget_class_bind_template_child (widget_class, AppealsPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, AppealsPreferencesWindow, notify_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_server_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected);
}

static void
appeals_preferences_window_init (AppealsPreferencesWindow *self)
{
  g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (languages, _("As in the system"));
  gtk_string_list_append (languages, "Қазақ тілі");
  gtk_string_list_append (languages, "Русский");
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (languages));
}

/**
 * appeals_preferences_window_new:
 * @server_editable: %FALSE when the application runs its own server (the
 *   demo), whose address is not the user's to change
 */
AppealsPreferencesWindow *
appeals_preferences_window_new (AppealsContext *context,
                                gboolean        server_editable)
{
  AppealsPreferencesWindow *self = g_object_new (APPEALS_TYPE_PREFERENCES_WINDOW, "context", context, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), server_editable);
  return self;
}
