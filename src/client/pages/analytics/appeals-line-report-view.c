/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-line-report-view.c: the line report on the Analytics page.
 *
 * Signal "loaded": the figures of the chosen period are shown (or the
 * server refused them).
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "appeals-analytics-view-common.h"
#include "appeals-bar.h"
#include "appeals-date-entry.h"
#include "appeals-line-report-view.h"
#include "appeals-map-view.h"
#include "appeals-report-export.h"
#include "appeals-report-print.h"
#include "appeals-print.h"

/* the presets' dropdown ends with a period of the user's own dates */
#define PRESET_CUSTOM (APPEALS_REPORT_PRESET_YEAR + 1)

struct _AppealsLineReportView
{
  GtkBox          parent_instance;

  AppealsContext *context;

  GtkDropDown    *preset_dropdown;
  GtkWidget      *custom_box;
  AppealsDateEntry *from_entry;
  AppealsDateEntry *to_entry;
  GtkLabel       *from_error;
  GtkLabel       *to_error;
  GtkLabel       *period_label;
  GtkWidget      *district_bar;
  GtkLabel       *district_label;
  AppealsMapView *map_view;
  char           *district;      /* the rankings of one district; NULL: all */
  GtkSpinner     *spinner;
  GtkWidget      *export_xlsx;
  GtkWidget      *export_csv;
  GtkWidget      *export_pdf;
  GtkBox         *tables_box;
  GHashTable     *rows;          /* "table/position" → GtkWidget, borrowed */

  AppealsReport  *report;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (AppealsLineReportView, appeals_line_report_view, GTK_TYPE_BOX)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsLineReportView, appeals_line_report_view)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AppealsReferenceService *
get_reference (AppealsLineReportView *self)
{
  return appeals_context_get_reference_service (self->context);
}

static void
open_figure (GtkWidget  *widget,
             const char *query,
             const char *table,
             const char *label)
{
  AppealsLineReportView *self = APPEALS_LINE_REPORT_VIEW (gtk_widget_get_ancestor (widget,
                                                                                  APPEALS_TYPE_LINE_REPORT_VIEW));
  g_autofree char *period = appeals_report_period_text (&self->report->from, &self->report->to);
  /* TRANSLATORS: the bar above the journal: "By outcome: Refused, 01.01.2026 – 30.11.2026" */
  g_autofree char *description = g_strdup_printf (_("%s: %s, %s"), appeals_report_table_title (table), label, period);

  gtk_widget_activate_action (widget, "win.open-journal", "(ss)", query, description);
}

static void
on_row_activated (AdwActionRow *row)
{
  open_figure (GTK_WIDGET (row), g_object_get_data (G_OBJECT (row), "figure"),
               g_object_get_data (G_OBJECT (row), "table"),
               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
on_figure_clicked (GtkButton *button)
{
  open_figure (GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "figure"), APPEALS_REPORT_TIMELINESS,
               g_object_get_data (G_OBJECT (button), "label"));
}

static void
remember_row (AppealsLineReportView *self,
              const char            *table,
              guint                  position,
              GtkWidget             *row)
{
  g_hash_table_insert (self->rows, g_strdup_printf ("%s/%u", table, position), row);
}

static AdwPreferencesGroup *
add_group (AppealsLineReportView *self,
           const char            *table,
           const char            *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, appeals_report_table_title (table));
  adw_preferences_group_set_description (group, description);
  gtk_box_append (self->tables_box, GTK_WIDGET (group));
  return group;
}

