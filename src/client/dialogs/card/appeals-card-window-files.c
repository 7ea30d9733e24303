/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window-files.c: what the card keeps besides its fields —
 * the Files tab (scans of the appeal and of the answer documents,
 * attached, listed with their checksum, opened in their application,
 * saved elsewhere, withdrawn), the organisation's
 * fields of a BIN applicant, and for the administrator who read the
 * applicant's personal data.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-card-window-private.h"
#include "appeals-reception-text.h"

static const struct
{
  const char *kind;
  const char *label;
} file_kinds[] = {
  { "appeal_scan", N_("Scan of the appeal") },
  { "answer_document", N_("Answer document") },
  { "other", N_("Other") },
};

static const char *
kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (file_kinds); i++)
    if (g_strcmp0 (file_kinds[i].kind, kind) == 0)
      return _(file_kinds[i].label);
  return kind;
}

/* Organisations --------------------------------------------------------- */

/**
 * _appeals_card_window_show_organisation:
 *
 * A BIN card names the organisation and its representative's position;
 * the name fields are then the representative's.
 */
void
_appeals_card_window_show_organisation (AppealsCardWindow *self,
                                        const char        *iin)
{
  gboolean organisation = iin != NULL && appeals_tax_id_classify (iin) == APPEALS_TAX_ID_BIN;

  appeals_card_form_set_visible (self->form, "organisation_name", organisation);
  appeals_card_form_set_visible (self->form, "representative_position", organisation);
}

/* The reads of personal data, for the administrator --------------------------- */

static void
on_reads_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reads = appeals_file_service_list_reads_finish (APPEALS_FILE_SERVICE (source), result, &error);

  if (reads == NULL)
    return;

  for (guint i = 0; i < self->read_rows->len; i++)
    adw_preferences_group_remove (self->reads_group, g_ptr_array_index (self->read_rows, i));
  g_ptr_array_set_size (self->read_rows, 0);
  for (guint i = 0; i < reads->len; i++)
    {
      AppealsDataRead *read = g_ptr_array_index (reads, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GDateTime) local = g_date_time_to_local (read->at);
      g_autofree char *when = g_date_time_format (local, "%d.%m.%Y %H:%M");
      /* an appeal by its registration number (by its id if it has gone) */
      g_autofree char *id = read->registration_number != NULL ? g_strdup (read->registration_number)
                            : g_strdup_printf ("%" G_GINT64_FORMAT, read->entity_id);
      g_autofree char *what = g_str_equal (read->entity, "appeal")
                              /* TRANSLATORS: what was read: an appeal card, by its number in the register */
                              ? g_strdup_printf (_("Appeal card %s"), id)
                              : g_strdup (_("Applicant's base card"));
      gboolean named = read->actor_name != NULL && *read->actor_name != '\0';
      /* the user's name, with the login the log keeps beside it */
      g_autofree char *subtitle = named ? g_strdup_printf ("%s · %s · %s", read->actor, when, what)
                                        : g_strdup_printf ("%s · %s", when, what);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), named ? read->actor_name : read->actor);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->reads_group, row);
      g_ptr_array_add (self->read_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reads_group), TRUE);
}

/**
 * _appeals_card_window_load_reads:
 *
 * For an administrator, who read this applicant's personal data.
 */
void
_appeals_card_window_load_reads (AppealsCardWindow *self)
{
  AppealsUser *user = appeals_context_get_user (self->context);

  if (user == NULL || user->role != APPEALS_ROLE_ADMIN || self->applicant_id <= 0)
    return;
  appeals_file_service_list_reads_async (appeals_context_get_file_service (self->context), self->applicant_id,
                                         self->cancellable, on_reads_loaded, g_object_ref (self));
}

/* Files ---------------------------------------------------------------------- */

guint
appeals_card_window_get_n_files (AppealsCardWindow *self)
{
  return self->file_rows->len;
}

