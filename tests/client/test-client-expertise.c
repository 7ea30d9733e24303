/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-client-expertise.c: the expertise page against the real server:
 * an analyst returns an answer for rework (two "no" answers), undoes it
 * and gives it again; a head approves a verdict on an appeal under
 * control.
 */
#include "config.h"

#include <string.h>

#include "appeals-expertise-page.h"
#include "appeals-quality-page.h"
#include "appeals-test-server.h"
#include "test-client.h"

/* the client test's server, started once the tests are added */
static AppealsTestServer **server_ref;

/* Expertise: two "no" answers, returned for rework ------------------------------ */

static gboolean
signed_in_as_analyst (AppealsApplication *app)
{
  AppealsUser *user = appeals_api_client_get_user (appeals_application_get_client (app));

  return user != NULL && g_str_equal (user->login, "analyst") &&
         appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) == NULL;
}

static gboolean
expertise_list_loaded (AppealsApplication *app)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  GListModel *model = appeals_expertise_page_get_model (APPEALS_EXPERTISE_PAGE (appeals_window_get_expertise_page (window)));
  g_autoptr(AppealsAppeal) first = g_list_model_get_n_items (model) > 0 ? g_list_model_get_item (model, 0) : NULL;

  return first != NULL && first->id > 0;
}

static gboolean
quality_listed (AppealsWindow *window)
{
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (window), "pages")),
                                                 "analytics");

  return appeals_quality_page_get_n_bodies (APPEALS_QUALITY_PAGE (page)) > 0;
}

static gboolean
verdict_given (guint *count)
{
  return *count > 0;
}

static void
on_verdict_given (AppealsExpertiseService *service,
                  gint64                   appeal_id,
                  guint                   *count)
{
  (*count)++;
}

static void
expertise_script (AppealsApplication *app,
                  gpointer            user_data)
{
  AppealsWindow *window;
  AppealsExpertisePage *page;
  AppealsCardWindow *card;
  GListModel *model;
  g_autofree char *reasons = NULL;
  guint verdicts = 0;
  gint64 appeal_id;
  guint position = G_MAXUINT;

  appeals_test_ui_sign_in (app, "analyst", "demo");
  APPEALS_TEST_WAIT (signed_in_as_analyst, app);

  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  appeals_window_show_page (window, "expertise");
  page = APPEALS_EXPERTISE_PAGE (appeals_window_get_expertise_page (window));
  g_signal_connect (appeals_context_get_expertise_service (appeals_window_get_context (window)), "verdict-given",
                    G_CALLBACK (on_verdict_given), &verdicts);
  APPEALS_TEST_WAIT (expertise_list_loaded, app);

  /* an answered appeal that is not under control, so the verdict applies at once */
  model = appeals_expertise_page_get_model (page);
  for (guint i = 0; i < g_list_model_get_n_items (model) && position == G_MAXUINT; i++)
    {
      g_autoptr(AppealsAppeal) appeal = g_list_model_get_item (model, i);

      /* the expertise's list has the texts it shows side by side */
      if (appeal->id > 0 && !appeal->control)
        {
          g_assert_nonnull (appeal->text);
          g_assert_nonnull (appeal->answer);
          position = i;
        }
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  appeals_expertise_page_open (page, position);
  appeal_id = appeals_expertise_page_get_appeal_id (page);
  g_assert_cmpint (appeal_id, >, 0);

  appeals_expertise_page_set_answer (page, "all_arguments", APPEALS_CRITERION_ANSWER_YES);
  appeals_expertise_page_set_answer (page, "justified", APPEALS_CRITERION_ANSWER_NO);
  appeals_expertise_page_set_answer (page, "specific_facts", APPEALS_CRITERION_ANSWER_YES);
  appeals_expertise_page_set_answer (page, "clear_structure", APPEALS_CRITERION_ANSWER_YES);
  appeals_expertise_page_set_answer (page, "appeal_right", APPEALS_CRITERION_ANSWER_NO);
  appeals_expertise_page_set_answer (page, "language", APPEALS_CRITERION_ANSWER_YES);

  /* the reasons are written from the two failed criteria */
  reasons = appeals_expertise_page_dup_reasons (page);
  g_assert_nonnull (strstr (reasons, "The answer is justified and motivated"));
  g_assert_nonnull (strstr (reasons, "The right to appeal the decision is explained"));
  g_assert_null (strstr (reasons, "Every argument"));

  /* Return moves on to the next answer; Undo brings this one back with
   * its checklist, and no verdict was given */
  gtk_widget_activate_action (GTK_WIDGET (page), "expertise.return", NULL);
  g_assert_cmpint (appeals_expertise_page_get_appeal_id (page), !=, appeal_id);
  gtk_widget_activate_action (GTK_WIDGET (page), "expertise.undo", NULL);
  g_assert_cmpint (appeals_expertise_page_get_appeal_id (page), ==, appeal_id);
  {
    g_autofree char *kept = appeals_expertise_page_dup_reasons (page);

    g_assert_cmpstr (kept, ==, reasons);
  }
  appeals_test_ui_settle (6500);
  g_assert_cmpuint (verdicts, ==, 0);

  /* given again, it goes once the toast's time is up */
  gtk_widget_activate_action (GTK_WIDGET (page), "expertise.return", NULL);
  APPEALS_TEST_WAIT (verdict_given, &verdicts);
  g_assert_cmpuint (verdicts, ==, 1);

  /* the body's answer quality now counts it: one answer checked, so
   * among the bodies not ranked yet, which say why, without a place */
  APPEALS_TEST_WAIT (quality_listed, window);
  {
    GtkWidget *unranked = appeals_test_ui_find_by_name (GTK_WIDGET (window), "quality-unranked");

    g_assert_true (gtk_widget_get_visible (unranked));
    g_assert_nonnull (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (unranked)));
    g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (unranked)), "5"));
  }

  /* the card shows it returned */
  card = appeals_test_ui_open_card (app, appeal_id);
  g_assert_cmpstr (appeals_card_form_get_choice (appeals_card_window_get_form (card), "status"), ==, "returned");
}

