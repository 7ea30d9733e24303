/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-alerts.c: the growth alerts on the Analytics page in a real window
 * against a real server, in the language of $LANGUAGE (kk, ru), with
 * screenshots. Appeals of the demo are moved so that one question in one
 * district grows this month past the rule's threshold (2 a month in the
 * baseline, 6 now): the view shows that alert with its series as a line
 * chart and its numbers beside it, an analyst notes the cause and
 * measures in the dialog and the view shows them, and the alerted count
 * opens exactly its appeals in the journal.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-alert-note-dialog.h"
#include "appeals-journal-model.h"
#include "appeals-line-chart.h"
#include "appeals-line-report-view.h"
#include "appeals-map-view.h"
#include "appeals-quality-page.h"
#include "appeals-test-growth.h"
#include "appeals-test-ui.h"

#define DISTRICT  "rudny-city"
#define CHARACTER "housing"
#define SPAN      APPEALS_TEST_GROWTH_SPAN
#define NOW_COUNT 6

static AppealsTestServer *server;

static AppealsAlertsView *
alerts_of (AppealsWindow *window)
{
  return appeals_quality_page_get_alerts (APPEALS_QUALITY_PAGE (appeals_test_ui_get_page (window, "analytics")));
}

/* The position of the seeded alert, or -1. */
static int
seeded_alert (AppealsAlertsView *view)
{
  AppealsAlertList *alerts = appeals_alerts_view_get_alerts (view);

  for (guint i = 0; alerts != NULL && i < alerts->alerts->len; i++)
    {
      AppealsGrowthAlert *alert = g_ptr_array_index (alerts->alerts, i);

      if (g_str_equal (alert->series->district, DISTRICT) && g_str_equal (alert->series->question_character, CHARACTER))
        return i;
    }
  return -1;
}

static gboolean
alert_shown (AppealsWindow *window)
{
  AppealsAlertsView *view = alerts_of (window);
  int position = seeded_alert (view);

  return position >= 0 && appeals_alerts_view_get_row (view, position) != NULL;
}

static gboolean
alert_noted (AppealsWindow *window)
{
  AppealsAlertsView *view = alerts_of (window);
  int position = seeded_alert (view);

  return position >= 0 &&
         ((AppealsGrowthAlert *) g_ptr_array_index (appeals_alerts_view_get_alerts (view)->alerts, position))->cause
           != NULL;
}

