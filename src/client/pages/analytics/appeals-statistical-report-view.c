/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-statistical-report-view.c: the statistical report on the
 * analytics page. The table is a grid of labels; it shows the same table
 * the files hold (appeals_statistical_report_build_table()). The column
 * of indicators stays in place while the counts beside it scroll
 * sideways, as a spreadsheet's frozen column does, so that a count far
 * to the right is still read against its row. Each row's cells share a
 * height across the two grids (the headers by a strut, below). A count
 * is a button that lists the appeals behind it in the journal.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-analytics-view-common.h"
#include "appeals-statistical-report-view.h"

struct _AppealsStatisticalReportView
{
  GtkBox                    parent_instance;

  AppealsContext           *context;

  GtkDropDown              *preset_dropdown;
  GtkDropDown              *breakdown_dropdown;
  GtkSpinner               *spinner;
  GtkLabel                 *subtitle;
  GtkWidget                *exports[3];    /* by AppealsStatisticalFormat */
  GtkGrid                  *indicators;    /* the table's first column */
  GtkGrid                  *grid;          /* the counts: the table's column c at c - 1 */
  GPtrArray                *row_heights;   /* GtkSizeGroup: row r (after the header) at r - 1 */
  GtkWidget                *header_strut;

  AppealsStatisticalReport *report;
  GCancellable             *cancellable;
};

G_DEFINE_FINAL_TYPE (AppealsStatisticalReportView, appeals_statistical_report_view, GTK_TYPE_BOX)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsStatisticalReportView, appeals_statistical_report_view)

static const struct
{
  const char *extension;
  const char *label;
} formats[] = {
  [APPEALS_STATISTICAL_CSV] = { "csv", N_("Export CSV…") },
  [APPEALS_STATISTICAL_XLSX] = { "xlsx", N_("Export XLSX…") },
  [APPEALS_STATISTICAL_PDF] = { "pdf", N_("Export PDF…") },
};

static AppealsReferenceService *
get_reference (AppealsStatisticalReportView *self)
{
  return appeals_context_get_reference_service (self->context);
}

static void
remove_cells (AppealsStatisticalReportView *self)
{
  GtkGrid *grids[] = { self->indicators, self->grid };
  GtkWidget *child;

  for (guint g = 0; g < G_N_ELEMENTS (grids); g++)
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (grids[g]))) != NULL)
      gtk_grid_remove (grids[g], child);
  g_ptr_array_set_size (self->row_heights, 0);
}

/* The indicators' header is as tall as the counts' tallest, each wrapped
 * at the width of its column. A size group would measure them all at the
 * indicators' width, where every one fits on a line. */
static void
measure_header_strut (GtkWidget      *strut,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  AppealsStatisticalReportView *self = g_object_get_data (G_OBJECT (strut), "view");

  *minimum = *natural = 0;
  if (orientation != GTK_ORIENTATION_VERTICAL)
    return;
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->grid)); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      int row, width, height;

      gtk_grid_query_child (self->grid, cell, NULL, &row, NULL, NULL);
      if (row != 0)
        continue;
      gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
      *minimum = *natural = MAX (*natural, height);
    }
}

static void
allocate_nothing (GtkWidget *strut,
                  int        width,
                  int        height,
                  int        baseline)
{
}

static GtkWidget *
new_header_strut (AppealsStatisticalReportView *self)
{
  GtkWidget *strut = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_layout_manager (strut, gtk_custom_layout_new (NULL, measure_header_strut, allocate_nothing));
  g_object_set_data (G_OBJECT (strut), "view", self);
  return strut;
}

/* Puts @cell at the table's @row and @column: the first column in the
 * grid that stays, the others in the one that scrolls. */
static void
attach_cell (AppealsStatisticalReportView *self,
             GtkWidget                    *cell,
             guint                         row,
             guint                         column)
{
  if (row > 0)
    {
      while (self->row_heights->len < row)
        g_ptr_array_add (self->row_heights, gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL));
      gtk_size_group_add_widget (g_ptr_array_index (self->row_heights, row - 1), cell);
    }
  if (column == 0)
    gtk_grid_attach (self->indicators, cell, 0, row, 1, 1);
  else
    gtk_grid_attach (self->grid, cell, column - 1, row, 1, 1);
}

