/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-window-steps.c: the 13 steps of a reception: a row each with its term,
 * ticked off (with a note) through the server; overdue ones marked.
 */
#include "config.h"

#include "appeals-reception-window-private.h"

/* The steps ---------------------------------------------------------------------- */

void
_appeals_reception_window_step_row_free (StepRow *step)
{
  g_free (step->code);
  g_free (step);
}

StepRow *
_appeals_reception_window_find_step (AppealsReceptionWindow *self,
           const char             *code)
{
  for (guint i = 0; i < self->steps->len; i++)
    {
      StepRow *step = g_ptr_array_index (self->steps, i);

      if (g_str_equal (step->code, code))
        return step;
    }
  return NULL;
}

static void on_step_toggled (GtkCheckButton *check, StepRow *step);

void
_appeals_reception_window_set_step_check (StepRow  *step,
                gboolean  done)
{
  g_signal_handlers_block_by_func (step->check, on_step_toggled, step);
  gtk_check_button_set_active (step->check, done);
  g_signal_handlers_unblock_by_func (step->check, on_step_toggled, step);
}

static void
update_step_row (StepRow              *step,
                 AppealsReceptionStep *model)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (g_date_valid (&model->due))
    {
      g_autofree char *date = appeals_format_date (&model->due);

      g_string_append_printf (subtitle, _("Due %s"), date);
    }
  if (model->done)
    {
      g_autofree char *date = appeals_format_iso_day (model->done_at);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("Done by %s on %s"), _appeals_reception_window_or_empty (model->done_by), date);
    }
  if (model->note != NULL && *model->note != '\0')
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append_printf (subtitle, _("Note: %s"), model->note);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (step->row), subtitle->str);

  _appeals_reception_window_set_step_check (step, model->done);
  gtk_widget_set_sensitive (GTK_WIDGET (step->check), !step->sending);
  gtk_widget_set_visible (step->tag, model->overdue);
  _appeals_reception_window_mark_overdue (step->row, model->overdue);
  if (!gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (step->note_button))))
    gtk_editable_set_text (GTK_EDITABLE (step->note_entry), _appeals_reception_window_or_empty (model->note));
}

/* The answer itself arrives through the service's "reception-changed". */
static void
step_sent (Call             *call,
           AppealsReception *reception,
           const GError     *error)
{
  AppealsReceptionWindow *self = call->self;
  StepRow *step;

  step = _appeals_reception_window_find_step (self, call->key);
  if (step != NULL)
    step->sending = FALSE;

  if (reception == NULL)
    {
      _appeals_reception_window_show_toast (self, error->message);
      if (step != NULL)
        {
          /* the check goes back to what the server holds */
          AppealsReceptionStep *held = self->reception != NULL ? appeals_reception_find_step (self->reception, step->code)
                                                               : NULL;

          if (held != NULL)
            _appeals_reception_window_set_step_check (step, held->done);
          gtk_widget_set_sensitive (GTK_WIDGET (step->check), TRUE);
        }
      return;
    }

  if (step != NULL)
    {
      gtk_menu_button_popdown (step->note_button);
      gtk_widget_set_sensitive (GTK_WIDGET (step->check), TRUE);
    }
}

/* One request carries both the tick and the note. */
void
_appeals_reception_window_send_step (StepRow  *step,
                                     gboolean  done)
{
  AppealsReceptionWindow *self = step->self;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (step->note_entry));

  step->sending = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (step->check), FALSE);
  appeals_reception_service_set_step_async (_appeals_reception_window_get_service (self), self->reception_id,
                                            step->code, done, note, self->cancellable,
                                            _appeals_reception_window_on_change_answered,
                                            _appeals_reception_window_change_new (self, step_sent, step->code));
}

static void
on_step_toggled (GtkCheckButton *check,
                 StepRow        *step)
{
  _appeals_reception_window_send_step (step, gtk_check_button_get_active (check));
}

static void
on_note_save (StepRow *step)
{
  if (!step->sending)
    _appeals_reception_window_send_step (step, gtk_check_button_get_active (step->check));
}

static GtkWidget *
new_note_popover (StepRow *step)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Note to the step"));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Save Note"));
  g_autofree char *entry_name = g_strdup_printf ("note-%s", step->code);
  g_autofree char *button_name = g_strdup_printf ("save-note-%s", step->code);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_name (entry, entry_name);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Whom you called, what was sent…"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 36);
  gtk_widget_set_name (button, button_name);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (on_note_save), step);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_note_save), step);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), button);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  step->note_entry = GTK_ENTRY (entry);
  return popover;
}

static StepRow *
add_step_row (AppealsReceptionWindow *self,
              const char             *code)
{
  StepRow *step = g_new0 (StepRow, 1);
  g_autofree char *check_name = g_strdup_printf ("step-%s", code);
  GtkWidget *note_button = gtk_menu_button_new ();

  step->self = self;
  step->code = g_strdup (code);
  step->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (step->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step->row),
                                 appeals_step_get_label (appeals_reference_service_get_workflow (
                                                           _appeals_reception_window_get_reference (self)), code));

  step->tag = _appeals_reception_window_new_tag (_("Overdue"), "appeal-overdue");
  adw_action_row_add_suffix (ADW_ACTION_ROW (step->row), step->tag);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (note_button), "document-edit-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (note_button), new_note_popover (step));
  gtk_widget_set_tooltip_text (note_button, _("Note"));
  gtk_widget_set_valign (note_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (note_button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (step->row), note_button);
  step->note_button = GTK_MENU_BUTTON (note_button);

  step->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_name (GTK_WIDGET (step->check), check_name);
  gtk_widget_set_valign (GTK_WIDGET (step->check), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (step->check), _("Done"));
  g_signal_connect (step->check, "toggled", G_CALLBACK (on_step_toggled), step);
  adw_action_row_add_suffix (ADW_ACTION_ROW (step->row), GTK_WIDGET (step->check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (step->row), GTK_WIDGET (step->check));

  adw_preferences_group_add (self->steps_group, step->row);
  g_ptr_array_add (self->steps, step);
  return step;
}

void
_appeals_reception_window_update_steps (AppealsReceptionWindow *self)
{
  GPtrArray *steps = self->reception->steps;
  guint n_overdue = appeals_reception_count_overdue_steps (self->reception);
  gboolean same = steps->len == self->steps->len;
  g_autofree char *description = NULL;

  /* the rows stay while the steps are the same, so a tick keeps the focus */
  for (guint i = 0; same && i < steps->len; i++)
    same = g_strcmp0 (((AppealsReceptionStep *) g_ptr_array_index (steps, i))->code,
                      ((StepRow *) g_ptr_array_index (self->steps, i))->code) == 0;
  if (!same)
    {
      for (guint i = 0; i < self->steps->len; i++)
        adw_preferences_group_remove (self->steps_group, ((StepRow *) g_ptr_array_index (self->steps, i))->row);
      g_ptr_array_set_size (self->steps, 0);
      for (guint i = 0; i < steps->len; i++)
        add_step_row (self, _appeals_reception_window_or_empty (((AppealsReceptionStep *) g_ptr_array_index (steps, i))->code));
    }

  for (guint i = 0; i < steps->len; i++)
    update_step_row (g_ptr_array_index (self->steps, i), g_ptr_array_index (steps, i));

  if (n_overdue > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step is overdue", "%u steps are overdue", n_overdue),
                                   n_overdue);
  else
    description = g_strdup (_("Tick a step once it is done; a note can go with it."));
  adw_preferences_group_set_description (self->steps_group, description);
}
