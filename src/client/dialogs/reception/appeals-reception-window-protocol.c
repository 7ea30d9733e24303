/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-window-protocol.c: the protocol of orders: orders with an executor body and
 * a term in working days, marked executed; then the archive.
 */
#include "config.h"

#include "appeals-reception-window-private.h"

/* The protocol ------------------------------------------------------------------- */

static void
on_order_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  AppealsReceptionWindow *self = call->self;
  gboolean closing;
  g_autoptr(AppealsApiResponse) response = _appeals_reception_window_finish_request (self, source, result, &closing);

  if (closing)
    return;

  g_hash_table_remove (self->sending_orders, call->key);
  if (response == NULL || !appeals_api_response_is_success (response) || !JSON_NODE_HOLDS_OBJECT (response->body))
    {
      if (response != NULL)
        _appeals_reception_window_show_toast (self, appeals_api_response_describe (response));
      /* the rows are drawn again from what the server holds */
      _appeals_reception_window_show_reception (self, NULL);
      return;
    }

  _appeals_reception_window_show_reception (self, response->body);
  _appeals_reception_window_emit_changed (self);
}

static void
on_order_toggled (GtkCheckButton         *check,
                  AppealsReceptionWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "order-id");
  g_autofree char *path = g_strdup_printf ("receptions/%" G_GINT64_FORMAT "/orders/%s", self->reception_id, id);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "status", gtk_check_button_get_active (check) ? "executed" : "open");
  json_node_take_object (body, object);

  g_hash_table_add (self->sending_orders, g_strdup (id));
  gtk_widget_set_sensitive (GTK_WIDGET (check), FALSE);
  _appeals_reception_window_send_request (self, "PATCH", path, body, on_order_sent, _appeals_reception_window_call_new (self, id, NULL));
}

static GtkWidget *
new_order_row (AppealsReceptionWindow *self,
               JsonObject             *order)
{
  AppealsClassifier *bodies = appeals_application_get_classifier (appeals_application_get_default (),
                                                                  APPEALS_CLASSIFIER_ADDRESSEE_BODIES);
  const char *body = _appeals_reception_window_get_string (order, "executor_body");
  gboolean executed = g_strcmp0 (_appeals_reception_window_get_string (order, "status"), "executed") == 0;
  gboolean overdue = _appeals_reception_window_get_boolean (order, "overdue");
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member_with_default (order, "id", 0));
  g_autofree char *name = g_strconcat ("order-", id, NULL);
  g_autofree char *deadline = appeals_format_iso_date (_appeals_reception_window_get_string (order, "deadline"));
  g_autofree char *until = g_strdup_printf (_("until %s"), deadline);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new_with_label (_("Executed"));
  const char *body_label = body != NULL ? appeals_classifier_get_label (bodies, body, appeals_ui_language ()) : NULL;

  g_string_append_printf (subtitle, "%s · %s", body_label != NULL ? body_label : (body != NULL ? body : ""), until);
  if (executed)
    {
      g_autofree char *date = _appeals_reception_window_format_timestamp (_appeals_reception_window_get_string (order, "executed_at"));

      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("executed on %s"), date);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _appeals_reception_window_or_empty (_appeals_reception_window_get_string (order, "text")));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  if (overdue)
    {
      _appeals_reception_window_mark_overdue (row, TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), _appeals_reception_window_new_tag (_("Overdue"), "appeal-overdue"));
    }

  gtk_widget_set_name (check, name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), executed);
  gtk_widget_set_sensitive (check, !_appeals_reception_window_is_archived (self) && !g_hash_table_contains (self->sending_orders, id));
  g_object_set_data_full (G_OBJECT (check), "order-id", g_steal_pointer (&id), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (on_order_toggled), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  return row;
}

