/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-order-dialog.c: an order of the register. A new one takes its
 * source, text, the appeal it is given on (by its registration number,
 * looked up in the user's register), the executor body and the term in
 * working days (an order of a reception is given in the reception's
 * protocol); an existing one names its reception, shows its due date
 * and lateness, and takes its status, the on-site check, the conclusion
 * and interim reports. What the server refuses is shown beside the
 * fields, in the interface's words.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-classifier-drop-down.h"
#include "appeals-draft-binding.h"
#include "appeals-field-error-row.h"
#include "appeals-order-dialog.h"

static const AppealsOrderControl statuses[] = {
  APPEALS_ORDER_CONTROL_ON_CONTROL, APPEALS_ORDER_CONTROL_EXECUTED, APPEALS_ORDER_CONTROL_TAKEN_OFF,
};

struct _AppealsOrderDialog
{
  AdwWindow            parent_instance;

  AppealsContext      *context;
  AppealsOrder        *order;          /* NULL for a new one */
  AppealsOrder        *edited;         /* the form as read at Save, until it is sent */
  GCancellable        *cancellable;
  gboolean             busy;
  gboolean             reporting;       /* an interim report is being sent */

  GPtrArray           *source_codes;
  GPtrArray           *executor_codes;
  GtkDropDown         *source;
  AdwEntryRow         *text;
  AdwEntryRow         *appeal;          /* its registration number */
  gint64               appeal_id;       /* the appeal of that number, once known */
  char                *appeal_number;
  AdwActionRow        *reception;   /* an existing order's reception, if any */
  GtkDropDown         *executor;
  GtkSpinButton       *working_days;
  AdwEntryRow         *given_on;
  GtkDropDown         *status;
  AdwActionRow        *due;
  AdwEntryRow         *check_date;
  AdwEntryRow         *check_findings;
  AdwEntryRow         *conclusion;
  AdwPreferencesGroup *control_group;
  AdwPreferencesGroup *reports_group;
  GPtrArray           *report_rows;
  AdwEntryRow         *report_text;
  GtkLabel            *error_label;    /* what is not about one field */
  GHashTable          *error_rows;     /* field → AppealsFieldErrorRow below its row */
  GtkWidget           *save_button;
  AdwToastOverlay     *toast_overlay;
  AppealsDraftBinding *draft;           /* what is typed, until it is sent */
};

G_DEFINE_FINAL_TYPE (AppealsOrderDialog, appeals_order_dialog, ADW_TYPE_WINDOW)

AppealsOrder *
appeals_order_dialog_get_order (AppealsOrderDialog *self)
{
  return self->order;
}

gboolean
appeals_order_dialog_is_busy (AppealsOrderDialog *self)
{
  return self->busy;
}

/* Dates as people type them (appeals_date_parse_text()); none is none. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_date_clear (date, 1);
  return *trimmed == '\0' || appeals_date_parse_text (trimmed, date);
}

static void
set_date_text (AdwEntryRow *row,
               const GDate *date)
{
  char text[32] = "";

  if (g_date_valid (date))
    g_date_strftime (text, sizeof text, "%d.%m.%Y", date);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* A nonempty entry's text, or NULL. */
static char *
dup_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Errors ----------------------------------------------------------------- */

static const struct
{
  const char *field;
  const char *label;
} field_labels[] = {
  { "source", N_("Source") },
  { "text", N_("Text of the order") },
  { "appeal_id", N_("Appeal") },
  { "reception_id", N_("Reception") },
  { "executor_body", N_("Executor") },
  { "working_days", N_("Term, working days") },
  { "given_on", N_("Given on") },
  { "status", N_("Status") },
  { "check_date", N_("On-site check date") },
  { "check_findings", N_("Findings of the check") },
  { "conclusion", N_("Conclusion") },
  { "reported_on", N_("Reported on") },
};

static void
clear_errors (AppealsOrderDialog *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->error_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    appeals_field_error_row_set_message (row, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* @message below @field's row; in the line above the form, after the
 * field's name, when that row is hidden. */
static void
show_field_error (AppealsOrderDialog *self,
                  const char         *field,
                  const char         *message)
{
  AppealsFieldErrorRow *row = g_hash_table_lookup (self->error_rows, field);
  const char *shown = gtk_widget_get_visible (GTK_WIDGET (self->error_label))
                      ? gtk_label_get_text (self->error_label) : "";
  const char *label = field;
  g_autofree char *text = NULL;

  if (row != NULL && gtk_widget_get_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (row))))
    {
      appeals_field_error_row_set_message (row, message);
      return;
    }
  for (guint k = 0; k < G_N_ELEMENTS (field_labels); k++)
    if (g_str_equal (field_labels[k].field, field))
      label = _(field_labels[k].label);
  text = g_strdup_printf ("%s%s%s: %s", shown, *shown != '\0' ? "\n" : "", label, message);
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
show_error (AppealsOrderDialog *self,
            const GError       *error)
{
  GPtrArray *field_errors = appeals_service_error_get_field_errors (error);

  clear_errors (self);
  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      const AppealsFieldError *field_error = g_ptr_array_index (field_errors, i);
      g_autofree char *message = appeals_field_error_describe (field_error);
      g_autofree char *field = g_strconcat (self->reporting ? "report." : "", field_error->field, NULL);

      show_field_error (self, field, message);
    }
  if (field_errors == NULL || field_errors->len == 0)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

/* Showing the order -------------------------------------------------------- */

static guint
index_of (GPtrArray  *codes,
          const char *code)
{
  for (guint i = 0; code != NULL && i < codes->len; i++)
    if (g_str_equal (g_ptr_array_index (codes, i), code))
      return i;
  return 0;
}

static void
show_reports (AppealsOrderDialog *self)
{
  for (guint i = 0; i < self->report_rows->len; i++)
    adw_preferences_group_remove (self->reports_group, g_ptr_array_index (self->report_rows, i));
  g_ptr_array_set_size (self->report_rows, 0);

  for (guint i = 0; i < self->order->reports->len; i++)
    {
      AppealsOrderReport *report = g_ptr_array_index (self->order->reports, i);
      GtkWidget *row = adw_action_row_new ();
      char date[32] = "";
      const char *author;
      g_autofree char *subtitle = NULL;

      g_date_strftime (date, sizeof date, "%d.%m.%Y", &report->reported_on);
      author = appeals_user_name_or_login (report->created_by_name, report->created_by);
      subtitle = g_strdup_printf ("%s · %s", date, author != NULL ? author : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), report->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->reports_group, row);
      g_ptr_array_add (self->report_rows, row);
    }
}

/* The appeal an order was given on --------------------------------------- */

static void
set_appeal (AppealsOrderDialog *self,
            gint64              appeal_id,
            const char         *number)
{
  self->appeal_id = appeal_id;
  g_free (self->appeal_number);
  self->appeal_number = g_strdup (number);
  gtk_editable_set_text (GTK_EDITABLE (self->appeal), number != NULL ? number : "");
}

static void
on_appeal_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsOrderDialog) self = user_data;
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_service_get_appeal_finish (APPEALS_APPEAL_SERVICE (source),
                                                                               result, NULL, NULL);

  if (appeal != NULL)
    set_appeal (self, appeal->id, appeal->registration_number);
}

