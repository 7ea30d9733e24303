/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api.c: the REST API of a real appeals-server process over real
 * HTTP, run once with SQLite and once with PostgreSQL (--backend=).
 * This file: sign-in, roles and scope, preconditions, idempotency, bad
 * bodies, languages, search and paging; the other test-api-*.c files add
 * the rest.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "test-api.h"

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) wrong = REQUEST (fixture, "POST", "/api/v1/session", NULL,
                                                  "{\"login\":\"head\",\"password\":\"wrong\"}");
  g_autoptr(AppealsTestResponse) unknown = REQUEST (fixture, "POST", "/api/v1/session", NULL,
                                                    "{\"login\":\"nobody\",\"password\":\"demo\"}");
  g_autoptr(AppealsTestResponse) missing = REQUEST (fixture, "POST", "/api/v1/session", NULL,
                                                    "{\"login\":\"head\",\"pass\":1}");
  g_autoptr(AppealsTestResponse) me = REQUEST (fixture, "GET", "/api/v1/session", fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) out = NULL;
  g_autoptr(AppealsTestResponse) after = NULL;
  g_autoptr(AppealsTestResponse) anonymous = REQUEST (fixture, "GET", "/api/v1/appeals", NULL, NULL);
  g_autoptr(AppealsTestResponse) forged = REQUEST (fixture, "GET", "/api/v1/appeals", "forged-token", NULL);
  g_autofree char *token = appeals_test_sign_in (fixture->server, "head", "demo");

  assert_problem (wrong, 401, "invalid_credentials");
  /* an unknown login looks exactly like a wrong password */
  assert_problem (unknown, 401, "invalid_credentials");
  assert_problem (missing, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (missing, "password"), ==, "required");
  g_assert_cmpstr (field_error_code (missing, "pass"), ==, "unknown_field");

  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (appeals_test_response_object (me), "user"),
                                                  "role"), ==, "registrar");
  /* tokens carry at least 256 bits */
  g_assert_cmpuint (strlen (token), >=, 43);

  assert_problem (anonymous, 401, "unauthorized");
  assert_problem (forged, 401, "unauthorized");

  out = REQUEST (fixture, "DELETE", "/api/v1/session", token, NULL);
  g_assert_cmpuint (out->status, ==, 204);
  after = REQUEST (fixture, "GET", "/api/v1/session", token, NULL);
  assert_problem (after, 401, "unauthorized");
}

static void
test_lockout (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) locked = NULL;
  g_autoptr(AppealsTestResponse) right_but_locked = NULL;
  gint64 started = g_get_monotonic_time ();

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "POST", "/api/v1/session", NULL,
                                                         "{\"login\":\"analyst\",\"password\":\"guess\"}");
      assert_problem (response, 401, "invalid_credentials");
    }
  /* failures are slowed: 0 + 0.5 + 1 + 1.5 s */
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 2 * G_USEC_PER_SEC);

  locked = REQUEST (fixture, "POST", "/api/v1/session", NULL, "{\"login\":\"analyst\",\"password\":\"guess\"}");
  assert_problem (locked, 429, "too_many_requests");
  g_assert_nonnull (appeals_test_response_header (locked, "Retry-After"));

  /* while locked even the right password is refused */
  right_but_locked = REQUEST (fixture, "POST", "/api/v1/session", NULL, "{\"login\":\"analyst\",\"password\":\"demo\"}");
  assert_problem (right_but_locked, 429, "too_many_requests");
}

static const struct {
  const char *login;
  const char *method;
  const char *path;
  guint       status;
} role_cases[] = {
  { "registrar", "GET", "/api/v1/appeals", 200 },
  { "leadership", "GET", "/api/v1/appeals", 200 },
  { "analyst", "GET", "/api/v1/appeals", 200 },
  { "leadership", "POST", "/api/v1/appeals", 403 },
  { "analyst", "POST", "/api/v1/appeals", 403 },
  { "head", "POST", "/api/v1/appeals", 403 },
  { "registrar", "POST", "/api/v1/appeals", 201 },
  { "controller", "POST", "/api/v1/appeals", 201 },
  { "admin", "POST", "/api/v1/appeals", 201 },
  { "leadership", "POST", "/api/v1/applicants", 403 },
  { "analyst", "GET", "/api/v1/calendar/2022", 200 },
  { "leadership", "GET", "/api/v1/classifiers/districts", 200 },
};