static void
add_ranking (AppealsLineReportView *self,
             AppealsRanking        *ranking)
{
  AdwPreferencesGroup *group;
  g_autofree char *description = NULL;
  gint64 largest = 1;

  for (guint i = 0; i < ranking->rows->len; i++)
    largest = MAX (largest, ((AppealsReportRow *) g_ptr_array_index (ranking->rows, i))->count);

  if (ranking->rows->len == 0)
    description = g_strdup (_("No appeals in this period."));
  group = add_group (self, ranking->dimension, description);

  for (guint i = 0; i < ranking->rows->len; i++)
    {
      AppealsReportRow *ranked = g_ptr_array_index (ranking->rows, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *numbers = gtk_label_new (NULL);
      g_autofree char *change = appeals_analytics_view_format_change (ranked->change);
      /* TRANSLATORS: beside a bar: appeals, their share, the comparison period's count and the change */
      g_autofree char *text = g_strdup_printf (_("%d · %.1f%% · was %d · %s"), (int) ranked->count,
                                               100 * ranked->share, (int) ranked->compare_count, change);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     appeals_report_row_label (get_reference (self), ranking->dimension, ranked->key));
      gtk_label_set_text (GTK_LABEL (numbers), text);
      gtk_label_set_width_chars (GTK_LABEL (numbers), 24);
      gtk_label_set_xalign (GTK_LABEL (numbers), 1);
      gtk_widget_add_css_class (numbers, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), appeals_bar_new ((double) ranked->count / largest));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), numbers);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "figure", g_strdup (ranked->filter), g_free);
      g_object_set_data (G_OBJECT (row), "table", ranking->dimension);
      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), NULL);
      adw_preferences_group_add (group, row);
      remember_row (self, ranking->dimension, i, row);
    }
}

static GtkWidget *
figure_button (const char *text,
               gint64      count,
               const char *figure,
               const char *label)
{
  g_autofree char *title = g_strdup_printf ("%s %" G_GINT64_FORMAT, text, count);
  GtkWidget *button = gtk_button_new_with_label (title);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "figure", g_strdup (figure), g_free);
  g_object_set_data_full (G_OBJECT (button), "label", g_strdup_printf ("%s — %s", label, text), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_figure_clicked), NULL);
  return button;
}

static void
add_timeliness (AppealsLineReportView *self)
{
  AdwPreferencesGroup *group;

  group = add_group (self, APPEALS_REPORT_TIMELINESS,
                     self->report->timeliness->len == 0 ? _("No appeals in this period.")
                     : _("The bar is the share of answers given in term."));
  for (guint i = 0; i < self->report->timeliness->len; i++)
    {
      AppealsTimelinessRow *body = g_ptr_array_index (self->report->timeliness, i);
      const char *label = appeals_report_row_label (get_reference (self), APPEALS_REPORT_TIMELINESS, body->body);
      gint64 answered = body->figures[APPEALS_TIMELINESS_IN_TERM] + body->figures[APPEALS_TIMELINESS_LATE];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      int registered = body->figures[APPEALS_TIMELINESS_REGISTERED];

      if (isnan (body->average_working_days))
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d registered, none answered yet",
                                                 "%d registered, none answered yet", registered), registered);
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%d registered, answered in %.1f working days on average",
                                                 "%d registered, answered in %.1f working days on average",
                                                 registered), registered, body->average_working_days);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 appeals_bar_new (answered > 0 ? (double) body->figures[APPEALS_TIMELINESS_IN_TERM]
                                                                 / answered : 0.0));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 figure_button (_("In term"), body->figures[APPEALS_TIMELINESS_IN_TERM],
                                                body->filters[APPEALS_TIMELINESS_IN_TERM], label));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 figure_button (_("Late"), body->figures[APPEALS_TIMELINESS_LATE],
                                                body->filters[APPEALS_TIMELINESS_LATE], label));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 figure_button (_("Overdue now"), body->figures[APPEALS_TIMELINESS_OVERDUE],
                                                body->filters[APPEALS_TIMELINESS_OVERDUE], label));
      adw_preferences_group_add (group, row);
      remember_row (self, APPEALS_REPORT_TIMELINESS, i, row);
    }
}

static void
remove_tables (AppealsLineReportView *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables_box))) != NULL)
    gtk_box_remove (self->tables_box, child);
}

