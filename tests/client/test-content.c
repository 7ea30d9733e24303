/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-content.c: the content analysis on the analytics page, in the
 * language of $LANGUAGE, against a real server with demo data: a row per
 * term the server counted, in its order, with its counts beside the bar;
 * a question character or a district asked for narrows the terms; the
 * terms are written as CSV and XLSX (prints/content-terms-<lang>.csv,
 * .xlsx) and read back — the CSV as text, the XLSX with openpyxl — to
 * the same counts; a term opens the journal. Screenshot: analytics-content.
 */
#include "config.h"

#include <string.h>

#include "appeals-quality-page.h"
#include "appeals-test-ui.h"

typedef struct
{
  AppealsContentView  *view;
  AppealsContentTerms *previous;
} Loading;

static gboolean
terms_loaded (Loading *loading)
{
  AppealsContentTerms *terms = appeals_content_view_get_terms (loading->view);

  return terms != NULL && terms != loading->previous;
}

/* A label under @widget reads "<count> …<growth>…". */
static gboolean
shows_numbers (GtkWidget  *widget,
               const char *count,
               const char *growth)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), count) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), growth) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_numbers (child, count, growth))
      return TRUE;
  return FALSE;
}

/* Every term is a row, in the server's order, with its numbers. */
static void
check_rows (AppealsContentView *view)
{
  AppealsContentTerms *terms = appeals_content_view_get_terms (view);

  for (guint i = 0; i < terms->terms->len; i++)
    {
      AppealsContentTerm *term = g_ptr_array_index (terms->terms, i);
      GtkWidget *row = appeals_content_view_get_row (view, i);
      g_autofree char *count = g_strdup_printf ("%d", (int) term->count);
      g_autofree char *growth = g_strdup_printf ("+%d", (int) (term->count - term->compare_count));

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, term->term);
      g_assert_true (shows_numbers (row, count, growth));
      g_assert_cmpint (term->count, >, term->compare_count);
    }
  g_assert_null (appeals_content_view_get_row (view, terms->terms->len));
}

/* The exports hold a line per term: the term, its appeals, a year earlier's. */
static void
check_exports (AppealsContentView *view)
{
  AppealsContentTerms *terms = appeals_content_view_get_terms (view);
  g_autofree char *csv_name = g_strdup_printf ("content-terms-%s.csv", appeals_ui_language ());
  g_autofree char *xlsx_name = g_strdup_printf ("content-terms-%s.xlsx", appeals_ui_language ());
  g_autofree char *csv = appeals_test_ui_prints_path (csv_name);
  g_autofree char *xlsx = appeals_test_ui_prints_path (xlsx_name);
  g_autofree char *csv_text = NULL, *xlsx_text = NULL, *err = NULL;
  g_autoptr(GSubprocess) reader = NULL;
  g_autoptr(GError) error = NULL;
  /* the sheet's rows after its title and header, as the CSV's lines */
  const char *program = "import sys, openpyxl\n"
                        "sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
                        "for row in sheet.iter_rows(min_row=3, values_only=True):\n"
                        "    assert all(isinstance(v, (int, float)) for v in row[1:]), row\n"
                        "    print(','.join(str(v) if not isinstance(v, float) else str(int(v)) for v in row))\n";

  g_assert_true (appeals_content_view_write (view, FALSE, csv, &error));
  g_assert_no_error (error);
  g_assert_true (appeals_content_view_write (view, TRUE, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, &error));
  g_assert_true (g_str_has_prefix (csv_text, "\xEF\xBB\xBF"));
  reader = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             g_getenv ("APPEALS_PYTHON"), "-c", program, xlsx, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (reader, NULL, NULL, &xlsx_text, &err, &error));
  if (!g_subprocess_get_successful (reader))
    g_error ("the XLSX does not read back: %s", err);
  for (guint i = 0; i < terms->terms->len; i++)
    {
      AppealsContentTerm *term = g_ptr_array_index (terms->terms, i);
      g_autofree char *line = g_strdup_printf ("%s,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, term->term, term->count,
                                               term->compare_count);
      g_autofree char *csv_line = g_strdup_printf ("\r\n%s\r\n", line);
      g_autofree char *xlsx_line = g_strdup_printf ("%s\n", line);

      if (strstr (csv_text, csv_line) == NULL)
        g_error ("the CSV has no line %s", line);
      if (strstr (xlsx_text, xlsx_line) == NULL)
        g_error ("the XLSX has no row %s", line);
    }
}

static gboolean
journal_shown (AppealsWindow *window)
{
  GtkStack *pages = GTK_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (window), "pages"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (pages), "journal") == 0;
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  AppealsWindow *window;
  AppealsQualityPage *page;
  Loading loading = { NULL };
  AppealsContentTerms *terms;
  const char *question;

  appeals_test_ui_sign_in (app, "controller", "demo");
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1000);
  appeals_window_show_page (window, "analytics");
  page = APPEALS_QUALITY_PAGE (gtk_stack_get_child_by_name (GTK_STACK (appeals_test_ui_find_by_name (
                                                              GTK_WIDGET (window), "pages")), "analytics"));
  loading.view = appeals_quality_page_get_content (page);
  APPEALS_TEST_WAIT (terms_loaded, &loading);

  terms = appeals_content_view_get_terms (loading.view);
  g_assert_cmpuint (terms->terms->len, >, 0);
  check_rows (loading.view);
  appeals_test_ui_scroll_to (GTK_WIDGET (loading.view));
  appeals_test_ui_screenshot (GTK_WIDGET (loading.view), "analytics-content");
  check_exports (loading.view);

  /* one district: the server is asked for it */
  loading.previous = terms;
  appeals_content_view_set_district (loading.view, "kostanay-city");
  APPEALS_TEST_WAIT (terms_loaded, &loading);
  terms = appeals_content_view_get_terms (loading.view);
  g_assert_cmpstr (terms->only_district, ==, "kostanay-city");
  check_rows (loading.view);
  appeals_content_view_set_district (loading.view, NULL);
  loading.previous = terms;
  APPEALS_TEST_WAIT (terms_loaded, &loading);
  terms = appeals_content_view_get_terms (loading.view);
  g_assert_null (terms->only_district);

  /* one question character: the server is asked for it */
  question = "housing";
  loading.previous = terms;
  appeals_content_view_set_question_character (loading.view, question);
  APPEALS_TEST_WAIT (terms_loaded, &loading);
  g_assert_cmpstr (appeals_content_view_get_terms (loading.view)->only_question_character, ==, question);
  check_rows (loading.view);

  /* a term opens the journal */
  if (appeals_content_view_get_row (loading.view, 0) != NULL)
    {
      g_signal_emit_by_name (appeals_content_view_get_row (loading.view, 0), "activated");
      APPEALS_TEST_WAIT (journal_shown, window);
    }
}

static void
test_content (void)
{
  g_assert_cmpint (appeals_test_ui_run (script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "120", NULL };
  AppealsTestServer *server = NULL;

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/analytics/content", test_content);
  return appeals_test_ui_run_tests (&server, args);
}