static void
test_roles (Fixture       *fixture,
            gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *body = appeal_body (applicant, "kostanay-city", "Балабақша туралы");

  for (guint i = 0; i < G_N_ELEMENTS (role_cases); i++)
    {
      g_autofree char *token = appeals_test_sign_in (fixture->server, role_cases[i].login, "demo");
      g_autoptr(AppealsTestResponse) response = NULL;
      gboolean post = g_str_equal (role_cases[i].method, "POST");
      const char *payload = post ? (g_str_has_suffix (role_cases[i].path, "applicants")
                                    ? "{\"iin\":\"990140004654\",\"surname\":\"А\",\"given_name\":\"Б\",\"address\":\"В\"}"
                                    : body)
                                 : NULL;

      g_test_message ("%s %s %s", role_cases[i].login, role_cases[i].method, role_cases[i].path);
      response = REQUEST (fixture, role_cases[i].method, role_cases[i].path, token, payload);
      if (response->status != role_cases[i].status)
        g_error ("%s %s %s: expected %u, got %u: %s", role_cases[i].login, role_cases[i].method,
                 role_cases[i].path, role_cases[i].status, response->status, response->text);
      if (response->status == 403)
        assert_problem (response, 403, "forbidden");
    }
}

static void
test_district_scope (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  /* the person presents their IIN at the Rudny desk: then Rudny may take their appeal */
  g_autoptr(AppealsTestResponse) presented = REQUEST (fixture, "GET", "/api/v1/applicants?iin=061211600012",
                                                      fixture->registrar2, NULL);
  gint64 rudny = create_appeal (fixture, fixture->registrar2, applicant, "rudny-city", "Рудный қаласы туралы");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, rudny);
  g_autofree char *wrong_district = appeal_body (applicant, "rudny-city", "Басқа аудан");
  g_autoptr(AppealsTestResponse) own = REQUEST (fixture, "GET", path, fixture->registrar2, NULL);
  g_autoptr(AppealsTestResponse) other = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) missing = REQUEST (fixture, "GET", "/api/v1/appeals/999999", fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) region = REQUEST (fixture, "GET", path, fixture->controller, NULL);
  g_autoptr(AppealsTestResponse) list = REQUEST (fixture, "GET", "/api/v1/appeals?limit=200", fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) create_elsewhere = REQUEST (fixture, "POST", "/api/v1/appeals",
                                                             fixture->registrar, wrong_district);
  JsonArray *items;

  g_assert_cmpuint (own->status, ==, 200);
  g_assert_cmpuint (region->status, ==, 200);
  /* another district's card answers exactly like a card that does not exist */
  assert_problem (other, 404, "not_found");
  assert_problem (missing, 404, "not_found");
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (other), "title"), ==,
                   json_object_get_string_member (appeals_test_response_object (missing), "title"));

  items = json_object_get_array_member (appeals_test_response_object (list), "items");
  g_assert_cmpuint (json_array_get_length (items), >, 0);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i), "district"),
                     ==, "kostanay-city");

  assert_problem (create_elsewhere, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (create_elsewhere, "district"), ==, "out_of_range");

  g_assert_cmpuint (presented->status, ==, 200);

  /* an applicant registered in Rudny is Rudny's: not visible from Kostanay by id */
  {
    g_autoptr(AppealsTestResponse) created = REQUEST (fixture, "POST", "/api/v1/applicants", fixture->registrar2,
                                                      "{\"iin\":\"061211600024\",\"surname\":\"Ким\","
                                                      "\"given_name\":\"Ольга\",\"address\":\"Рудный\","
                                                      "\"phone\":\"87051234568\"}");
    g_autofree char *applicant_path = g_strdup_printf ("/api/v1/applicants/%" G_GINT64_FORMAT,
                                                       json_object_get_int_member (appeals_test_response_object (created),
                                                                                   "id"));
    g_autoptr(AppealsTestResponse) from_rudny = REQUEST (fixture, "GET", applicant_path, fixture->registrar2, NULL);
    g_autoptr(AppealsTestResponse) from_kostanay = REQUEST (fixture, "GET", applicant_path, fixture->registrar, NULL);

    g_assert_cmpuint (from_rudny->status, ==, 200);
    assert_problem (from_kostanay, 404, "not_found");
  }
}

