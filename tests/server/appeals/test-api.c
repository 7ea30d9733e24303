/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api.c: the REST API of a real appeals-server process over real
 * HTTP, run once with SQLite and once with PostgreSQL (--backend=).
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "appeals-test-server.h"

static const char *backend;

typedef struct
{
  AppealsTestServer *server;
  SoupSession       *session;
  char              *registrar;    /* kostanay-city */
  char              *registrar2;   /* rudny-city */
  char              *controller;   /* the whole region */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *args[] = { "--demo", "--demo-appeals", "40", NULL };

  fixture->server = appeals_test_server_start (backend, args);
  fixture->session = soup_session_new_with_options ("max-conns-per-host", 16, NULL);
  fixture->registrar = appeals_test_sign_in (fixture->server, "registrar", "demo");
  fixture->registrar2 = appeals_test_sign_in (fixture->server, "registrar2", "demo");
  fixture->controller = appeals_test_sign_in (fixture->server, "controller", "demo");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->server, appeals_test_server_free);
  g_clear_object (&fixture->session);
  g_free (fixture->registrar);
  g_free (fixture->registrar2);
  g_free (fixture->controller);
}

#define REQUEST(f, method, path, token, body, ...) \
  appeals_test_request ((f)->server, (f)->session, method, path, token, body, ##__VA_ARGS__, NULL)

static void
assert_problem (AppealsTestResponse *response,
                guint                status,
                const char          *code)
{
  JsonObject *problem;

  if (response->status != status)
    g_error ("expected %u, got %u: %s", status, response->status, response->text);
  g_assert_true (g_str_has_prefix (appeals_test_response_header (response, "Content-Type"),
                                   "application/problem+json"));
  problem = appeals_test_response_object (response);
  g_assert_cmpstr (json_object_get_string_member (problem, "code"), ==, code);
  g_assert_cmpint (json_object_get_int_member (problem, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (problem, "title"), !=, "");
}

static const char *
field_error_code (AppealsTestResponse *response,
                  const char          *field)
{
  JsonArray *errors = json_object_get_array_member (appeals_test_response_object (response), "errors");

  for (guint i = 0; i < json_array_get_length (errors); i++)
    {
      JsonObject *error = json_array_get_object_element (errors, i);

      if (g_str_equal (json_object_get_string_member (error, "field"), field))
        {
          g_assert_cmpstr (json_object_get_string_member (error, "message"), !=, "");
          return json_object_get_string_member (error, "code");
        }
    }

  return NULL;
}

/* Creates an applicant and returns its id. */
static gint64
create_applicant (Fixture    *fixture,
                  const char *iin)
{
  g_autofree char *body = g_strdup_printf ("{\"iin\":\"%s\",\"surname\":\"Сейтқали\",\"given_name\":\"Әлия\","
                                           "\"address\":\"Қостанай қ., Абай даңғылы, 5\",\"phone\":\"87051234567\"}",
                                           iin);
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "POST", "/api/v1/applicants",
                                                     fixture->registrar, body);

  if (response->status != 201)
    g_error ("applicant: %u %s", response->status, response->text);
  return json_object_get_int_member (appeals_test_response_object (response), "id");
}

static char *
appeal_body (gint64      applicant_id,
             const char *district,
             const char *annotation)
{
  return g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"channel\":\"by_hand\",\"form\":\"electronic\","
                          "\"kind\":\"application\",\"addressee_body\":\"education\","
                          "\"question_character\":\"education\",\"category\":\"typical\",\"language\":\"kk\","
                          "\"district\":\"%s\",\"annotation\":\"%s\"}",
                          applicant_id, district, annotation);
}

/* Creates an appeal as @token and returns its id. */
static gint64
create_appeal (Fixture    *fixture,
               const char *token,
               gint64      applicant_id,
               const char *district,
               const char *annotation)
{
  g_autofree char *body = appeal_body (applicant_id, district, annotation);
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "POST", "/api/v1/appeals", token, body);

  if (response->status != 201)
    g_error ("appeal: %u %s", response->status, response->text);
  return json_object_get_int_member (appeals_test_response_object (response), "id");
}

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

  /* the applicant of Rudny's card is Rudny's: not visible from Kostanay by id */
  {
    g_autofree char *applicant_path = g_strdup_printf ("/api/v1/applicants/%" G_GINT64_FORMAT, applicant);
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
  g_autoptr(AppealsTestResponse) no_match = REQUEST (fixture, "PATCH", path, fixture->registrar, "{\"control\":true}");
  g_autoptr(AppealsTestResponse) first = REQUEST (fixture, "PATCH", path, fixture->registrar, "{\"control\":true}",
                                                  "If-Match", etag);
  g_autoptr(AppealsTestResponse) stale = REQUEST (fixture, "PATCH", path, fixture->registrar,
                                                  "{\"executor\":\"Ким В.А.\"}", "If-Match", etag);
  g_autoptr(AppealsTestResponse) put_missing = NULL;
  JsonObject *current;

  g_assert_nonnull (etag);
  assert_problem (no_match, 428, "precondition_required");
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (appeals_test_response_object (first), "control"));
  g_assert_cmpstr (appeals_test_response_header (first, "ETag"), !=, etag);

  assert_problem (stale, 412, "precondition_failed");
  current = json_object_get_object_member (appeals_test_response_object (stale), "current");
  g_assert_nonnull (current);
  g_assert_true (json_object_get_boolean_member (current, "control"));
  g_assert_cmpint (json_object_get_int_member (current, "version"), ==, 2);

  /* PUT replaces the card: required members must all be there */
  put_missing = REQUEST (fixture, "PUT", path, fixture->registrar, "{\"control\":false}",
                         "If-Match", appeals_test_response_header (first, "ETag"));
  assert_problem (put_missing, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (put_missing, "annotation"), ==, "required");
}

