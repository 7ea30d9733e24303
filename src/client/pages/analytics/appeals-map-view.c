/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-map-view.c: the map of problem issues. Its figures are the
 * district ranking of the line report for the period, of one question
 * character or all (the server counts); each unit is joined to its
 * district by OpenStreetMap relation (the districts classifier). The
 * table beside the map lists the same figures for keyboards, screen
 * readers and people who check numbers. Coloured by growth alerts, a
 * unit's figure is the number of the months of the period in which its
 * appeals (of the question chosen, or of any) rose above the rule's
 * threshold, as the alerts view lists them.
 *
 * Signals: "loaded" (the figures are shown, or refused), "district-chosen"
 * (a district's code: its unit or its row was activated).
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "appeals-analytics-view-common.h"
#include "appeals-map-print.h"
#include "appeals-map-view.h"
#include "appeals-report-export.h"
#include "appeals-report-print.h"
#include "appeals-print.h"

struct _AppealsMapView
{
  GtkBox          parent_instance;

  AppealsContext *context;

  GtkDropDown    *scale_dropdown;
  GtkDropDown    *question_dropdown;
  GPtrArray      *question_codes;   /* char *, NULL first: all questions */
  GtkSpinner     *spinner;
  GtkWidget      *export_png;
  GtkWidget      *export_pdf;
  AppealsMap     *map;
  GtkListBox     *table;
  GtkLabel       *status;

  AppealsReport  *report;
  AppealsAlertList *alerts;         /* loaded when the map is coloured by them */
  GDate           from, to;
  GCancellable   *cancellable;
  GCancellable   *alerts_cancellable;
};

typedef enum
{
  COLOUR_BY_COUNT,
  COLOUR_BY_CHANGE,
  COLOUR_BY_ALERTS,
} ColourBy;

G_DEFINE_FINAL_TYPE (AppealsMapView, appeals_map_view, GTK_TYPE_BOX)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsMapView, appeals_map_view)

enum {
  LOADED,
  DISTRICT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AppealsClassifier *
get_classifier (AppealsMapView *self,
                const char     *name)
{
  return appeals_reference_service_get_classifier (appeals_context_get_reference_service (self->context), name);
}

static const char *
chosen_question (AppealsMapView *self)
{
  guint selected = gtk_drop_down_get_selected (self->question_dropdown);

  return selected < self->question_codes->len ? g_ptr_array_index (self->question_codes, selected) : NULL;
}

static ColourBy
colour_by (AppealsMapView *self)
{
  return (ColourBy) gtk_drop_down_get_selected (self->scale_dropdown);
}

/* alerts are counted, as appeals are: white to dark red */
static AppealsMapScale
chosen_scale (AppealsMapView *self)
{
  return colour_by (self) == COLOUR_BY_CHANGE ? APPEALS_MAP_SCALE_CHANGE : APPEALS_MAP_SCALE_COUNT;
}

/* the alerts of @district in the period, of the question chosen or of any */
static guint
count_alerts (AppealsMapView *self,
              const char     *district)
{
  const char *question = chosen_question (self);
  guint n = 0;

  for (guint i = 0; self->alerts != NULL && i < self->alerts->alerts->len; i++)
    {
      AppealsGrowthAlert *alert = g_ptr_array_index (self->alerts->alerts, i);

      n += g_strcmp0 (alert->series->district, district) == 0 &&
           (question == NULL || g_strcmp0 (alert->series->question_character, question) == 0);
    }
  return n;
}

/**
 * appeals_map_view_district_of:
 *
 * Returns: (nullable): the code of the district drawn as @osm_relation
 */
const char *
appeals_map_view_district_of (AppealsMapView *self,
                              gint64          osm_relation)
{
  AppealsClassifier *districts = get_classifier (self, APPEALS_CLASSIFIER_DISTRICTS);

  for (guint i = 0; districts != NULL && i < appeals_classifier_get_n_items (districts); i++)
    {
      const AppealsClassifierItem *item = appeals_classifier_get_item (districts, i);

      if (item->osm_relation == osm_relation)
        return item->code;
    }
  return NULL;
}

static void
fill_questions (AppealsMapView *self)
{
  AppealsClassifier *questions = get_classifier (self, APPEALS_CLASSIFIER_QUESTION_CHARACTERS);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (questions == NULL || self->question_codes->len > 1)
    return;
  g_ptr_array_set_size (self->question_codes, 0);
  g_ptr_array_add (self->question_codes, NULL);
  gtk_string_list_append (labels, _("All questions"));
  for (guint i = 0; i < appeals_classifier_get_n_items (questions); i++)
    {
      const AppealsClassifierItem *item = appeals_classifier_get_item (questions, i);

      g_ptr_array_add (self->question_codes, g_strdup (item->code));
      gtk_string_list_append (labels, appeals_classifier_item_get_label (item, NULL));
    }
  gtk_drop_down_set_model (self->question_dropdown, G_LIST_MODEL (labels));
}

static void
on_row_activated (AppealsMapView *self,
                  GtkListBoxRow  *row)
{
  g_signal_emit (self, signals[DISTRICT_CHOSEN], 0, g_object_get_data (G_OBJECT (row), "district"));
}

static void
on_unit_activated (AppealsMapView *self,
                   gint64          osm_relation)
{
  const char *district = appeals_map_view_district_of (self, osm_relation);

  if (district != NULL)
    g_signal_emit (self, signals[DISTRICT_CHOSEN], 0, district);
}

static void
add_table_row (AppealsMapView             *self,
               const AppealsClassifierItem *district,
               const char                  *figures)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *numbers = gtk_label_new (figures);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), appeals_classifier_item_get_label (district, NULL));
  gtk_widget_add_css_class (numbers, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), numbers);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "district", g_strdup (district->code), g_free);
  gtk_list_box_append (self->table, row);
}

