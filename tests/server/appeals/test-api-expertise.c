/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-expertise.c: checklists, verdicts, head approval and answer quality.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

static const char *two_noes =
  "{\"criteria\":[{\"code\":\"all_arguments\",\"answer\":\"yes\"},"
  "{\"code\":\"justified\",\"answer\":\"no\",\"comment\":\"Нет ссылок на закон\"},"
  "{\"code\":\"specific_facts\",\"answer\":\"partly\"},{\"code\":\"clear_structure\",\"answer\":\"yes\"},"
  "{\"code\":\"appeal_right\",\"answer\":\"no\"},{\"code\":\"language\",\"answer\":\"yes\"}],"
  "\"cross_checks\":[{\"code\":\"applicant_contacted\",\"date\":\"2026-11-20\",\"result\":\"Подтвердил\"}],"
  "\"verdict\":\"returned\",\"reasons\":\"Нет ссылок на закон; не разъяснено право обжалования\"}";

static const char *all_yes =
  "{\"criteria\":[{\"code\":\"all_arguments\",\"answer\":\"yes\"},{\"code\":\"justified\",\"answer\":\"yes\"},"
  "{\"code\":\"specific_facts\",\"answer\":\"yes\"},{\"code\":\"clear_structure\",\"answer\":\"yes\"},"
  "{\"code\":\"appeal_right\",\"answer\":\"yes\"},{\"code\":\"language\",\"answer\":\"yes\"}],"
  "\"verdict\":\"accepted\"}";

/* An answered appeal of the controller's with the control flag set as asked. */
static gint64
answered_appeal (Fixture  *fixture,
                 gboolean  control,
                 gint64    other_than)
{
  g_autoptr(AppealsTestResponse) list = REQUEST (fixture, "GET", "/api/v1/appeals?status=answered&limit=50",
                                                 fixture->controller, NULL);
  JsonArray *items = json_object_get_array_member (appeals_test_response_object (list), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *appeal = json_array_get_object_element (items, i);
      gint64 id = json_object_get_int_member (appeal, "id");
      g_autoptr(AppealsTestResponse) flagged = NULL;

      if (id == other_than)
        continue;
      if (json_object_get_boolean_member (appeal, "control") != control)
        {
          flagged = post_action (fixture, fixture->controller, id, control ? "control" : "uncontrol", NULL);
          g_assert_cmpuint (flagged->status, ==, 200);
        }
      return id;
    }

  g_error ("no answered appeal in the demo data");
}

static JsonObject *
get_appeal_object (Fixture *fixture,
                   gint64   id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", path, fixture->controller, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  return json_object_ref (appeals_test_response_object (response));
}

