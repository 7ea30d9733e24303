/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-analytics.c: the line report against counts made here, from
 * the journal's own pages of the same appeals: every ranking, share and
 * change, the timeliness of every body, the caller's scope, an empty
 * period and periods across a year boundary, the report of one question
 * character and district; and every figure's filter
 * lists exactly the appeals (or applicants) it counts.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-api.h"

/* The answer of the analytics @report (e.g. "line-report") for @query. */
static JsonObject *
get_analytics (Fixture    *fixture,
               const char *report,
               const char *token,
               const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/analytics/", report, "?", query, NULL);

  return test_api_get_object (fixture, token, path);
}

static JsonObject *
get_report (Fixture    *fixture,
            const char *token,
            const char *query)
{
  return get_analytics (fixture, "line-report", token, query);
}

/* Every appeal the journal lists for @query, page after page. */
static JsonArray *
list_all (Fixture    *fixture,
          const char *token,
          const char *query,
          gint64     *total)
{
  JsonArray *all = json_array_new ();
  g_autofree char *cursor = NULL;

  do
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/appeals?%s&limit=200%s%s", query,
                                               cursor != NULL ? "&cursor=" : "", cursor != NULL ? cursor : "");
      g_autoptr(AppealsTestResponse) page = REQUEST (fixture, "GET", path, token, NULL);
      JsonObject *object;
      JsonArray *items;

      if (page->status != 200)
        g_error ("GET %s: %u %s", path, page->status, page->text);
      object = appeals_test_response_object (page);
      items = json_object_get_array_member (object, "items");
      for (guint i = 0; i < json_array_get_length (items); i++)
        json_array_add_element (all, json_node_copy (json_array_get_element (items, i)));
      g_clear_pointer (&cursor, g_free);
      if (json_object_has_member (object, "next_cursor") && !json_object_get_null_member (object, "next_cursor"))
        cursor = g_uri_escape_string (json_object_get_string_member (object, "next_cursor"), NULL, FALSE);
    }
  while (cursor != NULL);

  /* pages do not count: the journal's totals are a request of their own */
  *total = journal_total (fixture, token, query);
  return all;
}

/* The outcome of an appeal, worked out here from its card. */
static const char *
outcome_of (JsonObject *appeal)
{
  const char *status = json_object_get_string_member (appeal, "status");

  if (g_str_equal (status, "terminated"))
    return "terminated";
  if (g_str_equal (status, "left_without_consideration"))
    return "left-without-consideration";
  if (g_str_equal (status, "forwarded"))
    return "forwarded";
  if (g_str_equal (status, "answered") || g_str_equal (status, "closed"))
    return json_object_get_string_member_with_default (appeal, "answer_character", "unspecified");
  return "pending";
}

static gboolean
is_answered (JsonObject *appeal)
{
  const char *status = json_object_get_string_member (appeal, "status");

  return (g_str_equal (status, "answered") || g_str_equal (status, "closed")) &&
         json_object_get_string_member_with_default (appeal, "answered_on", NULL) != NULL;
}

static void
tally (GHashTable *counts,
       const char *key)
{
  g_hash_table_insert (counts, g_strdup (key), GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, key)) + 1));
}

static int
count_of (GHashTable *counts,
          const char *key)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (counts, key));
}