/* Colours the units and lists them, busiest first as the ranking is. */
static void
show_figures (AppealsMapView *self)
{
  AppealsClassifier *districts = get_classifier (self, APPEALS_CLASSIFIER_DISTRICTS);
  AppealsRanking *ranking = appeals_report_get_ranking (self->report, APPEALS_REPORT_DISTRICT);
  AppealsMapScale scale = chosen_scale (self);
  ColourBy by = colour_by (self);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GtkWidget *child;

  appeals_map_clear_values (self->map);
  appeals_map_set_scale (self->map, scale, by == COLOUR_BY_ALERTS ? _("Growth alerts in the period")
                                           : by == COLOUR_BY_COUNT ? _("Appeals in the period")
                                           : _("Change against the comparison period"));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_list_box_remove (self->table, child);

  /* ranked districts first, then those without appeals in either period */
  for (guint i = 0; ranking != NULL && i < ranking->rows->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (ranking->rows, i));
  for (guint i = 0; districts != NULL && i < appeals_classifier_get_n_items (districts); i++)
    {
      const AppealsClassifierItem *item = appeals_classifier_get_item (districts, i);
      gboolean ranked = FALSE;

      for (guint r = 0; ranking != NULL && r < ranking->rows->len; r++)
        ranked = ranked || g_str_equal (((AppealsReportRow *) g_ptr_array_index (ranking->rows, r))->key, item->code);
      if (!ranked)
        g_ptr_array_add (order, (gpointer) item->code);
    }

  for (guint i = 0; districts != NULL && i < order->len; i++)
    {
      gboolean ranked = ranking != NULL && i < ranking->rows->len;
      AppealsReportRow *row = ranked ? g_ptr_array_index (order, i) : NULL;
      const char *code = ranked ? row->key : g_ptr_array_index (order, i);
      const AppealsClassifierItem *item = appeals_classifier_lookup (districts, code);
      gint64 count = ranked ? row->count : 0, compare = ranked ? row->compare_count : 0;
      double change = ranked ? row->change : NAN;
      g_autofree char *change_text = appeals_analytics_view_format_change (change);
      g_autofree char *figures = NULL, *tooltip = NULL, *label = NULL;

      if (item == NULL || item->osm_relation == 0)
        continue;
      /* TRANSLATORS: a unit of the map: its appeals, the comparison period's and the change */
      figures = g_strdup_printf (_("%d · was %d · %s"), (int) count, (int) compare, change_text);
      if (by == COLOUR_BY_ALERTS)
        {
          guint n_alerts = count_alerts (self, code);
          g_autofree char *appeals = g_steal_pointer (&figures);

          /* TRANSLATORS: a unit of the map coloured by alerts: "2 alerts · 15 · was 9 · +67%" */
          figures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u alert · %s", "%u alerts · %s", n_alerts),
                                     n_alerts, appeals);
          label = g_strdup_printf ("%u", n_alerts);
          count = n_alerts;
        }
      else
        label = scale == APPEALS_MAP_SCALE_COUNT ? g_strdup_printf ("%d", (int) count) : g_strdup (change_text);
      tooltip = g_strdup_printf ("%s: %s", appeals_classifier_item_get_label (item, NULL), figures);
      appeals_map_set_value (self->map, item->osm_relation, scale == APPEALS_MAP_SCALE_COUNT ? (double) count : change,
                             label, tooltip);
      add_table_row (self, item, figures);
    }
}

