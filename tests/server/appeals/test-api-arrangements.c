/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-arrangements.c: how a reception is held — a field reception
 * with its own place and video link, its participants, who may arrange
 * it and when — and the Kazakh and Russian texts of a schedule's place.
 */
#include "config.h"

#include "test-api.h"

static gint64
first_official (Fixture *fixture)
{
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", fixture->registrar, NULL);

  return json_object_get_int_member (json_array_get_object_element (
           json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id");
}

static const char *arrangement =
  "{\"field\":true,\"place\":\"Жаңаарқа ауданы әкімдігі, мәжіліс залы\",\"video_link\":\"https://vc.example.kz/r/41\","
  "\"participants\":[{\"name\":\"Сәрсенбаев Ерлан Қайратұлы\",\"job_title\":\"Облыс әкімінің орынбасары\"},"
  "{\"name\":\" Омарова Гүлнар \",\"job_title\":\"ҚР Президенті Әкімшілігінің өтініштер бөлімінің меңгерушісі\","
  "\"by_video\":true}]}";

/* A field reception: its place, link and participants are the
 * reception's, in order, audited; the reception's answer lists them. */
static void
test_arrangements (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *date = NULL;
  gint64 id = book_soon (fixture, applicant, first_official (fixture), &date);
  g_autofree char *path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/arrangements", id);
  g_autofree char *reception_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, id);
  g_autofree char *history_path = g_strdup_printf ("/api/v1/audit?entity=reception&entity_id=%" G_GINT64_FORMAT, id);
  g_autofree char *leadership = appeals_test_sign_in (fixture->server, "leadership", "demo");
  g_autoptr(AppealsTestResponse) arranged = REQUEST (fixture, "PUT", path, fixture->registrar, arrangement);
  g_autoptr(AppealsTestResponse) read = REQUEST (fixture, "GET", reception_path, fixture->controller, NULL);
  g_autoptr(AppealsTestResponse) denied = REQUEST (fixture, "PUT", path, leadership, arrangement);
  g_autoptr(AppealsTestResponse) other_district = REQUEST (fixture, "PUT", path, fixture->registrar2, arrangement);
  g_autoptr(AppealsTestResponse) wrong = REQUEST (fixture, "PUT", path, fixture->registrar,
                                                  "{\"field\":true,\"video_link\":\"http://x\",\"colour\":1,"
                                                  "\"participants\":[{\"name\":\"  \"},{\"name\":\"А\",\"by_video\":\"yes\"}]}");
  g_autoptr(AppealsTestResponse) office = NULL;
  g_autoptr(AppealsTestResponse) archived = NULL;
  g_autoptr(AppealsTestResponse) too_late = NULL;
  JsonObject *reception;
  JsonArray *participants;

  g_assert_cmpuint (arranged->status, ==, 200);
  reception = appeals_test_response_object (read);
  g_assert_true (json_object_get_boolean_member (reception, "field"));
  g_assert_cmpstr (json_object_get_string_member (reception, "place"), ==, "Жаңаарқа ауданы әкімдігі, мәжіліс залы");
  g_assert_cmpstr (json_object_get_string_member (reception, "video_link"), ==, "https://vc.example.kz/r/41");
  participants = json_object_get_array_member (reception, "participants");
  g_assert_cmpuint (json_array_get_length (participants), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (participants, 0), "name"), ==,
                   "Сәрсенбаев Ерлан Қайратұлы");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (participants, 0), "by_video"));
  /* names are kept without the spaces around them */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (participants, 1), "name"), ==,
                   "Омарова Гүлнар");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (participants, 1), "by_video"));

  assert_problem (denied, 403, "forbidden");
  /* another district's registrar does not see the visitor, so not the reception either */
  assert_problem (other_district, 404, "not_found");

  assert_problem (wrong, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (wrong, "place"), ==, "required");
  g_assert_cmpstr (field_error_code (wrong, "video_link"), ==, "invalid_value");
  g_assert_cmpstr (field_error_code (wrong, "colour"), ==, "unknown_field");
  g_assert_cmpstr (field_error_code (wrong, "participants[0].name"), ==, "required");
  g_assert_cmpstr (field_error_code (wrong, "participants[1].by_video"), ==, "wrong_type");

  /* back in the office, nobody else: the lists are replaced, not merged */
  office = REQUEST (fixture, "PUT", path, fixture->controller, "{\"field\":false,\"place\":null,\"participants\":[]}");
  g_assert_cmpuint (office->status, ==, 200);
  reception = appeals_test_response_object (office);
  g_assert_false (json_object_get_boolean_member (reception, "field"));
  g_assert_true (json_object_get_null_member (reception, "place"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reception, "participants")), ==, 0);

  /* both changes are in the reception's trail, after its booking */
  {
    g_autofree char *admin = appeals_test_sign_in (fixture->server, "admin", "demo");
    g_autoptr(AppealsTestResponse) history = REQUEST (fixture, "GET", history_path, admin, NULL);
    JsonArray *entries;
    guint n;

    g_assert_cmpuint (history->status, ==, 200);
    entries = json_object_get_array_member (appeals_test_response_object (history), "items");
    n = json_array_get_length (entries);
    g_assert_cmpuint (n, >=, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, n - 1), "action"), ==,
                     "arrange");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, n - 2), "action"), ==,
                     "arrange");
  }

  /* a cancelled reception keeps what was arranged (archiving needs a
   * held reception, and the same rule closes both) */
  {
    g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
    g_autofree char *cancel_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/actions/cancel", id);

    archived = REQUEST (fixture, "POST", cancel_path, head, "{\"reason\":\"Өтініш беруші келмейтінін хабарлады\"}");
    g_assert_cmpuint (archived->status, ==, 200);
    too_late = REQUEST (fixture, "PUT", path, fixture->registrar, arrangement);
    assert_problem (too_late, 409, "conflict");
    g_assert_cmpstr (field_error_code (too_late, "status"), ==, "invalid_value");
  }
}

