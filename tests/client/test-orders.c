/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-orders.c: the register of orders and the card's files, in real
 * windows against a real server, in the language of $LANGUAGE (kk, ru),
 * with screenshots. The Orders page lists the orders on control with the
 * overdue one marked, filters to the overdue ones, takes an interim
 * report and registers a new order on an appeal picked by its
 * registration number (refusing a number not in the register, then one
 * without text); the card of an appeal lists its orders and adds one
 * with the appeal filled in, takes a scan in its Files tab and gives it
 * back byte for byte (saved as, and opened), shows a BIN applicant's
 * organisation, and shows the administrator who read the applicant's
 * personal data.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>
#include <glib/gstdio.h>

#include "appeals-field-error-row.h"
#include "appeals-order-dialog.h"
#include "appeals-orders-page.h"
#include "appeals-test-server.h"
#include "appeals-test-ui.h"

#define BIN "940140000385"

static AppealsTestServer *server;

typedef struct
{
  gint64  appeal;
  char   *appeal_number;
  gint64  organisation_appeal;
  char   *organisation_number;
  gint64  late_order;
} Seed;

static gint64
post (SoupSession *session,
      const char  *token,
      const char  *path,
      const char  *body)
{
  g_autoptr(AppealsTestResponse) response = appeals_test_request (server, session, "POST", path, token, body, NULL);

  if (response->status != 201)
    g_error ("%s: %u %s", path, response->status, response->text);
  return json_object_get_int_member (appeals_test_response_object (response), "id");
}

static gint64
post_appeal (SoupSession *session,
             const char  *token,
             gint64       applicant,
             const char  *annotation)
{
  g_autofree char *body = g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"channel\":\"by_hand\","
                                           "\"form\":\"electronic\",\"kind\":\"application\",\"addressee_body\":\"education\","
                                           "\"question_character\":\"education\",\"category\":\"typical\",\"language\":\"kk\","
                                           "\"district\":\"kostanay-city\",\"annotation\":\"%s\"}", applicant, annotation);

  return post (session, token, "/api/v1/appeals", body);
}

/* Two orders on an appeal — one given in February and long overdue, one
 * fresh — and an organisation's appeal. */
static void
seed (Seed *seed)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *registrar = appeals_test_sign_in (server, "registrar", "demo");
  g_autofree char *controller = appeals_test_sign_in (server, "controller", "demo");
  gint64 person = post (session, registrar, "/api/v1/applicants",
                        "{\"iin\":\"061211600012\",\"surname\":\"Сейтқали\",\"given_name\":\"Әлия\","
                        "\"address\":\"Қостанай қ., Абай даңғылы, 5\"}");
  gint64 organisation = post (session, registrar, "/api/v1/applicants",
                              "{\"iin\":\"" BIN "\",\"surname\":\"Ахметов\",\"given_name\":\"Нұрлан\","
                              "\"address\":\"Қостанай қ., Байтұрсынов к., 1\",\"organisation_name\":\"«Дән» ЖШС\","
                              "\"representative_position\":\"директор\"}");
  g_autofree char *late = NULL;
  g_autofree char *fresh = NULL;

  seed->appeal = post_appeal (session, registrar, person, "Мектеп құрылысы");
  seed->organisation_appeal = post_appeal (session, registrar, organisation, "Егістік жер");
  late = g_strdup_printf ("{\"source\":\"akim\",\"text\":\"Мектеп құрылысының мерзімін тексеру\",\"appeal_id\":%"
                          G_GINT64_FORMAT ",\"executor_body\":\"education\",\"working_days\":5,"
                          "\"given_on\":\"2026-02-02\"}", seed->appeal);
  fresh = g_strdup_printf ("{\"source\":\"president\",\"text\":\"Жергілікті тұрғындармен кездесу өткізу\","
                           "\"appeal_id\":%" G_GINT64_FORMAT ",\"executor_body\":\"regional-akimat\","
                           "\"working_days\":30}", seed->appeal);
  seed->late_order = post (session, controller, "/api/v1/orders", late);
  post (session, controller, "/api/v1/orders", fresh);

  {
    g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, seed->appeal);
    g_autoptr(AppealsTestResponse) card = appeals_test_request (server, session, "GET", path, registrar, NULL, NULL);

    g_assert_cmpuint (card->status, ==, 200);
    seed->appeal_number = g_strdup (json_object_get_string_member (appeals_test_response_object (card),
                                                                   "registration_number"));
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, seed->organisation_appeal);
    g_autoptr(AppealsTestResponse) card = appeals_test_request (server, session, "GET", path, registrar, NULL, NULL);

    g_assert_cmpuint (card->status, ==, 200);
    seed->organisation_number = g_strdup (json_object_get_string_member (appeals_test_response_object (card),
                                                                         "registration_number"));
  }
}

