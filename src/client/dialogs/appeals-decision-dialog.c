/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-decision-dialog.c: the decision on a request for a reception.
 *
 * It shows the request (the applicant, the essence, the terms of steps
 * 1–3) and the earliest day the steps before a reception leave room for,
 * and offers only free times of the chosen official on the chosen day,
 * as the server counts them: a taken slot is never offered. The head of
 * department and the leadership may fix an earlier day with a reason;
 * for the others the server's refusal says which day is the earliest.
 *
 * Signal "decided" (gint64 reception id) once the server booked it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-decision-dialog.h"
#include "appeals-reception-text.h"

struct _AppealsDecisionDialog
{
  AdwWindow                parent_instance;

  AppealsContext          *context;
  AppealsReceptionRequest *request;
  AdwToastOverlay         *toast_overlay;
  AdwActionRow            *applicant_row;
  AdwPreferencesGroup     *steps_group;
  AdwActionRow            *earliest_row;
  AppealsSlotPicker       *slot_picker;
  AdwPreferencesGroup     *override_group;
  AdwEntryRow             *override_row;
  GtkLabel                *override_reason_error;

  GCancellable            *cancellable;
  GCancellable            *slots_cancellable;   /* the free times asked for last */
  char                    *error;               /* the last refusal, for the tests */
  gboolean                 sending;
};

G_DEFINE_FINAL_TYPE (AppealsDecisionDialog, appeals_decision_dialog, ADW_TYPE_WINDOW)

enum {
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_free_slots (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AppealsDecisionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) times = appeals_reception_service_list_free_slots_finish (APPEALS_RECEPTION_SERVICE (source), result,
                                                                          &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  appeals_slot_picker_set_free_times (self->slot_picker, (const char * const *) times);
}

/* The official or the day changed: ask for their free times, forgetting
 * an answer still on its way for the day before. */
static void
on_day_changed (AppealsDecisionDialog *self)
{
  AppealsOfficial *official = appeals_slot_picker_get_official (self->slot_picker);
  GDate date;

  g_cancellable_cancel (self->slots_cancellable);
  g_clear_object (&self->slots_cancellable);
  if (official == NULL || !appeals_slot_picker_get_date (self->slot_picker, &date))
    return;
  self->slots_cancellable = g_cancellable_new ();
  appeals_reception_service_list_free_slots_async (appeals_context_get_reception_service (self->context),
                                                   official->id, &date, self->slots_cancellable, on_free_slots,
                                                   g_object_ref (self));
}

static void
show_error (AppealsDecisionDialog *self,
            const char            *field,
            const char            *text)
{
  g_free (self->error);
  self->error = g_strdup (text);
  if (g_str_equal (field, "override_reason"))
    {
      gtk_label_set_text (self->override_reason_error, text);
      gtk_widget_set_visible (GTK_WIDGET (self->override_reason_error), TRUE);
    }
  else if (!appeals_slot_picker_show_error (self->slot_picker, field, text))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* A day too soon names the earliest one; the others as the core says. */
static char *
describe_field_error (const AppealsFieldError *error)
{
  GDate earliest;

  if (g_str_equal (error->code, APPEALS_FIELD_TOO_SOON) && appeals_date_parse_iso (error->detail, &earliest))
    {
      g_autofree char *day = appeals_format_date (&earliest);

      /* TRANSLATORS: %s is the earliest date the steps allow, e.g. 07.12.2026 */
      return g_strdup_printf (_("Too soon: the steps before the reception need it on %s or later."), day);
    }
  return appeals_field_error_describe (error);
}

static void
on_decided (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AppealsDecisionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsReceptionRequest) decided = appeals_reception_service_move_request_on_finish (
    APPEALS_RECEPTION_SERVICE (source), result, &error);
  GPtrArray *field_errors;

  self->sending = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.decide", TRUE);
  if (decided != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "app.show-toast", "s", _("The reception is booked"));
      g_signal_emit (self, signals[DECIDED], 0, decided->reception_id);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  field_errors = appeals_service_error_get_field_errors (error);
  if (field_errors == NULL || field_errors->len == 0)
    {
      show_error (self, "", error->message);
      return;
    }
  for (guint i = 0; i < field_errors->len; i++)
    {
      const AppealsFieldError *field_error = g_ptr_array_index (field_errors, i);
      g_autofree char *text = describe_field_error (field_error);

      show_error (self, field_error->field, text);
    }
  /* a slot taken meanwhile: offer the day's free times again */
  if (error->domain == APPEALS_SERVICE_ERROR && error->code == APPEALS_SERVICE_ERROR_CONFLICT)
    on_day_changed (self);
}

static void
decide (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  AppealsDecisionDialog *self = APPEALS_DECISION_DIALOG (widget);
  g_autoptr(AppealsReception) slot = appeals_reception_new ();
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->override_row));

  if (self->sending)
    return;
  appeals_slot_picker_clear_errors (self->slot_picker);
  gtk_widget_set_visible (GTK_WIDGET (self->override_reason_error), FALSE);
  g_clear_pointer (&self->error, g_free);

  if (!appeals_slot_picker_get_date (self->slot_picker, &slot->date))
    {
      show_error (self, "date", _("Write the date as DD.MM.YYYY, e.g. 27.11.2026."));
      return;
    }
  appeals_slot_picker_fill (self->slot_picker, slot);
  if (*slot->start_time == '\0')
    {
      show_error (self, "start_time", _("Choose one of the free times."));
      return;
    }

  self->sending = TRUE;
  gtk_widget_action_set_enabled (widget, "decision.decide", FALSE);
  appeals_reception_service_move_request_on_async (appeals_context_get_reception_service (self->context),
                                                   self->request->id, "decide", NULL, slot,
                                                   appeals_decision_dialog_can_override (self) ? reason : NULL,
                                                   self->cancellable, on_decided, g_object_ref (self));
}

