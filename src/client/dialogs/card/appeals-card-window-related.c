/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window-related.c: what the card shows around its fields —
 * the deadline as the server figures it, the applicant's earlier appeals
 * on the same question, and the card's history.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-card-window-private.h"
#include "appeals-window.h"

/* Derived information --------------------------------------------------------- */

/* A new card: what the deadline will be if registered today, by the
 * deadline table and calendar the reference service holds. */
static void
show_due_preview (AppealsCardWindow *self)
{
  AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);
  const char *kind = appeals_card_form_get_choice (self->form, "kind");
  g_autofree char *text = NULL;
  char buffer[32];
  AppealsDeadlineState state;
  GDate today, due;
  int days;

  appeals_date_get_today (&today);
  if (kind == NULL || !appeals_deadline_rules_compute_due (appeals_reference_service_get_deadlines (reference),
                                                           appeals_reference_service_get_calendar (reference),
                                                           kind, &today, &due, NULL))
    {
      adw_action_row_set_subtitle (self->due_row, _("Choose the kind of appeal to see its deadline"));
      return;
    }

  appeals_deadline_rules_evaluate (appeals_reference_service_get_deadlines (reference),
                                   appeals_reference_service_get_calendar (reference), &due, &today, &state);
  days = state.working_days_left;
  g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", &due);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %d working day left",
                                       "%s — %d working days left", days),
                          buffer, days);
  adw_action_row_set_subtitle (self->due_row, text);
}

/* The deadline as the server figures it: the due date and the working
 * days left or overdue come with the appeal. */
void
_appeals_card_window_update_due (AppealsCardWindow *self)
{
  AppealsAppeal *appeal = self->appeal_base;
  g_autofree char *text = NULL;
  char buffer[32];
  int days;

  gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "appeal-overdue");

  if (appeal == NULL || !g_date_valid (&appeal->due_date))
    {
      show_due_preview (self);
      return;
    }

  g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", &appeal->due_date);
  switch (appeal->due_state)
    {
    case APPEALS_DUE_STATE_OVERDUE:
      days = (int) appeal->working_days_overdue;
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — overdue by %d working day",
                                           "%s — overdue by %d working days", days),
                              buffer, days);
      gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "appeal-overdue");
      break;
    case APPEALS_DUE_STATE_DUE_TODAY:
      text = g_strdup_printf (_("%s — due today"), buffer);
      break;
    case APPEALS_DUE_STATE_ON_TIME:
    case APPEALS_DUE_STATE_DUE_SOON:
      days = (int) appeal->working_days_left;
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %d working day left",
                                           "%s — %d working days left", days),
                              buffer, days);
      break;
    case APPEALS_DUE_STATE_UNSET:
    default:
      text = g_strdup (buffer);   /* answered or closed: the term no longer runs */
      break;
    }

  adw_action_row_set_subtitle (self->due_row, text);
}

static void
on_earlier_clicked (GtkButton         *button,
                    AppealsCardWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "appeal-id"));

  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-card", "x", id);
}

static void
on_earlier_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(AppealsAppealPage) page = appeals_appeal_service_list_page_finish (APPEALS_APPEAL_SERVICE (source),
                                                                               result, NULL);
  guint shown = 0;

  if (page == NULL)
    return;

  for (guint i = 0; i < self->repeat_rows->len; i++)
    adw_expander_row_remove (self->repeat_row, g_ptr_array_index (self->repeat_rows, i));
  g_ptr_array_set_size (self->repeat_rows, 0);

  for (guint i = 0; i < page->items->len; i++)
    {
      AppealsAppeal *earlier = g_ptr_array_index (page->items, i);
      GtkWidget *row, *button;
      g_autofree char *title = NULL;
      char date[32];

      if (earlier->id == self->appeal_id)
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

void
_appeals_card_window_load_earlier (AppealsCardWindow *self)
{
  const char *question = appeals_card_form_get_choice (self->form, "question_character");
  g_autoptr(AppealsAppealFilter) filter = appeals_appeal_filter_new ();

  if (self->applicant_id == 0 || question == NULL)
    {
      adw_expander_row_set_subtitle (self->repeat_row, _("None"));
      adw_expander_row_set_enable_expansion (self->repeat_row, FALSE);
      return;
    }

  filter->applicant_id = self->applicant_id;
  filter->question_character = g_strdup (question);
  appeals_appeal_service_list_page_async (self->service, filter, 20, NULL, self->cancellable,
                                          on_earlier_loaded, g_object_ref (self));
}

/* History ------------------------------------------------------------------ */

/* The members only the lifecycle's actions change, which the form does
 * not show as fields of its own. */
static const struct
{
  const char *field;
  const char *label;
} course_labels[] = {
  { "forwarded_to", N_("Forwarded to") },
  { "forwarding_scope", N_("Forwarded: in full or in part") },
  { "forwarding_number", N_("Outgoing number of the forwarding") },
  { "forwarding_date", N_("Outgoing date of the forwarding") },
  { "forwarding_due_date", N_("Forward by") },
  { "forwarded_late", N_("Forwarded late") },
  { "original_due_date", N_("First term") },
  { "extended_on", N_("Extended on") },
  { "extension_reason", N_("Reason for the extension") },
  { "answer_character", N_("Character of the answer") },
  { "answer_late", N_("Answer late") },
  { "answer_attachment_id", N_("Answer document") },
  { "termination_ground", N_("Ground") },
  { "termination_reason", N_("Reason") },
  { "reopen_reason", N_("Reason for reopening") },
  { "notice_kind", N_("Notice owed") },
  { "notice_due_date", N_("Notice due") },
};

static const char *
get_field_label (AppealsCardWindow *self,
                 const char        *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (course_labels); i++)
    if (g_str_equal (course_labels[i].field, field))
      return _(course_labels[i].label);
  return appeals_card_form_get_label (self->form, field);
}

