/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-statistical-report.c: the statistical report on the analytics
 * page, in the language of $LANGUAGE, against a real server with demo
 * data: the table shows the server's counts with the layout's labels, a
 * column per district (or kind, when chosen); the report is written as
 * CSV, XLSX and PDF (prints/statistical-report-<lang>.csv|xlsx|pdf) and
 * read back — the spreadsheets with openpyxl and the csv module
 * (check-statistical-export.py), the PDF's text with poppler — to the
 * same numbers. Scrolled to its last column, the indicators stay beside
 * the counts, each on the line of its row. Screenshots:
 * statistical-report, statistical-report-end, statistical-report-kinds.
 */
#include "config.h"

#include <string.h>

#include "appeals-quality-page.h"
#include "appeals-test-ui.h"

static AppealsQualityPage *
page_of (AppealsWindow *window)
{
  return APPEALS_QUALITY_PAGE (gtk_stack_get_child_by_name (GTK_STACK (appeals_test_ui_find_by_name (
                                                              GTK_WIDGET (window), "pages")), "analytics"));
}

typedef struct
{
  AppealsQualityPage           *page;
  AppealsStatisticalReportView *view;
  AppealsStatisticalReport     *previous;
} Loading;

/* The report is new, and the line report above it and its map are in:
 * the page has its length, and scrolls to the report for good. */
static gboolean
report_loaded (Loading *loading)
{
  AppealsStatisticalReport *report = appeals_statistical_report_view_get_report (loading->view);
  AppealsLineReportView *line_report = appeals_quality_page_get_line_report (loading->page);

  return report != NULL && report != loading->previous && appeals_line_report_view_get_report (line_report) != NULL &&
         appeals_map_view_get_report (appeals_line_report_view_get_map_view (line_report)) != NULL;
}

/* The table shows every count of the report, the labels in the
 * interface's language. */
static void
check_table (AppealsStatisticalReportView *view)
{
  AppealsStatisticalReport *report = appeals_statistical_report_view_get_report (view);
  const char *language = appeals_ui_language ();

  g_assert_cmpuint (report->rows->len, >=, 20);
  for (guint r = 0; r < report->rows->len; r++)
    {
      AppealsStatisticalRow *row = g_ptr_array_index (report->rows, r);
      g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, row->total);

      g_assert_nonnull (strstr (appeals_statistical_report_view_get_cell_text (view, r + 1, 0),
                                appeals_statistical_row_get_label (row, language)));
      for (guint c = 0; c < report->columns->len; c++)
        {
          g_autofree char *cell = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (row->cells, gint64, c));

          g_assert_cmpstr (appeals_statistical_report_view_get_cell_text (view, r + 1, c + 1), ==, cell);
        }
      g_assert_cmpstr (appeals_statistical_report_view_get_cell_text (view, r + 1, report->columns->len + 1), ==,
                       total);
    }
  g_assert_cmpint (((AppealsStatisticalRow *) report->rows->pdata[0])->total, >, 0);
}

/* where @cell lies in @view */
static graphene_rect_t
cell_bounds (AppealsStatisticalReportView *view,
             GtkWidget                    *cell)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (view), &bounds));
  return bounds;
}

/* the first row's total, in the last column, is within the view */
static gboolean
total_in_view (AppealsStatisticalReportView *view)
{
  AppealsStatisticalReport *report = appeals_statistical_report_view_get_report (view);
  graphene_rect_t total = cell_bounds (view, appeals_statistical_report_view_get_cell (view, 1,
                                                                                        report->columns->len + 1));

  return total.origin.x >= 0 && total.origin.x + total.size.width <= gtk_widget_get_width (GTK_WIDGET (view));
}

/* the table of the report shown has its place on the page */
static gboolean
table_laid_out (AppealsStatisticalReportView *view)
{
  AppealsStatisticalReport *report = appeals_statistical_report_view_get_report (view);

  return gtk_widget_get_height (appeals_statistical_report_view_get_cell (view, 0, 0)) > 0 &&
         gtk_widget_get_height (appeals_statistical_report_view_get_cell (view, report->rows->len,
                                                                          report->columns->len + 1)) > 0;
}

/* Each indicator stands on the line of its counts, left of the totals
 * however far they are scrolled; the headers, bottom-aligned, end on one
 * line too. */
static void
check_rows_aligned (AppealsStatisticalReportView *view)
{
  AppealsStatisticalReport *report = appeals_statistical_report_view_get_report (view);

  APPEALS_TEST_WAIT (table_laid_out, view);
  for (guint r = 0; r <= report->rows->len; r++)
    {
      graphene_rect_t indicator = cell_bounds (view, appeals_statistical_report_view_get_cell (view, r, 0));

      for (guint c = 1; c <= report->columns->len + 1; c++)
        {
          graphene_rect_t count = cell_bounds (view, appeals_statistical_report_view_get_cell (view, r, c));

          if (c == report->columns->len + 1)
            g_assert_cmpfloat (indicator.origin.x + indicator.size.width, <=, count.origin.x);
          g_assert_cmpfloat_with_epsilon (indicator.origin.y + indicator.size.height,
                                          count.origin.y + count.size.height, 0.5);
        }
    }
}