/* An existing order names its appeal by the number people know it by. */
static void
show_appeal (AppealsOrderDialog *self,
             gint64              appeal_id)
{
  set_appeal (self, appeal_id, NULL);
  if (appeal_id > 0)
    appeals_appeal_service_get_appeal_async (appeals_context_get_appeal_service (self->context), appeal_id,
                                             self->cancellable, on_appeal_loaded, g_object_ref (self));
}

static void
show_order (AppealsOrderDialog *self)
{
  AppealsOrder *order = self->order;
  char due[32] = "";
  g_autofree char *due_text = NULL;

  gtk_window_set_title (GTK_WINDOW (self), order != NULL ? _("Order") : _("New Order"));
  gtk_widget_set_visible (GTK_WIDGET (self->control_group), order != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reports_group), order != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->given_on), order == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source), order == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->appeal), order == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reception), order != NULL && order->reception_id > 0);
  if (order == NULL)
    return;

  gtk_drop_down_set_selected (self->source, index_of (self->source_codes, order->source));
  gtk_editable_set_text (GTK_EDITABLE (self->text), order->text != NULL ? order->text : "");
  if (order->appeal_id != self->appeal_id)
    show_appeal (self, order->appeal_id);
  if (order->reception_id > 0)
    {
      g_autofree char *number = g_strdup_printf ("№ %" G_GINT64_FORMAT, order->reception_id);

      adw_action_row_set_subtitle (self->reception, number);
    }
  gtk_drop_down_set_selected (self->executor, index_of (self->executor_codes, order->executor_body));
  if (order->working_days > 0)
    gtk_spin_button_set_value (self->working_days, order->working_days);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i] == order->status)
      gtk_drop_down_set_selected (self->status, i);
  set_date_text (self->check_date, &order->check_date);
  gtk_editable_set_text (GTK_EDITABLE (self->check_findings), order->check_findings != NULL ? order->check_findings : "");
  gtk_editable_set_text (GTK_EDITABLE (self->conclusion), order->conclusion != NULL ? order->conclusion : "");

  g_date_strftime (due, sizeof due, "%d.%m.%Y", &order->due_date);
  if (order->overdue)
    due_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %d working day overdue",
                                             "%s — %d working days overdue", order->days_overdue),
                                due, (int) order->days_overdue);
  else
    due_text = g_strdup (due);
  adw_action_row_set_subtitle (self->due, due_text);
  if (order->overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due), "overdue-row");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due), "overdue-row");
  show_reports (self);
}