static void
test_expertise (void)
{
  g_assert_cmpint (appeals_test_ui_run (expertise_script, NULL), ==, 0);
}

/* A head approves a verdict on an appeal under control --------------------------- */

static gboolean
pending_listed (AppealsExpertisePage *page)
{
  return appeals_expertise_page_get_n_pending (page) > 0;
}

static void
approval_script (AppealsApplication *app,
                 gpointer            user_data)
{
  gint64 *appeal_id = user_data;
  g_autofree char *button = g_strdup_printf ("approve-%" G_GINT64_FORMAT, *appeal_id);
  AppealsExpertisePage *page;
  AppealsWindow *window;
  guint verdicts = 0;

  appeals_test_ui_sign_in (app, "head", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  appeals_window_show_page (window, "expertise");
  page = APPEALS_EXPERTISE_PAGE (appeals_window_get_expertise_page (window));
  g_signal_connect (appeals_context_get_expertise_service (appeals_window_get_context (window)), "verdict-given",
                    G_CALLBACK (on_verdict_given), &verdicts);
  APPEALS_TEST_WAIT (pending_listed, page);

  appeals_test_ui_click (GTK_WIDGET (page), button);
  APPEALS_TEST_WAIT (verdict_given, &verdicts);
}

static void
test_head_approval (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *controller = appeals_test_sign_in (*server_ref, "controller", "demo");
  g_autofree char *analyst = appeals_test_sign_in (*server_ref, "analyst", "demo");
  g_autoptr(AppealsTestResponse) list = appeals_test_request (*server_ref, session, "GET",
                                                              "/api/v1/appeals?status=answered&limit=1", controller,
                                                              NULL, NULL);
  JsonObject *appeal = json_array_get_object_element (json_object_get_array_member (appeals_test_response_object (list),
                                                                                    "items"), 0);
  gint64 id = json_object_get_int_member (appeal, "id");
  g_autofree char *control_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/actions/control", id);
  g_autofree char *expertise_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/expertise", id);
  g_autofree char *etag = appeals_etag_format (id, json_object_get_int_member (appeal, "version"));
  gboolean on_control = json_object_get_boolean_member (appeal, "control");
  g_autoptr(AppealsTestResponse) controlled = on_control ? NULL
    : appeals_test_request (*server_ref, session, "POST", control_path, controller, NULL, "If-Match", etag, NULL);
  g_autoptr(AppealsTestResponse) verdict = appeals_test_request (*server_ref, session, "POST", expertise_path, analyst,
    "{\"criteria\":[{\"code\":\"all_arguments\",\"answer\":\"no\"},{\"code\":\"justified\",\"answer\":\"yes\"},"
    "{\"code\":\"specific_facts\",\"answer\":\"yes\"},{\"code\":\"clear_structure\",\"answer\":\"yes\"},"
    "{\"code\":\"appeal_right\",\"answer\":\"yes\"},{\"code\":\"language\",\"answer\":\"yes\"}],"
    "\"verdict\":\"returned\",\"reasons\":\"Не все доводы рассмотрены\"}", NULL);
  g_autoptr(JsonObject) after = NULL;

  g_assert_true (on_control || controlled->status == 200);
  g_assert_cmpuint (verdict->status, ==, 201);
  g_assert_cmpint (appeals_test_ui_run (approval_script, &id), ==, 0);

  after = test_client_get_appeal (id);
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "returned");
}