static void
test_idempotency (Fixture       *fixture,
                  gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *body = appeal_body (applicant, "kostanay-city", "Бір рет қана");
  g_autofree char *other_body = appeal_body (applicant, "kostanay-city", "Басқа мәтін");
  g_autoptr(AppealsTestResponse) before = REQUEST (fixture, "GET", "/api/v1/appeals?limit=1", fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) first = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, body,
                                                  "Idempotency-Key", "card-42");
  g_autoptr(AppealsTestResponse) retry = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, body,
                                                  "Idempotency-Key", "card-42");
  g_autoptr(AppealsTestResponse) reused = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, other_body,
                                                   "Idempotency-Key", "card-42");
  g_autoptr(AppealsTestResponse) after = REQUEST (fixture, "GET", "/api/v1/appeals?limit=1", fixture->registrar, NULL);

  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpuint (retry->status, ==, 201);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (first), "id"), ==,
                   json_object_get_int_member (appeals_test_response_object (retry), "id"));
  g_assert_cmpstr (appeals_test_response_header (first, "Location"), ==,
                   appeals_test_response_header (retry, "Location"));
  assert_problem (reused, 422, "idempotency_key_reused");
  /* exactly one card more */
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (after), "total"), ==,
                   json_object_get_int_member (appeals_test_response_object (before), "total") + 1);
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
  { "not UTF-8", "application/json", "{\"annotation\":\"\xff\xfe\"}", 400, "malformed_json", NULL, NULL },
  { "an array", "application/json", "[1,2,3]", 400, "malformed_json", NULL, NULL },
  { "not JSON", "text/plain", "hello", 415, "unsupported_media_type", NULL, NULL },
  { "wrong type", "application/json", "{\"control\":\"yes\"}", 422, "validation_failed", "control", "wrong_type" },
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
  gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Ёлочный базар во дворе");

  by_word = REQUEST (fixture, "GET", "/api/v1/appeals?q=%D0%B5%D0%BB%D0%BE%D1%87", fixture->registrar, NULL); /* "елоч" */
  by_iin = REQUEST (fixture, "GET", "/api/v1/appeals?q=0612116", fixture->registrar, NULL);
  by_name = REQUEST (fixture, "GET", "/api/v1/appeals?q=%D0%A1%D0%95%D0%99%D0%A2%D2%9A%D0%90%D0%9B%D0%98", /* СЕЙТҚАЛИ */
                     fixture->registrar, NULL);
  nothing = REQUEST (fixture, "GET", "/api/v1/appeals?q=zzzzqqq", fixture->registrar, NULL);

  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (by_word), "total"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (appeals_test_response_object (by_word), "items"), 0), "id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (by_iin), "total"), >=, 1);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (by_name), "total"), >=, 1);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (nothing), "total"), ==, 0);
}

static void
test_pagination (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *cursor = NULL;
  gint64 total = -1;
  guint pages = 0;

  do
    {
      g_autofree char *path = cursor != NULL ? g_strdup_printf ("/api/v1/appeals?limit=7&sort=due_date&cursor=%s", cursor)
                                             : g_strdup ("/api/v1/appeals?limit=7&sort=due_date");
      g_autoptr(AppealsTestResponse) page = REQUEST (fixture, "GET", path, fixture->controller, NULL);
      JsonObject *object = appeals_test_response_object (page);
      JsonArray *items = json_object_get_array_member (object, "items");

      g_assert_cmpuint (page->status, ==, 200);
      total = json_object_get_int_member (object, "total");
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

/* Eight clients patch shared and separate cards at once, retrying on 412;
 * afterwards every acknowledged change is in the card's history, and the
 * history holds exactly one entry per acknowledged change. */
typedef struct
{
  Fixture    *fixture;
  guint       client;
  gint64      own;
  gint64      shared[2];
  guint       acknowledged[3];
  GPtrArray  *values;   /* every executor value acknowledged */
} Client;

static gpointer
run_client (gpointer data)
{
  Client *client = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (client->fixture->server, "controller", "demo");
  g_autofree char *etag = NULL;

  for (guint n = 0; n < 200; n++)
    {
      guint target = n % 3;
      gint64 id = target == 0 ? client->own : client->shared[target - 1];
      g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
      g_autofree char *value = g_strdup_printf ("client %u change %u", client->client, n);
      g_autofree char *body = g_strdup_printf ("{\"executor\":\"%s\"}", value);

      for (;;)
        {
          g_autoptr(AppealsTestResponse) get = appeals_test_request (client->fixture->server, session, "GET",
                                                                     path, token, NULL, NULL);
          g_autoptr(AppealsTestResponse) patch = appeals_test_request (client->fixture->server, session, "PATCH",
                                                                       path, token, body, "If-Match",
                                                                       appeals_test_response_header (get, "ETag"),
                                                                       NULL);
          if (patch->status == 200)
            {
              client->acknowledged[target]++;
              g_ptr_array_add (client->values, g_strdup (value));
              break;
            }
          if (patch->status != 412)
            g_error ("PATCH %s: %u %s", path, patch->status, patch->text);
        }
    }

  return NULL;
}

static void
test_concurrent_edits (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 shared[2];
  Client clients[8];
  GThread *threads[8];
  g_autoptr(GHashTable) acknowledged_per_card = g_hash_table_new (g_int64_hash, g_int64_equal);

  shared[0] = create_appeal (fixture, fixture->controller, applicant, "kostanay-city", "Ортақ карта 1");
  shared[1] = create_appeal (fixture, fixture->controller, applicant, "rudny-city", "Ортақ карта 2");

  for (guint i = 0; i < 8; i++)
    {
      clients[i].fixture = fixture;
      clients[i].client = i;
      clients[i].own = create_appeal (fixture, fixture->controller, applicant, "kostanay-city", "Жеке карта");
      clients[i].shared[0] = shared[0];
      clients[i].shared[1] = shared[1];
      memset (clients[i].acknowledged, 0, sizeof clients[i].acknowledged);
      clients[i].values = g_ptr_array_new_with_free_func (g_free);
    }

  for (guint i = 0; i < 8; i++)
    threads[i] = g_thread_new ("client", run_client, &clients[i]);
  for (guint i = 0; i < 8; i++)
    g_thread_join (threads[i]);

  /* check every card's history against what its clients were told */
  for (guint card = 0; card < 10; card++)
    {
      gint64 id = card < 8 ? clients[card].own : shared[card - 8];
      guint expected = 0;
      g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/history", id);
      g_autoptr(AppealsTestResponse) history = REQUEST (fixture, "GET", path, fixture->controller, NULL);
      JsonArray *items = json_object_get_array_member (appeals_test_response_object (history), "items");
      g_autoptr(GHashTable) recorded = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < 8; i++)
        expected += card < 8 ? (i == card ? clients[i].acknowledged[0] : 0)
                             : clients[i].acknowledged[card - 8 + 1];

      /* one entry for the creation, one per acknowledged change */
      g_assert_cmpuint (json_array_get_length (items), ==, expected + 1);

      for (guint i = 1; i < json_array_get_length (items); i++)
        {
          JsonObject *entry = json_array_get_object_element (items, i);
          JsonArray *changes = json_object_get_array_member (entry, "changes");

          g_assert_cmpint (json_object_get_int_member (entry, "version"), ==, i + 1);
          g_assert_cmpuint (json_array_get_length (changes), ==, 1);
          g_hash_table_add (recorded, (gpointer) json_object_get_string_member (json_array_get_object_element (changes, 0),
                                                                                "after"));
        }

      for (guint i = 0; i < 8; i++)
        for (guint v = 0; v < clients[i].values->len; v++)
          {
            const char *value = g_ptr_array_index (clients[i].values, v);
            guint target = (guint) g_ascii_strtoull (strrchr (value, ' ') + 1, NULL, 10) % 3;
            gboolean on_this_card = card < 8 ? (i == card && target == 0) : (target == card - 8 + 1);

            if (on_this_card)
              g_assert_true (g_hash_table_contains (recorded, value));
          }
    }

  for (guint i = 0; i < 8; i++)
    g_ptr_array_unref (clients[i].values);
}

/* Kill -9 during writes: every acknowledged write survives a restart. */
typedef struct
{
  Fixture   *fixture;
  gint64     applicant;
  GArray    *acknowledged;   /* ids */
  GMutex     lock;
} Writer;

static gpointer
run_writer (gpointer data)
{
  Writer *writer = data;
  g_autoptr(SoupSession) session = soup_session_new ();

  for (guint n = 0; ; n++)
    {
      g_autofree char *annotation = g_strdup_printf ("Өтініш %u", n);
      g_autofree char *body = appeal_body (writer->applicant, "kostanay-city", annotation);
      g_autoptr(AppealsTestResponse) response = appeals_test_request (writer->fixture->server, session, "POST",
                                                                      "/api/v1/appeals", writer->fixture->controller,
                                                                      body, NULL);
      gint64 id;

      if (response->status != 201)
        break;   /* the server is gone */

      id = json_object_get_int_member (appeals_test_response_object (response), "id");
      g_mutex_lock (&writer->lock);
      g_array_append_val (writer->acknowledged, id);
      g_mutex_unlock (&writer->lock);
    }

  return NULL;
}

static void
test_kill_during_writes (Fixture       *fixture,
                         gconstpointer  user_data)
{
  Writer writer = { fixture, create_applicant (fixture, "061211600012"), g_array_new (FALSE, FALSE, sizeof (gint64)) };
  g_autofree char *token = NULL;
  GThread *thread;
  guint n;

  g_mutex_init (&writer.lock);
  thread = g_thread_new ("writer", run_writer, &writer);

  for (;;)
    {
      g_mutex_lock (&writer.lock);
      n = writer.acknowledged->len;
      g_mutex_unlock (&writer.lock);
      if (n >= 40)
        break;
      g_usleep (1000);
    }

  appeals_test_server_kill (fixture->server);
  g_thread_join (thread);
  appeals_test_server_restart (fixture->server);

  token = appeals_test_sign_in (fixture->server, "controller", "demo");
  for (guint i = 0; i < writer.acknowledged->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT,
                                               g_array_index (writer.acknowledged, gint64, i));
      g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", path, token, NULL);
      g_autofree char *annotation = g_strdup_printf ("Өтініш %u", i);

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (response), "annotation"),
                       ==, annotation);
    }

  g_array_unref (writer.acknowledged);
  g_mutex_clear (&writer.lock);
}