/* Saving ------------------------------------------------------------------ */

/* Drafts ------------------------------------------------------------------ */

/* Nothing typed is lost to a crash, a lost connection or a closed dialog:
 * a new order's text, appeal and date are its draft until it is saved (one
 * per appeal it is given on, one for an order on nothing yet), an order's
 * interim report until it is added. The draft comes back when the same
 * dialog opens again. */
static void
keep_draft (AppealsOrderDialog *self)
{
  g_autofree char *form = NULL;

  if (self->order != NULL)
    form = g_strdup_printf ("order-%" G_GINT64_FORMAT, self->order->id);
  else if (self->appeal_id > 0)
    form = g_strdup_printf ("order-appeal-%" G_GINT64_FORMAT, self->appeal_id);
  else
    form = g_strdup ("order-new");

  g_clear_object (&self->draft);
  self->draft = appeals_draft_binding_new (self->context, form);
  if (self->order != NULL)
    appeals_draft_binding_add_editable (self->draft, "report", GTK_EDITABLE (self->report_text));
  else
    {
      appeals_draft_binding_add_editable (self->draft, "text", GTK_EDITABLE (self->text));
      if (self->appeal_id == 0)
        appeals_draft_binding_add_editable (self->draft, "appeal", GTK_EDITABLE (self->appeal));
      appeals_draft_binding_add_editable (self->draft, "given_on", GTK_EDITABLE (self->given_on));
    }
  if (appeals_draft_binding_restore (self->draft))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("What you typed last time is back")));
}

static void
set_busy (AppealsOrderDialog *self,
          gboolean            busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AppealsOrderDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsOrder) order = appeals_order_service_order_finish (APPEALS_ORDER_SERVICE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (order == NULL)
    {
      /* what was typed stays, the report's text too */
      show_error (self, error);
      self->reporting = FALSE;
      return;
    }
  if (self->reporting)
    gtk_editable_set_text (GTK_EDITABLE (self->report_text), "");
  self->reporting = FALSE;
  clear_errors (self);
  if (self->order == NULL)
    {
      /* the new order is sent: its draft goes, its reports get theirs */
      appeals_draft_binding_discard (self->draft);
      g_set_object (&self->order, order);
      show_order (self);
      keep_draft (self);
      return;
    }
  g_set_object (&self->order, order);
  show_order (self);
}