static void
show_report (AppealsLineReportView *self)
{
  g_autofree char *totals = appeals_report_totals_text (self->report);
  g_autofree char *text = NULL;

  /* the "—" of every change below, said once */
  if (self->report->compare_total == 0 && self->report->total > 0)
    text = g_strdup_printf ("%s. %s", totals,
                            _("The comparison period has no appeals, so no change is shown (—)."));
  else
    text = g_steal_pointer (&totals);
  gtk_label_set_text (self->period_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tables_box), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->map_view), TRUE);

  remove_tables (self);
  for (guint i = 0; i < self->report->rankings->len; i++)
    add_ranking (self, g_ptr_array_index (self->report->rankings, i));
  add_timeliness (self);
}

static void
on_report_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsLineReportView) self = user_data;
  g_autoptr(GError) error = NULL;
  AppealsReport *report;

  report = appeals_analytics_service_line_report_finish (APPEALS_ANALYTICS_SERVICE (source), result, &error);
  if (!appeals_analytics_view_finish_load (error, self->spinner))
    return;

  if (report == NULL)
    {
      gtk_label_set_text (self->period_label, error->message);
    }
  else
    {
      g_clear_pointer (&self->report, appeals_report_free);
      self->report = report;
      show_report (self);
    }
  gtk_widget_set_sensitive (self->export_xlsx, self->report != NULL);
  gtk_widget_set_sensitive (self->export_csv, self->report != NULL);
  gtk_widget_set_sensitive (self->export_pdf, self->report != NULL);
  g_signal_emit (self, signals[LOADED], 0);
}

/* The custom period's dates, each error shown beside its field; whether
 * both are good. */
static gboolean
read_custom_period (AppealsLineReportView *self,
                    GDate                 *from,
                    GDate                 *to)
{
  gboolean has_from = appeals_date_entry_get_date (self->from_entry, from);
  gboolean has_to = appeals_date_entry_get_date (self->to_entry, to);
  const char *from_error = NULL, *to_error = NULL;

  if (!has_from)
    from_error = _("Enter the first day, e.g. 01.01.2026");
  if (!has_to)
    to_error = _("Enter the last day, e.g. 31.12.2026");
  else if (has_from && g_date_compare (from, to) > 0)
    to_error = _("The last day is before the first: pick a later one");
  gtk_label_set_text (self->from_error, from_error != NULL ? from_error : "");
  gtk_label_set_text (self->to_error, to_error != NULL ? to_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->from_error), from_error != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->to_error), to_error != NULL);
  return from_error == NULL && to_error == NULL;
}

/* While the period typed is no period, the figures below are of the
 * last good one: they are greyed out, the summary says why, and they
 * cannot be exported as if they were of the period typed. */
static void
show_period_invalid (AppealsLineReportView *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_spinner_stop (self->spinner);
  gtk_label_set_text (self->period_label, _("Correct the period above to see its figures."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->tables_box), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->map_view), FALSE);
  gtk_widget_set_sensitive (self->export_xlsx, FALSE);
  gtk_widget_set_sensitive (self->export_csv, FALSE);
  gtk_widget_set_sensitive (self->export_pdf, FALSE);
}

void
appeals_line_report_view_reload (AppealsLineReportView *self)
{
  guint preset = gtk_drop_down_get_selected (self->preset_dropdown);
  AppealsReportPeriods periods;
  GDate today, from, to;

  gtk_widget_set_visible (self->custom_box, preset == PRESET_CUSTOM);
  if (preset == PRESET_CUSTOM)
    {
      if (!read_custom_period (self, &from, &to))
        {
          show_period_invalid (self);
          return;
        }
    }
  else
    {
      appeals_date_get_today (&today);
      appeals_report_preset_range (preset, &today, &from, &to);
    }

  appeals_report_periods_init (&periods, &from, &to);
  periods.district = self->district;
  appeals_analytics_service_line_report_async (appeals_context_get_analytics_service (self->context), &periods,
                                               appeals_analytics_view_start_load (&self->cancellable, self->spinner),
                                               on_report_loaded, g_object_ref (self));
  appeals_map_view_load (self->map_view, &from, &to);
}