static gboolean
is_day_off_2022 (Fixture    *fixture,
                 const char *token,
                 const char *date)
{
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", "/api/v1/calendar/2022", token, NULL);
  JsonArray *days;

  g_assert_cmpuint (response->status, ==, 200);
  days = json_object_get_array_member (appeals_test_response_object (response), "non_working_days");
  for (guint i = 0; i < json_array_get_length (days); i++)
    if (g_str_equal (json_array_get_string_element (days, i), date))
      return TRUE;
  return FALSE;
}

/* An administrator replaces the calendar file and sends SIGHUP: a broken
 * file changes nothing and the server stays up; a good one takes effect. */
static void
test_reload_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("appeals-rules-XXXXXX", &error);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *calendar_path = g_build_filename (data, "calendar", "kz.json", NULL);
  g_autofree char *original = NULL;
  g_autofree char *cleanup = NULL;
  const char *copy_argv[] = { "cp", "-r", g_getenv ("APPEALS_DATA_DIR"), data, NULL };
  const char *args[] = { "--demo", "--demo-appeals", "5", NULL };
  g_autofree char *saved_dir = g_strdup (g_getenv ("APPEALS_DATA_DIR"));
  Fixture fixture = { 0, };
  g_autofree char *token = NULL;
  gint64 started;

  g_assert_true (g_spawn_sync (NULL, (char **) copy_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_setenv ("APPEALS_DATA_DIR", data, TRUE);
  fixture.server = appeals_test_server_start (backend, args);
  fixture.session = soup_session_new ();
  g_setenv ("APPEALS_DATA_DIR", saved_dir, TRUE);
  token = appeals_test_sign_in (fixture.server, "analyst", "demo");
  g_assert_false (is_day_off_2022 (&fixture, token, "2022-12-30"));

  g_file_get_contents (calendar_path, &original, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (calendar_path, "{\"format\": 1, \"first_year\": \"twenty\"}", -1, &error);
  g_assert_no_error (error);
  appeals_test_server_signal (fixture.server, SIGHUP);
  g_assert_false (is_day_off_2022 (&fixture, token, "2022-12-30"));

  /* a decree makes Friday 30 December 2022 a day off */
  {
    g_autoptr(GString) text = g_string_new (original);
    g_string_replace (text, "{ \"working\": \"2022-10-22\", \"day_off\": \"2022-10-24\" }",
                      "{ \"working\": \"2022-10-22\", \"day_off\": \"2022-10-24\" },\n"
                      "        { \"working\": \"2022-12-31\", \"day_off\": \"2022-12-30\" }", 1);
    g_file_set_contents (calendar_path, text->str, -1, &error);
    g_assert_no_error (error);
  }
  appeals_test_server_signal (fixture.server, SIGHUP);

  started = g_get_monotonic_time ();
  while (!is_day_off_2022 (&fixture, token, "2022-12-30"))
    {
      g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);
      g_usleep (50000);
    }

  appeals_test_server_free (fixture.server);
  g_object_unref (fixture.session);
  cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  g_spawn_command_line_sync (cleanup, NULL, NULL, NULL, NULL);
}

static void
test_create_user (void)
{
  const char *args[] = { NULL };
  Fixture fixture = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *token = NULL;
  g_autoptr(AppealsTestResponse) me = NULL;

  fixture.server = appeals_test_server_start (backend, args);
  fixture.session = soup_session_new ();

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              g_getenv ("APPEALS_SERVER_EXE"), "--database",
                              appeals_test_server_get_database (fixture.server),
                              "create-user", "bekova", "--role", "analyst", "--district", "arkalyk-city",
                              "--full-name", "Бекова Сәуле", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, "a long secret\n", NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  token = appeals_test_sign_in (fixture.server, "bekova", "a long secret");
  me = REQUEST (&fixture, "GET", "/api/v1/session", token, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (appeals_test_response_object (me),
                                                                                 "user"), "district"),
                   ==, "arkalyk-city");

  g_clear_object (&process);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              g_getenv ("APPEALS_SERVER_EXE"), "--database",
                              appeals_test_server_get_database (fixture.server),
                              "create-user", "short", "--role", "analyst", NULL);
  g_subprocess_communicate_utf8 (process, "abc\n", NULL, NULL, NULL, &error);
  g_assert_false (g_subprocess_get_successful (process));

  appeals_test_server_free (fixture.server);
  g_object_unref (fixture.session);
}

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
      g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
      g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\"", id,
                                               json_object_get_int_member (appeal, "version"));
      g_autoptr(AppealsTestResponse) patched = NULL;

      if (id == other_than)
        continue;
      patched = REQUEST (fixture, "PATCH", path, fixture->controller, control ? "{\"control\":true}" : "{\"control\":false}",
                         "If-Match", etag);
      g_assert_cmpuint (patched->status, ==, 200);
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
  g_autofree char *plain_appeal_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, plain);
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
    g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\"", plain,
                                             json_object_get_int_member (after, "version"));
    reworked = REQUEST (fixture, "PATCH", plain_appeal_path, fixture->controller,
                        "{\"status\":\"answered\",\"answer\":\"Доработанный ответ со ссылками на закон\"}",
                        "If-Match", etag);
    g_assert_cmpuint (reworked->status, ==, 200);
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

  {
    g_autoptr(AppealsTestResponse) awaiting = REQUEST (fixture, "GET", "/api/v1/expertise?state=awaiting_approval", head, NULL);
    JsonArray *items = json_object_get_array_member (appeals_test_response_object (awaiting), "items");

    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "appeal_id"), ==, controlled);
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

  quality = REQUEST (fixture, "GET", "/api/v1/analytics/answer-quality", leadership, NULL);
  g_assert_cmpuint (quality->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (quality),
                                                                         "items")), >=, 1);
}