/**
 * appeals_statistical_report_view_get_cell:
 * @row: 0 for the header, then the report's rows
 * @column: 0 for the indicators, then the report's columns and the total
 *
 * Returns: (transfer none) (nullable): the cell's label or button
 */
GtkWidget *
appeals_statistical_report_view_get_cell (AppealsStatisticalReportView *self,
                                          guint                         row,
                                          guint                         column)
{
  if (column == 0)
    return gtk_grid_get_child_at (self->indicators, 0, row);
  return gtk_grid_get_child_at (self->grid, column - 1, row);
}

static void
add_cell (AppealsStatisticalReportView *self,
          const char                   *text,
          guint                         row,
          guint                         column)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  if (row == 0)
    {
      /* column names are long: they wrap between words in a narrow header */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), column == 0 ? 30 : 14);
      gtk_label_set_justify (GTK_LABEL (label), column == 0 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "heading");
    }
  else if (column > 0)
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "report-zero");
    }
  attach_cell (self, label, row, column);
}

static void
on_count_clicked (GtkButton *button)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.open-journal", "(ss)",
                              g_object_get_data (G_OBJECT (button), "query"),
                              g_object_get_data (G_OBJECT (button), "description"));
}

/* a count above zero: the appeals behind it in the journal */
static void
add_count_button (AppealsStatisticalReportView *self,
                  GStrv                        *text,
                  guint                         row,
                  guint                         column,
                  const char                   *subtitle)
{
  g_autofree char *query = appeals_statistical_report_get_filter (self->report, row - 1, column - 1);
  g_autofree char *label = g_strstrip (g_strdup (text[row][0]));
  GtkWidget *button;

  if (query == NULL)
    {
      add_cell (self, text[row][column], row, column);
      return;
    }
  button = gtk_button_new_with_label (text[row][column]);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "numeric");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 1.0);
  g_object_set_data_full (G_OBJECT (button), "query", g_steal_pointer (&query), g_free);
  /* "Considered · Rudny · 01.01.2026 – 01.12.2026 · by districts and cities" */
  g_object_set_data_full (G_OBJECT (button), "description",
                          g_strdup_printf ("%s · %s · %s", label, text[0][column], subtitle), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_count_clicked), NULL);
  attach_cell (self, button, row, column);
}

static void
show_report (AppealsStatisticalReportView *self)
{
  g_autoptr(AppealsReportTable) table = appeals_statistical_report_build_table (self->report, get_reference (self));
  g_autoptr(GPtrArray) text = appeals_report_table_get_text (table);
  g_autofree char *subtitle = appeals_statistical_report_subtitle (self->report, get_reference (self));
  GStrv *rows = (GStrv *) text->pdata;

  remove_cells (self);
  for (guint r = 0; r < text->len; r++)
    for (guint c = 0; rows[r][c] != NULL; c++)
      {
        AppealsStatisticalRow *row = r > 0 ? g_ptr_array_index (self->report->rows, r - 1) : NULL;
        gint64 count = row == NULL || c == 0 ? 0
                       : c - 1 < row->cells->len ? g_array_index (row->cells, gint64, c - 1) : row->total;

        if (count > 0)
          add_count_button (self, rows, r, c, subtitle);
        else
          add_cell (self, rows[r][c], r, c);
      }
  /* beside the header of the indicators, measured anew for these */
  gtk_grid_attach (self->indicators, self->header_strut, 0, 0, 1, 1);
  gtk_widget_queue_resize (self->header_strut);
  gtk_label_set_text (self->subtitle, subtitle);
}

static void
on_report_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsStatisticalReportView) self = user_data;
  g_autoptr(GError) error = NULL;
  AppealsStatisticalReport *report;

  report = appeals_analytics_service_statistical_report_finish (APPEALS_ANALYTICS_SERVICE (source), result, &error);
  if (!appeals_analytics_view_finish_load (error, self->spinner))
    return;
  if (report == NULL)
    {
      gtk_label_set_text (self->subtitle, error->message);
      return;
    }
  g_clear_pointer (&self->report, appeals_statistical_report_free);
  self->report = report;
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    gtk_widget_set_sensitive (self->exports[f], TRUE);
  show_report (self);
}

