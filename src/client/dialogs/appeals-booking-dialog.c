/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-booking-dialog.c: booking a visitor for a personal reception.
 *
 * The applicant is found by IIN; their earlier appeals are listed so the
 * registrar can pick the one the reception is about (or book a reception
 * request without one). The official's schedule fills in the time and
 * the place or says the reception is by video conference. The server
 * decides: its field errors appear beside the fields and nothing typed
 * is lost. A request without the essence of the question is refused: the
 * dialog says what to tell the applicant and prints the refusal notice
 * for them in Kazakh or Russian.
 *
 * Signal "booked" (gint64 id) after the server took the booking.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-booking-dialog-private.h"
#include "appeals-context.h"
#include "appeals-draft-binding.h"
#include "appeals-reception-text.h"
#include "appeals-refusal-notice.h"
#include "appeals-slot-picker.h"
#include "appeals-text-view.h"


G_DEFINE_FINAL_TYPE (AppealsBookingDialog, appeals_booking_dialog, ADW_TYPE_WINDOW)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsBookingDialog, appeals_booking_dialog)

enum {
  BOOKED,
  REGISTERED,
  APPLICANT_FOUND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The ways a request for a reception comes, in the channel row's order. */
static const int request_channels[] = { APPEALS_CHANNEL_BY_HAND, APPEALS_CHANNEL_KAZPOST, APPEALS_CHANNEL_EGOV };

static GtkLabel *
error_label_for (AppealsBookingDialog *self,
                 const char           *field)
{
  const struct { const char *field; GtkLabel *label; } labels[] = {
    { "iin", self->iin_error }, { "applicant_id", self->applicant_id_error },
    { "question", self->question_error }, { "priority", self->priority_error },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return labels[i].label;
  return NULL;
}

void
_appeals_booking_dialog_clear_errors (AppealsBookingDialog *self)
{
  const char *fields[] = { "iin", "applicant_id", "question", "priority" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_set_visible (GTK_WIDGET (error_label_for (self, fields[i])), FALSE);
  appeals_slot_picker_clear_errors (self->slot_picker);
  gtk_widget_set_visible (self->refusal_button, FALSE);
}

void
_appeals_booking_dialog_show_error (AppealsBookingDialog *self,
                                    const char           *field,
                                    const char           *text)
{
  GtkLabel *label = error_label_for (self, field);

  if (label == NULL && appeals_slot_picker_show_error (self->slot_picker, field, text))
    return;
  if (label == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return;
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static gboolean
is_refusal (const AppealsFieldError *error)
{
  return g_str_equal (error->field, "question") &&
         (g_str_equal (error->code, APPEALS_FIELD_REQUIRED) || g_str_equal (error->code, APPEALS_FIELD_TOO_SHORT));
}

/* The essence of the question is what the law asks for: say so plainly,
 * with what to tell the applicant. */
static char *
describe_field_error (const AppealsFieldError *error)
{
  if (is_refusal (error))
    return g_strdup (_("The request does not state the essence of the question, so it cannot be booked. "
                       "Tell the applicant that the request is refused until they state what they ask for."));
  if (g_str_equal (error->field, "date") && g_str_equal (error->code, APPEALS_FIELD_OUT_OF_RANGE))
    return g_strdup (_("This is not a working day. Choose a working day."));
  return appeals_field_error_describe (error);
}

static char *
dup_question (AppealsBookingDialog *self)
{
  g_autofree char *text = appeals_text_view_dup_text (self->question_view);

  return g_strdup (g_strstrip (text));
}

static gint64
selected_appeal_id (AppealsBookingDialog *self)
{
  for (guint i = 0; i < self->earlier_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->earlier_rows, i);
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (gtk_check_button_get_active (check))
        return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "appeal-id"));
    }
  return 0;
}

/* The applicant was looked up (found or not), with their earlier appeals. */
void
_appeals_booking_dialog_applicant_found (AppealsBookingDialog *self)
{
  g_signal_emit (self, signals[APPLICANT_FOUND], 0);
}

/* Booking --------------------------------------------------------------- */

/* What the server refused, beside the fields; a request without the
 * essence gets its notice. */
static void
show_refusal (AppealsBookingDialog *self,
              const GError         *error)
{
  GPtrArray *field_errors;

  self->sending = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "booking.book", TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* the same key makes a retry after a lost answer safe; a refusal needs a new one */
  if (!appeals_service_error_is_offline (error))
    g_clear_pointer (&self->idempotency_key, g_free);
  field_errors = appeals_service_error_get_field_errors (error);
  if (field_errors != NULL && field_errors->len > 0)
    for (guint i = 0; i < field_errors->len; i++)
      {
        const AppealsFieldError *field_error = g_ptr_array_index (field_errors, i);
        g_autofree char *text = describe_field_error (field_error);

        _appeals_booking_dialog_show_error (self, field_error->field, text);
        if (is_refusal (field_error))
          gtk_widget_set_visible (self->refusal_button, TRUE);
      }
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* Done: the main window says so, this dialog is about to go. */
static void
close_done (AppealsBookingDialog *self,
            const char           *done,
            guint                 signal,
            gint64                id)
{
  appeals_draft_binding_discard (self->draft);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.show-toast", "s", done);
  g_signal_emit (self, signals[signal], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_booked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AppealsBookingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsReception) booked = appeals_reception_service_book_finish (APPEALS_RECEPTION_SERVICE (source),
                                                                              result, &error);

  if (booked != NULL)
    {
      g_autofree char *date = appeals_format_date (&booked->date);
      /* TRANSLATORS: a toast after booking: the visitor, the date and the time */
      g_autofree char *done = g_strdup_printf (_("%s is booked for %s at %s"),
                                               booked->applicant_name != NULL ? booked->applicant_name : "",
                                               date, booked->start_time != NULL ? booked->start_time : "");

      close_done (self, done, BOOKED, booked->id);
      return;
    }
  show_refusal (self, error);
}

static void
on_registered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AppealsBookingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsReceptionRequest) request = appeals_reception_service_request_reception_finish (
    APPEALS_RECEPTION_SERVICE (source), result, &error);

  if (request != NULL)
    close_done (self, _("The request for a reception is registered"), REGISTERED, request->id);
  else
    show_refusal (self, error);
}

static void
book (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  AppealsBookingDialog *self = APPEALS_BOOKING_DIALOG (widget);
  g_autoptr(AppealsReception) reception = appeals_reception_new ();
  AppealsReceptionService *service = appeals_context_get_reception_service (self->context);
  guint priority = adw_combo_row_get_selected (self->priority_row);

  if (self->sending)
    return;
  _appeals_booking_dialog_clear_errors (self);

  if (self->applicant_id == 0)
    {
      _appeals_booking_dialog_show_error (self, "applicant_id", _("Find the applicant by IIN first."));
      return;
    }
  if (!self->for_request && !appeals_slot_picker_get_date (self->slot_picker, &reception->date))
    {
      _appeals_booking_dialog_show_error (self, "date", _("Write the date as DD.MM.YYYY, e.g. 27.11.2026."));
      return;
    }

  appeals_slot_picker_fill (self->slot_picker, reception);
  reception->applicant_id = self->applicant_id;
  reception->appeal_id = selected_appeal_id (self);
  reception->question = dup_question (self);
  if (priority != GTK_INVALID_LIST_POSITION && priority < self->priority_codes->len)
    reception->priority = g_strdup (g_ptr_array_index (self->priority_codes, priority));

  if (self->idempotency_key == NULL)
    self->idempotency_key = g_uuid_string_random ();
  self->sending = TRUE;
  gtk_widget_action_set_enabled (widget, "booking.book", FALSE);
  if (self->for_request)
    appeals_reception_service_request_reception_async (service, reception->applicant_id, reception->appeal_id,
                                                       reception->question,
                                                       appeals_enum_to_wire (APPEALS_TYPE_CHANNEL, request_channels[
                                                         MIN (adw_combo_row_get_selected (self->channel_row),
                                                              G_N_ELEMENTS (request_channels) - 1)]),
                                                       self->idempotency_key, self->cancellable, on_registered,
                                                       g_object_ref (self));
  else
    appeals_reception_service_book_async (service, reception, self->idempotency_key, self->cancellable, on_booked,
                                          g_object_ref (self));
}

/* The refusal notice ------------------------------------------------------ */

static void
print_refusal (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AppealsBookingDialog *self = APPEALS_BOOKING_DIALOG (widget);
  g_autoptr(AppealsRefusalNotice) notice = appeals_booking_dialog_new_refusal_notice (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (notice == NULL)
    return;
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (notice), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* Construction ---------------------------------------------------------- */

static void
fill_channels (AppealsBookingDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (request_channels); i++)
    gtk_string_list_append (labels, appeals_enum_get_label (APPEALS_TYPE_CHANNEL, request_channels[i]));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (labels));
}

static void
fill_priorities (AppealsBookingDialog *self)
{
  AppealsPriorityCatalog *priorities = appeals_reference_service_get_priorities (appeals_context_get_reference_service (self->context));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_add (self->priority_codes, NULL);
  gtk_string_list_append (labels, C_("priority", "None"));
  for (guint i = 0; i < appeals_priority_catalog_get_n_categories (priorities); i++)
    {
      const char *code = appeals_priority_catalog_get_code (priorities, i);

      g_ptr_array_add (self->priority_codes, g_strdup (code));
      gtk_string_list_append (labels, appeals_priority_catalog_get_name (priorities, code, appeals_ui_language ()));
    }
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (labels));
}