/* Receptions: a day's queue in priority order, the essence required,
 * steps with terms, marked done. */
static void
test_receptions (Fixture       *fixture,
                 gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *leadership = appeals_test_sign_in (fixture->server, "leadership", "demo");
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", leadership, NULL);
  JsonArray *list = json_object_get_array_member (appeals_test_response_object (officials), "items");
  gint64 official = json_object_get_int_member (json_array_get_object_element (list, 0), "id");
  /* a working Friday in the calendar's range */
  const char *date = "2027-03-12";
  static const char *categories[] = { NULL, "pregnant", "war_veteran" };
  g_autoptr(AppealsTestResponse) no_essence = NULL;
  g_autoptr(AppealsTestResponse) on_holiday = NULL;
  g_autoptr(AppealsTestResponse) denied = NULL;
  g_autoptr(AppealsTestResponse) queue = NULL;
  g_autoptr(AppealsTestResponse) marked = NULL;
  g_autofree char *queue_path = g_strdup_printf ("/api/v1/receptions?date=%s&official_id=%" G_GINT64_FORMAT, date, official);
  g_autofree char *step_path = NULL;
  gint64 ids[3];
  JsonArray *items, *steps;

  g_assert_cmpuint (json_array_get_length (list), >=, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (list, 0),
                                                                         "schedule")), >=, 1);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *priority = categories[i] != NULL ? g_strdup_printf ("\"%s\"", categories[i]) : g_strdup ("null");
      g_autofree char *body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                               "\"start_time\":\"10:00\",\"applicant_id\":%" G_GINT64_FORMAT ","
                                               "\"question\":\"Тұрғын үй кезегі, %u\",\"priority\":%s}",
                                               official, date, applicant, i, priority);
      g_autoptr(AppealsTestResponse) booked = REQUEST (fixture, "POST", "/api/v1/receptions", fixture->registrar, body);

      if (booked->status != 201)
        g_error ("booking %u: %u %s", i, booked->status, booked->text);
      ids[i] = json_object_get_int_member (appeals_test_response_object (booked), "id");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (booked),
                                                                             "steps")), ==, 13);
    }

  /* a request that does not state the essence of the question is refused */
  {
    g_autofree char *body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                             "\"start_time\":\"10:00\",\"applicant_id\":%" G_GINT64_FORMAT ","
                                             "\"question\":\"  \"}", official, date, applicant);
    g_autofree char *holiday = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"2027-03-22\","
                                                "\"start_time\":\"10:00\",\"applicant_id\":%" G_GINT64_FORMAT ","
                                                "\"question\":\"Жер\"}", official, applicant);

    no_essence = REQUEST (fixture, "POST", "/api/v1/receptions", fixture->registrar, body);
    assert_problem (no_essence, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (no_essence, "question"), ==, "required");
    on_holiday = REQUEST (fixture, "POST", "/api/v1/receptions", fixture->registrar, holiday);
    assert_problem (on_holiday, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (on_holiday, "date"), ==, "out_of_range");
    denied = REQUEST (fixture, "POST", "/api/v1/receptions", leadership, body);
    assert_problem (denied, 403, "forbidden");
  }

  /* priority first (the war veteran and the pregnant woman, in booking order), then the others */
  queue = REQUEST (fixture, "GET", queue_path, leadership, NULL);
  items = json_object_get_array_member (appeals_test_response_object (queue), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==, ids[1]);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 1), "id"), ==, ids[2]);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 2), "id"), ==, ids[0]);

  /* the reception step is due on the reception day; mark the first step done */
  steps = json_object_get_array_member (json_array_get_object_element (items, 0), "steps");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (steps, 9), "due"), ==, date);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (steps, 12), "due"));
  step_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/steps/clarify", ids[1]);
  marked = REQUEST (fixture, "PATCH", step_path, fixture->registrar, "{\"done\":true,\"note\":\"Құжаттар толық\"}");
  g_assert_cmpuint (marked->status, ==, 200);
  steps = json_object_get_array_member (appeals_test_response_object (marked), "steps");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (steps, 0), "done"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (steps, 0), "done_by"), ==, "registrar");

  /* the protocol: an order keeps the reception under control until executed */
  {
    g_autofree char *orders_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/orders", ids[1]);
    g_autofree char *archive_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/archive", ids[1]);
    g_autofree char *order_path = NULL;
    g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
    g_autoptr(AppealsTestResponse) bad_order = REQUEST (fixture, "POST", orders_path, fixture->registrar,
                                                        "{\"text\":\"\",\"executor_body\":\"nowhere\",\"working_days\":0}");
    g_autoptr(AppealsTestResponse) order = REQUEST (fixture, "POST", orders_path, fixture->registrar,
                                                    "{\"text\":\"Кезекті қайта қарау\",\"executor_body\":\"housing-utilities\","
                                                    "\"working_days\":10}");
    g_autoptr(AppealsTestResponse) too_early = REQUEST (fixture, "POST", archive_path, head, NULL);
    g_autoptr(AppealsTestResponse) executed = NULL;
    g_autoptr(AppealsTestResponse) archived = NULL;
    JsonArray *orders;

    assert_problem (bad_order, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (bad_order, "text"), ==, "required");
    g_assert_cmpstr (field_error_code (bad_order, "executor_body"), ==, "invalid_value");
    g_assert_cmpstr (field_error_code (bad_order, "working_days"), ==, "out_of_range");
    g_assert_cmpuint (order->status, ==, 201);
    orders = json_object_get_array_member (appeals_test_response_object (order), "orders");
    g_assert_cmpuint (json_array_get_length (orders), ==, 1);
    assert_problem (too_early, 409, "validation_failed");
    g_assert_cmpstr (field_error_code (too_early, "orders"), ==, "invalid_value");

    order_path = g_strdup_printf ("%s/%" G_GINT64_FORMAT, orders_path,
                                  json_object_get_int_member (json_array_get_object_element (orders, 0), "id"));
    executed = REQUEST (fixture, "PATCH", order_path, fixture->registrar, "{\"status\":\"executed\"}");
    g_assert_cmpuint (executed->status, ==, 200);
    archived = REQUEST (fixture, "POST", archive_path, head, NULL);
    g_assert_cmpuint (archived->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (archived), "status"), ==, "archived");
  }
}

