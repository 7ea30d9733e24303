/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-dynamics.c: the dynamics and growth alerts against counts made
 * here. Appeals are moved to a known distribution in weeks around the
 * new year 2020 (a series that crosses the growth rule's threshold by
 * one, another that reaches it exactly, weeks without appeals between);
 * the series of the demo data are checked against the journal's totals
 * of every period; a district-bound user sees their district; an
 * analyst's note is kept with the alert, refused outside the caller's
 * scope and for what is no alert.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

/* The seeded weeks: 7 baseline weeks from 28 October 2019 with 2 appeals
 * each (on Mondays, Sundays and between), 2 empty gap weeks, then the week of 30 December 2019 to 5 January
 * 2020. The rule (mean 2, SD 0 taken as 1, 3 SD) sets the threshold at 5:
 * 6 appeals alert, 5 do not. */
#define BASELINE_WEEKS 7
#define GAP_WEEKS      2
static const char * const baseline_days[BASELINE_WEEKS] = {
  "2019-10-29", "2019-11-04", "2019-11-13", "2019-11-22", "2019-12-01", "2019-12-02", "2019-12-15",
};

typedef struct
{
  const char *district;
  const char *character;
  int         last_week[2];   /* on 31 December 2019 and on 2 January 2020 */
  gboolean    alert;
} Seeded;

static const Seeded seeded[] = {
  { "rudny-city", "housing", { 2, 4 }, TRUE },
  { "kostanay-city", "land", { 1, 4 }, FALSE },
};

static guint seeded_offset;

/* Moves @n appeals (the next ones by id) to @day in @district with
 * question @character. */
static void
move_appeals (Fixture    *fixture,
              int         n,
              const char *day,
              const char *district,
              const char *character)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE appeals SET registration_date = '%s', district = '%s', "
                                          "question_character = '%s' WHERE id IN (SELECT id FROM appeals "
                                          "ORDER BY id LIMIT %d OFFSET %u)", day, district, character, n,
                                          seeded_offset);

  test_api_run_sql (fixture, sql);
  seeded_offset += n;
}

static void
seed (Fixture *fixture)
{
  for (guint s = 0; s < G_N_ELEMENTS (seeded); s++)
    {
      for (guint w = 0; w < BASELINE_WEEKS; w++)
        move_appeals (fixture, 2, baseline_days[w], seeded[s].district, seeded[s].character);
      move_appeals (fixture, seeded[s].last_week[0], "2019-12-31", seeded[s].district, seeded[s].character);
      move_appeals (fixture, seeded[s].last_week[1], "2020-01-02", seeded[s].district, seeded[s].character);
    }
}

static JsonObject *
find_series (JsonArray  *series,
             const char *district,
             const char *character)
{
  for (guint i = 0; i < json_array_get_length (series); i++)
    {
      JsonObject *one = json_array_get_object_element (series, i);

      if (g_str_equal (json_object_get_string_member (one, "district"), district) &&
          g_str_equal (json_object_get_string_member (one, "question_character"), character))
        return one;
    }
  return NULL;
}

/* Every count of @dynamics against the journal: per period, the sum of
 * the series is the journal's total of the period, and the counts of
 * the first @n_checked series are the journal's for their filters. */
static void
check_against_journal (Fixture    *fixture,
                       const char *token,
                       JsonObject *dynamics,
                       const char *district,
                       guint       n_checked)
{
  JsonArray *periods = json_object_get_array_member (dynamics, "periods");
  JsonArray *series = json_object_get_array_member (dynamics, "series");
  gboolean weeks = g_str_equal (json_object_get_string_member (dynamics, "period"), "week");

  for (guint p = 0; p < json_array_get_length (periods); p++)
    {
      GDate start, end;
      g_autofree char *to = NULL;
      g_autofree char *query = NULL;
      gint64 sum = 0;

      g_date_clear (&start, 1);
      g_date_set_parse (&start, json_array_get_string_element (periods, p));
      end = start;
      if (weeks)
        g_date_add_days (&end, 6);
      else
        {
          g_date_add_months (&end, 1);
          g_date_subtract_days (&end, 1);
        }
      to = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&end), g_date_get_month (&end), g_date_get_day (&end));
      query = g_strdup_printf ("from=%s&to=%s", json_array_get_string_element (periods, p), to);

      for (guint s = 0; s < json_array_get_length (series); s++)
        {
          JsonObject *one = json_array_get_object_element (series, s);
          gint64 count = json_array_get_int_element (json_object_get_array_member (one, "counts"), p);

          if (district != NULL)
            g_assert_cmpstr (json_object_get_string_member (one, "district"), ==, district);
          sum += count;
          if (s < n_checked)
            {
              g_autofree char *filter = g_strdup_printf ("%s&district=%s&question_character=%s", query,
                                                         json_object_get_string_member (one, "district"),
                                                         json_object_get_string_member (one, "question_character"));
              g_assert_cmpint (journal_total (fixture, token, filter), ==, count);
            }
        }
      g_assert_cmpint (sum, ==, journal_total (fixture, token, query));
    }
}

