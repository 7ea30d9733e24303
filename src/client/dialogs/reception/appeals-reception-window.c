/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-window.c: one booked reception.
 *
 * Three pages over one reception as the server gives it: the 13 steps of
 * organising it (ticked off with a note each), the protocol of orders to
 * the bodies (added with a term in working days, marked executed, then
 * the reception is archived) and the materials (attached files by kind).
 * Every change goes through the reception service, whose answer is the
 * reception itself; the service announces it ("reception-changed") and the
 * window shows what the server holds from that signal, whichever window
 * made the change. A refused change puts the control back as it was and
 * says why in a toast.
 *
 * This file: the requests, the summary, loading, and the class; the
 * steps, the protocol and the materials have a file each.
 *
 * Signal: "loaded" each time the reception was (re)loaded or updated from
 * an answer. Pages learn of changes from the service's "reception-changed".
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-reception-window-private.h"

G_DEFINE_FINAL_TYPE (AppealsReceptionWindow, appeals_reception_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RECEPTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


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


AppealsReceptionService *
_appeals_reception_window_get_service (AppealsReceptionWindow *self)
{
  return appeals_context_get_reception_service (self->context);
}

AppealsReferenceService *
_appeals_reception_window_get_reference (AppealsReceptionWindow *self)
{
  return appeals_context_get_reference_service (self->context);
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

/* After a request of the window: %FALSE when it was cancelled because the
 * window is closing (nothing is left to update); otherwise the request is
 * counted off. */
gboolean
_appeals_reception_window_request_ended (AppealsReceptionWindow *self,
                                         const GError           *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  _appeals_reception_window_end_request (self);
  return TRUE;
}

/* A change sent from the window: the request is counted, and its answer
 * goes to @done through _appeals_reception_window_on_change_answered(). */
Call *
_appeals_reception_window_change_new (AppealsReceptionWindow *self,
                                      ChangeDone              done,
                                      const char             *key)
{
  Call *call = _appeals_reception_window_call_new (self, key, NULL);

  call->done = done;
  _appeals_reception_window_begin_request (self);
  return call;
}

void
_appeals_reception_window_on_change_answered (GObject      *source,
                                              GAsyncResult *result,
                                              gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsReception) reception = appeals_reception_service_change_finish (APPEALS_RECEPTION_SERVICE (source),
                                                                                  result, &error);

  if (_appeals_reception_window_request_ended (call->self, error))
    call->done (call, reception, error);
}

const char *
_appeals_reception_window_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static const char *
status_get_label (int status)
{
  switch (status)
    {
    case APPEALS_RECEPTION_STATUS_BOOKED:
      return C_("reception status", "Booked");
    case APPEALS_RECEPTION_STATUS_CONFIRMED:
      return C_("reception status", "Confirmed");
    case APPEALS_RECEPTION_STATUS_HELD:
      return C_("reception status", "Held");
    case APPEALS_RECEPTION_STATUS_CANCELLED:
      return C_("reception status", "Cancelled");
    case APPEALS_RECEPTION_STATUS_ARCHIVED:
      return C_("reception status", "Archived");
    default:
      return "";
    }
}

gboolean
_appeals_reception_window_is_archived (AppealsReceptionWindow *self)
{
  return self->reception != NULL && self->reception->status == APPEALS_RECEPTION_STATUS_ARCHIVED;
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
  AppealsReception *reception = self->reception;
  const char *video_link = reception->video_link;
  const char *place = reception->place;
  const char *priority = reception->priority;
  g_autofree char *date = appeals_format_date (&reception->date);
  g_autofree char *title = g_strdup_printf (_("Reception on %s"), date);
  g_autofree char *weekday = g_date_valid (&reception->date) ? appeals_weekday_name (g_date_get_weekday (&reception->date))
                                                             : NULL;
  g_autofree char *when = NULL;

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);

  when = g_strdup_printf ("%s, %s, %s — %s", date, weekday != NULL ? weekday : "",
                          _appeals_reception_window_or_empty (reception->start_time),
                          _appeals_reception_window_or_empty (reception->official_name));
  gtk_label_set_text (self->when_label, when);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->when_label), reception->official_position);

  /* who comes is what the page is about; the official is in the line below */
  gtk_label_set_text (self->official_label, _appeals_reception_window_or_empty (reception->applicant_name));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->official_label), _("Applicant"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, reception->official_name);

  gtk_widget_set_visible (GTK_WIDGET (self->video_button), video_link != NULL && *video_link != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->place_label), video_link == NULL || *video_link == '\0');
  if (video_link != NULL && *video_link != '\0')
    {
      gtk_link_button_set_uri (self->video_button, video_link);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->video_button), video_link);
    }
  else if (place != NULL && *place != '\0')
    {
      g_autofree char *field_place = g_strdup_printf (_("Field reception: %s"), place);

      gtk_label_set_text (self->place_label, reception->field ? field_place : place);
      gtk_widget_remove_css_class (GTK_WIDGET (self->place_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->place_label, _("The place is not set yet"));
      gtk_widget_add_css_class (GTK_WIDGET (self->place_label), "dim-label");
    }

  gtk_label_set_text (self->question_label, _appeals_reception_window_or_empty (reception->question));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->question_label), reception->question);

  gtk_widget_set_visible (GTK_WIDGET (self->priority_label), priority != NULL);
  if (priority != NULL)
    {
      const char *label = appeals_priority_get_label (
        appeals_reference_service_get_priorities (_appeals_reception_window_get_reference (self)), priority);

      gtk_label_set_text (self->priority_label, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->priority_label), label);
    }

  gtk_label_set_text (self->status_label, status_get_label (reception->status));
  if (reception->status == APPEALS_RECEPTION_STATUS_HELD || reception->status == APPEALS_RECEPTION_STATUS_ARCHIVED)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  if (reception->status == APPEALS_RECEPTION_STATUS_CANCELLED)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
}

