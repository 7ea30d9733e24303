/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-window.c: one booked reception.
 *
 * Three pages over one reception as the server gives it: the 13 steps of
 * organising it (ticked off with a note each), the protocol of orders to
 * the bodies (added with a term in working days, marked executed, then
 * the reception is archived) and the materials (attached files by kind).
 * Every change is a request whose answer is the reception itself, so the
 * window always shows what the server holds: a refused change puts the
 * control back as it was and says why in a toast.
 *
 * This file: the requests, the summary, loading, and the class; the
 * steps, the protocol and the materials have a file each.
 *
 * Signals: "loaded" each time the reception was (re)loaded or updated from
 * an answer; "changed" after each change the server accepted.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-reception-window-private.h"
#include "appeals-window.h"




G_DEFINE_FINAL_TYPE (AppealsReceptionWindow, appeals_reception_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_RECEPTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOADED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_appeals_reception_window_emit_changed (AppealsReceptionWindow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}


/* Requests ------------------------------------------------------------------- */

Call *
_appeals_reception_window_call_new (AppealsReceptionWindow *self,
          const char             *key,
          GFile                  *file)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->key = g_strdup (key);
  call->file = file != NULL ? g_object_ref (file) : NULL;
  return call;
}

void
_appeals_reception_window_call_free (Call *call)
{
  g_clear_object (&call->self);
  g_clear_object (&call->file);
  g_free (call->key);
  g_free (call);
}


AppealsApiClient *
_appeals_reception_window_get_client (void)
{
  return appeals_application_get_client (appeals_application_get_default ());
}

/* The newest message replaces the one shown, rather than queueing behind it. */
void
_appeals_reception_window_show_toast (AppealsReceptionWindow *self,
            const char             *text)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_clear_object (&self->toast);
  self->toast = adw_toast_new (text);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->toast));
}

void
_appeals_reception_window_begin_request (AppealsReceptionWindow *self)
{
  if (self->n_requests++ == 0)
    gtk_spinner_start (self->spinner);
}

void
_appeals_reception_window_end_request (AppealsReceptionWindow *self)
{
  g_return_if_fail (self->n_requests > 0);
  if (--self->n_requests == 0)
    gtk_spinner_stop (self->spinner);
}

void
_appeals_reception_window_send_request (AppealsReceptionWindow *self,
              const char             *method,
              const char             *path,
              JsonNode               *body,
              GAsyncReadyCallback     callback,
              Call                   *call)
{
  g_autofree char *key = g_str_equal (method, "POST") ? g_uuid_string_random () : NULL;

  _appeals_reception_window_begin_request (self);
  appeals_api_client_request_async (_appeals_reception_window_get_client (), method, path, body, NULL, key, self->cancellable, callback, call);
}

/* The answer to a request, or NULL. *closing tells a closing window (the
 * request was cancelled: nothing is left to update) from a request that
 * got no answer, which the user has been told about. */
AppealsApiResponse *
_appeals_reception_window_finish_request (AppealsReceptionWindow *self,
                GObject                *source,
                GAsyncResult           *result,
                gboolean               *closing)
{
  g_autoptr(GError) error = NULL;
  AppealsApiResponse *response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source), result, &error);
  GtkWindow *parent;

  *closing = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  if (*closing)
    return NULL;

  _appeals_reception_window_end_request (self);
  if (response == NULL)
    {
      _appeals_reception_window_show_toast (self, error->message);
      parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      if (error->domain == APPEALS_SERVICE_ERROR && error->code == APPEALS_SERVICE_ERROR_NETWORK && APPEALS_IS_WINDOW (parent))
        appeals_window_connection_lost (APPEALS_WINDOW (parent));
    }
  return response;
}

/* JSON as the server sends it: members may be missing or null. */
const char *
_appeals_reception_window_get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

const char *
_appeals_reception_window_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