static void
test_expertise (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *analyst = appeals_test_sign_in (fixture->server, "analyst", "demo");
  g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
  g_autofree char *leadership = appeals_test_sign_in (fixture->server, "leadership", "demo");
  gint64 plain = answered_appeal (fixture, FALSE, 0);
  gint64 controlled = answered_appeal (fixture, TRUE, plain);
  g_autofree char *plain_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/expertise", plain);
  g_autofree char *controlled_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/expertise", controlled);
  g_autoptr(JsonObject) before = get_appeal_object (fixture, plain);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) closed = NULL;
  g_autoptr(JsonObject) waiting = NULL;
  g_autoptr(JsonObject) approved_appeal = NULL;
  g_autoptr(AppealsTestResponse) denied = REQUEST (fixture, "POST", plain_path, fixture->registrar, two_noes);
  g_autoptr(AppealsTestResponse) incomplete = REQUEST (fixture, "POST", plain_path, analyst,
                                                       "{\"criteria\":[{\"code\":\"justified\",\"answer\":\"maybe\"}],"
                                                       "\"verdict\":\"returned\"}");
  g_autoptr(AppealsTestResponse) returned = NULL;
  g_autoptr(AppealsTestResponse) again = NULL;
  g_autoptr(AppealsTestResponse) reworked = NULL;
  g_autoptr(AppealsTestResponse) second = NULL;
  g_autoptr(AppealsTestResponse) rounds = NULL;
  g_autoptr(AppealsTestResponse) history = NULL;
  g_autoptr(AppealsTestResponse) pending = NULL;
  g_autoptr(AppealsTestResponse) analyst_approval = NULL;
  g_autoptr(AppealsTestResponse) approval = NULL;
  g_autoptr(AppealsTestResponse) quality = NULL;
  g_autofree char *approval_path = NULL;
  g_autofree char *history_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/history", plain);
  JsonArray *entries;
  JsonObject *last;

  assert_problem (denied, 403, "forbidden");
  assert_problem (incomplete, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (incomplete, "criteria[0].answer"), ==, "invalid_value");
  g_assert_cmpstr (field_error_code (incomplete, "reasons"), ==, "required");

  /* two "no": returned for rework with a new term */
  returned = REQUEST (fixture, "POST", plain_path, analyst, two_noes);
  g_assert_cmpuint (returned->status, ==, 201);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (returned), "round"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (appeals_test_response_object (returned), "score"), <, 80);
  after = get_appeal_object (fixture, plain);
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "returned");
  g_assert_cmpstr (json_object_get_string_member (after, "due_date"), ==,
                   json_object_get_string_member (appeals_test_response_object (returned), "rework_due"));
  g_assert_cmpstr (json_object_get_string_member (after, "due_date"), !=,
                   json_object_get_string_member (before, "due_date"));

  /* the card's history shows it */
  history = REQUEST (fixture, "GET", history_path, fixture->controller, NULL);
  entries = json_object_get_array_member (appeals_test_response_object (history), "items");
  last = json_array_get_object_element (entries, json_array_get_length (entries) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "expertise");
  g_assert_cmpstr (json_object_get_string_member (last, "actor"), ==, "analyst");

  /* a returned answer is not checked again until the body answers anew */
  again = REQUEST (fixture, "POST", plain_path, analyst, all_yes);
  assert_problem (again, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (again, "status"), ==, "invalid_value");

  {
    g_autofree char *today = today_iso (0);
    g_autofree char *answer = NULL;

    answer = g_strdup_printf ("{\"text\":\"Доработанный ответ со ссылками на закон\","
                                               "\"received_on\":\"%s\",\"character\":\"explained\"}", today);

    reworked = post_action (fixture, fixture->controller, plain, "answer", answer);
    g_assert_cmpuint (reworked->status, ==, 200);
    /* the reworked answer is dated the day it came */
    g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (reworked), "answered_on"), ==, today);
  }
  second = REQUEST (fixture, "POST", plain_path, analyst, all_yes);
  g_assert_cmpuint (second->status, ==, 201);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (second), "round"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (second), "previous_id"), ==,
                   json_object_get_int_member (appeals_test_response_object (returned), "id"));
  closed = get_appeal_object (fixture, plain);
  g_assert_cmpstr (json_object_get_string_member (closed, "status"), ==, "closed");

  rounds = REQUEST (fixture, "GET", plain_path, leadership, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (rounds), "items")),
                    ==, 2);

  /* under control: the head approves */
  pending = REQUEST (fixture, "POST", controlled_path, analyst, two_noes);
  g_assert_cmpuint (pending->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (pending), "state"), ==,
                   "awaiting_approval");
  waiting = get_appeal_object (fixture, controlled);
  g_assert_cmpstr (json_object_get_string_member (waiting, "status"), ==, "answered");

  /* one verdict at a time: a second one while the first waits is refused */
  {
    g_autoptr(AppealsTestResponse) twice = REQUEST (fixture, "POST", controlled_path, analyst, all_yes);

    assert_problem (twice, 409, "conflict");
    g_assert_cmpstr (field_error_code (twice, "verdict"), ==, "duplicate");
  }

  {
    g_autoptr(AppealsTestResponse) awaiting = REQUEST (fixture, "GET", "/api/v1/expertise?state=awaiting_approval", head, NULL);
    JsonArray *items = json_object_get_array_member (appeals_test_response_object (awaiting), "items");

    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "appeal_id"), ==, controlled);
  }

  /* a district-bound caller sees the rounds of its own district only */
  {
    g_autoptr(AppealsTestResponse) own = REQUEST (fixture, "GET", "/api/v1/expertise?state=awaiting_approval",
                                                  fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) other = REQUEST (fixture, "GET", "/api/v1/expertise?state=awaiting_approval",
                                                    fixture->registrar2, NULL);
    g_autoptr(AppealsTestResponse) final = REQUEST (fixture, "GET", "/api/v1/expertise?state=final",
                                                    fixture->registrar, NULL);
    JsonArray *own_items = json_object_get_array_member (appeals_test_response_object (own), "items");
    JsonArray *final_items = json_object_get_array_member (appeals_test_response_object (final), "items");

    g_assert_cmpuint (json_array_get_length (own_items), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (own_items, 0), "appeal_id"), ==,
                     controlled);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (other),
                                                                           "items")), ==, 0);
    /* the final rounds: the plain appeal's two, and not the one waiting */
    for (guint i = 0; i < json_array_get_length (final_items); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (final_items, i), "state"), ==,
                       "final");
    g_assert_cmpuint (json_array_get_length (final_items), >=, 2);
  }

  approval_path = g_strdup_printf ("/api/v1/expertise/%" G_GINT64_FORMAT "/approval",
                                   json_object_get_int_member (appeals_test_response_object (pending), "id"));
  analyst_approval = REQUEST (fixture, "POST", approval_path, analyst, NULL);
  assert_problem (analyst_approval, 403, "forbidden");
  approval = REQUEST (fixture, "POST", approval_path, head, NULL);
  g_assert_cmpuint (approval->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (approval), "approved_by"), ==, "head");
  approved_appeal = get_appeal_object (fixture, controlled);
  g_assert_cmpstr (json_object_get_string_member (approved_appeal, "status"), ==, "returned");
  /* the body's new term is the one set when the verdict took effect */
  g_assert_cmpstr (json_object_get_string_member (approved_appeal, "due_date"), ==,
                   json_object_get_string_member (appeals_test_response_object (approval), "rework_due"));

  quality = REQUEST (fixture, "GET", "/api/v1/analytics/answer-quality", leadership, NULL);
  g_assert_cmpuint (quality->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (quality),
                                                                         "items")), >=, 1);
}

