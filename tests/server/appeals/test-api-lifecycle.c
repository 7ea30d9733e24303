/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-lifecycle.c: the appeal's lifecycle through its actions — the
 * whole matrix of role × state × action, the audit entry of each action,
 * the extension's limit, the notices, and the card's read-only members.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

typedef struct
{
  const char *login;
  char        letter;   /* as in the matrix below */
  char       *token;
} Role;

/* How an appeal reaches each state from registration (done by the head,
 * the control flag by the controller). */
typedef struct
{
  const char *state;         /* the status it ends in */
  const char *steps[3];
} StatePath;

static const StatePath paths[] = {
  { "registered", { NULL } },
  { "forwarded", { "forward", NULL } },
  { "extended", { "extend", NULL } },
  { "in_progress", { "terminate", "reopen", NULL } },
  { "answered", { "answer", NULL } },
  { "answered", { "control", "answer", NULL } },   /* on control, no expertise */
  { "closed", { "answer", "close", NULL } },
  { "terminated", { "terminate", NULL } },
  { "left_without_consideration", { "leave-without-consideration", NULL } },
};

static const char *actions[] = {
  "forward", "control", "uncontrol", "extend", "answer", "terminate", "leave-without-consideration", "close", "reopen",
};

/* Who may take each action (columns as above) in each state (rows as
 * paths[]): R registrar, C controller, H head; "-" nobody. Leadership,
 * analysts and administrators take none. */
static const char *who_may[G_N_ELEMENTS (paths)][G_N_ELEMENTS (actions)] = {
  /*            forward control uncontrol extend answer terminate leave   close  reopen */
  /* registered */ { "RCH", "CH", "-",  "CH", "RCH", "CH", "RCH", "-",   "-" },
  /* forwarded  */ { "-",   "CH", "-",  "CH", "RCH", "CH", "RCH", "-",   "-" },
  /* extended   */ { "-",   "CH", "-",  "CH", "RCH", "CH", "RCH", "-",   "-" },
  /* in progress*/ { "RCH", "CH", "-",  "CH", "RCH", "CH", "RCH", "-",   "-" },
  /* answered   */ { "-",   "CH", "-",  "-",  "-",   "-",  "-",   "RCH", "-" },
  /* + control  */ { "-",   "-",  "CH", "-",  "-",   "-",  "-",   "-",   "-" },
  /* closed     */ { "-",   "-",  "-",  "-",  "-",   "-",  "-",   "-",   "H" },
  /* terminated */ { "-",   "-",  "-",  "-",  "-",   "-",  "-",   "-",   "H" },
  /* left       */ { "-",   "-",  "-",  "-",  "-",   "-",  "-",   "-",   "H" },
};

/* the status each action leads to; NULL: it stays */
static const char *results[G_N_ELEMENTS (actions)] = {
  "forwarded", NULL, NULL, "extended", "answered", "terminated", "left_without_consideration", "closed", "in_progress",
};

typedef struct
{
  Fixture *fixture;
  Role     roles[6];
  gint64   applicant;
} Run;

static JsonObject *
get_appeal (Fixture *fixture,
            gint64   id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", path, fixture->controller, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  return json_object_ref (appeals_test_response_object (response));
}