/* The counts of one period by "<dimension>/<key>". */
static GHashTable *
count_period (JsonArray *appeals)
{
  static const char * const plain[] = { "district", "question_character", "category", "addressee_body", "channel",
                                        "language" };
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) per_applicant = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *today = today_iso (0);
  GHashTableIter iter;
  gpointer n;

  for (guint i = 0; i < json_array_get_length (appeals); i++)
    {
      JsonObject *appeal = json_array_get_object_element (appeals, i);
      const char *body = json_object_get_string_member (appeal, "addressee_body");
      g_autofree char *applicant = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    json_object_get_int_member (appeal, "applicant_id"));
      g_autofree char *outcome = g_strconcat ("outcome/", outcome_of (appeal), NULL);
      g_autofree char *registered = g_strconcat ("registered/", body, NULL);
      g_autofree char *in_term = g_strconcat ("answered_in_term/", body, NULL);
      g_autofree char *late = g_strconcat ("answered_late/", body, NULL);
      g_autofree char *overdue = g_strconcat ("overdue_now/", body, NULL);

      for (guint d = 0; d < G_N_ELEMENTS (plain); d++)
        {
          g_autofree char *key = g_strdup_printf ("%s/%s", plain[d], json_object_get_string_member (appeal, plain[d]));
          tally (counts, key);
        }
      tally (counts, outcome);
      tally (counts, "total");
      tally (per_applicant, applicant);
      if (json_object_get_boolean_member (appeal, "repeat"))
        tally (counts, "repeat/marked-repeat");
      tally (counts, registered);
      if (is_answered (appeal))
        tally (counts, json_object_get_boolean_member (appeal, "answer_late") ? late : in_term);
      /* overdue as its card shows it (not decided, nor forwarded in full) */
      else if (!json_object_get_null_member (appeal, "due_state") &&
               g_str_equal (json_object_get_string_member (appeal, "due_state"), "overdue"))
        tally (counts, overdue);
    }

  g_hash_table_iter_init (&iter, per_applicant);
  while (g_hash_table_iter_next (&iter, NULL, &n))
    {
      tally (counts, "applicants");
      if (GPOINTER_TO_INT (n) >= 2)
        tally (counts, "repeat/applicants-2-plus");
      if (GPOINTER_TO_INT (n) >= 5)
        tally (counts, "repeat/applicants-5-plus");
    }
  return counts;
}

/* The journal query of a figure's filter object. */
static char *
filter_query (JsonObject *filter)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GList) names = json_object_get_members (filter);

  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *value = g_uri_escape_string (json_object_get_string_member (filter, l->data), NULL, FALSE);
      g_string_append_printf (query, "%s%s=%s", query->len > 0 ? "&" : "", (char *) l->data, value);
    }
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* How many appeals (or, for @applicants, distinct applicants) the
 * journal lists for a figure's filter. */
static gint64
journal_count (Fixture    *fixture,
               const char *token,
               JsonObject *filter,
               gboolean    applicants)
{
  g_autofree char *query = filter_query (filter);
  g_autoptr(JsonArray) appeals = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 total = 0;

  appeals = list_all (fixture, token, query, &total);
  g_assert_cmpint (json_array_get_length (appeals), ==, total);
  if (!applicants)
    return total;
  for (guint i = 0; i < json_array_get_length (appeals); i++)
    g_hash_table_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT,
                                            json_object_get_int_member (json_array_get_object_element (appeals, i),
                                                                        "applicant_id")));
  return g_hash_table_size (ids);
}

/* Checks every figure of @report against @now and @before, counted here,
 * and opens each one in the journal. */