/* A head's verdicts a page at a time ------------------------------------------------ */

static gboolean
first_page_listed (AppealsExpertisePage *page)
{
  return appeals_expertise_page_get_n_pending (page) == 50;
}

static gboolean
all_listed (AppealsExpertisePage *page)
{
  return appeals_expertise_page_get_n_pending (page) == 55;
}

static void
pages_script (AppealsApplication *app,
              gpointer            user_data)
{
  AppealsExpertisePage *page;
  AppealsWindow *window;
  GtkWidget *group, *more;

  appeals_test_ui_sign_in (app, "head", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  appeals_window_show_page (window, "expertise");
  page = APPEALS_EXPERTISE_PAGE (appeals_window_get_expertise_page (window));
  APPEALS_TEST_WAIT (first_page_listed, page);

  /* the title counts them all, a button brings the rest */
  group = appeals_test_ui_find_by_name (GTK_WIDGET (page), "pending-group");
  more = appeals_test_ui_find_by_name (GTK_WIDGET (page), "pending-more");
  g_assert_true (g_str_has_suffix (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), " (55)"));
  g_assert_true (gtk_widget_get_visible (more));
  appeals_test_ui_click (GTK_WIDGET (page), "pending-more");
  APPEALS_TEST_WAIT (all_listed, page);
  g_assert_false (gtk_widget_get_visible (more));
  /* the rows keep to their room: the answers below stay in the window */
  appeals_test_ui_screenshot (GTK_WIDGET (window), "expertise-head-pages");
  g_assert_cmpint (gtk_widget_get_height (appeals_test_ui_find_by_name (GTK_WIDGET (page), "expertise-list")), >, 100);
}

static void
test_head_approval_pages (void)
{
  AppealsTestServer *server = *server_ref;

  /* 55 verdicts on 55 appeals wait, none else */
  appeals_test_server_run_sql (server, "UPDATE expertise SET state = 'final', approved_by = 'head' "
                                       "WHERE state = 'awaiting_approval'");
  appeals_test_server_run_sql (server, "INSERT INTO expertise (appeal_id, round, body, answer, criteria, "
                                       "cross_checks, score, verdict, overdue, state, analyst, created_at) "
                                       "SELECT id, 90, addressee_body, 'Жауап', '[]', '[]', 100, 'accepted', 0, "
                                       "'awaiting_approval', 'seed', '2026-12-01T10:00:00Z' FROM appeals "
                                       "ORDER BY id LIMIT 55");
  g_assert_cmpint (appeals_test_ui_run (pages_script, NULL), ==, 0);
  appeals_test_server_run_sql (server, "DELETE FROM expertise WHERE analyst = 'seed'");
}

void
test_client_add_expertise (AppealsTestServer **server)
{
  server_ref = server;
  g_test_add_func ("/client/expertise", test_expertise);
  g_test_add_func ("/client/head-approval", test_head_approval);
  g_test_add_func ("/client/head-approval-pages", test_head_approval_pages);
}
