/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-requests-view.c: the requests for a reception beside
 * the calendar.
 *
 * A list of the requests the signed-in user may see, newest first, all
 * or those in one state (new, in analysis, decided, refused). Each row
 * says who asks, what about, since when and how far it has come, with
 * what can be done next: start the analysis, decide (the decision
 * dialog offers only the free times of the chosen official), or refuse
 * with the reason the applicant is told. A refused request's row prints
 * the refusal notice for the applicant, in Kazakh or in Russian.
 *
 * Signal "loaded" after each (re)load.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-booking-dialog.h"
#include "appeals-decision-dialog.h"
#include "appeals-reception-requests-view.h"
#include "appeals-reception-text.h"
#include "appeals-refusal-notice.h"

struct _AppealsReceptionRequestsView
{
  GtkBox          parent_instance;

  AppealsContext *context;
  GtkDropDown    *state_dropdown;
  GtkListBox     *list;
  GtkWidget      *empty;
  GPtrArray      *requests;        /* AppealsReceptionRequest */
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (AppealsReceptionRequestsView, appeals_reception_requests_view, GTK_TYPE_BOX)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The filter's choices: NULL is every state. */
static const char * const filter_states[] = { NULL, "new", "in_analysis", "decided", "refused" };

static const char *
state_label (const char *state)
{
  if (g_strcmp0 (state, "new") == 0)
    return C_("reception request", "New");
  if (g_strcmp0 (state, "in_analysis") == 0)
    return C_("reception request", "In analysis");
  if (g_strcmp0 (state, "decided") == 0)
    return C_("reception request", "Decided");
  return C_("reception request", "Refused");
}

static AppealsReceptionRequest *
find_request (AppealsReceptionRequestsView *self,
              gint64                        id)
{
  for (guint i = 0; self->requests != NULL && i < self->requests->len; i++)
    if (((AppealsReceptionRequest *) g_ptr_array_index (self->requests, i))->id == id)
      return g_ptr_array_index (self->requests, i);
  return NULL;
}

static void
on_acted (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AppealsReceptionRequestsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsReceptionRequest) request = appeals_reception_service_move_request_on_finish (
    APPEALS_RECEPTION_SERVICE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.show-toast", "s", error->message);
  appeals_reception_requests_view_reload (self);
}

static void
act (AppealsReceptionRequestsView *self,
     gint64                        id,
     const char                   *action,
     const char                   *reason)
{
  appeals_reception_service_move_request_on_async (appeals_context_get_reception_service (self->context), id, action,
                                                   reason, NULL, NULL, self->cancellable, on_acted,
                                                   g_object_ref (self));
}

static void
on_analyse_clicked (GtkButton                    *button,
                    AppealsReceptionRequestsView *self)
{
  act (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "request-id")), "analyse", NULL);
}

static void
on_decide_clicked (GtkButton                    *button,
                   AppealsReceptionRequestsView *self)
{
  appeals_reception_requests_view_decide (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                                                     "request-id")));
}

static void
on_refusal_response (AdwMessageDialog             *dialog,
                     const char                   *response,
                     AppealsReceptionRequestsView *self)
{
  GtkEditable *reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "refuse"))
    act (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "request-id")), "refuse",
         gtk_editable_get_text (reason));
}

static void
on_reason_changed (GtkEditable      *reason,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  adw_message_dialog_set_response_enabled (dialog, "refuse", *text != '\0');
}

