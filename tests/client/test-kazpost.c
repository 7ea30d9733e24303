/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-kazpost.c: a Kazpost batch at the intake desk, driven by real key
 * events (XTEST) as a barcode scanner sends them: each code typed in one
 * burst and ended by Enter. The receiver opens a batch, scans the
 * courier's list, then the envelopes; a code with a wrong check digit is
 * refused at once with a message and never reaches the batch, a second
 * scan of an envelope likewise. The batch shows matched, missing, not on
 * the list and, once one envelope is marked, wrong addressee; taken up
 * again it is the same batch. Closing it enters the two envelopes
 * received into the journal and opens the print of the courier's list,
 * printed here to prints/kazpost-list-kk.pdf or -ru.pdf; screenshots of
 * the batch (kazpost-batch) in the language of $LANGUAGE.
 */
#include "config.h"

#include "appeals-intake-batch.h"
#include "appeals-intake-page.h"
#include "appeals-print.h"
#include "appeals-test-keys.h"
#include "test-receptions.h"

#define LIST_CODES "RR123456785KZ\nRA473124829KZ\nCP049382680KZ\n"
#define BAD_CODE "RR123456784KZ"
#define ENVELOPES "rr123456785kz\nEE229629645RU\nRA473124829KZ\n"

typedef struct
{
  AppealsIntakeBatch *view;
  guint               counts[APPEALS_KAZPOST_N_ITEM_STATES];
} Expected;

static gboolean
batch_is (Expected *expected)
{
  AppealsKazpostBatch *batch = appeals_intake_batch_get_batch (expected->view);

  if (appeals_intake_batch_is_busy (expected->view) || batch == NULL)
    return FALSE;
  for (guint s = APPEALS_KAZPOST_ITEM_MATCHED; s < APPEALS_KAZPOST_N_ITEM_STATES; s++)
    if (appeals_kazpost_batch_count (batch, s) != expected->counts[s])
      return FALSE;
  return TRUE;
}

/* Waits until the batch holds @matched, @missing, @not_on_list, @wrong. */
static void
wait_for_counts (AppealsIntakeBatch *view,
                 guint               matched,
                 guint               missing,
                 guint               not_on_list,
                 guint               wrong)
{
  Expected expected = { view, { 0, matched, missing, not_on_list, wrong } };

  APPEALS_TEST_WAIT (batch_is, &expected);
}

static gboolean
page_and_view_idle (AppealsIntakePage *page)
{
  GtkWidget *view = appeals_test_ui_find_by_name (GTK_WIDGET (page), "kazpost-batch");

  return !appeals_intake_page_is_busy (page) && !appeals_intake_batch_is_busy (APPEALS_INTAKE_BATCH (view));
}

static gboolean
two_in_journal (AppealsIntakePage *page)
{
  return !appeals_intake_page_is_busy (page) && appeals_intake_page_get_n_receipts (page) == 2;
}

/* The scanner has the keyboard, as the receiver left it. */
static void
assert_scanner_focused (GtkWindow *window)
{
  GtkWidget *scanner = appeals_test_ui_find_by_name (GTK_WIDGET (window), "kazpost-scanner");
  GtkWidget *focus = gtk_window_get_focus (window);

  g_assert_true (focus != NULL && (focus == scanner || gtk_widget_is_ancestor (focus, scanner)));
}

typedef struct
{
  AppealsIntakeBatch *view;
  const char         *code;
} Told;

static gboolean
told_about (Told *told)
{
  return !appeals_intake_batch_is_busy (told->view) &&
         strstr (appeals_intake_batch_get_message (told->view), told->code) != NULL;
}

/* The desk is told that @code was refused, once the keys are handled. */
static void
wait_until_told (AppealsIntakeBatch *view,
                 const char         *code)
{
  Told told = { view, code };
  GtkWidget *status = appeals_test_ui_find_by_name (GTK_WIDGET (view), "kazpost-status");

  APPEALS_TEST_WAIT (told_about, &told);
  /* refused, not entered: the message shows as an error */
  g_assert_true (gtk_widget_has_css_class (status, "error"));
}

