/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-action-dialog.c: a small modal window for one lifecycle action
 * of an appeal (forward, extend, answer, terminate, …) or for the notice
 * to the applicant: the members the action needs, with the classifiers as
 * drop-downs and dates as the desks write them, DD.MM.YYYY (YYYY-MM-DD
 * is taken too). The server decides; its field
 * errors appear under their fields and what was typed stays, so the user
 * corrects and applies again.
 *
 * Signal "done" (appeal, etag) once the server took it; the window then
 * closes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-action-dialog.h"
#include "appeals-appeal-service-lifecycle.h"
#include "appeals-field-error-row.h"

typedef enum
{
  KIND_ENTRY,
  KIND_DATE,
  KIND_CHOICE,
} FieldKind;

typedef struct
{
  const char *action;
  const char *name;
  FieldKind   kind;
  const char *label;
  const char *classifier;   /* KIND_CHOICE: a classifier, or NULL for the fixed choices below */
} FieldInfo;

static const FieldInfo field_infos[] = {
  { "forward", "body", KIND_CHOICE, N_("Competent body"), APPEALS_CLASSIFIER_ADDRESSEE_BODIES },
  { "forward", "scope", KIND_CHOICE, N_("Forwarded"), NULL },
  { "forward", "outgoing_number", KIND_ENTRY, N_("Outgoing number"), NULL },
  { "forward", "outgoing_date", KIND_DATE, N_("Outgoing date"), NULL },
  { "extend", "due_date", KIND_DATE, N_("New due date"), NULL },
  { "extend", "reason", KIND_ENTRY, N_("Reason for the extension"), NULL },
  { "answer", "text", KIND_ENTRY, N_("Answer of the body"), NULL },
  { "answer", "received_on", KIND_DATE, N_("Answer received on"), NULL },
  { "answer", "character", KIND_CHOICE, N_("Character of the answer"), APPEALS_CLASSIFIER_ANSWER_CHARACTERS },
  { "answer", "attachment_id", KIND_CHOICE, N_("Answer document"), NULL },   /* the appeal's files, once loaded */
  { "terminate", "ground", KIND_CHOICE, N_("Ground"), APPEALS_CLASSIFIER_TERMINATION_GROUNDS },
  { "terminate", "reason", KIND_ENTRY, N_("Reason"), NULL },
  { "leave-without-consideration", "ground", KIND_CHOICE, N_("Ground"), APPEALS_CLASSIFIER_TERMINATION_GROUNDS },
  { "leave-without-consideration", "reason", KIND_ENTRY, N_("Reason"), NULL },
  { "reopen", "reason", KIND_ENTRY, N_("Reason for reopening"), NULL },
  { APPEALS_ACTION_DIALOG_NOTICE, "outgoing_number", KIND_ENTRY, N_("Outgoing number"), NULL },
  { APPEALS_ACTION_DIALOG_NOTICE, "outgoing_date", KIND_DATE, N_("Outgoing date"), NULL },
  { APPEALS_ACTION_DIALOG_NOTICE, "language", KIND_CHOICE, N_("Language of the notice"), NULL },
};

/* the fixed choices: wire value and label */
static const struct { const char *field; const char *value; const char *label; } fixed_choices[] = {
  { "scope", "full", N_("Fully") },
  { "scope", "partial", N_("In part, the rest is considered here") },
  { "attachment_id", "", N_("None attached") },
  { "language", "kk", N_("Kazakh") },
  { "language", "ru", N_("Russian") },
};

typedef struct
{
  const FieldInfo *info;
  GtkWidget       *input;       /* AdwEntryRow, or GtkDropDown in an AdwActionRow */
  GtkWidget       *error_row;   /* AppealsFieldErrorRow, right below */
  GPtrArray       *values;      /* KIND_CHOICE: wire value per position */
} Field;

struct _AppealsActionDialog
{
  AdwWindow            parent_instance;

  AppealsContext      *context;
  AppealsAppeal       *appeal;
  char                *etag;
  char                *action;
  GPtrArray           *fields;       /* Field */
  GtkLabel            *status;
  GtkWidget           *apply_button;
  GCancellable        *cancellable;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (AppealsActionDialog, appeals_action_dialog, ADW_TYPE_WINDOW)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsActionDialog, appeals_action_dialog)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (Field *field)
{
  g_clear_pointer (&field->values, g_ptr_array_unref);
  g_free (field);
}

static Field *
find_field (AppealsActionDialog *self,
            const char          *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->info->name, name))
        return field;
    }
  return NULL;
}

static void
show_field_error (Field      *field,
                  const char *message)
{
  appeals_field_error_row_set_message (APPEALS_FIELD_ERROR_ROW (field->error_row), message);
}