/* The poster prints a day's place in its own language: each text is kept,
 * and one not given is the place. */
static void
test_schedule_places (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char *official =
    "{\"full_name\":{\"kk\":\"Әбенов Ерлан Маратұлы\",\"ru\":\"Абенов Ерлан Маратович\"},"
    "\"position\":{\"kk\":\"Облыс әкімінің орынбасары\",\"ru\":\"Заместитель акима области\"},"
    "\"schedule\":[{\"weekday\":3,\"start\":\"09:00\",\"end\":\"12:00\",\"place\":\"каб. 301\","
    "\"place_kk\":\"Әкімдік ғимараты, 301 кабинет\",\"place_ru\":\"Здание акимата, кабинет 301\"},"
    "{\"weekday\":4,\"start\":\"09:00\",\"end\":\"12:00\",\"place\":\"каб. 12\"}]}";
  g_autofree char *too_long = g_strnfill (301, 'x');
  g_autofree char *wrong = g_strdup_printf ("{\"full_name\":{\"kk\":\"А\",\"ru\":\"А\"},\"position\":{\"kk\":\"А\",\"ru\":\"А\"},"
                                            "\"schedule\":[{\"weekday\":1,\"start\":\"09:00\",\"end\":\"10:00\","
                                            "\"place\":\"каб. 1\",\"place_kk\":\"%s\",\"place_ru\":5}]}", too_long);
  g_autoptr(AppealsTestResponse) created = REQUEST (fixture, "POST", "/api/v1/officials", fixture->controller, official);
  g_autoptr(AppealsTestResponse) refused = REQUEST (fixture, "POST", "/api/v1/officials", fixture->controller, wrong);
  JsonArray *schedule;
  JsonObject *day;

  g_assert_cmpuint (created->status, ==, 201);
  schedule = json_object_get_array_member (appeals_test_response_object (created), "schedule");
  day = json_array_get_object_element (schedule, 0);
  g_assert_cmpstr (json_object_get_string_member (day, "place"), ==, "каб. 301");
  g_assert_cmpstr (json_object_get_string_member (day, "place_kk"), ==, "Әкімдік ғимараты, 301 кабинет");
  g_assert_cmpstr (json_object_get_string_member (day, "place_ru"), ==, "Здание акимата, кабинет 301");
  day = json_array_get_object_element (schedule, 1);
  g_assert_cmpstr (json_object_get_string_member (day, "place_kk"), ==, "каб. 12");
  g_assert_cmpstr (json_object_get_string_member (day, "place_ru"), ==, "каб. 12");

  assert_problem (refused, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (refused, "schedule[0].place_kk"), ==, "too_long");
  g_assert_cmpstr (field_error_code (refused, "schedule[0].place_ru"), ==, "wrong_type");
}

void
test_api_add_arrangements (void)
{
  TEST_API_ADD ("/api/arrangements", test_arrangements);
  TEST_API_ADD ("/api/schedule-places", test_schedule_places);
}
