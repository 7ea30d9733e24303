/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-reference.c: the rules a client keeps — the calendar, the
 * deadline table, the classifiers, the priority categories, the reception
 * workflow and the checklist template — each with an ETag that answers 304
 * while nothing changed and changes once a SIGHUP reloads a changed file.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "test-api-data-copy.h"

typedef struct
{
  const char *path;
  const char *member;   /* a member every answer of that route has */
} ReferenceRoute;

static const ReferenceRoute reference_routes[] = {
  { "/api/v1/calendar", "holidays" },
  { "/api/v1/calendar/2026", "non_working_days" },
  { "/api/v1/rules/deadlines", "kinds" },
  { "/api/v1/rules/priority-categories", "categories" },
  { "/api/v1/rules/reception-workflow", "steps" },
  { "/api/v1/rules/checklist", "criteria" },
  { "/api/v1/classifiers/districts", "items" },
  { "/api/v1/classifiers/addressee-bodies", "items" },
  { "/api/v1/classifiers/question-characters", "items" },
  { "/api/v1/classifiers/social-statuses", "items" },
};

/* Every rule route answers its document with an ETag, and 304 with the
 * same ETag and no body when the client names it in If-None-Match. */
static void
test_reference_etags (Fixture       *fixture,
                      gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (reference_routes); i++)
    {
      const ReferenceRoute *route = &reference_routes[i];
      g_autoptr(AppealsTestResponse) first = REQUEST (fixture, "GET", route->path, fixture->registrar, NULL);
      g_autoptr(AppealsTestResponse) again = NULL;
      g_autoptr(AppealsTestResponse) other = NULL;
      g_autoptr(AppealsTestResponse) anonymous = NULL;
      g_autofree char *weak = NULL;
      const char *etag;

      g_test_message ("%s", route->path);
      g_assert_cmpuint (first->status, ==, 200);
      g_assert_true (json_object_has_member (appeals_test_response_object (first), route->member));
      etag = appeals_test_response_header (first, "ETag");
      g_assert_nonnull (etag);
      g_assert_true (etag[0] == '"');

      again = REQUEST (fixture, "GET", route->path, fixture->registrar, NULL, "If-None-Match", etag);
      g_assert_cmpuint (again->status, ==, 304);
      g_assert_cmpstr (appeals_test_response_header (again, "ETag"), ==, etag);
      g_assert_true (again->text == NULL || again->text[0] == '\0');

      /* a list of tags, one of them weak, matches too */
      weak = g_strdup_printf ("\"old\", W/%s", etag);
      g_clear_pointer (&again, appeals_test_response_free);
      again = REQUEST (fixture, "GET", route->path, fixture->controller, NULL, "If-None-Match", weak);
      g_assert_cmpuint (again->status, ==, 304);

      other = REQUEST (fixture, "GET", route->path, fixture->registrar, NULL, "If-None-Match", "\"rules-0\"");
      g_assert_cmpuint (other->status, ==, 200);
      g_assert_cmpstr (appeals_test_response_header (other, "ETag"), ==, etag);

      anonymous = REQUEST (fixture, "GET", route->path, NULL, NULL);
      g_assert_cmpuint (anonymous->status, ==, 401);
    }
}

/* The rule documents are the ones the data files state: the workflow has
 * its 13 steps, the deadline table its terms. */
static void
test_reference_documents (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) workflow = REQUEST (fixture, "GET", "/api/v1/rules/reception-workflow",
                                                     fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) deadlines = REQUEST (fixture, "GET", "/api/v1/rules/deadlines",
                                                      fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) calendar = REQUEST (fixture, "GET", "/api/v1/calendar",
                                                     fixture->registrar, NULL);
  JsonArray *kinds;
  gboolean application = FALSE;

  g_assert_cmpuint (workflow->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (workflow),
                                                                         "steps")), ==, 13);

  g_assert_cmpuint (deadlines->status, ==, 200);
  kinds = json_object_get_array_member (appeals_test_response_object (deadlines), "kinds");
  for (guint i = 0; i < json_array_get_length (kinds); i++)
    {
      JsonObject *kind = json_array_get_object_element (kinds, i);

      if (g_str_equal (json_object_get_string_member (kind, "kind"), "application"))
        application = json_object_get_int_member (kind, "working_days") == 15;
    }
  g_assert_true (application);

  g_assert_cmpuint (calendar->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (calendar), "format"), ==, 1);
  g_assert_true (json_object_has_member (appeals_test_response_object (calendar), "years"));
}