/* The leadership sees the receptions of the next three working days and
 * marks them reviewed. */
static void
test_review (Fixture       *fixture,
             gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *leadership = appeals_test_sign_in (fixture->server, "leadership", "demo");
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", leadership, NULL);
  gint64 official = json_object_get_int_member (json_array_get_object_element (
                      json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = NULL;
  g_autoptr(AppealsTestResponse) list = NULL;
  g_autoptr(AppealsTestResponse) reviewed = NULL;
  g_autoptr(AppealsTestResponse) denied = NULL;
  g_autofree char *review_path = NULL;
  JsonArray *items;
  gint64 id = 0;

  /* the first day after today that takes a booking */
  for (int ahead = 1; ahead < 10 && id == 0; ahead++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, ahead);
      g_autofree char *body = NULL;
      g_autoptr(AppealsTestResponse) booked = NULL;

      g_free (date);
      date = g_date_time_format (day, "%Y-%m-%d");
      body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"start_time\":\"15:00\","
                              "\"applicant_id\":%" G_GINT64_FORMAT ",\"question\":\"Жер телімі\"}",
                              official, date, applicant);
      booked = REQUEST (fixture, "POST", "/api/v1/receptions", fixture->registrar, body);
      if (booked->status == 201)
        id = json_object_get_int_member (appeals_test_response_object (booked), "id");
    }
  g_assert_cmpint (id, >, 0);

  list = REQUEST (fixture, "GET", "/api/v1/review", leadership, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (list), "items");
  g_assert_cmpuint (json_array_get_length (items), >=, 1);
  {
    JsonObject *item = NULL;

    for (guint i = 0; i < json_array_get_length (items); i++)
      if (json_object_get_int_member (json_array_get_object_element (items, i), "id") == id)
        item = json_array_get_object_element (items, i);
    g_assert_nonnull (item);
    g_assert_false (json_object_get_boolean_member (item, "complete"));
  }

  review_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/review", id);
  denied = REQUEST (fixture, "POST", review_path, fixture->registrar, "{\"instructions\":\"x\"}");
  assert_problem (denied, 403, "forbidden");
  reviewed = REQUEST (fixture, "POST", review_path, leadership, "{\"instructions\":\"Жер комиссиясын шақыру\"}");
  g_assert_cmpuint (reviewed->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (appeals_test_response_object (reviewed),
                                                                                 "review"), "reviewed_by"),
                   ==, "leadership");
}

/* Books a visitor on the first day after today that takes a booking, so
 * that the reception falls within the leadership's review window. */
static gint64
book_soon (Fixture     *fixture,
           gint64       applicant,
           gint64       official,
           char       **date_out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (int ahead = 1; ahead < 10; ahead++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, ahead);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      g_autofree char *body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                               "\"start_time\":\"11:00\",\"applicant_id\":%" G_GINT64_FORMAT ","
                                               "\"question\":\"Жылу беру\"}",
                                               official, date, applicant);
      g_autoptr(AppealsTestResponse) booked = REQUEST (fixture, "POST", "/api/v1/receptions", fixture->registrar, body);

      if (booked->status == 201)
        {
          *date_out = g_steal_pointer (&date);
          return json_object_get_int_member (appeals_test_response_object (booked), "id");
        }
    }

  g_error ("no working day in the next ten days");
}

