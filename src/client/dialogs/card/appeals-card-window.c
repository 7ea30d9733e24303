/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window.c: editing one card.
 *
 * Loading, the derived information (deadline, earlier appeals, the IIN),
 * the history, and drafts: every change restarts a short timer that writes
 * a local draft. Saving lives in appeals-card-window-save.c.
 *
 * Signals: "loaded" once the card (or a new empty one) is shown, "saved"
 * after a successful save, "save-failed" when a save did not go through.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-card-window-private.h"
#include "appeals-journal-page.h"
#include "appeals-merge-dialog.h"
#include "appeals-window.h"

/* applicant fields that do not change after registration */
static const char *locked_applicant_fields[] = {
  "iin", "surname", "given_name", "patronymic", "social_status", "occupation", NULL
};


G_DEFINE_FINAL_TYPE (AppealsCardWindow, appeals_card_window, ADW_TYPE_WINDOW)

enum {
  LOADED,
  SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


void
_appeals_card_window_emit_saved (AppealsCardWindow *self)
{
  g_signal_emit (self, signals[SAVED], 0);
}

void
_appeals_card_window_emit_save_failed (AppealsCardWindow *self)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0);
}

AppealsCardForm *
appeals_card_window_get_form (AppealsCardWindow *self)
{
  return self->form;
}

gint64
appeals_card_window_get_appeal_id (AppealsCardWindow *self)
{
  return self->appeal_id;
}

gboolean
appeals_card_window_is_busy (AppealsCardWindow *self)
{
  return self->saving || self->loading;
}

AppealsMergeDialog *
appeals_card_window_get_merge_dialog (AppealsCardWindow *self)
{
  return self->merge_dialog;
}

const char *
appeals_card_window_get_draft_key (AppealsCardWindow *self)
{
  return self->draft->key;
}

AppealsApiClient *
_appeals_card_window_get_client (AppealsCardWindow *self)
{
  return appeals_application_get_client (self->application);
}

void
_appeals_card_window_show_status (AppealsCardWindow *self,
             const char        *message)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->status_revealer, message != NULL);
}

void
_appeals_card_window_update_title (AppealsCardWindow *self)
{
  const char *number = self->appeal_base != NULL
                       ? json_object_get_string_member_with_default (self->appeal_base, "registration_number", NULL)
                       : NULL;
  g_autofree char *title = number != NULL ? g_strdup_printf (_("Card %s"), number) : g_strdup (_("New Card"));

  gtk_window_set_title (GTK_WINDOW (self), title);
  /* beside the switcher the number alone says it */
  adw_window_title_set_title (self->window_title, number != NULL ? number : title);
  adw_window_title_set_subtitle (self->window_title, self->dirty ? _("Unsaved changes") : NULL);
  /* a reception is booked on a registered appeal */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.book-reception", number != NULL && self->parent != NULL);
}

static void
book_reception_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AppealsCardWindow *self = APPEALS_CARD_WINDOW (widget);
  g_autofree char *iin = g_strstrip (g_strdup (appeals_card_form_get_text (self->form, "iin")));

  appeals_window_book_reception (self->parent, iin, self->appeal_id);
}

/* Drafts ------------------------------------------------------------------ */

void
appeals_card_window_save_draft_now (AppealsCardWindow *self)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  g_clear_pointer (&self->draft->applicant, json_node_unref);
  g_clear_pointer (&self->draft->appeal, json_node_unref);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, appeals_card_form_get_values (self->form, APPEALS_CARD_PART_APPLICANT));
  self->draft->applicant = node;
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, appeals_card_form_get_values (self->form, APPEALS_CARD_PART_APPEAL));
  self->draft->appeal = node;
  self->draft->appeal_id = self->appeal_id;
  g_free (self->draft->etag);
  self->draft->etag = g_strdup (self->appeal_etag);

  if (!appeals_draft_save (appeals_application_get_server_url (self->application), self->draft, &error))
    g_warning ("draft %s: %s", self->draft->key, error->message);
}

