/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-import-dialog.c: a file exported from an electronic
 * channel (JSON or CSV, the layouts of the README) is chosen, previewed
 * by the server row by row — a wrong row in red with what is wrong, a row
 * imported before greyed with its earlier talon number — and, when no row
 * is wrong, imported into today's receipt journal at once, all rows or
 * none. Signal "imported" tells the page to show its journal again.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "appeals-intake-import-dialog.h"

struct _AppealsIntakeImportDialog
{
  AdwWindow       parent_instance;

  AppealsContext *context;

  AdwWindowTitle *title;
  GtkLabel       *status_label;
  GtkGrid        *table;

  char           *format;      /* of the file chosen: "json" or "csv" */
  char           *content;
  char           *file_name;
  GPtrArray      *rows;        /* AppealsImportRow, as the server judged them */
  GCancellable   *cancellable;
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (AppealsIntakeImportDialog, appeals_intake_import_dialog, ADW_TYPE_WINDOW)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsIntakeImportDialog, appeals_intake_import_dialog)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
appeals_intake_import_dialog_is_busy (AppealsIntakeImportDialog *self)
{
  return self->busy;
}

/* How many rows of the last answer have @status. */
guint
appeals_intake_import_dialog_count (AppealsIntakeImportDialog *self,
                                    AppealsImportRowStatus     status)
{
  guint n = 0;

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    n += ((AppealsImportRow *) g_ptr_array_index (self->rows, i))->status == (int) status;
  return n;
}

/* The table ---------------------------------------------------------------- */

static const char *
column_title (const char *field)
{
  static const struct { const char *field; const char *title; } titles[] = {
    { "external_number", N_("Number") }, { "date", N_("Date") }, { "channel", N_("Channel") },
    { "iin", N_("IIN") }, { "applicant_name", N_("Applicant") }, { "address", N_("Address") },
    { "text", N_("Text") }, { "attachments", N_("Attachments") }, { "language", N_("Language") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].field, field))
      return _(titles[i].title);
  return field;
}

static const char *
channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "egov") == 0)
    return "e-gov";
  if (g_strcmp0 (channel, "eotinish") == 0)
    return "eOtinish";
  if (g_strcmp0 (channel, "virtual-reception") == 0)
    return _("Virtual reception");
  return channel != NULL ? channel : "";
}