static void
test_preconditions (Fixture       *fixture,
                    gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Мектеп туралы");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(AppealsTestResponse) get = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
  const char *etag = appeals_test_response_header (get, "ETag");
  g_autoptr(AppealsTestResponse) no_match = REQUEST (fixture, "PATCH", path, fixture->registrar,
                                                     "{\"executor\":\"Абенова Д.С.\"}");
  g_autoptr(AppealsTestResponse) first = REQUEST (fixture, "PATCH", path, fixture->registrar,
                                                  "{\"executor\":\"Абенова Д.С.\"}", "If-Match", etag);
  g_autoptr(AppealsTestResponse) stale = REQUEST (fixture, "PATCH", path, fixture->registrar,
                                                  "{\"executor\":\"Ким В.А.\"}", "If-Match", etag);
  g_autoptr(AppealsTestResponse) put_missing = NULL;
  JsonObject *current;

  g_assert_nonnull (etag);
  assert_problem (no_match, 428, "precondition_required");
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (first), "executor"), ==, "Абенова Д.С.");
  g_assert_cmpstr (appeals_test_response_header (first, "ETag"), !=, etag);

  assert_problem (stale, 412, "precondition_failed");
  current = json_object_get_object_member (appeals_test_response_object (stale), "current");
  g_assert_nonnull (current);
  g_assert_cmpstr (json_object_get_string_member (current, "executor"), ==, "Абенова Д.С.");
  /* the current version names who saved it, for the merge dialog */
  g_assert_cmpstr (json_object_get_string_member (current, "updated_by_name"), ==,
                   json_object_get_string_member (appeals_test_response_object (first), "updated_by_name"));
  g_assert_nonnull (json_object_get_string_member (current, "updated_by_name"));
  g_assert_cmpint (json_object_get_int_member (current, "version"), ==, 2);

  /* PUT replaces the card: required members must all be there */
  put_missing = REQUEST (fixture, "PUT", path, fixture->registrar, "{\"executor\":\"Ким В.А.\"}",
                         "If-Match", appeals_test_response_header (first, "ETag"));
  assert_problem (put_missing, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (put_missing, "annotation"), ==, "required");
}

/* Whether the journal page's @items hold the appeal @id. */
static gboolean
items_hold_id (JsonArray *items,
               gint64     id)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_int_member (json_array_get_object_element (items, i), "id") == id)
      return TRUE;
  return FALSE;
}

/* The base card: after creation only address and phone change; an
 * administrator's correction of the rest is audited, and the appeals are
 * found under the corrected name at once. */