JsonArray *
_appeals_reception_window_get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
_appeals_reception_window_get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gboolean
_appeals_reception_window_get_boolean (JsonObject *object,
             const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

/* "2026-11-25T04:58:27Z" → "25.11.2026", the day where the user is. */
char *
_appeals_reception_window_format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  char buffer[16];
  GDate date;

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (utc);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", &date);
  return g_strdup (buffer);
}

static const char *
status_get_label (const char *status)
{
  if (g_strcmp0 (status, "booked") == 0)
    return C_("reception status", "Booked");
  if (g_strcmp0 (status, "confirmed") == 0)
    return C_("reception status", "Confirmed");
  if (g_strcmp0 (status, "held") == 0)
    return C_("reception status", "Held");
  if (g_strcmp0 (status, "cancelled") == 0)
    return C_("reception status", "Cancelled");
  if (g_strcmp0 (status, "archived") == 0)
    return C_("reception status", "Archived");
  return status != NULL ? status : "";
}

gboolean
_appeals_reception_window_is_archived (AppealsReceptionWindow *self)
{
  return g_strcmp0 (_appeals_reception_window_get_string (self->reception, "status"), "archived") == 0;
}

/* The row's own subtitle label (AdwActionRow gives no access to it): an
 * overdue row has its dates in red, while its buttons keep their colours. */
static GtkWidget *
find_subtitle (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "subtitle"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_subtitle (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
_appeals_reception_window_mark_overdue (GtkWidget *row,
              gboolean   overdue)
{
  GtkWidget *subtitle = find_subtitle (row);

  if (subtitle == NULL)
    return;
  if (overdue)
    gtk_widget_add_css_class (subtitle, "appeal-overdue");
  else
    gtk_widget_remove_css_class (subtitle, "appeal-overdue");
}

GtkWidget *
_appeals_reception_window_new_tag (const char *text,
         const char *style)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "reception-tag");
  gtk_widget_add_css_class (tag, style);
  return tag;
}

/* The summary ------------------------------------------------------------------ */

static void
update_summary (AppealsReceptionWindow *self)
{
  JsonObject *official = appeals_officials_find (self->officials,
                                                 json_object_get_int_member_with_default (self->reception, "official_id", 0));
  const char *iso_date = _appeals_reception_window_get_string (self->reception, "date");
  const char *video_link = _appeals_reception_window_get_string (self->reception, "video_link");
  const char *place = _appeals_reception_window_get_string (self->reception, "place");
  const char *priority = _appeals_reception_window_get_string (self->reception, "priority");
  const char *status = _appeals_reception_window_get_string (self->reception, "status");
  const char *question = _appeals_reception_window_get_string (self->reception, "question");
  g_autofree char *date = appeals_format_iso_date (iso_date);
  g_autofree char *title = g_strdup_printf (_("Reception on %s"), date);
  g_autofree char *weekday = NULL;
  g_autofree char *when = NULL;
  GDate day;

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);

  if (iso_date != NULL && appeals_date_parse_iso (iso_date, &day))
    weekday = appeals_weekday_name (g_date_get_weekday (&day));
  when = g_strdup_printf ("%s, %s, %s — %s", date, weekday != NULL ? weekday : "",
                          _appeals_reception_window_or_empty (_appeals_reception_window_get_string (self->reception, "start_time")),
                          official != NULL ? appeals_official_get_name (official) : "");
  gtk_label_set_text (self->when_label, when);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->when_label),
                               official != NULL ? appeals_official_get_position (official) : NULL);

  /* who comes is what the page is about; the official is in the line below */
  gtk_label_set_text (self->official_label,
                      _appeals_reception_window_or_empty (_appeals_reception_window_get_string (self->reception,
                                                                                                "applicant_name")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->official_label), _("Applicant"));
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        official != NULL ? appeals_official_get_name (official) : NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->video_button), video_link != NULL && *video_link != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->place_label), video_link == NULL || *video_link == '\0');
  if (video_link != NULL && *video_link != '\0')
    {
      gtk_link_button_set_uri (self->video_button, video_link);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->video_button), video_link);
    }
  else if (place != NULL && *place != '\0')
    {
      gtk_label_set_text (self->place_label, place);
      gtk_widget_remove_css_class (GTK_WIDGET (self->place_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->place_label, _("The place is not set yet"));
      gtk_widget_add_css_class (GTK_WIDGET (self->place_label), "dim-label");
    }

  gtk_label_set_text (self->question_label, question != NULL ? question : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->question_label), question);

  gtk_widget_set_visible (GTK_WIDGET (self->priority_label), priority != NULL);
  if (priority != NULL)
    {
      gtk_label_set_text (self->priority_label, appeals_priority_get_label (priority));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->priority_label), appeals_priority_get_label (priority));
    }

  gtk_label_set_text (self->status_label, status_get_label (status));
  if (g_strcmp0 (status, "held") == 0 || g_strcmp0 (status, "archived") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  if (g_strcmp0 (status, "cancelled") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
}

static void
on_officials_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  AppealsReceptionWindow *self = call->self;
  gboolean closing;
  g_autoptr(AppealsApiResponse) response = _appeals_reception_window_finish_request (self, source, result, &closing);
  JsonArray *items;

  if (response == NULL || !appeals_api_response_is_success (response) ||
      !JSON_NODE_HOLDS_OBJECT (response->body))
    return;

  items = _appeals_reception_window_get_array (json_node_get_object (response->body), "items");
  if (items == NULL)
    return;
  g_clear_pointer (&self->officials, json_array_unref);
  self->officials = json_array_ref (items);
  if (self->reception != NULL)
    update_summary (self);
}