/* Nothing typed is lost to a crash or a lost connection: the draft comes
 * back when the dialog opens again, until the visitor is booked or the
 * dialog cancelled. A dialog opened on a day keeps that day. */
static void
keep_draft (AppealsBookingDialog *self,
            gboolean              with_date)
{
  static const char * const slot_fields[] = { "date", "time", "place", "video_link" };

  self->draft = appeals_draft_binding_new (self->context, "booking");
  appeals_draft_binding_add_editable (self->draft, "iin", GTK_EDITABLE (self->iin_row));
  appeals_draft_binding_add_text_view (self->draft, "question", self->question_view);
  for (guint i = with_date ? 0 : 1; i < G_N_ELEMENTS (slot_fields); i++)
    appeals_draft_binding_add_editable (self->draft, slot_fields[i],
                                        appeals_slot_picker_get_editable (self->slot_picker, slot_fields[i]));
  appeals_draft_binding_add_combo_row (self->draft, "priority", self->priority_row);
  if (!appeals_draft_binding_restore (self->draft))
    return;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("What you typed last time is back")));
  if (*gtk_editable_get_text (GTK_EDITABLE (self->iin_row)) != '\0')
    _appeals_booking_dialog_on_iin_apply (self);
}

static void
on_cancel_clicked (AppealsBookingDialog *self)
{
  appeals_draft_binding_discard (self->draft);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
appeals_booking_dialog_dispose (GObject *object)
{
  AppealsBookingDialog *self = APPEALS_BOOKING_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->draft);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (appeals_booking_dialog_parent_class)->dispose (object);
}