/* The form read into @order; FALSE (and the error shown) for a date that is not one. */
static gboolean
read_form (AppealsOrderDialog *self,
           AppealsOrder       *order)
{
  guint source = gtk_drop_down_get_selected (self->source);
  guint executor = gtk_drop_down_get_selected (self->executor);
  guint status = gtk_drop_down_get_selected (self->status);
  AdwEntryRow *date_rows[] = { self->given_on, self->check_date };
  const char *date_fields[] = { "given_on", "check_date" };
  GDate *dates[] = { &order->given_on, &order->check_date };
  gboolean valid = TRUE;

  clear_errors (self);
  for (guint i = 0; i < G_N_ELEMENTS (date_rows); i++)
    if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (date_rows[i])), dates[i]))
      {
        show_field_error (self, date_fields[i], _("Type dates as DD.MM.YYYY."));
        valid = FALSE;
      }
  if (!valid)
    return FALSE;

  g_free (order->source);
  order->source = source < self->source_codes->len ? g_strdup (g_ptr_array_index (self->source_codes, source)) : NULL;
  g_free (order->executor_body);
  order->executor_body = executor < self->executor_codes->len
                         ? g_strdup (g_ptr_array_index (self->executor_codes, executor)) : NULL;
  g_free (order->text);
  order->text = dup_text (self->text);
  order->reception_id = self->order != NULL ? self->order->reception_id : 0;
  order->working_days = gtk_spin_button_get_value_as_int (self->working_days);
  if (self->order != NULL && status < G_N_ELEMENTS (statuses))
    order->status = statuses[status];
  g_free (order->check_findings);
  order->check_findings = dup_text (self->check_findings);
  g_free (order->conclusion);
  order->conclusion = dup_text (self->conclusion);
  return TRUE;
}

static void
save (AppealsOrderDialog *self)
{
  AppealsOrderService *service = appeals_context_get_order_service (self->context);
  g_autoptr(AppealsOrder) edited = g_steal_pointer (&self->edited);

  /* the appeal of the number typed, once looked up */
  edited->appeal_id = self->appeal_id;
  if (self->order == NULL)
    appeals_order_service_create_async (service, edited, self->cancellable, on_saved, g_object_ref (self));
  else
    appeals_order_service_update_async (service, self->order, edited, self->cancellable, on_saved,
                                        g_object_ref (self));
}

static void
on_appeal_found (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsOrderDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_service_find_appeal_finish (APPEALS_APPEAL_SERVICE (source),
                                                                                result, &error);
  g_autofree char *number = dup_text (self->appeal);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (appeal == NULL)
    {
      set_busy (self, FALSE);
      if (error != NULL)
        show_error (self, error);
      else
        {
          /* TRANSLATORS: %s is the registration number the user typed, e.g. 2026-000123 */
          g_autofree char *message = g_strdup_printf (_("There is no appeal numbered “%s” in your journal. "
                                                        "Check the number, or leave the field empty for an order "
                                                        "on no appeal."),
                                                      number != NULL ? number : "");

          clear_errors (self);
          show_field_error (self, "appeal_id", message);
        }
      return;
    }
  set_appeal (self, appeal->id, appeal->registration_number);
  save (self);
}

/* A new order's appeal is looked up by the number typed, unless it is
 * the one already known. */
static void
on_save_clicked (AppealsOrderDialog *self)
{
  g_autofree char *number = dup_text (self->appeal);
  g_autoptr(AppealsOrder) edited = NULL;

  if (self->busy)
    return;
  /* read once: a date that is not one is said before the number is looked up */
  edited = self->order != NULL ? appeals_order_copy (self->order) : appeals_order_new ();
  if (!read_form (self, edited))
    return;
  g_set_object (&self->edited, edited);
  set_busy (self, TRUE);
  if (self->order != NULL || g_strcmp0 (number, self->appeal_number) == 0)
    save (self);
  else if (number == NULL)
    {
      set_appeal (self, 0, NULL);
      save (self);
    }
  else
    appeals_appeal_service_find_appeal_async (appeals_context_get_appeal_service (self->context), number,
                                              self->cancellable, on_appeal_found, g_object_ref (self));
}