/* Loading ------------------------------------------------------------------------ */

/* Shows @reception (as the server answered it; NULL: the one already
 * loaded, again) on every page, and emits "loaded" for a new one. */
void
_appeals_reception_window_show_reception (AppealsReceptionWindow *self,
                                          AppealsReception       *reception)
{
  if (reception != NULL)
    g_set_object (&self->reception, reception);
  if (self->reception == NULL)
    return;

  update_summary (self);
  _appeals_reception_window_update_steps (self);
  _appeals_reception_window_update_orders (self);
  _appeals_reception_window_update_materials (self);
  _appeals_reception_window_update_arrangements (self);
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
  g_autoptr(AppealsReception) reception = appeals_reception_service_get_reception_finish (APPEALS_RECEPTION_SERVICE (source),
                                                                                         result, &error);

  if (!_appeals_reception_window_request_ended (self, error))
    return;

  if (reception != NULL)
    _appeals_reception_window_show_reception (self, reception);
  else if (self->reception != NULL)
    _appeals_reception_window_show_toast (self, error->message);
  else
    {
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "failed");
    }
}

void
_appeals_reception_window_load_reception (AppealsReceptionWindow *self)
{
  if (self->reception == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");
  _appeals_reception_window_begin_request (self);
  appeals_reception_service_get_reception_async (_appeals_reception_window_get_service (self), self->reception_id,
                                                 self->cancellable, on_reception_loaded,
                                                 _appeals_reception_window_call_new (self, NULL, NULL));
}

/* A change accepted by the server, made here or in another window: show
 * the reception as it now is, or load it when the answer was not it. */
static void
on_reception_changed (AppealsReceptionWindow *self,
                      gint64                  reception_id,
                      AppealsReception       *reception)
{
  if (reception_id != self->reception_id)
    return;
  if (reception != NULL)
    _appeals_reception_window_show_reception (self, reception);
  else
    _appeals_reception_window_load_reception (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _appeals_reception_window_load_reception (APPEALS_RECEPTION_WINDOW (widget));
}

/* GObject ------------------------------------------------------------------------ */

/* The addressee bodies and the working-day calendar come with the context. */
static void
appeals_reception_window_constructed (GObject *object)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (object);
  AppealsClassifier *bodies = NULL;
  g_autoptr(GtkStringList) body_labels = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (appeals_reception_window_parent_class)->constructed (object);

  g_return_if_fail (APPEALS_IS_CONTEXT (self->context));

  bodies = appeals_reference_service_get_classifier (_appeals_reception_window_get_reference (self),
                                                     APPEALS_CLASSIFIER_ADDRESSEE_BODIES);
  for (guint i = 0; bodies != NULL && i < appeals_classifier_get_n_items (bodies); i++)
    {
      const AppealsClassifierItem *item = appeals_classifier_get_item (bodies, i);

      gtk_string_list_append (body_labels, appeals_classifier_item_get_label (item, appeals_ui_language ()));
      g_ptr_array_add (self->body_codes, g_strdup (item->code));
    }
  adw_combo_row_set_model (self->body_row, G_LIST_MODEL (body_labels));
  _appeals_reception_window_on_days_changed (self);

  g_signal_connect_object (_appeals_reception_window_get_service (self), "reception-changed",
                           G_CALLBACK (on_reception_changed), self, G_CONNECT_SWAPPED);
  _appeals_reception_window_load_reception (self);
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
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
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
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
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
  _appeals_reception_window_close_status_form (self);
  g_clear_object (&self->toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_RECEPTION_WINDOW);

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->order_rows, g_ptr_array_unref);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_reception_window_parent_class)->dispose (object);
}

