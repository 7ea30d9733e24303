/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-expertise-service.c: the session and expertise services against a
 * real server, without a display — signing in and out, a verdict refused
 * for a missing criterion and taken once complete, a verdict on an appeal
 * under control waiting for a head's approval, the ranking of bodies, and
 * "verdict-given" said once per verdict taken or approved.
 */
#include "config.h"

#include "appeals-context.h"
#include "appeals-test-server.h"

static AppealsTestServer *server;

static void
on_verdict_given (AppealsExpertiseService *service,
                  gint64                   appeal_id,
                  GArray                  *given)
{
  g_array_append_val (given, appeal_id);
}

static AppealsContext *
new_context (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(AppealsApiClient) client = appeals_api_client_new (appeals_test_server_get_url (server));

  return appeals_context_new (settings, client);
}

/* Signs @context in as @login through the session service. */
static void
sign_in (AppealsContext *context,
         const char     *login)
{
  AppealsSessionService *sessions = appeals_context_get_session_service (context);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(AppealsUser) user = NULL;

  appeals_session_service_sign_in_async (sessions, login, "demo", NULL, appeals_test_on_done, &result);
  user = appeals_session_service_sign_in_finish (sessions, appeals_test_wait_for (&result), &token, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->login, ==, login);
  g_assert_nonnull (token);
  appeals_api_client_set_token (appeals_context_get_client (context), token);
  appeals_api_client_set_user (appeals_context_get_client (context), user);
}

/* A complete checklist: @failed answered "no", the others "yes". */
static AppealsExpertise *
new_verdict (AppealsVerdict  verdict_given,
             const char     *failed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsChecklistTemplate) template = appeals_checklist_template_new_default (&error);
  AppealsExpertise *verdict = appeals_expertise_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < appeals_checklist_template_get_n_criteria (template); i++)
    {
      const char *code = appeals_checklist_template_get_criterion (template, i)->code;

      appeals_expertise_add_criterion (verdict, code, g_strcmp0 (code, failed) == 0 ? APPEALS_CRITERION_ANSWER_NO
                                                                                   : APPEALS_CRITERION_ANSWER_YES,
                                       NULL);
    }
  verdict->verdict = verdict_given;
  if (verdict_given == APPEALS_VERDICT_RETURNED)
    verdict->reasons = g_strdup ("Не все доводы рассмотрены");
  return verdict;
}

/* The @n-th answered appeal not under control, as the server lists them:
 * the demo data puts some under control, and which depends on the day. */
static gint64
answered_appeal (guint  n,
                 gint64 *version)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "controller", "demo");
  g_autoptr(AppealsTestResponse) list = appeals_test_request (server, session, "GET",
                                                              "/api/v1/appeals?status=answered&control=false&limit=10", token,
                                                              NULL, NULL);
  JsonArray *items = json_object_get_array_member (appeals_test_response_object (list), "items");
  JsonObject *appeal;

  g_assert_cmpuint (json_array_get_length (items), >, n);
  appeal = json_array_get_object_element (items, n);
  if (version != NULL)
    *version = json_object_get_int_member (appeal, "version");
  return json_object_get_int_member (appeal, "id");
}

static AppealsExpertise *
give_verdict (AppealsContext    *context,
              gint64             appeal_id,
              AppealsExpertise  *verdict,
              GError           **error)
{
  AppealsExpertiseService *expertise = appeals_context_get_expertise_service (context);
  g_autoptr(GAsyncResult) result = NULL;

  appeals_expertise_service_give_verdict_async (expertise, appeal_id, verdict, NULL, appeals_test_on_done, &result);
  return appeals_expertise_service_give_verdict_finish (expertise, appeals_test_wait_for (&result), error);
}

/* Sessions ------------------------------------------------------------------- */