/**
 * appeals_line_report_view_set_custom_period:
 *
 * Chooses a period of the user's own: the dates as typed (they may be
 * wrong, and are then shown so beside their fields).
 */
void
appeals_line_report_view_set_custom_period (AppealsLineReportView *self,
                                            const char            *from,
                                            const char            *to)
{
  gtk_editable_set_text (appeals_date_entry_get_editable (self->from_entry), from);
  gtk_editable_set_text (appeals_date_entry_get_editable (self->to_entry), to);
  if (gtk_drop_down_get_selected (self->preset_dropdown) != PRESET_CUSTOM)
    gtk_drop_down_set_selected (self->preset_dropdown, PRESET_CUSTOM);
  else
    appeals_line_report_view_reload (self);
}

/**
 * appeals_line_report_view_set_district:
 * @district: (nullable): rank one district's appeals only; %NULL: all
 */
void
appeals_line_report_view_set_district (AppealsLineReportView *self,
                                       const char            *district)
{
  AppealsClassifier *districts = appeals_reference_service_get_classifier (get_reference (self),
                                                                           APPEALS_CLASSIFIER_DISTRICTS);
  g_autofree char *text = NULL;

  g_free (self->district);
  self->district = g_strdup (district);
  gtk_widget_set_visible (self->district_bar, district != NULL);
  if (district != NULL)
    {
      /* TRANSLATORS: above the rankings when a unit of the map was chosen */
      text = g_strdup_printf (_("The rankings of %s"), appeals_classifier_get_label (districts, district, NULL));
      gtk_label_set_text (self->district_label, text);
    }
  if (self->context != NULL && appeals_context_is_signed_in (self->context))
    appeals_line_report_view_reload (self);
}

const char *
appeals_line_report_view_get_district (AppealsLineReportView *self)
{
  return self->district;
}

AppealsMapView *
appeals_line_report_view_get_map_view (AppealsLineReportView *self)
{
  return self->map_view;
}

gboolean
appeals_line_report_view_get_period_errors (AppealsLineReportView  *self,
                                            const char            **from_error,
                                            const char            **to_error)
{
  *from_error = gtk_widget_get_visible (GTK_WIDGET (self->from_error)) ? gtk_label_get_text (self->from_error) : NULL;
  *to_error = gtk_widget_get_visible (GTK_WIDGET (self->to_error)) ? gtk_label_get_text (self->to_error) : NULL;
  return *from_error != NULL || *to_error != NULL;
}

static void
on_district_chosen (AppealsLineReportView *self,
                    const char            *district)
{
  appeals_line_report_view_set_district (self, district);
}

static void
on_all_districts_clicked (AppealsLineReportView *self)
{
  appeals_line_report_view_set_district (self, NULL);
}

void
appeals_line_report_view_clear (AppealsLineReportView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->report, appeals_report_free);
  remove_tables (self);
  gtk_label_set_text (self->period_label, "");
  gtk_spinner_stop (self->spinner);
  appeals_map_view_clear (self->map_view);
}

void
appeals_line_report_view_set_preset (AppealsLineReportView *self,
                                     AppealsReportPreset    preset)
{
  gtk_drop_down_set_selected (self->preset_dropdown, preset);
}

AppealsReport *
appeals_line_report_view_get_report (AppealsLineReportView *self)
{
  return self->report;
}

/**
 * appeals_line_report_view_get_row:
 *
 * Returns: (transfer none) (nullable): the row shown for a table's
 *   @position-th figure
 */
GtkWidget *
appeals_line_report_view_get_row (AppealsLineReportView *self,
                                  const char            *table,
                                  guint                  position)
{
  g_autofree char *key = g_strdup_printf ("%s/%u", table, position);

  return g_hash_table_lookup (self->rows, key);
}

static void
on_preset_changed (AppealsLineReportView *self)
{
  if (self->context != NULL && appeals_context_is_signed_in (self->context))
    appeals_line_report_view_reload (self);
}