static void
check_report (Fixture    *fixture,
              const char *token,
              JsonObject *report,
              GHashTable *now,
              GHashTable *before)
{
  JsonArray *rankings = json_object_get_array_member (report, "rankings");
  JsonArray *timeliness = json_object_get_array_member (report, "timeliness");
  static const char * const figures[] = { "registered", "answered_in_term", "answered_late", "overdue_now" };
  guint n_rows = 0, n_bodies = 0;

  g_assert_cmpint (json_object_get_int_member (report, "total"), ==, count_of (now, "total"));
  g_assert_cmpint (json_object_get_int_member (report, "compare_total"), ==, count_of (before, "total"));
  g_assert_cmpint (json_object_get_int_member (report, "applicants"), ==, count_of (now, "applicants"));
  g_assert_cmpint (json_object_get_int_member (report, "compare_applicants"), ==, count_of (before, "applicants"));
  g_assert_cmpuint (json_array_get_length (rankings), ==, 8);

  for (guint r = 0; r < json_array_get_length (rankings); r++)
    {
      JsonObject *ranking = json_array_get_object_element (rankings, r);
      const char *dimension = json_object_get_string_member (ranking, "dimension");
      JsonArray *rows = json_object_get_array_member (ranking, "rows");
      gboolean repeat = g_str_equal (dimension, "repeat");
      gint64 sum = 0, previous = G_MAXINT64;

      g_assert_cmpint (json_object_get_int_member (ranking, "total"), ==, count_of (now, "total"));
      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonObject *row = json_array_get_object_element (rows, i);
          const char *key_name = json_object_get_string_member (row, "key");
          g_autofree char *key = g_strdup_printf ("%s/%s", dimension, key_name);
          gint64 count = json_object_get_int_member (row, "count");
          gint64 compare = json_object_get_int_member (row, "compare_count");
          gboolean of_applicants = g_str_has_prefix (key_name, "applicants-");
          gint64 base = of_applicants ? count_of (now, "applicants") : count_of (now, "total");

          g_assert_cmpint (count, ==, count_of (now, key));
          g_assert_cmpint (compare, ==, count_of (before, key));
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "share"),
                                          base > 0 ? (double) count / base : 0.0, 1e-9);
          if (compare == 0)
            g_assert_true (json_object_get_null_member (row, "change"));
          else
            g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "change"),
                                            (double) (count - compare) / compare, 1e-9);
          if (!repeat)
            {
              g_assert_cmpint (count, <=, previous);
              previous = count;
              sum += count;
            }
          /* the figure opens the appeals behind it */
          g_assert_cmpint (journal_count (fixture, token, json_object_get_object_member (row, "filter"),
                                          of_applicants), ==, count);
          n_rows++;
        }
      /* every appeal is in one row of a plain ranking */
      if (!repeat)
        g_assert_cmpint (sum, ==, count_of (now, "total"));
      else
        g_assert_cmpuint (json_array_get_length (rows), ==, 3);
    }

  for (guint i = 0; i < json_array_get_length (timeliness); i++)
    {
      JsonObject *row = json_array_get_object_element (timeliness, i);
      const char *body = json_object_get_string_member (row, "body");
      JsonObject *filters = json_object_get_object_member (row, "filters");

      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        {
          g_autofree char *key = g_strdup_printf ("%s/%s", figures[f], body);
          gint64 count = json_object_get_int_member (row, figures[f]);

          g_assert_cmpint (count, ==, count_of (now, key));
          g_assert_cmpint (journal_count (fixture, token, json_object_get_object_member (filters, figures[f]), FALSE),
                           ==, count);
        }
      if (json_object_get_int_member (row, "answered_in_term") + json_object_get_int_member (row, "answered_late") == 0)
        g_assert_true (json_object_get_null_member (row, "average_working_days"));
      else
        g_assert_cmpfloat (json_object_get_double_member (row, "average_working_days"), >=, 0);
      n_bodies++;
    }
  g_test_message ("%u ranked rows and %u bodies checked", n_rows, n_bodies);
}

static void
test_line_report (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *today = today_iso (0);
  g_autofree char *start = today_iso (-200);
  g_autofree char *query = g_strdup_printf ("from=%s&to=%s", start, today);
  g_autofree char *compare_query = NULL;
  g_autofree char *report_query = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonArray) now = NULL;
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(GHashTable) now_counts = NULL;
  g_autoptr(GHashTable) before_counts = NULL;
  gint64 total;
  GDate day;

  /* a few appeals moved back into the comparison period, across a year end */
  test_api_run_sql (fixture, "UPDATE appeals SET registration_date = '2025-12-31' WHERE id IN (SELECT id FROM appeals "
                    "ORDER BY id LIMIT 2)");
  test_api_run_sql (fixture, "UPDATE appeals SET registration_date = '2026-01-01' WHERE id IN (SELECT id FROM appeals "
                    "ORDER BY id LIMIT 3 OFFSET 2)");

  /* the comparison period ends the day before the period starts */
  g_date_clear (&day, 1);
  g_date_set_parse (&day, start);
  g_date_subtract_days (&day, 1);
  compare_query = g_strdup_printf ("from=2025-06-01&to=%04d-%02d-%02d", g_date_get_year (&day),
                                   g_date_get_month (&day), g_date_get_day (&day));
  report_query = g_strdup_printf ("%s&compare_from=2025-06-01&compare_to=%04d-%02d-%02d", query,
                                  g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));

  now = list_all (fixture, fixture->controller, query, &total);
  before = list_all (fixture, fixture->controller, compare_query, &total);
  g_assert_cmpuint (json_array_get_length (before), >=, 5);
  now_counts = count_period (now);
  before_counts = count_period (before);

  report = get_report (fixture, fixture->controller, report_query);
  g_assert_true (json_object_get_null_member (report, "district"));
  g_assert_cmpstr (json_object_get_string_member (report, "compare_from"), ==, "2025-06-01");
  check_report (fixture, fixture->controller, report, now_counts, before_counts);
}

