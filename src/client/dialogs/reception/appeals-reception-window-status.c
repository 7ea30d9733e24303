/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-window-status.c: the reception moved on from its
 * window — confirmed, marked held, cancelled with a reason, or moved to
 * a free time of the same official. Cancel and move ask in a small form
 * that stays open until the server accepts, with the server's refusals
 * next to their fields; the free times come from the server, so a taken
 * one is never offered.
 */
#include "config.h"

#include <string.h>

#include "appeals-reception-window-private.h"
#include "appeals-service-error.h"

struct _StatusForm
{
  AdwWindow              *window;
  AppealsReceptionAction  action;
  GtkEntry               *reason_entry;
  GtkEntry               *date_entry;
  GtkDropDown            *time_dropdown;
  GtkStringList          *times;
  GtkLabel               *errors[3];    /* reason, date, start_time */
  GCancellable           *slots;        /* the free times being read */
};

static const char * const form_fields[] = { "reason", "date", "start_time" };

static void
close_form (AppealsReceptionWindow *self)
{
  StatusForm *form = g_steal_pointer (&self->status_form);

  if (form == NULL)
    return;
  g_cancellable_cancel (form->slots);
  g_clear_object (&form->slots);
  /* the error labels of fields this form does not have are in no tree */
  for (guint k = 0; k < G_N_ELEMENTS (form->errors); k++)
    if (gtk_widget_get_parent (GTK_WIDGET (form->errors[k])) == NULL)
      g_object_unref (form->errors[k]);
  g_object_unref (form->times);
  gtk_window_destroy (GTK_WINDOW (form->window));
  g_free (form);
}

/* Puts each field error of @error next to its field in the form; %FALSE
 * when none had a place there. */
static gboolean
show_field_errors (StatusForm   *form,
                   const GError *error)
{
  GPtrArray *errors = appeals_service_error_get_field_errors (error);
  gboolean shown = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (form_fields); k++)
    gtk_widget_set_visible (GTK_WIDGET (form->errors[k]), FALSE);
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      const AppealsFieldError *field_error = g_ptr_array_index (errors, i);

      for (guint k = 0; k < G_N_ELEMENTS (form_fields); k++)
        if (g_str_equal (field_error->field, form_fields[k]) && gtk_widget_get_parent (GTK_WIDGET (form->errors[k])))
          {
            g_autofree char *text = appeals_field_error_describe (field_error);

            /* a taken slot says so, not merely "duplicate" */
            gtk_label_set_text (form->errors[k], g_strcmp0 (appeals_service_error_get_problem_code (error),
                                                            APPEALS_PROBLEM_SLOT_TAKEN) == 0 ? error->message : text);
            gtk_widget_set_visible (GTK_WIDGET (form->errors[k]), TRUE);
            shown = TRUE;
          }
    }
  return shown;
}

static void
acted (Call             *call,
       AppealsReception *reception,
       const GError     *error)
{
  AppealsReceptionWindow *self = call->self;
  static const char *done[] = {
    N_("The reception is confirmed"), N_("The reception is marked held"),
    N_("The reception is cancelled"), N_("The reception is moved"),
  };

  _appeals_reception_window_update_actions (self);
  if (reception != NULL)
    {
      close_form (self);
      _appeals_reception_window_show_toast (self, _(done[call->id]));
      return;
    }
  if (self->status_form == NULL || !show_field_errors (self->status_form, error))
    _appeals_reception_window_show_toast (self, error->message);
}

static void
send_action (AppealsReceptionWindow *self,
             AppealsReceptionAction  action,
             const char             *reason,
             const GDate            *date,
             const char             *start_time)
{
  Call *call = _appeals_reception_window_change_new (self, acted, NULL);

  call->id = action;
  appeals_reception_service_act_async (_appeals_reception_window_get_service (self), self->reception_id, action,
                                       reason, date, start_time, self->cancellable,
                                       _appeals_reception_window_on_change_answered, call);
}

static void
on_apply_clicked (AppealsReceptionWindow *self)
{
  StatusForm *form = self->status_form;
  GDate date;
  guint selected;

  if (form->action == APPEALS_RECEPTION_ACTION_CANCEL)
    {
      send_action (self, form->action, gtk_editable_get_text (GTK_EDITABLE (form->reason_entry)), NULL, NULL);
      return;
    }
  g_date_clear (&date, 1);
  appeals_date_parse_text (gtk_editable_get_text (GTK_EDITABLE (form->date_entry)), &date);
  selected = gtk_drop_down_get_selected (form->time_dropdown);
  send_action (self, form->action, NULL, &date,
               selected != GTK_INVALID_LIST_POSITION ? gtk_string_list_get_string (form->times, selected) : NULL);
}

static void
on_free_slots (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AppealsReceptionWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) times = appeals_reception_service_list_free_slots_finish (APPEALS_RECEPTION_SERVICE (source), result,
                                                                        &error);
  StatusForm *form = self->status_form;

  if (form == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_string_list_splice (form->times, 0, g_list_model_get_n_items (G_LIST_MODEL (form->times)),
                          (const char * const *) times);
  /* none that day: say so next to the date */
  gtk_label_set_text (form->errors[1], times == NULL || times[0] == NULL
                                       ? _("The official has no free time on this day.") : "");
  gtk_widget_set_visible (GTK_WIDGET (form->errors[1]), times == NULL || times[0] == NULL);
}