static void
test_base_card (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *admin = appeals_test_sign_in (fixture->server, "admin", "demo");
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 appeal = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Жол жөндеу");
  g_autofree char *path = g_strdup_printf ("/api/v1/applicants/%" G_GINT64_FORMAT, applicant);
  g_autofree char *history_path = g_strdup_printf ("%s/history", path);
  g_autoptr(AppealsTestResponse) get = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) renamed = NULL;
  g_autoptr(AppealsTestResponse) moved = NULL;
  g_autoptr(AppealsTestResponse) corrected = NULL;
  g_autoptr(AppealsTestResponse) found = NULL;
  g_autoptr(AppealsTestResponse) found_region = NULL;
  g_autoptr(AppealsTestResponse) history = NULL;
  JsonArray *items;
  JsonObject *last;

  renamed = REQUEST (fixture, "PATCH", path, fixture->registrar, "{\"surname\":\"Сейтқалиева\"}",
                     "If-Match", appeals_test_response_header (get, "ETag"));
  assert_problem (renamed, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (renamed, "surname"), ==, "immutable");

  moved = REQUEST (fixture, "PATCH", path, fixture->registrar, "{\"address\":\"Қостанай қ., Байтұрсынов к., 12\"}",
                   "If-Match", appeals_test_response_header (get, "ETag"));
  g_assert_cmpuint (moved->status, ==, 200);

  corrected = REQUEST (fixture, "PATCH", path, admin, "{\"surname\":\"Сейтқалиева\"}",
                       "If-Match", appeals_test_response_header (moved, "ETag"));
  g_assert_cmpuint (corrected->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (corrected), "surname"), ==,
                   "Сейтқалиева");

  /* "сейтқалиева": the index follows the correction */
  found = REQUEST (fixture, "GET", "/api/v1/appeals?q=%D1%81%D0%B5%D0%B9%D1%82%D2%9B%D0%B0%D0%BB%D0%B8%D0%B5%D0%B2%D0%B0",
                   fixture->registrar, NULL);
  g_assert_cmpint (journal_total (fixture, fixture->registrar, "q=%D1%81%D0%B5%D0%B9%D1%82%D2%9B%D0%B0%D0%BB%D0%B8%D0%B5%D0%B2%D0%B0"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (appeals_test_response_object (found), "items"), 0), "id"), ==, appeal);
  /* and the region's journal, which a search alone reads in the order
   * keys (on PostgreSQL a table of its own, migration 0033), by term */
  found_region = REQUEST (fixture, "GET", "/api/v1/appeals?sort=-due_date&q=%D1%81%D0%B5%D0%B9%D1%82%D2%9B%D0%B0%D0%BB%D0%B8%D0%B5%D0%B2%D0%B0",
                          fixture->controller, NULL);
  items = json_object_get_array_member (appeals_test_response_object (found_region), "items");
  g_assert_true (items_hold_id (items, appeal));

  history = REQUEST (fixture, "GET", history_path, fixture->registrar, NULL);
  g_assert_cmpuint (history->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (history), "items");
  g_assert_cmpuint (json_array_get_length (items), >=, 2);
  last = json_array_get_object_element (items, json_array_get_length (items) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "correction");
  g_assert_cmpstr (json_object_get_string_member (last, "actor"), ==, "admin");
  /* and who that is, as the card's history names them */
  g_assert_false (json_object_get_null_member (last, "actor_name"));
  g_assert_cmpstr (json_object_get_string_member (last, "actor_name"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (last, "actor_name"), !=, "admin");
}

static void
test_idempotency (Fixture       *fixture,
                  gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *body = appeal_body (applicant, "kostanay-city", "Бір рет қана");
  g_autofree char *other_body = appeal_body (applicant, "kostanay-city", "Басқа мәтін");
  gint64 before = journal_total (fixture, fixture->registrar, "");
  g_autoptr(AppealsTestResponse) first = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, body,
                                                  "Idempotency-Key", "card-42");
  g_autoptr(AppealsTestResponse) retry = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, body,
                                                  "Idempotency-Key", "card-42");
  g_autoptr(AppealsTestResponse) reused = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, other_body,
                                                   "Idempotency-Key", "card-42");

  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpuint (retry->status, ==, 201);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (first), "id"), ==,
                   json_object_get_int_member (appeals_test_response_object (retry), "id"));
  g_assert_cmpstr (appeals_test_response_header (first, "Location"), ==,
                   appeals_test_response_header (retry, "Location"));
  assert_problem (reused, 422, "idempotency_key_reused");
  /* exactly one card more */
  g_assert_cmpint (journal_total (fixture, fixture->registrar, ""), ==, before + 1);
}