static AppealsTestResponse *
upload (Fixture    *fixture,
        const char *token,
        gint64      reception,
        const char *kind,
        const char *file_name,
        const char *content_type,
        const char *data,
        gsize       size)
{
  g_autofree char *escaped = g_uri_escape_string (file_name, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/attachments?kind=%s&file_name=%s",
                                           reception, kind, escaped);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  return appeals_test_request_bytes (fixture->server, fixture->session, "POST", path, token, content_type, bytes);
}

static JsonObject *
first_review_item (Fixture    *fixture,
                   const char *token,
                   gint64      id,
                   AppealsTestResponse **keep)
{
  JsonArray *items;

  *keep = REQUEST (fixture, "GET", "/api/v1/review", token, NULL);
  g_assert_cmpuint ((*keep)->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (*keep), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_int_member (json_array_get_object_element (items, i), "id") == id)
      return json_array_get_object_element (items, i);
  g_error ("reception %" G_GINT64_FORMAT " is not in the review list", id);
}

/* Damages a stored file behind the server's back, the way a disk would. */
static void
damage_blobs (Fixture    *fixture,
              const char *sha256)
{
  const char *database = appeals_test_server_get_database (fixture->server);

  if (g_str_equal (backend, "sqlite"))
    {
      char prefix[3] = { sha256[0], sha256[1], '\0' };
      g_autofree char *dir = g_strconcat (database, ".attachments", NULL);
      g_autofree char *path = g_build_filename (dir, prefix, sha256, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_file_set_contents (path, "%PDF-tampered", -1, NULL));
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE attachment_blobs SET content = 'tampered'::bytea "
                                              "WHERE sha256 = '%s'", sha256);
      const char *argv[] = { "psql", database, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                                   &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
}

static void
test_attachments (Fixture       *fixture,
                  gconstpointer  user_data)
{
  static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0\x1f\x15\xc4\x89";
  static const char text[] = "Білім басқармасының ұстанымы: кезек 2027 жылы.\nПозиция управления образования.\n";
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *leadership = appeals_test_sign_in (fixture->server, "leadership", "demo");
  g_autofree char *analyst = appeals_test_sign_in (fixture->server, "analyst", "demo");
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", leadership, NULL);
  gint64 official = json_object_get_int_member (json_array_get_object_element (
                      json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id");
  g_autofree char *date = NULL;
  gint64 id = book_soon (fixture, applicant, official, &date);
  g_autoptr(AppealsTestResponse) note = upload (fixture, fixture->registrar, id, "reference_note", "Анықтама №5.pdf",
                                                "application/pdf", pdf, sizeof pdf - 1);
  g_autoptr(AppealsTestResponse) image = upload (fixture, fixture->controller, id, "applicant_document", "скан.png",
                                                 "image/png", png, sizeof png - 1);
  g_autoptr(AppealsTestResponse) position = NULL;
  g_autoptr(AppealsTestResponse) review = NULL;
  g_autoptr(AppealsTestResponse) review_after = NULL;
  g_autoptr(AppealsTestResponse) downloaded = NULL;
  g_autoptr(AppealsTestResponse) damaged = NULL;
  g_autoptr(AppealsTestResponse) withdrawn = NULL;
  g_autoptr(AppealsTestResponse) reception = NULL;
  g_autoptr(AppealsTestResponse) days = NULL;
  g_autoptr(AppealsTestResponse) bad_days = NULL;
  g_autofree char *expected_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) pdf, sizeof pdf - 1);
  g_autofree char *note_path = NULL;
  g_autofree char *position_path = NULL;
  g_autofree char *reception_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, id);
  g_autofree char *days_path = g_strdup_printf ("/api/v1/reception-days?from=%s&to=%s&official_id=%" G_GINT64_FORMAT,
                                                date, date, official);
  JsonObject *item;

  if (note->status != 201)
    g_error ("upload: %u %s", note->status, note->text);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (note), "sha256"), ==, expected_sha);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (note), "size"), ==, sizeof pdf - 1);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (note), "file_name"), ==, "Анықтама №5.pdf");
  g_assert_cmpuint (image->status, ==, 201);

  /* the review shows what is still missing: the body's position */
  item = first_review_item (fixture, leadership, id, &review);
  g_assert_cmpint (json_object_get_int_member (item, "materials_done"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (item, "materials_needed"), ==, 3);
  g_assert_false (json_object_get_boolean_member (item, "complete"));

  position = upload (fixture, fixture->registrar, id, "body_position", "ұстаным.txt", "text/plain; charset=utf-8",
                     text, sizeof text - 1);
  g_assert_cmpuint (position->status, ==, 201);
  item = first_review_item (fixture, leadership, id, &review_after);
  g_assert_true (json_object_get_boolean_member (item, "complete"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "attachments")), ==, 3);

  /* refused: a type we do not keep, content that is not what it claims,
   * a kind we do not know, a path for a name, a role that reads only */
  {
    g_autoptr(AppealsTestResponse) zip = upload (fixture, fixture->registrar, id, "other", "a.zip", "application/zip",
                                                 "PK\3\4", 4);
    g_autoptr(AppealsTestResponse) fake = upload (fixture, fixture->registrar, id, "other", "a.pdf", "application/pdf",
                                                  "MZ\x90\0", 4);
    g_autoptr(AppealsTestResponse) binary_text = upload (fixture, fixture->registrar, id, "other", "a.txt",
                                                         "text/plain", "a\0b", 3);
    g_autoptr(AppealsTestResponse) kind = upload (fixture, fixture->registrar, id, "selfie", "a.pdf", "application/pdf",
                                                  pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) name = upload (fixture, fixture->registrar, id, "other", "../../etc/passwd",
                                                  "application/pdf", pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) role = upload (fixture, analyst, id, "other", "a.pdf", "application/pdf",
                                                  pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) nowhere = upload (fixture, fixture->registrar, 999999, "other", "a.pdf",
                                                     "application/pdf", pdf, sizeof pdf - 1);

    assert_problem (zip, 415, "attachment_type_not_allowed");
    assert_problem (fake, 415, "attachment_type_not_allowed");
    assert_problem (binary_text, 415, "attachment_type_not_allowed");
    assert_problem (kind, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (kind, "kind"), ==, "invalid_value");
    assert_problem (name, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (name, "file_name"), ==, "invalid_value");
    assert_problem (role, 403, "forbidden");
    assert_problem (nowhere, 404, "not_found");
  }

  /* every role reads the files back, byte for byte */
  note_path = g_strdup_printf ("/api/v1/attachments/%" G_GINT64_FORMAT,
                               json_object_get_int_member (appeals_test_response_object (note), "id"));
  downloaded = REQUEST (fixture, "GET", note_path, analyst, NULL);
  g_assert_cmpuint (downloaded->status, ==, 200);
  g_assert_cmpmem (g_bytes_get_data (downloaded->bytes, NULL), g_bytes_get_size (downloaded->bytes), pdf, sizeof pdf - 1);
  g_assert_cmpstr (appeals_test_response_header (downloaded, "Content-Type"), ==, "application/pdf");
  g_assert_cmpstr (appeals_test_response_header (downloaded, "X-Content-SHA256"), ==, expected_sha);
  g_assert_nonnull (strstr (appeals_test_response_header (downloaded, "Content-Disposition"),
                            "filename*=UTF-8''%D0%90%D0%BD%D1%8B%D2%9B"));

  /* the reception carries its attachments; the month view counts it */
  reception = REQUEST (fixture, "GET", reception_path, fixture->registrar, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (reception),
                                                                         "attachments")), ==, 3);
  days = REQUEST (fixture, "GET", days_path, fixture->registrar, NULL);
  g_assert_cmpuint (days->status, ==, 200);
  item = json_array_get_object_element (json_object_get_array_member (appeals_test_response_object (days), "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "date"), ==, date);
  {
    /* as many as the day's queue holds (the demo books some too) */
    g_autofree char *queue_path = g_strdup_printf ("/api/v1/receptions?date=%s&official_id=%" G_GINT64_FORMAT, date, official);
    g_autoptr(AppealsTestResponse) queue = REQUEST (fixture, "GET", queue_path, fixture->registrar, NULL);
    guint n = json_array_get_length (json_object_get_array_member (appeals_test_response_object (queue), "items"));

    g_assert_cmpuint (n, >=, 1);
    g_assert_cmpint (json_object_get_int_member (item, "booked"), ==, n);
  }
  bad_days = REQUEST (fixture, "GET", "/api/v1/reception-days?from=2027-01-01&to=2027-06-30", fixture->registrar, NULL);
  assert_problem (bad_days, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (bad_days, "to"), ==, "out_of_range");

  /* withdrawing the body's position makes the materials incomplete again */
  position_path = g_strdup_printf ("/api/v1/attachments/%" G_GINT64_FORMAT,
                                   json_object_get_int_member (appeals_test_response_object (position), "id"));
  {
    g_autoptr(AppealsTestResponse) denied = REQUEST (fixture, "DELETE", position_path, analyst, NULL);
    g_autoptr(AppealsTestResponse) gone = NULL;
    g_autoptr(AppealsTestResponse) review_last = NULL;

    assert_problem (denied, 403, "forbidden");
    withdrawn = REQUEST (fixture, "DELETE", position_path, fixture->registrar, NULL);
    g_assert_cmpuint (withdrawn->status, ==, 200);
    gone = REQUEST (fixture, "GET", position_path, fixture->registrar, NULL);
    assert_problem (gone, 404, "not_found");
    item = first_review_item (fixture, leadership, id, &review_last);
    g_assert_false (json_object_get_boolean_member (item, "complete"));
  }

  /* a file damaged in storage is never served as if it were whole */
  damage_blobs (fixture, expected_sha);
  damaged = REQUEST (fixture, "GET", note_path, fixture->registrar, NULL);
  assert_problem (damaged, 500, "attachment_damaged");
}

/* The size limit is the server's setting, refused from the headers. */
static void
test_attachment_limit (void)
{
  const char *args[] = { "--demo", "--demo-appeals", "1", "--max-attachment-size", "1", NULL };
  Fixture fixture = { 0, };
  gsize size = 1024 * 1024 + 1;
  g_autofree char *big = g_malloc (size);
  g_autoptr(AppealsTestResponse) officials = NULL;
  g_autoptr(AppealsTestResponse) too_large = NULL;
  g_autoptr(AppealsTestResponse) fits = NULL;
  g_autofree char *date = NULL;
  gint64 id;

  fixture.server = appeals_test_server_start (backend, args);
  fixture.session = soup_session_new ();
  fixture.registrar = appeals_test_sign_in (fixture.server, "registrar", "demo");
  officials = REQUEST (&fixture, "GET", "/api/v1/officials", fixture.registrar, NULL);
  id = book_soon (&fixture, create_applicant (&fixture, "061211600012"),
                  json_object_get_int_member (json_array_get_object_element (
                    json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id"),
                  &date);

  memset (big, 'a', size);
  memcpy (big, "%PDF-", 5);
  too_large = upload (&fixture, fixture.registrar, id, "other", "big.pdf", "application/pdf", big, size);
  assert_problem (too_large, 413, "attachment_too_large");
  /* a file just at the limit goes through */
  fits = upload (&fixture, fixture.registrar, id, "other", "fits.pdf", "application/pdf", big, size - 1);
  g_assert_cmpuint (fits->status, ==, 201);

  fixture_tear_down (&fixture, NULL);
}

/* Controllers keep the officials' schedules; the others read them. */
static void
test_officials (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char *official =
    "{\"full_name\":{\"kk\":\"Әбенов Ерлан Маратұлы\",\"ru\":\"Абенов Ерлан Маратович\"},"
    "\"position\":{\"kk\":\"Облыс әкімінің орынбасары\",\"ru\":\"Заместитель акима области\"},"
    "\"schedule\":[{\"weekday\":3,\"start\":\"09:00\",\"end\":\"12:00\",\"place\":\"Қостанай қ., Әл-Фараби д., 66, 301\"},"
    "{\"weekday\":5,\"start\":\"15:00\",\"end\":\"17:00\",\"video\":true}]}";
  static const char *changed =
    "{\"full_name\":{\"kk\":\"Әбенов Ерлан Маратұлы\",\"ru\":\"Абенов Ерлан Маратович\"},"
    "\"position\":{\"kk\":\"Облыс әкімі\",\"ru\":\"Аким области\"},"
    "\"schedule\":[{\"weekday\":2,\"start\":\"10:00\",\"end\":\"13:00\",\"place\":\"каб. 101\"}]}";
  static const char *wrong =
    "{\"full_name\":{\"kk\":\"\",\"ru\":\"Абенов\"},\"position\":{\"ru\":\"Аким\"},"
    "\"schedule\":[{\"weekday\":8,\"start\":\"9:00\",\"end\":\"08:00\"},"
    "{\"weekday\":1,\"start\":\"12:00\",\"end\":\"11:00\",\"place\":\"каб. 5\"}]}";
  g_autoptr(AppealsTestResponse) created = REQUEST (fixture, "POST", "/api/v1/officials", fixture->controller, official);
  g_autoptr(AppealsTestResponse) denied = REQUEST (fixture, "POST", "/api/v1/officials", fixture->registrar, official);
  g_autoptr(AppealsTestResponse) refused = REQUEST (fixture, "POST", "/api/v1/officials", fixture->controller, wrong);
  g_autoptr(AppealsTestResponse) replaced = NULL;
  g_autoptr(AppealsTestResponse) listed = NULL;
  g_autoptr(AppealsTestResponse) retired = NULL;
  g_autoptr(AppealsTestResponse) after = NULL;
  g_autoptr(AppealsTestResponse) gone = NULL;
  g_autofree char *path = NULL;
  JsonArray *schedule, *items;
  gboolean found = FALSE;

  g_assert_cmpuint (created->status, ==, 201);
  schedule = json_object_get_array_member (appeals_test_response_object (created), "schedule");
  g_assert_cmpuint (json_array_get_length (schedule), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (schedule, 1), "video"));
  assert_problem (denied, 403, "forbidden");

  assert_problem (refused, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (refused, "full_name.kk"), ==, "required");
  g_assert_cmpstr (field_error_code (refused, "position.kk"), ==, "required");
  g_assert_cmpstr (field_error_code (refused, "schedule[0].weekday"), ==, "out_of_range");
  g_assert_cmpstr (field_error_code (refused, "schedule[0].start"), ==, "invalid_value");
  g_assert_cmpstr (field_error_code (refused, "schedule[0].place"), ==, "required");
  g_assert_cmpstr (field_error_code (refused, "schedule[1].end"), ==, "out_of_range");

  path = g_strdup_printf ("/api/v1/officials/%" G_GINT64_FORMAT,
                          json_object_get_int_member (appeals_test_response_object (created), "id"));
  replaced = REQUEST (fixture, "PUT", path, fixture->controller, changed);
  g_assert_cmpuint (replaced->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (appeals_test_response_object (replaced),
                                                                                 "position"), "ru"), ==, "Аким области");
  schedule = json_object_get_array_member (appeals_test_response_object (replaced), "schedule");
  g_assert_cmpuint (json_array_get_length (schedule), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (schedule, 0), "weekday"), ==, 2);

  /* everyone reads the schedules */
  listed = REQUEST (fixture, "GET", "/api/v1/officials", fixture->registrar, NULL);
  items = json_object_get_array_member (appeals_test_response_object (listed), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    found |= json_object_get_int_member (json_array_get_object_element (items, i), "id") ==
             json_object_get_int_member (appeals_test_response_object (created), "id");
  g_assert_true (found);

  /* retired: no longer listed, no longer bookable */
  retired = REQUEST (fixture, "DELETE", path, fixture->controller, NULL);
  g_assert_cmpuint (retired->status, ==, 200);
  after = REQUEST (fixture, "GET", "/api/v1/officials", fixture->registrar, NULL);
  items = json_object_get_array_member (appeals_test_response_object (after), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i), "id"), !=,
                     json_object_get_int_member (appeals_test_response_object (created), "id"));
  gone = REQUEST (fixture, "PUT", path, fixture->controller, changed);
  assert_problem (gone, 404, "not_found");
}

