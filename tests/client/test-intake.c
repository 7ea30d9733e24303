/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-intake.c: the Intake section in a real window against a real
 * server, in the language of $LANGUAGE (kk, ru), with its screenshot and
 * the talons as PDF (prints/talon-kk.pdf, talon-ru.pdf,
 * talon-duplicate-kk.pdf). A receiver types a known IIN — the name comes
 * from the card — and receives the appeal: the receipt joins the day's
 * journal as number 1 and the talon's print opens at once; a second
 * visitor without an IIN gets number 2 and a Russian talon. The talons
 * state the number, the receiver, the department from the letterhead and
 * the legal term in the applicant's language; a reprint says "duplicate".
 * The head of intake hands the day's receipts over to the two registrars
 * (prints/handover-kk.pdf or handover-ru.pdf, in the desk's language).
 * A registrar imports a file from the electronic channels: a CSV with a
 * wrong IIN and an unknown channel shows those rows' errors and cannot be
 * imported; a JSON file is previewed, imported into the journal, and
 * chosen again finds nothing new (screenshots intake-import-errors,
 * intake-import-preview, intake-import-done).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "appeals-intake-import-dialog.h"
#include "appeals-intake-page.h"
#include "test-receptions.h"

#define KNOWN_IIN "061211600012"

static void
seed (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "registrar", "demo");
  g_autoptr(AppealsTestResponse) response =
    appeals_test_request (server, session, "POST", "/api/v1/applicants", token,
                          "{\"iin\":\"" KNOWN_IIN "\",\"surname\":\"Сейтқали\",\"given_name\":\"Әлия\","
                          "\"address\":\"Қостанай қ., Абай даңғылы, 5\"}", NULL);

  if (response->status != 201)
    g_error ("applicant: %u %s", response->status, response->text);
}

static AppealsIntakePage *
get_page (AppealsWindow *window)
{
  return APPEALS_INTAKE_PAGE (appeals_test_ui_find_by_name (GTK_WIDGET (window), "intake-page"));
}

static gboolean
page_idle (AppealsIntakePage *page)
{
  return !appeals_intake_page_is_busy (page);
}

/* Signs in as @login and shows the Intake section, its journal loaded. */
static AppealsIntakePage *
open_intake (AppealsApplication  *app,
             const char          *login,
             AppealsWindow      **window)
{
  AppealsIntakePage *page;

  appeals_test_ui_sign_in (app, login, "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_signed_in, app);
  *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1300, 900);
  gtk_widget_activate_action (GTK_WIDGET (*window), "win.show-page", "s", "intake");
  page = get_page (*window);
  APPEALS_TEST_WAIT (page_idle, page);
  return page;
}

static gboolean
name_filled (GtkWidget *window)
{
  GtkWidget *name = appeals_test_ui_find_by_name (window, "intake-name");

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (name)), "Сейтқали Әлия") == 0;
}

static gboolean
two_receipts (AppealsIntakePage *page)
{
  return !appeals_intake_page_is_busy (page) && appeals_intake_page_get_n_receipts (page) == 2;
}

static gboolean
one_receipt (AppealsIntakePage *page)
{
  return !appeals_intake_page_is_busy (page) && appeals_intake_page_get_n_receipts (page) == 1;
}

static void
check_talon (AppealsIntakePage *page,
             guint              position,
             gboolean           duplicate,
             const char        *name,
             const char * const *expected)
{
  g_autoptr(AppealsTalon) talon = appeals_intake_page_new_talon (page, position, duplicate);
  g_autofree char *text = export_pdf_text (GTK_PRINT_OPERATION (talon), name);

  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("%s lacks “%s”: %s", name, expected[i], text);
  if (!duplicate && (strstr (text, "ТЕЛНҰСҚА") != NULL || strstr (text, "ДУБЛИКАТ") != NULL))
    g_error ("%s is the original, yet says duplicate", name);
}

static gboolean
split_printed (AppealsIntakePage *page)
{
  return !appeals_intake_page_is_busy (page) && find_print_dialog () != NULL;
}

