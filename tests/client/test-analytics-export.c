/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-analytics-export.c: the analytics service and the line report's
 * exports, without a display, in the language of $LANGUAGE: the service
 * reads the same figures as the server's JSON, and the XLSX and CSV files
 * written to build/screenshots/prints/ (report-<lang>.xlsx,
 * report-<lang>-<table>.csv) read back, with openpyxl and Python's csv
 * module, to the numbers of the JSON.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "appeals-context.h"
#include "appeals-report-export.h"
#include "appeals-test-server.h"

static AppealsTestServer *server;

static AppealsContext *
signed_in_context (const char *login)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(AppealsApiClient) client = appeals_api_client_new (appeals_test_server_get_url (server));
  AppealsContext *context = appeals_context_new (settings, client);
  AppealsSessionService *sessions = appeals_context_get_session_service (context);
  AppealsReferenceService *reference = appeals_context_get_reference_service (context);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refreshed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(AppealsUser) user = NULL;

  appeals_session_service_sign_in_async (sessions, login, "demo", NULL, appeals_test_on_done, &result);
  user = appeals_session_service_sign_in_finish (sessions, appeals_test_wait_for (&result), &token, &error);
  g_assert_no_error (error);
  appeals_api_client_set_token (client, token);
  appeals_api_client_set_user (client, user);

  /* the classifiers name the rows */
  appeals_reference_service_refresh_async (reference, NULL, appeals_test_on_done, &refreshed);
  g_assert_true (appeals_reference_service_refresh_finish (reference, appeals_test_wait_for (&refreshed), &error));
  g_assert_no_error (error);
  return context;
}

static char *
prints_dir (void)
{
  const char *screenshots = g_getenv ("APPEALS_SCREENSHOT_DIR");
  char *dir = g_build_filename (screenshots != NULL ? screenshots : g_get_tmp_dir (), "prints", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

static void
test_export (void)
{
  g_autoptr(AppealsContext) context = signed_in_context ("controller");
  AppealsAnalyticsService *analytics = appeals_context_get_analytics_service (context);
  AppealsReferenceService *reference = appeals_context_get_reference_service (context);
  const char *language = appeals_ui_language ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsReport) report = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(AppealsTestResponse) raw = NULL;
  g_autofree char *token = appeals_test_sign_in (server, "controller", "demo");
  g_autofree char *dir = prints_dir ();
  g_autofree char *json_path = NULL, *xlsx_path = NULL, *prefix = NULL, *path = NULL;
  g_autofree char *from_text = NULL, *to_text = NULL, *out = NULL, *err = NULL;
  g_autoptr(GSubprocess) check = NULL;
  JsonObject *object;
  AppealsReportPeriods periods;
  GDate today, from, to;

  /* this year so far: the demo's appeals of the last months */
  appeals_date_get_today (&today);
  appeals_report_preset_range (APPEALS_REPORT_PRESET_YEAR, &today, &from, &to);
  g_assert_cmpint (g_date_get_day (&from), ==, 1);
  g_assert_cmpint (g_date_get_month (&from), ==, 1);

  appeals_report_periods_init (&periods, &from, &to);
  appeals_analytics_service_line_report_async (analytics, &periods, NULL, appeals_test_on_done, &result);
  report = appeals_analytics_service_line_report_finish (analytics, appeals_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->total, >, 0);
  g_assert_cmpuint (report->rankings->len, ==, 8);

  /* the JSON the exports are compared with, as the server sent it */
  from_text = appeals_date_format_iso (&from);
  to_text = appeals_date_format_iso (&to);
  path = g_strdup_printf ("/api/v1/analytics/line-report?from=%s&to=%s", from_text, to_text);
  raw = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  g_assert_cmpuint (raw->status, ==, 200);
  object = appeals_test_response_object (raw);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, report->total);
  g_assert_cmpint (json_object_get_int_member (object, "compare_total"), ==, report->compare_total);

  json_path = g_strdup_printf ("%s/report-%s.json", dir, language);
  xlsx_path = g_strdup_printf ("%s/report-%s.xlsx", dir, language);
  prefix = g_strdup_printf ("%s/report-%s", dir, language);
  g_assert_true (g_file_set_contents (json_path, raw->text, -1, &error));
  g_assert_true (appeals_report_write_xlsx (report, reference, xlsx_path, &error));
  g_assert_no_error (error);
  g_assert_true (appeals_report_write_csv_all (report, reference, dir, prefix + strlen (dir) + 1, &error));
  g_assert_no_error (error);

  check = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                            g_getenv ("APPEALS_XLSX_PYTHON"), g_getenv ("APPEALS_CHECK_REPORT_EXPORT"),
                            json_path, xlsx_path, prefix, language, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (check, NULL, NULL, &out, &err, &error));
  g_test_message ("%s%s", out, err);
  if (!g_subprocess_get_successful (check))
    g_error ("the exports do not read back to the JSON: %s", err);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "80", NULL };
  int status;

  appeals_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  server = appeals_test_server_start ("sqlite", args);

  g_test_add_func ("/analytics/export", test_export);

  status = g_test_run ();
  appeals_test_server_free (server);
  return status;
}