/* A value as a person reads it: the lifecycle's codes by their labels. */
static char *
format_value (AppealsCardWindow       *self,
              const AppealsRecordType *type,
              const char              *field,
              AppealsAppeal           *appeal)
{
  AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);
  const char *classifier = NULL;
  const char *code = NULL;
  const char *label;

  if (appeal != NULL && g_str_equal (field, "forwarding_scope") && appeal->forwarding_scope != NULL)
    return g_strdup (g_str_equal (appeal->forwarding_scope, "partial") ? _("In part, the rest is considered here")
                                                                       : _("Fully"));
  if (appeal != NULL && g_str_equal (field, "forwarded_to"))
    {
      classifier = APPEALS_CLASSIFIER_ADDRESSEE_BODIES;
      code = appeal->forwarded_to;
    }
  else if (appeal != NULL && g_str_equal (field, "answer_character"))
    {
      classifier = APPEALS_CLASSIFIER_ANSWER_CHARACTERS;
      code = appeal->answer_character;
    }
  else if (appeal != NULL && g_str_equal (field, "termination_ground"))
    {
      classifier = APPEALS_CLASSIFIER_TERMINATION_GROUNDS;
      code = appeal->termination_ground;
    }
  if (code == NULL)
    return appeals_card_form_format_field (self->form, type, field, appeal);

  label = appeals_classifier_get_label (appeals_reference_service_get_classifier (reference, classifier), code, NULL);
  return g_strdup (label != NULL ? label : code);
}

/* Who made a change: the user's name, or the login where no user has
 * it (it showed the login, "registrar", everywhere) */
static const char *
who_of (const AppealsHistoryEntry *entry)
{
  return appeals_user_name_or_login (entry->actor_name, entry->actor);
}

/* What an entry of the history did: "Registered", a lifecycle action
 * ("Forwarded in part"), "Answer checked", or "Changed" for an edit. */
static const char *
what_happened (AppealsHistoryEntry *entry)
{
  AppealsAction action;

  if (g_str_equal (entry->action, "create"))
    return _("Registered");
  if (g_str_equal (entry->action, "expertise"))
    return _("Answer checked");
  if (!appeals_action_from_string (entry->action, &action))
    return _("Changed");
  if (action == APPEALS_ACTION_FORWARD && entry->after != NULL &&
      g_strcmp0 (entry->after->forwarding_scope, "partial") == 0)
    return _("Forwarded in part");
  return appeals_action_get_label (action);
}

static void
on_history_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GPtrArray) entries = appeals_appeal_service_list_history_finish (APPEALS_APPEAL_SERVICE (source),
                                                                             result, NULL);
  const AppealsRecordType *type = appeals_appeal_get_record_type ();
  GtkWidget *child;

  if (entries == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  /* newest first */
  for (guint i = entries->len; i-- > 0;)
    {
      AppealsHistoryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) local = entry->at != NULL ? g_date_time_to_local (entry->at) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%d.%m.%Y %H:%M") : g_strdup ("");
      /* TRANSLATORS: an entry of the appeal's history — who made it:
       * "Forwarded in part — Akhmetova G. S." */
      g_autofree char *title = g_strdup_printf (_("%s — %s"), what_happened (entry), who_of (entry));
      GtkWidget *row = adw_expander_row_new ();
      gboolean created = g_str_equal (entry->action, "create");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), when);

      for (guint j = 0; entry->fields[j] != NULL; j++)
        {
          const char *field = entry->fields[j];
          g_autofree char *before = format_value (self, type, field, entry->before);
          g_autofree char *after = format_value (self, type, field, entry->after);
          GtkWidget *line = adw_action_row_new ();
          g_autofree char *text = created ? g_strdup (after) : g_strdup_printf ("%s → %s", before, after);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), get_field_label (self, field));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (line), text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
        }

      gtk_list_box_append (self->history_list, row);
    }

  gtk_stack_set_visible_child_name (self->history_stack, entries->len > 0 ? "list" : "empty");
}

void
_appeals_card_window_load_history (AppealsCardWindow *self)
{
  if (self->appeal_id == 0)
    return;

  appeals_appeal_service_list_history_async (self->service, self->appeal_id, self->cancellable,
                                             on_history_loaded, g_object_ref (self));
}