/* A valid body for @action on appeal @id. */
static char *
action_body (Fixture    *fixture,
             gint64      id,
             const char *action)
{
  g_autofree char *today = today_iso (0);

  if (g_str_equal (action, "forward"))
    return g_strdup_printf ("{\"body\":\"health\",\"scope\":\"full\",\"outgoing_number\":\"02-15/731\","
                            "\"outgoing_date\":\"%s\"}", today);
  if (g_str_equal (action, "extend"))
    {
      g_autoptr(JsonObject) appeal = get_appeal (fixture, id);
      GDate due;

      g_date_clear (&due, 1);
      g_date_set_parse (&due, json_object_get_string_member (appeal, "due_date"));
      g_assert_true (g_date_valid (&due));
      g_date_add_days (&due, 10);
      return g_strdup_printf ("{\"due_date\":\"%04u-%02u-%02u\",\"reason\":\"Нужен выезд на место\"}",
                              g_date_get_year (&due), g_date_get_month (&due), g_date_get_day (&due));
    }
  if (g_str_equal (action, "answer"))
    return g_strdup_printf ("{\"text\":\"Вопрос решён, ремонт проведён\",\"received_on\":\"%s\","
                            "\"character\":\"satisfied\"}", today);
  if (g_str_equal (action, "terminate"))
    return g_strdup ("{\"ground\":\"withdrawn\",\"reason\":\"Заявитель отозвал обращение\"}");
  if (g_str_equal (action, "leave-without-consideration"))
    return g_strdup ("{\"ground\":\"no-essence\",\"reason\":\"Суть обращения не изложена\"}");
  if (g_str_equal (action, "reopen"))
    return g_strdup ("{\"reason\":\"Новые обстоятельства\"}");
  return NULL;
}

static AppealsTestResponse *
take (Run     *run,
      const char *token,
      gint64      id,
      const char *action)
{
  g_autofree char *body = action_body (run->fixture, id, action);

  return post_action (run->fixture, token, id, action, body);
}

static const char *
token_for_setup (Run     *run,
                 const char *action)
{
  /* the controller puts on control; the head does the rest */
  return g_str_equal (action, "control") ? run->roles[1].token : run->roles[2].token;
}

static gint64
prepare (Run   *run,
         guint     state)
{
  gint64 id = create_appeal (run->fixture, run->fixture->registrar, run->applicant, "kostanay-city",
                             "Жол жөндеу туралы");

  for (guint i = 0; paths[state].steps[i] != NULL; i++)
    {
      g_autoptr(AppealsTestResponse) step = take (run, token_for_setup (run, paths[state].steps[i]), id,
                                                  paths[state].steps[i]);

      if (step->status != 200)
        g_error ("%s: %u %s", paths[state].steps[i], step->status, step->text);
    }
  return id;
}

/* 403 when the role may never take the action, in any state. */
static gboolean
role_ever_may (char   letter,
               guint  action)
{
  for (guint state = 0; state < G_N_ELEMENTS (paths); state++)
    if (strchr (who_may[state][action], letter) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_audited (Fixture    *fixture,
                gint64      id,
                const char *action,
                const char *actor)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/history", id);
  g_autoptr(AppealsTestResponse) history = REQUEST (fixture, "GET", path, fixture->controller, NULL);
  JsonArray *entries = json_object_get_array_member (appeals_test_response_object (history), "items");
  JsonObject *last = json_array_get_object_element (entries, json_array_get_length (entries) - 1);

  g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, action);
  g_assert_cmpstr (json_object_get_string_member (last, "actor"), ==, actor);
}

static void
assert_allowed_actions (Run *run,
                        guint   state,
                        gint64  id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);

  for (guint r = 0; r < G_N_ELEMENTS (run->roles); r++)
    {
      g_autoptr(AppealsTestResponse) response = REQUEST (run->fixture, "GET", path, run->roles[r].token, NULL);
      JsonArray *allowed = json_object_get_array_member (appeals_test_response_object (response), "allowed_actions");
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autoptr(GString) given = g_string_new (NULL);

      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        if (strchr (who_may[state][a], run->roles[r].letter) != NULL)
          g_string_append_printf (expected, "%s ", actions[a]);
      for (guint i = 0; i < json_array_get_length (allowed); i++)
        g_string_append_printf (given, "%s ", json_array_get_string_element (allowed, i));
      g_test_message ("%s as %s", paths[state].state, run->roles[r].login);
      g_assert_cmpstr (given->str, ==, expected->str);
    }
}