static void
on_officials_listed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AppealsDecisionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) officials = appeals_reference_service_list_officials_finish (APPEALS_REFERENCE_SERVICE (source),
                                                                                    result, &error);

  if (officials != NULL)
    appeals_slot_picker_set_officials (self->slot_picker, officials, 0);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* The request as the dialog shows it: who, what, since when, steps 1–3's
 * terms and the earliest day. */
static void
show_request (AppealsDecisionDialog *self)
{
  AppealsWorkflow *workflow = appeals_reference_service_get_workflow (appeals_context_get_reference_service (self->context));
  AppealsReceptionRequest *request = self->request;
  g_autofree char *earliest = g_date_valid (&request->earliest_date) ? appeals_format_date (&request->earliest_date)
                                                                     : g_strdup ("—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->applicant_row),
                                 request->applicant_name != NULL ? request->applicant_name : "");
  adw_action_row_set_subtitle (self->applicant_row, request->question != NULL ? request->question : "");
  adw_action_row_set_subtitle (self->earliest_row, earliest);

  for (guint i = 0; i < request->steps->len; i++)
    {
      const AppealsRequestStep *step = &g_array_index (request->steps, AppealsRequestStep, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *due = appeals_format_date (&step->due);
      const char *name = step->code;

      for (guint k = 0; workflow != NULL && k < appeals_workflow_get_n_steps (workflow); k++)
        if (g_str_equal (appeals_workflow_get_step (workflow, k)->code, step->code))
          name = appeals_names_get (&appeals_workflow_get_step (workflow, k)->name, appeals_ui_language ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (due));
      if (step->overdue)
        gtk_widget_add_css_class (row, "overdue");
      adw_preferences_group_add (self->steps_group, row);
    }
  appeals_slot_picker_set_date (self->slot_picker, &request->earliest_date);
}

static void
appeals_decision_dialog_dispose (GObject *object)
{
  AppealsDecisionDialog *self = APPEALS_DECISION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->slots_cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->request);
  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_DECISION_DIALOG);
  G_OBJECT_CLASS (appeals_decision_dialog_parent_class)->dispose (object);
}

static void
appeals_decision_dialog_finalize (GObject *object)
{
  AppealsDecisionDialog *self = APPEALS_DECISION_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->slots_cancellable);
  g_free (self->error);
  G_OBJECT_CLASS (appeals_decision_dialog_parent_class)->finalize (object);
}

static void
appeals_decision_dialog_class_init (AppealsDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = appeals_decision_dialog_dispose;
  object_class->finalize = appeals_decision_dialog_finalize;

  signals[DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (APPEALS_TYPE_SLOT_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/kz/gov/kostanay/AppealsDesk/ui/appeals-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsDecisionDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AppealsDecisionDialog, applicant_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsDecisionDialog, steps_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsDecisionDialog, earliest_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsDecisionDialog, slot_picker);
  gtk_widget_class_bind_template_child (widget_class, AppealsDecisionDialog, override_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsDecisionDialog, override_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsDecisionDialog, override_reason_error);
  gtk_widget_class_bind_template_callback (widget_class, on_day_changed);

  gtk_widget_class_install_action (widget_class, "decision.decide", NULL, decide);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
appeals_decision_dialog_init (AppealsDecisionDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * appeals_decision_dialog_new:
 * @request: an open request, in analysis
 */
AppealsDecisionDialog *
appeals_decision_dialog_new (GtkWindow               *parent,
                             AppealsContext          *context,
                             AppealsReceptionRequest *request)
{
  AppealsDecisionDialog *self = g_object_new (APPEALS_TYPE_DECISION_DIALOG,
                                              "transient-for", parent,
                                              "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                                              NULL);
  AppealsReferenceService *reference = appeals_context_get_reference_service (context);
  GPtrArray *known = appeals_reference_service_get_officials (reference);

  self->context = g_object_ref (context);
  self->request = g_object_ref (request);
  gtk_widget_set_visible (GTK_WIDGET (self->override_group), appeals_decision_dialog_can_override (self));
  show_request (self);
  if (known != NULL)
    appeals_slot_picker_set_officials (self->slot_picker, known, 0);
  else
    appeals_reference_service_list_officials_async (reference, FALSE, self->cancellable, on_officials_listed,
                                                    g_object_ref (self));
  return self;
}

AppealsSlotPicker *
appeals_decision_dialog_get_slot_picker (AppealsDecisionDialog *self)
{
  return self->slot_picker;
}

/* Returns: whether the signed-in user may fix a day before the earliest
 * (the head of department, the leadership) */
gboolean
appeals_decision_dialog_can_override (AppealsDecisionDialog *self)
{
  AppealsUser *user = self->context != NULL ? appeals_context_get_user (self->context) : NULL;

  return user != NULL && (user->role == APPEALS_ROLE_HEAD || user->role == APPEALS_ROLE_LEADERSHIP);
}

void
appeals_decision_dialog_set_override (AppealsDecisionDialog *self,
                                      const char            *reason)
{
  gtk_editable_set_text (GTK_EDITABLE (self->override_row), reason);
}

/* Returns: (nullable): the last refusal shown, for the tests */
const char *
appeals_decision_dialog_get_error (AppealsDecisionDialog *self)
{
  return self->error;
}