static const struct {
  const char *name;
  const char *content_type;
  const char *body;
  guint       status;
  const char *code;
  const char *field;
  const char *field_code;
} bad_bodies[] = {
  { "malformed", "application/json", "{\"applicant_id\": ", 400, "malformed_json", NULL, NULL },
  { "not UTF-8", "application/json", "{\"annotation\":\"\xff\xfe\"}", 400, "invalid_encoding", NULL, NULL },
  { "an array", "application/json", "[1,2,3]", 400, "malformed_json", NULL, NULL },
  { "a NUL in a string", "application/json", "{\"annotation\":\"a\\u0000b\"}", 400, "malformed_json", NULL, NULL },
  { "a comment", "application/json", "{/* x */\"annotation\":\"a\"}", 400, "malformed_json", NULL, NULL },
  { "a line comment", "application/json", "{\"annotation\":\"a\"// x\n}", 400, "malformed_json", NULL, NULL },
  { "a byte-order mark", "application/json", "\xef\xbb\xbf{\"annotation\":\"a\"}", 400, "malformed_json", NULL, NULL },
  { "JSONP", "application/jsonp", "{\"annotation\":\"a\"}", 415, "unsupported_media_type", NULL, NULL },
  { "another charset", "application/json; charset=latin1", "{}", 415, "unsupported_media_type", NULL, NULL },
  { "not JSON", "text/plain", "hello", 415, "unsupported_media_type", NULL, NULL },
  { "wrong type", "application/json", "{\"executor\":5}", 422, "validation_failed", "executor", "wrong_type" },
  { "unknown field", "application/json", "{\"colour\":\"red\"}", 422, "validation_failed", "colour", "unknown_field" },
  { "bad enum", "application/json", "{\"channel\":\"fax\"}", 422, "validation_failed", "channel", "invalid_value" },
  { "unknown body", "application/json", "{\"addressee_body\":\"nowhere\"}", 422, "validation_failed",
    "addressee_body", "invalid_value" },
};

static void
test_bad_bodies (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) huge = g_string_new ("{\"annotation\":\"");
  g_autoptr(AppealsTestResponse) too_deep = NULL;
  g_autoptr(AppealsTestResponse) too_large = NULL;
  g_autoptr(AppealsTestResponse) bad_iin = NULL;
  g_autoptr(AppealsTestResponse) still_alive = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_bodies); i++)
    {
      g_autoptr(AppealsTestResponse) response = NULL;

      g_test_message ("%s", bad_bodies[i].name);
      response = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, bad_bodies[i].body,
                          "Content-Type", bad_bodies[i].content_type);
      assert_problem (response, bad_bodies[i].status, bad_bodies[i].code);
      if (bad_bodies[i].field != NULL)
        g_assert_cmpstr (field_error_code (response, bad_bodies[i].field), ==, bad_bodies[i].field_code);
    }

  for (guint i = 0; i < 10000; i++)
    g_string_append (deep, "[");
  too_deep = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, deep->str);
  assert_problem (too_deep, 400, "too_deep");

  while (huge->len < 2 * 1024 * 1024)
    g_string_append (huge, "өтініш ");
  g_string_append (huge, "\"}");
  too_large = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, huge->str);
  assert_problem (too_large, 413, "body_too_large");

  bad_iin = REQUEST (fixture, "POST", "/api/v1/applicants", fixture->registrar,
                     "{\"iin\":\"123123123123\",\"surname\":\"Иванов\",\"given_name\":\"Иван\",\"address\":\"Костанай\"}");
  assert_problem (bad_iin, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (bad_iin, "iin"), ==, "invalid_iin");

  /* a body of unstated length could be endless: refused from the headers */
  {
    g_autoptr(GSocketConnection) connection = raw_connect (fixture);
    g_autofree char *head = g_strdup_printf ("POST /api/v1/appeals HTTP/1.1\r\nHost: localhost\r\n"
                                             "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                                             "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n"
                                             "3\r\n12}\r\n0\r\n\r\n",
                                             fixture->registrar);
    g_autofree char *answer = NULL;

    raw_write (connection, head);
    answer = raw_read_all (connection);
    g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 411"));
    g_assert_nonnull (strstr (answer, "\"length_required\""));
  }

  still_alive = REQUEST (fixture, "GET", "/api/v1/health", NULL, NULL);
  g_assert_cmpuint (still_alive->status, ==, 200);
}