/* Export --------------------------------------------------------------------- */

/**
 * appeals_line_report_view_write_pdf:
 *
 * Prints the report shown to a PDF file, A4 landscape.
 */
gboolean
appeals_line_report_view_write_pdf (AppealsLineReportView  *self,
                                    const char             *path,
                                    GError                **error)
{
  g_autoptr(AppealsReportPrint) print = appeals_report_print_new (self->report, get_reference (self));

  return appeals_print_export_pdf (GTK_PRINT_OPERATION (print), path, NULL, error);
}

typedef enum
{
  EXPORT_CSV_FOLDER,
  EXPORT_XLSX,
  EXPORT_PDF,
} ExportFormat;

static gboolean
write_export (GtkWidget   *view,
              guint        format,
              const char  *path,
              GError     **error)
{
  AppealsLineReportView *self = APPEALS_LINE_REPORT_VIEW (view);

  if (self->report == NULL)
    return FALSE;
  switch ((ExportFormat) format)
    {
    case EXPORT_PDF:
      return appeals_line_report_view_write_pdf (self, path, error);
    case EXPORT_XLSX:
      return appeals_report_write_xlsx (self->report, get_reference (self), path, error);
    case EXPORT_CSV_FOLDER:
    default:
      return appeals_report_write_csv_all (self->report, get_reference (self), path, "report", error);
    }
}

/* A file named after the period, or a folder for the CSV files */
static void
export_report (AppealsLineReportView *self,
               ExportFormat           format)
{
  g_autofree char *name = NULL;

  if (format != EXPORT_CSV_FOLDER)
    name = appeals_analytics_view_file_name ("report", &self->report->from, &self->report->to,
                                             format == EXPORT_PDF ? "pdf" : "xlsx");
  appeals_analytics_view_export (GTK_WIDGET (self),
                                 name != NULL ? _("Save the Report") : _("Choose a Folder for the CSV Files"), name,
                                 format, write_export, _("The report is saved."));
}

static void
on_export_xlsx_clicked (AppealsLineReportView *self)
{
  if (self->report != NULL)
    export_report (self, EXPORT_XLSX);
}

static void
on_export_pdf_clicked (AppealsLineReportView *self)
{
  if (self->report != NULL)
    export_report (self, EXPORT_PDF);
}

static void
on_export_csv_clicked (AppealsLineReportView *self)
{
  if (self->report != NULL)
    export_report (self, EXPORT_CSV_FOLDER);
}

/* Life ----------------------------------------------------------------------- */

static void
appeals_line_report_view_dispose (GObject *object)
{
  AppealsLineReportView *self = (AppealsLineReportView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, appeals_report_free);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->district, g_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_line_report_view_parent_class)->dispose (object);
}

/* The map needs the context to load its figures: it comes with the
 * properties, after init. It goes between the period and the rankings. */
