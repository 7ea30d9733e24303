/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-my-work.c: GET /my-work, checked against what the journal, the
 * reception and the expertise routes say independently: each role gets
 * its groups, each group holds exactly the caller's work in scope, and
 * work leaves a group once it is done.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

static JsonObject *
get_my_work (Fixture    *fixture,
             const char *token)
{
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", "/api/v1/my-work", token, NULL);

  if (response->status != 200)
    g_error ("GET /my-work: %u %s", response->status, response->text);
  return json_object_ref (appeals_test_response_object (response));
}

/* The group named @name, or NULL when the role has none. */
static JsonObject *
find_group (JsonObject *work,
            const char *name)
{
  return appeals_test_find_object (work, "groups", "group", name);
}

static char *
group_names (JsonObject *work)
{
  JsonArray *groups = json_object_get_array_member (work, "groups");
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (groups); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (groups, i), "group"));
  return g_string_free (names, FALSE);
}

/* The ids of a group's items, sorted as the group lists them. */
static GArray *
group_ids (JsonObject *group)
{
  JsonArray *items = json_object_get_array_member (group, "items");
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
is_open (const char *status)
{
  return g_strv_contains ((const char * const[]) { "registered", "in_progress", "extended", "returned", NULL }, status);
}

static gint
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

typedef gboolean (*AppealTest) (JsonObject *appeal,
                                gpointer    user_data);

/* Every appeal of the caller's journal, page after page, that @keep keeps:
 * their ids, sorted. */
static GArray *
journal_ids (Fixture    *fixture,
             const char *token,
             AppealTest  keep,
             gpointer    user_data)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *cursor = NULL;

  do
    {
      g_autofree char *escaped = cursor != NULL ? g_uri_escape_string (cursor, NULL, TRUE) : NULL;
      g_autofree char *path = g_strdup_printf ("/api/v1/appeals?limit=100%s%s", escaped != NULL ? "&cursor=" : "",
                                               escaped != NULL ? escaped : "");
      g_autoptr(AppealsTestResponse) page = REQUEST (fixture, "GET", path, token, NULL);
      JsonObject *object;
      JsonArray *items;

      g_assert_cmpuint (page->status, ==, 200);
      object = appeals_test_response_object (page);
      items = json_object_get_array_member (object, "items");
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *appeal = json_array_get_object_element (items, i);
          gint64 id = json_object_get_int_member (appeal, "id");

          if (keep (appeal, user_data))
            g_array_append_val (ids, id);
        }
      g_clear_pointer (&cursor, g_free);
      if (!json_object_get_null_member (object, "next_cursor"))
        cursor = g_strdup (json_object_get_string_member (object, "next_cursor"));
    }
  while (cursor != NULL);

  g_array_sort (ids, compare_int64);
  return ids;
}

typedef struct
{
  const char *login;
  const char *full_name;
  const char *soon_until;
  gboolean    control_only;
} AppealQuery;

static gboolean
keep_due_soon (JsonObject *appeal,
               gpointer    user_data)
{
  AppealQuery *query = user_data;
  const char *executor = json_object_get_string_member_with_default (appeal, "executor", "");

  if (!is_open (json_object_get_string_member (appeal, "status")) ||
      strcmp (json_object_get_string_member (appeal, "due_date"), query->soon_until) > 0)
    return FALSE;
  if (query->control_only)
    return json_object_get_boolean_member (appeal, "control");
  return g_str_equal (json_object_get_string_member (appeal, "registrar"), query->login) ||
         g_strcmp0 (executor, query->full_name) == 0;
}

/* The items agree with the count, come most urgent first and say how
 * urgent they are; returns their ids sorted. */
static GArray *
checked_ids (JsonObject *work,
             JsonObject *group)
{
  JsonArray *items = json_object_get_array_member (group, "items");
  const char *today = json_object_get_string_member (work, "today");
  const char *previous = "";
  GArray *ids = group_ids (group);

  g_assert_cmpint (json_object_get_int_member (group, "count"), ==, json_array_get_length (items));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *due = json_object_get_string_member (item, "due_date");
      int order = strcmp (due, today);

      g_assert_cmpint (strcmp (previous, due), <=, 0);
      g_assert_cmpstr (json_object_get_string_member (item, "due_state"), ==,
                       order < 0 ? "overdue" : order == 0 ? "today" : "soon");
      previous = due;
    }
  g_array_sort (ids, compare_int64);
  return ids;
}