/* Refusing needs the reason the applicant is told. */
static void
on_refuse_clicked (GtkButton                    *button,
                   AppealsReceptionRequestsView *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Refuse the Request?"),
                                              _("The applicant is notified of the refusal and its reason."));
  GtkWidget *reason = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason for the refusal"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), reason);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "refuse", _("_Refuse"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "refuse", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "refuse", FALSE);
  g_object_set_data (G_OBJECT (dialog), "request-id", g_object_get_data (G_OBJECT (button), "request-id"));
  g_signal_connect (reason, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_refusal_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_button (GtkWidget                    *row,
            AppealsReceptionRequest      *request,
            const char                   *label,
            GCallback                     callback,
            AppealsReceptionRequestsView *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "request-id", GSIZE_TO_POINTER (request->id));
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

/* The refusal notice's menu: print it in the applicant's language. */
static GtkWidget *
new_refusal_button (AppealsReceptionRequest *request)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();
  const struct { const char *label; const char *language; } items[] = {
    { _("Print in _Kazakh…"), "kk" }, { _("Print in _Russian…"), "ru" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (items[i].label, NULL);

      g_menu_item_set_action_and_target (item, "requests.print-refusal", "(xs)", request->id, items[i].language);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-print-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Print the Refusal for the Applicant"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Print the Refusal for the Applicant"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
print_refusal_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AppealsReceptionRequestsView *self = APPEALS_RECEPTION_REQUESTS_VIEW (widget);
  g_autoptr(AppealsRefusalNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  const char *language;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &language);
  notice = appeals_reception_requests_view_new_refusal_notice (self, id, language);
  if (notice == NULL)
    return;
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (notice), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_widget_activate_action (widget, "app.show-toast", "s", error->message);
}

static GtkWidget *
new_row (AppealsReceptionRequestsView *self,
         AppealsReceptionRequest      *request)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_label_new (state_label (request->state));
  g_autofree char *registered = appeals_format_date (&request->registered_on);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  int channel;

  /* the title: who, when, and how the request came */
  if (request->channel != NULL && appeals_enum_from_wire (APPEALS_TYPE_CHANNEL, request->channel, &channel))
    title = g_strdup_printf ("%s · %s · %s", request->applicant_name != NULL ? request->applicant_name : "",
                             registered, appeals_enum_get_label (APPEALS_TYPE_CHANNEL, channel));
  else
    title = g_strdup_printf ("%s · %s", request->applicant_name != NULL ? request->applicant_name : "",
                             registered);

  if (g_strcmp0 (request->state, "refused") == 0 && request->refusal_reason != NULL)
    subtitle = g_strdup_printf ("%s\n%s", request->question, request->refusal_reason);
  else if (g_date_valid (&request->earliest_date))
    {
      g_autofree char *earliest = appeals_format_date (&request->earliest_date);

      /* TRANSLATORS: under a request: its question, then the earliest date the steps allow */
      subtitle = g_strdup_printf (_("%s\nNot before %s"), request->question, earliest);
    }
  else
    subtitle = g_strdup (request->question);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (state, "tag");
  gtk_widget_add_css_class (state, g_strcmp0 (request->state, "refused") == 0 ? "error" : "accent");
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  if (g_strcmp0 (request->state, "new") == 0)
    add_button (row, request, _("_Analyse"), G_CALLBACK (on_analyse_clicked), self);
  if (g_strcmp0 (request->state, "in_analysis") == 0)
    add_button (row, request, _("_Decide…"), G_CALLBACK (on_decide_clicked), self);
  if (appeals_reception_request_is_open (request))
    add_button (row, request, _("Re_fuse…"), G_CALLBACK (on_refuse_clicked), self);
  if (g_strcmp0 (request->state, "refused") == 0 && request->refusal_reason != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_refusal_button (request));
  return row;
}

static void
remove_rows (AppealsReceptionRequestsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AppealsReceptionRequestsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = appeals_reception_service_list_requests_finish (APPEALS_RECEPTION_SERVICE (source),
                                                                                 result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  remove_rows (self);
  if (requests == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "app.show-toast", "s", error->message);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }
  self->requests = g_ptr_array_ref (requests);
  for (guint i = 0; i < requests->len; i++)
    gtk_list_box_append (self->list, new_row (self, g_ptr_array_index (requests, i)));
  gtk_widget_set_visible (self->empty, requests->len == 0);
  g_signal_emit (self, signals[LOADED], 0);
}

void
appeals_reception_requests_view_reload (AppealsReceptionRequestsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);

  if (self->context == NULL || !appeals_context_is_signed_in (self->context))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  appeals_reception_service_list_requests_async (appeals_context_get_reception_service (self->context),
                                                 selected < G_N_ELEMENTS (filter_states) ? filter_states[selected]
                                                                                         : NULL,
                                                 self->cancellable, on_listed, g_object_ref (self));
}

static void
appeals_reception_requests_view_dispose (GObject *object)
{
  AppealsReceptionRequestsView *self = APPEALS_RECEPTION_REQUESTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  G_OBJECT_CLASS (appeals_reception_requests_view_parent_class)->dispose (object);
}