static void
appeals_line_report_view_constructed (GObject *object)
{
  AppealsLineReportView *self = (AppealsLineReportView *)object;

  G_OBJECT_CLASS (appeals_line_report_view_parent_class)->constructed (object);

  self->map_view = g_object_new (APPEALS_TYPE_MAP_VIEW, "context", self->context, NULL);
  g_signal_connect_object (self->map_view, "district-chosen", G_CALLBACK (on_district_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_box_insert_child_after (GTK_BOX (self), GTK_WIDGET (self->map_view), GTK_WIDGET (self->period_label));
}

static void
appeals_line_report_view_class_init (AppealsLineReportViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = appeals_line_report_view_dispose;
  G_OBJECT_CLASS (klass)->constructed = appeals_line_report_view_constructed;

  appeals_line_report_view_install_context_property (G_OBJECT_CLASS (klass));

  /**
   * AppealsLineReportView::loaded:
   *
   * The figures of the chosen period are shown, or the server refused them.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}

/* A date field with its label above and its error below. */
static AppealsDateEntry *
add_date_field (GtkWidget   *box,
                const char  *label,
                GtkLabel   **error)
{
  GtkWidget *field = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *entry = appeals_date_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  *error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (*error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (*error), "error");
  gtk_widget_set_visible (GTK_WIDGET (*error), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (appeals_date_entry_get_editable (APPEALS_DATE_ENTRY (entry))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (appeals_date_entry_get_editable (APPEALS_DATE_ENTRY (entry))),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, *error, NULL, -1);
  gtk_box_append (GTK_BOX (field), title);
  gtk_box_append (GTK_BOX (field), entry);
  gtk_box_append (GTK_BOX (field), GTK_WIDGET (*error));
  gtk_box_append (GTK_BOX (box), field);
  return APPEALS_DATE_ENTRY (entry);
}

static void
add_custom_period (AppealsLineReportView *self)
{
  GtkWidget *apply = gtk_button_new_with_label (_("Show"));

  self->custom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->from_entry = add_date_field (self->custom_box, _("From"), &self->from_error);
  self->to_entry = add_date_field (self->custom_box, _("To"), &self->to_error);
  gtk_widget_set_valign (apply, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect_object (apply, "clicked", G_CALLBACK (appeals_line_report_view_reload), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->custom_box), apply);
  gtk_widget_set_visible (self->custom_box, FALSE);
  gtk_box_append (GTK_BOX (self), self->custom_box);
}

static void
add_district_bar (AppealsLineReportView *self)
{
  GtkWidget *all = gtk_button_new_with_label (_("All districts"));

  self->district_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->district_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->district_label), "heading");
  g_signal_connect_object (all, "clicked", G_CALLBACK (on_all_districts_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->district_bar), GTK_WIDGET (self->district_label));
  gtk_box_append (GTK_BOX (self->district_bar), all);
  gtk_widget_set_visible (self->district_bar, FALSE);
  gtk_box_append (GTK_BOX (self), self->district_bar);
}

static void
appeals_line_report_view_init (AppealsLineReportView *self)
{
  const char *presets[] = { _("This month"), _("This quarter"), _("This half-year"), _("This year"),
                            _("Custom period"), NULL };
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (_("Line Report"));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 18);

  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (self), title);

  self->preset_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (presets));
  gtk_drop_down_set_selected (self->preset_dropdown, APPEALS_REPORT_PRESET_YEAR);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preset_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Period"), -1);
  g_signal_connect_object (self->preset_dropdown, "notify::selected", G_CALLBACK (on_preset_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->preset_dropdown));

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->spinner), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->spinner), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->spinner));

  self->export_pdf = gtk_button_new_with_label (_("Export PDF…"));
  gtk_widget_set_sensitive (self->export_pdf, FALSE);
  g_signal_connect_object (self->export_pdf, "clicked", G_CALLBACK (on_export_pdf_clicked), self, G_CONNECT_SWAPPED);
  self->export_xlsx = gtk_button_new_with_label (_("Export XLSX…"));
  gtk_widget_set_name (self->export_xlsx, "line-report-export-xlsx");
  self->export_csv = gtk_button_new_with_label (_("Export CSV…"));
  gtk_widget_set_sensitive (self->export_xlsx, FALSE);
  gtk_widget_set_sensitive (self->export_csv, FALSE);
  g_signal_connect_object (self->export_xlsx, "clicked", G_CALLBACK (on_export_xlsx_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->export_csv, "clicked", G_CALLBACK (on_export_csv_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), self->export_xlsx);
  gtk_box_append (GTK_BOX (bar), self->export_csv);
  gtk_box_append (GTK_BOX (bar), self->export_pdf);
  for (GtkWidget *child = gtk_widget_get_first_child (bar); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self), bar);
  add_custom_period (self);

  self->period_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->period_label, TRUE);
  gtk_label_set_xalign (self->period_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->period_label), "dim-label");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->period_label));

  add_district_bar (self);
  self->tables_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_name (GTK_WIDGET (self->tables_box), "line-report-tables");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->tables_box));
}