static GtkWidget *
make_dropdown (AppealsActionDialog *self,
               Field               *field)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  field->values = g_ptr_array_new_with_free_func (g_free);
  if (field->info->classifier != NULL)
    {
      AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);
      AppealsClassifier *classifier = appeals_reference_service_get_classifier (reference, field->info->classifier);

      for (guint i = 0; i < appeals_classifier_get_n_items (classifier); i++)
        {
          const AppealsClassifierItem *item = appeals_classifier_get_item (classifier, i);

          /* the grounds are the action's own */
          if (g_str_equal (field->info->classifier, APPEALS_CLASSIFIER_TERMINATION_GROUNDS) &&
              g_strcmp0 (item->kind, self->action) != 0)
            continue;
          gtk_string_list_append (labels, appeals_classifier_item_get_label (item, NULL));
          g_ptr_array_add (field->values, g_strdup (item->code));
        }
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (fixed_choices); i++)
      if (g_str_equal (fixed_choices[i].field, field->info->name))
        {
          gtk_string_list_append (labels, _(fixed_choices[i].label));
          g_ptr_array_add (field->values, g_strdup (fixed_choices[i].value));
        }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), field->info->classifier != NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (dropdown, 280, -1);
  return dropdown;
}

/* What a field starts with: today for dates (a month on for a new term),
 * the addressee for forwarding, the appeal's language for a notice. */
static void
set_default (AppealsActionDialog *self,
             Field               *field)
{
  GDate day;

  if (field->info->kind == KIND_DATE)
    {
      g_autofree char *text = NULL;

      appeals_date_get_today (&day);
      if (g_str_equal (field->info->name, "due_date") && g_date_valid (&self->appeal->due_date))
        {
          day = self->appeal->due_date;
          g_date_add_months (&day, 1);
        }
      text = appeals_date_format_text (&day);
      gtk_editable_set_text (GTK_EDITABLE (field->input), text);
    }
  else if (g_str_equal (field->info->name, "body"))
    appeals_action_dialog_set_value (self, "body", self->appeal->addressee_body);
  else if (g_str_equal (field->info->name, "language"))
    appeals_action_dialog_set_value (self, "language", self->appeal->language == APPEALS_LANGUAGE_KK ? "kk" : "ru");
}

static void
add_field (AppealsActionDialog *self,
           AdwPreferencesGroup *group,
           const FieldInfo     *info)
{
  Field *field = g_new0 (Field, 1);
  GtkWidget *row;

  field->info = info;
  if (info->kind == KIND_CHOICE)
    {
      row = adw_action_row_new ();
      field->input = make_dropdown (self, field);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->input);
      /* a drop-down beside its title is heard with the title */
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(info->label), -1);
    }
  else
    {
      row = adw_entry_row_new ();
      field->input = row;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->label));
  gtk_widget_set_name (field->input, info->name);

  adw_preferences_group_add (group, row);
  field->error_row = appeals_field_error_row_add (group, row);
  g_ptr_array_add (self->fields, field);
  set_default (self, field);
}

/**
 * appeals_action_dialog_set_value:
 * @value: the text, a date as DD.MM.YYYY or YYYY-MM-DD, or a choice's
 *   wire value
 *
 * Returns: whether @field exists and took @value.
 */
gboolean
appeals_action_dialog_set_value (AppealsActionDialog *self,
                                 const char          *field_name,
                                 const char          *value)
{
  Field *field = find_field (self, field_name);

  g_return_val_if_fail (APPEALS_IS_ACTION_DIALOG (self), FALSE);

  if (field == NULL)
    return FALSE;
  if (field->info->kind != KIND_CHOICE)
    {
      gtk_editable_set_text (GTK_EDITABLE (field->input), value != NULL ? value : "");
      return TRUE;
    }
  for (guint i = 0; value != NULL && i < field->values->len; i++)
    if (g_str_equal (g_ptr_array_index (field->values, i), value))
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (field->input), i);
        return TRUE;
      }
  return FALSE;
}

/* A field's value as typed: NULL when empty. */
static char *
dup_value (Field *field)
{
  if (field->info->kind == KIND_CHOICE)
    {
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->input));

      return selected < field->values->len ? g_strdup (g_ptr_array_index (field->values, selected)) : NULL;
    }
  else
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->input))));

      return *text != '\0' ? g_steal_pointer (&text) : NULL;
    }
}

/* Reads the fields into @request; a date that is not one is this side's
 * error, shown at once. */
