/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-analytics-map.c: the map of problem issues and the line report's
 * print, in the language of $LANGUAGE, against a real server with demo
 * data: every one of the 20 units is joined to its district and shows the
 * district ranking's figures; a question character recolours it; a unit
 * chosen on the map ranks that district's appeals; the map is written as
 * PNG and PDF and the report as PDF (prints/map-<lang>.png|pdf,
 * report-<lang>.pdf), whose text (poppler) holds the totals and the ODbL
 * attribution; a reversed custom period is refused beside its field.
 * Screenshots: analytics-map, analytics-map-change, analytics-map-district,
 * analytics-period-error.
 */
#include "config.h"

#include "appeals-map-print.h"
#include "appeals-quality-page.h"
#include "appeals-test-ui.h"

static AppealsTestServer *server;

static AppealsLineReportView *
line_report_of (AppealsWindow *window)
{
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (window),
                                                                                          "pages")), "analytics");

  return appeals_quality_page_get_line_report (APPEALS_QUALITY_PAGE (page));
}

typedef struct
{
  AppealsLineReportView *view;
  AppealsReport         *previous_report;     /* of the rankings */
  AppealsReport         *previous_map;
} Reports;

static gboolean
both_loaded (Reports *reports)
{
  AppealsReport *report = appeals_line_report_view_get_report (reports->view);
  AppealsReport *map = appeals_map_view_get_report (appeals_line_report_view_get_map_view (reports->view));

  return report != NULL && map != NULL && report != reports->previous_report && map != reports->previous_map;
}

static void
wait_for_new_reports (Reports  *reports,
                      gboolean  rankings,
                      gboolean  map)
{
  reports->previous_report = rankings ? appeals_line_report_view_get_report (reports->view) : NULL;
  reports->previous_map = map ? appeals_map_view_get_report (appeals_line_report_view_get_map_view (reports->view))
                              : NULL;
  APPEALS_TEST_WAIT (both_loaded, reports);
}

static gint64
district_count (AppealsReport *report,
                const char    *district)
{
  AppealsRanking *ranking = appeals_report_get_ranking (report, APPEALS_REPORT_DISTRICT);

  for (guint i = 0; i < ranking->rows->len; i++)
    {
      AppealsReportRow *row = g_ptr_array_index (ranking->rows, i);

      if (g_str_equal (row->key, district))
        return row->count;
    }
  return 0;
}

/* Every unit is a district of the classifier, showing its figures. */
static void
check_map (AppealsMapView *map_view)
{
  AppealsMap *map = appeals_map_view_get_map (map_view);
  AppealsReport *report = appeals_map_view_get_report (map_view);
  const AppealsGeoMap *units = appeals_map_get_units (map);

  g_assert_cmpuint (units->units->len, ==, 20);
  for (guint i = 0; i < units->units->len; i++)
    {
      const AppealsGeoUnit *unit = g_ptr_array_index (units->units, i);
      const char *district = appeals_map_view_district_of (map_view, unit->osm_relation);
      g_autofree char *count = NULL;
      const char *figures = appeals_map_get_figures (map, unit->osm_relation);

      g_assert_nonnull (district);
      count = g_strdup_printf (": %" G_GINT64_FORMAT " ", district_count (report, district));
      if (strstr (figures, count) == NULL)
        g_error ("%s: \"%s\" does not say %s", district, figures, count);
    }
}