/* The sum of a ranking's answers. */
static gint64
ranked_answers (Fixture    *fixture,
                const char *token,
                const char *path)
{
  g_autoptr(AppealsTestResponse) quality = REQUEST (fixture, "GET", path, token, NULL);
  JsonArray *items;
  gint64 sum = 0;

  g_assert_cmpuint (quality->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (quality), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    sum += json_object_get_int_member (json_array_get_object_element (items, i), "answers");
  return sum;
}

/* The ranking of a period counts the answers to the appeals registered
 * in it, as the database counts them apart from the server; a period is
 * whole or not at all. */
static void
test_quality_period (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *analyst = appeals_test_sign_in (fixture->server, "analyst", "demo");
  g_autofree char *from = today_iso (-60);
  g_autofree char *to = today_iso (-10);
  g_autofree char *path = g_strdup_printf ("/api/v1/analytics/answer-quality?from=%s&to=%s", from, to);
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(DISTINCT e.appeal_id) FROM expertise e JOIN appeals a "
                                          "ON a.id = e.appeal_id WHERE e.state = 'final' AND "
                                          "a.registration_date BETWEEN '%s' AND '%s'", from, to);
  g_autofree char *expected = test_api_sql_value (fixture, sql);
  g_autofree char *all = test_api_sql_value (fixture, "SELECT COUNT(DISTINCT appeal_id) FROM expertise "
                                                      "WHERE state = 'final'");
  const char *refused[][2] = {
    { "/api/v1/analytics/answer-quality?from=2026-01-01", "to" },
    { "/api/v1/analytics/answer-quality?to=2026-01-01", "from" },
    { "/api/v1/analytics/answer-quality?from=2026-02-01&to=2026-01-01", "to" },
    { "/api/v1/analytics/answer-quality?from=2026-13-01&to=2026-12-31", "from" },
  };

  g_assert_cmpint (g_ascii_strtoll (expected, NULL, 10), >, 0);
  g_assert_cmpint (g_ascii_strtoll (expected, NULL, 10), <, g_ascii_strtoll (all, NULL, 10));
  g_assert_cmpint (ranked_answers (fixture, analyst, path), ==, g_ascii_strtoll (expected, NULL, 10));
  g_assert_cmpint (ranked_answers (fixture, analyst, "/api/v1/analytics/answer-quality"), ==,
                   g_ascii_strtoll (all, NULL, 10));
  /* a period with no appeals ranks no body */
  g_assert_cmpint (ranked_answers (fixture, analyst, "/api/v1/analytics/answer-quality?from=2001-01-01&to=2001-12-31"),
                   ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", refused[i][0], analyst, NULL);

      assert_problem (response, 422, "validation_failed");
      g_assert_nonnull (field_error_code (response, refused[i][1]));
    }
}

/* Walks GET @path (with "limit" in it) page by page; checks that ids
 * only grow and that each page holds @limit items but the last, and
 * that "total" is there with @total, or absent for -1. Returns how many
 * items there were, and the first page's next_cursor in @first_cursor. */