static void
appeals_booking_dialog_finalize (GObject *object)
{
  AppealsBookingDialog *self = APPEALS_BOOKING_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->earlier_rows, g_ptr_array_unref);
  g_clear_pointer (&self->priority_codes, g_ptr_array_unref);
  g_free (self->idempotency_key);
  g_free (self->applicant_name);
  g_free (self->applicant_address);
  G_OBJECT_CLASS (appeals_booking_dialog_parent_class)->finalize (object);
}

static void
on_officials_listed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AppealsBookingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) officials = appeals_reference_service_list_officials_finish (APPEALS_REFERENCE_SERVICE (source),
                                                                                    result, &error);

  if (officials != NULL)
    appeals_slot_picker_set_officials (self->slot_picker, officials, self->wanted_official_id);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
appeals_booking_dialog_constructed (GObject *object)
{
  AppealsBookingDialog *self = APPEALS_BOOKING_DIALOG (object);

  G_OBJECT_CLASS (appeals_booking_dialog_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);
  fill_priorities (self);
  fill_channels (self);
}

static void
appeals_booking_dialog_class_init (AppealsBookingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = appeals_booking_dialog_constructed;
  object_class->dispose = appeals_booking_dialog_dispose;
  object_class->finalize = appeals_booking_dialog_finalize;

  appeals_booking_dialog_install_context_property (G_OBJECT_CLASS (klass));

  signals[BOOKED] = g_signal_new ("booked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[REGISTERED] = g_signal_new ("registered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                      NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[APPLICANT_FOUND] = g_signal_new ("applicant-found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (APPEALS_TYPE_SLOT_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/kz/gov/kostanay/AppealsDesk/ui/appeals-booking-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, iin_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, iin_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, applicant_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, applicant_id_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, earlier_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, no_appeal_check);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, question_view);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, question_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, refusal_button);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, slot_picker);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, book_button);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, priority_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, channel_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsBookingDialog, channel_row);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_iin_apply",
                                                G_CALLBACK (_appeals_booking_dialog_on_iin_apply));
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_install_action (widget_class, "booking.book", NULL, book);
  gtk_widget_class_install_action (widget_class, "booking.print-refusal", "s", print_refusal);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
appeals_booking_dialog_init (AppealsBookingDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->earlier_rows = g_ptr_array_new ();
  self->priority_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* typing starts in the IIN, and Enter there looks the applicant up:
   * it never reaches a button that would close the dialog */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->iin_row));
}