/* Loading ------------------------------------------------------------------------ */

/* Shows @reception (as the server answered it; NULL: the one already
 * loaded, again) on every page, and emits "loaded" for a new one. */
void
_appeals_reception_window_show_reception (AppealsReceptionWindow *self,
                JsonNode               *reception)
{
  if (reception != NULL)
    {
      g_clear_pointer (&self->reception, json_object_unref);
      self->reception = json_object_ref (json_node_get_object (reception));
    }
  if (self->reception == NULL)
    return;

  update_summary (self);
  _appeals_reception_window_update_steps (self);
  _appeals_reception_window_update_orders (self);
  _appeals_reception_window_update_materials (self);
  _appeals_reception_window_update_actions (self);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
  if (reception != NULL)
    g_signal_emit (self, signals[LOADED], 0);
}

static void
on_reception_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  AppealsReceptionWindow *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, &error);
  const char *problem;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _appeals_reception_window_end_request (self);
  if (response != NULL && appeals_api_response_is_success (response) && JSON_NODE_HOLDS_OBJECT (response->body))
    {
      _appeals_reception_window_show_reception (self, response->body);
      return;
    }

  problem = response != NULL ? appeals_api_response_describe (response) : error->message;
  if (self->reception != NULL)
    _appeals_reception_window_show_toast (self, problem);
  else
    {
      adw_status_page_set_description (self->failed_page, problem);
      gtk_stack_set_visible_child_name (self->main_stack, "failed");
    }
}

void
_appeals_reception_window_load_reception (AppealsReceptionWindow *self)
{
  g_autofree char *path = g_strdup_printf ("receptions/%" G_GINT64_FORMAT, self->reception_id);

  if (self->reception == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");
  _appeals_reception_window_send_request (self, "GET", path, NULL, on_reception_loaded, _appeals_reception_window_call_new (self, NULL, NULL));
}

/* The officials' names come once; the reception each time. */
static void
reload (AppealsReceptionWindow *self)
{
  if (self->officials == NULL)
    _appeals_reception_window_send_request (self, "GET", "officials", NULL, on_officials_loaded, _appeals_reception_window_call_new (self, NULL, NULL));
  _appeals_reception_window_load_reception (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (APPEALS_RECEPTION_WINDOW (widget));
}

/* GObject ------------------------------------------------------------------------ */

static void
appeals_reception_window_constructed (GObject *object)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (object);

  G_OBJECT_CLASS (appeals_reception_window_parent_class)->constructed (object);

  reload (self);
}

static void
appeals_reception_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_RECEPTION_ID:
      g_value_set_int64 (value, self->reception_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
appeals_reception_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_RECEPTION_ID:
      self->reception_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
appeals_reception_window_dispose (GObject *object)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _appeals_reception_window_clear_chooser (self);
  g_clear_object (&self->toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_RECEPTION_WINDOW);

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->order_rows, g_ptr_array_unref);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (appeals_reception_window_parent_class)->dispose (object);
}