static gboolean
on_autosave (gpointer user_data)
{
  AppealsCardWindow *self = user_data;

  self->autosave_source = 0;
  if (self->dirty)
    appeals_card_window_save_draft_now (self);
  return G_SOURCE_REMOVE;
}

void
_appeals_card_window_remove_draft (AppealsCardWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  appeals_draft_remove (appeals_application_get_server_url (self->application), self->draft);
}

/* Derived information --------------------------------------------------------- */

void
_appeals_card_window_update_due (AppealsCardWindow *self)
{
  const char *due_text = self->appeal_base != NULL
                         ? json_object_get_string_member_with_default (self->appeal_base, "due_date", NULL) : NULL;
  AppealsDeadlineRules *rules = appeals_application_get_deadlines (self->application);
  AppealsCalendar *calendar = appeals_application_get_calendar (self->application);
  g_autoptr(JsonObject) values = appeals_card_form_get_values (self->form, APPEALS_CARD_PART_APPEAL);
  g_autofree char *text = NULL;
  AppealsDeadlineState state;
  GDate due, today;
  char buffer[32];

  appeals_date_get_today (&today);

  if (due_text == NULL || !appeals_date_parse_iso (due_text, &due))
    {
      /* a new card: what the deadline will be if registered today */
      const char *kind = json_object_get_string_member_with_default (values, "kind", NULL);

      if (kind == NULL || !appeals_deadline_rules_compute_due (rules, calendar, kind, &today, &due, NULL))
        {
          adw_action_row_set_subtitle (self->due_row, _("Choose the kind of appeal to see its deadline"));
          return;
        }
    }

  appeals_deadline_rules_evaluate (rules, calendar, &due, &today, &state);
  g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", &due);
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "appeal-overdue");

  if (state.status == APPEALS_DEADLINE_OVERDUE)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — overdue by %d working day",
                                           "%s — overdue by %d working days", state.working_days_overdue),
                              buffer, state.working_days_overdue);
      gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "appeal-overdue");
    }
  else if (state.status == APPEALS_DEADLINE_DUE_TODAY)
    text = g_strdup_printf (_("%s — due today"), buffer);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %d working day left",
                                         "%s — %d working days left", state.working_days_left),
                            buffer, state.working_days_left);

  adw_action_row_set_subtitle (self->due_row, text);
}

static void
on_earlier_clicked (GtkButton         *button,
                    AppealsCardWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "appeal-id"));

  appeals_window_open_card (self->parent, id);
}

static void
on_earlier_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, NULL);
  JsonArray *items;
  guint shown = 0;

  if (response == NULL || !appeals_api_response_is_success (response))
    return;

  for (guint i = 0; i < self->repeat_rows->len; i++)
    adw_expander_row_remove (self->repeat_row, g_ptr_array_index (self->repeat_rows, i));
  g_ptr_array_set_size (self->repeat_rows, 0);

  items = json_object_get_array_member (json_node_get_object (response->body), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(AppealsAppeal) earlier = appeals_appeal_new_from_json (json_array_get_element (items, i), NULL);
      GtkWidget *row, *button;
      g_autofree char *title = NULL;
      char date[32];

      if (earlier == NULL || earlier->id == self->appeal_id)
        continue;

      g_date_strftime (date, sizeof date, "%d.%m.%Y", &earlier->registration_date);
      title = g_strdup_printf ("%s · %s", earlier->registration_number, date);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), earlier->annotation);
      button = gtk_button_new_from_icon_name ("go-next-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Open this appeal"));
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "appeal-id", GSIZE_TO_POINTER (earlier->id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_earlier_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (self->repeat_row, row);
      g_ptr_array_add (self->repeat_rows, row);
      shown++;
    }

  if (shown > 0)
    {
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "Repeat appeal: %u earlier appeal",
                                                                "Repeat appeal: %u earlier appeals", shown), shown);
      adw_expander_row_set_subtitle (self->repeat_row, subtitle);
    }
  else
    adw_expander_row_set_subtitle (self->repeat_row, _("None: this is not a repeat appeal"));
  adw_expander_row_set_enable_expansion (self->repeat_row, shown > 0);
}