static AppealsOrdersPage *
orders_page (AppealsWindow *window)
{
  return APPEALS_ORDERS_PAGE (gtk_stack_get_child_by_name (
           GTK_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (window), "pages")), "orders"));
}

static gboolean
orders_listed (AppealsOrdersPage *page)
{
  return !appeals_orders_page_is_loading (page) && appeals_orders_page_get_n_orders (page) >= 2;
}

static gboolean
only_overdue_listed (AppealsOrdersPage *page)
{
  return !appeals_orders_page_is_loading (page) && appeals_orders_page_get_n_orders (page) >= 1 &&
         appeals_orders_page_get_n_orders (page) == appeals_orders_page_get_n_overdue (page);
}

static gboolean
dialog_idle (AppealsOrderDialog *dialog)
{
  return !appeals_order_dialog_is_busy (dialog);
}

static const char *shown_appeal_number;

static gboolean
appeal_number_shown (AppealsOrderDialog *dialog)
{
  GtkWidget *appeal = appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "order-appeal");

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (appeal)), shown_appeal_number) == 0;
}

static gboolean
report_added (AppealsOrderDialog *dialog)
{
  AppealsOrder *order = appeals_order_dialog_get_order (dialog);

  return !appeals_order_dialog_is_busy (dialog) && order != NULL && order->reports->len == 1;
}

static gboolean
order_registered (AppealsOrderDialog *dialog)
{
  AppealsOrder *order = appeals_order_dialog_get_order (dialog);

  return order != NULL && order->id > 0;
}

static gboolean
file_listed (AppealsCardWindow *card)
{
  return appeals_card_window_get_n_files (card) == 1;
}

static gboolean
orders_shown (AppealsCardWindow *card)
{
  /* the two seeded and the one registered on the Orders page */
  return appeals_card_window_get_n_orders (card) == 3;
}

static gboolean
order_added (AppealsCardWindow *card)
{
  return appeals_card_window_get_n_orders (card) == 4;
}

static gboolean
file_opened (AppealsCardWindow *card)
{
  return appeals_card_window_get_opened_file (card) != NULL && !appeals_card_window_has_file_transfers (card);
}

static gboolean
transfers_done (AppealsCardWindow *card)
{
  return !appeals_card_window_has_file_transfers (card);
}

static char *
dup_file_sha256 (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
}

/* The id of the appeal's only file, as the server lists it. */
static gint64
first_file_id (gint64 appeal)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "admin", "demo");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/attachments", appeal);
  g_autoptr(AppealsTestResponse) files = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  JsonArray *items = json_object_get_array_member (appeals_test_response_object (files), "items");

  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  return json_object_get_int_member (json_array_get_object_element (items, 0), "id");
}

/* The card's orders: listed, and a new one with the appeal filled in. */
static void
card_orders_script (AppealsCardWindow *card,
                    Seed              *seeded)
{
  AppealsOrderDialog *dialog;
  GtkWidget *appeal;

  APPEALS_TEST_WAIT (orders_shown, card);
  g_assert_nonnull (appeals_test_ui_find_by_name (GTK_WIDGET (card), "card-add-order"));
  dialog = APPEALS_ORDER_DIALOG (appeals_card_window_add_order (card));
  appeal = appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "order-appeal");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (appeal)), ==, seeded->appeal_number);
  /* no reception to type a number of: a reception's orders are given in
   * its protocol */
  g_assert_false (gtk_widget_get_visible (appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "order-reception")));
  appeals_test_ui_type (GTK_WIDGET (dialog), "order-text", "Ата-аналармен кездесу хаттамасын жіберу");
  appeals_test_ui_click (GTK_WIDGET (dialog), "order-save");
  APPEALS_TEST_WAIT (order_registered, dialog);
  g_assert_cmpint (appeals_order_dialog_get_order (dialog)->appeal_id, ==, seeded->appeal);
  g_assert_cmpint (appeals_order_dialog_get_order (dialog)->reception_id, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* the card hears of it and lists it */
  APPEALS_TEST_WAIT (order_added, card);
  /* the orders are the card's last group */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (appeals_test_ui_find_by_name (GTK_WIDGET (card), "card-orders"),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_window_set_default_size (GTK_WINDOW (card), 900, 900);
    appeals_test_ui_settle (300);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    appeals_test_ui_settle (300);
  }
  appeals_test_ui_screenshot (GTK_WIDGET (card), "card-orders");
}