/* What became of @row, in words. */
static char *
describe_row (const AppealsImportRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  switch (row->status)
    {
    case APPEALS_IMPORT_ROW_NEW:
      return g_strdup (_("Ready to import"));
    case APPEALS_IMPORT_ROW_ALREADY_IMPORTED:
      return g_strdup_printf (_("Imported before as %s: skipped"), row->talon_number != NULL ? row->talon_number : "—");
    case APPEALS_IMPORT_ROW_IMPORTED:
      return g_strdup_printf (_("Imported as %s"), row->talon_number != NULL ? row->talon_number : "—");
    default:
      break;
    }
  for (guint i = 0; i < row->errors->len; i++)
    {
      const AppealsFieldError *error = g_ptr_array_index (row->errors, i);
      const char *title = column_title (error->field);
      g_autofree char *channel_message = NULL;
      g_autofree char *folded_message = NULL;
      g_autofree char *folded_title = g_utf8_casefold (title, -1);
      const char *message;

      if (g_str_equal (error->code, APPEALS_FIELD_DUPLICATE))
        message = _("The number repeats an earlier row of the file.");
      else if (g_str_equal (error->field, "channel") && g_str_equal (error->code, APPEALS_FIELD_INVALID_VALUE))
        /* TRANSLATORS: %s is the channel as the file spells it, e.g. telegram */
        message = channel_message = g_strdup_printf (_("The channel “%s” is not one the desk imports from: "
                                                       "e-gov, eOtinish or the Virtual reception."),
                                                     row->channel != NULL ? row->channel : "");
      else
        message = appeals_field_error_code_describe (error->code);

      folded_message = g_utf8_casefold (message, -1);
      if (i > 0)
        g_string_append_c (text, '\n');
      /* "IIN: This is not a valid IIN" says it twice; the channel's
       * message names the channel */
      if (channel_message == NULL && strstr (folded_message, folded_title) == NULL)
        g_string_append_printf (text, "%s: ", title);
      g_string_append (text, message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
attach_cell (AppealsIntakeImportDialog *self,
             const char                *text,
             int                        column,
             int                        row,
             const char                *css_class)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), column == 6 ? 40 : 24);
  gtk_label_set_selectable (GTK_LABEL (label), column == 6);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

/* A row's date as the desk writes dates (05.12.2026); as the file has it
 * when it is not one. */
static char *
row_date_text (const char *date)
{
  GDate parsed;

  if (appeals_date_parse_iso (date, &parsed))
    return appeals_date_format_text (&parsed);
  return g_strdup (date);
}

static void
show_rows (AppealsIntakeImportDialog *self)
{
  static const char *headings[] = { N_("Row"), N_("Number"), N_("Channel"), N_("Date"), N_("Applicant"), N_("IIN"),
                                    N_("Result") };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  if (self->rows == NULL)
    return;
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    attach_cell (self, _(headings[c]), c, 0, "heading");
  for (guint i = 0; i < self->rows->len; i++)
    {
      const AppealsImportRow *row = g_ptr_array_index (self->rows, i);
      static const char *classes[] = { NULL, "error", "dim-label", "success" };
      g_autofree char *number = g_strdup_printf ("%u", row->row);
      g_autofree char *result = describe_row (row);
      g_autofree char *date_text = row_date_text (row->date);

      attach_cell (self, number, 0, i + 1, "numeric");
      attach_cell (self, row->external_number, 1, i + 1, NULL);
      attach_cell (self, channel_label (row->channel), 2, i + 1, NULL);
      attach_cell (self, date_text, 3, i + 1, NULL);
      attach_cell (self, row->applicant_name, 4, i + 1, NULL);
      attach_cell (self, row->iin, 5, i + 1, NULL);
      attach_cell (self, result, 6, i + 1, classes[row->status]);
    }
}

static void
show_summary (AppealsIntakeImportDialog *self,
              gboolean                   imported)
{
  guint n_new = appeals_intake_import_dialog_count (self, APPEALS_IMPORT_ROW_NEW);
  guint invalid = appeals_intake_import_dialog_count (self, APPEALS_IMPORT_ROW_INVALID);
  guint before = appeals_intake_import_dialog_count (self, APPEALS_IMPORT_ROW_ALREADY_IMPORTED);
  guint done = appeals_intake_import_dialog_count (self, APPEALS_IMPORT_ROW_IMPORTED);
  g_autofree char *text = NULL;

  if (imported)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u appeal entered into today's journal.",
                                         "%u appeals entered into today's journal.", done), done);
  else if (invalid > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u row has errors: correct the file and choose it again. Nothing is "
                                         "imported while a row is wrong.",
                                         "%u rows have errors: correct the file and choose it again. Nothing is "
                                         "imported while a row is wrong.", invalid), invalid);
  else if (n_new == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Nothing new: the %u appeal of this file is already "
                                         "imported.", "Nothing new: the %u appeals of this file are already "
                                         "imported.", before), before);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u appeal is ready to import.",
                                         "%u appeals are ready to import.", n_new), n_new);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", !imported && invalid == 0 && n_new > 0);
}

/* The server --------------------------------------------------------------- */

static void
on_answered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AppealsIntakeImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = appeals_intake_service_import_finish (APPEALS_INTAKE_SERVICE (source), result, &error);
  gboolean imported;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (rows == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The file cannot be imported: %s"), error->message);

      show_rows (self);
      gtk_label_set_text (self->status_label, text);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
      return;
    }
  self->rows = g_steal_pointer (&rows);
  imported = appeals_intake_import_dialog_count (self, APPEALS_IMPORT_ROW_IMPORTED) > 0;
  show_rows (self);
  show_summary (self, imported);
  if (imported)
    g_signal_emit (self, signals[IMPORTED], 0, appeals_intake_import_dialog_count (self, APPEALS_IMPORT_ROW_IMPORTED));
}