static void
load_earlier (AppealsCardWindow *self)
{
  g_autoptr(JsonObject) values = appeals_card_form_get_values (self->form, APPEALS_CARD_PART_APPEAL);
  const char *question = json_object_get_string_member_with_default (values, "question_character", NULL);
  g_autofree char *path = NULL;

  if (self->applicant_id == 0 || question == NULL)
    {
      adw_expander_row_set_subtitle (self->repeat_row, _("None"));
      adw_expander_row_set_enable_expansion (self->repeat_row, FALSE);
      return;
    }

  path = g_strdup_printf ("appeals?applicant_id=%" G_GINT64_FORMAT "&question_character=%s&limit=20",
                          self->applicant_id, question);
  appeals_api_client_request_async (_appeals_card_window_get_client (self), "GET", path, NULL, NULL, NULL, self->cancellable,
                                    on_earlier_loaded, g_object_ref (self));
}

/* History ------------------------------------------------------------------ */

static void
on_history_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, NULL);
  GtkWidget *child;
  JsonArray *items;

  if (response == NULL || !appeals_api_response_is_success (response))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  items = json_object_get_array_member (json_node_get_object (response->body), "items");
  for (int i = json_array_get_length (items) - 1; i >= 0; i--)
    {
      JsonObject *entry = json_array_get_object_element (items, i);
      JsonArray *changes = json_object_get_array_member (entry, "changes");
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (json_object_get_string_member (entry, "at"), NULL);
      g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%d.%m.%Y %H:%M") : g_strdup ("");
      g_autofree char *title = NULL;
      g_autoptr(GString) body = g_string_new (NULL);
      GtkWidget *row = adw_expander_row_new ();
      const char *action = json_object_get_string_member (entry, "action");

      if (g_str_equal (action, "create"))
        title = g_strdup_printf (_("Registered by %s"), json_object_get_string_member (entry, "actor"));
      else if (g_str_equal (action, "expertise"))
        title = g_strdup_printf (_("Answer checked by %s"), json_object_get_string_member (entry, "actor"));
      else
        title = g_strdup_printf (_("Changed by %s"), json_object_get_string_member (entry, "actor"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), when);

      for (guint j = 0; j < json_array_get_length (changes); j++)
        {
          JsonObject *change = json_array_get_object_element (changes, j);
          const char *field = json_object_get_string_member (change, "field");
          g_autofree char *before = appeals_card_form_format_value (self->form, field,
                                                                    json_object_get_member (change, "before"));
          g_autofree char *after = appeals_card_form_format_value (self->form, field,
                                                                   json_object_get_member (change, "after"));
          GtkWidget *line = adw_action_row_new ();
          g_autofree char *text = g_str_equal (action, "create") ? g_strdup (after)
                                                                 : g_strdup_printf ("%s → %s", before, after);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), appeals_card_form_get_label (self->form, field));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (line), text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
        }

      gtk_list_box_append (self->history_list, row);
    }

  gtk_stack_set_visible_child_name (self->history_stack, json_array_get_length (items) > 0 ? "list" : "empty");
}

void
_appeals_card_window_load_history (AppealsCardWindow *self)
{
  g_autofree char *path = NULL;

  if (self->appeal_id == 0)
    return;

  path = g_strdup_printf ("appeals/%" G_GINT64_FORMAT "/history", self->appeal_id);
  appeals_api_client_request_async (_appeals_card_window_get_client (self), "GET", path, NULL, NULL, NULL, self->cancellable,
                                    on_history_loaded, g_object_ref (self));
}

/* The applicant ------------------------------------------------------------ */

static void describe_iin (AppealsCardWindow *self,
                          const char        *iin);

void
_appeals_card_window_set_applicant (AppealsCardWindow *self,
               JsonObject        *applicant,
               const char        *etag)
{
  self->applicant_id = json_object_get_int_member_with_default (applicant, "id", 0);
  g_free (self->applicant_etag);
  self->applicant_etag = g_strdup (etag);
  g_clear_pointer (&self->applicant_base, json_object_unref);
  self->applicant_base = json_object_ref (applicant);

  appeals_card_form_set_values (self->form, APPEALS_CARD_PART_APPLICANT, applicant);
  describe_iin (self, json_object_get_string_member_with_default (applicant, "iin", ""));
  for (guint i = 0; locked_applicant_fields[i] != NULL; i++)
    appeals_card_form_set_locked (self->form, locked_applicant_fields[i], self->applicant_id > 0);
}