static void
show_figures_if_loaded (AppealsMapView *self)
{
  /* coloured by alerts, the map waits for them */
  if (self->report != NULL && (colour_by (self) != COLOUR_BY_ALERTS || self->alerts != NULL))
    show_figures (self);
}

static void
on_alerts_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsMapView) self = user_data;
  g_autoptr(GError) error = NULL;
  AppealsAlertList *alerts;

  alerts = appeals_analytics_service_alerts_finish (APPEALS_ANALYTICS_SERVICE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (alerts == NULL)
    {
      gtk_label_set_text (self->status, error->message);
      return;
    }
  g_clear_pointer (&self->alerts, appeals_alert_list_free);
  self->alerts = alerts;
  show_figures_if_loaded (self);
  g_signal_emit (self, signals[LOADED], 0);
}

/* the months of the period: the alerts the alerts view lists for them */
static void
load_alerts (AppealsMapView *self)
{
  g_cancellable_cancel (self->alerts_cancellable);
  g_clear_object (&self->alerts_cancellable);
  g_clear_pointer (&self->alerts, appeals_alert_list_free);
  if (colour_by (self) != COLOUR_BY_ALERTS || !g_date_valid (&self->from) || !g_date_valid (&self->to))
    return;
  self->alerts_cancellable = g_cancellable_new ();
  appeals_analytics_service_alerts_async (appeals_context_get_analytics_service (self->context), APPEALS_PERIOD_MONTH,
                                          &self->from, &self->to, self->alerts_cancellable, on_alerts_loaded,
                                          g_object_ref (self));
}

static void
on_colour_by_changed (AppealsMapView *self)
{
  if (colour_by (self) == COLOUR_BY_ALERTS && self->alerts == NULL)
    load_alerts (self);
  else
    show_figures_if_loaded (self);
}

static void
on_report_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsMapView) self = user_data;
  g_autoptr(GError) error = NULL;
  AppealsReport *report;

  report = appeals_analytics_service_line_report_finish (APPEALS_ANALYTICS_SERVICE (source), result, &error);
  if (!appeals_analytics_view_finish_load (error, self->spinner))
    return;

  gtk_label_set_text (self->status, report == NULL ? error->message : "");
  if (report != NULL)
    {
      g_clear_pointer (&self->report, appeals_report_free);
      self->report = report;
      show_figures_if_loaded (self);
    }
  gtk_widget_set_sensitive (self->export_png, self->report != NULL);
  gtk_widget_set_sensitive (self->export_pdf, self->report != NULL);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
reload (AppealsMapView *self)
{
  AppealsReportPeriods periods;

  if (!g_date_valid (&self->from) || !g_date_valid (&self->to))
    return;
  fill_questions (self);
  appeals_report_periods_init (&periods, &self->from, &self->to);
  periods.question_character = chosen_question (self);
  appeals_analytics_service_line_report_async (appeals_context_get_analytics_service (self->context), &periods,
                                               appeals_analytics_view_start_load (&self->cancellable, self->spinner),
                                               on_report_loaded, g_object_ref (self));
}