/* A district-bound registrar sees the figures of the district only. */
static void
test_line_report_scope (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *today = today_iso (0);
  g_autofree char *start = today_iso (-200);
  g_autofree char *query = g_strdup_printf ("from=%s&to=%s", start, today);
  g_autoptr(JsonObject) report = get_report (fixture, fixture->registrar2, query);
  g_autoptr(JsonObject) region = get_report (fixture, fixture->controller, query);
  g_autoptr(JsonArray) mine = NULL;
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(GHashTable) now_counts = NULL;
  g_autoptr(GHashTable) before_counts = NULL;
  JsonArray *districts;
  gint64 total;

  g_assert_cmpstr (json_object_get_string_member (report, "district"), ==, "rudny-city");
  mine = list_all (fixture, fixture->registrar2, query, &total);
  g_assert_cmpint (json_object_get_int_member (report, "total"), <, json_object_get_int_member (region, "total"));
  {
    g_autofree char *compare = g_strdup_printf ("from=%s&to=%s", json_object_get_string_member (report, "compare_from"),
                                                json_object_get_string_member (report, "compare_to"));
    before = list_all (fixture, fixture->registrar2, compare, &total);
  }
  now_counts = count_period (mine);
  before_counts = count_period (before);
  check_report (fixture, fixture->registrar2, report, now_counts, before_counts);

  districts = json_object_get_array_member (json_array_get_object_element (
                json_object_get_array_member (report, "rankings"), 0), "rows");
  g_assert_cmpuint (json_array_get_length (districts), <=, 1);
  for (guint i = 0; i < json_array_get_length (districts); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (districts, i), "key"), ==,
                     "rudny-city");
}

/* The report of one question character, and of one district within it:
 * every figure counted here from the journal's appeals with the same
 * filter, and every figure's filter lists them; unknown codes refused. */
static void
test_line_report_filters (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *today = today_iso (0);
  g_autofree char *start = today_iso (-200);
  g_autofree char *period = g_strdup_printf ("from=%s&to=%s", start, today);
  g_autoptr(JsonObject) region = get_report (fixture, fixture->controller, period);
  JsonArray *rankings = json_object_get_array_member (region, "rankings");
  JsonObject *questions = json_array_get_object_element (rankings, 1);
  const char *question = NULL;
  const char *district = NULL;
  g_autoptr(AppealsTestResponse) unknown = NULL;

  g_assert_cmpstr (json_object_get_string_member (questions, "dimension"), ==, "question_character");
  question = json_object_get_string_member (json_array_get_object_element (
                json_object_get_array_member (questions, "rows"), 0), "key");

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autofree char *filter = pass == 0 ? g_strdup_printf ("question_character=%s", question)
                                          : g_strdup_printf ("question_character=%s&district=%s", question, district);
      g_autofree char *query = g_strdup_printf ("%s&%s", period, filter);
      g_autoptr(JsonObject) report = get_report (fixture, fixture->controller, query);
      g_autoptr(JsonArray) now = NULL;
      g_autoptr(JsonArray) before = NULL;
      g_autoptr(GHashTable) now_counts = NULL;
      g_autoptr(GHashTable) before_counts = NULL;
      g_autofree char *compare = g_strdup_printf ("from=%s&to=%s&%s",
                                                  json_object_get_string_member (report, "compare_from"),
                                                  json_object_get_string_member (report, "compare_to"), filter);
      JsonArray *districts;
      gint64 total;

      now = list_all (fixture, fixture->controller, query, &total);
      before = list_all (fixture, fixture->controller, compare, &total);
      g_assert_cmpuint (json_array_get_length (now), >, 0);
      now_counts = count_period (now);
      before_counts = count_period (before);
      check_report (fixture, fixture->controller, report, now_counts, before_counts);
      g_assert_cmpint (json_object_get_int_member (report, "total"), <, json_object_get_int_member (region, "total"));

      /* the busiest district of the question, for the second pass */
      districts = json_object_get_array_member (json_array_get_object_element (
                    json_object_get_array_member (report, "rankings"), 0), "rows");
      if (pass == 0)
        district = g_intern_string (json_object_get_string_member (json_array_get_object_element (districts, 0),
                                                                   "key"));
      else
        g_assert_cmpuint (json_array_get_length (districts), ==, 1);
    }

  unknown = REQUEST (fixture, "GET", "/api/v1/analytics/line-report?from=2026-01-01&to=2026-01-31"
                     "&district=atlantis&question_character=weather", fixture->controller, NULL);
  assert_problem (unknown, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (unknown, "district"), ==, "invalid_value");
  g_assert_cmpstr (field_error_code (unknown, "question_character"), ==, "invalid_value");
}

