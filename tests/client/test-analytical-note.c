/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-analytical-note.c: the semi-annual analytical note, in the
 * language of $LANGUAGE, against a real server with demo data. The
 * Analytics page's button opens the note's dialog (screenshot
 * analytical-note-dialog); the note of the current half-year is written
 * the way the dialog's save writes it, as prints/note-<lang>.fodt and
 * .pdf. The .fodt is read back by check-analytical-note.py — well-formed
 * OpenDocument with embedded PNG pictures, real tables, and the
 * half-year's total equal to the server's line report total for the
 * period, asked separately — and the PDF's text (poppler) holds the same
 * total, the busiest districts' names in the note's language and the
 * cause an analyst recorded on the growth alert seeded in the demo's
 * data this month (appeals-test-growth.c).
 */
#include "config.h"

#include <string.h>

#include "appeals-analytical-note.h"
#include "appeals-note-dialog.h"
#include "appeals-quality-page.h"
#include "appeals-test-growth.h"
#include "appeals-test-ui.h"

typedef struct
{
  gboolean  done;
  char     *path;
  gpointer  result;
} Waiting;

static gboolean
is_done (Waiting *waiting)
{
  return waiting->done;
}

static void
on_note_written (AppealsQualityPage *page,
                 const char         *path,
                 Waiting            *waiting)
{
  waiting->path = g_strdup (path);
  waiting->done = TRUE;
}

/* A service's answer: the report or alerts it gave, or the note taken. */
static void
on_answer (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AppealsAnalyticsService *analytics = APPEALS_ANALYTICS_SERVICE (source);
  Waiting *waiting = user_data;
  g_autoptr(GError) error = NULL;

  if (g_async_result_is_tagged (result, appeals_analytics_service_line_report_async))
    waiting->result = appeals_analytics_service_line_report_finish (analytics, result, &error);
  else if (g_async_result_is_tagged (result, appeals_analytics_service_alerts_async))
    waiting->result = appeals_analytics_service_alerts_finish (analytics, result, &error);
  else
    waiting->result = appeals_analytics_service_note_alert_finish (analytics, result, &error);
  g_assert_no_error (error);
  waiting->done = TRUE;
}

/* The half-year of the server's today (Kazakhstan time, UTC+5), which
 * holds the demo's appeals. */
static void
current_half (int *year,
              int *half)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  *year = g_date_time_get_year (now);
  *half = g_date_time_get_month (now) <= 6 ? 1 : 2;
}

static AppealsTestServer *server;

/* The cause an analyst records on the half-year's first growth alert. */
static char *
note_an_alert (AppealsAnalyticsService *analytics,
               const GDate             *from,
               const GDate             *to)
{
  g_autoptr(AppealsAlertList) alerts = NULL;
  Waiting waiting = { FALSE };
  AppealsGrowthAlert *alert;
  const char *cause = g_str_equal (appeals_ui_language (), "kk") ? "Шағын ауданда жылу беру тоқтатылды"
                                                                  : "Отключение отопления в микрорайоне";

  appeals_analytics_service_alerts_async (analytics, APPEALS_PERIOD_MONTH, from, to, NULL, on_answer,
                                          &waiting);
  APPEALS_TEST_WAIT (is_done, &waiting);
  alerts = waiting.result;
  g_assert_cmpuint (alerts->alerts->len, >, 0);
  alert = g_ptr_array_index (alerts->alerts, 0);
  waiting.done = FALSE;
  appeals_analytics_service_note_alert_async (analytics, alert->id, cause,
                                              g_str_equal (appeals_ui_language (), "kk")
                                                ? "Әкімдікке жылумен жабдықтауды қалпына келтіру тапсырылды"
                                                : "Акимату поручено восстановить теплоснабжение",
                                              NULL, on_answer, &waiting);
  APPEALS_TEST_WAIT (is_done, &waiting);
  appeals_growth_alert_free (waiting.result);
  return g_strdup (cause);
}

/* The page has its figures: the session is in. */
static gboolean
page_loaded (AppealsQualityPage *page)
{
  return appeals_line_report_view_get_report (appeals_quality_page_get_line_report (page)) != NULL;
}