static void
describe_iin (AppealsCardWindow *self,
              const char        *iin)
{
  g_autofree char *text = NULL;
  AppealsSex sex;
  GDate birth;

  if (appeals_iin_parse (iin, &birth, &sex, NULL))
    {
      char date[32];
      GDate today;
      int age;

      appeals_date_get_today (&today);
      g_date_strftime (date, sizeof date, "%d.%m.%Y", &birth);
      age = appeals_iin_age_on (iin, &today);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Born %s · %s · %d year old",
                                           "Born %s · %s · %d years old", age),
                              date, appeals_enum_get_label (APPEALS_TYPE_SEX, sex), age);
    }
  else if (appeals_bin_validate (iin, NULL))
    text = g_strdup (_("A legal entity (BIN)"));

  gtk_label_set_text (self->iin_info, text != NULL ? text : "");
}

static void
on_applicant_found (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, &error);
  JsonArray *items;

  if (response == NULL || !appeals_api_response_is_success (response))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        appeals_window_connection_lost (self->parent);
      return;
    }

  items = json_object_get_array_member (json_node_get_object (response->body), "items");
  if (json_array_get_length (items) > 0)
    {
      JsonObject *applicant = json_array_get_object_element (items, 0);
      g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\"",
                                               json_object_get_int_member (applicant, "id"),
                                               json_object_get_int_member (applicant, "version"));

      _appeals_card_window_set_applicant (self, applicant, etag);
      load_earlier (self);
    }
}

static void
on_iin_changed (AppealsCardWindow *self)
{
  g_autofree char *iin = g_strstrip (g_strdup (appeals_card_form_get_text (self->form, "iin")));
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  describe_iin (self, iin);

  if (strlen (iin) < 12)
    {
      appeals_card_form_show_error (self->form, "iin", NULL);
      return;
    }

  if (appeals_tax_id_classify (iin) == APPEALS_TAX_ID_INVALID)
    {
      appeals_iin_validate (iin, &error);
      appeals_card_form_show_error (self->form, "iin", error->message);
      return;
    }

  appeals_card_form_show_error (self->form, "iin", NULL);
  if (self->applicant_id > 0 || g_strcmp0 (iin, self->looked_up_iin) == 0)
    return;

  g_free (self->looked_up_iin);
  self->looked_up_iin = g_strdup (iin);
  path = g_strdup_printf ("applicants?iin=%s", iin);
  appeals_api_client_request_async (_appeals_card_window_get_client (self), "GET", path, NULL, NULL, NULL, self->cancellable,
                                    on_applicant_found, g_object_ref (self));
}

static void
on_form_changed (AppealsCardForm   *form,
                 const char        *field,
                 AppealsCardWindow *self)
{
  GSettings *settings = appeals_application_get_settings (self->application);

  if (g_str_equal (field, "iin"))
    on_iin_changed (self);
  else
    appeals_card_form_show_error (self->form, field, NULL);

  if (g_str_equal (field, "category"))
    {
      g_autoptr(JsonObject) values = appeals_card_form_get_values (self->form, APPEALS_CARD_PART_APPEAL);

      appeals_card_form_set_visible (self->form, "complaint_subject",
                                     g_strcmp0 (json_object_get_string_member_with_default (values, "category", NULL),
                                                "complaint") == 0);
    }
  if (g_str_equal (field, "kind"))
    _appeals_card_window_update_due (self);
  if (g_str_equal (field, "question_character"))
    load_earlier (self);

  if (self->loading)
    return;

  self->dirty = TRUE;
  _appeals_card_window_update_title (self);
  /* saved a few seconds after the first unsaved change, however long the
   * typing goes on */
  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add_seconds (g_settings_get_int (settings, "draft-autosave-seconds"),
                                                   on_autosave, self);
}

