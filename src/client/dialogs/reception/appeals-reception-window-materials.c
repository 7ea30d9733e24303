/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-window-materials.c: the materials of a reception: attached files by kind,
 * saved, removed, and attached from a file chooser.
 */
#include "config.h"

#include "appeals-reception-window-private.h"

/* The materials ------------------------------------------------------------------ */

static guint
kind_get_index (const char *code)
{
  for (guint i = 0; i < N_KINDS; i++)
    if (g_strcmp0 (kinds[i].code, code) == 0)
      return i;
  return KIND_OTHER;
}

static void
on_file_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  AppealsReceptionWindow *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (call->file);
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _appeals_reception_window_end_request (self);
  if (error != NULL)
    message = g_strdup_printf (_("“%s” could not be saved: %s"), name, error->message);
  else
    message = g_strdup_printf (_("Saved as “%s”"), name);
  _appeals_reception_window_show_toast (self, message);
}

static void
on_attachment_downloaded (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  AppealsReceptionWindow *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = appeals_reception_service_download_attachment_finish (APPEALS_RECEPTION_SERVICE (source),
                                                                                     result, &error);

  if (!_appeals_reception_window_request_ended (self, error))
    return;
  if (content == NULL)
    {
      _appeals_reception_window_show_toast (self, error->message);
      return;
    }

  _appeals_reception_window_begin_request (self);
  g_file_replace_contents_bytes_async (call->file, content, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, on_file_written, g_steal_pointer (&call));
}

static void
on_save_chooser_response (GtkNativeDialog        *chooser,
                          int                     response_id,
                          AppealsReceptionWindow *self)
{
  g_autoptr(GFile) file = response_id == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))
                                                              : NULL;

  if (file != NULL)
    {
      Call *call = _appeals_reception_window_call_new (self, NULL, file);

      call->id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "attachment-id"));
      _appeals_reception_window_begin_request (self);
      appeals_reception_service_download_attachment_async (_appeals_reception_window_get_service (self), call->id,
                                                           self->cancellable, on_attachment_downloaded, call);
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

void
_appeals_reception_window_clear_chooser (AppealsReceptionWindow *self)
{
  g_autoptr(GtkNativeDialog) chooser = g_steal_pointer (&self->chooser);

  if (chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (chooser, self);
      gtk_native_dialog_destroy (chooser);
    }
}

static void
set_chooser (AppealsReceptionWindow *self,
             GtkFileChooserNative   *chooser)
{
  _appeals_reception_window_clear_chooser (self);
  self->chooser = GTK_NATIVE_DIALOG (g_object_ref (chooser));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  gtk_native_dialog_show (self->chooser);
}

static void
on_save_clicked (GtkButton              *button,
                 AppealsReceptionWindow *self)
{
  g_autoptr(GtkFileChooserNative) chooser = gtk_file_chooser_native_new (_("Save the File"), GTK_WINDOW (self),
                                                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                        _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     g_object_get_data (G_OBJECT (button), "file-name"));
  g_object_set_data (G_OBJECT (chooser), "attachment-id", g_object_get_data (G_OBJECT (button), "attachment-id"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chooser_response), self);
  set_chooser (self, chooser);
}

static void
on_remove_response (AdwMessageDialog       *dialog,
                    const char             *response,
                    AppealsReceptionWindow *self)
{
  if (g_str_equal (response, "remove"))
    appeals_reception_window_remove_attachment (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog),
                                                                                           "attachment-id")));
}