static void
test_languages (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) kk = REQUEST (fixture, "GET", "/api/v1/appeals/999999", fixture->registrar, NULL,
                                               "Accept-Language", "kk-KZ, ru;q=0.5");
  g_autoptr(AppealsTestResponse) ru = REQUEST (fixture, "GET", "/api/v1/appeals/999999", fixture->registrar, NULL,
                                               "Accept-Language", "ru");
  g_autoptr(AppealsTestResponse) en = REQUEST (fixture, "GET", "/api/v1/appeals/999999", fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) field_kk = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar,
                                                     "{\"colour\":1}", "Accept-Language", "kk");
  const char *title_kk = json_object_get_string_member (appeals_test_response_object (kk), "title");
  const char *title_ru = json_object_get_string_member (appeals_test_response_object (ru), "title");
  const char *title_en = json_object_get_string_member (appeals_test_response_object (en), "title");
  JsonArray *errors = json_object_get_array_member (appeals_test_response_object (field_kk), "errors");

  g_assert_cmpstr (title_kk, !=, title_en);
  g_assert_cmpstr (title_ru, !=, title_en);
  g_assert_cmpstr (title_kk, !=, title_ru);
  /* Kazakh text carries letters that Russian does not have */
  g_assert_true (strstr (title_kk, "ы") || strstr (title_kk, "қ") || strstr (title_kk, "ә") ||
                 strstr (title_kk, "ң") || strstr (title_kk, "і") || strstr (title_kk, "ө"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "message"), !=,
                   "This field is not known.");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autoptr(AppealsTestResponse) by_word = NULL;
  g_autoptr(AppealsTestResponse) by_iin = NULL;
  g_autoptr(AppealsTestResponse) by_name = NULL;
  g_autoptr(AppealsTestResponse) nothing = NULL;
  g_autoptr(AppealsTestResponse) by_term = NULL;
  gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Ёлочный базар во дворе");
  JsonArray *items;

  by_word = REQUEST (fixture, "GET", "/api/v1/appeals?q=%D0%B5%D0%BB%D0%BE%D1%87", fixture->registrar, NULL); /* "елоч" */
  by_iin = REQUEST (fixture, "GET", "/api/v1/appeals?q=0612116", fixture->registrar, NULL);
  by_name = REQUEST (fixture, "GET", "/api/v1/appeals?q=%D0%A1%D0%95%D0%99%D0%A2%D2%9A%D0%90%D0%9B%D0%98", /* СЕЙТҚАЛИ */
                     fixture->registrar, NULL);
  nothing = REQUEST (fixture, "GET", "/api/v1/appeals?q=zzzzqqq", fixture->registrar, NULL);

  g_assert_cmpint (journal_total (fixture, fixture->registrar, "q=%D0%B5%D0%BB%D0%BE%D1%87"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (appeals_test_response_object (by_word), "items"), 0), "id"), ==, id);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (by_iin), "items")), >=, 1);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (by_name), "items")), >=, 1);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (nothing), "items")), ==, 0);
  g_assert_cmpint (journal_total (fixture, fixture->registrar, "q=zzzzqqq"), ==, 0);

  /* the region's journal, by term: a search alone, read in the order keys
   * (on PostgreSQL a table of its own the new appeal was copied into) */
  by_term = REQUEST (fixture, "GET", "/api/v1/appeals?sort=due_date&q=%D0%B5%D0%BB%D0%BE%D1%87", fixture->controller, NULL);
  items = json_object_get_array_member (appeals_test_response_object (by_term), "items");
  g_assert_true (items_hold_id (items, id));
}