static void
appeals_reception_window_finalize (GObject *object)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (object);

  g_clear_object (&self->reception);
  g_clear_pointer (&self->body_codes, g_ptr_array_unref);
  _appeals_reception_window_free_arrangements (self);
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

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, APPEALS_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RECEPTION_ID] =
    g_param_spec_int64 ("reception-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionWindow, view_stack);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_days_changed",
                                                G_CALLBACK (_appeals_reception_window_on_days_changed));

  gtk_widget_class_install_action (widget_class, "reception.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "reception.archive", NULL, _appeals_reception_window_archive_action);
  for (guint i = 0; i < APPEALS_RECEPTION_N_ACTIONS; i++)
    {
      g_autofree char *name = g_strconcat ("reception.", appeals_reception_action_to_string (i), NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, _appeals_reception_window_status_action);
    }
  gtk_widget_class_install_action (widget_class, "reception.attach", NULL, _appeals_reception_window_attach_action);
  _appeals_reception_window_class_init_arrangements (widget_class);
  gtk_widget_class_install_action (widget_class, "reception.add-order", NULL, _appeals_reception_window_add_order_action);
  gtk_widget_class_install_action (widget_class, "reception.print-invitation", "s",
                                   _appeals_reception_window_print_invitation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "reception.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "reception.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
appeals_reception_window_init (AppealsReceptionWindow *self)
{
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) _appeals_reception_window_step_row_free);
  self->order_rows = g_ptr_array_new ();
  self->file_rows = g_ptr_array_new ();
  self->body_codes = g_ptr_array_new_with_free_func (g_free);
  self->sending_orders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint k = 0; k < N_KINDS; k++)
    {
      gtk_string_list_append (kind_labels, appeals_material_kind_label (kinds[k].code));
      self->kind_groups[k] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->kind_groups[k], appeals_material_kind_label (kinds[k].code));
      gtk_widget_set_visible (GTK_WIDGET (self->kind_groups[k]), FALSE);
      adw_preferences_page_add (self->materials_page, self->kind_groups[k]);
    }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));
  _appeals_reception_window_build_arrangements (self, self->view_stack);

  _appeals_reception_window_update_actions (self);
}

/* Public ------------------------------------------------------------------------- */

/**
 * appeals_reception_window_new:
 * @context: the services it works with
 * @parent: (nullable): the window that opened it
 *
 * A window over reception @reception_id; it starts loading at once.
 */
AppealsReceptionWindow *
appeals_reception_window_new (AppealsContext *context,
                              GtkWindow      *parent,
                              gint64          reception_id)
{
  g_return_val_if_fail (APPEALS_IS_CONTEXT (context), NULL);

  return g_object_new (APPEALS_TYPE_RECEPTION_WINDOW,
                       "context", context,
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
AppealsReception *
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
  g_return_val_if_fail (APPEALS_IS_RECEPTION_WINDOW (self), 0);

  return self->reception != NULL ? appeals_reception_count_overdue_steps (self->reception) : 0;
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
  g_file_load_contents_async (file, self->cancellable, _appeals_reception_window_on_file_read,
                              _appeals_reception_window_call_new (self, kind, file));
}

static void
on_attachment_removed (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  AppealsReceptionWindow *self = call->self;
  g_autoptr(GError) error = NULL;

  appeals_reception_service_remove_attachment_finish (APPEALS_RECEPTION_SERVICE (source), result, &error);
  if (!_appeals_reception_window_request_ended (self, error))
    return;
  /* the service's "reception-changed" brings the materials up to date */
  _appeals_reception_window_show_toast (self, error != NULL ? error->message : _("The file is removed from the materials"));
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
  g_return_if_fail (APPEALS_IS_RECEPTION_WINDOW (self));

  _appeals_reception_window_begin_request (self);
  appeals_reception_service_remove_attachment_async (_appeals_reception_window_get_service (self), self->reception_id,
                                                     attachment_id, self->cancellable, on_attachment_removed,
                                                     _appeals_reception_window_call_new (self, NULL, NULL));
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