static void
appeals_reception_requests_view_class_init (AppealsReceptionRequestsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = appeals_reception_requests_view_dispose;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "requests.print-refusal", "(xs)", print_refusal_action);

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}

static void
appeals_reception_requests_view_init (AppealsReceptionRequestsView *self)
{
  const char *labels[] = { C_("reception requests", "All"), C_("reception request", "New"),
                           C_("reception request", "In analysis"), C_("reception request", "Decided"),
                           C_("reception request", "Refused"), NULL };
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Reception Requests"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *register_button;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  self->state_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Which requests to show"), -1);
  g_signal_connect_swapped (self->state_dropdown, "notify::selected",
                            G_CALLBACK (appeals_reception_requests_view_reload), self);
  register_button = gtk_button_new_with_mnemonic (_("_Register a Request…"));
  gtk_widget_set_tooltip_text (register_button, _("A request for a reception with the essence of the question; "
                                                  "the date is decided after the analysis"));
  g_signal_connect_swapped (register_button, "clicked", G_CALLBACK (appeals_reception_requests_view_register), self);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), register_button);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->state_dropdown));
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_box_append (GTK_BOX (self), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  self->empty = gtk_label_new (_("No requests here"));
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_widget_set_visible (self->empty, FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), self->empty);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);
}

/* The view's services come with its page, after the template built it. */
void
appeals_reception_requests_view_set_context (AppealsReceptionRequestsView *self,
                                             AppealsContext               *context)
{
  g_set_object (&self->context, context);
  appeals_reception_requests_view_reload (self);
}

/* Shows only the requests in @state ("new", "in_analysis", "decided",
 * "refused"), or all of them for %NULL. */
void
appeals_reception_requests_view_set_state (AppealsReceptionRequestsView *self,
                                           const char                   *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (filter_states); i++)
    if (g_strcmp0 (filter_states[i], state) == 0)
      gtk_drop_down_set_selected (self->state_dropdown, i);
}

/* Returns: (transfer none) (nullable): the #AppealsReceptionRequest shown */
GPtrArray *
appeals_reception_requests_view_get_requests (AppealsReceptionRequestsView *self)
{
  return self->requests;
}

/**
 * appeals_reception_requests_view_decide:
 *
 * Opens the decision dialog on the request @request_id shown.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
appeals_reception_requests_view_decide (AppealsReceptionRequestsView *self,
                                        gint64                        request_id)
{
  AppealsReceptionRequest *request = find_request (self, request_id);
  AppealsDecisionDialog *dialog;

  if (request == NULL)
    return NULL;
  dialog = appeals_decision_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context, request);
  g_signal_connect_object (dialog, "decided", G_CALLBACK (appeals_reception_requests_view_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * appeals_reception_requests_view_register:
 *
 * Opens the dialog that registers a request for a reception.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
appeals_reception_requests_view_register (AppealsReceptionRequestsView *self)
{
  AppealsBookingDialog *dialog = appeals_booking_dialog_new_request (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                                     self->context);

  g_signal_connect_object (dialog, "registered", G_CALLBACK (appeals_reception_requests_view_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* Signed out: nothing of the last user's requests stays on screen. */
void
appeals_reception_requests_view_clear (AppealsReceptionRequestsView *self)
{
  g_cancellable_cancel (self->cancellable);
  remove_rows (self);
  gtk_widget_set_visible (self->empty, FALSE);
}

/**
 * appeals_reception_requests_view_new_refusal_notice:
 * @language: "kk" or "ru", the applicant's language
 *
 * The notice telling the applicant of the refused request @request_id
 * shown why it was refused, signed by whoever is signed in.
 *
 * Returns: (transfer full) (nullable): the notice to print, or %NULL when
 *   no refused request @request_id is shown
 */
AppealsRefusalNotice *
appeals_reception_requests_view_new_refusal_notice (AppealsReceptionRequestsView *self,
                                                    gint64                        request_id,
                                                    const char                   *language)
{
  AppealsReceptionRequest *request = find_request (self, request_id);
  AppealsUser *user = appeals_context_get_user (self->context);

  if (request == NULL || g_strcmp0 (request->state, "refused") != 0 || request->refusal_reason == NULL)
    return NULL;
  return appeals_refusal_notice_new_for_request (language, request, user != NULL ? user->full_name : NULL);
}