/* The names GET /classifiers lists (districts, addressee bodies, question
 * characters, social statuses, order sources) are the ones
 * GET /classifiers/{name} serves. */
static void
test_reference_classifiers (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) names = REQUEST (fixture, "GET", "/api/v1/classifiers", fixture->registrar, NULL);
  JsonArray *items;

  g_assert_cmpuint (names->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (names), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 7);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      const char *name = json_array_get_string_element (items, i);
      g_autofree char *path = g_strconcat ("/api/v1/classifiers/", name, NULL);
      g_autoptr(AppealsTestResponse) classifier = REQUEST (fixture, "GET", path, fixture->registrar, NULL);

      g_assert_cmpuint (classifier->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (classifier), "classifier"),
                       ==, name);
    }
}

static char *
get_etag (Fixture    *fixture,
          const char *path,
          const char *token)
{
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", path, token, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  return g_strdup (appeals_test_response_header (response, "ETag"));
}

/* A new holiday in the calendar file and a SIGHUP: the calendar routes
 * get a new ETag (the client's old one now answers 200 with the holiday),
 * while the untouched rules keep theirs and still answer 304. */
static void
test_reference_reload (void)
{
  g_autoptr(GError) error = NULL;
  Fixture fixture = { 0, };
  g_autofree char *data = NULL;
  g_autofree char *dir = test_api_start_on_data_copy (&fixture, &data);
  g_autofree char *calendar_path = g_build_filename (data, "calendar", "kz.json", NULL);
  g_autofree char *original = NULL;
  g_autofree char *token = NULL;
  g_autofree char *calendar_etag = NULL;
  g_autofree char *deadlines_etag = NULL;
  g_autoptr(GString) text = NULL;
  gint64 started;

  token = appeals_test_sign_in (fixture.server, "registrar", "demo");

  calendar_etag = get_etag (&fixture, "/api/v1/calendar", token);
  deadlines_etag = get_etag (&fixture, "/api/v1/rules/deadlines", token);
  g_assert_false (test_api_calendar_has_day_off (&fixture, token, "2022-06-15"));

  /* a SIGHUP with nothing changed keeps every ETag */
  appeals_test_server_signal (fixture.server, SIGHUP);
  {
    g_autoptr(AppealsTestResponse) same = REQUEST (&fixture, "GET", "/api/v1/calendar", token, NULL,
                                                   "If-None-Match", calendar_etag);
    g_assert_cmpuint (same->status, ==, 304);
  }

  /* Wednesday 15 June 2022 becomes a holiday */
  g_file_get_contents (calendar_path, &original, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (original);
  g_assert_cmpuint (g_string_replace (text, "\"holidays\": [",
                                      "\"holidays\": [\n    { \"id\": \"test_day\", \"month\": 6, \"day\": 15, "
                                      "\"moves\": false, \"from_year\": 2022, \"until_year\": 2022 },", 1), ==, 1);
  g_file_set_contents (calendar_path, text->str, -1, &error);
  g_assert_no_error (error);
  appeals_test_server_signal (fixture.server, SIGHUP);

  started = g_get_monotonic_time ();
  for (;;)
    {
      g_autoptr(AppealsTestResponse) response = REQUEST (&fixture, "GET", "/api/v1/calendar", token, NULL,
                                                         "If-None-Match", calendar_etag);

      if (response->status == 200)
        {
          g_assert_cmpstr (appeals_test_response_header (response, "ETag"), !=, calendar_etag);
          g_assert_nonnull (strstr (response->text, "test_day"));
          break;
        }
      g_assert_cmpuint (response->status, ==, 304);
      g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);
      g_usleep (50000);
    }
  g_assert_true (test_api_calendar_has_day_off (&fixture, token, "2022-06-15"));

  {
    g_autoptr(AppealsTestResponse) unchanged = REQUEST (&fixture, "GET", "/api/v1/rules/deadlines", token, NULL,
                                                        "If-None-Match", deadlines_etag);
    g_assert_cmpuint (unchanged->status, ==, 304);
  }

  test_api_stop_on_data_copy (&fixture, dir);
}

void
test_api_add_reference (void)
{
  TEST_API_ADD ("/api/reference-etags", test_reference_etags);
  TEST_API_ADD ("/api/reference-documents", test_reference_documents);
  TEST_API_ADD ("/api/reference-classifiers", test_reference_classifiers);
  g_test_add_func ("/api/reference-reload", test_reference_reload);
}