static void
check_dialog (AppealsApplication *app,
              AppealsQualityPage *page)
{
  GtkWidget *button = appeals_test_ui_find_by_name (GTK_WIDGET (page), "note-button");
  AppealsNoteDialog *dialog = NULL;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (APPEALS_IS_NOTE_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  appeals_note_dialog_set_choice (dialog, 2026, 2, appeals_ui_language ());
  g_assert_cmpint (appeals_note_dialog_get_half (dialog), ==, 2);
  g_assert_cmpstr (appeals_note_dialog_get_language (dialog), ==, appeals_ui_language ());
  appeals_test_ui_settle (300);
  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "analytical-note-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  const char *language = appeals_ui_language ();
  AppealsWindow *window;
  AppealsQualityPage *page;
  AppealsContext *context;
  AppealsReferenceService *reference;
  AppealsClassifier *districts;
  AppealsRanking *ranking;
  g_autoptr(AppealsReport) report = NULL;
  g_autofree char *cause = NULL, *text = NULL, *total = NULL, *out = NULL, *err = NULL;
  g_autofree char *name = g_strdup_printf ("note-%s.fodt", language);
  g_autofree char *fodt = appeals_test_ui_prints_path (name);
  g_autofree char *pdf = NULL;
  g_autoptr(GPtrArray) check_args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) check = NULL;
  g_autoptr(GError) error = NULL;
  Waiting waiting = { FALSE };
  AppealsReportPeriods periods;
  GDate from, to, compare_from, compare_to;
  int year, half, n_pages = 0;

  appeals_test_ui_sign_in (app, "analyst", "demo");
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  appeals_window_show_page (window, "analytics");
  page = APPEALS_QUALITY_PAGE (appeals_test_ui_get_page (window, "analytics"));
  context = appeals_window_get_context (window);
  reference = appeals_context_get_reference_service (context);
  APPEALS_TEST_WAIT (page_loaded, page);
  check_dialog (app, page);

  current_half (&year, &half);
  appeals_analytical_note_half_range (year, half, &from, &to);
  cause = note_an_alert (appeals_context_get_analytics_service (context), &from, &to);

  /* the server's own total for the half-year, asked apart from the note */
  appeals_report_year_earlier (&from, &to, &compare_from, &compare_to);
  appeals_report_periods_init (&periods, &from, &to);
  periods.compare_from = compare_from;
  periods.compare_to = compare_to;
  appeals_analytics_service_line_report_async (appeals_context_get_analytics_service (context), &periods, NULL,
                                               on_answer, &waiting);
  APPEALS_TEST_WAIT (is_done, &waiting);
  report = waiting.result;
  g_assert_cmpint (report->total, >, 0);
  total = g_strdup_printf ("%" G_GINT64_FORMAT, report->total);

  /* the note, as the dialog's save writes it */
  waiting = (Waiting) { FALSE };
  g_signal_connect (page, "note-written", G_CALLBACK (on_note_written), &waiting);
  appeals_quality_page_write_note (page, year, half, language, fodt);
  APPEALS_TEST_WAIT (is_done, &waiting);
  g_signal_handlers_disconnect_by_func (page, on_note_written, &waiting);
  g_assert_cmpstr (waiting.path, ==, fodt);
  g_free (waiting.path);
  pdf = g_strdup_printf ("%.*s.pdf", (int) strlen (fodt) - 5, fodt);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* the editable text, read back */
  districts = appeals_reference_service_get_classifier (reference, APPEALS_CLASSIFIER_DISTRICTS);
  ranking = appeals_report_get_ranking (report, APPEALS_REPORT_DISTRICT);
  g_assert_nonnull (ranking);
  g_assert_cmpuint (ranking->rows->len, >=, 3);
  g_ptr_array_add (check_args, g_strdup (g_getenv ("APPEALS_PYTHON")));
  g_ptr_array_add (check_args, g_strdup (g_getenv ("APPEALS_CHECK_ANALYTICAL_NOTE")));
  g_ptr_array_add (check_args, g_strdup (fodt));
  g_ptr_array_add (check_args, g_strdup (total));
  g_ptr_array_add (check_args, g_strdup (language));
  for (guint r = 0; r < 3; r++)
    g_ptr_array_add (check_args,
                     g_strdup (appeals_classifier_get_label (districts,
                                                             ((AppealsReportRow *) ranking->rows->pdata[r])->key,
                                                             language)));
  g_ptr_array_add (check_args, g_strdup (cause));
  g_ptr_array_add (check_args, NULL);
  check = g_subprocess_newv ((const char * const *) check_args->pdata,
                             G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (check, NULL, NULL, &out, &err, &error));
  g_test_message ("%s%s", out, err);
  if (!g_subprocess_get_successful (check))
    g_error ("the note's text does not read back: %s", err);

  /* the PDF: the total and the busiest districts in the note's language */
  text = appeals_test_ui_read_portrait_pdf_text (pdf, &n_pages);
  g_assert_cmpint (n_pages, >=, 3);
  g_assert_nonnull (strstr (text, total));
  for (guint r = 0; r < 3; r++)
    {
      const char *label = appeals_classifier_get_label (districts, ((AppealsReportRow *) ranking->rows->pdata[r])->key,
                                                        language);

      if (strstr (text, label) == NULL)
        g_error ("the PDF does not name %s", label);
    }
  g_assert_nonnull (strstr (text, g_str_equal (language, "kk") ? "талдамалық жазба" : "Аналитическая записка"));
  g_assert_nonnull (strstr (text, cause));
}

static void
test_analytical_note (void)
{
  appeals_test_seed_growth (server, "rudny-city", "housing", 6);
  g_assert_cmpint (appeals_test_ui_run (script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "300", NULL };

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/analytics/analytical-note", test_analytical_note);
  return appeals_test_ui_run_tests (&server, args);
}