/**
 * appeals_booking_dialog_new:
 * @context: the desk's services
 * @official_id: the official to preselect, or 0
 * @date: (nullable): the day to preselect
 *
 * The officials are the reference service's (asked for when not known).
 */
AppealsBookingDialog *
appeals_booking_dialog_new (GtkWindow      *parent,
                            AppealsContext *context,
                            gint64          official_id,
                            const GDate    *date)
{
  AppealsBookingDialog *self = g_object_new (APPEALS_TYPE_BOOKING_DIALOG,
                                             "context", context,
                                             "transient-for", parent,
                                             "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                                             NULL);
  AppealsReferenceService *reference = appeals_context_get_reference_service (context);
  GPtrArray *known = appeals_reference_service_get_officials (reference);

  self->wanted_official_id = official_id;
  if (date != NULL && g_date_valid (date))
    appeals_slot_picker_set_date (self->slot_picker, date);
  if (known != NULL)
    appeals_slot_picker_set_officials (self->slot_picker, known, official_id);
  else
    appeals_reference_service_list_officials_async (reference, FALSE, self->cancellable, on_officials_listed,
                                                    g_object_ref (self));
  keep_draft (self, date == NULL || !g_date_valid (date));
  return self;
}

/**
 * appeals_booking_dialog_new_request:
 *
 * The same dialog registering a request for a reception: the applicant,
 * the appeal and the essence of the question; the official, the day and
 * the time are decided after the analysis (the decision dialog).
 * Signal "registered" (gint64 request id) instead of "booked".
 */
AppealsBookingDialog *
appeals_booking_dialog_new_request (GtkWindow      *parent,
                                    AppealsContext *context)
{
  AppealsBookingDialog *self = g_object_new (APPEALS_TYPE_BOOKING_DIALOG,
                                             "context", context,
                                             "transient-for", parent,
                                             "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                                             NULL);

  self->for_request = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), _("Register a Request for a Reception"));
  gtk_button_set_label (self->book_button, _("_Register"));
  gtk_widget_set_visible (GTK_WIDGET (self->slot_picker), FALSE);
  gtk_widget_set_visible (self->channel_group, TRUE);
  self->draft = appeals_draft_binding_new (self->context, "reception-request");
  appeals_draft_binding_add_editable (self->draft, "iin", GTK_EDITABLE (self->iin_row));
  appeals_draft_binding_add_text_view (self->draft, "question", self->question_view);
  appeals_draft_binding_restore (self->draft);
  return self;
}