static void
appeals_reception_window_finalize (GObject *object)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (object);

  g_clear_pointer (&self->reception, json_object_unref);
  g_clear_pointer (&self->officials, json_array_unref);
  g_clear_pointer (&self->body_codes, g_ptr_array_unref);
  g_clear_pointer (&self->sending_orders, g_hash_table_unref);
  G_OBJECT_CLASS (appeals_reception_window_parent_class)->finalize (object);
}

static void
appeals_reception_window_class_init (AppealsReceptionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = appeals_reception_window_constructed;
  object_class->get_property = appeals_reception_window_get_property;
  object_class->set_property = appeals_reception_window_set_property;
  object_class->dispose = appeals_reception_window_dispose;
  object_class->finalize = appeals_reception_window_finalize;

  properties[PROP_RECEPTION_ID] =
    g_param_spec_int64 ("reception-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-reception-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, official_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, priority_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, when_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, place_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, video_button);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, question_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, steps_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, review_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, review_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, orders_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, no_orders_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, new_order_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, order_entry);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, order_text_error_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, order_text_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, body_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, order_body_error_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, order_body_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, days_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, days_spin);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, order_days_error_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, order_days_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, archive_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, materials_page);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, no_files_label);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_days_changed",
                                                G_CALLBACK (_appeals_reception_window_on_days_changed));

  gtk_widget_class_install_action (widget_class, "reception.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "reception.archive", NULL, _appeals_reception_window_archive_action);
  gtk_widget_class_install_action (widget_class, "reception.attach", NULL, _appeals_reception_window_attach_action);
  gtk_widget_class_install_action (widget_class, "reception.add-order", NULL, _appeals_reception_window_add_order_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "reception.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "reception.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
appeals_reception_window_init (AppealsReceptionWindow *self)
{
  AppealsClassifier *bodies = appeals_application_get_classifier (appeals_application_get_default (),
                                                                  APPEALS_CLASSIFIER_ADDRESSEE_BODIES);
  g_autoptr(GtkStringList) body_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) _appeals_reception_window_step_row_free);
  self->order_rows = g_ptr_array_new ();
  self->file_rows = g_ptr_array_new ();
  self->body_codes = g_ptr_array_new_with_free_func (g_free);
  self->sending_orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < appeals_classifier_get_n_items (bodies); i++)
    {
      const AppealsClassifierItem *item = appeals_classifier_get_item (bodies, i);

      gtk_string_list_append (body_labels, appeals_classifier_item_get_label (item, appeals_ui_language ()));
      g_ptr_array_add (self->body_codes, g_strdup (item->code));
    }
  adw_combo_row_set_model (self->body_row, G_LIST_MODEL (body_labels));

  for (guint k = 0; k < N_KINDS; k++)
    {
      gtk_string_list_append (kind_labels, appeals_material_kind_label (kinds[k].code));
      self->kind_groups[k] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->kind_groups[k], appeals_material_kind_label (kinds[k].code));
      gtk_widget_set_visible (GTK_WIDGET (self->kind_groups[k]), FALSE);
      adw_preferences_page_add (self->materials_page, self->kind_groups[k]);
    }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));

  _appeals_reception_window_on_days_changed (self);
  _appeals_reception_window_update_actions (self);
}

/* Public ------------------------------------------------------------------------- */

/**
 * appeals_reception_window_new:
 * @parent: (nullable): the window that opened it
 *
 * A window over reception @reception_id; it starts loading at once.
 */
AppealsReceptionWindow *
appeals_reception_window_new (GtkWindow *parent,
                              gint64     reception_id)
{
  return g_object_new (APPEALS_TYPE_RECEPTION_WINDOW,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "transient-for", parent,
                       "reception-id", reception_id,
                       NULL);
}