static void
test_matrix (Fixture       *fixture,
             gconstpointer  user_data)
{
  Run run = {
    fixture,
    { { "registrar", 'R' }, { "controller", 'C' }, { "head", 'H' },
      { "leadership", 'L' }, { "analyst", 'A' }, { "admin", 'D' } },
    0,
  };

  for (guint r = 0; r < G_N_ELEMENTS (run.roles); r++)
    run.roles[r].token = appeals_test_sign_in (fixture->server, run.roles[r].login, "demo");
  run.applicant = create_applicant (fixture, "061211600012");

  for (guint state = 0; state < G_N_ELEMENTS (paths); state++)
    {
      gint64 shared = prepare (&run, state);
      g_autoptr(JsonObject) before = get_appeal (fixture, shared);

      g_assert_cmpstr (json_object_get_string_member (before, "status"), ==, paths[state].state);
      assert_allowed_actions (&run, state, shared);

      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        for (guint r = 0; r < G_N_ELEMENTS (run.roles); r++)
          {
            Role *role = &run.roles[r];
            gboolean allowed = strchr (who_may[state][a], role->letter) != NULL;
            guint expected = allowed ? 200 : role_ever_may (role->letter, a) ? 409 : 403;
            gint64 id = allowed ? prepare (&run, state) : shared;
            g_autoptr(AppealsTestResponse) response = NULL;

            g_test_message ("%s: %s as %s → %u", paths[state].state, actions[a], role->login, expected);
            response = take (&run, role->token, id, actions[a]);
            if (response->status != expected)
              g_error ("%s: %s as %s: expected %u, got %u: %s", paths[state].state, actions[a], role->login,
                       expected, response->status, response->text);
            if (expected == 403)
              assert_problem (response, 403, "forbidden");
            else if (expected == 409)
              {
                JsonObject *problem = appeals_test_response_object (response);

                assert_problem (response, 409, "invalid_transition");
                g_assert_cmpstr (json_object_get_string_member_with_default (problem, "detail", ""), !=, "");
              }
            else
              {
                JsonObject *appeal = appeals_test_response_object (response);

                g_assert_cmpstr (json_object_get_string_member (appeal, "status"), ==,
                                 results[a] != NULL ? results[a] : paths[state].state);
                g_assert_cmpstr (appeals_test_response_header (response, "ETag"), !=, NULL);
                g_assert_cmpint (json_object_get_int_member (appeal, "version"), >, 1);
                assert_audited (fixture, id, actions[a], role->login);
              }
          }

      /* nothing above changed the shared appeal */
      {
        g_autoptr(JsonObject) after = get_appeal (fixture, shared);

        g_assert_cmpint (json_object_get_int_member (after, "version"), ==,
                         json_object_get_int_member (before, "version"));
      }
    }

  for (guint r = 0; r < G_N_ELEMENTS (run.roles); r++)
    g_free (run.roles[r].token);
}