static gboolean
read_request (AppealsActionDialog  *self,
              AppealsActionRequest *request,
              char                **language)
{
  gboolean valid = TRUE;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *value = dup_value (field);
      const char *name = field->info->name;
      GDate *date = g_str_equal (name, "outgoing_date") ? &request->outgoing_date
                    : g_str_equal (name, "due_date") ? &request->due_date
                    : g_str_equal (name, "received_on") ? &request->received_on : NULL;
      char **slot = g_str_equal (name, "body") ? &request->body
                    : g_str_equal (name, "scope") ? &request->scope
                    : g_str_equal (name, "outgoing_number") ? &request->outgoing_number
                    : g_str_equal (name, "reason") ? &request->reason
                    : g_str_equal (name, "text") ? &request->text
                    : g_str_equal (name, "character") ? &request->character
                    : g_str_equal (name, "ground") ? &request->ground
                    : language;

      show_field_error (field, NULL);
      if (g_str_equal (name, "attachment_id"))
        request->attachment_id = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
      else if (date != NULL)
        {
          if (value != NULL && !appeals_date_parse_text (value, date))
            {
              show_field_error (field, appeals_field_error_code_describe (APPEALS_FIELD_INVALID_DATE));
              valid = FALSE;
            }
        }
      else
        *slot = g_steal_pointer (&value);
    }
  return valid;
}

static void
set_busy (AppealsActionDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->apply_button, !busy);
}

static void
on_applied (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AppealsActionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(AppealsAppeal) appeal = NULL;
  GPtrArray *field_errors;
  guint placed = 0;

  if (g_str_equal (self->action, APPEALS_ACTION_DIALOG_NOTICE))
    appeal = appeals_appeal_service_record_notice_finish (APPEALS_APPEAL_SERVICE (source), result, &etag, &error);
  else
    appeal = appeals_appeal_service_take_action_finish (APPEALS_APPEAL_SERVICE (source), result, &etag, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);

  if (appeal != NULL)
    {
      g_signal_emit (self, signals[DONE], 0, appeal, etag);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  field_errors = appeals_service_error_get_field_errors (error);
  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      const AppealsFieldError *field_error = g_ptr_array_index (field_errors, i);
      Field *field = find_field (self, field_error->field);
      g_autofree char *message = appeals_field_error_describe (field_error);

      if (field != NULL)
        {
          show_field_error (field, message);
          placed++;
        }
    }
  gtk_label_set_text (self->status, placed > 0 ? _("Some fields need correcting: see the messages below them.")
                                               : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
}

/**
 * appeals_action_dialog_apply:
 *
 * Sends the action with what the fields hold.
 */
void
appeals_action_dialog_apply (AppealsActionDialog *self)
{
  AppealsAppealService *service = appeals_context_get_appeal_service (self->context);
  g_autoptr(AppealsActionRequest) request = appeals_action_request_new ();
  g_autofree char *language = NULL;

  g_return_if_fail (APPEALS_IS_ACTION_DIALOG (self));

  if (self->busy)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  if (!read_request (self, request, &language))
    return;

  set_busy (self, TRUE);
  if (g_str_equal (self->action, APPEALS_ACTION_DIALOG_NOTICE))
    appeals_appeal_service_record_notice_async (service, self->appeal->id, self->appeal->notice_kind, language,
                                                request->outgoing_number, &request->outgoing_date,
                                                self->cancellable, on_applied, g_object_ref (self));
  else
    appeals_appeal_service_take_action_async (service, self->appeal->id, self->etag, self->action, request,
                                              self->cancellable, on_applied, g_object_ref (self));
}

static void
on_apply_clicked (GtkButton           *button,
                  AppealsActionDialog *self)
{
  appeals_action_dialog_apply (self);
}

static const char *
get_title (const char *action)
{
  AppealsAction value;

  if (appeals_action_from_string (action, &value))
    return appeals_action_get_label (value);
  return _("Notify the applicant");
}

/* What an action without members does, said before it is done. */
static const char *
get_description (const char *action)
{
  if (g_str_equal (action, "control"))
    return _("The appeal is put on control: closing it will need an accepted expertise approved by the head.");
  if (g_str_equal (action, "uncontrol"))
    return _("The appeal is taken off control.");
  if (g_str_equal (action, "close"))
    return _("The appeal is closed with the answer recorded on it.");
  if (g_str_equal (action, "extend"))
    return _("The applicant must be notified of the extension; the notice can be printed from the card.");
  if (g_str_equal (action, APPEALS_ACTION_DIALOG_NOTICE))
    return _("The notice is recorded on the appeal with its outgoing number and printed in the chosen language.");
  return NULL;
}

/* The answer document is one of the appeal's files: the last answer
 * document attached is offered first. */
static void
on_files_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsActionDialog) self = user_data;
  g_autoptr(GPtrArray) files = appeals_file_service_list_finish (APPEALS_FILE_SERVICE (source), result, NULL);
  Field *field = self->fields != NULL ? find_field (self, "attachment_id") : NULL;
  GtkDropDown *dropdown;
  guint last_answer = 0;

  if (files == NULL || field == NULL)
    return;
  dropdown = GTK_DROP_DOWN (field->input);
  for (guint i = 0; i < files->len; i++)
    {
      AppealsAttachment *file = g_ptr_array_index (files, i);

      gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), file->file_name);
      g_ptr_array_add (field->values, g_strdup_printf ("%" G_GINT64_FORMAT, file->id));
      if (g_strcmp0 (file->kind, "answer_document") == 0)
        last_answer = field->values->len - 1;
    }
  gtk_drop_down_set_selected (dropdown, last_answer);
}