static void
head_script (AppealsApplication *app,
             gpointer            user_data)
{
  AppealsWindow *window;
  AppealsIntakePage *page;
  g_autoptr(AppealsHandoverSheet) sheet = NULL;
  g_autofree char *text = NULL;
  gboolean kk = g_str_has_prefix (g_getenv ("LANGUAGE"), "kk");
  const char *expected[] = { kk ? "Өтініштерді тіркеуге беру парағы" : "Лист передачи обращений на регистрацию",
                             "Ахметова Гүлнар Серікқызы", "Кравченко Ольга Викторовна",
                             kk ? "Қабылдап алды" : "Принял(а)", "-0001", "-0002", NULL };

  page = open_intake (app, "head", &window);
  g_assert_true (gtk_widget_get_visible (appeals_test_ui_find_by_name (GTK_WIDGET (window), "intake-distribute")));

  /* the two receipts of the first test: one to each registrar */
  appeals_intake_page_distribute (page, NULL);
  APPEALS_TEST_WAIT (split_printed, page);
  cancel_print_dialog ();
  APPEALS_TEST_WAIT (page_idle, page);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "intake-handed-over");

  sheet = appeals_intake_page_new_handover_sheet (page);
  text = export_pdf_text (GTK_PRINT_OPERATION (sheet), kk ? "handover-kk.pdf" : "handover-ru.pdf");
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("the handover sheet lacks “%s”: %s", expected[i], text);
}

static const char import_csv[] =
  "external_number,date,channel,iin,applicant_name,address,text,attachments\n"
  "ЖТ-Т-2026-00101,2026-11-27,egov,061211600013,Сейтқали Әлия,Абай к-сі 12,Мектепке орын беруді сұраймын.,\n"
  "ЖТ-Т-2026-00102,2026-11-27,telegram,,Иванов Пётр,,Прошу отремонтировать дорогу.,\n"
  "VP-7,2026-11-28,virtual-reception,,Омаров Бауыржан,,Жалоба на бездействие акимата.,скан.pdf\n";

static const char import_json[] =
  "[{\"external_number\":\"ЖТ-Т-2026-00201\",\"date\":\"2026-11-27\",\"channel\":\"egov\","
  "\"iin\":\"" KNOWN_IIN "\",\"applicant_name\":\"Сейтқали Әлия\",\"address\":\"Қостанай қ., Абай к-сі, 12\","
  "\"text\":\"Мектепке орын беруді сұраймын.\",\"attachments\":[\"өтініш.pdf\"]},"
  "{\"external_number\":\"ЖТ-Т-2026-00202\",\"date\":\"2026-11-28\",\"channel\":\"eotinish\",\"iin\":\"\","
  "\"applicant_name\":\"Иванов Пётр\",\"address\":\"г. Рудный\",\"text\":\"Прошу отремонтировать дорогу.\"},"
  "{\"external_number\":\"VP-8\",\"date\":\"2026-11-29\",\"channel\":\"virtual-reception\",\"iin\":\"\","
  "\"applicant_name\":\"Омаров Бауыржан\",\"address\":null,\"text\":\"Жалоба на бездействие акимата.\"}]";

static gboolean
import_idle (AppealsIntakeImportDialog *dialog)
{
  return !appeals_intake_import_dialog_is_busy (dialog);
}

static guint expected_receipts;

static gboolean
journal_has_expected (AppealsIntakePage *page)
{
  return !appeals_intake_page_is_busy (page) && appeals_intake_page_get_n_receipts (page) == expected_receipts;
}

/* Writes @content to a file named @name and has @dialog preview it. */
static void
preview_file (AppealsIntakeImportDialog *dialog,
              const char                *name,
              const char                *content)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, content, -1, &error));
  appeals_intake_import_dialog_load_file (dialog, file);
  APPEALS_TEST_WAIT (import_idle, dialog);
  g_unlink (path);
}

/* The receipt listed at @position of today's journal, as the server has it. */
static JsonObject *
journal_receipt (guint position)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "controller", "demo");
  g_autoptr(AppealsTestResponse) response = appeals_test_request (server, session, "GET", "/api/v1/receipts", token,
                                                                  NULL, NULL);
  JsonArray *items = json_object_get_array_member (appeals_test_response_object (response), "items");

  return json_object_ref (json_array_get_object_element (items, position));
}

static gint64
receipt_appeal (guint position)
{
  g_autoptr(JsonObject) receipt = journal_receipt (position);

  return json_object_get_int_member (receipt, "appeal_id");
}

static gboolean
card_open (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW) != NULL;
}

/* The talon's barcode scanned into the page finds the receipt and opens
 * its registration. */
static void
scan_talon (AppealsApplication *app,
            AppealsWindow      *window,
            guint               position)
{
  g_autoptr(JsonObject) receipt = journal_receipt (position);
  GtkWidget *entry = appeals_test_ui_find_by_name (GTK_WIDGET (window), "intake-talon");
  AppealsCardWindow *card;

  gtk_editable_set_text (GTK_EDITABLE (entry), json_object_get_string_member (receipt, "talon_number"));
  g_signal_emit_by_name (entry, "activate");
  APPEALS_TEST_WAIT (card_open, app);
  card = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  g_assert_cmpint (appeals_card_window_get_receipt_id (card), ==, json_object_get_int_member (receipt, "id"));
  g_assert_cmpstr (appeals_card_form_get_text (appeals_card_window_get_form (card), "surname"), ==, "Иванов");
  gtk_window_destroy (GTK_WINDOW (card));
}

