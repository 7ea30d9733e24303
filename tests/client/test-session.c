/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-session.c: what happens to every page when the session or the
 * server goes away. The pages do not handle it themselves: a 401 on any
 * request ends the session through the context's "session-expired" (the
 * sign-in dialog says why, and nothing of the previous person stays), and
 * a request that finds no server shows the window's banner through the
 * context's "connection-lost" until the server answers again. A page the
 * role may not see says so.
 */
#include "config.h"

#include "appeals-journal-page.h"
#include "appeals-test-server.h"
#include "appeals-test-ui.h"

static AppealsTestServer *server;

static gboolean
connection_lost_shown (AppealsApplication *app)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);

  return window != NULL && appeals_window_get_connection_lost (window);
}

static gboolean
connection_back (AppealsApplication *app)
{
  return !connection_lost_shown (app);
}

/* The registrar's role has no review: the sidebar does not offer it, and
 * the hidden page asks the server nothing (no 403 toast at every sign-in;
 * a 403 shown as "no access" is test-daily's) */
static void
check_review_hidden (AppealsApplication *app)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  GtkWidget *status = appeals_test_ui_find_by_name (appeals_window_get_review_page (window), "review-forbidden");

  g_assert_false (appeals_window_is_section_shown (window, "review"));
  g_assert_true (status == NULL || gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (status))) != status);
}

static AppealsJournalPage *
journal_page (AppealsApplication *app)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);

  return APPEALS_JOURNAL_PAGE (appeals_window_get_journal_page (window));
}

/* The session is ended on the server (as an idle expiry or a sign-out on
 * another desk would); the next request of the journal is refused. */
static void
expired_script (AppealsApplication *app,
                gpointer            user_data)
{
  AppealsContext *context = appeals_application_get_context (app);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(AppealsTestResponse) ended = NULL;
  GtkWidget *dialog;

  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  check_review_hidden (app);

  ended = appeals_test_request (server, session, "DELETE", "/api/v1/session",
                                appeals_api_client_get_token (appeals_context_get_client (context)), NULL, NULL);
  g_assert_cmpuint (ended->status, ==, 204);

  appeals_journal_page_reload (journal_page (app));
  APPEALS_TEST_WAIT (appeals_test_ui_sign_in_error_shown, app);

  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (appeals_test_ui_find_by_name (dialog, "sign-in-error"))), ==,
                   appeals_problem_code_describe (APPEALS_PROBLEM_UNAUTHORIZED));
  /* nobody is signed in, and the journal no longer shows the registrar's rows */
  g_assert_false (appeals_context_is_signed_in (context));
  g_assert_null (appeals_context_get_user (context));
  g_assert_cmpuint (g_list_model_get_n_items (appeals_test_ui_journal_model (app)), ==, 0);

  /* signing in again brings the journal back */
  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
}

static void
test_session_expired (void)
{
  g_assert_cmpint (appeals_test_ui_run (expired_script, NULL), ==, 0);
}

/* The server goes away under a page: the page's request fails, and the
 * window — not the page — shows the banner and waits for the server. */
static void
connection_script (AppealsApplication *app,
                   gpointer            user_data)
{
  guint n_rows;

  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  n_rows = g_list_model_get_n_items (appeals_test_ui_journal_model (app));
  g_assert_false (connection_lost_shown (app));

  appeals_test_server_kill (server);
  appeals_journal_page_reload (journal_page (app));
  APPEALS_TEST_WAIT (connection_lost_shown, app);

  appeals_test_server_restart (server);
  APPEALS_TEST_WAIT (connection_back, app);
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  g_assert_cmpuint (g_list_model_get_n_items (appeals_test_ui_journal_model (app)), ==, n_rows);
}

static void
test_connection_lost (void)
{
  g_assert_cmpint (appeals_test_ui_run (connection_script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "30", NULL };

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/session/expired", test_session_expired);
  g_test_add_func ("/session/connection-lost", test_connection_lost);

  return appeals_test_ui_run_tests (&server, args);
}