static void
build (AppealsActionDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  gtk_window_set_title (GTK_WINDOW (self), get_title (self->action));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, -1);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->apply_button = gtk_button_new_with_label (get_title (self->action));
  gtk_widget_set_name (self->apply_button, "apply");
  gtk_widget_add_css_class (self->apply_button, g_str_equal (self->action, "terminate") ||
                                                g_str_equal (self->action, "leave-without-consideration")
                                                ? "destructive-action" : "suggested-action");
  g_signal_connect (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "field-error");
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->status));

  if (get_description (self->action) != NULL)
    adw_preferences_group_set_description (group, get_description (self->action));
  for (guint i = 0; i < G_N_ELEMENTS (field_infos); i++)
    if (g_str_equal (field_infos[i].action, self->action))
      add_field (self, group, &field_infos[i]);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (group));
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);

  if (find_field (self, "attachment_id") != NULL)
    appeals_file_service_list_async (appeals_context_get_file_service (self->context), self->appeal->id,
                                     self->cancellable, on_files_loaded, g_object_ref (self));
}

const char *
appeals_action_dialog_get_action (AppealsActionDialog *self)
{
  g_return_val_if_fail (APPEALS_IS_ACTION_DIALOG (self), NULL);

  return self->action;
}

/**
 * appeals_action_dialog_get_error:
 *
 * Returns: (nullable): the message shown under @field, if any
 */
const char *
appeals_action_dialog_get_error (AppealsActionDialog *self,
                                 const char          *field_name)
{
  Field *field = find_field (self, field_name);

  g_return_val_if_fail (APPEALS_IS_ACTION_DIALOG (self), NULL);

  if (field == NULL)
    return NULL;
  return appeals_field_error_row_get_message (APPEALS_FIELD_ERROR_ROW (field->error_row));
}

gboolean
appeals_action_dialog_is_busy (AppealsActionDialog *self)
{
  g_return_val_if_fail (APPEALS_IS_ACTION_DIALOG (self), FALSE);

  return self->busy;
}

static void
appeals_action_dialog_dispose (GObject *object)
{
  AppealsActionDialog *self = APPEALS_ACTION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->appeal);
  g_clear_object (&self->context);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  G_OBJECT_CLASS (appeals_action_dialog_parent_class)->dispose (object);
}

static void
appeals_action_dialog_finalize (GObject *object)
{
  AppealsActionDialog *self = APPEALS_ACTION_DIALOG (object);

  g_free (self->etag);
  g_free (self->action);
  G_OBJECT_CLASS (appeals_action_dialog_parent_class)->finalize (object);
}

static void
appeals_action_dialog_class_init (AppealsActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = appeals_action_dialog_dispose;
  object_class->finalize = appeals_action_dialog_finalize;
  appeals_action_dialog_install_context_property (object_class);

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 2, APPEALS_TYPE_APPEAL, G_TYPE_STRING);
}

static void
appeals_action_dialog_init (AppealsActionDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
}

/**
 * appeals_action_dialog_new:
 * @etag: @appeal's ETag: the action is decided on this version
 * @action: a lifecycle action's name, or %APPEALS_ACTION_DIALOG_NOTICE
 */
AppealsActionDialog *
appeals_action_dialog_new (GtkWindow      *parent,
                           AppealsContext *context,
                           AppealsAppeal  *appeal,
                           const char     *etag,
                           const char     *action)
{
  AppealsActionDialog *self;

  g_return_val_if_fail (APPEALS_IS_APPEAL (appeal), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  self = g_object_new (APPEALS_TYPE_ACTION_DIALOG, "context", context, "transient-for", parent, NULL);
  self->appeal = g_object_ref (appeal);
  self->etag = g_strdup (etag);
  self->action = g_strdup (action);
  build (self);
  return self;
}