static char *
add_months (const char *iso,
            guint       months,
            int         days)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_assert_true (g_date_valid (&date));
  g_date_add_months (&date, months);
  if (days > 0)
    g_date_add_days (&date, days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

/* The term may move by at most two months from the first due date: exactly
 * two is accepted, a day more is not — also for a second extension. */
static void
test_extension_limit (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 over = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Су құбыры");
  gint64 exact = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Жарық");
  g_autoptr(JsonObject) appeal = get_appeal (fixture, exact);
  const char *due = json_object_get_string_member (appeal, "due_date");
  g_autofree char *limit = add_months (due, 2, 0);
  g_autofree char *beyond = add_months (due, 2, 1);
  g_autofree char *over_body = g_strdup_printf ("{\"due_date\":\"%s\",\"reason\":\"Запрос в министерство\"}", beyond);
  g_autofree char *exact_body = g_strdup_printf ("{\"due_date\":\"%s\",\"reason\":\"Запрос в министерство\"}", limit);
  g_autofree char *today = today_iso (0);
  g_autoptr(AppealsTestResponse) refused = post_action (fixture, fixture->controller, over, "extend", over_body);
  g_autoptr(AppealsTestResponse) no_reason = post_action (fixture, fixture->controller, exact, "extend",
                                                          "{\"due_date\":\"2099-01-01\"}");
  g_autoptr(AppealsTestResponse) accepted = post_action (fixture, fixture->controller, exact, "extend", exact_body);
  g_autoptr(AppealsTestResponse) again = post_action (fixture, fixture->controller, exact, "extend", over_body);
  JsonObject *extended;

  assert_problem (refused, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (refused, "due_date"), ==, "out_of_range");
  assert_problem (no_reason, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (no_reason, "reason"), ==, "required");

  g_assert_cmpuint (accepted->status, ==, 200);
  extended = appeals_test_response_object (accepted);
  g_assert_cmpstr (json_object_get_string_member (extended, "status"), ==, "extended");
  g_assert_cmpstr (json_object_get_string_member (extended, "due_date"), ==, limit);
  g_assert_cmpstr (json_object_get_string_member (extended, "original_due_date"), ==, due);
  g_assert_cmpstr (json_object_get_string_member (extended, "extended_on"), ==, today);
  g_assert_cmpstr (json_object_get_string_member (extended, "extension_reason"), ==, "Запрос в министерство");
  g_assert_cmpstr (json_object_get_string_member (extended, "notice_kind"), ==, "extension");
  g_assert_cmpstr (json_object_get_string_member (extended, "notice_due_date"), >, today);
  /* the days to forward are tracked from registration */
  g_assert_cmpstr (json_object_get_string_member (appeal, "forwarding_due_date"), >, today);

  /* the limit counts from the first term, not from the extended one */
  assert_problem (again, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (again, "due_date"), ==, "out_of_range");
}

/* The notice a decision owes, recorded as sent. */
static void
test_notices (Fixture       *fixture,
              gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Жер учаскесі");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/notices", id);
  g_autofree char *today = today_iso (0);
  g_autofree char *notice = g_strdup_printf ("{\"kind\":\"leave-without-consideration\",\"outgoing_number\":\"03-07/88\","
                                             "\"outgoing_date\":\"%s\"}", today);
  g_autofree char *wrong_kind = g_strdup_printf ("{\"kind\":\"extension\",\"outgoing_number\":\"03-07/88\","
                                                 "\"outgoing_date\":\"%s\"}", today);
  g_autoptr(AppealsTestResponse) early = REQUEST (fixture, "POST", path, fixture->registrar, notice);
  g_autoptr(AppealsTestResponse) wrong_ground = post_action (fixture, fixture->registrar, id,
                                                             "leave-without-consideration",
                                                             "{\"ground\":\"withdrawn\",\"reason\":\"Отозвано\"}");
  g_autoptr(AppealsTestResponse) left = post_action (fixture, fixture->registrar, id, "leave-without-consideration",
                                                     "{\"ground\":\"anonymous\",\"reason\":\"Нет подписи\"}");
  g_autoptr(AppealsTestResponse) wrong = REQUEST (fixture, "POST", path, fixture->registrar, wrong_kind);
  g_autoptr(AppealsTestResponse) sent = REQUEST (fixture, "POST", path, fixture->registrar, notice);
  JsonArray *notices;
  JsonObject *first;

  /* nothing is owed before the decision */
  assert_problem (early, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (early, "kind"), ==, "invalid_value");
  /* withdrawal terminates; it is not a ground to leave without consideration */
  assert_problem (wrong_ground, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (wrong_ground, "ground"), ==, "invalid_value");

  g_assert_cmpuint (left->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (left), "termination_ground"), ==,
                   "anonymous");
  assert_problem (wrong, 422, "validation_failed");
  g_assert_cmpuint (sent->status, ==, 201);
  notices = json_object_get_array_member (appeals_test_response_object (sent), "notices");
  g_assert_cmpuint (json_array_get_length (notices), ==, 1);
  first = json_array_get_object_element (notices, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "leave-without-consideration");
  g_assert_cmpstr (json_object_get_string_member (first, "language"), ==, "kk");
  g_assert_cmpstr (json_object_get_string_member (first, "outgoing_number"), ==, "03-07/88");
  g_assert_false (json_object_get_boolean_member (first, "late"));
  assert_audited (fixture, id, "notice", "registrar");
}