static void
on_report_clicked (AppealsOrderDialog *self)
{
  g_autoptr(AppealsOrderReport) report = appeals_order_report_new ();

  if (self->busy || self->order == NULL)
    return;
  report->text = dup_text (self->report_text);
  appeals_date_get_today (&report->reported_on);
  if (report->text == NULL)
    return;
  set_busy (self, TRUE);
  self->reporting = TRUE;
  appeals_order_service_add_report_async (appeals_context_get_order_service (self->context), self->order->id,
                                          report, self->cancellable, on_saved, g_object_ref (self));
}

/* Building --------------------------------------------------------------- */

/* A drop-down of the classifier @name's items, a name 32 letters wide
 * at most in the row and whole in the list; @codes gets their codes. */
static GtkDropDown *
new_classifier_dropdown (AppealsOrderDialog *self,
                         const char         *name,
                         GPtrArray          *codes)
{
  AppealsClassifier *classifier = appeals_reference_service_get_classifier (
                                    appeals_context_get_reference_service (self->context), name);

  return appeals_classifier_drop_down_new (classifier, codes, 32);
}

/* A row titled @title with @widget at its end, named @name for tests. */
static GtkWidget *
new_suffix_row (const char *title,
                const char *subtitle,
                GtkWidget  *widget,
                const char *name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_set_name (widget, name);
  /* the row's title names the control for screen readers too */
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  return row;
}

/* @row in @group, and below it the row of what the server says of
 * @field ("order-error-appeal_id" for tests). */
static GtkWidget *
add_field_row (AppealsOrderDialog  *self,
               AdwPreferencesGroup *group,
               GtkWidget           *row,
               const char          *field)
{
  GtkWidget *error_row;
  g_autofree char *name = g_strconcat ("order-error-", field, NULL);

  adw_preferences_group_add (group, row);
  error_row = appeals_field_error_row_add (group, row);
  gtk_widget_set_name (error_row, name);
  g_hash_table_insert (self->error_rows, (gpointer) field, error_row);
  return row;
}

static AdwEntryRow *
new_entry_row (AppealsOrderDialog  *self,
               AdwPreferencesGroup *group,
               const char          *title,
               const char          *name,
               const char          *field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  return ADW_ENTRY_ROW (add_field_row (self, group, row, field));
}

static GtkSpinButton *
new_spin (double min,
          double max)
{
  return GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (min, max, 1));
}

static void
build_order_group (AppealsOrderDialog  *self,
                   AdwPreferencesGroup *group)
{
  self->source = new_classifier_dropdown (self, APPEALS_CLASSIFIER_ORDER_SOURCES, self->source_codes);
  add_field_row (self, group, new_suffix_row (_("Source"), NULL, GTK_WIDGET (self->source), "order-source"), "source");
  self->text = new_entry_row (self, group, _("Text of the order"), "order-text", "text");
  self->appeal = new_entry_row (self, group, _("Appeal's registration number (empty for none)"), "order-appeal",
                                "appeal_id");
  self->reception = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reception), _("Reception"));
  gtk_widget_set_name (GTK_WIDGET (self->reception), "order-reception");
  gtk_widget_set_visible (GTK_WIDGET (self->reception), FALSE);
  add_field_row (self, group, GTK_WIDGET (self->reception), "reception_id");
  self->executor = new_classifier_dropdown (self, APPEALS_CLASSIFIER_ADDRESSEE_BODIES, self->executor_codes);
  gtk_widget_set_size_request (GTK_WIDGET (self->executor), 280, -1);
  add_field_row (self, group, new_suffix_row (_("Executor"), NULL, GTK_WIDGET (self->executor),
                                              "order-executor"), "executor_body");
  self->working_days = new_spin (1, APPEALS_ORDER_MAX_WORKING_DAYS);
  gtk_spin_button_set_value (self->working_days, 10);
  add_field_row (self, group, new_suffix_row (_("Term, working days"), NULL, GTK_WIDGET (self->working_days),
                                              "order-days"), "working_days");
  self->given_on = new_entry_row (self, group, _("Given on (DD.MM.YYYY, today when empty)"), "order-given-on",
                                  "given_on");
}