static void
test_session (void)
{
  g_autoptr(AppealsContext) context = new_context ();
  AppealsSessionService *sessions = appeals_context_get_session_service (context);
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GAsyncResult) checked = NULL;
  g_autoptr(GAsyncResult) signed_out = NULL;
  g_autoptr(GAsyncResult) checked_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(AppealsUser) nobody = NULL;
  g_autoptr(AppealsUser) user = NULL;
  g_autoptr(AppealsUser) gone = NULL;

  /* a wrong password is the server's refusal, with its problem code */
  appeals_session_service_sign_in_async (sessions, "analyst", "not the password", NULL, appeals_test_on_done, &refused);
  nobody = appeals_session_service_sign_in_finish (sessions, appeals_test_wait_for (&refused), &token, &error);
  g_assert_null (nobody);
  g_assert_null (token);
  g_assert_true (error != NULL && error->domain == APPEALS_SERVICE_ERROR);
  g_assert_nonnull (appeals_service_error_get_problem_code (error));
  g_clear_error (&error);

  /* the kept token opens the session again until it is signed out */
  sign_in (context, "analyst");
  appeals_session_service_check_async (sessions, NULL, appeals_test_on_done, &checked);
  user = appeals_session_service_check_finish (sessions, appeals_test_wait_for (&checked), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->login, ==, "analyst");
  g_assert_cmpint (user->role, ==, APPEALS_ROLE_ANALYST);

  appeals_session_service_sign_out_async (sessions, NULL, appeals_test_on_done, &signed_out);
  g_assert_true (appeals_session_service_sign_out_finish (sessions, appeals_test_wait_for (&signed_out), &error));
  g_assert_no_error (error);

  appeals_session_service_check_async (sessions, NULL, appeals_test_on_done, &checked_after);
  gone = appeals_session_service_check_finish (sessions, appeals_test_wait_for (&checked_after), &error);
  g_assert_null (gone);
  g_assert_error (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_UNAUTHORIZED);
}

/* A verdict taken at once --------------------------------------------------------- */

static void
test_verdict (void)
{
  g_autoptr(AppealsContext) context = new_context ();
  AppealsExpertiseService *expertise = appeals_context_get_expertise_service (context);
  g_autoptr(GArray) given = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AppealsExpertise) incomplete = appeals_expertise_new ();
  g_autoptr(AppealsExpertise) verdict = new_verdict (APPEALS_VERDICT_RETURNED, "justified");
  g_autoptr(AppealsExpertise) round = NULL;
  g_autoptr(AppealsExpertise) refused = NULL;
  g_autoptr(GAsyncResult) ranked = NULL;
  g_autoptr(GPtrArray) ranking = NULL;
  g_autoptr(GError) error = NULL;
  gint64 appeal_id = answered_appeal (0, NULL);
  gboolean body_listed = FALSE;
  guint min_answers = 0;
  GDate today;

  sign_in (context, "analyst");
  g_signal_connect (expertise, "verdict-given", G_CALLBACK (on_verdict_given), given);

  /* one criterion is not a checklist: refused, and nothing is said */
  incomplete->verdict = APPEALS_VERDICT_ACCEPTED;
  appeals_expertise_add_criterion (incomplete, "justified", APPEALS_CRITERION_ANSWER_YES, NULL);
  refused = give_verdict (context, appeal_id, incomplete, &error);
  g_assert_null (refused);
  g_assert_error (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_INVALID);
  g_assert_nonnull (appeals_field_errors_find (appeals_service_error_get_field_errors (error), "criteria"));
  g_assert_cmpuint (given->len, ==, 0);
  g_clear_error (&error);

  /* complete, it is taken: returned with a new term, and said once */
  appeals_date_get_today (&today);
  appeals_expertise_add_cross_check (verdict, "applicant_contacted", &today, "Подтвердил");
  round = give_verdict (context, appeal_id, verdict, &error);
  g_assert_no_error (error);
  g_assert_cmpint (round->appeal_id, ==, appeal_id);
  g_assert_cmpint (round->verdict, ==, APPEALS_VERDICT_RETURNED);
  g_assert_cmpint (round->state, ==, APPEALS_EXPERTISE_STATE_FINAL);
  g_assert_cmpstr (round->reasons, ==, "Не все доводы рассмотрены");
  g_assert_true (g_date_valid (&round->rework_due));
  g_assert_cmpuint (round->criteria->len, ==, verdict->criteria->len);
  g_assert_cmpuint (round->cross_checks->len, ==, 1);
  g_assert_cmpfloat (round->score, <, 100);
  g_assert_cmpuint (given->len, ==, 1);
  g_assert_cmpint (g_array_index (given, gint64, 0), ==, appeal_id);

  /* the body's quality now counts the returned answer */
  appeals_expertise_service_rank_bodies_async (expertise, NULL, NULL, NULL, appeals_test_on_done, &ranked);
  ranking = appeals_expertise_service_rank_bodies_finish (expertise, appeals_test_wait_for (&ranked), &min_answers,
                                                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (min_answers, >, 0);
  for (guint i = 0; i < ranking->len; i++)
    {
      const AppealsBodyQuality *quality = g_ptr_array_index (ranking, i);

      if (g_strcmp0 (quality->body, round->body) == 0)
        {
          body_listed = TRUE;
          g_assert_cmpuint (quality->reworks, >=, 1);
          g_assert_cmpint (quality->ranked, ==, quality->answers >= min_answers);
        }
    }
  g_assert_true (body_listed);

  g_signal_handlers_disconnect_by_func (expertise, on_verdict_given, given);
}

