/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-alerts-view.c: the growth alerts on the Analytics page.
 *
 * Signal "loaded": the alerts of the chosen periods are shown (or the
 * server refused them).
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "appeals-alert-note-dialog.h"
#include "appeals-analytics-view-common.h"
#include "appeals-alerts-view.h"
#include "appeals-line-chart.h"
#include "appeals-month-view.h"
#include "appeals-report-export.h"

/* how far back the alerts are looked for */
#define MONTHS_SHOWN 12
#define WEEKS_SHOWN  12

struct _AppealsAlertsView
{
  GtkBox            parent_instance;

  AppealsContext   *context;

  GtkDropDown      *kind_dropdown;
  GtkSpinner       *spinner;
  GtkLabel         *rule_label;
  GtkListBox       *list;
  GPtrArray        *rows;          /* GtkWidget, borrowed, by position */

  AppealsAlertList *alerts;
  GCancellable     *cancellable;
  GCancellable     *note_cancellable;  /* a reload does not cancel a note */
};

G_DEFINE_FINAL_TYPE (AppealsAlertsView, appeals_alerts_view, GTK_TYPE_BOX)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsAlertsView, appeals_alerts_view)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Rudny — Housing" */
static char *
alert_title (AppealsAlertsView  *self,
             AppealsGrowthAlert *alert)
{
  AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);

  return g_strdup_printf ("%s — %s",
                          appeals_report_row_label (reference, APPEALS_REPORT_DISTRICT, alert->series->district),
                          appeals_report_row_label (reference, APPEALS_REPORT_QUESTION_CHARACTER,
                                                    alert->series->question_character));
}

static char *
period_text (AppealsPeriodKind  kind,
             const GDate       *start)
{
  GDate end;

  appeals_period_end (kind, start, &end);
  return appeals_report_period_text (start, &end);
}

/* Opens the journal on the appeals of @position-th period of the alert
 * at @index. */
static void
open_period (AppealsAlertsView *self,
             GtkWidget         *widget,
             guint              index,
             guint              position)
{
  AppealsGrowthAlert *alert = g_ptr_array_index (self->alerts->alerts, index);
  const GDate *start = &g_array_index (alert->starts, GDate, position);
  g_autofree char *query = appeals_series_get_filter (alert->series, alert->kind, start);
  g_autofree char *title = alert_title (self, alert);
  g_autofree char *period = period_text (alert->kind, start);
  /* TRANSLATORS: the bar above the journal: "Growth alert: Rudny — Housing, 01.11.2026 – 30.11.2026" */
  g_autofree char *description = g_strdup_printf (_("Growth alert: %s, %s"), title, period);

  gtk_widget_activate_action (widget, "win.open-journal", "(ss)", query, description);
}

static void
on_count_clicked (GtkButton *button,
                  gpointer   user_data)
{
  AppealsAlertsView *self = APPEALS_ALERTS_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                          APPEALS_TYPE_ALERTS_VIEW));

  open_period (self, GTK_WIDGET (button), GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "alert")),
               GPOINTER_TO_UINT (user_data));
}

static void
on_row_activated (AppealsAlertsView *self,
                  GtkListBoxRow     *row)
{
  guint index = gtk_list_box_row_get_index (row);
  AppealsGrowthAlert *alert = g_ptr_array_index (self->alerts->alerts, index);

  open_period (self, GTK_WIDGET (row), index, alert->starts->len - 1);
}

/* The series' numbers beside its chart: the periods above, each count a
 * button that opens its appeals. */