void
_appeals_reception_window_update_orders (AppealsReceptionWindow *self)
{
  JsonArray *orders = _appeals_reception_window_get_array (self->reception, "orders");
  JsonObject *review = _appeals_reception_window_get_object (self->reception, "review");
  guint n = orders != NULL ? json_array_get_length (orders) : 0;
  guint n_executed = 0;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->order_rows->len; i++)
    adw_preferences_group_remove (self->orders_group, g_ptr_array_index (self->order_rows, i));
  g_ptr_array_set_size (self->order_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *order = json_array_get_object_element (orders, i);
      GtkWidget *row = new_order_row (self, order);

      n_executed += g_strcmp0 (_appeals_reception_window_get_string (order, "status"), "executed") == 0;
      adw_preferences_group_add (self->orders_group, row);
      g_ptr_array_add (self->order_rows, row);
    }
  gtk_widget_set_visible (self->no_orders_row, n == 0);
  if (n > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order, %u executed", "%u orders, %u executed", n),
                                   n, n_executed);
  adw_preferences_group_set_description (self->orders_group, description);

  gtk_widget_set_visible (GTK_WIDGET (self->review_group), review != NULL);
  if (review != NULL)
    {
      const char *instructions = _appeals_reception_window_get_string (review, "instructions");
      g_autofree char *date = _appeals_reception_window_format_timestamp (_appeals_reception_window_get_string (review, "reviewed_at"));
      g_autofree char *by = g_strdup_printf (_("Reviewed by %s on %s"), _appeals_reception_window_or_empty (_appeals_reception_window_get_string (review, "reviewed_by")), date);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row),
                                     instructions != NULL ? instructions : _("No instructions"));
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
order_refused (AppealsReceptionWindow   *self,
               const AppealsApiResponse *response)
{
  guint placed = 0;

  for (guint i = 0; response->field_errors != NULL && i < response->field_errors->len; i++)
    {
      const AppealsFieldError *error = g_ptr_array_index (response->field_errors, i);
      g_autofree char *message = appeals_field_error_describe (error);

      if (g_strcmp0 (error->field, "text") == 0)
        show_order_error (self->order_text_error_row, self->order_text_error, message);
      else if (g_strcmp0 (error->field, "executor_body") == 0)
        show_order_error (self->order_body_error_row, self->order_body_error, message);
      else if (g_strcmp0 (error->field, "working_days") == 0)
        show_order_error (self->order_days_error_row, self->order_days_error, message);
      else
        continue;
      placed++;
    }

  _appeals_reception_window_show_toast (self, placed > 0 ? _("Some fields need correcting: see the messages below them.")
                               : appeals_api_response_describe (response));
}

static void
on_order_added (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  AppealsReceptionWindow *self = call->self;
  gboolean closing;
  g_autoptr(AppealsApiResponse) response = _appeals_reception_window_finish_request (self, source, result, &closing);

  if (closing)
    return;

  self->adding_order = FALSE;
  _appeals_reception_window_update_actions (self);
  if (response == NULL)
    return;
  if (!appeals_api_response_is_success (response) || !JSON_NODE_HOLDS_OBJECT (response->body))
    {
      order_refused (self, response);
      return;
    }

  clear_order_errors (self);
  gtk_editable_set_text (GTK_EDITABLE (self->order_entry), "");
  _appeals_reception_window_show_reception (self, response->body);
  _appeals_reception_window_show_toast (self, _("The order is added to the protocol"));
  _appeals_reception_window_emit_changed (self);
}

void
_appeals_reception_window_add_order_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (widget);
  guint selected = adw_combo_row_get_selected (self->body_row);
  g_autofree char *path = g_strdup_printf ("receptions/%" G_GINT64_FORMAT "/orders", self->reception_id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (self->order_entry)));
  json_builder_set_member_name (builder, "executor_body");
  if (selected < self->body_codes->len)
    json_builder_add_string_value (builder, g_ptr_array_index (self->body_codes, selected));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "working_days");
  json_builder_add_int_value (builder, gtk_spin_button_get_value_as_int (self->days_spin));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  clear_order_errors (self);
  self->adding_order = TRUE;
  _appeals_reception_window_update_actions (self);
  _appeals_reception_window_send_request (self, "POST", path, body, on_order_added, _appeals_reception_window_call_new (self, NULL, NULL));
}