/* An empty period; a January against the same January a year earlier
 * and against the December just before; the parameters checked. */
static void
test_line_report_periods (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(JsonObject) empty = get_report (fixture, fixture->controller, "from=2001-02-01&to=2001-02-28");
  g_autoptr(JsonObject) january = NULL;
  g_autoptr(JsonObject) against_december = NULL;
  g_autoptr(AppealsTestResponse) missing = NULL;
  g_autoptr(AppealsTestResponse) reversed = NULL;
  g_autoptr(AppealsTestResponse) half = NULL;
  JsonArray *rankings;
  JsonObject *january_rows;

  g_assert_cmpint (json_object_get_int_member (empty, "total"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (empty, "compare_from"), ==, "2000-02-01");
  g_assert_cmpstr (json_object_get_string_member (empty, "compare_to"), ==, "2000-02-28");
  rankings = json_object_get_array_member (empty, "rankings");
  for (guint i = 0; i < json_array_get_length (rankings); i++)
    {
      JsonObject *ranking = json_array_get_object_element (rankings, i);

      if (!g_str_equal (json_object_get_string_member (ranking, "dimension"), "repeat"))
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ranking, "rows")), ==, 0);
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (empty, "timeliness")), ==, 0);

  /* 2 appeals on 31 December 2025, 3 on 1 January 2026, 1 on 1 January 2025 */
  test_api_run_sql (fixture, "UPDATE appeals SET registration_date = '2025-12-31' WHERE id IN (SELECT id FROM appeals "
                    "ORDER BY id LIMIT 2)");
  test_api_run_sql (fixture, "UPDATE appeals SET registration_date = '2026-01-01' WHERE id IN (SELECT id FROM appeals "
                    "ORDER BY id LIMIT 3 OFFSET 2)");
  test_api_run_sql (fixture, "UPDATE appeals SET registration_date = '2025-01-01' WHERE id IN (SELECT id FROM appeals "
                    "ORDER BY id LIMIT 1 OFFSET 5)");

  january = get_report (fixture, fixture->controller, "from=2026-01-01&to=2026-01-31");
  g_assert_cmpstr (json_object_get_string_member (january, "compare_from"), ==, "2025-01-01");
  g_assert_cmpstr (json_object_get_string_member (january, "compare_to"), ==, "2025-01-31");
  g_assert_cmpint (json_object_get_int_member (january, "total"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (january, "compare_total"), ==, 1);
  january_rows = json_array_get_object_element (json_object_get_array_member (january, "rankings"), 0);
  g_assert_cmpint (json_object_get_int_member (january_rows, "total"), ==, 3);

  against_december = get_report (fixture, fixture->controller,
                                 "from=2026-01-01&to=2026-01-31&compare_from=2025-12-01&compare_to=2025-12-31");
  g_assert_cmpint (json_object_get_int_member (against_december, "total"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (against_december, "compare_total"), ==, 2);

  /* the year's last day and the next year's first, each in its own year */
  {
    g_autoptr(JsonObject) year_end = get_report (fixture, fixture->controller, "from=2025-12-31&to=2025-12-31");
    g_autoptr(JsonObject) leap = get_report (fixture, fixture->controller, "from=2028-02-01&to=2028-02-29");

    g_assert_cmpint (json_object_get_int_member (year_end, "total"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (leap, "compare_to"), ==, "2027-02-28");
  }

  missing = REQUEST (fixture, "GET", "/api/v1/analytics/line-report?to=2026-01-31", fixture->controller, NULL);
  assert_problem (missing, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (missing, "from"), ==, "required");
  reversed = REQUEST (fixture, "GET", "/api/v1/analytics/line-report?from=2026-02-01&to=2026-01-31",
                      fixture->controller, NULL);
  assert_problem (reversed, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (reversed, "to"), ==, "out_of_range");
  half = REQUEST (fixture, "GET", "/api/v1/analytics/line-report?from=2026-01-01&to=2026-01-31&compare_from=2025-01-01",
                  fixture->controller, NULL);
  assert_problem (half, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (half, "compare_to"), ==, "required");
}

/* The statistical report ---------------------------------------------------- */

/* Whether @appeal matches a row's filter of the layout file, worked out
 * here from its card. */
static gboolean
matches_filter (JsonObject *appeal,
                JsonObject *filter,
                const char *today)
{
  const char *status = json_object_get_string_member (appeal, "status");
  static const char * const considered[] = { "answered", "closed", "terminated", "left_without_consideration",
                                             "forwarded", NULL };
  /* the states whose term has stopped (forwarded in full: gone to the
   * competent body) */
  static const char * const open_ended[] = { "answered", "closed", "terminated", "left_without_consideration",
                                             "forwarded", NULL };

  if (json_object_has_member (filter, "channel") &&
      !g_str_equal (json_object_get_string_member (filter, "channel"), json_object_get_string_member (appeal, "channel")))
    return FALSE;
  if (json_object_has_member (filter, "kind") &&
      !g_str_equal (json_object_get_string_member (filter, "kind"), json_object_get_string_member (appeal, "kind")))
    return FALSE;
  if (json_object_has_member (filter, "outcome") &&
      !g_str_equal (json_object_get_string_member (filter, "outcome"), outcome_of (appeal)))
    return FALSE;
  if (json_object_has_member (filter, "considered") && !g_strv_contains (considered, status))
    return FALSE;
  if (json_object_has_member (filter, "overdue") &&
      (g_strv_contains (open_ended, status) || strcmp (json_object_get_string_member (appeal, "due_date"), today) >= 0))
    return FALSE;
  if (json_object_has_member (filter, "repeat") && !json_object_get_boolean_member (appeal, "repeat"))
    return FALSE;
  if (json_object_has_member (filter, "control") && !json_object_get_boolean_member (appeal, "control"))
    return FALSE;
  return TRUE;
}

/* Checks every cell of @report against the appeals the journal lists for
 * @token and @query, each tested here against its row's filter in the
 * layout file. Returns the number of non-zero cells. */
static guint
check_statistical_cells (Fixture    *fixture,
                         const char *token,
                         const char *query,
                         JsonObject *report,
                         JsonArray  *layout_rows)
{
  const char *breakdown = json_object_get_string_member (report, "breakdown");
  JsonArray *columns = json_object_get_array_member (report, "columns");
  JsonArray *rows = json_object_get_array_member (report, "rows");
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonArray) appeals = NULL;
  g_autofree char *today = today_iso (0);
  guint non_zero = 0;
  gint64 total;

  appeals = list_all (fixture, token, query, &total);
  g_assert_cmpuint (json_array_get_length (rows), ==, json_array_get_length (layout_rows));
  for (guint i = 0; i < json_array_get_length (appeals); i++)
    {
      JsonObject *appeal = json_array_get_object_element (appeals, i);

      for (guint r = 0; r < json_array_get_length (layout_rows); r++)
        {
          JsonObject *row = json_array_get_object_element (layout_rows, r);

          if (matches_filter (appeal, json_object_get_object_member (row, "filter"), today))
            {
              g_autofree char *key = g_strdup_printf ("%s/%s", json_object_get_string_member (row, "id"),
                                                      json_object_get_string_member (appeal, breakdown));
              tally (counts, key);
            }
        }
    }

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      const char *id = json_object_get_string_member (row, "id");
      JsonArray *cells = json_object_get_array_member (row, "cells");
      gint64 sum = 0;

      g_assert_cmpstr (id, ==, json_object_get_string_member (json_array_get_object_element (layout_rows, r), "id"));
      g_assert_cmpuint (json_array_get_length (cells), ==, json_array_get_length (columns));
      for (guint c = 0; c < json_array_get_length (columns); c++)
        {
          g_autofree char *key = g_strdup_printf ("%s/%s", id, json_array_get_string_element (columns, c));
          gint64 cell = json_array_get_int_element (cells, c);

          if (cell != count_of (counts, key))
            g_error ("%s by %s: %s is %" G_GINT64_FORMAT ", the journal's appeals make %d", query, breakdown, key,
                     cell, count_of (counts, key));
          sum += cell;
          non_zero += cell > 0;
        }
      g_assert_cmpint (json_object_get_int_member (row, "total"), ==, sum);
    }
  /* the first row counts every appeal of the period */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 0), "total"), ==,
                   json_array_get_length (appeals));
  return non_zero;
}