static GtkWidget *
numbers_table (AppealsGrowthAlert *alert,
               guint               index)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_column_spacing (grid, 2);
  gtk_widget_set_valign (GTK_WIDGET (grid), GTK_ALIGN_CENTER);
  for (guint i = 0; i < alert->starts->len; i++)
    {
      const GDate *start = &g_array_index (alert->starts, GDate, i);
      g_autofree char *day = NULL;
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (alert->series->counts, gint64, i));
      g_autofree char *period = period_text (alert->kind, &g_array_index (alert->starts, GDate, i));
      /* TRANSLATORS: a count's accessible name: "Appeals: 6, 01.12.2026 – 31.12.2026" */
      g_autofree char *name = g_strdup_printf (_("Appeals: %s, %s"), count, period);
      GtkWidget *label, *button;

      /* a week by its first day, "30.11"; a month by its short name,
       * with the year below it where a year starts ("03.26" read as a
       * day of March) */
      if (alert->kind == APPEALS_PERIOD_WEEK)
        day = g_strdup_printf ("%02d.%02d", g_date_get_day (start), g_date_get_month (start));
      else if (i == 0 || g_date_get_month (start) == G_DATE_JANUARY)
        day = g_strdup_printf ("%s\n%d", appeals_month_view_month_abbreviation (g_date_get_month (start)),
                               g_date_get_year (start));
      else
        day = g_strdup (appeals_month_view_month_abbreviation (g_date_get_month (start)));
      label = gtk_label_new (day);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      button = gtk_button_new_with_label (count);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "numeric");
      if (i == alert->starts->len - 1)
        gtk_widget_add_css_class (button, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (button), "alert", GUINT_TO_POINTER (index));
      g_signal_connect (button, "clicked", G_CALLBACK (on_count_clicked), GUINT_TO_POINTER (i));
      gtk_grid_attach (grid, label, i, 0, 1, 1);
      gtk_grid_attach (grid, button, i, 1, 1, 1);
    }
  return GTK_WIDGET (grid);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void on_note_clicked (GtkButton *button, AppealsAlertsView *self);

/* Analysts, controllers and the head note causes (the server's rule too). */
static gboolean
may_note (AppealsAlertsView *self)
{
  AppealsUser *user = appeals_context_get_user (self->context);

  return user != NULL && (user->role == APPEALS_ROLE_ANALYST || user->role == APPEALS_ROLE_CONTROLLER ||
                          user->role == APPEALS_ROLE_HEAD);
}

