/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-growth.c: the EARS C2 growth rule in the core — the baseline, the
 * gap left out of it, the threshold (exactly at it is no alert, one more
 * is), the minimum count and the minimum deviation of the data file — and
 * the dynamics' periods over a year's end and the alert's id.
 */
#include "config.h"

#include <math.h>

#include "appeals-core.h"

/* baseline, gap, current; the rule of data/rules/growth-alerts.json
 * (7 periods, a gap of 2, 3 SD, SD at least 1, at least 5 appeals) */
static const struct {
  const char *name;
  gint64      counts[10];
  double      mean, sd, threshold;
  gboolean    alert;
} c2_cases[] = {
  { "1 → 3 is no alert", { 1, 1, 1, 1, 1, 1, 1, 1, 1, 3 }, 1, 0, 4, FALSE },
  { "exactly at mean + 3 SD is no alert", { 4, 6, 4, 6, 4, 6, 5, 5, 5, 8 }, 5, 1, 8, FALSE },
  { "one above mean + 3 SD alerts", { 4, 6, 4, 6, 4, 6, 5, 5, 5, 9 }, 5, 1, 8, TRUE },
  { "SD 2: at the threshold", { 3, 7, 3, 7, 3, 7, 5, 0, 0, 11 }, 5, 2, 11, FALSE },
  { "SD 2: above the threshold", { 3, 7, 3, 7, 3, 7, 5, 0, 0, 12 }, 5, 2, 11, TRUE },
  { "the gap is not in the baseline", { 1, 1, 1, 1, 1, 1, 1, 50, 50, 5 }, 1, 0, 4, TRUE },
  { "a flat baseline takes the minimum SD", { 10, 10, 10, 10, 10, 10, 10, 10, 10, 13 }, 10, 0, 13, FALSE },
  { "from nothing, the minimum count alerts", { 0, 0, 0, 0, 0, 0, 0, 0, 0, 5 }, 0, 0, 3, TRUE },
  { "from nothing, below the minimum count", { 0, 0, 0, 0, 0, 0, 0, 0, 0, 4 }, 0, 0, 3, FALSE },
};

static AppealsGrowthRule *
load_rule (void)
{
  g_autoptr(GError) error = NULL;
  AppealsGrowthRule *rule = appeals_growth_rule_new_default (&error);

  g_assert_no_error (error);
  return rule;
}

static void
test_c2 (void)
{
  g_autoptr(AppealsGrowthRule) rule = load_rule ();

  g_assert_cmpuint (rule->baseline_periods, ==, 7);
  g_assert_cmpuint (rule->gap_periods, ==, 2);
  g_assert_cmpuint (appeals_growth_rule_get_span (rule), ==, 9);
  for (guint i = 0; i < G_N_ELEMENTS (c2_cases); i++)
    {
      AppealsGrowthResult result;

      g_test_message ("%s", c2_cases[i].name);
      appeals_growth_rule_evaluate (rule, c2_cases[i].counts, 10, 9, &result);
      g_assert_true (result.evaluated);
      g_assert_cmpfloat_with_epsilon (result.mean, c2_cases[i].mean, 1e-12);
      g_assert_cmpfloat_with_epsilon (result.sd, c2_cases[i].sd, 1e-12);
      g_assert_cmpfloat_with_epsilon (result.threshold, c2_cases[i].threshold, 1e-12);
      g_assert_cmpint (result.alert, ==, c2_cases[i].alert);
    }
}

/* Without a whole baseline before it a period is not judged; the
 * minimum count is what keeps 1 → 3 quiet when no minimum SD does. */
static void
test_c2_edges (void)
{
  g_autoptr(AppealsGrowthRule) rule = load_rule ();
  g_autoptr(AppealsGrowthRule) bare = appeals_growth_rule_new (7, 2, 3.0, 0.0, 5);
  g_autoptr(AppealsGrowthRule) any = appeals_growth_rule_new (7, 2, 3.0, 0.0, 1);
  static const gint64 rise[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 3 };
  AppealsGrowthResult result;

  appeals_growth_rule_evaluate (rule, rise, 10, 8, &result);
  g_assert_false (result.evaluated);
  g_assert_false (result.alert);

  appeals_growth_rule_evaluate (bare, rise, 10, 9, &result);
  g_assert_cmpfloat (result.threshold, ==, 1.0);
  g_assert_false (result.alert);
  appeals_growth_rule_evaluate (any, rise, 10, 9, &result);
  g_assert_true (result.alert);
}