void
appeals_statistical_report_view_reload (AppealsStatisticalReportView *self)
{
  const char * const *breakdowns = appeals_statistical_report_get_breakdowns ();
  GDate today, from, to;

  appeals_date_get_today (&today);
  appeals_report_preset_range (gtk_drop_down_get_selected (self->preset_dropdown), &today, &from, &to);
  appeals_analytics_service_statistical_report_async (appeals_context_get_analytics_service (self->context),
                                                      &from, &to,
                                                      breakdowns[gtk_drop_down_get_selected (self->breakdown_dropdown)],
                                                      appeals_analytics_view_start_load (&self->cancellable,
                                                                                         self->spinner),
                                                      on_report_loaded, g_object_ref (self));
}

void
appeals_statistical_report_view_clear (AppealsStatisticalReportView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->report, appeals_statistical_report_free);
  remove_cells (self);
  gtk_label_set_text (self->subtitle, "");
  gtk_spinner_stop (self->spinner);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    gtk_widget_set_sensitive (self->exports[f], FALSE);
}

void
appeals_statistical_report_view_set_breakdown (AppealsStatisticalReportView *self,
                                               const char                   *breakdown)
{
  const char * const *breakdowns = appeals_statistical_report_get_breakdowns ();

  for (guint i = 0; breakdowns[i] != NULL; i++)
    if (g_str_equal (breakdowns[i], breakdown))
      gtk_drop_down_set_selected (self->breakdown_dropdown, i);
}

AppealsStatisticalReport *
appeals_statistical_report_view_get_report (AppealsStatisticalReportView *self)
{
  return self->report;
}

/**
 * appeals_statistical_report_view_get_cell_text:
 * @row: 0 for the header, then the report's rows
 *
 * Returns: (nullable): the text shown in a cell of the table
 */
const char *
appeals_statistical_report_view_get_cell_text (AppealsStatisticalReportView *self,
                                               guint                         row,
                                               guint                         column)
{
  GtkWidget *cell = appeals_statistical_report_view_get_cell (self, row, column);

  if (GTK_IS_BUTTON (cell))
    return gtk_button_get_label (GTK_BUTTON (cell));
  return cell != NULL ? gtk_label_get_text (GTK_LABEL (cell)) : NULL;
}

/**
 * appeals_statistical_report_view_open_cell:
 *
 * Opens the appeals behind a count, as a click on it does.
 *
 * Returns: whether the cell is a count that opens them
 */
gboolean
appeals_statistical_report_view_open_cell (AppealsStatisticalReportView *self,
                                           guint                         row,
                                           guint                         column)
{
  GtkWidget *cell = appeals_statistical_report_view_get_cell (self, row, column);

  if (!GTK_IS_BUTTON (cell))
    return FALSE;
  g_signal_emit_by_name (cell, "clicked");
  return TRUE;
}

/**
 * appeals_statistical_report_view_write:
 *
 * Writes the report shown in @format.
 *
 * Returns: %FALSE with @error set when it could not be written, or
 *   without when no report is shown
 */
gboolean
appeals_statistical_report_view_write (AppealsStatisticalReportView  *self,
                                       AppealsStatisticalFormat       format,
                                       const char                    *path,
                                       GError                       **error)
{
  /* nothing shown any more, as after a reload begun behind the chooser */
  if (self->report == NULL)
    return FALSE;

  return appeals_statistical_report_write (self->report, get_reference (self), format, path, error);
}

/* Export --------------------------------------------------------------------- */

static void
on_export_clicked (GtkButton                    *button,
                   AppealsStatisticalReportView *self)
{
  AppealsStatisticalFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "format"));
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;
  name = appeals_analytics_view_file_name ("statistical-report", &self->report->from, &self->report->to,
                                           formats[format].extension);
  appeals_analytics_view_export (GTK_WIDGET (self), _("Save the Report"), name, format,
                                 (AppealsAnalyticsViewWrite) appeals_statistical_report_view_write,
                                 _("The report is saved."));
}

/* Life ----------------------------------------------------------------------- */

static void
on_counts_scrolled (GtkAdjustment *across,
                    GtkWidget     *edge)
{
  gtk_widget_set_opacity (edge, gtk_adjustment_get_value (across) > 0 ? 1 : 0);
}

static void
on_choice_changed (AppealsStatisticalReportView *self)
{
  if (self->context != NULL && appeals_context_is_signed_in (self->context))
    appeals_statistical_report_view_reload (self);
}