static GtkWidget *
alert_row (AppealsAlertsView  *self,
           AppealsGrowthAlert *alert,
           guint               index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *chart = appeals_line_chart_new ();
  GtkWidget *note = gtk_button_new_with_label (alert->cause != NULL ? _("Edit the Note…")
                                                                    : _("Note Cause and Measures…"));
  g_autofree char *title = alert_title (self, alert);
  g_autofree char *period = period_text (alert->kind, &alert->start);
  g_autofree char *summary = NULL;

  /* TRANSLATORS: "01.11.2026 – 30.11.2026: 9 appeals against 5.0 on average; the threshold is 8.0" */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d appeal against %.1f on average; the threshold is %.1f",
                                          "%s: %d appeals against %.1f on average; the threshold is %.1f",
                                          alert->count),
                             period, (int) alert->count, alert->mean, alert->threshold);
  gtk_box_append (GTK_BOX (text), wrapped_label (title, "heading"));
  gtk_box_append (GTK_BOX (text), wrapped_label (summary, "dim-label"));
  if (alert->cause != NULL)
    {
      /* TRANSLATORS: the cause an analyst noted on an alert */
      g_autofree char *cause = g_strdup_printf (_("Cause: %s"), alert->cause);
      g_autofree char *measures = g_strdup_printf (_("Measures: %s"), alert->measures);

      gtk_box_append (GTK_BOX (text), wrapped_label (cause, NULL));
      gtk_box_append (GTK_BOX (text), wrapped_label (measures, NULL));
    }
  else
    gtk_box_append (GTK_BOX (text), wrapped_label (_("No cause noted yet."), "dim-label"));
  gtk_widget_set_halign (note, GTK_ALIGN_START);
  gtk_widget_set_visible (note, may_note (self));
  g_object_set_data (G_OBJECT (note), "alert", GUINT_TO_POINTER (index));
  g_signal_connect_object (note, "clicked", G_CALLBACK (on_note_clicked), self, 0);
  gtk_box_append (GTK_BOX (text), note);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_size_request (text, 320, -1);

  appeals_line_chart_set_series (APPEALS_LINE_CHART (chart), (gint64 *) alert->series->counts->data,
                                 alert->series->counts->len, alert->threshold, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_box_append (GTK_BOX (box), numbers_table (alert, index));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
remove_rows (AppealsAlertsView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_alerts (AppealsAlertsView *self)
{
  AppealsGrowthRule *rule = self->alerts->rule;
  g_autofree char *text = NULL;

  /* TRANSLATORS: the growth rule under the alerts' title */
  text = g_strdup_printf (_("An alert is raised when a question's appeals in a district exceed the average of the "
                            "%u earlier periods (not counting the last %u) by %.0f standard deviations, and "
                            "number at least %d."),
                          rule->baseline_periods, rule->gap_periods, rule->sd_multiplier, (int) rule->minimum_count);
  gtk_label_set_text (self->rule_label, text);

  remove_rows (self);
  for (guint i = 0; i < self->alerts->alerts->len; i++)
    {
      GtkWidget *row = alert_row (self, g_ptr_array_index (self->alerts->alerts, i), i);

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_alerts_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsAlertsView) self = user_data;
  g_autoptr(GError) error = NULL;
  AppealsAlertList *alerts;

  alerts = appeals_analytics_service_alerts_finish (APPEALS_ANALYTICS_SERVICE (source), result, &error);
  if (!appeals_analytics_view_finish_load (error, self->spinner))
    return;

  if (alerts == NULL)
    gtk_label_set_text (self->rule_label, error->message);
  else
    {
      g_clear_pointer (&self->alerts, appeals_alert_list_free);
      self->alerts = alerts;
      show_alerts (self);
    }
  g_signal_emit (self, signals[LOADED], 0);
}

void
appeals_alerts_view_reload (AppealsAlertsView *self)
{
  AppealsPeriodKind kind = gtk_drop_down_get_selected (self->kind_dropdown);
  GDate today, from;

  appeals_date_get_today (&today);
  from = today;
  appeals_period_shift (kind, &from, -(kind == APPEALS_PERIOD_MONTH ? MONTHS_SHOWN : WEEKS_SHOWN) + 1);
  appeals_analytics_service_alerts_async (appeals_context_get_analytics_service (self->context), kind, &from, &today,
                                          appeals_analytics_view_start_load (&self->cancellable, self->spinner),
                                          on_alerts_loaded, g_object_ref (self));
}

/* Notes ---------------------------------------------------------------------- */

/* Shows @alert (transfer full) in place of the one with its id, in the
 * same row position, so that the page keeps where it is scrolled. */
static void
replace_alert (AppealsAlertsView  *self,
               AppealsGrowthAlert *alert)
{
  for (guint i = 0; i < self->alerts->alerts->len; i++)
    {
      AppealsGrowthAlert *old = g_ptr_array_index (self->alerts->alerts, i);
      GtkWidget *row;

      if (!g_str_equal (old->id, alert->id))
        continue;
      g_ptr_array_index (self->alerts->alerts, i) = alert;
      appeals_growth_alert_free (old);
      row = alert_row (self, alert, i);
      gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
      gtk_list_box_insert (self->list, row, i);
      g_ptr_array_index (self->rows, i) = row;
      /* the focus was on the old row's button: it stays here, and so
       * does the page's scroll */
      gtk_widget_grab_focus (row);
      return;
    }
  appeals_growth_alert_free (alert);
}

static void
on_note_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AppealsAlertsView) self = user_data;
  g_autoptr(AppealsGrowthAlert) alert = NULL;
  g_autoptr(GError) error = NULL;

  alert = appeals_analytics_service_note_alert_finish (APPEALS_ANALYTICS_SERVICE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                              alert != NULL ? _("The note is saved.") : error->message);
  if (alert != NULL && self->alerts != NULL)
    replace_alert (self, g_steal_pointer (&alert));
}