/* The demo data's months, for the region and for a district's registrar. */
static void
test_dynamics_demo (Fixture *fixture)
{
  g_autofree char *today = today_iso (0);
  g_autofree char *start = today_iso (-150);
  g_autofree char *path = g_strdup_printf ("/api/v1/analytics/dynamics?from=%s&to=%s", start, today);
  g_autoptr(JsonObject) region = test_api_get_object (fixture, fixture->controller, path);
  g_autoptr(JsonObject) rudny = test_api_get_object (fixture, fixture->registrar2, path);
  JsonArray *series = json_object_get_array_member (region, "series");
  gint64 previous = G_MAXINT64;

  g_assert_cmpstr (json_object_get_string_member (region, "period"), ==, "month");
  g_assert_true (json_object_get_null_member (region, "district"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (region, "periods")), >=, 5);
  g_assert_cmpuint (json_array_get_length (series), >, 0);
  for (guint i = 0; i < json_array_get_length (series); i++)
    {
      JsonObject *one = json_array_get_object_element (series, i);
      JsonArray *counts = json_object_get_array_member (one, "counts");
      gint64 total = 0;

      for (guint p = 0; p < json_array_get_length (counts); p++)
        total += json_array_get_int_element (counts, p);
      g_assert_cmpint (json_object_get_int_member (one, "total"), ==, total);
      g_assert_cmpint (total, <=, previous);
      previous = total;
    }
  check_against_journal (fixture, fixture->controller, region, NULL, 3);

  g_assert_cmpstr (json_object_get_string_member (rudny, "district"), ==, "rudny-city");
  check_against_journal (fixture, fixture->registrar2, rudny, "rudny-city", 2);
}

/* The seeded weeks and months: counts made here, the year's end, the
 * empty weeks, and the rule at its threshold. */
static void
test_dynamics_seeded (Fixture *fixture)
{
  g_autoptr(JsonObject) before = test_api_get_object (fixture, fixture->controller,
                                             "/api/v1/analytics/dynamics?period=week&from=2019-10-28&to=2020-01-05");
  g_autoptr(JsonObject) weeks = NULL;
  g_autoptr(JsonObject) months = NULL;
  g_autoptr(JsonObject) empty = NULL;
  JsonArray *periods;

  /* nothing of the demo data is there before the appeals move */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (before, "series")), ==, 0);
  seed (fixture);

  weeks = test_api_get_object (fixture, fixture->controller,
                      "/api/v1/analytics/dynamics?period=week&from=2019-10-30&to=2020-01-01");
  periods = json_object_get_array_member (weeks, "periods");
  g_assert_cmpuint (json_array_get_length (periods), ==, BASELINE_WEEKS + GAP_WEEKS + 1);
  g_assert_cmpstr (json_array_get_string_element (periods, 0), ==, "2019-10-28");
  g_assert_cmpstr (json_array_get_string_element (periods, 9), ==, "2019-12-30");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (weeks, "series")), ==, G_N_ELEMENTS (seeded));
  for (guint s = 0; s < G_N_ELEMENTS (seeded); s++)
    {
      JsonObject *one = find_series (json_object_get_array_member (weeks, "series"), seeded[s].district,
                                     seeded[s].character);
      JsonArray *counts = json_object_get_array_member (one, "counts");

      for (guint w = 0; w < BASELINE_WEEKS; w++)
        g_assert_cmpint (json_array_get_int_element (counts, w), ==, 2);
      for (guint w = BASELINE_WEEKS; w < BASELINE_WEEKS + GAP_WEEKS; w++)
        g_assert_cmpint (json_array_get_int_element (counts, w), ==, 0);
      /* the week over the new year is one week */
      g_assert_cmpint (json_array_get_int_element (counts, 9), ==, seeded[s].last_week[0] + seeded[s].last_week[1]);
    }
  check_against_journal (fixture, fixture->controller, weeks, NULL, 2);

  /* the same appeals by month: October 2, November 6, December 6 + the
   * last week's December days, January the rest */
  months = test_api_get_object (fixture, fixture->controller, "/api/v1/analytics/dynamics?from=2019-10-01&to=2020-01-31");
  for (guint s = 0; s < G_N_ELEMENTS (seeded); s++)
    {
      JsonObject *one = find_series (json_object_get_array_member (months, "series"), seeded[s].district,
                                     seeded[s].character);
      JsonArray *counts = json_object_get_array_member (one, "counts");

      g_assert_cmpint (json_array_get_int_element (counts, 0), ==, 2);
      g_assert_cmpint (json_array_get_int_element (counts, 1), ==, 6);
      g_assert_cmpint (json_array_get_int_element (counts, 2), ==, 6 + seeded[s].last_week[0]);
      g_assert_cmpint (json_array_get_int_element (counts, 3), ==, seeded[s].last_week[1]);
    }
  check_against_journal (fixture, fixture->controller, months, NULL, 2);

  empty = test_api_get_object (fixture, fixture->controller, "/api/v1/analytics/dynamics?from=2001-02-01&to=2001-03-31");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (empty, "periods")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (empty, "series")), ==, 0);
}