/* A column per district is wider than the page: scrolled to the totals,
 * every indicator is still in sight, on the line of its counts. */
static void
check_indicators_stay (AppealsStatisticalReportView *view)
{
  AppealsStatisticalReport *report = appeals_statistical_report_view_get_report (view);
  GtkScrolledWindow *counts = GTK_SCROLLED_WINDOW (appeals_test_ui_find_by_name (GTK_WIDGET (view),
                                                                                 "statistical-counts"));
  GtkAdjustment *across = gtk_scrolled_window_get_hadjustment (counts);

  check_rows_aligned (view);
  g_assert_cmpfloat (gtk_adjustment_get_upper (across), >, gtk_adjustment_get_page_size (across));
  g_assert_false (total_in_view (view));
  gtk_adjustment_set_value (across, gtk_adjustment_get_upper (across) - gtk_adjustment_get_page_size (across));
  APPEALS_TEST_WAIT (total_in_view, view);

  for (guint r = 0; r <= report->rows->len; r++)
    {
      graphene_rect_t indicator = cell_bounds (view, appeals_statistical_report_view_get_cell (view, r, 0));

      g_assert_cmpfloat (indicator.origin.x, >=, 0);
    }
  check_rows_aligned (view);
  appeals_test_ui_scroll_to (GTK_WIDGET (view));
  appeals_test_ui_screenshot (GTK_WIDGET (view), "statistical-report-end");
  gtk_adjustment_set_value (across, 0);
}

/* The report by body printed: no figure is cut short, however many
 * bodies have columns: they go in bands. */
static void
check_bodies_print (AppealsStatisticalReportView *view)
{
  g_autofree char *name = g_strdup_printf ("statistical-report-bodies-%s.pdf", appeals_ui_language ());
  g_autofree char *path = appeals_test_ui_prints_path (name);
  g_autofree char *cut = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (appeals_statistical_report_view_write (view, APPEALS_STATISTICAL_PDF, path, &error));
  g_assert_no_error (error);
  g_test_message ("%u bodies", appeals_statistical_report_view_get_report (view)->columns->len);
  cut = appeals_test_ui_find_pdf_ellipsis (path);
  if (cut != NULL)
    g_error ("the report by body cuts \"%s\" short", cut);
}

static void
check_exports (AppealsStatisticalReportView *view)
{
  AppealsStatisticalReport *report = appeals_statistical_report_view_get_report (view);
  const char *language = appeals_ui_language ();
  const char *extensions[] = { [APPEALS_STATISTICAL_CSV] = "csv", [APPEALS_STATISTICAL_XLSX] = "xlsx",
                               [APPEALS_STATISTICAL_PDF] = "pdf" };
  g_autofree char *paths[G_N_ELEMENTS (extensions)] = { NULL };
  g_autofree char *json_name = g_strdup_printf ("statistical-report-%s.json", language);
  g_autofree char *json_path = appeals_test_ui_prints_path (json_name);
  g_autoptr(JsonNode) json = appeals_statistical_report_to_json (report);
  g_autofree char *json_text = json_to_string (json, TRUE);
  g_autofree char *text = NULL, *out = NULL, *err = NULL;
  g_autoptr(GSubprocess) check = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;
  int n_pages = 0;

  for (guint f = 0; f < G_N_ELEMENTS (extensions); f++)
    {
      g_autofree char *name = g_strdup_printf ("statistical-report-%s.%s", language, extensions[f]);

      paths[f] = appeals_test_ui_prints_path (name);
      g_assert_true (appeals_statistical_report_view_write (view, f, paths[f], &error));
      g_assert_no_error (error);
    }

  /* the PDF: its title once, on one page (a column per district, a row
   * per indicator), every row's label and its counts in a line (poppler
   * gives a line's cells without spaces between, and may read a label
   * apart from its figures) */
  text = appeals_test_ui_read_pdf_text (paths[APPEALS_STATISTICAL_PDF], &n_pages);
  g_assert_cmpint (n_pages, ==, 1);
  title = strstr (text, appeals_statistical_report_get_title (report, language));
  g_assert_nonnull (title);
  g_assert_null (strstr (title + 1, appeals_statistical_report_get_title (report, language)));
  g_assert_null (appeals_test_ui_find_pdf_ellipsis (paths[APPEALS_STATISTICAL_PDF]));
  for (guint r = 0; r < report->rows->len; r++)
    {
      AppealsStatisticalRow *row = g_ptr_array_index (report->rows, r);
      const char *label = appeals_statistical_row_get_label (row, language);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < row->cells->len; c++)
        g_string_append_printf (line, "%" G_GINT64_FORMAT, g_array_index (row->cells, gint64, c));
      g_string_append_printf (line, "%" G_GINT64_FORMAT, row->total);
      if (strstr (text, label) == NULL || strstr (text, line->str) == NULL)
        g_error ("the PDF has no line \"%s\" %s", label, line->str);
    }

  /* the spreadsheets, read back to the counts */
  g_assert_true (g_file_set_contents (json_path, json_text, -1, &error));
  check = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                            g_getenv ("APPEALS_XLSX_PYTHON"), g_getenv ("APPEALS_CHECK_STATISTICAL_EXPORT"),
                            json_path, paths[APPEALS_STATISTICAL_XLSX], paths[APPEALS_STATISTICAL_CSV], language,
                            NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (check, NULL, NULL, &out, &err, &error));
  g_test_message ("%s%s", out, err);
  if (!g_subprocess_get_successful (check))
    g_error ("the exports do not read back to the report: %s", err);
}

