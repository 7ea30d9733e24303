/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-reception-requests.c: a request for a reception from its
 * registration to a decision (issue 14): registered only with the
 * essence of the question, steps 1–3 counted from its registration,
 * analysed, then refused with a reason or decided — the decision books
 * through the booking's guards and refuses a date the steps before the
 * reception have no time for, unless the head overrides it with a
 * reason. And whoever books a reception or registers a request keeps
 * reading it, whatever district its applicant belongs to.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

static AppealsTestResponse *
register_request (Fixture    *fixture,
                  const char *token,
                  gint64      applicant,
                  const char *question)
{
  g_autofree char *body = g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"question\":\"%s\","
                                           "\"channel\":\"by_hand\"}", applicant, question);

  return REQUEST (fixture, "POST", "/api/v1/reception-requests", token, body);
}

static gint64
registered_id (AppealsTestResponse *response)
{
  if (response->status != 201)
    g_error ("reception request: %u %s", response->status, response->text);
  return json_object_get_int_member (appeals_test_response_object (response), "id");
}

static AppealsTestResponse *
act (Fixture    *fixture,
     const char *token,
     gint64      id,
     const char *action,
     const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/reception-requests/%" G_GINT64_FORMAT "/actions/%s", id, action);

  return REQUEST (fixture, "POST", path, token, body);
}

static char *
decision_body (gint64      official,
               const char *date,
               const char *start_time,
               const char *override_reason)
{
  g_autofree char *reason = override_reason != NULL ? g_strdup_printf (",\"override_reason\":\"%s\"", override_reason)
                                                    : g_strdup ("");

  return g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"start_time\":\"%s\","
                          "\"place\":\"каб. 1\"%s}", official, date, start_time, reason);
}

/* The first day from @from_days ahead, not before @from_date (ISO) if
 * set, and before @before (if set) on which @official has a free slot;
 * its first slot in *@time. NULL if none. */
static char *
first_free_day (Fixture     *fixture,
                gint64       official,
                int          from_days,
                const char  *from_date,
                const char  *before,
                char       **time)
{
  for (int ahead = from_days; ahead < from_days + 60; ahead++)
    {
      g_autofree char *date = today_iso (ahead);
      g_autoptr(GPtrArray) times = NULL;

      if (from_date != NULL && strcmp (date, from_date) < 0)
        continue;
      if (before != NULL && strcmp (date, before) >= 0)
        return NULL;
      times = free_slots (fixture, official, date);
      if (times->len > 0)
        {
          *time = g_strdup (g_ptr_array_index (times, 0));
          return g_steal_pointer (&date);
        }
    }
  return NULL;
}

static const char *
step_due (JsonObject *object,
          const char *code)
{
  JsonArray *steps = json_object_get_array_member (object, "steps");

  for (guint i = 0; i < json_array_get_length (steps); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (steps, i), "code"), code))
      return json_object_get_string_member (json_array_get_object_element (steps, i), "due");
  return NULL;
}