static JsonArray *
alerts_of (JsonObject *list)
{
  return json_object_get_array_member (list, "alerts");
}

/* The rule raises the alert one above the threshold and not the one at
 * it, in the caller's scope. */
static void
test_alerts (Fixture *fixture)
{
  g_autoptr(JsonObject) region = test_api_get_object (fixture, fixture->controller,
                                             "/api/v1/analytics/alerts?period=week&from=2019-12-01&to=2020-01-05");
  g_autoptr(JsonObject) rudny = test_api_get_object (fixture, fixture->registrar2,
                                            "/api/v1/analytics/alerts?period=week&from=2019-12-01&to=2020-01-05");
  g_autoptr(JsonObject) kostanay = test_api_get_object (fixture, fixture->registrar,
                                               "/api/v1/analytics/alerts?period=week&from=2019-12-30&to=2019-12-30");
  g_autoptr(AppealsTestResponse) wrong = NULL;
  JsonObject *rule = json_object_get_object_member (region, "rule");
  JsonObject *alert;
  JsonArray *counts;

  g_assert_cmpstr (json_object_get_string_member (rule, "method"), ==, "ears-c2");
  g_assert_cmpint (json_object_get_int_member (rule, "baseline_periods"), ==, BASELINE_WEEKS);
  g_assert_cmpint (json_object_get_int_member (rule, "gap_periods"), ==, GAP_WEEKS);
  g_assert_cmpuint (json_array_get_length (alerts_of (region)), ==, 1);
  alert = json_array_get_object_element (alerts_of (region), 0);
  g_assert_cmpstr (json_object_get_string_member (alert, "id"), ==, "week:2019-12-30:rudny-city:housing");
  g_assert_cmpstr (json_object_get_string_member (alert, "start"), ==, "2019-12-30");
  g_assert_cmpstr (json_object_get_string_member (alert, "end"), ==, "2020-01-05");
  g_assert_cmpint (json_object_get_int_member (alert, "count"), ==, 6);
  g_assert_cmpfloat (json_object_get_double_member (alert, "mean"), ==, 2.0);
  g_assert_cmpfloat (json_object_get_double_member (alert, "sd"), ==, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (alert, "threshold"), ==, 5.0);
  g_assert_true (json_object_get_null_member (alert, "cause"));
  counts = json_object_get_array_member (alert, "counts");
  g_assert_cmpuint (json_array_get_length (counts), ==, BASELINE_WEEKS + GAP_WEEKS + 1);
  g_assert_cmpint (json_array_get_int_element (counts, 9), ==, 6);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (alert, "periods"), 0), ==,
                   "2019-10-28");

  g_assert_cmpuint (json_array_get_length (alerts_of (rudny)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (rudny, "district"), ==, "rudny-city");
  /* Kostanay's 5 reach the threshold and are no alert */
  g_assert_cmpuint (json_array_get_length (alerts_of (kostanay)), ==, 0);

  wrong = REQUEST (fixture, "GET", "/api/v1/analytics/alerts?period=day&from=2019-12-01&to=2019-11-01",
                   fixture->controller, NULL);
  assert_problem (wrong, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (wrong, "period"), ==, "invalid_value");
  g_assert_cmpstr (field_error_code (wrong, "to"), ==, "out_of_range");
  g_clear_pointer (&wrong, appeals_test_response_free);
  wrong = REQUEST (fixture, "GET", "/api/v1/analytics/dynamics?period=week&from=2000-01-01&to=2019-12-31",
                   fixture->controller, NULL);
  assert_problem (wrong, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (wrong, "from"), ==, "out_of_range");

  /* 155 months are served as series; as alerts they need the rule's 9
   * months before them too, past the 160 a request may read */
  {
    g_autoptr(JsonObject) long_series = test_api_get_object (fixture, fixture->controller,
                                                             "/api/v1/analytics/dynamics?from=2010-01-01&to=2022-11-30");

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (long_series, "periods")), ==, 155);
  }
  g_clear_pointer (&wrong, appeals_test_response_free);
  wrong = REQUEST (fixture, "GET", "/api/v1/analytics/alerts?from=2010-01-01&to=2022-11-30", fixture->controller, NULL);
  assert_problem (wrong, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (wrong, "from"), ==, "out_of_range");
}