static void
send_file (AppealsIntakeImportDialog *self,
           gboolean                   import)
{
  self->busy = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
  gtk_label_set_text (self->status_label, import ? _("Importing…") : _("Checking the file…"));
  appeals_intake_service_import_async (appeals_context_get_intake_service (self->context), self->format,
                                       self->content, self->file_name, import, self->cancellable, on_answered,
                                       g_object_ref (self));
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AppealsIntakeImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &content, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->busy = FALSE;
          gtk_label_set_text (self->status_label, error->message);
        }
      return;
    }
  g_free (self->content);
  self->content = g_steal_pointer (&content);
  send_file (self, FALSE);
}

/**
 * appeals_intake_import_dialog_load_file:
 *
 * Reads @file and has the server preview it: a name ending in ".csv" is
 * read as CSV, any other as JSON.
 */
void
appeals_intake_import_dialog_load_file (AppealsIntakeImportDialog *self,
                                        GFile                     *file)
{
  g_autofree char *lower = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->file_name);
  self->file_name = g_file_get_basename (file);
  lower = g_utf8_strdown (self->file_name, -1);
  g_free (self->format);
  self->format = g_strdup (g_str_has_suffix (lower, ".csv") ? "csv" : "json");
  adw_window_title_set_subtitle (self->title, self->file_name);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  show_rows (self);
  self->busy = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
  g_file_load_contents_async (file, self->cancellable, on_file_loaded, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog           *chooser,
                     int                        response,
                     AppealsIntakeImportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    appeals_intake_import_dialog_load_file (self, file);
  g_object_unref (chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Choose an Exported File"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                               _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON or CSV files"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AppealsIntakeImportDialog *self = APPEALS_INTAKE_IMPORT_DIALOG (widget);

  if (self->busy || self->content == NULL || appeals_intake_import_dialog_count (self, APPEALS_IMPORT_ROW_NEW) == 0)
    return;
  send_file (self, TRUE);
}

/* Construction ------------------------------------------------------------- */

static void
appeals_intake_import_dialog_dispose (GObject *object)
{
  AppealsIntakeImportDialog *self = (AppealsIntakeImportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->content, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (appeals_intake_import_dialog_parent_class)->dispose (object);
}

static void
appeals_intake_import_dialog_class_init (AppealsIntakeImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = appeals_intake_import_dialog_dispose;
  appeals_intake_import_dialog_install_context_property (G_OBJECT_CLASS (klass));

  /**
   * AppealsIntakeImportDialog::imported:
   * @count: how many appeals entered today's journal
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
new_button (const char *mnemonic,
            const char *name,
            const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_name (button, name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
appeals_intake_import_dialog_init (AppealsIntakeImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *intro = gtk_label_new (_("A file exported from e-gov / eOtinish or the President's Virtual reception, "
                                      "in JSON or CSV. Every row is checked first; rows imported before are "
                                      "skipped."));
  GtkWidget *run = new_button (_("_Import"), "import-run", "import.run");

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Import from Electronic Channels"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), new_button (_("_Choose File…"), "import-choose",
                                                                  "import.choose"));
  gtk_widget_add_css_class (run, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), run);

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  self->status_label = GTK_LABEL (gtk_label_new (_("Choose a file to check it.")));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_set_name (GTK_WIDGET (self->status_label), "import-status");
  self->table = GTK_GRID (gtk_grid_new ());
  gtk_widget_set_name (GTK_WIDGET (self->table), "import-table");
  gtk_grid_set_row_spacing (self->table, 6);
  gtk_grid_set_column_spacing (self->table, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->table));
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (content), intro);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (content), scrolled);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 640);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
}

AppealsIntakeImportDialog *
appeals_intake_import_dialog_new (AppealsContext *context,
                                  GtkWindow      *parent)
{
  /* one of the application's windows, as the card and the reception are */
  return g_object_new (APPEALS_TYPE_INTAKE_IMPORT_DIALOG, "context", context, "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "modal", TRUE, NULL);
}