/* The journal's query of a row's filter, written here from the layout:
 * the conditions the journal offers for the report's figures. */
static char *
journal_query_of (JsonObject *report,
                  JsonObject *filter,
                  const char *column)
{
  static const char * const codes[] = { "channel", "kind", "outcome" };
  static const struct { const char *flag, *query; } flags[] = {
    { "considered", "considered=true" }, { "overdue", "timeliness=overdue" }, { "repeat", "repeat=true" },
    { "control", "control=true" },
  };
  GString *query = g_string_new (NULL);

  g_string_append_printf (query, "from=%s&to=%s", json_object_get_string_member (report, "from"),
                          json_object_get_string_member (report, "to"));
  if (column != NULL)
    g_string_append_printf (query, "&%s=%s", json_object_get_string_member (report, "breakdown"), column);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (json_object_has_member (filter, codes[i]))
      g_string_append_printf (query, "&%s=%s", codes[i], json_object_get_string_member (filter, codes[i]));
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (json_object_has_member (filter, flags[i].flag))
      g_string_append_printf (query, "&%s", flags[i].query);
  return g_string_free (query, FALSE);
}

/* Each row carries its layout's filter, and the journal filtered by it
 * lists as many appeals as the row's total and its cells count: a count
 * the desk opens shows the appeals it counts. */