/* A file withdrawn from the materials cannot be brought back: ask first. */
static void
on_remove_clicked (GtkButton              *button,
                   AppealsReceptionWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove the File?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be withdrawn from the materials of the reception."),
                                  (const char *) g_object_get_data (G_OBJECT (button), "file-name"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "attachment-id",
                     g_object_get_data (G_OBJECT (button), "attachment-number"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_file_button (const char *label,
                 const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
new_attachment_row (AppealsReceptionWindow *self,
                    AppealsAttachment      *attachment)
{
  const char *file_name = _appeals_reception_window_or_empty (attachment->file_name);
  const char *sha256 = _appeals_reception_window_or_empty (attachment->sha256);
  g_autofree char *size = g_format_size (attachment->size);
  g_autofree char *date = appeals_format_local_day (attachment->created_at);
  const char *author = appeals_user_name_or_login (attachment->created_by_name, attachment->created_by);
  g_autofree char *added = g_strdup_printf (_("added by %s on %s"), _appeals_reception_window_or_empty (author), date);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", size, added);
  g_autofree char *sha_prefix = g_strndup (sha256, SHA_PREFIX_LENGTH);
  g_autofree char *sha_tooltip = g_strdup_printf (_("SHA-256 checksum: %s"), sha256);
  g_autofree char *save_name = g_strdup_printf ("save-attachment-%" G_GINT64_FORMAT, attachment->id);
  g_autofree char *remove_name = g_strdup_printf ("remove-attachment-%" G_GINT64_FORMAT, attachment->id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sha = gtk_label_new (sha_prefix);
  GtkWidget *save_button = new_file_button (_("_Save…"), save_name);
  GtkWidget *remove_button = new_file_button (_("_Remove"), remove_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), file_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("text-x-generic-symbolic"));

  gtk_widget_add_css_class (sha, "caption");
  gtk_widget_add_css_class (sha, "dim-label");
  gtk_widget_add_css_class (sha, "monospace");
  gtk_widget_set_tooltip_text (sha, sha_tooltip);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sha);

  g_object_set_data (G_OBJECT (save_button), "attachment-id", GSIZE_TO_POINTER (attachment->id));
  g_object_set_data_full (G_OBJECT (save_button), "file-name", g_strdup (file_name), g_free);
  g_signal_connect (save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), save_button);

  g_object_set_data (G_OBJECT (remove_button), "attachment-number", GSIZE_TO_POINTER (attachment->id));
  g_object_set_data_full (G_OBJECT (remove_button), "file-name", g_strdup (file_name), g_free);
  g_signal_connect (remove_button, "clicked", G_CALLBACK (on_remove_clicked), self);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_sensitive (remove_button, !_appeals_reception_window_is_archived (self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);
  return row;
}

void
_appeals_reception_window_update_materials (AppealsReceptionWindow *self)
{
  GPtrArray *attachments = self->reception->attachments;
  guint per_kind[N_KINDS] = { 0 };

  for (guint i = 0; i < self->file_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->file_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->file_rows, 0);

  for (guint i = 0; i < attachments->len; i++)
    {
      AppealsAttachment *attachment = g_ptr_array_index (attachments, i);
      guint kind = kind_get_index (attachment->kind);
      GtkWidget *row = new_attachment_row (self, attachment);

      adw_preferences_group_add (self->kind_groups[kind], row);
      g_ptr_array_add (self->file_rows, row);
      per_kind[kind]++;
    }

  for (guint k = 0; k < N_KINDS; k++)
    gtk_widget_set_visible (GTK_WIDGET (self->kind_groups[k]), per_kind[k] > 0);
  gtk_widget_set_visible (self->no_files_label, attachments->len == 0);
}

/* The materials come up to date through the service's "reception-changed". */
static void
on_file_uploaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  AppealsReceptionWindow *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsAttachment) attachment = appeals_reception_service_upload_attachment_finish (APPEALS_RECEPTION_SERVICE (source),
                                                                                                result, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!_appeals_reception_window_request_ended (self, error))
    return;

  self->uploading = FALSE;
  _appeals_reception_window_update_actions (self);
  if (attachment == NULL)
    {
      _appeals_reception_window_show_toast (self, error->message);
      return;
    }

  name = g_file_get_basename (call->file);
  message = g_strdup_printf (_("“%s” is attached"), name);
  _appeals_reception_window_show_toast (self, message);
}

void
_appeals_reception_window_on_file_read (GObject      *source,
                                        GAsyncResult *result,
                                        gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  AppealsReceptionWindow *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *name = g_file_get_basename (call->file);
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  char *data;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &data, &length, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (!_appeals_reception_window_request_ended (self, error))
        return;
      self->uploading = FALSE;
      _appeals_reception_window_update_actions (self);
      message = g_strdup_printf (_("“%s” cannot be read: %s"), name, error->message);
      _appeals_reception_window_show_toast (self, message);
      return;
    }

  content = g_bytes_new_take (data, length);
  content_type = g_content_type_guess (name, (const guchar *) data, length, NULL);
  mime_type = g_content_type_get_mime_type (content_type);
  /* the request counted since the file was opened goes on */
  appeals_reception_service_upload_attachment_async (_appeals_reception_window_get_service (self), self->reception_id,
                                                     call->key, name, mime_type, content, self->cancellable,
                                                     on_file_uploaded, g_steal_pointer (&call));
}

static void
on_open_chooser_response (GtkNativeDialog        *chooser,
                          int                     response_id,
                          AppealsReceptionWindow *self)
{
  g_autoptr(GFile) file = response_id == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))
                                                              : NULL;
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (file != NULL)
    appeals_reception_window_attach_file (self, kinds[kind < N_KINDS ? kind : KIND_OTHER].code, file);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    {
      gtk_file_filter_add_mime_type (filter, mime_type);
      gtk_file_filter_add_suffix (filter, suffix);
    }
  else
    {
      const char *all[][2] = {
        { "application/pdf", "pdf" }, { "image/png", "png" }, { "image/jpeg", "jpg" },
        { "image/jpeg", "jpeg" }, { "text/plain", "txt" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        {
          gtk_file_filter_add_mime_type (filter, all[i][0]);
          gtk_file_filter_add_suffix (filter, all[i][1]);
        }
    }
  gtk_file_chooser_add_filter (chooser, filter);
}

void
_appeals_reception_window_attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (widget);
  g_autoptr(GtkFileChooserNative) chooser = gtk_file_chooser_native_new (_("Attach a File"), GTK_WINDOW (self),
                                                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                        _("_Attach"), _("_Cancel"));

  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF, Images and Text"), NULL, NULL);
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF Documents"), "application/pdf", "pdf");
  add_filter (GTK_FILE_CHOOSER (chooser), _("PNG Images"), "image/png", "png");
  add_filter (GTK_FILE_CHOOSER (chooser), _("JPEG Images"), "image/jpeg", "jpg");
  add_filter (GTK_FILE_CHOOSER (chooser), _("Plain Text"), "text/plain", "txt");
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_chooser_response), self);
  set_chooser (self, chooser);
}