static void
assert_same_ids (GArray *expected,
                 GArray *got)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpint (g_array_index (got, gint64, i), ==, g_array_index (expected, gint64, i));
}

static void
test_groups_per_role (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const struct
  {
    const char *login;
    const char *groups;
  } roles[] = {
    { "registrar", "my_appeals,reception_steps,orders" },
    { "controller", "my_appeals,on_control,reception_steps,orders" },
    { "head", "my_appeals,on_control,awaiting_approval,reception_steps,orders" },
    { "analyst", "my_appeals,awaiting_expertise,reception_steps,orders" },
    { "leadership", "my_appeals,reception_steps,orders" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *token = appeals_test_sign_in (fixture->server, roles[i].login, "demo");
      g_autoptr(JsonObject) work = get_my_work (fixture, token);
      g_autofree char *names = group_names (work);

      g_assert_cmpstr (names, ==, roles[i].groups);
    }

  /* counted up to a limit: the same groups and items, each count up to
   * it, "more" where the exact count is beyond it */
  {
    g_autoptr(JsonObject) exact = get_my_work (fixture, fixture->controller);
    g_autoptr(AppealsTestResponse) limited = REQUEST (fixture, "GET", "/api/v1/my-work?count_limit=1",
                                                      fixture->controller, NULL);
    JsonArray *exact_groups = json_object_get_array_member (exact, "groups");
    JsonArray *limited_groups = json_object_get_array_member (appeals_test_response_object (limited), "groups");
    guint n_more = 0;

    g_assert_cmpuint (limited->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (limited_groups), ==, json_array_get_length (exact_groups));
    for (guint i = 0; i < json_array_get_length (exact_groups); i++)
      {
        JsonObject *whole = json_array_get_object_element (exact_groups, i);
        JsonObject *part = json_array_get_object_element (limited_groups, i);
        gint64 n = json_object_get_int_member (whole, "count");

        g_assert_false (json_object_get_boolean_member (whole, "count_more"));
        g_assert_cmpint (json_object_get_int_member (part, "count"), ==, MIN (n, 1));
        g_assert_cmpint (json_object_get_boolean_member (part, "count_more"), ==, n > 1);
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (part, "items")), ==,
                          json_array_get_length (json_object_get_array_member (whole, "items")));
        n_more += n > 1;
      }
    g_assert_cmpuint (n_more, >, 0);
  }

  {
    g_autoptr(AppealsTestResponse) anonymous = REQUEST (fixture, "GET", "/api/v1/my-work", NULL, NULL);
    g_autoptr(AppealsTestResponse) too_far = REQUEST (fixture, "GET", "/api/v1/my-work?soon_days=21",
                                                      fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) nonsense = REQUEST (fixture, "GET", "/api/v1/my-work?soon_days=-1",
                                                       fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) none = REQUEST (fixture, "GET", "/api/v1/my-work?soon_days=0",
                                                   fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) no_limit = REQUEST (fixture, "GET", "/api/v1/my-work?count_limit=0",
                                                       fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) over_limit = REQUEST (fixture, "GET", "/api/v1/my-work?count_limit=10001",
                                                         fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) word_limit = REQUEST (fixture, "GET", "/api/v1/my-work?count_limit=all",
                                                         fixture->registrar, NULL);
    JsonObject *today_only = appeals_test_response_object (none);

    assert_problem (anonymous, 401, "unauthorized");
    assert_problem (too_far, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (too_far, "soon_days"), ==, "out_of_range");
    assert_problem (nonsense, 422, "validation_failed");
    assert_problem (no_limit, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (no_limit, "count_limit"), ==, "out_of_range");
    assert_problem (over_limit, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (over_limit, "count_limit"), ==, "out_of_range");
    assert_problem (word_limit, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (word_limit, "count_limit"), ==, "out_of_range");
    /* with no days of grace, "soon" is today: nothing is merely soon */
    g_assert_cmpstr (json_object_get_string_member (today_only, "soon_until"), ==,
                     json_object_get_string_member (today_only, "today"));
  }
}

/* The registrar's own appeals and the controller's appeals on control are
 * exactly those the journal shows open and due by soon_until. */