static void
check_statistical_journal (Fixture    *fixture,
                           const char *token,
                           JsonObject *report,
                           JsonArray  *layout_rows)
{
  JsonArray *rows = json_object_get_array_member (report, "rows");
  JsonArray *columns = json_object_get_array_member (report, "columns");
  gboolean by_kind = g_str_equal (json_object_get_string_member (report, "breakdown"), "kind");

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      JsonObject *filter = json_object_get_object_member (row, "filter");
      JsonNode *layout = json_object_get_member (json_array_get_object_element (layout_rows, r), "filter");
      g_autofree char *query = journal_query_of (report, filter, NULL);
      gint64 total = json_object_get_int_member (row, "total");

      g_assert_true (json_node_equal (json_object_get_member (row, "filter"), layout));
      if (journal_total (fixture, token, query) != total)
        g_error ("%s: the journal's %s lists %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
                 json_object_get_string_member (row, "id"), query, journal_total (fixture, token, query), total);
      /* the cells of a column by district or body (a kind's column is the
       * kind's own filter, checked by the rows of kinds) */
      for (guint c = 0; !by_kind && c < json_array_get_length (columns); c++)
        {
          gint64 cell = json_array_get_int_element (json_object_get_array_member (row, "cells"), c);
          g_autofree char *cell_query = NULL;

          if (cell == 0)
            continue;
          cell_query = journal_query_of (report, filter, json_array_get_string_element (columns, c));
          g_assert_cmpint (journal_total (fixture, token, cell_query), ==, cell);
        }
    }
}