/* Status, control and answer change only through actions; the card's
 * descriptive members stay editable; actions check If-Match. */
static void
test_read_only_and_preconditions (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Көше жарығы");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autofree char *control_path = g_strdup_printf ("%s/actions/control", path);
  g_autoptr(AppealsTestResponse) current = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
  const char *etag = appeals_test_response_header (current, "ETag");
  g_autoptr(AppealsTestResponse) status = REQUEST (fixture, "PATCH", path, fixture->registrar,
                                                   "{\"status\":\"closed\",\"answer\":\"Ответ\",\"control\":false}",
                                                   "If-Match", etag);
  g_autoptr(AppealsTestResponse) control = REQUEST (fixture, "PATCH", path, fixture->controller,
                                                    "{\"control\":true}", "If-Match", etag);
  g_autoptr(AppealsTestResponse) same = REQUEST (fixture, "PATCH", path, fixture->registrar,
                                                 "{\"status\":\"registered\",\"executor\":\"Ким В.А.\"}",
                                                 "If-Match", etag);
  g_autoptr(AppealsTestResponse) stale = REQUEST (fixture, "POST", control_path, fixture->controller, NULL,
                                                  "If-Match", etag);
  g_autoptr(AppealsTestResponse) missing = REQUEST (fixture, "POST", control_path, fixture->controller, NULL);
  g_autofree char *unknown_path = g_strdup_printf ("%s/actions/archive", path);
  g_autoptr(AppealsTestResponse) unknown = REQUEST (fixture, "POST", unknown_path, fixture->controller, NULL,
                                                    "If-Match", etag);
  g_autoptr(AppealsTestResponse) extra = post_action (fixture, fixture->controller, id, "control", "{\"why\":1}");

  assert_problem (status, 422, "read_only");
  g_assert_cmpstr (field_error_code (status, "status"), ==, "read_only");
  g_assert_cmpstr (field_error_code (status, "answer"), ==, "read_only");
  g_assert_null (field_error_code (status, "control"));   /* false is what it is */
  assert_problem (control, 422, "read_only");
  g_assert_cmpstr (field_error_code (control, "control"), ==, "read_only");

  /* the value in force may be sent back; the executor is the card's to edit */
  g_assert_cmpuint (same->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (same), "executor"), ==, "Ким В.А.");
  assert_problem (stale, 412, "precondition_failed");
  assert_problem (missing, 428, "precondition_required");
  assert_problem (unknown, 404, "not_found");
  assert_problem (extra, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (extra, "why"), ==, "unknown_field");
}

static AppealsTestResponse *
edit_card (Fixture    *fixture,
           const char *method,
           gint64      id,
           const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autofree char *etag = appeal_etag (fixture, id);

  return REQUEST (fixture, method, path, fixture->controller, body, "If-Match", etag);
}

/* A decided appeal's card stays as it was decided until the head reopens
 * it; the applicant's address and phone stay the applicant's to change. */