static void
test_appeals_match_journal (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) session = REQUEST (fixture, "GET", "/api/v1/session", fixture->registrar, NULL);
  JsonObject *user = json_object_get_object_member (appeals_test_response_object (session), "user");
  g_autoptr(JsonObject) work = get_my_work (fixture, fixture->registrar);
  AppealQuery mine = { "registrar", json_object_get_string_member (user, "full_name"),
                       json_object_get_string_member (work, "soon_until"), FALSE };
  g_autoptr(GArray) expected = journal_ids (fixture, fixture->registrar, keep_due_soon, &mine);
  g_autoptr(GArray) got = checked_ids (work, find_group (work, "my_appeals"));
  g_autoptr(JsonObject) controller_work = get_my_work (fixture, fixture->controller);
  AppealQuery controlled = { NULL, NULL, json_object_get_string_member (controller_work, "soon_until"), TRUE };
  g_autoptr(GArray) expected_control = journal_ids (fixture, fixture->controller, keep_due_soon, &controlled);
  g_autoptr(GArray) got_control = checked_ids (controller_work, find_group (controller_work, "on_control"));
  g_autoptr(JsonObject) other_work = get_my_work (fixture, fixture->registrar2);
  g_autoptr(GArray) others = group_ids (find_group (other_work, "my_appeals"));

  g_assert_cmpuint (expected->len, >, 0);
  assert_same_ids (expected, got);
  g_assert_cmpuint (expected_control->len, >, 0);
  assert_same_ids (expected_control, got_control);

  /* another district's registrar sees none of them */
  for (guint i = 0; i < others->len; i++)
    g_assert_false (g_array_binary_search (got, &g_array_index (others, gint64, i), compare_int64, NULL));
}

/* An answer waits for the analyst until it is examined; a verdict on an
 * appeal on control then waits for the head. */
static void
test_expertise_queues (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *analyst = appeals_test_sign_in (fixture->server, "analyst", "demo");
  g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
  gint64 applicant = create_applicant (fixture, "900315300010");
  gint64 appeal = create_appeal (fixture, fixture->controller, applicant, "kostanay-city", "Жол жөндеу туралы");
  g_autofree char *today = today_iso (0);
  g_autofree char *answer = g_strdup_printf ("{\"text\":\"Жол 2027 жылы жөнделеді\",\"received_on\":\"%s\","
                                             "\"character\":\"explained\"}", today);
  g_autofree char *expertise_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/expertise", appeal);
  const char *verdict = "{\"criteria\":[{\"code\":\"all_arguments\",\"answer\":\"yes\"},"
                        "{\"code\":\"justified\",\"answer\":\"yes\"},{\"code\":\"specific_facts\",\"answer\":\"yes\"},"
                        "{\"code\":\"clear_structure\",\"answer\":\"yes\"},{\"code\":\"appeal_right\",\"answer\":\"yes\"},"
                        "{\"code\":\"language\",\"answer\":\"yes\"}],\"verdict\":\"accepted\"}";
  g_autoptr(JsonObject) before = get_my_work (fixture, analyst);
  gint64 waiting = json_object_get_int_member (find_group (before, "awaiting_expertise"), "count");
  g_autoptr(AppealsTestResponse) controlled = post_action (fixture, fixture->controller, appeal, "control", NULL);
  g_autoptr(AppealsTestResponse) answered = post_action (fixture, fixture->controller, appeal, "answer", answer);
  g_autoptr(JsonObject) after_answer = get_my_work (fixture, analyst);
  g_autoptr(AppealsTestResponse) examined = NULL;
  g_autoptr(JsonObject) after_verdict = NULL;
  g_autoptr(JsonObject) head_work = NULL;
  g_autoptr(GArray) approvals = NULL;
  JsonArray *items;
  gint64 round;

  g_assert_cmpuint (controlled->status, ==, 200);
  g_assert_cmpuint (answered->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (find_group (after_answer, "awaiting_expertise"), "count"), ==,
                   waiting + 1);
  /* an answer waits from the day it came */
  items = json_object_get_array_member (find_group (after_answer, "awaiting_expertise"), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_cmpstr (json_object_get_string_member (item, "due_state"), ==, "waiting");
      g_assert_false (json_object_get_null_member (item, "waiting_since"));
      if (json_object_get_int_member (item, "appeal_id") == appeal)
        g_assert_cmpstr (json_object_get_string_member (item, "waiting_since"), ==, today);
    }

  examined = REQUEST (fixture, "POST", expertise_path, analyst, verdict);
  g_assert_cmpuint (examined->status, ==, 201);
  round = json_object_get_int_member (appeals_test_response_object (examined), "id");
  after_verdict = get_my_work (fixture, analyst);
  g_assert_cmpint (json_object_get_int_member (find_group (after_verdict, "awaiting_expertise"), "count"), ==,
                   waiting);

  head_work = get_my_work (fixture, head);
  approvals = group_ids (find_group (head_work, "awaiting_approval"));
  g_assert_true (g_array_binary_search (approvals, &round, compare_int64, NULL));
  items = json_object_get_array_member (find_group (head_work, "awaiting_approval"), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "expertise");
      g_assert_cmpstr (json_object_get_string_member (item, "due_state"), ==, "waiting");
      g_assert_false (json_object_get_null_member (item, "waiting_since"));
      /* a verdict waits from the day it was given, in Kazakhstan */
      if (json_object_get_int_member (item, "id") == round)
        {
          g_assert_cmpint (json_object_get_int_member (item, "appeal_id"), ==, appeal);
          g_assert_cmpstr (json_object_get_string_member (item, "waiting_since"), ==, today);
        }
    }
}