static void
test_register (Fixture       *fixture,
               gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 appeal = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "request");
  g_autofree char *by_appeal_body = g_strdup_printf ("{\"appeal_id\":%" G_GINT64_FORMAT ",\"question\":\"Жол жөндеу\","
                                                     "\"channel\":\"egov\",\"registered_on\":\"%s\"}",
                                                     appeal, "2026-11-02");
  g_autofree char *future = g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"question\":\"x\","
                                             "\"channel\":\"post\",\"registered_on\":\"%s\",\"colour\":1}",
                                             applicant, "2099-01-01");
  g_autoptr(AppealsTestResponse) no_essence = register_request (fixture, fixture->registrar, applicant, "  ");
  g_autoptr(AppealsTestResponse) bad = REQUEST (fixture, "POST", "/api/v1/reception-requests", fixture->registrar,
                                                future);
  g_autoptr(AppealsTestResponse) other_district = register_request (fixture, fixture->registrar2, applicant, "Жылу");
  g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
  g_autoptr(AppealsTestResponse) by_head = register_request (fixture, head, applicant, "Жылу");
  g_autoptr(AppealsTestResponse) created = register_request (fixture, fixture->registrar, applicant,
                                                             "Пәтердегі жылу беру");
  g_autoptr(AppealsTestResponse) by_appeal = REQUEST (fixture, "POST", "/api/v1/reception-requests",
                                                      fixture->registrar, by_appeal_body);
  g_autoptr(JsonObject) listed = NULL;
  g_autoptr(JsonObject) refused = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) read = NULL;
  JsonObject *request, *linked;
  g_autofree char *today = today_iso (0);

  /* without the essence of the question nothing is registered */
  assert_problem (no_essence, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (no_essence, "question"), ==, "required");
  assert_problem (bad, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (bad, "channel"), ==, "invalid_value");
  g_assert_cmpstr (field_error_code (bad, "registered_on"), ==, "out_of_range");
  g_assert_cmpstr (field_error_code (bad, "colour"), ==, "unknown_field");
  /* another district's applicant does not exist for a district-bound registrar */
  assert_problem (other_district, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (other_district, "applicant_id"), ==, "not_found");
  assert_problem (by_head, 403, "forbidden");

  g_assert_cmpuint (created->status, ==, 201);
  request = appeals_test_response_object (created);
  g_assert_cmpstr (json_object_get_string_member (request, "state"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (request, "registered_on"), ==, today);
  g_assert_cmpstr (json_object_get_string_member (request, "applicant_name"), ==, "Сейтқали Әлия");
  g_assert_true (json_object_get_null_member (request, "appeal_id"));
  /* steps 1–5 count from the registration, in order; the earliest date is ahead */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (request, "steps")), ==, 5);
  g_assert_cmpstr (step_due (request, "clarify"), >, today);
  g_assert_cmpstr (step_due (request, "request_materials"), >, step_due (request, "clarify"));
  g_assert_cmpstr (step_due (request, "reference_note"), >, step_due (request, "request_materials"));
  g_assert_cmpstr (json_object_get_string_member (request, "earliest_date"), >, today);

  /* an appeal names its applicant; registered on the day it came */
  g_assert_cmpuint (by_appeal->status, ==, 201);
  linked = appeals_test_response_object (by_appeal);
  g_assert_cmpint (json_object_get_int_member (linked, "applicant_id"), ==, applicant);
  g_assert_cmpint (json_object_get_int_member (linked, "appeal_id"), ==, appeal);
  g_assert_cmpstr (json_object_get_string_member (linked, "registered_on"), ==, "2026-11-02");
  g_assert_cmpstr (json_object_get_string_member (linked, "channel"), ==, "egov");
  /* counted from a past registration, the first steps are overdue */
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (
    json_object_get_array_member (linked, "steps"), 0), "overdue"));

  path = g_strdup_printf ("/api/v1/reception-requests/%" G_GINT64_FORMAT, json_object_get_int_member (request, "id"));
  read = test_api_get_object (fixture, fixture->controller, path);
  g_assert_cmpstr (json_object_get_string_member (read, "question"), ==, "Пәтердегі жылу беру");
  listed = test_api_get_object (fixture, fixture->registrar, "/api/v1/reception-requests?state=new");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (listed, "items")), ==, 2);
  /* newest first */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
    json_object_get_array_member (listed, "items"), 0), "id"), ==, json_object_get_int_member (linked, "id"));
  refused = test_api_get_object (fixture, fixture->registrar, "/api/v1/reception-requests?state=refused");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (refused, "items")), ==, 0);
  {
    g_autoptr(AppealsTestResponse) wrong_state = REQUEST (fixture, "GET", "/api/v1/reception-requests?state=done",
                                                          fixture->registrar, NULL);

    assert_problem (wrong_state, 422, "validation_failed");
  }
}

static void
test_refuse (Fixture       *fixture,
             gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autoptr(AppealsTestResponse) created = register_request (fixture, fixture->registrar, applicant, "Жер телімі");
  gint64 id = registered_id (created);
  g_autoptr(AppealsTestResponse) no_reason = act (fixture, fixture->registrar, id, "refuse", "{\"reason\":\"\"}");
  g_autoptr(AppealsTestResponse) refused = act (fixture, fixture->registrar, id, "refuse",
                                                "{\"reason\":\"Мәселе әкімдіктің құзыретіне жатпайды\"}");
  g_autoptr(AppealsTestResponse) again = act (fixture, fixture->registrar, id, "analyse", NULL);
  g_autoptr(AppealsTestResponse) unknown = act (fixture, fixture->registrar, id, "register", NULL);
  g_autoptr(JsonObject) listed = test_api_get_object (fixture, fixture->controller,
                                                      "/api/v1/reception-requests?state=refused");
  g_autofree char *admin = appeals_test_sign_in (fixture->server, "admin", "demo");
  g_autofree char *trail_path = g_strdup_printf ("/api/v1/audit?entity=reception_request&entity_id=%" G_GINT64_FORMAT,
                                                 id);
  g_autoptr(JsonObject) trail = test_api_get_object (fixture, admin, trail_path);
  JsonObject *request;
  JsonArray *entries = json_object_get_array_member (trail, "items");

  assert_problem (no_reason, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (no_reason, "reason"), ==, "required");
  g_assert_cmpuint (refused->status, ==, 200);
  request = appeals_test_response_object (refused);
  g_assert_cmpstr (json_object_get_string_member (request, "state"), ==, "refused");
  g_assert_cmpstr (json_object_get_string_member (request, "refusal_reason"), ==,
                   "Мәселе әкімдіктің құзыретіне жатпайды");
  g_assert_cmpstr (json_object_get_string_member (request, "decided_by"), ==, "registrar");
  g_assert_true (json_object_get_null_member (request, "earliest_date"));
  /* a refusal is final */
  assert_problem (again, 409, "invalid_transition");
  g_assert_cmpstr (field_error_code (again, "state"), ==, "invalid_value");
  assert_problem (unknown, 404, "not_found");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (listed, "items")), ==, 1);
  /* registered and refused, both in the trail */
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 1), "action"), ==, "refuse");
}