/* The term's state in working days is the server's figure, and it agrees
 * with the overdue filter: every card the filter finds is overdue, and
 * no open card outside it is. */
static void
check_due_state (Fixture *fixture)
{
  const char *paths[] = { "/api/v1/appeals?limit=200&overdue=true", "/api/v1/appeals?limit=200&overdue=false" };
  guint overdue_found = 0;

  for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
    {
      g_autoptr(AppealsTestResponse) page = REQUEST (fixture, "GET", paths[p], fixture->controller, NULL);
      JsonArray *items = json_object_get_array_member (appeals_test_response_object (page), "items");

      g_assert_cmpuint (page->status, ==, 200);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *appeal = json_array_get_object_element (items, i);
          const char *status = json_object_get_string_member (appeal, "status");
          const char *state = json_object_get_string_member_with_default (appeal, "due_state", NULL);
          /* the states whose term runs (appeals_appeal_is_open()) */
          gboolean open = g_strv_contains ((const char * const[]) { "registered", "in_progress", "extended",
                                                                    "returned", NULL }, status);

          if (p == 0)
            {
              g_assert_cmpstr (state, ==, "overdue");
              g_assert_cmpint (json_object_get_int_member (appeal, "working_days_left"), ==, 0);
              overdue_found++;
            }
          else if (open)
            {
              g_assert_nonnull (state);
              g_assert_cmpstr (state, !=, "overdue");
              g_assert_cmpint (json_object_get_int_member (appeal, "working_days_overdue"), ==, 0);
            }
          else
            g_assert_null (state);
        }
    }
  g_assert_cmpuint (overdue_found, >, 0);
}

static void
test_pagination (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  gint64 total = journal_total (fixture, fixture->controller, "");
  guint pages = 0;

  do
    {
      g_autofree char *path = cursor != NULL ? g_strdup_printf ("/api/v1/appeals?limit=7&sort=due_date&cursor=%s", cursor)
                                             : g_strdup ("/api/v1/appeals?limit=7&sort=due_date");
      g_autoptr(AppealsTestResponse) page = REQUEST (fixture, "GET", path, fixture->controller, NULL);
      JsonObject *object = appeals_test_response_object (page);
      JsonArray *items = json_object_get_array_member (object, "items");

      g_assert_cmpuint (page->status, ==, 200);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          gint64 *id = g_new (gint64, 1);

          *id = json_object_get_int_member (json_array_get_object_element (items, i), "id");
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
        }

      g_free (cursor);
      cursor = json_object_get_null_member (object, "next_cursor") ? NULL
             : g_uri_escape_string (json_object_get_string_member (object, "next_cursor"), NULL, TRUE);
      pages++;
    }
  while (cursor != NULL);

  g_assert_cmpint (g_hash_table_size (seen), ==, total);
  g_assert_cmpuint (pages, ==, (total + 6) / 7);

  check_due_state (fixture);
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", "/api/v1/calendar/2022", fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) outside = REQUEST (fixture, "GET", "/api/v1/calendar/1999", fixture->registrar, NULL);
  JsonObject *object = appeals_test_response_object (response);
  JsonArray *days = json_object_get_array_member (object, "non_working_days");
  JsonArray *unified = json_object_get_array_member (object, "unified_reception_days");

  g_assert_cmpint (json_object_get_int_member (object, "year"), ==, 2022);
  /* 365 days - 246 working days */
  g_assert_cmpuint (json_array_get_length (days), ==, 119);
  g_assert_cmpuint (json_array_get_length (unified), ==, 12);
  g_assert_cmpstr (json_array_get_string_element (days, 0), ==, "2022-01-01");
  g_assert_cmpstr (json_array_get_string_element (unified, 7), ==, "2022-08-26");
  assert_problem (outside, 404, "not_found");
}

/* SIGTERM while a request's body is still arriving: the request is
 * answered and kept, a new one is refused, and the server exits cleanly. */
