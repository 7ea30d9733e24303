/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-sign-in-dialog.c: POST /session, with errors (wrong password,
 * lock-out, no connection) shown in the dialog; the typed login stays.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-sign-in-dialog.h"

struct _AppealsSignInDialog
{
  AdwWindow           parent_instance;

  AdwEntryRow        *login_row;
  AdwPasswordEntryRow *password_row;
  AdwActionRow       *server_row;
  GtkButton          *sign_in_button;
  GtkSpinner         *spinner;
  GtkLabel           *error_label;

  AppealsApplication *application;
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (AppealsSignInDialog, appeals_sign_in_dialog, ADW_TYPE_WINDOW)

void
appeals_sign_in_dialog_show_error (AppealsSignInDialog *self,
                                   const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
appeals_sign_in_dialog_set_login (AppealsSignInDialog *self,
                                  const char          *login)
{
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), login);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
set_busy (AppealsSignInDialog *self,
          gboolean             busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AppealsSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, &error);
  g_autoptr(AppealsUser) user = NULL;
  JsonObject *object;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (response == NULL)
    {
      appeals_sign_in_dialog_show_error (self, error->message);
      return;
    }

  if (!appeals_api_response_is_success (response))
    {
      appeals_sign_in_dialog_show_error (self, appeals_api_response_describe (response));
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  object = json_node_get_object (response->body);
  user = appeals_user_new_from_json (json_object_get_member (object, "user"), &error);
  if (user == NULL)
    {
      appeals_sign_in_dialog_show_error (self, error->message);
      return;
    }

  appeals_application_signed_in (self->application, user->login,
                                 json_object_get_string_member (object, "token"), user);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_sign_in_clicked (AppealsSignInDialog *self)
{
  const char *login = gtk_editable_get_text (GTK_EDITABLE (self->login_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  if (*login == '\0')
    {
      appeals_sign_in_dialog_show_error (self, _("Enter your login."));
      gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "login");
  json_builder_add_string_value (builder, login);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  appeals_sign_in_dialog_show_error (self, NULL);
  set_busy (self, TRUE);
  appeals_api_client_request_async (appeals_application_get_client (self->application), "POST", "session",
                                    body, NULL, NULL, self->cancellable, on_signed_in, g_object_ref (self));
}

static void
appeals_sign_in_dialog_dispose (GObject *object)
{
  AppealsSignInDialog *self = (AppealsSignInDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_SIGN_IN_DIALOG);

  G_OBJECT_CLASS (appeals_sign_in_dialog_parent_class)->dispose (object);
}

static void
appeals_sign_in_dialog_class_init (AppealsSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = appeals_sign_in_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsSignInDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsSignInDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsSignInDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsSignInDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, AppealsSignInDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AppealsSignInDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked);
}

static void
appeals_sign_in_dialog_init (AppealsSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

AppealsSignInDialog *
appeals_sign_in_dialog_new (AppealsApplication *application,
                            GtkWindow          *parent)
{
  AppealsSignInDialog *self = g_object_new (APPEALS_TYPE_SIGN_IN_DIALOG,
                                            "application", application,
                                            "transient-for", parent,
                                            NULL);

  self->application = application;
  adw_action_row_set_subtitle (self->server_row, appeals_application_get_server_url (application));
  return self;
}