static void
test_decide (Fixture       *fixture,
             gconstpointer  user_data)
{
  gint64 official = create_open_official (fixture);
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autoptr(AppealsTestResponse) created = register_request (fixture, fixture->registrar, applicant, "Жұмысқа орналасу");
  gint64 id = registered_id (created);
  JsonObject *request = appeals_test_response_object (created);
  const char *earliest = json_object_get_string_member (request, "earliest_date");
  g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
  g_autofree char *soon_time = NULL, *late_time = NULL;
  g_autofree char *soon = first_free_day (fixture, official, 1, NULL, earliest, &soon_time);
  g_autofree char *late = first_free_day (fixture, official, 0, earliest, NULL, &late_time);
  g_autoptr(AppealsTestResponse) early = NULL;
  g_autoptr(AppealsTestResponse) analysed = NULL;
  g_autoptr(AppealsTestResponse) too_soon = NULL;
  g_autoptr(AppealsTestResponse) taken = NULL;
  g_autoptr(AppealsTestResponse) night = NULL;
  g_autoptr(AppealsTestResponse) override_by_registrar = NULL;
  g_autoptr(AppealsTestResponse) decided = NULL;
  g_autoptr(AppealsTestResponse) twice = NULL;
  g_autofree char *body = NULL;
  g_autofree char *reception_path = NULL;
  g_autoptr(JsonObject) reception = NULL;

  g_assert_nonnull (late);
  g_assert_cmpstr (late, >=, earliest);
  body = decision_body (official, late, late_time, NULL);
  /* decided only after analysis */
  early = act (fixture, fixture->registrar, id, "decide", body);
  assert_problem (early, 409, "invalid_transition");
  analysed = act (fixture, fixture->registrar, id, "analyse", NULL);
  g_assert_cmpuint (analysed->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (analysed), "state"), ==,
                   "in_analysis");

  /* the booking's guards: a taken slot, hours outside the official's */
  g_assert_cmpint (book_free (fixture, fixture->registrar, official, applicant, late), >, 0);
  taken = act (fixture, fixture->registrar, id, "decide", body);
  assert_problem (taken, 409, "slot_taken");
  {
    g_autofree char *at_night = decision_body (official, late, "03:00", NULL);

    night = act (fixture, fixture->registrar, id, "decide", at_night);
    assert_problem (night, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (night, "start_time"), ==, "outside_hours");
  }

  if (soon != NULL)
    {
      g_autofree char *soon_body = decision_body (official, soon, soon_time, NULL);
      g_autofree char *override = decision_body (official, soon, soon_time, "Өтініш беруші ертең елден кетеді");

      /* too soon for the calls, the materials and the meeting: the earliest date in the detail */
      too_soon = act (fixture, fixture->registrar, id, "decide", soon_body);
      assert_problem (too_soon, 422, "validation_failed");
      g_assert_cmpstr (field_error_code (too_soon, "date"), ==, "too_soon");
      g_assert_cmpstr (field_error_detail (too_soon, "date"), ==, earliest);
      /* only the head overrides it */
      override_by_registrar = act (fixture, fixture->registrar, id, "decide", override);
      assert_problem (override_by_registrar, 403, "forbidden");
      decided = act (fixture, head, id, "decide", override);
      g_assert_cmpuint (decided->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (decided), "override_reason"), ==,
                       "Өтініш беруші ертең елден кетеді");
    }
  else
    {
      g_test_message ("no working day before %s: the override is not tried", earliest);
      g_clear_pointer (&body, g_free);
      g_clear_pointer (&late_time, g_free);
      g_free (late);
      late = first_free_day (fixture, official, 0, earliest, NULL, &late_time);
      body = decision_body (official, late, late_time, NULL);
      decided = act (fixture, fixture->registrar, id, "decide", body);
      g_assert_cmpuint (decided->status, ==, 200);
    }

  request = appeals_test_response_object (decided);
  g_assert_cmpstr (json_object_get_string_member (request, "state"), ==, "decided");
  g_assert_true (json_object_get_null_member (request, "earliest_date"));
  reception_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT,
                                    json_object_get_int_member (request, "reception_id"));
  reception = test_api_get_object (fixture, fixture->registrar, reception_path);
  g_assert_cmpstr (json_object_get_string_member (reception, "question"), ==, "Жұмысқа орналасу");
  g_assert_cmpint (json_object_get_int_member (reception, "applicant_id"), ==, applicant);
  g_assert_cmpstr (json_object_get_string_member (reception, "status"), ==, "booked");
  /* the reception's first steps run from the request's registration */
  g_assert_cmpstr (step_due (reception, "clarify"), ==, step_due (request, "clarify"));
  g_assert_cmpstr (step_due (reception, "reference_note"), ==, step_due (request, "reference_note"));

  /* decided once */
  twice = act (fixture, head, id, "decide", body);
  assert_problem (twice, 409, "invalid_transition");

  /* the override and its reason are in the trail */
  if (soon != NULL)
    {
      g_autofree char *admin = appeals_test_sign_in (fixture->server, "admin", "demo");
      g_autofree char *trail_path = g_strdup_printf ("/api/v1/audit?entity=reception_request&entity_id=%"
                                                     G_GINT64_FORMAT, id);
      g_autoptr(JsonObject) trail = test_api_get_object (fixture, admin, trail_path);
      JsonArray *entries = json_object_get_array_member (trail, "items");
      JsonObject *last = json_array_get_object_element (entries, json_array_get_length (entries) - 1);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), last);
      g_autofree char *text = NULL;

      g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "decide");
      g_assert_cmpstr (json_object_get_string_member (last, "actor"), ==, "head");
      json_generator_set_root (generator, node);
      text = json_generator_to_data (generator, NULL);
      g_assert_nonnull (strstr (text, "Өтініш беруші ертең елден кетеді"));
    }
}