static void
test_graceful_stop (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *body = "{\"iin\":\"061211600012\",\"surname\":\"Сейтқали\",\"given_name\":\"Әлия\","
                     "\"address\":\"Қостанай қ., Абай даңғылы, 5\",\"phone\":\"87051234567\"}";
  gsize half = strlen (body) / 2;
  g_autoptr(GSocketConnection) slow = raw_connect (fixture);
  g_autofree char *head = g_strdup_printf ("POST /api/v1/applicants HTTP/1.1\r\nHost: localhost\r\n"
                                           "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                                           "Content-Length: %zu\r\nConnection: close\r\n\r\n%.*s",
                                           fixture->registrar, strlen (body), (int) half, body);
  g_autofree char *answer = NULL;
  g_autoptr(AppealsTestResponse) kept = NULL;

  raw_write (slow, head);
  g_usleep (300 * 1000);
  appeals_test_server_signal (fixture->server, SIGTERM);
  g_usleep (300 * 1000);

  {
    g_autoptr(GSocketConnection) late = raw_connect (fixture);
    g_autofree char *refused = NULL;

    raw_write (late, "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nAccept-Language: kk\r\n\r\n");
    refused = raw_read_all (late);
    g_assert_true (g_str_has_prefix (refused, "HTTP/1.1 503"));
    g_assert_nonnull (strstr (refused, "Retry-After"));
  }

  raw_write (slow, body + half);
  answer = raw_read_all (slow);
  if (!g_str_has_prefix (answer, "HTTP/1.1 201"))
    g_error ("the request in flight was not answered: %s", answer);
  g_assert_cmpint (appeals_test_server_wait (fixture->server), ==, 0);

  appeals_test_server_restart (fixture->server);
  kept = REQUEST (fixture, "GET", "/api/v1/applicants?iin=061211600012", fixture->registrar, NULL);
  g_assert_cmpuint (kept->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (kept), "items")),
                    ==, 1);
}

int
main (int argc, char *argv[])
{
  test_api_backend = appeals_test_backend_from_args (&argc, argv);
  g_test_init (&argc, &argv, NULL);
  test_api_record_exchanges ();

  TEST_API_ADD ("/api/sign-in", test_sign_in);
  TEST_API_ADD ("/api/lockout", test_lockout);
  TEST_API_ADD ("/api/roles", test_roles);
  TEST_API_ADD ("/api/district-scope", test_district_scope);
  TEST_API_ADD ("/api/preconditions", test_preconditions);
  TEST_API_ADD ("/api/base-card", test_base_card);
  TEST_API_ADD ("/api/idempotency", test_idempotency);
  TEST_API_ADD ("/api/bad-bodies", test_bad_bodies);
  TEST_API_ADD ("/api/languages", test_languages);
  TEST_API_ADD ("/api/search", test_search);
  TEST_API_ADD ("/api/pagination", test_pagination);
  TEST_API_ADD ("/api/calendar", test_calendar);
  test_api_add_durability ();
  test_api_add_expertise ();
  test_api_add_receptions ();
  test_api_add_arrangements ();
  test_api_add_reception_guards ();
  test_api_add_lists ();
  test_api_add_journal ();
  test_api_add_reference ();
  test_api_add_lifecycle ();
  test_api_add_lifecycle_steps ();
  test_api_add_orders ();
  test_api_add_records ();
  test_api_add_my_work ();
  test_api_add_analytics ();
  test_api_add_dynamics ();
  test_api_add_content ();
  test_api_add_receipts ();
  test_api_add_receipt_concurrency ();
  test_api_add_receipt_import ();
  test_api_add_kazpost ();
  test_api_add_reception_requests ();
  TEST_API_ADD ("/api/graceful-stop", test_graceful_stop);
  /* last: every answer the tests above received is the one documented.
   * GTest runs a suite's own cases before its child suites (/api/lists/...),
   * so this is a suite of its own, made after /api. */
  g_test_add_func ("/contract/answers", test_api_check_contract);

  return g_test_run ();
}