/* Each count opens the journal on the appeals it counts: the row's total
 * and its first column with a count, in every row that has any. */
static void
check_counts_open (AppealsApplication           *app,
                   AppealsWindow                *window,
                   AppealsStatisticalReportView *view)
{
  AppealsStatisticalReport *report = appeals_statistical_report_view_get_report (view);

  for (guint r = 0; r < report->rows->len; r++)
    {
      AppealsStatisticalRow *row = g_ptr_array_index (report->rows, r);
      AppealsTestFigure total = { app, window, row->total };
      g_autofree char *query = appeals_statistical_report_get_filter (report, r, report->columns->len);

      if (row->total == 0)
        {
          g_assert_false (appeals_statistical_report_view_open_cell (view, r + 1, report->columns->len + 1));
          continue;
        }
      g_test_message ("%s: %" G_GINT64_FORMAT ", %s", row->id, row->total, query);
      g_assert_true (appeals_statistical_report_view_open_cell (view, r + 1, report->columns->len + 1));
      APPEALS_TEST_WAIT (appeals_test_ui_journal_shows_figure, &total);
      for (guint c = 0; c < report->columns->len; c++)
        {
          AppealsTestFigure cell = { app, window, g_array_index (row->cells, gint64, c) };

          if (cell.count == 0)
            continue;
          g_assert_true (appeals_statistical_report_view_open_cell (view, r + 1, c + 1));
          APPEALS_TEST_WAIT (appeals_test_ui_journal_shows_figure, &cell);
          break;
        }
    }
  appeals_window_show_page (window, "analytics");
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  AppealsWindow *window;
  Loading loading = { NULL };

  appeals_test_ui_sign_in (app, "controller", "demo");
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1000);
  appeals_window_show_page (window, "analytics");
  loading.page = page_of (window);
  loading.view = appeals_quality_page_get_statistical_report (loading.page);
  APPEALS_TEST_WAIT (report_loaded, &loading);

  g_assert_cmpstr (appeals_statistical_report_view_get_report (loading.view)->breakdown, ==, "district");
  g_assert_cmpuint (appeals_statistical_report_view_get_report (loading.view)->columns->len, >=, 20);
  check_table (loading.view);
  /* the report alone: it is taller than what the page shows of it */
  appeals_test_ui_scroll_to (GTK_WIDGET (loading.view));
  appeals_test_ui_screenshot (GTK_WIDGET (loading.view), "statistical-report");
  check_indicators_stay (loading.view);
  check_exports (loading.view);
  check_counts_open (app, window, loading.view);

  /* by kind: a column per kind of appeal */
  loading.previous = appeals_statistical_report_view_get_report (loading.view);
  appeals_statistical_report_view_set_breakdown (loading.view, APPEALS_STATISTICAL_BY_KIND);
  APPEALS_TEST_WAIT (report_loaded, &loading);
  g_assert_cmpuint (appeals_statistical_report_view_get_report (loading.view)->columns->len, ==, 6);
  check_table (loading.view);
  check_rows_aligned (loading.view);
  check_counts_open (app, window, loading.view);
  appeals_test_ui_scroll_to (GTK_WIDGET (loading.view));
  appeals_test_ui_screenshot (GTK_WIDGET (loading.view), "statistical-report-kinds");

  /* by addressee body: the most columns, each figure whole in print */
  loading.previous = appeals_statistical_report_view_get_report (loading.view);
  appeals_statistical_report_view_set_breakdown (loading.view, APPEALS_STATISTICAL_BY_ADDRESSEE_BODY);
  APPEALS_TEST_WAIT (report_loaded, &loading);
  check_table (loading.view);
  check_rows_aligned (loading.view);
  check_bodies_print (loading.view);
}

static void
test_statistical_report (void)
{
  g_assert_cmpint (appeals_test_ui_run (script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "120", NULL };
  AppealsTestServer *server = NULL;

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/analytics/statistical-report", test_statistical_report);
  return appeals_test_ui_run_tests (&server, args);
}