static void
on_file_removed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!appeals_file_service_remove_finish (APPEALS_FILE_SERVICE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
on_withdraw_clicked (GtkButton         *button,
                     AppealsCardWindow *self)
{
  gint64 *file_id = g_object_get_data (G_OBJECT (button), "file-id");

  appeals_file_service_remove_async (appeals_context_get_file_service (self->context), self->appeal_id, *file_id,
                                     self->cancellable, on_file_removed, g_object_ref (self));
}

/* Opening and saving a file -------------------------------------------------- */

typedef struct
{
  AppealsCardWindow *self;
  GFile             *destination;
  gboolean           open;   /* launch it once written */
} Transfer;

static void
transfer_free (Transfer *transfer)
{
  g_object_unref (transfer->self);
  g_object_unref (transfer->destination);
  g_free (transfer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Transfer, transfer_free)

static void
show_toast (AppealsCardWindow *self,
            const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static AppealsAttachment *
find_file (AppealsCardWindow *self,
           gint64             file_id)
{
  for (guint i = 0; i < self->file_rows->len; i++)
    {
      AppealsAttachment *file = g_object_get_data (g_ptr_array_index (self->file_rows, i), "file");

      if (file->id == file_id)
        return file;
    }
  return NULL;
}

static void
on_file_launched (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* TRANSLATORS: the file could not be opened; %s says why */
      g_autofree char *message = g_strdup_printf (_("No application opened the file: %s"), error->message);

      show_toast (self, message);
    }
}

static void
on_file_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Transfer) transfer = user_data;
  AppealsCardWindow *self = transfer->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (transfer->destination);

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->file_transfers--;
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” could not be saved: %s"), name, error->message);

      show_toast (self, message);
    }
  else if (transfer->open)
    {
      g_autofree char *uri = g_file_get_uri (transfer->destination);
      g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (
                                                 gtk_widget_get_display (GTK_WIDGET (self)));

      g_set_object (&self->opened_file, transfer->destination);
      g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), self->cancellable,
                                               on_file_launched, g_object_ref (self));
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Saved as “%s”"), name);

      show_toast (self, message);
    }
}

static void
on_file_downloaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Transfer) transfer = user_data;
  AppealsCardWindow *self = transfer->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = appeals_file_service_download_finish (APPEALS_FILE_SERVICE (source), result, &error);
  GFile *destination;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (content == NULL)
    {
      const char *code = appeals_service_error_get_problem_code (error);

      self->file_transfers--;
      show_toast (self, code != NULL ? appeals_problem_code_describe (code) : error->message);
      return;
    }
  destination = transfer->destination;
  g_file_replace_contents_bytes_async (destination, content, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, on_file_written, g_steal_pointer (&transfer));
}

static void
transfer_file (AppealsCardWindow *self,
               gint64             file_id,
               GFile             *destination,
               gboolean           open)
{
  Transfer *transfer = g_new0 (Transfer, 1);

  transfer->self = g_object_ref (self);
  transfer->destination = g_object_ref (destination);
  transfer->open = open;
  self->file_transfers++;
  appeals_file_service_download_async (appeals_context_get_file_service (self->context), self->appeal_id, file_id,
                                       self->cancellable, on_file_downloaded, transfer);
}

/**
 * appeals_card_window_save_file:
 *
 * Saves a copy of the appeal's file @file_id as @destination.
 */
void
appeals_card_window_save_file (AppealsCardWindow *self,
                               gint64             file_id,
                               GFile             *destination)
{
  transfer_file (self, file_id, destination, FALSE);
}

/**
 * appeals_card_window_open_file:
 *
 * Opens the appeal's file @file_id in the application the desktop
 * chooses for it, from a private copy under its own name.
 */
void
appeals_card_window_open_file (AppealsCardWindow *self,
                               gint64             file_id)
{
  AppealsAttachment *file = find_file (self, file_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) copy = NULL;

  if (file == NULL)
    return;
  /* only the user may read the copy: the file may carry personal data */
  if ((dir = g_dir_make_tmp ("appeals-desk-XXXXXX", &error)) == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  name = g_path_get_basename (file->file_name != NULL && *file->file_name != '\0' ? file->file_name : "file");
  path = g_build_filename (dir, name, NULL);
  copy = g_file_new_for_path (path);
  transfer_file (self, file_id, copy, TRUE);
}

/**
 * appeals_card_window_get_opened_file:
 *
 * Returns: (transfer none) (nullable): the copy last handed to its
 *   application
 */
GFile *
appeals_card_window_get_opened_file (AppealsCardWindow *self)
{
  return self->opened_file;
}

gboolean
appeals_card_window_has_file_transfers (AppealsCardWindow *self)
{
  return self->file_transfers > 0;
}

static void
on_save_chooser_response (GtkNativeDialog   *chooser,
                          int                response,
                          AppealsCardWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      gint64 *file_id = g_object_get_data (G_OBJECT (chooser), "file-id");

      appeals_card_window_save_file (self, *file_id, destination);
    }
  g_object_unref (chooser);
}