/* Loading ------------------------------------------------------------------- */

static void
finish_loading (AppealsCardWindow *self)
{
  self->loading = FALSE;

  /* a kept draft goes over what the server has */
  if (self->draft->appeal != NULL && JSON_NODE_HOLDS_OBJECT (self->draft->appeal))
    {
      if (self->draft->applicant != NULL && JSON_NODE_HOLDS_OBJECT (self->draft->applicant))
        appeals_card_form_set_values (self->form, APPEALS_CARD_PART_APPLICANT,
                                      json_node_get_object (self->draft->applicant));
      appeals_card_form_set_values (self->form, APPEALS_CARD_PART_APPEAL, json_node_get_object (self->draft->appeal));
      self->dirty = TRUE;
      _appeals_card_window_show_status (self, _("Restored from a draft that was not saved"));
      if (self->applicant_id == 0)
        on_iin_changed (self);
    }

  {
    g_autoptr(JsonObject) values = appeals_card_form_get_values (self->form, APPEALS_CARD_PART_APPEAL);
    appeals_card_form_set_visible (self->form, "complaint_subject",
                                   g_strcmp0 (json_object_get_string_member_with_default (values, "category", NULL),
                                              "complaint") == 0);
  }

  _appeals_card_window_update_title (self);
  _appeals_card_window_update_due (self);
  load_earlier (self);
  _appeals_card_window_load_history (self);
  gtk_spinner_stop (self->spinner);
  g_signal_emit (self, signals[LOADED], 0);
}