/* The deadline an order would get if given today. */
void
_appeals_reception_window_on_days_changed (AppealsReceptionWindow *self)
{
  AppealsCalendar *calendar = appeals_application_get_calendar (appeals_application_get_default ());
  char buffer[16];
  g_autofree char *subtitle = NULL;
  GDate today, until;

  appeals_date_get_today (&today);
  appeals_calendar_add_working_days (calendar, &today, gtk_spin_button_get_value_as_int (self->days_spin), &until);
  g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", &until);
  subtitle = g_strdup_printf (_("Until %s if given today"), buffer);
  adw_action_row_set_subtitle (self->days_row, subtitle);
}

static void
on_archived (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  AppealsReceptionWindow *self = call->self;
  gboolean closing;
  g_autoptr(AppealsApiResponse) response = _appeals_reception_window_finish_request (self, source, result, &closing);

  if (closing)
    return;

  self->archiving = FALSE;
  _appeals_reception_window_update_actions (self);
  if (response == NULL)
    return;
  if (response->status == SOUP_STATUS_CONFLICT)
    {
      _appeals_reception_window_show_toast (self, _("The reception stays under control until every order of the protocol is executed"));
      return;
    }
  if (!appeals_api_response_is_success (response) || !JSON_NODE_HOLDS_OBJECT (response->body))
    {
      _appeals_reception_window_show_toast (self, appeals_api_response_describe (response));
      return;
    }

  _appeals_reception_window_show_reception (self, response->body);
  _appeals_reception_window_show_toast (self, _("The reception is archived"));
  _appeals_reception_window_emit_changed (self);
}

void
_appeals_reception_window_archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (widget);
  g_autofree char *path = g_strdup_printf ("receptions/%" G_GINT64_FORMAT "/archive", self->reception_id);

  self->archiving = TRUE;
  _appeals_reception_window_update_actions (self);
  _appeals_reception_window_send_request (self, "POST", path, NULL, on_archived, _appeals_reception_window_call_new (self, NULL, NULL));
}

/* Archiving needs a protocol with every order executed. */
static gboolean
can_archive (AppealsReceptionWindow *self)
{
  JsonArray *orders = _appeals_reception_window_get_array (self->reception, "orders");
  AppealsUser *user = appeals_api_client_get_user (_appeals_reception_window_get_client ());

  /* archiving is the leadership's decision (or the head's) */
  if (user == NULL || (user->role != APPEALS_ROLE_LEADERSHIP && user->role != APPEALS_ROLE_HEAD))
    return FALSE;
  if (self->reception == NULL || self->archiving || _appeals_reception_window_is_archived (self) ||
      orders == NULL || json_array_get_length (orders) == 0)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (orders); i++)
    if (g_strcmp0 (_appeals_reception_window_get_string (json_array_get_object_element (orders, i), "status"), "executed") != 0)
      return FALSE;
  return TRUE;
}

void
_appeals_reception_window_update_actions (AppealsReceptionWindow *self)
{
  const char *status = _appeals_reception_window_get_string (self->reception, "status");
  gboolean editable = self->reception != NULL && g_strcmp0 (status, "archived") != 0 &&
                      g_strcmp0 (status, "cancelled") != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.archive", can_archive (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.add-order", editable && !self->adding_order);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.attach", self->reception != NULL && !self->uploading);
  /* a closed reception's protocol is only read */
  gtk_widget_set_visible (GTK_WIDGET (self->new_order_group), self->reception == NULL || editable);
  gtk_widget_set_visible (GTK_WIDGET (self->archive_group), self->reception == NULL || editable);
}