static void
build_control_group (AppealsOrderDialog  *self,
                     AdwPreferencesGroup *group)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (labels, appeals_order_control_get_label (statuses[i]));
  self->status = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  add_field_row (self, group, new_suffix_row (_("Status"), NULL, GTK_WIDGET (self->status), "order-status"), "status");
  self->due = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due), _("Due date"));
  gtk_widget_set_name (GTK_WIDGET (self->due), "order-due");
  adw_preferences_group_add (group, GTK_WIDGET (self->due));
  self->check_date = new_entry_row (self, group, _("On-site check date (DD.MM.YYYY)"), "order-check-date",
                                    "check_date");
  self->check_findings = new_entry_row (self, group, _("Findings of the check"), "order-findings", "check_findings");
  self->conclusion = new_entry_row (self, group, _("Conclusion"), "order-conclusion", "conclusion");
}

static void
build_reports_group (AppealsOrderDialog  *self,
                     AdwPreferencesGroup *group)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Report"));

  gtk_widget_set_name (add, "order-report-add");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_report_clicked), self);
  /* a report's own fields: "report.text" */
  self->report_text = new_entry_row (self, group, _("New interim report of the executor"), "order-report-text",
                                     "report.text");
  adw_entry_row_add_suffix (self->report_text, add);
}

static void
appeals_order_dialog_dispose (GObject *object)
{
  AppealsOrderDialog *self = (AppealsOrderDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->draft);
  g_clear_object (&self->order);
  g_clear_object (&self->edited);
  g_clear_object (&self->context);
  g_clear_pointer (&self->source_codes, g_ptr_array_unref);
  g_clear_pointer (&self->executor_codes, g_ptr_array_unref);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);
  g_clear_pointer (&self->error_rows, g_hash_table_unref);
  g_clear_pointer (&self->appeal_number, g_free);

  G_OBJECT_CLASS (appeals_order_dialog_parent_class)->dispose (object);
}

static void
appeals_order_dialog_class_init (AppealsOrderDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = appeals_order_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
appeals_order_dialog_init (AppealsOrderDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->source_codes = g_ptr_array_new_with_free_func (g_free);
  self->executor_codes = g_ptr_array_new_with_free_func (g_free);
  self->report_rows = g_ptr_array_new ();
  self->error_rows = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 680, 760);
}

static AppealsOrderDialog *build (AppealsContext *context,
                                   AppealsOrder   *order);

/**
 * appeals_order_dialog_new_for_appeal:
 * @registration_number: the appeal's number, shown in the dialog
 *
 * A new order on an appeal, its number filled in.
 */
GtkWidget *
appeals_order_dialog_new_for_appeal (AppealsContext *context,
                                     gint64          appeal_id,
                                     const char     *registration_number)
{
  AppealsOrderDialog *self = build (context, NULL);

  set_appeal (self, appeal_id, registration_number);
  keep_draft (self);
  return GTK_WIDGET (self);
}

static AppealsOrderDialog *
build (AppealsContext *context,
       AppealsOrder   *order)
{
  AppealsOrderDialog *self = g_object_new (APPEALS_TYPE_ORDER_DIALOG, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *order_group = adw_preferences_group_new ();

  self->context = g_object_ref (context);
  self->order = order != NULL ? g_object_ref (order) : NULL;

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_name (self->save_button, "order-save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "order-error");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "field-error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  build_order_group (self, ADW_PREFERENCES_GROUP (order_group));
  self->control_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->control_group, _("Control"));
  build_control_group (self, self->control_group);
  self->reports_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->reports_group, _("Interim Reports"));
  build_reports_group (self, self->reports_group);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (order_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->control_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->reports_group);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), page);
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));

  show_order (self);
  return self;
}

/**
 * appeals_order_dialog_new:
 * @order: (nullable): the order as the server has it, or %NULL for a new one
 */
GtkWidget *
appeals_order_dialog_new (AppealsContext *context,
                          AppealsOrder   *order)
{
  AppealsOrderDialog *self = build (context, order);

  keep_draft (self);
  return GTK_WIDGET (self);
}