/* Sessions end after the idle time (here: none at all). */
static void
test_session_idle_expiry (void)
{
  const char *args[] = { "--demo", "--demo-appeals", "1", "--session-idle-minutes", "0", NULL };
  Fixture fixture = { 0, };
  g_autofree char *token = NULL;
  g_autoptr(AppealsTestResponse) fresh = NULL;
  g_autoptr(AppealsTestResponse) idle = NULL;

  fixture.server = appeals_test_server_start (backend, args);
  fixture.session = soup_session_new ();
  token = appeals_test_sign_in (fixture.server, "registrar", "demo");

  fresh = REQUEST (&fixture, "GET", "/api/v1/session", token, NULL);
  g_assert_cmpuint (fresh->status, ==, 200);
  g_usleep (1100 * 1000);   /* the clock has whole seconds */
  idle = REQUEST (&fixture, "GET", "/api/v1/session", token, NULL);
  assert_problem (idle, 401, "unauthorized");

  appeals_test_server_free (fixture.server);
  g_object_unref (fixture.session);
}

static void
test_graceful_stop (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_assert_cmpint (appeals_test_server_terminate (fixture->server), ==, 0);
}

int
main (int argc, char *argv[])
{
  backend = appeals_test_backend_from_args (&argc, argv);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/api/sign-in", test_sign_in);
  ADD ("/api/lockout", test_lockout);
  ADD ("/api/roles", test_roles);
  ADD ("/api/district-scope", test_district_scope);
  ADD ("/api/preconditions", test_preconditions);
  ADD ("/api/idempotency", test_idempotency);
  ADD ("/api/bad-bodies", test_bad_bodies);
  ADD ("/api/languages", test_languages);
  ADD ("/api/search", test_search);
  ADD ("/api/pagination", test_pagination);
  ADD ("/api/calendar", test_calendar);
  ADD ("/api/concurrent-edits", test_concurrent_edits);
  ADD ("/api/kill-during-writes", test_kill_during_writes);
  ADD ("/api/expertise", test_expertise);
  ADD ("/api/receptions", test_receptions);
  ADD ("/api/review", test_review);
  ADD ("/api/attachments", test_attachments);
  ADD ("/api/officials", test_officials);
  ADD ("/api/graceful-stop", test_graceful_stop);
  g_test_add_func ("/api/reload-rules", test_reload_rules);
  g_test_add_func ("/api/create-user", test_create_user);
  g_test_add_func ("/api/attachment-limit", test_attachment_limit);
  g_test_add_func ("/api/session-idle-expiry", test_session_idle_expiry);

#undef ADD

  return g_test_run ();
}