static void
on_save_clicked (GtkButton         *button,
                 AppealsCardWindow *self)
{
  gint64 *file_id = g_object_get_data (G_OBJECT (button), "file-id");
  AppealsAttachment *file = find_file (self, *file_id);
  GtkFileChooserNative *chooser;

  if (file == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save the File"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file->file_name);
  g_object_set_data_full (G_OBJECT (chooser), "file-id", g_memdup2 (&file->id, sizeof file->id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_clicked (GtkButton         *button,
                 AppealsCardWindow *self)
{
  gint64 *file_id = g_object_get_data (G_OBJECT (button), "file-id");

  appeals_card_window_open_file (self, *file_id);
}

/* A flat icon button at the end of a file's row, named for tests. */
static GtkWidget *
add_file_button (AdwActionRow      *row,
                 AppealsAttachment *file,
                 const char        *icon,
                 const char        *label,
                 const char        *name,
                 GCallback          callback,
                 AppealsCardWindow *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  g_autofree char *widget_name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, name, file->id);

  gtk_widget_set_name (button, widget_name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "file-id", g_memdup2 (&file->id, sizeof file->id), g_free);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (row, button);
  return button;
}

static GtkWidget *
new_file_row (AppealsCardWindow *self,
              AppealsAttachment *file)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *size = g_format_size (file->size);
  g_autofree char *day = file->created_at != NULL ? appeals_format_local_day (file->created_at) : g_strdup ("—");
  const char *author = appeals_user_name_or_login (file->created_by_name, file->created_by);
  g_autofree char *added = g_strdup_printf (_("added by %s on %s"), author != NULL ? author : "—", day);
  /* the kind, the size and who added it when; the checksum, which tells
   * a registrar nothing at a glance, on hover */
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", kind_label (file->kind), size, added);
  g_autofree char *checksum = g_strdup_printf (_("SHA-256 checksum: %s"), file->sha256 != NULL ? file->sha256 : "—");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), file->file_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, checksum);
  g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (file), g_object_unref);
  add_file_button (ADW_ACTION_ROW (row), file, "document-open-symbolic", _("Open the file"), "open-file",
                   G_CALLBACK (on_open_clicked), self);
  add_file_button (ADW_ACTION_ROW (row), file, "document-save-as-symbolic", _("Save the file as…"), "save-file",
                   G_CALLBACK (on_save_clicked), self);
  add_file_button (ADW_ACTION_ROW (row), file, "user-trash-symbolic", _("Withdraw the file"), "withdraw-file",
                   G_CALLBACK (on_withdraw_clicked), self);
  return row;
}

static void
on_files_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = appeals_file_service_list_finish (APPEALS_FILE_SERVICE (source), result, &error);

  if (files == NULL)
    return;
  for (guint i = 0; i < self->file_rows->len; i++)
    gtk_list_box_remove (self->files_list, g_ptr_array_index (self->file_rows, i));
  g_ptr_array_set_size (self->file_rows, 0);
  for (guint i = 0; i < files->len; i++)
    {
      GtkWidget *row = new_file_row (self, g_ptr_array_index (files, i));

      gtk_list_box_append (self->files_list, row);
      g_ptr_array_add (self->file_rows, row);
    }
}

/**
 * _appeals_card_window_load_files:
 *
 * The appeal's files; a card not yet saved has none and cannot take one.
 */
void
_appeals_card_window_load_files (AppealsCardWindow *self)
{
  gtk_widget_set_sensitive (self->attach_button, self->appeal_id > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->files_hint), self->appeal_id <= 0);
  if (self->appeal_id > 0)
    appeals_file_service_list_async (appeals_context_get_file_service (self->context), self->appeal_id,
                                     self->cancellable, on_files_loaded, g_object_ref (self));
}

static void
on_files_changed (AppealsCardWindow *self,
                  gint64             appeal_id)
{
  if (appeal_id == self->appeal_id)
    _appeals_card_window_load_files (self);
}

static void
on_file_uploaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsAttachment) file = appeals_file_service_upload_finish (APPEALS_FILE_SERVICE (source), result,
                                                                          &error);

  if (file == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      const char *code = appeals_service_error_get_problem_code (error);

      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (code != NULL ? appeals_problem_code_describe (code)
                                                               : error->message));
    }
}