/* "Register" on the imported receipt at @position: the card starts from
 * it, and once saved the receipt names the appeal. */
static void
register_receipt (AppealsApplication *app,
                  AppealsIntakePage  *page,
                  guint               position)
{
  AppealsCardWindow *card;
  AppealsCardForm *form;

  g_assert_cmpint (receipt_appeal (position), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "intake.register", "u", position);
  card = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  g_assert_nonnull (card);
  form = appeals_card_window_get_form (card);
  g_assert_cmpstr (appeals_card_form_get_text (form, "iin"), ==, KNOWN_IIN);
  g_assert_cmpstr (appeals_card_form_get_text (form, "surname"), ==, "Сейтқали");
  g_assert_cmpstr (appeals_card_form_get_choice (form, "channel"), ==, "egov");
  g_assert_cmpstr (appeals_card_form_get_choice (form, "language"), ==, "kk");
  g_assert_nonnull (strstr (appeals_card_form_get_text (form, "text"), "Мектепке орын беруді сұраймын."));
  g_assert_cmpint (appeals_card_window_get_receipt_id (card), >, 0);

  appeals_test_ui_fill_school_application (form, "electronic", "Мектепке орын беру туралы");
  appeals_test_ui_screenshot (GTK_WIDGET (card), "intake-register-card");
  g_assert_true (appeals_test_ui_save_card (card));
  g_assert_cmpint (receipt_appeal (position), ==, appeals_card_window_get_appeal_id (card));
  gtk_window_destroy (GTK_WINDOW (card));
}

