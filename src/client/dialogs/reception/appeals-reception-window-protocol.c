/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-window-protocol.c: the protocol of orders: orders with an executor body and
 * a term in working days, marked executed; then the archive.
 */
#include "config.h"

#include "appeals-reception-window-private.h"

/* The protocol ------------------------------------------------------------------- */

static void
order_sent (Call             *call,
            AppealsReception *reception,
            const GError     *error)
{
  AppealsReceptionWindow *self = call->self;

  g_hash_table_remove (self->sending_orders, &call->id);
  if (reception == NULL)
    _appeals_reception_window_show_toast (self, error->message);
  /* the rows are drawn again from what the server holds */
  _appeals_reception_window_show_reception (self, NULL);
}

static void
on_order_toggled (GtkCheckButton         *check,
                  AppealsReceptionWindow *self)
{
  Call *call = _appeals_reception_window_change_new (self, order_sent, NULL);

  call->id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "order-id"));
  g_hash_table_add (self->sending_orders, g_memdup2 (&call->id, sizeof call->id));
  gtk_widget_set_sensitive (GTK_WIDGET (check), FALSE);
  appeals_reception_service_set_order_executed_async (_appeals_reception_window_get_service (self), self->reception_id,
                                                      call->id, gtk_check_button_get_active (check),
                                                      self->cancellable, _appeals_reception_window_on_change_answered,
                                                      call);
}

static GtkWidget *
new_order_row (AppealsReceptionWindow *self,
               AppealsProtocolOrder   *order)
{
  AppealsClassifier *bodies = appeals_reference_service_get_classifier (_appeals_reception_window_get_reference (self),
                                                                        APPEALS_CLASSIFIER_ADDRESSEE_BODIES);
  const char *body = order->executor_body;
  gboolean executed = order->status == APPEALS_ORDER_STATUS_EXECUTED;
  g_autofree char *name = g_strdup_printf ("order-%" G_GINT64_FORMAT, order->id);
  g_autofree char *deadline = appeals_format_date (&order->deadline);
  g_autofree char *until = g_strdup_printf (_("until %s"), deadline);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new_with_label (_("Executed"));
  const char *body_label = body != NULL && bodies != NULL
                           ? appeals_classifier_get_label (bodies, body, appeals_ui_language ()) : NULL;

  g_string_append_printf (subtitle, "%s · %s", body_label != NULL ? body_label : _appeals_reception_window_or_empty (body),
                          until);
  if (executed)
    {
      g_autofree char *date = appeals_format_local_day (order->executed_at);

      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("executed on %s"), date);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _appeals_reception_window_or_empty (order->text));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  if (order->overdue)
    {
      _appeals_reception_window_mark_overdue (row, TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), _appeals_reception_window_new_tag (_("Overdue"), "appeal-overdue"));
    }

  gtk_widget_set_name (check, name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), executed);
  gtk_widget_set_sensitive (check, !_appeals_reception_window_is_archived (self) &&
                                   !g_hash_table_contains (self->sending_orders, &order->id));
  g_object_set_data (G_OBJECT (check), "order-id", GSIZE_TO_POINTER (order->id));
  g_signal_connect (check, "toggled", G_CALLBACK (on_order_toggled), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  return row;
}

void
_appeals_reception_window_update_orders (AppealsReceptionWindow *self)
{
  GPtrArray *orders = self->reception->orders;
  AppealsReceptionReview *review = self->reception->review;
  guint n_executed = 0;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->order_rows->len; i++)
    adw_preferences_group_remove (self->orders_group, g_ptr_array_index (self->order_rows, i));
  g_ptr_array_set_size (self->order_rows, 0);

  for (guint i = 0; i < orders->len; i++)
    {
      AppealsProtocolOrder *order = g_ptr_array_index (orders, i);
      GtkWidget *row = new_order_row (self, order);

      n_executed += order->status == APPEALS_ORDER_STATUS_EXECUTED;
      adw_preferences_group_add (self->orders_group, row);
      g_ptr_array_add (self->order_rows, row);
    }
  gtk_widget_set_visible (self->no_orders_row, orders->len == 0);
  if (orders->len > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order, %u executed", "%u orders, %u executed",
                                                orders->len),
                                   orders->len, n_executed);
  adw_preferences_group_set_description (self->orders_group, description);

  gtk_widget_set_visible (GTK_WIDGET (self->review_group), review != NULL);
  if (review != NULL)
    {
      g_autofree char *date = appeals_format_local_day (review->reviewed_at);
      g_autofree char *by = g_strdup_printf (_("Reviewed by %s on %s"),
                                             _appeals_reception_window_or_empty (review->reviewed_by), date);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row),
                                     review->instructions != NULL ? review->instructions : _("No instructions"));
      adw_action_row_set_subtitle (self->review_row, by);
    }
}

static void
show_order_error (GtkWidget  *row,
                  GtkLabel   *label,
                  const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (row, text != NULL);
}

static void
clear_order_errors (AppealsReceptionWindow *self)
{
  show_order_error (self->order_text_error_row, self->order_text_error, NULL);
  show_order_error (self->order_body_error_row, self->order_body_error, NULL);
  show_order_error (self->order_days_error_row, self->order_days_error, NULL);
}