static GtkWidget *
find_chart (GtkWidget *widget)
{
  if (APPEALS_IS_LINE_CHART (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chart (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  double x = 0, y = 0;

  /* laid out first, so that the page is as long as its figures */
  appeals_test_ui_settle (300);
  g_assert_true (gtk_widget_translate_coordinates (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                                   0, 0, &x, &y));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), y);
  appeals_test_ui_settle (300);
}

static gboolean
map_alerts_shown (AppealsMapView *map_view)
{
  return appeals_map_view_get_alerts (map_view) != NULL;
}

/* Coloured by alerts, each unit says how many the server lists for its
 * district in the map's period: asked of the server here, not of the
 * client's own list. */
static void
check_map_by_alerts (AppealsWindow *window)
{
  AppealsQualityPage *page = APPEALS_QUALITY_PAGE (appeals_test_ui_get_page (window, "analytics"));
  AppealsMapView *map_view = appeals_line_report_view_get_map_view (appeals_quality_page_get_line_report (page));
  AppealsMap *map = appeals_map_view_get_map (map_view);
  const AppealsGeoMap *units = appeals_map_get_units (map);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "analyst", "demo");
  g_autofree char *from_text = NULL, *to_text = NULL, *path = NULL;
  g_autoptr(AppealsTestResponse) answer = NULL;
  g_autoptr(GHashTable) per_district = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *alerts;
  GDate from, to;

  appeals_map_view_colour_by_alerts (map_view);
  APPEALS_TEST_WAIT (map_alerts_shown, map_view);
  g_assert_true (appeals_map_view_get_period (map_view, &from, &to));
  from_text = appeals_date_format_iso (&from);
  to_text = appeals_date_format_iso (&to);
  path = g_strdup_printf ("/api/v1/analytics/alerts?period=month&from=%s&to=%s", from_text, to_text);
  answer = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  g_assert_cmpint (answer->status, ==, 200);
  alerts = json_object_get_array_member (appeals_test_response_object (answer), "alerts");
  for (guint i = 0; i < json_array_get_length (alerts); i++)
    {
      const char *district = json_object_get_string_member (json_array_get_object_element (alerts, i), "district");

      g_hash_table_insert (per_district, (gpointer) district,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_district, district)) + 1));
    }
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_district, DISTRICT)), >=, 1);

  for (guint i = 0; i < units->units->len; i++)
    {
      const AppealsGeoUnit *unit = g_ptr_array_index (units->units, i);
      const char *district = appeals_map_view_district_of (map_view, unit->osm_relation);
      guint expected = GPOINTER_TO_UINT (g_hash_table_lookup (per_district, district));
      g_autofree char *says = g_strdup_printf (": %u ", expected);
      const char *figures = appeals_map_get_figures (map, unit->osm_relation);

      if (strstr (figures, says) == NULL)
        g_error ("%s: \"%s\" does not say %u alerts", district, figures, expected);
    }
  appeals_test_ui_screenshot (GTK_WIDGET (map_view), "analytics-map-alerts");
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  AppealsWindow *window;
  AppealsAlertsView *view;
  AppealsGrowthAlert *alert;
  AdwMessageDialog *dialog;
  GtkWidget *row, *chart;
  AppealsTestFigure figure = { app, NULL, NOW_COUNT };
  int position;

  appeals_test_ui_sign_in (app, "analyst", "demo");
  window = figure.window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  appeals_window_show_page (window, "analytics");
  view = alerts_of (window);
  APPEALS_TEST_WAIT (alert_shown, window);

  position = seeded_alert (view);
  alert = g_ptr_array_index (appeals_alerts_view_get_alerts (view)->alerts, position);
  g_assert_cmpint (alert->count, ==, NOW_COUNT);
  g_assert_cmpfloat (alert->mean, ==, 2.0);
  g_assert_cmpfloat (alert->threshold, ==, 5.0);
  g_assert_null (alert->cause);
  row = appeals_alerts_view_get_row (view, position);
  chart = find_chart (row);
  g_assert_nonnull (chart);
  g_assert_cmpuint (appeals_line_chart_get_n_points (APPEALS_LINE_CHART (chart)), ==, SPAN + 1);
  scroll_to (GTK_WIDGET (view));
  appeals_test_ui_screenshot (GTK_WIDGET (window), "analytics-alerts");

  /* the dialog, with the note typed in the window's language */
  dialog = ADW_MESSAGE_DIALOG (appeals_alerts_view_open_note (view, position));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  appeals_alert_note_dialog_set_text (APPEALS_ALERT_NOTE_DIALOG (dialog),
                                      g_str_equal (appeals_ui_language (), "kk")
                                        ? "Шағын ауданда жылу беру тоқтатылды"
                                        : "Отключение отопления в микрорайоне",
                                      g_str_equal (appeals_ui_language (), "kk")
                                        ? "Әкімдікке жылумен жабдықтауды қалпына келтіру тапсырылды"
                                        : "Акимату поручено восстановить теплоснабжение");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  appeals_test_ui_settle (300);
  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "analytics-alert-note");
  adw_message_dialog_response (dialog, "save");
  APPEALS_TEST_WAIT (alert_noted, window);
  appeals_test_ui_settle (300);
  appeals_test_ui_screenshot (GTK_WIDGET (view), "analytics-alerts-noted");

  check_map_by_alerts (window);

  /* the alerted month opens its appeals */
  g_signal_emit_by_name (appeals_alerts_view_get_row (view, seeded_alert (view)), "activate");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_shows_figure, &figure);
}

static void
test_alerts (void)
{
  appeals_test_seed_growth (server, DISTRICT, CHARACTER, NOW_COUNT);
  g_assert_cmpint (appeals_test_ui_run (script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "60", NULL };

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/analytics/alerts", test_alerts);
  return appeals_test_ui_run_tests (&server, args);
}