/* The free times of the official on the day typed, whenever it changes. */
static void
on_date_changed (AppealsReceptionWindow *self)
{
  StatusForm *form = self->status_form;
  GDate date;

  g_cancellable_cancel (form->slots);
  g_clear_object (&form->slots);
  gtk_string_list_splice (form->times, 0, g_list_model_get_n_items (G_LIST_MODEL (form->times)), NULL);
  if (!appeals_date_parse_text (gtk_editable_get_text (GTK_EDITABLE (form->date_entry)), &date))
    return;
  form->slots = g_cancellable_new ();
  appeals_reception_service_list_free_slots_async (_appeals_reception_window_get_service (self),
                                                   self->reception->official_id, &date, form->slots,
                                                   on_free_slots, g_object_ref (self));
}

static GtkLabel *
add_field (GtkBox     *box,
           const char *title,
           GtkWidget  *field,
           const char *name)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_set_name (field, name);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (box, label);
  gtk_box_append (box, field);
  gtk_box_append (box, error);
  return GTK_LABEL (error);
}

static void
open_form (AppealsReceptionWindow *self,
           AppealsReceptionAction  action)
{
  StatusForm *form = g_new0 (StatusForm, 1);
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkBox *buttons = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  GtkWidget *title = gtk_label_new (action == APPEALS_RECEPTION_ACTION_CANCEL ? _("Cancel the Reception")
                                                                              : _("Move the Reception"));
  GtkWidget *close = gtk_button_new_with_mnemonic (_("_Close"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (action == APPEALS_RECEPTION_ACTION_CANCEL ? _("Cancel _Reception")
                                                                                             : _("_Move"));

  close_form (self);
  self->status_form = form;
  form->action = action;
  form->window = ADW_WINDOW (adw_window_new ());
  gtk_widget_set_name (GTK_WIDGET (form->window), "reception-status-form");
  gtk_window_set_transient_for (GTK_WINDOW (form->window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (form->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (form->window), 420, -1);
  g_object_set (box, "margin-top", 18, "margin-bottom", 18, "margin-start", 18, "margin-end", 18, NULL);
  gtk_widget_add_css_class (title, "title-3");
  gtk_box_append (box, title);

  form->reason_entry = GTK_ENTRY (gtk_entry_new ());
  form->date_entry = GTK_ENTRY (gtk_entry_new ());
  form->times = gtk_string_list_new (NULL);
  form->time_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (form->times)), NULL));
  if (action == APPEALS_RECEPTION_ACTION_CANCEL)
    {
      form->errors[0] = add_field (box, _("_Reason"), GTK_WIDGET (form->reason_entry), "cancel-reason");
      form->errors[1] = GTK_LABEL (g_object_ref_sink (gtk_label_new (NULL)));
      form->errors[2] = GTK_LABEL (g_object_ref_sink (gtk_label_new (NULL)));
    }
  else
    {
      form->errors[0] = GTK_LABEL (g_object_ref_sink (gtk_label_new (NULL)));
      form->errors[1] = add_field (box, _("New _date (DD.MM.YYYY)"), GTK_WIDGET (form->date_entry), "move-date");
      form->errors[2] = add_field (box, _("Free _time"), GTK_WIDGET (form->time_dropdown), "move-time");
      g_signal_connect_object (form->date_entry, "changed", G_CALLBACK (on_date_changed), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_set_halign (GTK_WIDGET (buttons), GTK_ALIGN_END);
  gtk_widget_set_margin_top (GTK_WIDGET (buttons), 12);
  gtk_widget_add_css_class (apply, action == APPEALS_RECEPTION_ACTION_CANCEL ? "destructive-action" : "suggested-action");
  gtk_widget_set_name (apply, "status-form-apply");
  g_signal_connect_object (apply, "clicked", G_CALLBACK (on_apply_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (close, "clicked", G_CALLBACK (close_form), self, G_CONNECT_SWAPPED);
  gtk_box_append (buttons, close);
  gtk_box_append (buttons, apply);
  gtk_box_append (box, GTK_WIDGET (buttons));
  adw_window_set_content (form->window, GTK_WIDGET (box));
  gtk_window_present (GTK_WINDOW (form->window));
}

void
_appeals_reception_window_status_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (widget);
  AppealsReceptionAction action;

  if (!appeals_reception_action_from_string (strchr (action_name, '.') + 1, &action))
    return;
  if (action == APPEALS_RECEPTION_ACTION_CANCEL || action == APPEALS_RECEPTION_ACTION_MOVE)
    open_form (self, action);
  else
    send_action (self, action, NULL, NULL, NULL);
}

/* Each action while the reception's status allows it. */
void
_appeals_reception_window_update_status_actions (AppealsReceptionWindow *self)
{
  for (guint i = 0; i < APPEALS_RECEPTION_N_ACTIONS; i++)
    {
      g_autofree char *name = g_strconcat ("reception.", appeals_reception_action_to_string (i), NULL);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), name,
                                     self->reception != NULL && self->n_requests == 0 &&
                                     appeals_reception_status_after (self->reception->status, i) !=
                                     APPEALS_RECEPTION_STATUS_UNSET);
    }
}

/* The form's window goes with the reception window. */
void
_appeals_reception_window_close_status_form (AppealsReceptionWindow *self)
{
  close_form (self);
}

/**
 * appeals_reception_window_get_status_form:
 *
 * Returns: (transfer none) (nullable): the form of a cancellation or a
 *   move while it is open
 */
GtkWindow *
appeals_reception_window_get_status_form (AppealsReceptionWindow *self)
{
  g_return_val_if_fail (APPEALS_IS_RECEPTION_WINDOW (self), NULL);

  return self->status_form != NULL ? GTK_WINDOW (self->status_form->window) : NULL;
}
