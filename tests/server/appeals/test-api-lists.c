/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-lists.c: a reception list answer costs a fixed number of SQL
 * statements however many receptions it holds — the day's queue, the
 * week's queues, the leadership's review list and today's steps, for 1
 * and for 20 bookings.
 *
 * The server counts the statements a request runs before its answer and
 * says so in X-Statement-Count when APPEALS_SERVER_COUNT_STATEMENTS is set
 * in its environment (as this file sets it for every server it starts).
 */
#include "config.h"

#include "test-api.h"

static void
book (Fixture    *fixture,
      gint64      official,
      const char *date,
      gint64      applicant)
{
  g_assert_cmpint (book_free (fixture, fixture->registrar, official, applicant, date), >, 0);
}

/* GETs @path and returns how many statements it ran; *n_items gets the
 * length of its "items". */
static guint64
count_statements (Fixture    *fixture,
                  const char *path,
                  const char *token,
                  guint      *n_items)
{
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", path, token, NULL);
  const char *count = appeals_test_response_header (response, "X-Statement-Count");

  if (response->status != 200)
    g_error ("GET %s: %u %s", path, response->status, response->text);
  g_assert_nonnull (count);
  *n_items = json_array_get_length (json_object_get_array_member (appeals_test_response_object (response), "items"));
  return g_ascii_strtoull (count, NULL, 10);
}

/* The day's queue of one official: exactly 1, then exactly 20 bookings,
 * read by a district-bound registrar (so the scope check runs too). */
static void
test_queue_statements (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 official = create_open_official (fixture);
  /* a working Monday in the calendar's range, far from the demo's bookings */
  const char *date = "2027-03-15";
  g_autofree char *path = g_strdup_printf ("/api/v1/receptions?date=%s&official_id=%" G_GINT64_FORMAT, date, official);
  /* the week view's one request over the same days */
  g_autofree char *week = g_strdup_printf ("/api/v1/reception-queues?from=2027-03-15&to=2027-03-21&official_id=%"
                                           G_GINT64_FORMAT, official);
  guint64 for_one, for_twenty, week_for_one, week_for_twenty;
  guint n;

  book (fixture, official, date, applicant);
  for_one = count_statements (fixture, path, fixture->registrar, &n);
  g_assert_cmpuint (n, ==, 1);
  week_for_one = count_statements (fixture, week, fixture->registrar, &n);
  g_assert_cmpuint (n, ==, 1);

  for (guint i = 1; i < 20; i++)
    book (fixture, official, date, applicant);
  for_twenty = count_statements (fixture, path, fixture->registrar, &n);
  g_assert_cmpuint (n, ==, 20);
  week_for_twenty = count_statements (fixture, week, fixture->registrar, &n);
  g_assert_cmpuint (n, ==, 20);
  g_assert_cmpuint (week_for_twenty, ==, week_for_one);
  g_assert_cmpuint (week_for_one, <, 20);

  g_test_message ("queue: %" G_GUINT64_FORMAT " statements for 1, %" G_GUINT64_FORMAT " for 20",
                  for_one, for_twenty);
  g_assert_cmpuint (for_twenty, ==, for_one);
  /* and not one per reception in disguise */
  g_assert_cmpuint (for_one, <, 20);
}

/* The leadership's review list and today's steps grow by 19 bookings and
 * cost the same. */
static void
test_review_and_today_statements (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *leadership = appeals_test_sign_in (fixture->server, "leadership", "demo");
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 official = create_open_official (fixture);
  g_autofree char *date = NULL;
  guint64 review_before, review_after, today_before, today_after;
  guint n_review_before, n_review_after, n_today_before, n_today_after;

  /* within the review window, with steps due before it that are due already */
  book_soon (fixture, applicant, official, &date);
  review_before = count_statements (fixture, "/api/v1/review", leadership, &n_review_before);
  today_before = count_statements (fixture, "/api/v1/reception-steps/today", fixture->registrar, &n_today_before);

  for (guint i = 1; i < 20; i++)
    book (fixture, official, date, applicant);

  review_after = count_statements (fixture, "/api/v1/review", leadership, &n_review_after);
  today_after = count_statements (fixture, "/api/v1/reception-steps/today", fixture->registrar, &n_today_after);

  g_test_message ("review: %" G_GUINT64_FORMAT " statements for %u, %" G_GUINT64_FORMAT " for %u; "
                  "today: %" G_GUINT64_FORMAT " for %u, %" G_GUINT64_FORMAT " for %u",
                  review_before, n_review_before, review_after, n_review_after,
                  today_before, n_today_before, today_after, n_today_after);
  g_assert_cmpuint (n_review_after, ==, n_review_before + 19);
  g_assert_cmpuint (review_after, ==, review_before);
  g_assert_cmpuint (n_today_after, >, n_today_before);
  g_assert_cmpuint (today_after, ==, today_before);
}

/* One appeal by its registration number, within the caller's scope; a
 * number that is not one is refused. */
static void
test_registration_number (Fixture       *fixture,
                          gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Саябақ жарығы");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(AppealsTestResponse) card = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
  const char *number = json_object_get_string_member (appeals_test_response_object (card), "registration_number");
  g_autofree char *query = g_strdup_printf ("/api/v1/appeals?registration_number=%s", number);
  g_autoptr(AppealsTestResponse) found = REQUEST (fixture, "GET", query, fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) other_district = REQUEST (fixture, "GET", query, fixture->registrar2, NULL);
  g_autoptr(AppealsTestResponse) none = REQUEST (fixture, "GET", "/api/v1/appeals?registration_number=1999-000001",
                                                 fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) wrong = REQUEST (fixture, "GET", "/api/v1/appeals?registration_number=12",
                                                  fixture->registrar, NULL);
  JsonArray *items;

  g_assert_cmpuint (found->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (found), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==, id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (other_district),
                                                                         "items")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (none),
                                                                         "items")), ==, 0);
  assert_problem (wrong, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (wrong, "registration_number"), ==, "invalid_value");
}

void
test_api_add_lists (void)
{
  /* every server these tests start inherits it */
  g_setenv ("APPEALS_SERVER_COUNT_STATEMENTS", "1", TRUE);

  TEST_API_ADD ("/api/lists/queue-statements", test_queue_statements);
  TEST_API_ADD ("/api/lists/review-and-today-statements", test_review_and_today_statements);
  TEST_API_ADD ("/api/lists/registration-number", test_registration_number);
}
