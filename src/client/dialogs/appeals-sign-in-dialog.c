/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-sign-in-dialog.c: signing in through the session service, with
 * errors (wrong password, lock-out, no connection) shown in the dialog;
 * the typed login stays.
 *
 * Signal "signed-in" (user, token) once the server opened a session; the
 * dialog then closes.
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

  AppealsContext     *context;
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (AppealsSignInDialog, appeals_sign_in_dialog, ADW_TYPE_WINDOW)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsSignInDialog, appeals_sign_in_dialog)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  g_autofree char *token = NULL;
  g_autoptr(AppealsUser) user = appeals_session_service_sign_in_finish (APPEALS_SESSION_SERVICE (source), result,
                                                                       &token, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (user == NULL)
    {
      appeals_sign_in_dialog_show_error (self, error->message);
      /* refused by the server (not unreachable): the password is typed again */
      if (appeals_service_error_get_problem_code (error) != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
        }
      return;
    }

  g_signal_emit (self, signals[SIGNED_IN], 0, user, token);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_sign_in_clicked (AppealsSignInDialog *self)
{
  const char *login = gtk_editable_get_text (GTK_EDITABLE (self->login_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (*login == '\0')
    {
      appeals_sign_in_dialog_show_error (self, _("Enter your login."));
      gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
      return;
    }

  appeals_sign_in_dialog_show_error (self, NULL);
  set_busy (self, TRUE);
  appeals_session_service_sign_in_async (appeals_context_get_session_service (self->context), login, password,
                                         self->cancellable, on_signed_in, g_object_ref (self));
}

static void
appeals_sign_in_dialog_constructed (GObject *object)
{
  AppealsSignInDialog *self = (AppealsSignInDialog *)object;

  G_OBJECT_CLASS (appeals_sign_in_dialog_parent_class)->constructed (object);

  adw_action_row_set_subtitle (self->server_row, appeals_context_get_server_url (self->context));
}

static void
appeals_sign_in_dialog_dispose (GObject *object)
{
  AppealsSignInDialog *self = (AppealsSignInDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_SIGN_IN_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_sign_in_dialog_parent_class)->dispose (object);
}

static void
appeals_sign_in_dialog_class_init (AppealsSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = appeals_sign_in_dialog_constructed;
  object_class->dispose = appeals_sign_in_dialog_dispose;

  appeals_sign_in_dialog_install_context_property (G_OBJECT_CLASS (klass));

  /**
   * AppealsSignInDialog::signed-in:
   * @user: the signed-in user
   * @token: the session's token
   *
   * The server opened a session; whoever opened the dialog keeps it.
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, APPEALS_TYPE_USER, G_TYPE_STRING);

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

/**
 * appeals_sign_in_dialog_new:
 * @parent: (nullable): the window it belongs to
 */
AppealsSignInDialog *
appeals_sign_in_dialog_new (AppealsContext *context,
                            GtkWindow      *parent)
{
  return g_object_new (APPEALS_TYPE_SIGN_IN_DIALOG,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}