static guint
walk_pages (Fixture     *fixture,
            const char  *token,
            const char  *path,
            guint        limit,
            gint64       total,
            char       **first_cursor)
{
  g_autofree char *cursor = NULL;
  gint64 last_id = 0;
  guint n = 0;

  do
    {
      g_autofree char *page_path = cursor == NULL ? g_strdup (path)
                                                  : g_strdup_printf ("%s&cursor=%s", path, cursor);
      g_autoptr(AppealsTestResponse) page = REQUEST (fixture, "GET", page_path, token, NULL);
      JsonObject *object = appeals_test_response_object (page);
      JsonArray *items = json_object_get_array_member (object, "items");
      const char *next = json_object_get_string_member (object, "next_cursor");

      g_assert_cmpuint (page->status, ==, 200);
      if (total >= 0)
        g_assert_cmpint (json_object_get_int_member (object, "total"), ==, total);
      else
        g_assert_false (json_object_has_member (object, "total"));
      g_assert_cmpuint (json_array_get_length (items), ==, next != NULL ? limit : json_array_get_length (items));
      g_assert_cmpuint (json_array_get_length (items), <=, limit);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

          g_assert_cmpint (id, >, last_id);
          last_id = id;
        }
      if (cursor == NULL && first_cursor != NULL)
        *first_cursor = g_strdup (next);
      n += json_array_get_length (items);
      g_free (cursor);
      /* base64 may hold "+", "/" and "=" */
      cursor = next != NULL ? g_uri_escape_string (next, NULL, FALSE) : NULL;
    }
  while (cursor != NULL);
  return n;
}

/* A head's verdicts awaiting approval come a page at a time with their
 * number in all, the final ones a page at a time uncounted; a cursor
 * serves the list it came from only. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
  g_autofree char *n_final = NULL;
  g_autofree char *n_waiting = NULL;
  g_autofree char *final_cursor = NULL;
  g_autofree char *mixed = NULL;
  const char *refused[][2] = {
    { "/api/v1/expertise?limit=0", "limit" },
    { "/api/v1/expertise?limit=100000", "limit" },
    { "/api/v1/expertise?cursor=garbage", "cursor" },
    { "/api/v1/expertise?cursor=WyJmaW5hbCIsMV0%3D", "cursor" },
    { "/api/v1/expertise?state=approved", "state" },
  };

  /* five verdicts on five appeals wait for approval */
  test_api_run_sql (fixture, "UPDATE expertise SET state = 'awaiting_approval', approved_by = NULL, approved_at = NULL "
                             "WHERE id IN (SELECT MIN(id) FROM expertise WHERE state = 'final' "
                             "GROUP BY appeal_id ORDER BY MIN(id) LIMIT 5)");
  n_waiting = test_api_sql_value (fixture, "SELECT COUNT(*) FROM expertise WHERE state = 'awaiting_approval'");
  n_final = test_api_sql_value (fixture, "SELECT COUNT(*) FROM expertise WHERE state = 'final'");
  g_assert_cmpstr (n_waiting, ==, "5");
  g_assert_cmpint (g_ascii_strtoll (n_final, NULL, 10), >, 8);

  g_assert_cmpuint (walk_pages (fixture, head, "/api/v1/expertise?state=awaiting_approval&limit=2", 2, 5, NULL), ==, 5);
  g_assert_cmpuint (walk_pages (fixture, head, "/api/v1/expertise?limit=5", 5, 5, NULL), ==, 5);
  g_assert_cmpuint (walk_pages (fixture, head, "/api/v1/expertise?state=final&limit=4", 4, -1, &final_cursor), ==,
                    g_ascii_strtoll (n_final, NULL, 10));
  /* without a limit, pages of 50: the demo's in one */
  g_assert_cmpuint (walk_pages (fixture, head, "/api/v1/expertise?state=final", 50, -1, NULL), ==,
                    g_ascii_strtoll (n_final, NULL, 10));

  /* the final list's cursor is no place in the list awaiting approval */
  mixed = g_strdup_printf ("/api/v1/expertise?state=awaiting_approval&cursor=%s", final_cursor);
  {
    g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", mixed, head, NULL);

    assert_problem (response, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (response, "cursor"), ==, "invalid_value");
  }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", refused[i][0], head, NULL);

      assert_problem (response, 422, "validation_failed");
      g_assert_nonnull (field_error_code (response, refused[i][1]));
    }
}

void
test_api_add_expertise (void)
{
  TEST_API_ADD ("/api/expertise", test_expertise);
  TEST_API_ADD ("/api/expertise/quality-period", test_quality_period);
  TEST_API_ADD ("/api/expertise/pages", test_pages);
}