/**
 * appeals_card_window_attach_file:
 * @kind: "appeal_scan", "answer_document" or "other"
 *
 * Attaches @file to the appeal; its type is read from its content, and
 * the server checks it again.
 */
void
appeals_card_window_attach_file (AppealsCardWindow *self,
                                 GFile             *file,
                                 const char        *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = g_file_load_bytes (file, NULL, NULL, &error);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *guessed = NULL;
  g_autofree char *mime = NULL;
  gsize size;
  const guchar *data;

  if (content == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  data = g_bytes_get_data (content, &size);
  guessed = g_content_type_guess (name, data, size, NULL);
  mime = g_content_type_get_mime_type (guessed);
  appeals_file_service_upload_async (appeals_context_get_file_service (self->context), self->appeal_id, kind, name,
                                     mime, content, self->cancellable, on_file_uploaded, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog   *chooser,
                     int                response,
                     AppealsCardWindow *self)
{
  guint kind = gtk_drop_down_get_selected (self->file_kind);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      appeals_card_window_attach_file (self, file, file_kinds[MIN (kind, G_N_ELEMENTS (file_kinds) - 1)].kind);
    }
  g_object_unref (chooser);
}

static void
on_attach_clicked (AppealsCardWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Attach a File"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"),
                                                               _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF, images and text"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
build_files_page (AppealsCardWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *empty = gtk_label_new (_("No files yet: attach the scans of the appeal and the answer documents."));
  GtkWidget *kind_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kind_label = gtk_label_new_with_mnemonic (_("File _kind"));
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (file_kinds); i++)
    gtk_string_list_append (kinds, _(file_kinds[i].label));
  self->file_kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL));
  gtk_widget_set_name (GTK_WIDGET (self->file_kind), "file-kind");
  /* the drop-down names what the next file attached is: said beside it */
  gtk_label_set_mnemonic_widget (GTK_LABEL (kind_label), GTK_WIDGET (self->file_kind));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->file_kind), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  kind_label, NULL, -1);
  self->attach_button = gtk_button_new_with_mnemonic (_("_Attach File…"));
  gtk_widget_set_name (self->attach_button, "attach-file");
  g_signal_connect_swapped (self->attach_button, "clicked", G_CALLBACK (on_attach_clicked), self);
  gtk_box_append (GTK_BOX (kind_box), kind_label);
  gtk_box_append (GTK_BOX (kind_box), GTK_WIDGET (self->file_kind));
  gtk_box_append (GTK_BOX (bar), kind_box);
  gtk_box_append (GTK_BOX (bar), self->attach_button);

  self->files_hint = GTK_LABEL (gtk_label_new (_("Save the card to attach files to it.")));
  gtk_widget_add_css_class (GTK_WIDGET (self->files_hint), "dim-label");
  gtk_label_set_xalign (self->files_hint, 0);

  self->files_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->files_list), "files");
  gtk_list_box_set_selection_mode (self->files_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->files_list), "boxed-list");
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_list_box_set_placeholder (self->files_list, empty);

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->files_hint));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->files_list));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

/**
 * _appeals_card_window_build_files:
 *
 * Adds the Files tab, and the group of personal-data reads below the
 * applicant (shown to an administrator once loaded).
 */
void
_appeals_card_window_build_files (AppealsCardWindow *self)
{
  AdwViewStackPage *page;
  GtkWidget *applicant_box = gtk_widget_get_parent (GTK_WIDGET (self->iin_info));

  self->file_rows = g_ptr_array_new ();
  self->read_rows = g_ptr_array_new ();
  gtk_widget_set_name (GTK_WIDGET (self->view_stack), "card-views");
  page = adw_view_stack_add_titled (self->view_stack, build_files_page (self), "files", _("Files"));
  adw_view_stack_page_set_icon_name (page, "mail-attachment-symbolic");

  self->reads_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_name (GTK_WIDGET (self->reads_group), "personal-data-reads");
  adw_preferences_group_set_title (self->reads_group, _("Who Read the Personal Data"));
  gtk_widget_set_visible (GTK_WIDGET (self->reads_group), FALSE);
  gtk_box_insert_child_after (GTK_BOX (applicant_box), GTK_WIDGET (self->reads_group), GTK_WIDGET (self->iin_info));

  _appeals_card_window_show_organisation (self, NULL);
  g_signal_connect_object (appeals_context_get_file_service (self->context), "files-changed",
                           G_CALLBACK (on_files_changed), self, G_CONNECT_SWAPPED);
}