static void
test_decided_card (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 closed = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Аула жолы");
  gint64 terminated = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Су құбыры");
  g_autofree char *answer = action_body (fixture, closed, "answer");
  g_autofree char *terminate = action_body (fixture, terminated, "terminate");
  g_autofree char *reopen = action_body (fixture, closed, "reopen");
  g_autofree char *applicant_path = g_strdup_printf ("/api/v1/applicants/%" G_GINT64_FORMAT, applicant);
  g_autoptr(AppealsTestResponse) step = NULL;
  g_autoptr(AppealsTestResponse) refused = NULL;
  g_autoptr(AppealsTestResponse) replaced = NULL;
  g_autoptr(AppealsTestResponse) unchanged = NULL;
  g_autoptr(AppealsTestResponse) other = NULL;
  g_autoptr(AppealsTestResponse) address = NULL;
  g_autoptr(AppealsTestResponse) current = NULL;
  g_autoptr(AppealsTestResponse) reopened = NULL;
  g_autoptr(AppealsTestResponse) edited = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *same = NULL;

  step = post_action (fixture, fixture->controller, closed, "answer", answer);
  g_assert_cmpuint (step->status, ==, 200);
  g_clear_pointer (&step, appeals_test_response_free);
  step = post_action (fixture, fixture->controller, closed, "close", NULL);
  g_assert_cmpuint (step->status, ==, 200);
  g_clear_pointer (&step, appeals_test_response_free);
  step = post_action (fixture, fixture->controller, terminated, "terminate", terminate);
  g_assert_cmpuint (step->status, ==, 200);
  before = get_appeal (fixture, closed);

  /* a change, by merge patch or by the whole card, is refused by name */
  refused = edit_card (fixture, "PATCH", closed, "{\"executor\":\"Ким В.А.\",\"category\":\"complaint\","
                                                 "\"complaint_subject\":\"local_executive_officials\"}");
  assert_problem (refused, 409, "appeal_decided");
  g_assert_cmpstr (field_error_code (refused, "executor"), ==, "read_only");
  g_assert_cmpstr (field_error_code (refused, "category"), ==, "read_only");
  g_assert_null (field_error_code (refused, "annotation"));
  replaced = edit_card (fixture, "PUT", closed, "{\"annotation\":\"Другая суть\"}");
  assert_problem (replaced, 409, "appeal_decided");
  g_assert_cmpstr (field_error_code (replaced, "annotation"), ==, "read_only");
  other = edit_card (fixture, "PATCH", terminated, "{\"executor\":\"Ким В.А.\"}");
  assert_problem (other, 409, "appeal_decided");

  /* nothing changed: not the card, not its version */
  after = get_appeal (fixture, closed);
  g_assert_cmpint (json_object_get_int_member (after, "version"), ==, json_object_get_int_member (before, "version"));
  g_assert_cmpstr (json_object_get_string_member (after, "category"), !=, "complaint");
  g_assert_true (json_object_get_null_member (after, "executor") ||
                 g_strcmp0 (json_object_get_string_member (after, "executor"), "Ким В.А.") != 0);

  /* the card sent back as it is is no change */
  same = g_strdup_printf ("{\"language\":\"%s\",\"annotation\":\"%s\"}",
                          json_object_get_string_member (after, "language"),
                          json_object_get_string_member (after, "annotation"));
  unchanged = edit_card (fixture, "PATCH", closed, same);
  g_assert_cmpuint (unchanged->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (unchanged), "version"), ==,
                   json_object_get_int_member (before, "version"));

  /* the applicant's phone is the applicant's, decided appeals or not */
  current = REQUEST (fixture, "GET", applicant_path, fixture->registrar, NULL);
  address = REQUEST (fixture, "PATCH", applicant_path, fixture->registrar, "{\"phone\":\"+77015550101\"}",
                     "If-Match", appeals_test_response_header (current, "ETag"));
  g_assert_cmpuint (address->status, ==, 200);

  /* reopened by the head, the card is the department's to edit again */
  reopened = post_action (fixture, head, closed, "reopen", reopen);
  g_assert_cmpuint (reopened->status, ==, 200);
  edited = edit_card (fixture, "PATCH", closed, "{\"executor\":\"Ким В.А.\"}");
  g_assert_cmpuint (edited->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (edited), "executor"), ==,
                   "Ким В.А.");
}

/* An appeal forwarded after the law's working days is flagged; an answer
 * after the due date in force is flagged late, but not that of an appeal
 * forwarded in full before its term ran out (its term stopped then). */