/* Books a reception as registrar2 (who booked none of the demo's) for an
 * applicant of their own district, on the next day that takes it. */
static gint64
book_as_registrar2 (Fixture *fixture)
{
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", fixture->controller, NULL);
  gint64 official = json_object_get_int_member (json_array_get_object_element (
                      json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id");
  g_autoptr(AppealsTestResponse) person = REQUEST (fixture, "POST", "/api/v1/applicants", fixture->registrar2,
                                                   "{\"iin\":\"850720400027\",\"surname\":\"Кравец\","
                                                   "\"given_name\":\"Иван\",\"address\":\"Рудный, Ленина, 3\","
                                                   "\"phone\":\"87051234500\"}");
  gint64 applicant;

  g_assert_cmpuint (person->status, ==, 201);
  applicant = json_object_get_int_member (appeals_test_response_object (person), "id");
  for (int ahead = 1; ahead < 10; ahead++)
    {
      g_autofree char *date = today_iso (ahead);
      gint64 id = book_free (fixture, fixture->registrar2, official, applicant, date);

      if (id > 0)
        return id;
    }
  g_error ("no day took the booking in the next ten days");
}

/* The steps of a reception one booked that fall due by soon_until are
 * one's own, exactly as the reception lists them; the other registrar
 * does not get them. */
static void
test_reception_steps (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gint64 reception = book_as_registrar2 (fixture);
  g_autofree char *path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, reception);
  g_autoptr(AppealsTestResponse) detail = REQUEST (fixture, "GET", path, fixture->registrar2, NULL);
  g_autoptr(JsonObject) work = get_my_work (fixture, fixture->registrar2);
  g_autoptr(JsonObject) other = get_my_work (fixture, fixture->registrar);
  const char *soon_until = json_object_get_string_member (work, "soon_until");
  JsonArray *steps = json_object_get_array_member (appeals_test_response_object (detail), "steps");
  JsonObject *group = find_group (work, "reception_steps");
  JsonArray *items = json_object_get_array_member (group, "items");
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();

  g_assert_cmpuint (detail->status, ==, 200);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);

      if (!json_object_get_boolean_member (step, "done") && !json_object_get_null_member (step, "due") &&
          strcmp (json_object_get_string_member (step, "due"), soon_until) <= 0)
        g_ptr_array_add (expected, (gpointer) json_object_get_string_member (step, "code"));
    }
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpint (json_object_get_int_member (group, "count"), ==, expected->len);
  g_assert_cmpuint (json_array_get_length (items), ==, expected->len);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "reception");
      g_assert_cmpint (json_object_get_int_member (item, "id"), ==, reception);
      g_assert_true (g_ptr_array_find_with_equal_func (expected, json_object_get_string_member (item, "number"),
                                                       g_str_equal, NULL));
    }

  items = json_object_get_array_member (find_group (other, "reception_steps"), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i), "id"), !=, reception);
}

void
test_api_add_my_work (void)
{
  TEST_API_ADD ("/api/my-work/groups-per-role", test_groups_per_role);
  TEST_API_ADD ("/api/my-work/appeals-match-journal", test_appeals_match_journal);
  TEST_API_ADD ("/api/my-work/expertise-queues", test_expertise_queues);
  TEST_API_ADD ("/api/my-work/reception-steps", test_reception_steps);
}