static void
on_note_response (AppealsAlertNoteDialog *dialog,
                  const char             *response,
                  AppealsAlertsView      *self)
{
  const char *alert_id = g_object_get_data (G_OBJECT (dialog), "alert-id");
  g_autofree char *cause = NULL, *measures = NULL;

  if (!g_str_equal (response, "save"))
    return;
  cause = appeals_alert_note_dialog_get_cause (dialog);
  measures = appeals_alert_note_dialog_get_measures (dialog);
  appeals_analytics_service_note_alert_async (appeals_context_get_analytics_service (self->context), alert_id,
                                              cause, measures, self->note_cancellable, on_note_saved,
                                              g_object_ref (self));
}

/**
 * appeals_alerts_view_open_note:
 *
 * Returns: (transfer none): the dialog noting the cause and measures of
 *   the @position-th alert
 */
GtkWidget *
appeals_alerts_view_open_note (AppealsAlertsView *self,
                               guint              position)
{
  AppealsGrowthAlert *alert = g_ptr_array_index (self->alerts->alerts, position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *title = alert_title (self, alert);
  g_autofree char *period = period_text (alert->kind, &alert->start);
  g_autofree char *body = g_strdup_printf ("%s\n%s", title, period);
  AppealsAlertNoteDialog *dialog = appeals_alert_note_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                  alert, body);

  /* the list may reload while the dialog is open: it keeps the id */
  g_object_set_data_full (G_OBJECT (dialog), "alert-id", g_strdup (alert->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_note_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
on_note_clicked (GtkButton         *button,
                 AppealsAlertsView *self)
{
  if (self->alerts != NULL)
    appeals_alerts_view_open_note (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "alert")));
}

/* Life ----------------------------------------------------------------------- */

void
appeals_alerts_view_clear (AppealsAlertsView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->alerts, appeals_alert_list_free);
  remove_rows (self);
  gtk_label_set_text (self->rule_label, "");
  gtk_spinner_stop (self->spinner);
}

void
appeals_alerts_view_set_kind (AppealsAlertsView *self,
                              AppealsPeriodKind  kind)
{
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

AppealsAlertList *
appeals_alerts_view_get_alerts (AppealsAlertsView *self)
{
  return self->alerts;
}

/**
 * appeals_alerts_view_get_row:
 *
 * Returns: (transfer none) (nullable): the row of the @position-th alert
 */
GtkWidget *
appeals_alerts_view_get_row (AppealsAlertsView *self,
                             guint              position)
{
  return position < self->rows->len ? g_ptr_array_index (self->rows, position) : NULL;
}

static void
on_kind_changed (AppealsAlertsView *self)
{
  if (self->context != NULL && appeals_context_is_signed_in (self->context))
    appeals_alerts_view_reload (self);
}

static void
appeals_alerts_view_dispose (GObject *object)
{
  AppealsAlertsView *self = (AppealsAlertsView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->note_cancellable);
  g_clear_object (&self->note_cancellable);
  g_clear_pointer (&self->alerts, appeals_alert_list_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_alerts_view_parent_class)->dispose (object);
}

static void
appeals_alerts_view_class_init (AppealsAlertsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = appeals_alerts_view_dispose;

  appeals_alerts_view_install_context_property (G_OBJECT_CLASS (klass));

  /**
   * AppealsAlertsView::loaded:
   *
   * The alerts are shown, or the server refused them.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}

static void
appeals_alerts_view_init (AppealsAlertsView *self)
{
  const char *kinds[] = { _("By month"), _("By week"), NULL };
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (_("Growth Alerts"));
  GtkWidget *placeholder = gtk_label_new (_("No growth alerts in the last twelve periods."));

  self->rows = g_ptr_array_new ();
  self->note_cancellable = g_cancellable_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (self), title);

  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Periods"), -1);
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->kind_dropdown));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (self), bar);

  self->rule_label = GTK_LABEL (wrapped_label (NULL, "dim-label"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->rule_label));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Growth Alerts"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));
}