/* For the tests, which drive the dialog as a user would. */
void
appeals_booking_dialog_find_applicant (AppealsBookingDialog *self,
                                       const char           *iin)
{
  gtk_editable_set_text (GTK_EDITABLE (self->iin_row), iin);
  _appeals_booking_dialog_on_iin_apply (self);
}

/* Chooses the appeal @appeal_id among the applicant's appeals when they come. */
void
appeals_booking_dialog_select_appeal (AppealsBookingDialog *self,
                                      gint64                appeal_id)
{
  self->wanted_appeal_id = appeal_id;
}

gint64
appeals_booking_dialog_get_appeal_id (AppealsBookingDialog *self)
{
  return selected_appeal_id (self);
}

/* Chooses how a request came: "by_hand", "kazpost" or "egov". */
gboolean
appeals_booking_dialog_set_channel (AppealsBookingDialog *self,
                                    const char           *channel)
{
  for (guint i = 0; i < G_N_ELEMENTS (request_channels); i++)
    if (g_strcmp0 (appeals_enum_to_wire (APPEALS_TYPE_CHANNEL, request_channels[i]), channel) == 0)
      {
        adw_combo_row_set_selected (self->channel_row, i);
        return TRUE;
      }
  return FALSE;
}

void
appeals_booking_dialog_set_question (AppealsBookingDialog *self,
                                     const char           *question)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->question_view), question, -1);
}

gboolean
appeals_booking_dialog_set_priority (AppealsBookingDialog *self,
                                     const char           *code)
{
  for (guint i = 0; i < self->priority_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->priority_codes, i), code) == 0)
      {
        adw_combo_row_set_selected (self->priority_row, i);
        return TRUE;
      }
  return FALSE;
}

void
appeals_booking_dialog_set_time (AppealsBookingDialog *self,
                                 const char           *time)
{
  appeals_slot_picker_set_time (self->slot_picker, time);
}

guint
appeals_booking_dialog_get_n_earlier (AppealsBookingDialog *self)
{
  return self->earlier_rows->len;
}

/* Returns: (nullable): the error shown beside @field, or %NULL */
const char *
appeals_booking_dialog_get_error (AppealsBookingDialog *self,
                                  const char           *field)
{
  GtkLabel *label = error_label_for (self, field);

  if (label == NULL)
    return appeals_slot_picker_get_error (self->slot_picker, field);
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

char *
appeals_booking_dialog_dup_question (AppealsBookingDialog *self)
{
  return dup_question (self);
}

/**
 * appeals_booking_dialog_new_refusal_notice:
 * @language: "kk" or "ru"
 *
 * The notice for the applicant whose request was refused for want of the
 * essence of the question: dated today, quoting what the request said,
 * signed by whoever is signed in.
 *
 * Returns: (transfer full) (nullable): the notice to print, or %NULL when
 * no request has been refused in this dialog
 */
AppealsRefusalNotice *
appeals_booking_dialog_new_refusal_notice (AppealsBookingDialog *self,
                                           const char           *language)
{
  AppealsUser *user = appeals_context_get_user (self->context);
  g_autofree char *question = dup_question (self);
  GDate today;

  if (!gtk_widget_get_visible (self->refusal_button) || self->applicant_name == NULL)
    return NULL;

  appeals_date_get_today (&today);
  return appeals_refusal_notice_new (language, self->applicant_name, self->applicant_address, question, &today,
                                     user != NULL ? user->full_name : NULL);
}