/* The scan comes back as it was uploaded: saved as, and opened. */
static void
card_file_script (AppealsCardWindow *card,
                  gint64             appeal,
                  const char        *dir,
                  const char        *uploaded_sha256)
{
  gint64 file_id = first_file_id (appeal);
  g_autofree char *save_name = g_strdup_printf ("save-file-%" G_GINT64_FORMAT, file_id);
  g_autofree char *open_name = g_strdup_printf ("open-file-%" G_GINT64_FORMAT, file_id);
  g_autofree char *saved_path = g_build_filename (dir, "Сақталған көшірме.pdf", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autofree char *saved_sha256 = NULL;
  g_autofree char *opened_sha256 = NULL;
  g_autofree char *opened_name = NULL;
  GFile *opened;

  g_assert_nonnull (appeals_test_ui_find_by_name (GTK_WIDGET (card), save_name));
  /* the row says who added the file; its checksum is on hover */
  {
    GtkWidget *row = gtk_widget_get_ancestor (appeals_test_ui_find_by_name (GTK_WIDGET (card), save_name),
                                              ADW_TYPE_ACTION_ROW);

    AppealsWindow *window = appeals_test_ui_find_window (APPEALS_APPLICATION (g_application_get_default ()),
                                                         APPEALS_TYPE_WINDOW);
    AppealsUser *user = appeals_context_get_user (appeals_window_get_context (window));
    g_autofree char *login_words = g_strdup_printf (" %s,", user->login);

    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), uploaded_sha256));
    g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "SHA-256"));
    /* by the name people know, not the login */
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), user->full_name));
    g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), login_words));
  }
  appeals_card_window_save_file (card, file_id, saved);
  APPEALS_TEST_WAIT (transfers_done, card);
  saved_sha256 = dup_file_sha256 (saved);
  g_assert_cmpstr (saved_sha256, ==, uploaded_sha256);

  /* Open: a private copy under the file's own name, handed to its application */
  appeals_test_ui_click (GTK_WIDGET (card), open_name);
  APPEALS_TEST_WAIT (file_opened, card);
  opened = appeals_card_window_get_opened_file (card);
  opened_name = g_file_get_basename (opened);
  g_assert_cmpstr (opened_name, ==, "Өтініш скан.pdf");
  opened_sha256 = dup_file_sha256 (opened);
  g_assert_cmpstr (opened_sha256, ==, uploaded_sha256);

  g_file_delete (opened, NULL, NULL);
  {
    g_autoptr(GFile) copy_dir = g_file_get_parent (opened);

    g_file_delete (copy_dir, NULL, NULL);
  }
  g_unlink (saved_path);
}

static gboolean
reads_shown (AppealsCardWindow *card)
{
  return gtk_widget_get_visible (appeals_test_ui_find_by_name (GTK_WIDGET (card), "personal-data-reads"));
}

/* How many action rows under @root have a subtitle ending in @end. */
static guint
count_subtitles_ending (GtkWidget  *root,
                        const char *end)
{
  guint n = ADW_IS_ACTION_ROW (root) && adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) != NULL &&
            g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), end);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_subtitles_ending (child, end);
  return n;
}

/* The reads' words for the card of the appeal @number, in the desk's
 * language, as the subtitle's last part. */
static char *
appeal_card_words (const char *number)
{
  g_autofree char *words = g_strdup_printf (_("Appeal card %s"), number);

  return g_strconcat ("· ", words, NULL);
}

/* The reads are the readers' names, not their logins, and an appeal's
 * card is named by its registration number, not the server's id. */
static void
check_readers_named (AppealsApplication *app,
                     AppealsCardWindow  *card,
                     const char         *registration_number)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  AppealsUser *user = appeals_context_get_user (appeals_window_get_context (window));
  GtkWidget *reads = appeals_test_ui_find_by_name (GTK_WIDGET (card), "personal-data-reads");
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, appeals_card_window_get_appeal_id (card));
  g_autofree char *by_number = appeal_card_words (registration_number);
  g_autofree char *by_id = appeal_card_words (id);

  g_assert_nonnull (appeals_test_ui_find_row (reads, user->full_name, APPEALS_TEST_TITLE_WHOLE));
  g_assert_null (appeals_test_ui_find_row (reads, user->login, APPEALS_TEST_TITLE_WHOLE));
  g_assert_cmpuint (count_subtitles_ending (reads, by_number), >, 0);
  g_assert_cmpuint (count_subtitles_ending (reads, by_id), ==, 0);
}