/* A verdict that waits for the head ------------------------------------------------ */

static void
test_approval (void)
{
  g_autoptr(AppealsContext) analyst = new_context ();
  g_autoptr(AppealsContext) head = new_context ();
  AppealsExpertiseService *expertise = appeals_context_get_expertise_service (head);
  g_autoptr(GArray) given = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *controller = appeals_test_sign_in (server, "controller", "demo");
  gint64 version = 0;
  gint64 appeal_id = answered_appeal (1, &version);
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/actions/control", appeal_id);
  g_autofree char *etag = appeals_etag_format (appeal_id, version);
  g_autoptr(AppealsTestResponse) controlled = appeals_test_request (server, session, "POST", path, controller, NULL,
                                                                    "If-Match", etag, NULL);
  g_autoptr(AppealsExpertise) verdict = new_verdict (APPEALS_VERDICT_ACCEPTED, NULL);
  g_autoptr(AppealsExpertise) waiting = NULL;
  g_autoptr(AppealsExpertise) approved = NULL;
  g_autoptr(AppealsExpertise) again = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GAsyncResult) approval = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(AppealsPendingVerdicts) pending = NULL;
  g_autoptr(GError) error = NULL;
  AppealsExpertise *mine = NULL;

  g_assert_cmpuint (controlled->status, ==, 200);
  sign_in (analyst, "analyst");
  sign_in (head, "head");
  g_signal_connect (expertise, "verdict-given", G_CALLBACK (on_verdict_given), given);

  /* under control, the verdict waits */
  waiting = give_verdict (analyst, appeal_id, verdict, &error);
  g_assert_no_error (error);
  g_assert_cmpint (waiting->state, ==, APPEALS_EXPERTISE_STATE_AWAITING_APPROVAL);

  /* the head sees it, with the appeal's number, on one page with how
   * many wait */
  appeals_expertise_service_list_pending_async (expertise, NULL, NULL, appeals_test_on_done, &listed);
  pending = appeals_expertise_service_list_pending_finish (expertise, appeals_test_wait_for (&listed), &error);
  g_assert_no_error (error);
  g_assert_null (pending->next_cursor);
  g_assert_cmpint (pending->total, ==, pending->rounds->len);
  for (guint i = 0; i < pending->rounds->len; i++)
    if (((AppealsExpertise *) g_ptr_array_index (pending->rounds, i))->id == waiting->id)
      mine = g_ptr_array_index (pending->rounds, i);
  g_assert_nonnull (mine);
  g_assert_nonnull (mine->registration_number);
  g_assert_cmpint (mine->verdict, ==, APPEALS_VERDICT_ACCEPTED);

  /* approved, it is final and said once; a second approval is a conflict */
  appeals_expertise_service_approve_async (expertise, mine->id, NULL, appeals_test_on_done, &approval);
  approved = appeals_expertise_service_approve_finish (expertise, appeals_test_wait_for (&approval), &error);
  g_assert_no_error (error);
  g_assert_cmpint (approved->state, ==, APPEALS_EXPERTISE_STATE_FINAL);
  g_assert_cmpstr (approved->approved_by, ==, "head");
  g_assert_cmpuint (given->len, ==, 1);
  g_assert_cmpint (g_array_index (given, gint64, 0), ==, appeal_id);

  appeals_expertise_service_approve_async (expertise, mine->id, NULL, appeals_test_on_done, &second);
  again = appeals_expertise_service_approve_finish (expertise, appeals_test_wait_for (&second), &error);
  g_assert_null (again);
  g_assert_error (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_CONFLICT);
  g_assert_cmpuint (given->len, ==, 1);

  g_signal_handlers_disconnect_by_func (expertise, on_verdict_given, given);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "60", NULL };
  int status;

  g_test_init (&argc, &argv, NULL);
  server = appeals_test_server_start ("sqlite", args);

  g_test_add_func ("/session-service/sign-in-check-sign-out", test_session);
  g_test_add_func ("/expertise-service/verdict", test_verdict);
  g_test_add_func ("/expertise-service/approval", test_approval);

  status = g_test_run ();
  appeals_test_server_free (server);
  return status;
}