gint64
appeals_reception_window_get_reception_id (AppealsReceptionWindow *self)
{
  g_return_val_if_fail (APPEALS_IS_RECEPTION_WINDOW (self), 0);

  return self->reception_id;
}

/**
 * appeals_reception_window_get_reception:
 *
 * Returns: (transfer none) (nullable): the reception as last loaded
 */
JsonObject *
appeals_reception_window_get_reception (AppealsReceptionWindow *self)
{
  g_return_val_if_fail (APPEALS_IS_RECEPTION_WINDOW (self), NULL);

  return self->reception;
}

/**
 * appeals_reception_window_set_step_done:
 * @code: a step code, e.g. "clarify"
 *
 * Ticks the step (or takes the tick away) the way its check button does,
 * and sends the change.
 *
 * Returns: %FALSE if the reception has no such step
 */
gboolean
appeals_reception_window_set_step_done (AppealsReceptionWindow *self,
                                        const char             *code,
                                        gboolean                done)
{
  StepRow *step;

  g_return_val_if_fail (APPEALS_IS_RECEPTION_WINDOW (self), FALSE);

  step = _appeals_reception_window_find_step (self, code);
  if (step == NULL)
    return FALSE;
  _appeals_reception_window_set_step_check (step, done);
  _appeals_reception_window_send_step (step, done);
  return TRUE;
}

/**
 * appeals_reception_window_get_n_overdue_steps:
 *
 * Returns: how many steps of the loaded reception are overdue
 */
guint
appeals_reception_window_get_n_overdue_steps (AppealsReceptionWindow *self)
{
  JsonArray *steps;
  guint n = 0;

  g_return_val_if_fail (APPEALS_IS_RECEPTION_WINDOW (self), 0);

  steps = _appeals_reception_window_get_array (self->reception, "steps");
  for (guint i = 0; steps != NULL && i < json_array_get_length (steps); i++)
    n += _appeals_reception_window_get_boolean (json_array_get_object_element (steps, i), "overdue");
  return n;
}

/**
 * appeals_reception_window_attach_file:
 * @kind: "reference_note", "applicant_document", "body_position" or "other"
 *
 * Reads @file, sends it as an attachment of @kind and reloads the
 * reception once the server has it (what "Attach File…" does after the
 * file chooser).
 */
void
appeals_reception_window_attach_file (AppealsReceptionWindow *self,
                                      const char             *kind,
                                      GFile                  *file)
{
  g_return_if_fail (APPEALS_IS_RECEPTION_WINDOW (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (G_IS_FILE (file));

  self->uploading = TRUE;
  _appeals_reception_window_update_actions (self);
  _appeals_reception_window_begin_request (self);
  g_file_load_contents_async (file, self->cancellable, _appeals_reception_window_on_file_read, _appeals_reception_window_call_new (self, kind, file));
}

/**
 * appeals_reception_window_remove_attachment:
 *
 * Withdraws attachment @attachment_id from the materials, without asking
 * (the "Remove" button asks first), and reloads the reception.
 */
void
appeals_reception_window_remove_attachment (AppealsReceptionWindow *self,
                                            gint64                  attachment_id)
{
  g_autofree char *path = NULL;

  g_return_if_fail (APPEALS_IS_RECEPTION_WINDOW (self));

  path = g_strdup_printf ("attachments/%" G_GINT64_FORMAT, attachment_id);
  _appeals_reception_window_send_request (self, "DELETE", path, NULL, _appeals_reception_window_on_attachment_removed, _appeals_reception_window_call_new (self, NULL, NULL));
}

/**
 * appeals_reception_window_is_busy:
 *
 * Returns: whether a request of this window is still waiting for its answer
 */
gboolean
appeals_reception_window_is_busy (AppealsReceptionWindow *self)
{
  g_return_val_if_fail (APPEALS_IS_RECEPTION_WINDOW (self), FALSE);

  return self->n_requests > 0;
}