static gboolean
finish_loading_idle (gpointer user_data)
{
  finish_loading (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_card_applicant_loaded (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, &error);

  if (response != NULL && appeals_api_response_is_success (response))
    {
      self->loading = TRUE;
      _appeals_card_window_set_applicant (self, json_node_get_object (response->body), response->etag);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _appeals_card_window_show_status (self, error->message);

  finish_loading (self);
}

void
_appeals_card_window_take_appeal (AppealsCardWindow *self,
             JsonObject        *appeal,
             const char        *etag)
{
  g_clear_pointer (&self->appeal_base, json_object_unref);
  self->appeal_base = json_object_ref (appeal);
  g_free (self->appeal_etag);
  self->appeal_etag = g_strdup (etag);
  self->appeal_id = json_object_get_int_member (appeal, "id");
  self->applicant_id = json_object_get_int_member (appeal, "applicant_id");

  self->loading = TRUE;
  appeals_card_form_set_values (self->form, APPEALS_CARD_PART_APPEAL, appeal);
  self->loading = FALSE;
}

static void
on_appeal_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, &error);
  g_autofree char *path = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (response == NULL || !appeals_api_response_is_success (response))
    {
      _appeals_card_window_show_status (self, response != NULL ? appeals_api_response_describe (response) : error->message);
      if (error != NULL)
        appeals_window_connection_lost (self->parent);
      finish_loading (self);
      return;
    }

  _appeals_card_window_take_appeal (self, json_node_get_object (response->body), response->etag);
  self->loading = TRUE;

  path = g_strdup_printf ("applicants/%" G_GINT64_FORMAT, self->applicant_id);
  appeals_api_client_request_async (_appeals_card_window_get_client (self), "GET", path, NULL, NULL, NULL, self->cancellable,
                                    on_card_applicant_loaded, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AppealsCardWindow *self = APPEALS_CARD_WINDOW (widget);

  self->retry_seconds = 0;
  _appeals_card_window_save (self);
}

/* Closing keeps unsaved work as a draft. */
static gboolean
appeals_card_window_close_request (GtkWindow *window)
{
  AppealsCardWindow *self = APPEALS_CARD_WINDOW (window);

  if (self->dirty)
    {
      appeals_card_window_save_draft_now (self);
      appeals_window_show_toast (self->parent, _("The unsaved card is kept as a draft"));
    }

  return GTK_WINDOW_CLASS (appeals_card_window_parent_class)->close_request (window);
}

static void
appeals_card_window_dispose (GObject *object)
{
  AppealsCardWindow *self = (AppealsCardWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (self->form != NULL)
    g_signal_handlers_disconnect_by_data (self->form, self);
  g_clear_object (&self->form);
  g_clear_pointer (&self->repeat_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_CARD_WINDOW);

  G_OBJECT_CLASS (appeals_card_window_parent_class)->dispose (object);
}

static void
appeals_card_window_finalize (GObject *object)
{
  AppealsCardWindow *self = (AppealsCardWindow *)object;

  g_clear_pointer (&self->draft, appeals_draft_free);
  g_free (self->appeal_etag);
  g_free (self->applicant_etag);
  g_free (self->looked_up_iin);
  g_clear_pointer (&self->appeal_base, json_object_unref);
  g_clear_pointer (&self->applicant_base, json_object_unref);

  G_OBJECT_CLASS (appeals_card_window_parent_class)->finalize (object);
}

static void
appeals_card_window_class_init (AppealsCardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = appeals_card_window_dispose;
  object_class->finalize = appeals_card_window_finalize;
  window_class->close_request = appeals_card_window_close_request;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-card-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, applicant_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, iin_info);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, appeal_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, due_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, history_stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, history_list);

  gtk_widget_class_install_action (widget_class, "card.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "card.book-reception", NULL, book_reception_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "card.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
appeals_card_window_init (AppealsCardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->repeat_rows = g_ptr_array_new ();
}

/* A refresh brought new rules (a holiday, a term): the due date moves. */
static void
on_rules_changed (AppealsCardWindow *self)
{
  if (self->form != NULL && !self->loading)
    _appeals_card_window_update_due (self);
}

/**
 * appeals_card_window_new:
 * @appeal_id: the appeal to edit, or 0 for a new card
 * @draft: (nullable): a kept draft to restore over the server's version
 */
AppealsCardWindow *
appeals_card_window_new (AppealsApplication *application,
                         AppealsWindow      *parent,
                         gint64              appeal_id,
                         const AppealsDraft *draft)
{
  AppealsCardWindow *self = g_object_new (APPEALS_TYPE_CARD_WINDOW,
                                          "application", application,
                                          "transient-for", NULL,
                                          NULL);

  self->application = application;
  self->parent = parent;
  self->appeal_id = appeal_id;
  self->draft = draft != NULL ? appeals_draft_copy (draft) : appeals_draft_new (appeal_id);
  self->form = appeals_card_form_new (self->applicant_group, self->appeal_group, appeal_id > 0);
  g_signal_connect (self->form, "changed", G_CALLBACK (on_form_changed), self);
  g_signal_connect_object (appeals_context_get_reference_service (appeals_application_get_context (application)),
                           "changed", G_CALLBACK (on_rules_changed), self, G_CONNECT_SWAPPED);

  self->loading = TRUE;
  gtk_spinner_start (self->spinner);
  _appeals_card_window_update_title (self);

  if (appeal_id > 0)
    {
      g_autofree char *path = g_strdup_printf ("appeals/%" G_GINT64_FORMAT, appeal_id);
      appeals_api_client_request_async (appeals_application_get_client (application), "GET", path, NULL, NULL,
                                        NULL, self->cancellable, on_appeal_loaded, g_object_ref (self));
    }
  else
    {
      AppealsUser *user = appeals_api_client_get_user (appeals_application_get_client (application));
      g_autoptr(JsonNode) district = json_node_new (JSON_NODE_VALUE);
      g_autoptr(JsonNode) language = json_node_new (JSON_NODE_VALUE);

      /* sensible starting values for a registrar */
      json_node_set_string (language, g_str_equal (appeals_ui_language (), "ru") ? "ru" : "kk");
      appeals_card_form_set_value (self->form, "language", language);
      if (user != NULL && user->district != NULL)
        {
          json_node_set_string (district, user->district);
          appeals_card_form_set_value (self->form, "district", district);
        }
      gtk_stack_set_visible_child_name (self->history_stack, "empty");
      g_idle_add_full (G_PRIORITY_DEFAULT, finish_loading_idle, g_object_ref (self), g_object_unref);
    }

  return self;
}