static void
test_late_flags (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) list = REQUEST (fixture, "GET", "/api/v1/appeals?status=in_progress&limit=50",
                                                 fixture->controller, NULL);
  JsonArray *items = json_object_get_array_member (appeals_test_response_object (list), "items");
  g_autofree char *week_ago = today_iso (-7);
  g_autofree char *today = today_iso (0);
  gint64 old = 0, sent_in_term = 0;
  const char *sent_on = NULL;

  for (guint i = 0; i < json_array_get_length (items) && sent_in_term == 0; i++)
    {
      JsonObject *appeal = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (appeal, "registration_date"), week_ago) >= 0)
        continue;
      if (old == 0)
        old = json_object_get_int_member (appeal, "id");
      else
        {
          sent_in_term = json_object_get_int_member (appeal, "id");
          sent_on = json_object_get_string_member (appeal, "registration_date");
        }
    }
  g_assert_cmpint (sent_in_term, >, 0);

  {
    g_autofree char *body = action_body (fixture, old, "forward");
    g_autoptr(AppealsTestResponse) forwarded = post_action (fixture, fixture->controller, old, "forward", body);
    g_autofree char *late_answer = NULL;
    g_autoptr(AppealsTestResponse) answered = NULL;
    JsonObject *appeal;

    g_assert_cmpuint (forwarded->status, ==, 200);
    appeal = appeals_test_response_object (forwarded);
    g_assert_true (json_object_get_boolean_member (appeal, "forwarded_late"));
    g_assert_cmpstr (json_object_get_string_member (appeal, "forwarded_to"), ==, "health");
    g_assert_cmpstr (json_object_get_string_member (appeal, "forwarding_due_date"), <, today);

    late_answer = g_strdup_printf ("{\"text\":\"Разъяснено\",\"received_on\":\"%s\",\"character\":\"explained\"}",
                                   today);
    answered = post_action (fixture, fixture->controller, old, "answer", late_answer);
    g_assert_cmpuint (answered->status, ==, 200);
    appeal = appeals_test_response_object (answered);
    g_assert_cmpstr (json_object_get_string_member (appeal, "answer_character"), ==, "explained");
    g_assert_cmpint (json_object_get_boolean_member (appeal, "answer_late"), ==,
                     g_strcmp0 (json_object_get_string_member (appeal, "due_date"), today) < 0);
  }

  /* forwarded in full the day it came, due yesterday, answered today */
  {
    g_autofree char *forward = g_strdup_printf ("{\"body\":\"health\",\"scope\":\"full\","
                                                "\"outgoing_number\":\"02-15/733\",\"outgoing_date\":\"%s\"}",
                                                sent_on);
    g_autoptr(AppealsTestResponse) forwarded = post_action (fixture, fixture->controller, sent_in_term, "forward",
                                                            forward);
    g_autofree char *yesterday = today_iso (-1);
    g_autofree char *past = g_strdup_printf ("UPDATE appeals SET due_date = '%s' WHERE id = %" G_GINT64_FORMAT,
                                             yesterday, sent_in_term);
    g_autofree char *answer = g_strdup_printf ("{\"text\":\"Разъяснено\",\"received_on\":\"%s\","
                                               "\"character\":\"explained\"}", today);
    g_autoptr(AppealsTestResponse) answered = NULL;
    JsonObject *appeal;

    g_assert_cmpuint (forwarded->status, ==, 200);
    g_assert_false (json_object_get_boolean_member (appeals_test_response_object (forwarded), "forwarded_late"));
    test_api_run_sql (fixture, past);
    answered = post_action (fixture, fixture->controller, sent_in_term, "answer", answer);
    g_assert_cmpuint (answered->status, ==, 200);
    appeal = appeals_test_response_object (answered);
    g_assert_cmpstr (json_object_get_string_member (appeal, "due_date"), ==, yesterday);
    g_assert_false (json_object_get_boolean_member (appeal, "answer_late"));
  }
}

void
test_api_add_lifecycle (void)
{
  TEST_API_ADD ("/api/lifecycle/matrix", test_matrix);
  TEST_API_ADD ("/api/lifecycle/extension-limit", test_extension_limit);
  TEST_API_ADD ("/api/lifecycle/notices", test_notices);
  TEST_API_ADD ("/api/lifecycle/read-only", test_read_only_and_preconditions);
  TEST_API_ADD ("/api/lifecycle/decided-card", test_decided_card);
  TEST_API_ADD ("/api/lifecycle/late-flags", test_late_flags);
}