static void
import_script (AppealsApplication *app)
{
  AppealsWindow *window;
  AppealsIntakePage *page = open_intake (app, "registrar", &window);
  AppealsIntakeImportDialog *dialog;

  expected_receipts = appeals_intake_page_get_n_receipts (page) + 3;
  gtk_widget_activate_action (GTK_WIDGET (page), "intake.import", NULL);
  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_INTAKE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);

  /* a wrong IIN and an unknown channel: shown, nothing to import */
  preview_file (dialog, "egov-export.csv", import_csv);
  g_assert_cmpuint (appeals_intake_import_dialog_count (dialog, APPEALS_IMPORT_ROW_INVALID), ==, 2);
  g_assert_cmpuint (appeals_intake_import_dialog_count (dialog, APPEALS_IMPORT_ROW_NEW), ==, 1);
  /* the IIN's message names the IIN itself: not "IIN: This is not a valid IIN" */
  g_assert_true (appeals_test_ui_label_shown (GTK_WIDGET (dialog),
                                              appeals_field_error_code_describe (APPEALS_FIELD_INVALID_IIN)));
  /* an unknown channel is named, with the ones the desk takes */
  {
    g_autofree char *channel = g_strdup_printf (_("The channel “%s” is not one the desk imports from: "
                                                  "e-gov, eOtinish or the Virtual reception."), "telegram");

    g_assert_true (appeals_test_ui_label_shown (GTK_WIDGET (dialog), channel));
  }
  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "intake-import-errors");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  appeals_test_ui_settle (200);
  g_assert_cmpuint (appeals_intake_import_dialog_count (dialog, APPEALS_IMPORT_ROW_IMPORTED), ==, 0);

  /* a good file: previewed, imported, and the journal shows it */
  preview_file (dialog, "eotinish-export.json", import_json);
  g_assert_cmpuint (appeals_intake_import_dialog_count (dialog, APPEALS_IMPORT_ROW_NEW), ==, 3);
  /* dates as the desk writes them, not as the file does */
  g_assert_true (appeals_test_ui_label_shown (GTK_WIDGET (dialog), "27.11.2026"));
  g_assert_false (appeals_test_ui_label_shown (GTK_WIDGET (dialog), "2026-11-27"));
  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "intake-import-preview");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  APPEALS_TEST_WAIT (import_idle, dialog);
  g_assert_cmpuint (appeals_intake_import_dialog_count (dialog, APPEALS_IMPORT_ROW_IMPORTED), ==, 3);
  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "intake-import-done");
  APPEALS_TEST_WAIT (journal_has_expected, page);

  /* the same file again: nothing new */
  preview_file (dialog, "eotinish-export.json", import_json);
  g_assert_cmpuint (appeals_intake_import_dialog_count (dialog, APPEALS_IMPORT_ROW_ALREADY_IMPORTED), ==, 3);
  g_assert_cmpuint (appeals_intake_import_dialog_count (dialog, APPEALS_IMPORT_ROW_NEW), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  register_receipt (app, page, expected_receipts - 3);
  scan_talon (app, window, expected_receipts - 2);
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  AppealsWindow *window;
  AppealsIntakePage *page;
  GtkWidget *iin;

  page = open_intake (app, "registrar", &window);
  g_assert_cmpuint (appeals_intake_page_get_n_receipts (page), ==, 0);
  /* the empty journal says so: its placeholder outlived the clearing */
  {
    GtkWidget *empty = gtk_widget_get_first_child (appeals_test_ui_find_by_name (GTK_WIDGET (window),
                                                                                "intake-journal"));

    g_assert_true (GTK_IS_LABEL (empty));
    g_assert_true (gtk_widget_get_mapped (empty));
  }

  /* the focus waits in the IIN; a known IIN brings the name */
  iin = appeals_test_ui_find_by_name (GTK_WIDGET (window), "intake-iin");
  appeals_test_ui_type (GTK_WIDGET (window), "intake-iin", KNOWN_IIN);
  APPEALS_TEST_WAIT (name_filled, window);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (appeals_test_ui_find_by_name (GTK_WIDGET (window), "intake-pages")), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (appeals_test_ui_find_by_name (GTK_WIDGET (window),
                                                                            "intake-attachments")), 2);
  appeals_test_ui_type (GTK_WIDGET (window), "intake-note", "Жол жөндеу туралы");
  gtk_widget_activate_action (GTK_WIDGET (page), "intake.receive", NULL);
  APPEALS_TEST_WAIT (one_receipt, page);
  cancel_print_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (iin)), ==, "");

  /* a visitor without an IIN, a Russian talon; a name is needed first */
  adw_combo_row_set_selected (ADW_COMBO_ROW (appeals_test_ui_find_by_name (GTK_WIDGET (window), "intake-language")), 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "intake.receive", NULL);
  appeals_test_ui_settle (200);
  g_assert_cmpuint (appeals_intake_page_get_n_receipts (page), ==, 1);
  appeals_test_ui_type (GTK_WIDGET (window), "intake-name", "Иванов Пётр Сергеевич");
  gtk_widget_activate_action (GTK_WIDGET (page), "intake.receive", NULL);
  APPEALS_TEST_WAIT (two_receipts, page);
  cancel_print_dialog ();
  appeals_test_ui_screenshot (GTK_WIDGET (window), "intake");

  {
    const char *kk[] = { "ТАЛОН", "-0001", "Сейтқали Әлия", "Ахметова Гүлнар Серікқызы",
                         "Қостанай облысы әкімдігінің азаматтардың өтініштерімен жұмыс бөлімі",
                         "Әл-Фараби даңғылы, 66", "15 жұмыс күні", NULL };
    const char *ru[] = { "ТАЛОН", "-0002", "Иванов Пётр Сергеевич", "Принял(а)", "Ахметова Гүлнар Серікқызы",
                         "Отдел по работе с обращениями граждан акимата Костанайской области",
                         "15 рабочих дней", NULL };
    const char *kk_duplicate[] = { "ТЕЛНҰСҚА", "-0001", NULL };
    const char *ru_duplicate[] = { "ДУБЛИКАТ", "-0002", NULL };

    check_talon (page, 0, FALSE, "talon-kk.pdf", kk);
    check_talon (page, 1, FALSE, "talon-ru.pdf", ru);
    check_talon (page, 0, TRUE, "talon-duplicate-kk.pdf", kk_duplicate);
    check_talon (page, 1, TRUE, "talon-duplicate-ru.pdf", ru_duplicate);
  }

  head_script (app, NULL);
  import_script (app);
}

static void
test_intake_hand_delivery (void)
{
  seed ();
  g_assert_cmpint (appeals_test_ui_run (script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "40", NULL };
  int status;

  appeals_test_ui_init (&argc, &argv);
  server = appeals_test_server_start ("sqlite", args);
  g_settings_set_string (g_settings_new (APPLICATION_ID), "server-url", appeals_test_server_get_url (server));

  g_test_add_func ("/intake/hand-delivery-talon-and-handover", test_intake_hand_delivery);

  status = g_test_run ();
  appeals_test_server_free (server);
  return status;
}