static void
check_prints (AppealsLineReportView *view,
              AppealsMapView        *map_view)
{
  const char *language = appeals_ui_language ();
  g_autofree char *report_name = g_strdup_printf ("report-%s.pdf", language);
  g_autofree char *map_name = g_strdup_printf ("map-%s.pdf", language);
  g_autofree char *png_name = g_strdup_printf ("map-%s.png", language);
  g_autofree char *report_path = appeals_test_ui_prints_path (report_name);
  g_autofree char *map_path = appeals_test_ui_prints_path (map_name);
  g_autofree char *png_path = appeals_test_ui_prints_path (png_name);
  g_autofree char *title = appeals_map_view_get_title (map_view);
  g_autofree char *subtitle = appeals_map_view_get_subtitle (map_view);
  g_autoptr(AppealsMapPrint) print = appeals_map_print_new (appeals_map_view_get_map (map_view), title, subtitle);
  g_autofree char *text = NULL, *map_text = NULL, *total = NULL, *cut = NULL;
  AppealsReport *report = appeals_line_report_view_get_report (view);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) picture = NULL;
  int n_pages = 0;

  g_assert_true (appeals_line_report_view_write_pdf (view, report_path, &error));
  g_assert_no_error (error);
  text = appeals_test_ui_read_pdf_text (report_path, &n_pages);
  g_assert_cmpint (n_pages, >=, 1);
  /* the totals as the page says them, and every table's title */
  total = g_strdup_printf (": %" G_GINT64_FORMAT, report->total);
  g_assert_nonnull (strstr (text, total));
  total = (g_free (total), g_strdup_printf (": %" G_GINT64_FORMAT, report->compare_total));
  g_assert_nonnull (strstr (text, total));
  g_assert_nonnull (strstr (text, g_str_equal (language, "kk") ? "өтініш" : "обращени"));
  /* no column's name nor a body's is cut short: they wrap */
  cut = appeals_test_ui_find_pdf_ellipsis (report_path);
  if (cut != NULL)
    g_error ("the report's PDF cuts \"%s\" short", cut);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), map_path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  map_text = appeals_test_ui_read_pdf_text (map_path, &n_pages);
  g_assert_cmpint (n_pages, ==, 1);
  g_assert_nonnull (strstr (map_text, "OpenStreetMap"));
  g_assert_nonnull (strstr (map_text, "ODbL"));
  g_assert_nonnull (strstr (map_text, g_str_equal (language, "kk") ? "Қостанай қаласы" : "г. Костанай"));

  g_assert_true (appeals_map_write_png (appeals_map_view_get_map (map_view), title, subtitle, png_path, &error));
  g_assert_no_error (error);
  picture = gdk_texture_new_from_filename (png_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (picture), ==, 1400);
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  AppealsWindow *window;
  AppealsLineReportView *view;
  AppealsMapView *map_view;
  Reports reports = { NULL };
  AppealsClassifier *questions;
  AppealsRanking *districts;
  const char *from_error = NULL, *to_error = NULL;
  g_autofree char *top = NULL;
  gint64 relation = 0;
  g_autofree char *from_text = NULL, *to_text = NULL;
  GDate today;

  appeals_test_ui_sign_in (app, "controller", "demo");
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1000);
  appeals_window_show_page (window, "analytics");
  view = line_report_of (window);
  map_view = appeals_line_report_view_get_map_view (view);
  reports.view = view;
  APPEALS_TEST_WAIT (both_loaded, &reports);

  check_map (map_view);
  appeals_test_ui_scroll_to (GTK_WIDGET (map_view));
  appeals_test_ui_screenshot (GTK_WIDGET (window), "analytics-map");

  /* one question character, coloured by change */
  questions = appeals_reference_service_get_classifier (appeals_context_get_reference_service (
                                                          appeals_window_get_context (window)),
                                                        APPEALS_CLASSIFIER_QUESTION_CHARACTERS);
  districts = appeals_report_get_ranking (appeals_line_report_view_get_report (view), APPEALS_REPORT_QUESTION_CHARACTER);
  g_assert_cmpuint (districts->rows->len, >, 0);
  g_assert_nonnull (appeals_classifier_lookup (questions, ((AppealsReportRow *) districts->rows->pdata[0])->key));
  reports.previous_map = appeals_map_view_get_report (map_view);
  reports.previous_report = NULL;
  appeals_map_view_set_question (map_view, ((AppealsReportRow *) districts->rows->pdata[0])->key);
  APPEALS_TEST_WAIT (both_loaded, &reports);
  g_assert_cmpint (appeals_map_view_get_report (map_view)->total, <,
                   appeals_line_report_view_get_report (view)->total);
  check_map (map_view);
  appeals_map_view_set_scale (map_view, APPEALS_MAP_SCALE_CHANGE);
  appeals_test_ui_scroll_to (GTK_WIDGET (map_view));
  appeals_test_ui_screenshot (GTK_WIDGET (window), "analytics-map-change");
  check_prints (view, map_view);

  /* the busiest unit, chosen on the map, ranks its own appeals */
  districts = appeals_report_get_ranking (appeals_line_report_view_get_report (view), APPEALS_REPORT_DISTRICT);
  /* a copy: the report goes when the district's comes */
  top = g_strdup (((AppealsReportRow *) districts->rows->pdata[0])->key);
  for (guint i = 0; i < appeals_map_get_units (appeals_map_view_get_map (map_view))->units->len; i++)
    {
      const AppealsGeoUnit *unit = g_ptr_array_index (appeals_map_get_units (appeals_map_view_get_map (map_view))->units, i);

      if (g_strcmp0 (appeals_map_view_district_of (map_view, unit->osm_relation), top) == 0)
        relation = unit->osm_relation;
    }
  g_assert_cmpint (relation, >, 0);
  reports.previous_report = appeals_line_report_view_get_report (view);
  reports.previous_map = appeals_map_view_get_report (map_view);
  appeals_map_focus_unit (appeals_map_view_get_map (map_view), relation);
  g_signal_emit_by_name (appeals_map_view_get_map (map_view), "unit-activated", relation);
  APPEALS_TEST_WAIT (both_loaded, &reports);
  g_assert_cmpstr (appeals_line_report_view_get_district (view), ==, top);
  districts = appeals_report_get_ranking (appeals_line_report_view_get_report (view), APPEALS_REPORT_DISTRICT);
  g_assert_cmpuint (districts->rows->len, ==, 1);
  g_assert_cmpstr (((AppealsReportRow *) districts->rows->pdata[0])->key, ==, top);
  appeals_test_ui_scroll_to (GTK_WIDGET (map_view));
  appeals_test_ui_screenshot (GTK_WIDGET (window), "analytics-map-district");

  /* a custom period whose end is before its start is not asked for */
  appeals_line_report_view_set_district (view, NULL);
  wait_for_new_reports (&reports, TRUE, TRUE);
  appeals_line_report_view_set_custom_period (view, "31.12.2026", "01.01.2026");
  appeals_test_ui_settle (300);
  g_assert_true (appeals_line_report_view_get_period_errors (view, &from_error, &to_error));
  g_assert_null (from_error);
  g_assert_nonnull (to_error);
  /* the last period's figures stay, greyed out, and are not exported as
   * if they were the period's typed */
  g_assert_false (gtk_widget_get_sensitive (appeals_test_ui_find_by_name (GTK_WIDGET (view), "line-report-tables")));
  g_assert_false (gtk_widget_get_sensitive (appeals_test_ui_find_by_name (GTK_WIDGET (view),
                                                                          "line-report-export-xlsx")));
  appeals_test_ui_scroll_to (gtk_widget_get_first_child (GTK_WIDGET (view)));
  appeals_test_ui_screenshot (GTK_WIDGET (window), "analytics-period-error");

  /* this year so far, typed: the same figures as the year's preset */
  appeals_date_get_today (&today);
  from_text = g_strdup_printf ("01.01.%04d", g_date_get_year (&today));
  to_text = g_strdup_printf ("%02d.%02d.%04d", g_date_get_day (&today), g_date_get_month (&today),
                             g_date_get_year (&today));
  reports.previous_report = appeals_line_report_view_get_report (view);
  reports.previous_map = appeals_map_view_get_report (map_view);
  {
    gint64 year_total = reports.previous_report->total;

    appeals_line_report_view_set_custom_period (view, from_text, to_text);
    APPEALS_TEST_WAIT (both_loaded, &reports);
    g_assert_false (appeals_line_report_view_get_period_errors (view, &from_error, &to_error));
    g_assert_cmpint (appeals_line_report_view_get_report (view)->total, ==, year_total);
    g_assert_true (gtk_widget_get_sensitive (appeals_test_ui_find_by_name (GTK_WIDGET (view), "line-report-tables")));
    g_assert_true (gtk_widget_get_sensitive (appeals_test_ui_find_by_name (GTK_WIDGET (view),
                                                                           "line-report-export-xlsx")));
  }
}

static void
test_map (void)
{
  g_assert_cmpint (appeals_test_ui_run (script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "120", NULL };
  int status;

  appeals_test_ui_init (&argc, &argv);
  server = appeals_test_server_start ("sqlite", args);
  g_settings_set_string (g_settings_new (APPLICATION_ID), "server-url", appeals_test_server_get_url (server));

  g_test_add_func ("/analytics/map", test_map);

  status = g_test_run ();
  appeals_test_server_free (server);
  return status;
}