void
appeals_map_view_load (AppealsMapView *self,
                       const GDate    *from,
                       const GDate    *to)
{
  self->from = *from;
  self->to = *to;
  /* the alerts are of every question: a new period asks for them again,
   * a new question does not */
  load_alerts (self);
  reload (self);
}

void
appeals_map_view_clear (AppealsMapView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->alerts_cancellable);
  g_clear_pointer (&self->report, appeals_report_free);
  g_clear_pointer (&self->alerts, appeals_alert_list_free);
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  appeals_map_clear_values (self->map);
  gtk_spinner_stop (self->spinner);
}

AppealsMap *
appeals_map_view_get_map (AppealsMapView *self)
{
  return self->map;
}

AppealsReport *
appeals_map_view_get_report (AppealsMapView *self)
{
  return self->report;
}

void
appeals_map_view_set_question (AppealsMapView *self,
                               const char     *question_character)
{
  fill_questions (self);
  for (guint i = 1; i < self->question_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->question_codes, i), question_character) == 0)
      gtk_drop_down_set_selected (self->question_dropdown, i);
}

void
appeals_map_view_set_scale (AppealsMapView  *self,
                            AppealsMapScale  scale)
{
  gtk_drop_down_set_selected (self->scale_dropdown, scale == APPEALS_MAP_SCALE_CHANGE ? COLOUR_BY_CHANGE
                                                                                     : COLOUR_BY_COUNT);
}

/**
 * appeals_map_view_colour_by_alerts:
 *
 * Colours the units by the growth alerts of the period.
 */
void
appeals_map_view_colour_by_alerts (AppealsMapView *self)
{
  gtk_drop_down_set_selected (self->scale_dropdown, COLOUR_BY_ALERTS);
}

/**
 * appeals_map_view_get_period:
 *
 * Returns: whether the map has a period; @from and @to are set to it
 */
gboolean
appeals_map_view_get_period (AppealsMapView *self,
                             GDate          *from,
                             GDate          *to)
{
  *from = self->from;
  *to = self->to;
  return g_date_valid (from) && g_date_valid (to);
}

/**
 * appeals_map_view_get_alerts:
 *
 * Returns: (nullable): the alerts the map is coloured by
 */
AppealsAlertList *
appeals_map_view_get_alerts (AppealsMapView *self)
{
  return self->alerts;
}

/**
 * appeals_map_view_get_title:
 *
 * Returns: (transfer full): "Map of Problem Issues: <question or all>"
 */
char *
appeals_map_view_get_title (AppealsMapView *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->question_dropdown);

  /* TRANSLATORS: the printed map's title: "Map of problem issues: Housing" */
  return g_strdup_printf (_("Map of problem issues: %s"),
                          item != NULL ? gtk_string_object_get_string (item) : _("All questions"));
}

char *
appeals_map_view_get_subtitle (AppealsMapView *self)
{
  g_autofree char *totals = self->report != NULL ? appeals_report_totals_text (self->report) : g_strdup ("");
  GtkStringObject *scale = gtk_drop_down_get_selected_item (self->scale_dropdown);

  return g_strdup_printf ("%s. %s", totals, gtk_string_object_get_string (scale));
}

/* Export --------------------------------------------------------------------- */

static gboolean
write_export (GtkWidget   *view,
              guint        png,
              const char  *path,
              GError     **error)
{
  AppealsMapView *self = APPEALS_MAP_VIEW (view);
  g_autofree char *title = NULL, *subtitle = NULL;
  g_autoptr(AppealsMapPrint) print = NULL;

  if (self->report == NULL)
    return FALSE;
  title = appeals_map_view_get_title (self);
  subtitle = appeals_map_view_get_subtitle (self);
  if (png)
    return appeals_map_write_png (self->map, title, subtitle, path, error);
  print = appeals_map_print_new (self->map, title, subtitle);
  return appeals_print_export_pdf (GTK_PRINT_OPERATION (print), path, NULL, error);
}