static void
orders_script (AppealsApplication *app,
               AppealsWindow      *window,
               Seed               *seeded)
{
  AppealsOrdersPage *page = orders_page (window);
  AppealsOrderDialog *dialog;
  GtkWidget *first_row;
  AppealsFieldErrorRow *error_row;

  appeals_window_show_page (window, "orders");
  appeals_orders_page_reload (page);
  APPEALS_TEST_WAIT (orders_listed, page);
  /* the most urgent first: the overdue order, marked */
  g_assert_cmpuint (appeals_orders_page_get_n_overdue (page), >=, 1);
  first_row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (appeals_test_ui_find_by_name (GTK_WIDGET (page),
                                                                                                  "orders-list")), 0));
  g_assert_true (gtk_widget_has_css_class (first_row, "overdue-row"));
  appeals_test_ui_screenshot (GTK_WIDGET (window), "orders");

  /* the overdue ones only */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (appeals_test_ui_find_by_name (GTK_WIDGET (page), "orders-overdue")),
                               TRUE);
  APPEALS_TEST_WAIT (only_overdue_listed, page);

  /* an interim report on the overdue order */
  dialog = APPEALS_ORDER_DIALOG (appeals_orders_page_open_order (page, 0));
  g_assert_cmpint (appeals_order_dialog_get_order (dialog)->id, ==, seeded->late_order);
  /* its appeal is named by its registration number */
  shown_appeal_number = seeded->appeal_number;
  APPEALS_TEST_WAIT (appeal_number_shown, dialog);
  /* a report the server refuses (longer than 4,000 letters): said below
   * the report's row, and what was typed stays there */
  {
    g_autofree char *too_long = g_strnfill (4001, 'a');
    GtkWidget *report = appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "order-report-text");
    AppealsFieldErrorRow *report_error = APPEALS_FIELD_ERROR_ROW (
                                           appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "order-error-report.text"));

    appeals_test_ui_type (GTK_WIDGET (dialog), "order-report-text", too_long);
    appeals_test_ui_click (GTK_WIDGET (dialog), "order-report-add");
    APPEALS_TEST_WAIT (dialog_idle, dialog);
    g_assert_nonnull (appeals_field_error_row_get_message (report_error));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (report)), ==, too_long);
    g_assert_cmpuint (appeals_order_dialog_get_order (dialog)->reports->len, ==, 0);
  }
  appeals_test_ui_type (GTK_WIDGET (dialog), "order-report-text", "Мердігер жұмысты 20 желтоқсанға аяқтайды");
  appeals_test_ui_click (GTK_WIDGET (dialog), "order-report-add");
  APPEALS_TEST_WAIT (report_added, dialog);
  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "order-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* a new order: refused without its text, registered with it */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (appeals_test_ui_find_by_name (GTK_WIDGET (page), "orders-overdue")),
                               FALSE);
  appeals_test_ui_click (GTK_WIDGET (page), "orders-new");
  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_ORDER_DIALOG);
  g_assert_nonnull (dialog);
  /* a number not in the register is named in the error, in the user's language */
  appeals_test_ui_type (GTK_WIDGET (dialog), "order-appeal", "2026-999999");
  appeals_test_ui_click (GTK_WIDGET (dialog), "order-save");
  APPEALS_TEST_WAIT (dialog_idle, dialog);
  /* … below the number's own row, the row marked */
  error_row = APPEALS_FIELD_ERROR_ROW (appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "order-error-appeal_id"));
  g_assert_nonnull (appeals_field_error_row_get_message (error_row));
  g_assert_nonnull (strstr (appeals_field_error_row_get_message (error_row), "2026-999999"));
  g_assert_null (strstr (appeals_field_error_row_get_message (error_row), "There is no appeal"));
  g_assert_true (gtk_widget_has_css_class (appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "order-appeal"), "error"));
  g_assert_false (gtk_widget_get_visible (appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "order-error")));
  g_assert_null (appeals_order_dialog_get_order (dialog));
  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "order-appeal-unknown");

  /* a date that is not one is named below its row, and nothing is sent */
  appeals_test_ui_type (GTK_WIDGET (dialog), "order-given-on", "31.02.2026");
  appeals_test_ui_click (GTK_WIDGET (dialog), "order-save");
  APPEALS_TEST_WAIT (dialog_idle, dialog);
  g_assert_nonnull (appeals_field_error_row_get_message (
                      APPEALS_FIELD_ERROR_ROW (appeals_test_ui_find_by_name (GTK_WIDGET (dialog),
                                                                             "order-error-given_on"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (appeals_test_ui_find_by_name (GTK_WIDGET (dialog),
                                                                                      "order-given-on"))),
                   ==, "31.02.2026");
  appeals_test_ui_type (GTK_WIDGET (dialog), "order-given-on", "");

  /* the appeal's number found, the missing text is the server's
   * refusal, below the text's row; the number's error is gone */
  appeals_test_ui_type (GTK_WIDGET (dialog), "order-appeal", seeded->appeal_number);
  appeals_test_ui_click (GTK_WIDGET (dialog), "order-save");
  APPEALS_TEST_WAIT (dialog_idle, dialog);
  g_assert_null (appeals_field_error_row_get_message (error_row));
  g_assert_false (gtk_widget_has_css_class (appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "order-appeal"),
                                            "error"));
  g_assert_nonnull (appeals_field_error_row_get_message (
                      APPEALS_FIELD_ERROR_ROW (appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "order-error-text"))));
  g_assert_null (appeals_field_error_row_get_message (
                   APPEALS_FIELD_ERROR_ROW (appeals_test_ui_find_by_name (GTK_WIDGET (dialog),
                                                                          "order-error-given_on"))));
  g_assert_null (appeals_order_dialog_get_order (dialog));
  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "order-refused");
  appeals_test_ui_type (GTK_WIDGET (dialog), "order-text", "Тұрғындарға жауап беру мерзімін бақылау");
  appeals_test_ui_click (GTK_WIDGET (dialog), "order-save");
  APPEALS_TEST_WAIT (order_registered, dialog);
  g_assert_cmpstr (appeals_order_dialog_get_order (dialog)->source, ==, "president");
  g_assert_cmpint (appeals_order_dialog_get_order (dialog)->appeal_id, ==, seeded->appeal);
  g_assert_false (gtk_widget_get_visible (appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "order-error")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
card_script (AppealsApplication *app,
             Seed               *seeded)
{
  static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("appeals-files-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Өтініш скан.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uploaded_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) pdf,
                                                                   sizeof pdf - 1);
  AppealsCardWindow *card;
  GtkWidget *organisation;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, pdf, sizeof pdf - 1, &error));

  /* a scan in the Files tab */
  card = appeals_test_ui_open_card (app, seeded->appeal);
  organisation = appeals_card_form_get_widget (appeals_card_window_get_form (card), "organisation_name");
  g_assert_false (gtk_widget_is_visible (organisation));
  appeals_card_window_attach_file (card, file, "appeal_scan");
  APPEALS_TEST_WAIT (file_listed, card);
  card_file_script (card, seeded->appeal, dir, uploaded_sha256);
  card_orders_script (card, seeded);
  /* the administrator sees who read the applicant's data: the card's own read among them */
  APPEALS_TEST_WAIT (reads_shown, card);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (card), "card-views")),
                                         "files");
  gtk_window_set_default_size (GTK_WINDOW (card), 900, 700);
  appeals_test_ui_screenshot (GTK_WIDGET (card), "card-files");
  gtk_window_destroy (GTK_WINDOW (card));

  /* an organisation's card names it */
  card = appeals_test_ui_open_card (app, seeded->organisation_appeal);
  organisation = appeals_card_form_get_widget (appeals_card_window_get_form (card), "organisation_name");
  g_assert_true (gtk_widget_is_visible (organisation));
  g_assert_cmpstr (appeals_card_form_get_text (appeals_card_window_get_form (card), "organisation_name"), ==,
                   "«Дән» ЖШС");
  APPEALS_TEST_WAIT (reads_shown, card);
  check_readers_named (app, card, seeded->organisation_number);
  gtk_window_set_default_size (GTK_WINDOW (card), 900, 1000);
  appeals_test_ui_screenshot (GTK_WIDGET (card), "card-organisation");
  gtk_window_destroy (GTK_WINDOW (card));

  g_unlink (path);
  g_rmdir (dir);
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  Seed *seeded = user_data;
  AppealsWindow *window;

  appeals_test_ui_sign_in (app, "admin", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);

  orders_script (app, window, seeded);
  card_script (app, seeded);
}

static void
test_orders_and_files (void)
{
  Seed seeded = { 0, };

  seed (&seeded);
  g_assert_cmpint (appeals_test_ui_run (script, &seeded), ==, 0);
  g_free (seeded.appeal_number);
  g_free (seeded.organisation_number);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "10", NULL };
  int status;

  appeals_test_ui_init (&argc, &argv);
  server = appeals_test_server_start ("sqlite", args);
  g_settings_set_string (g_settings_new (APPLICATION_ID), "server-url", appeals_test_server_get_url (server));

  g_test_add_func ("/orders/register-and-files", test_orders_and_files);

  status = g_test_run ();
  appeals_test_server_free (server);
  return status;
}