/* An analyst notes the cause and measures; they come back with the
 * alert; a district-bound analyst notes only their district's; what is
 * no alert cannot be noted. */
static void
test_alert_note (Fixture *fixture)
{
  static const char path[] = "/api/v1/analytics/alerts/week:2019-12-30:rudny-city:housing/note";
  static const char body[] = "{\"cause\": \"Отключение отопления в микрорайоне\", "
                             "\"measures\": \"Акимату поручено восстановить теплоснабжение\"}";
  g_autofree char *analyst = appeals_test_sign_in (fixture->server, "analyst", "demo");
  g_autofree char *rudny_analyst = NULL;
  g_autoptr(AppealsTestResponse) noted = NULL;
  g_autoptr(AppealsTestResponse) response = NULL;
  g_autoptr(JsonObject) list = NULL;
  JsonObject *alert;

  response = REQUEST (fixture, "PUT", path, fixture->registrar2, body);
  assert_problem (response, 403, "forbidden");
  g_clear_pointer (&response, appeals_test_response_free);
  response = REQUEST (fixture, "PUT", path, analyst, "{\"cause\": \" \"}");
  assert_problem (response, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (response, "cause"), ==, "required");
  g_assert_cmpstr (field_error_code (response, "measures"), ==, "required");
  g_clear_pointer (&response, appeals_test_response_free);
  response = REQUEST (fixture, "PUT", "/api/v1/analytics/alerts/week:2019-12-30:kostanay-city:land/note", analyst, body);
  assert_problem (response, 404, "not_found");
  g_clear_pointer (&response, appeals_test_response_free);
  response = REQUEST (fixture, "PUT", "/api/v1/analytics/alerts/week:2019-12-31:rudny-city:housing/note", analyst, body);
  assert_problem (response, 404, "not_found");
  g_clear_pointer (&response, appeals_test_response_free);

  noted = REQUEST (fixture, "PUT", path, analyst, body);
  g_assert_cmpuint (noted->status, ==, 200);
  alert = appeals_test_response_object (noted);
  g_assert_cmpstr (json_object_get_string_member (alert, "noted_by"), ==, "analyst");
  list = test_api_get_object (fixture, fixture->registrar2, "/api/v1/analytics/alerts?period=week&from=2019-12-30&to=2020-01-05");
  alert = json_array_get_object_element (alerts_of (list), 0);
  g_assert_cmpstr (json_object_get_string_member (alert, "cause"), ==, "Отключение отопления в микрорайоне");
  g_assert_cmpstr (json_object_get_string_member (alert, "measures"), ==, "Акимату поручено восстановить теплоснабжение");

  /* a district-bound analyst: another district's alert is not found */
  test_api_run_sql (fixture, "UPDATE users SET district = 'kostanay-city', region_wide = 0 WHERE login = 'analyst'");
  rudny_analyst = appeals_test_sign_in (fixture->server, "analyst", "demo");
  response = REQUEST (fixture, "PUT", path, rudny_analyst, body);
  assert_problem (response, 404, "not_found");
  g_clear_pointer (&response, appeals_test_response_free);

  /* the audit trail has the note, who wrote it and what */
  {
    g_autofree char *admin = appeals_test_sign_in (fixture->server, "admin", "demo");
    g_autoptr(AppealsTestResponse) audit = REQUEST (fixture, "GET", "/api/v1/audit?entity=growth_alert&entity_id=1",
                                                    admin, NULL);
    g_autofree char *changes = NULL;
    JsonArray *entries;
    JsonObject *entry;

    g_assert_cmpuint (audit->status, ==, 200);
    entries = json_object_get_array_member (appeals_test_response_object (audit), "items");
    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
    entry = json_array_get_object_element (entries, 0);
    g_assert_cmpstr (json_object_get_string_member (entry, "actor"), ==, "analyst");
    g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "create");
    changes = json_to_string (json_object_get_member (entry, "changes"), FALSE);
    g_assert_nonnull (strstr (changes, "Акимату"));
  }
}

static void
test_dynamics (Fixture       *fixture,
               gconstpointer  user_data)
{
  test_dynamics_demo (fixture);
  test_dynamics_seeded (fixture);
  test_alerts (fixture);
  test_alert_note (fixture);
}

void
test_api_add_dynamics (void)
{
  TEST_API_ADD ("/api/analytics/dynamics", test_dynamics);
}
