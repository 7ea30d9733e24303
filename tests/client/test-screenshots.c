/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-screenshots.c: renders the sign-in dialog, the journal, the card
 * editor, a new card with a field error, and the merge dialog to PNG in
 * the language of $LANGUAGE, against a real server with demo data.
 */
#include "config.h"

#include "appeals-expertise-page.h"
#include "appeals-journal-page.h"
#include "appeals-quality-page.h"
#include "appeals-merge-dialog.h"
#include "appeals-test-server.h"
#include "appeals-test-ui.h"

static AppealsTestServer *server;

static gboolean
sign_in_error_shown (AppealsApplication *app)
{
  GtkWidget *dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
  GtkWidget *label = dialog != NULL ? appeals_test_ui_find_by_name (dialog, "sign-in-error") : NULL;

  return label != NULL && gtk_widget_get_visible (label);
}

static gboolean
sign_in_dialog_open (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) != NULL;
}

static gboolean
journal_loaded (AppealsApplication *app)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  GListModel *model = appeals_journal_page_get_model (APPEALS_JOURNAL_PAGE (appeals_window_get_journal_page (window)));

  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) == NULL &&
         g_list_model_get_n_items (model) > 0;
}

static gboolean
expertise_loaded (AppealsApplication *app)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  GListModel *model = appeals_expertise_page_get_model (APPEALS_EXPERTISE_PAGE (appeals_window_get_expertise_page (window)));
  g_autoptr(AppealsAppeal) first = g_list_model_get_n_items (model) > 0 ? g_list_model_get_item (model, 0) : NULL;

  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) == NULL && first != NULL && first->id > 0;
}

static gboolean
quality_listed (AppealsWindow *window)
{
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (window), "pages")),
                                                 "analytics");

  return appeals_quality_page_get_n_bodies (APPEALS_QUALITY_PAGE (page)) > 0;
}

static gboolean
card_idle (AppealsCardWindow *card)
{
  return !appeals_card_window_is_busy (card);
}

static gboolean
merge_dialog_open (AppealsCardWindow *card)
{
  return appeals_card_window_get_merge_dialog (card) != NULL;
}

static AppealsCardWindow *
newest_card (AppealsApplication *app)
{
  /* the application lists its newest window first */
  return appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "controller", "demo");
  g_autoptr(AppealsAppeal) first = NULL;
  g_autoptr(AppealsTestResponse) current = NULL;
  g_autoptr(AppealsTestResponse) other = NULL;
  g_autofree char *path = NULL;
  AppealsWindow *window;
  GtkWidget *dialog;
  AppealsCardWindow *card;
  GListModel *model;

  APPEALS_TEST_WAIT (sign_in_dialog_open, app);
  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
  appeals_test_ui_type (dialog, "login", "registrar");
  appeals_test_ui_type (dialog, "password", "wrong password");
  appeals_test_ui_click (dialog, "sign-in");
  APPEALS_TEST_WAIT (sign_in_error_shown, app);
  appeals_test_ui_screenshot (dialog, "sign-in");

  appeals_test_ui_type (dialog, "password", "demo");
  appeals_test_ui_click (dialog, "sign-in");
  APPEALS_TEST_WAIT (journal_loaded, app);

  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  appeals_test_ui_settle (500);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "journal");

  model = appeals_journal_page_get_model (APPEALS_JOURNAL_PAGE (appeals_window_get_journal_page (window)));
  first = g_list_model_get_item (model, 0);
  appeals_window_open_card (window, first->id);
  card = newest_card (app);
  APPEALS_TEST_WAIT (card_idle, card);
  appeals_test_ui_screenshot (GTK_WIDGET (card), "card");

  /* someone else changes the executor while this card is open */
  path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, first->id);
  current = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  other = appeals_test_request (server, session, "PATCH", path, token, "{\"executor\":\"Ким В.А.\"}",
                                "If-Match", appeals_test_response_header (current, "ETag"), NULL);
  g_assert_cmpuint (other->status, ==, 200);
  appeals_card_form_set_text (appeals_card_window_get_form (card), "executor", "Абенова Д.С.");
  gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL);
  APPEALS_TEST_WAIT (merge_dialog_open, card);
  appeals_test_ui_screenshot (GTK_WIDGET (appeals_card_window_get_merge_dialog (card)), "merge");
  appeals_merge_dialog_accept (appeals_card_window_get_merge_dialog (card));
  APPEALS_TEST_WAIT (card_idle, card);
  gtk_window_destroy (GTK_WINDOW (card));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-card", NULL);
  card = newest_card (app);
  APPEALS_TEST_WAIT (card_idle, card);
  appeals_card_form_set_text (appeals_card_window_get_form (card), "iin", "123123123123");
  appeals_card_form_set_text (appeals_card_window_get_form (card), "surname", "Сейтқали");
  appeals_card_form_set_text (appeals_card_window_get_form (card), "given_name", "Әлия");
  appeals_test_ui_screenshot (GTK_WIDGET (card), "card-new");
  gtk_window_destroy (GTK_WINDOW (card));

  /* the expertise page, as the analyst sees it */
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  APPEALS_TEST_WAIT (sign_in_dialog_open, app);
  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
  appeals_test_ui_type (dialog, "login", "analyst");
  appeals_test_ui_type (dialog, "password", "demo");
  appeals_test_ui_click (dialog, "sign-in");
  APPEALS_TEST_WAIT (expertise_loaded, app);
  appeals_window_show_page (window, "expertise");
  {
    AppealsExpertisePage *page = APPEALS_EXPERTISE_PAGE (appeals_window_get_expertise_page (window));

    appeals_expertise_page_open (page, 0);
    appeals_expertise_page_set_answer (page, "all_arguments", APPEALS_CRITERION_ANSWER_YES);
    appeals_expertise_page_set_answer (page, "justified", APPEALS_CRITERION_ANSWER_NO);
    appeals_expertise_page_set_answer (page, "specific_facts", APPEALS_CRITERION_ANSWER_PARTLY);
    appeals_expertise_page_set_answer (page, "clear_structure", APPEALS_CRITERION_ANSWER_YES);
    appeals_expertise_page_set_answer (page, "appeal_right", APPEALS_CRITERION_ANSWER_NO);
    appeals_expertise_page_set_answer (page, "language", APPEALS_CRITERION_ANSWER_YES);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1100);
  appeals_test_ui_settle (500);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "expertise");

  gtk_widget_activate_action (appeals_window_get_expertise_page (window), "expertise.return", NULL);
  APPEALS_TEST_WAIT (quality_listed, window);
  appeals_window_show_page (window, "analytics");
  appeals_test_ui_screenshot (GTK_WIDGET (window), "analytics");
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "60", NULL };
  int status;

  appeals_test_ui_init (&argc, &argv);
  server = appeals_test_server_start ("sqlite", args);
  g_settings_set_string (g_settings_new (APPLICATION_ID), "server-url", appeals_test_server_get_url (server));

  status = appeals_test_ui_run (script, NULL);
  appeals_test_server_free (server);
  return status;
}