static void
appeals_statistical_report_view_dispose (GObject *object)
{
  AppealsStatisticalReportView *self = (AppealsStatisticalReportView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, appeals_statistical_report_free);
  g_clear_pointer (&self->row_heights, g_ptr_array_unref);
  g_clear_object (&self->header_strut);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_statistical_report_view_parent_class)->dispose (object);
}

static void
appeals_statistical_report_view_class_init (AppealsStatisticalReportViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = appeals_statistical_report_view_dispose;

  appeals_statistical_report_view_install_context_property (G_OBJECT_CLASS (klass));
}

static void
appeals_statistical_report_view_init (AppealsStatisticalReportView *self)
{
  /* in the order of appeals_statistical_report_get_breakdowns () */
  const char *breakdowns[] = { _("By district and city"), _("By addressee body"), _("By kind of appeal"), NULL };
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* the exports on a row of their own: in Kazakh one row would not fit
   * beside the sidebar of a 1,300 px window */
  GtkWidget *export_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *table = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *edge = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  GtkScrolledWindow *counts = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  GtkGrid *grids[2];

  appeals_analytics_view_add_title (GTK_BOX (self), _("Statistical Report"));

  self->preset_dropdown = appeals_analytics_view_add_period (GTK_BOX (bar), G_CALLBACK (on_choice_changed), self);
  self->breakdown_dropdown = appeals_analytics_view_add_choice (GTK_BOX (bar),
                                                                G_LIST_MODEL (gtk_string_list_new (breakdowns)),
                                                                _("Columns"), G_CALLBACK (on_choice_changed), self);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->spinner), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->spinner), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->spinner));
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      self->exports[f] = gtk_button_new_with_label (_(formats[f].label));
      gtk_widget_set_sensitive (self->exports[f], FALSE);
      g_object_set_data (G_OBJECT (self->exports[f]), "format", GUINT_TO_POINTER (f));
      g_signal_connect_object (self->exports[f], "clicked", G_CALLBACK (on_export_clicked), self, 0);
      gtk_box_append (GTK_BOX (export_bar), self->exports[f]);
    }
  gtk_box_append (GTK_BOX (self), bar);
  gtk_widget_set_halign (export_bar, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (self), export_bar);

  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->subtitle, TRUE);
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->subtitle));

  self->row_heights = g_ptr_array_new_with_free_func (g_object_unref);
  self->indicators = GTK_GRID (gtk_grid_new ());
  self->grid = GTK_GRID (gtk_grid_new ());
  grids[0] = self->indicators;
  grids[1] = self->grid;
  for (guint g = 0; g < G_N_ELEMENTS (grids); g++)
    {
      gtk_grid_set_column_spacing (grids[g], 12);
      gtk_grid_set_row_spacing (grids[g], 6);
      gtk_widget_add_css_class (GTK_WIDGET (grids[g]), "statistical-report");
    }
  gtk_widget_set_name (GTK_WIDGET (self->indicators), "statistical-indicators");
  self->header_strut = g_object_ref_sink (new_header_strut (self));
  gtk_box_append (GTK_BOX (table), GTK_WIDGET (self->indicators));

  gtk_widget_set_name (GTK_WIDGET (counts), "statistical-counts");
  gtk_widget_set_hexpand (GTK_WIDGET (counts), TRUE);
  gtk_scrolled_window_set_policy (counts, GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (counts, TRUE);
  gtk_scrolled_window_set_child (counts, GTK_WIDGET (self->grid));
  /* the counts as wide as they would be, scrolled sideways: at their
   * minimum width the district names wrapped ("г." above "Костанай") */
  gtk_scrollable_set_hscroll_policy (GTK_SCROLLABLE (gtk_scrolled_window_get_child (counts)),
                                     GTK_SCROLL_NATURAL);
  /* a line where the counts pass under the indicators, once they do */
  gtk_widget_set_opacity (edge, 0);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (counts), "value-changed",
                           G_CALLBACK (on_counts_scrolled), edge, 0);
  gtk_box_append (GTK_BOX (table), edge);
  gtk_box_append (GTK_BOX (table), GTK_WIDGET (counts));
  gtk_box_append (GTK_BOX (self), table);
}