static void
test_rule_file (void)
{
  g_autoptr(AppealsGrowthRule) rule = load_rule ();
  g_autoptr(JsonNode) json = appeals_growth_rule_to_json (rule);
  g_autoptr(AppealsGrowthRule) again = appeals_growth_rule_new_from_json (json, "test", NULL);
  g_autoptr(JsonNode) wrong = json_from_string ("{\"format\": 1, \"method\": \"ears-c3\", \"baseline_periods\": 7, "
                                                "\"gap_periods\": 2, \"sd_multiplier\": 3, \"minimum_sd\": 1, "
                                                "\"minimum_count\": 5}", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (again);
  g_assert_cmpfloat (again->sd_multiplier, ==, 3.0);
  g_assert_cmpfloat (again->minimum_sd, ==, 1.0);
  g_assert_cmpint (again->minimum_count, ==, 5);
  g_assert_null (appeals_growth_rule_new_from_json (wrong, "test", &error));
  g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
}

static const struct {
  AppealsPeriodKind kind;
  const char       *day, *start, *end, *next;
} periods[] = {
  { APPEALS_PERIOD_MONTH, "2025-12-31", "2025-12-01", "2025-12-31", "2026-01-01" },
  { APPEALS_PERIOD_MONTH, "2028-02-29", "2028-02-01", "2028-02-29", "2028-03-01" },
  { APPEALS_PERIOD_WEEK, "2026-01-01", "2025-12-29", "2026-01-04", "2026-01-05" },   /* a Thursday */
  { APPEALS_PERIOD_WEEK, "2026-01-04", "2025-12-29", "2026-01-04", "2026-01-05" },   /* a Sunday */
  { APPEALS_PERIOD_WEEK, "2026-01-05", "2026-01-05", "2026-01-11", "2026-01-12" },   /* a Monday */
};

static void
test_periods (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      GDate day, start, end;
      g_autofree char *start_text = NULL, *end_text = NULL, *next_text = NULL;

      g_assert_true (appeals_date_parse_iso (periods[i].day, &day));
      appeals_period_start (periods[i].kind, &day, &start);
      appeals_period_end (periods[i].kind, &start, &end);
      start_text = appeals_date_format_iso (&start);
      end_text = appeals_date_format_iso (&end);
      appeals_period_shift (periods[i].kind, &start, 1);
      next_text = appeals_date_format_iso (&start);
      g_assert_cmpstr (start_text, ==, periods[i].start);
      g_assert_cmpstr (end_text, ==, periods[i].end);
      g_assert_cmpstr (next_text, ==, periods[i].next);
    }
}

/* The periods of a range over a year's end; an alert's id read back; a
 * series' journal filter. */
static void
test_dynamics (void)
{
  GDate from, to, start;
  g_autoptr(AppealsDynamics) months = NULL;
  g_autoptr(AppealsDynamics) read = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *district = NULL, *character = NULL, *filter = NULL;
  AppealsPeriodKind kind;
  AppealsSeries *series;

  appeals_date_parse_iso ("2025-11-15", &from);
  appeals_date_parse_iso ("2026-02-03", &to);
  months = appeals_dynamics_new (APPEALS_PERIOD_MONTH, &from, &to);
  g_assert_cmpuint (months->starts->len, ==, 4);
  g_assert_cmpint (appeals_dynamics_find_period (months, "2026-01-01"), ==, 2);
  g_assert_cmpint (appeals_dynamics_find_period (months, "2026-01-02"), ==, -1);
  series = appeals_dynamics_get_series (months, "rudny-city", "housing");
  g_assert_true (appeals_dynamics_get_series (months, "rudny-city", "housing") == series);
  g_assert_cmpuint (series->counts->len, ==, 4);
  /* a code that another's joined parts would spell is a series of its own */
  g_assert_true (appeals_dynamics_get_series (months, "rudny", "city-housing") != series);
  g_assert_true (appeals_dynamics_get_series (months, "housing", "rudny-city") != series);
  g_assert_cmpuint (months->series->len, ==, 3);
  g_array_index (series->counts, gint64, 2) = 7;
  series->total = 7;
  json = appeals_dynamics_to_json (months);
  read = appeals_dynamics_new_from_json (json, &error);
  g_assert_no_error (error);
  /* the series read are found, not added again */
  g_assert_cmpuint (read->series->len, ==, 3);
  g_assert_cmpint (g_array_index (appeals_dynamics_get_series (read, "rudny-city", "housing")->counts, gint64, 2),
                   ==, 7);
  g_assert_cmpuint (read->series->len, ==, 3);
  filter = appeals_series_get_filter (series, APPEALS_PERIOD_MONTH, &g_array_index (months->starts, GDate, 1));
  g_assert_cmpstr (filter, ==, "district=rudny-city&question_character=housing&from=2025-12-01&to=2025-12-31");

  g_assert_true (appeals_growth_alert_parse_id ("week:2025-12-29:rudny-city:housing", &kind, &start, &district,
                                                &character));
  g_assert_cmpint (kind, ==, APPEALS_PERIOD_WEEK);
  g_assert_cmpstr (district, ==, "rudny-city");
  g_assert_cmpstr (character, ==, "housing");
  g_assert_false (appeals_growth_alert_parse_id ("week:2025-12-30:rudny-city:housing", &kind, &start, &district,
                                                 &character));
  g_assert_false (appeals_growth_alert_parse_id ("month:2025-12-01:rudny-city", &kind, &start, &district,
                                                 &character));
  g_assert_false (appeals_growth_alert_parse_id ("day:2025-12-01:rudny-city:housing", &kind, &start, &district,
                                                 &character));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/growth/c2", test_c2);
  g_test_add_func ("/growth/c2-edges", test_c2_edges);
  g_test_add_func ("/growth/rule-file", test_rule_file);
  g_test_add_func ("/growth/periods", test_periods);
  g_test_add_func ("/growth/dynamics", test_dynamics);

  return g_test_run ();
}