static void
export_map (AppealsMapView *self,
            gboolean        png)
{
  if (self->report == NULL)
    return;
  appeals_analytics_view_export (GTK_WIDGET (self), _("Save the Map"), png ? "map.png" : "map.pdf", png, write_export,
                                 _("The map is saved."));
}

static void
on_export_png_clicked (AppealsMapView *self)
{
  export_map (self, TRUE);
}

static void
on_export_pdf_clicked (AppealsMapView *self)
{
  export_map (self, FALSE);
}

/* Life ----------------------------------------------------------------------- */

static void
appeals_map_view_dispose (GObject *object)
{
  AppealsMapView *self = (AppealsMapView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->alerts_cancellable);
  g_clear_object (&self->alerts_cancellable);
  g_clear_pointer (&self->report, appeals_report_free);
  g_clear_pointer (&self->alerts, appeals_alert_list_free);
  g_clear_pointer (&self->question_codes, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_map_view_parent_class)->dispose (object);
}

static void
appeals_map_view_class_init (AppealsMapViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = appeals_map_view_dispose;

  appeals_map_view_install_context_property (G_OBJECT_CLASS (klass));

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
  /**
   * AppealsMapView::district-chosen:
   * @district: the district's code
   *
   * A unit of the map or a row of its table was activated.
   */
  signals[DISTRICT_CHOSEN] = g_signal_new ("district-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static GtkWidget *
new_button (AppealsMapView *self,
            const char     *label,
            GCallback       callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_sensitive (button, FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static void
appeals_map_view_init (AppealsMapView *self)
{
  const char *scales[] = { _("Colour by count"), _("Colour by change"), _("Colour by growth alerts"), NULL };
  const char *all[] = { _("All questions"), NULL };
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *title = gtk_label_new (_("Map of Problem Issues"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GString) attribution_text = g_string_new (appeals_map_get_attribution ());
  GtkWidget *attribution;

  self->question_codes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->question_codes, NULL);
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  gtk_widget_add_css_class (title, "title-3");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (self), title);

  self->scale_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (scales));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Colour the map by"), -1);
  g_signal_connect_object (self->scale_dropdown, "notify::selected", G_CALLBACK (on_colour_by_changed), self,
                           G_CONNECT_SWAPPED);
  self->question_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (all));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->question_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Question character"), -1);
  g_signal_connect_object (self->question_dropdown, "notify::selected", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->spinner), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->spinner), GTK_ALIGN_START);
  self->export_png = new_button (self, _("Export PNG…"), G_CALLBACK (on_export_png_clicked));
  self->export_pdf = new_button (self, _("Export PDF…"), G_CALLBACK (on_export_pdf_clicked));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->scale_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->question_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (bar), self->export_png);
  gtk_box_append (GTK_BOX (bar), self->export_pdf);
  gtk_box_append (GTK_BOX (self), bar);

  self->map = APPEALS_MAP (appeals_map_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of problem issues by district and city"), -1);
  g_signal_connect_object (self->map, "unit-activated", G_CALLBACK (on_unit_activated), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->map));

  self->table = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "boxed-list");
  gtk_list_box_set_selection_mode (self->table, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The map's figures"), -1);
  g_signal_connect_object (self->table, "row-activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->table));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 340, -1);
  gtk_box_append (GTK_BOX (body), scrolled);
  gtk_box_append (GTK_BOX (self), body);

  /* the address on one line: a word joiner after each slash, where the
   * line broke ("https://" above, the rest below) */
  g_string_replace (attribution_text, "/", "/\u2060", 0);
  attribution = gtk_label_new (attribution_text->str);
  gtk_label_set_wrap (GTK_LABEL (attribution), TRUE);
  gtk_label_set_xalign (GTK_LABEL (attribution), 0);
  gtk_widget_add_css_class (attribution, "dim-label");
  gtk_widget_add_css_class (attribution, "caption");
  gtk_box_append (GTK_BOX (self), attribution);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->status));
}