static void
check_list (AppealsIntakeBatch *view,
            gboolean            kk)
{
  g_autoptr(AppealsKazpostList) list = appeals_intake_batch_new_list (view);
  g_autofree char *path = appeals_test_ui_prints_path (kk ? "kazpost-list-kk.pdf" : "kazpost-list-ru.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *expected[] = {
    kk ? "Пошта жөнелтілімдерін қабылдау тізілімі" : "Реестр приёма почтовых отправлений",
    kk ? "Қабылданды" : "Принято", "RR123456785KZ", "EE229629645RU", "-0001", "-0002",
    kk ? "тізімде жоқ" : "нет в реестре",
    kk ? "Тізімде бар, бірақ келмеді" : "Указаны в реестре, но не поступили", "CP049382680KZ",
    kk ? "Қайтарылады" : "Возвращаются", "RA473124829KZ",
    "Жұмабаев Ерлан", "Ахметова Гүлнар Серікқызы", kk ? "Қабылдап алды" : "Принял(а)", NULL
  };

  g_assert_nonnull (list);
  g_assert_true (appeals_print_export_pdf (GTK_PRINT_OPERATION (list), path, NULL, &error));
  g_assert_no_error (error);
  text = read_pdf_text (path);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("the courier's list lacks “%s”: %s", expected[i], text);
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  gboolean kk = g_str_has_prefix (g_getenv ("LANGUAGE"), "kk");
  AppealsWindow *window;
  AppealsIntakePage *page;
  AppealsIntakeBatch *view;
  gint64 id;

  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_signed_in, app);
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 1000);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "intake");
  page = APPEALS_INTAKE_PAGE (appeals_test_ui_find_by_name (GTK_WIDGET (window), "intake-page"));
  view = APPEALS_INTAKE_BATCH (appeals_test_ui_find_by_name (GTK_WIDGET (window), "kazpost-batch"));
  APPEALS_TEST_WAIT (page_and_view_idle, page);
  g_assert_null (appeals_intake_batch_get_batch (view));

  /* a batch for the courier; the scanner takes the keyboard */
  appeals_test_ui_type (GTK_WIDGET (window), "kazpost-courier", "Жұмабаев Ерлан");
  gtk_widget_activate_action (GTK_WIDGET (view), "batch.open", NULL);
  wait_for_counts (view, 0, 0, 0, 0);
  appeals_test_keys_focus (GTK_WINDOW (window));
  assert_scanner_focused (GTK_WINDOW (window));

  /* the list at scanner speed, then a code with a wrong check digit */
  appeals_test_keys_scan (LIST_CODES);
  wait_for_counts (view, 0, 3, 0, 0);
  appeals_test_keys_scan (BAD_CODE "\n");
  wait_until_told (view, BAD_CODE);
  g_assert_null (appeals_kazpost_batch_find (appeals_intake_batch_get_batch (view), BAD_CODE));
  wait_for_counts (view, 0, 3, 0, 0);

  /* the envelopes (Ctrl+E): two of the list, one that is not on it */
  appeals_test_keys_press ("<Control>e");
  assert_scanner_focused (GTK_WINDOW (window));
  appeals_test_keys_scan (ENVELOPES);
  wait_for_counts (view, 2, 1, 1, 0);
  /* the same envelope again is refused at once */
  appeals_test_keys_scan ("RR123456785KZ\n");
  wait_until_told (view, "RR123456785KZ");
  wait_for_counts (view, 2, 1, 1, 0);

  /* one envelope is someone else's */
  gtk_widget_activate_action (GTK_WIDGET (view), "batch.return", "s", "RA473124829KZ");
  wait_for_counts (view, 1, 1, 1, 1);
  appeals_test_ui_scroll_to (GTK_WIDGET (view));
  appeals_test_ui_screenshot (GTK_WIDGET (window), "kazpost-batch");

  /* taken up again, as after a restart: the same batch */
  id = appeals_intake_batch_get_batch (view)->id;
  appeals_intake_batch_reload (view);
  wait_for_counts (view, 1, 1, 1, 1);
  g_assert_cmpint (appeals_intake_batch_get_batch (view)->id, ==, id);

  /* closed: two envelopes in the journal, the list's print opens */
  gtk_widget_activate_action (GTK_WIDGET (view), "batch.close", NULL);
  cancel_print_dialog ();
  APPEALS_TEST_WAIT (two_in_journal, page);
  g_assert_null (appeals_intake_batch_get_batch (view));
  /* an envelope not opened yet is named in the desk's language, by its
   * barcode (the server keeps "Kazpost <code>" as its note) */
  {
    g_autofree char *named = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Kazpost envelope %s"), "");
    GtkWidget *journal = appeals_test_ui_find_by_name (GTK_WIDGET (page), "intake-journal");

    g_assert_nonnull (appeals_test_ui_find_row (journal, g_strstrip (named), APPEALS_TEST_TITLE_CONTAINS));
    g_assert_null (appeals_test_ui_find_row (journal, "Kazpost ", APPEALS_TEST_TITLE_CONTAINS));
  }
  appeals_test_ui_screenshot (GTK_WIDGET (window), "kazpost-closed");
  check_list (view, kk);
}

static void
test_kazpost_batch (void)
{
  if (!appeals_test_keys_available ())
    g_error ("the X server has no XTEST extension: the scanner cannot be simulated");
  g_assert_cmpint (appeals_test_ui_run (script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", NULL };

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/intake/kazpost-batch-by-scanner", test_kazpost_batch);
  return appeals_test_ui_run_tests (&server, args);
}