static JsonObject *
get_statistical_report (Fixture    *fixture,
                        const char *token,
                        const char *query)
{
  return get_analytics (fixture, "statistical-report", token, query);
}

/* Every cell of every breakdown against the journal's appeals, for the
 * region and for a district-bound registrar; an empty period; refusals. */
static void
test_statistical_report (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *today = today_iso (0);
  g_autofree char *start = today_iso (-200);
  g_autofree char *query = g_strdup_printf ("from=%s&to=%s", start, today);
  g_autofree char *layout_path = g_build_filename (g_getenv ("APPEALS_DATA_DIR"), "reports",
                                                   "statistical-report.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AppealsTestResponse) unknown = NULL;
  static const char * const breakdowns[] = { "district", "addressee_body", "kind" };
  JsonArray *layout_rows;
  guint non_zero = 0;

  g_assert_true (json_parser_load_from_file (parser, layout_path, NULL));
  layout_rows = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "rows");
  /* some appeals under control and marked repeat, so that those rows count */
  test_api_run_sql (fixture, "UPDATE appeals SET control = 1 WHERE id % 4 = 1");
  test_api_run_sql (fixture, "UPDATE appeals SET repeat = 1 WHERE id % 5 = 2");

  for (guint b = 0; b < G_N_ELEMENTS (breakdowns); b++)
    {
      g_autofree char *report_query = g_strdup_printf ("%s&breakdown=%s", query, breakdowns[b]);
      g_autoptr(JsonObject) report = get_statistical_report (fixture, fixture->controller, report_query);
      g_autoptr(JsonObject) mine = get_statistical_report (fixture, fixture->registrar2, report_query);

      g_assert_true (json_object_get_null_member (report, "district"));
      g_assert_cmpstr (json_object_get_string_member (report, "breakdown"), ==, breakdowns[b]);
      non_zero += check_statistical_cells (fixture, fixture->controller, query, report, layout_rows);
      check_statistical_journal (fixture, fixture->controller, report, layout_rows);
      g_assert_cmpstr (json_object_get_string_member (mine, "district"), ==, "rudny-city");
      check_statistical_cells (fixture, fixture->registrar2, query, mine, layout_rows);
      if (g_str_equal (breakdowns[b], "district"))
        {
          JsonArray *columns = json_object_get_array_member (mine, "columns");

          g_assert_cmpuint (json_array_get_length (columns), ==, 1);
          g_assert_cmpstr (json_array_get_string_element (columns, 0), ==, "rudny-city");
          /* every district has its column, counted or not */
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "columns")), >=, 20);
        }
    }
  g_test_message ("%u non-zero cells checked", non_zero);
  g_assert_cmpuint (non_zero, >, 40);

  {
    g_autoptr(JsonObject) empty = get_statistical_report (fixture, fixture->controller,
                                                          "from=2001-01-01&to=2001-12-31&breakdown=kind");
    JsonArray *rows = json_object_get_array_member (empty, "rows");

    for (guint r = 0; r < json_array_get_length (rows); r++)
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, r), "total"), ==, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (empty, "columns")), ==, 6);
  }

  unknown = REQUEST (fixture, "GET", "/api/v1/analytics/statistical-report?from=2026-01-01&to=2026-01-31"
                     "&breakdown=weather", fixture->controller, NULL);
  assert_problem (unknown, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (unknown, "breakdown"), ==, "invalid_value");
}

/* One server for all four: each fixture costs seconds of demo data and
 * sign-ins, and the steps do not disturb each other (the periods' moves
 * of appeals repeat the first step's). */
static void
test_analytics (Fixture       *fixture,
                gconstpointer  user_data)
{
  test_line_report (fixture, user_data);
  test_line_report_scope (fixture, user_data);
  test_line_report_filters (fixture, user_data);
  test_line_report_periods (fixture, user_data);
  test_statistical_report (fixture, user_data);
}

void
test_api_add_analytics (void)
{
  TEST_API_ADD ("/api/analytics/line-report", test_analytics);
}