/* Whoever books a reception or registers a request keeps reading it,
 * also once its applicant belongs to another district only: the
 * registrar of Rudny books for a card registered in Kostanay (the person
 * showed the IIN at the Rudny desk), then the card's districts are set
 * back to Kostanay alone. */
static void
test_creator_keeps_it (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gint64 official = create_open_official (fixture);
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autoptr(AppealsTestResponse) lookup = REQUEST (fixture, "GET", "/api/v1/applicants?iin=061211600012",
                                                   fixture->registrar2, NULL);
  g_autoptr(AppealsTestResponse) created = register_request (fixture, fixture->registrar2, applicant, "Су құбыры");
  gint64 request = registered_id (created);
  gint64 reception = 0;
  g_autofree char *sql = NULL;
  g_autofree char *reception_path = NULL;
  g_autofree char *request_path = NULL;
  g_autoptr(JsonObject) mine = NULL;
  g_autoptr(JsonObject) list = NULL;

  g_assert_cmpuint (lookup->status, ==, 200);
  for (int ahead = 1; ahead < 10 && reception == 0; ahead++)
    {
      g_autofree char *date = today_iso (ahead);

      reception = book_free (fixture, fixture->registrar2, official, applicant, date);
    }
  g_assert_cmpint (reception, >, 0);

  sql = g_strdup_printf ("DELETE FROM applicant_districts WHERE applicant_id = %" G_GINT64_FORMAT
                         " AND district = 'rudny-city'", applicant);
  test_api_run_sql (fixture, sql);
  {
    g_autofree char *card = g_strdup_printf ("/api/v1/applicants/%" G_GINT64_FORMAT, applicant);
    g_autoptr(AppealsTestResponse) gone = REQUEST (fixture, "GET", card, fixture->registrar2, NULL);

    /* the card is out of Rudny's scope now */
    assert_problem (gone, 404, "not_found");
  }

  reception_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, reception);
  request_path = g_strdup_printf ("/api/v1/reception-requests/%" G_GINT64_FORMAT, request);
  mine = test_api_get_object (fixture, fixture->registrar2, reception_path);
  g_assert_cmpint (json_object_get_int_member (mine, "id"), ==, reception);
  g_clear_pointer (&mine, json_object_unref);
  mine = test_api_get_object (fixture, fixture->registrar2, request_path);
  g_assert_cmpint (json_object_get_int_member (mine, "id"), ==, request);
  list = test_api_get_object (fixture, fixture->registrar2, "/api/v1/reception-requests");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "items")), ==, 1);
}

void
test_api_add_reception_requests (void)
{
  TEST_API_ADD ("/api/reception-requests/register", test_register);
  TEST_API_ADD ("/api/reception-requests/refuse", test_refuse);
  TEST_API_ADD ("/api/reception-requests/decide", test_decide);
  TEST_API_ADD ("/api/reception-requests/creator-keeps-it", test_creator_keeps_it);
}