/* Field errors go right under their fields; the typed text stays. */
static void
order_refused (AppealsReceptionWindow *self,
               const GError           *error)
{
  GPtrArray *field_errors = appeals_service_error_get_field_errors (error);
  guint placed = 0;

  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      const AppealsFieldError *field_error = g_ptr_array_index (field_errors, i);
      g_autofree char *message = appeals_field_error_describe (field_error);

      if (g_strcmp0 (field_error->field, "text") == 0)
        show_order_error (self->order_text_error_row, self->order_text_error, message);
      else if (g_strcmp0 (field_error->field, "executor_body") == 0)
        show_order_error (self->order_body_error_row, self->order_body_error, message);
      else if (g_strcmp0 (field_error->field, "working_days") == 0)
        show_order_error (self->order_days_error_row, self->order_days_error, message);
      else
        continue;
      placed++;
    }

  _appeals_reception_window_show_toast (self, placed > 0 ? _("Some fields need correcting: see the messages below them.")
                                                         : error->message);
}

static void
order_added (Call             *call,
             AppealsReception *reception,
             const GError     *error)
{
  AppealsReceptionWindow *self = call->self;

  self->adding_order = FALSE;
  _appeals_reception_window_update_actions (self);
  if (reception == NULL)
    {
      order_refused (self, error);
      return;
    }

  clear_order_errors (self);
  gtk_editable_set_text (GTK_EDITABLE (self->order_entry), "");
  _appeals_reception_window_show_toast (self, _("The order is added to the protocol"));
}

void
_appeals_reception_window_add_order_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (widget);
  guint selected = adw_combo_row_get_selected (self->body_row);

  clear_order_errors (self);
  self->adding_order = TRUE;
  _appeals_reception_window_update_actions (self);
  appeals_reception_service_add_order_async (_appeals_reception_window_get_service (self), self->reception_id,
                                             gtk_editable_get_text (GTK_EDITABLE (self->order_entry)),
                                             selected < self->body_codes->len
                                             ? g_ptr_array_index (self->body_codes, selected) : NULL,
                                             gtk_spin_button_get_value_as_int (self->days_spin),
                                             self->cancellable, _appeals_reception_window_on_change_answered,
                                             _appeals_reception_window_change_new (self, order_added, NULL));
}

/* The deadline an order would get if given today. */
void
_appeals_reception_window_on_days_changed (AppealsReceptionWindow *self)
{
  AppealsCalendar *calendar;
  char buffer[16];
  g_autofree char *subtitle = NULL;
  GDate today, until;

  /* the template may report a value before the context is there */
  if (self->context == NULL)
    return;
  calendar = appeals_reference_service_get_calendar (_appeals_reception_window_get_reference (self));
  appeals_date_get_today (&today);
  appeals_calendar_add_working_days (calendar, &today, gtk_spin_button_get_value_as_int (self->days_spin), &until);
  g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", &until);
  subtitle = g_strdup_printf (_("Until %s if given today"), buffer);
  adw_action_row_set_subtitle (self->days_row, subtitle);
}

static void
archived (Call             *call,
          AppealsReception *reception,
          const GError     *error)
{
  AppealsReceptionWindow *self = call->self;

  self->archiving = FALSE;
  _appeals_reception_window_update_actions (self);
  if (g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_CONFLICT))
    _appeals_reception_window_show_toast (self, _("The reception stays under control until every order of the protocol is executed"));
  else if (reception == NULL)
    _appeals_reception_window_show_toast (self, error->message);
  else
    _appeals_reception_window_show_toast (self, _("The reception is archived"));
}

void
_appeals_reception_window_archive_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (widget);

  self->archiving = TRUE;
  _appeals_reception_window_update_actions (self);
  appeals_reception_service_archive_async (_appeals_reception_window_get_service (self), self->reception_id,
                                           self->cancellable, _appeals_reception_window_on_change_answered,
                                           _appeals_reception_window_change_new (self, archived, NULL));
}

/* Archiving needs a held reception whose protocol was sent, with every
 * order executed. */
static gboolean
can_archive (AppealsReceptionWindow *self)
{
  AppealsUser *user = self->context != NULL ? appeals_context_get_user (self->context) : NULL;
  AppealsReceptionStep *protocol;
  GPtrArray *orders;

  /* archiving is the leadership's decision (or the head's) */
  if (user == NULL || (user->role != APPEALS_ROLE_LEADERSHIP && user->role != APPEALS_ROLE_HEAD))
    return FALSE;
  if (self->reception == NULL || self->archiving || _appeals_reception_window_is_archived (self))
    return FALSE;
  /* held, with the protocol sent to the bodies (the server's rule) */
  protocol = appeals_reception_find_step (self->reception, "protocol_to_bodies");
  if (self->reception->status != APPEALS_RECEPTION_STATUS_HELD || protocol == NULL || !protocol->done)
    return FALSE;
  orders = self->reception->orders;
  for (guint i = 0; i < orders->len; i++)
    if (((AppealsProtocolOrder *) g_ptr_array_index (orders, i))->status != APPEALS_ORDER_STATUS_EXECUTED)
      return FALSE;
  return TRUE;
}

void
_appeals_reception_window_update_actions (AppealsReceptionWindow *self)
{
  gboolean editable = self->reception != NULL && appeals_reception_is_editable (self->reception);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.archive", can_archive (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.add-order", editable && !self->adding_order);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.attach", self->reception != NULL && !self->uploading);
  /* a closed reception's protocol is only read */
  gtk_widget_set_visible (GTK_WIDGET (self->new_order_group), self->reception == NULL || editable);
  gtk_widget_set_visible (GTK_WIDGET (self->archive_group), self->reception == NULL || editable);
  _appeals_reception_window_update_status_actions (self);
}
