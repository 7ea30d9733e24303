/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-calendar.c: the Kazakhstan working-day calendar against the
 * published calendars: every day of 2022, holidays on weekends, decree
 * transfers, unified reception days, and malformed calendar files.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "appeals-core.h"

static AppealsCalendar *
load_calendar (void)
{
  g_autoptr(GError) error = NULL;
  AppealsCalendar *calendar = appeals_calendar_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  return calendar;
}

static GDate
date_from_iso (const char *text)
{
  GDate date;

  if (!appeals_date_parse_iso (text, &date))
    g_error ("bad date in test table: %s", text);
  return date;
}

/* The weekdays of 2022 that were not working days, as published. */
static const char *non_working_weekdays_2022[] = {
  "2022-01-03", "2022-01-04",                /* New Year on Sat/Sun, moved */
  "2022-01-07",                              /* Orthodox Christmas */
  "2022-03-07",                              /* decree: from Sat 5 March */
  "2022-03-08",                              /* Women's Day */
  "2022-03-21", "2022-03-22", "2022-03-23",  /* Nauryz */
  "2022-05-02",                              /* Unity Day on Sunday, moved */
  "2022-05-09",                              /* Victory Day */
  "2022-05-10",                              /* Defender Day on Saturday, moved past 9 May */
  "2022-07-06",                              /* Capital Day */
  "2022-08-29",                              /* decree: from Sat 27 August */
  "2022-08-30",                              /* Constitution Day */
  "2022-10-24",                              /* decree: from Sat 22 October */
  "2022-10-25",                              /* Republic Day, first year */
  "2022-12-16",                              /* Independence Day */
};

/* Saturdays of 2022 that were working days by decree. */
static const char *working_weekend_days_2022[] = {
  "2022-03-05", "2022-08-27", "2022-10-22",
};

static gboolean
in_list (const char  *iso,
         const char **list,
         gsize        n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (list[i], iso))
      return TRUE;
  return FALSE;
}

static void
test_every_day_of_2022 (void)
{
  g_autoptr(AppealsCalendar) calendar = load_calendar ();
  GDate day = date_from_iso ("2022-01-01");
  guint working = 0;

  while (g_date_get_year (&day) == 2022)
    {
      g_autofree char *iso = appeals_date_format_iso (&day);
      GDateWeekday weekday = g_date_get_weekday (&day);
      gboolean weekend = weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
      gboolean expected;

      if (weekend)
        expected = in_list (iso, working_weekend_days_2022, G_N_ELEMENTS (working_weekend_days_2022));
      else
        expected = !in_list (iso, non_working_weekdays_2022, G_N_ELEMENTS (non_working_weekdays_2022));

      if (appeals_calendar_is_working_day (calendar, &day) != expected)
        g_error ("%s: expected %s", iso, expected ? "a working day" : "a day off");

      working += expected;
      g_date_add_days (&day, 1);
    }

  /* 260 weekdays - 17 days off + 3 working Saturdays */
  g_assert_cmpuint (working, ==, 246);
}

static const struct {
  const char    *date;
  AppealsDayKind kind;
  const char    *holiday_id;
} day_kinds[] = {
  /* a holiday on a weekend moves to the next working day */
  { "2021-01-04", APPEALS_DAY_HOLIDAY_MOVED, "new_year_2" },     /* 2 Jan 2021 was a Saturday */
  { "2021-03-24", APPEALS_DAY_HOLIDAY_MOVED, "nauryz_1" },       /* 21 Mar 2021, Sunday, after the run */
  { "2021-05-03", APPEALS_DAY_HOLIDAY_MOVED, "unity_day" },
  { "2021-05-10", APPEALS_DAY_HOLIDAY_MOVED, "victory_day" },
  { "2021-12-01", APPEALS_DAY_HOLIDAY, "first_president_day" },  /* last year it applied */
  { "2021-12-17", APPEALS_DAY_HOLIDAY, "independence_day_2" },
  { "2022-01-03", APPEALS_DAY_HOLIDAY_MOVED, "new_year_1" },
  { "2022-01-04", APPEALS_DAY_HOLIDAY_MOVED, "new_year_2" },
  { "2022-05-10", APPEALS_DAY_HOLIDAY_MOVED, "defender_day" },   /* past the whole run to 9 May */
  { "2022-12-01", APPEALS_DAY_WORKING, NULL },                   /* no longer a holiday */
  { "2023-01-03", APPEALS_DAY_HOLIDAY_MOVED, "new_year_1" },     /* Sun 1 Jan; 2 Jan is a holiday itself */
  { "2023-05-08", APPEALS_DAY_HOLIDAY_MOVED, "defender_day" },
  { "2023-12-18", APPEALS_DAY_HOLIDAY_MOVED, "independence_day_1" },
  { "2024-03-25", APPEALS_DAY_HOLIDAY_MOVED, "nauryz_3" },
  { "2024-07-08", APPEALS_DAY_HOLIDAY_MOVED, "capital_day" },
  { "2026-03-09", APPEALS_DAY_HOLIDAY_MOVED, "womens_day" },
  { "2026-03-24", APPEALS_DAY_HOLIDAY_MOVED, "nauryz_1" },
  { "2026-03-25", APPEALS_DAY_HOLIDAY_MOVED, "nauryz_2" },
  { "2026-08-31", APPEALS_DAY_HOLIDAY_MOVED, "constitution_day" },
  /* days off that never move */
  { "2023-01-07", APPEALS_DAY_HOLIDAY, "orthodox_christmas" },   /* a Saturday */
  { "2023-01-09", APPEALS_DAY_WORKING, NULL },
  { "2024-01-08", APPEALS_DAY_WORKING, NULL },                   /* after Christmas on Sunday */
  { "2022-07-09", APPEALS_DAY_HOLIDAY, "kurban_ait" },           /* a Saturday: nothing moves */
  { "2022-07-11", APPEALS_DAY_WORKING, NULL },
  { "2024-06-16", APPEALS_DAY_HOLIDAY, "kurban_ait" },           /* a Sunday: nothing moves */
  { "2024-06-17", APPEALS_DAY_WORKING, NULL },
  { "2026-05-27", APPEALS_DAY_HOLIDAY, "kurban_ait" },
  /* decree transfers */
  { "2021-07-03", APPEALS_DAY_TRANSFERRED_WORKING, NULL },
  { "2021-07-05", APPEALS_DAY_TRANSFERRED_OFF, NULL },
  { "2023-07-01", APPEALS_DAY_TRANSFERRED_WORKING, NULL },
  { "2023-07-07", APPEALS_DAY_TRANSFERRED_OFF, NULL },
  { "2024-05-04", APPEALS_DAY_TRANSFERRED_WORKING, NULL },
  { "2024-05-08", APPEALS_DAY_TRANSFERRED_OFF, NULL },
  { "2025-01-05", APPEALS_DAY_TRANSFERRED_WORKING, NULL },       /* a Sunday */
  { "2025-01-03", APPEALS_DAY_TRANSFERRED_OFF, NULL },
  /* ordinary days */
  { "2025-11-25", APPEALS_DAY_WORKING, NULL },
  { "2025-11-29", APPEALS_DAY_WEEKEND, NULL },
  /* past the file's last year, fixed holidays still count */
  { "2028-01-03", APPEALS_DAY_HOLIDAY_MOVED, "new_year_1" },
};

static void
test_day_kinds (void)
{
  g_autoptr(AppealsCalendar) calendar = load_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (day_kinds); i++)
    {
      GDate date = date_from_iso (day_kinds[i].date);

      g_test_message ("%s", day_kinds[i].date);
      g_assert_cmpint (appeals_calendar_get_day_kind (calendar, &date), ==, day_kinds[i].kind);
      g_assert_cmpstr (appeals_calendar_get_holiday_id (calendar, &date), ==, day_kinds[i].holiday_id);
    }
}

static const struct {
  const char *from;
  int         n_days;
  const char *expected;
} additions[] = {
  { "2022-01-01", 1, "2022-01-05" },    /* New Year, moved days, then Wednesday */
  { "2022-01-05", 1, "2022-01-06" },
  { "2022-01-06", 1, "2022-01-10" },    /* over Christmas and the weekend */
  { "2022-03-04", 1, "2022-03-05" },    /* a working Saturday */
  { "2022-03-04", 2, "2022-03-09" },
  { "2022-12-20", 15, "2023-01-12" },   /* across the year end and New Year */
  { "2024-08-29", 1, "2024-09-02" },
  { "2025-11-25", 0, "2025-11-25" },
  { "2022-03-09", -2, "2022-03-04" },   /* back over the holidays and the working Saturday */
  { "2022-01-10", -1, "2022-01-06" },
};

static void
test_add_working_days (void)
{
  g_autoptr(AppealsCalendar) calendar = load_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (additions); i++)
    {
      GDate from = date_from_iso (additions[i].from);
      GDate result;
      g_autofree char *iso = NULL;

      appeals_calendar_add_working_days (calendar, &from, additions[i].n_days, &result);
      iso = appeals_date_format_iso (&result);
      g_test_message ("%s %+d", additions[i].from, additions[i].n_days);
      g_assert_cmpstr (iso, ==, additions[i].expected);

      if (additions[i].n_days != 0 && appeals_calendar_is_working_day (calendar, &from))
        g_assert_cmpint (appeals_calendar_count_working_days (calendar, &from, &result),
                         ==, additions[i].n_days);
    }
}

static const struct {
  const char *from;
  const char *to;
  int         expected;
} counts[] = {
  { "2022-01-01", "2022-01-31", 18 },
  { "2022-02-28", "2022-03-31", 19 },    /* all of March, with the working Saturday */
  { "2022-01-31", "2022-01-01", -18 },
  { "2022-06-01", "2022-06-01", 0 },
  { "2022-01-01", "2022-12-31", 246 },
};

static void
test_count_working_days (void)
{
  g_autoptr(AppealsCalendar) calendar = load_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      GDate from = date_from_iso (counts[i].from);
      GDate to = date_from_iso (counts[i].to);

      g_test_message ("%s .. %s", counts[i].from, counts[i].to);
      g_assert_cmpint (appeals_calendar_count_working_days (calendar, &from, &to), ==, counts[i].expected);
    }
}

/* What a count is, day by day: the reference for the running count the
 * calendar subtracts, inside its table, across its edges and beyond them
 * (where only weekends are known). */
static int
count_day_by_day (AppealsCalendar *calendar,
                  const GDate     *from,
                  const GDate     *to)
{
  int sign = g_date_compare (from, to) > 0 ? -1 : 1;
  GDate day = sign > 0 ? *from : *to;
  const GDate *end = sign > 0 ? to : from;
  int count = 0;

  while (g_date_compare (&day, end) < 0)
    {
      g_date_add_days (&day, 1);
      count += appeals_calendar_is_working_day (calendar, &day);
    }
  return sign * count;
}

static const char *count_anchors[] = {
  "2001-02-03", "2015-06-01", "2020-12-24", "2020-12-31", "2021-01-01", "2021-01-04",
  "2022-03-05", "2022-03-07", "2024-12-31", "2027-12-31", "2029-12-29", "2029-12-31",
  "2030-01-01", "2030-01-06", "2041-07-15",
};

static void
test_count_against_walk (void)
{
  g_autoptr(AppealsCalendar) calendar = load_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (count_anchors); i++)
    for (guint j = 0; j < G_N_ELEMENTS (count_anchors); j++)
      for (int shift = -9; shift <= 9; shift++)
        {
          GDate from = date_from_iso (count_anchors[i]);
          GDate to = date_from_iso (count_anchors[j]);

          if (shift < 0)
            g_date_subtract_days (&to, -shift);
          else
            g_date_add_days (&to, shift);
          if (appeals_calendar_count_working_days (calendar, &from, &to) != count_day_by_day (calendar, &from, &to))
            {
              g_autofree char *iso = appeals_date_format_iso (&to);

              g_test_message ("%s .. %s", count_anchors[i], iso);
              g_assert_cmpint (appeals_calendar_count_working_days (calendar, &from, &to), ==,
                               count_day_by_day (calendar, &from, &to));
            }
        }
}

static const struct {
  const char *date;
  const char *next;
  const char *previous;
} neighbours[] = {
  { "2022-03-04", "2022-03-05", "2022-03-03" },
  { "2022-03-06", "2022-03-09", "2022-03-05" },
  { "2022-05-06", "2022-05-11", "2022-05-05" },
  { "2023-12-31", "2024-01-03", "2023-12-29" },
};

static void
test_next_previous (void)
{
  g_autoptr(AppealsCalendar) calendar = load_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (neighbours); i++)
    {
      GDate date = date_from_iso (neighbours[i].date);
      GDate next, previous;
      g_autofree char *next_iso = NULL;
      g_autofree char *previous_iso = NULL;

      appeals_calendar_next_working_day (calendar, &date, &next);
      appeals_calendar_previous_working_day (calendar, &date, &previous);
      next_iso = appeals_date_format_iso (&next);
      previous_iso = appeals_date_format_iso (&previous);
      g_assert_cmpstr (next_iso, ==, neighbours[i].next);
      g_assert_cmpstr (previous_iso, ==, neighbours[i].previous);
    }
}

static const struct {
  guint       year;
  guint       month;
  const char *last_friday;
  const char *unified_previous;   /* the default rule */
  const char *unified_next;
  const char *unified_keep;
} unified_days[] = {
  { 2022, 1, "2022-01-28", "2022-01-28", "2022-01-28", "2022-01-28" },
  { 2022, 7, "2022-07-29", "2022-07-29", "2022-07-29", "2022-07-29" },
  { 2023, 6, "2023-06-30", "2023-06-30", "2023-06-30", "2023-06-30" },
  { 2024, 8, "2024-08-30", "2024-08-29", "2024-09-02", "2024-08-30" },   /* Constitution Day */
  { 2024, 10, "2024-10-25", "2024-10-24", "2024-10-28", "2024-10-25" },  /* Republic Day */
  { 2025, 1, "2025-01-31", "2025-01-31", "2025-01-31", "2025-01-31" },
  { 2026, 11, "2026-11-27", "2026-11-27", "2026-11-27", "2026-11-27" },
  { 2027, 12, "2027-12-31", "2027-12-31", "2027-12-31", "2027-12-31" },
};

static void
check_unified (AppealsCalendar       *calendar,
               AppealsUnifiedDayRule  rule,
               guint                  year,
               guint                  month,
               const char            *expected)
{
  g_autofree char *iso = NULL;
  GDate day;

  appeals_calendar_set_unified_day_rule (calendar, rule);
  appeals_calendar_get_unified_reception_day (calendar, year, month, &day);
  iso = appeals_date_format_iso (&day);
  g_test_message ("%u-%02u rule %d", year, month, rule);
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_unified_reception_days (void)
{
  g_autoptr(AppealsCalendar) calendar = load_calendar ();

  g_assert_cmpint (appeals_calendar_get_unified_day_rule (calendar), ==,
                   APPEALS_UNIFIED_DAY_PREVIOUS_WORKING_DAY);

  for (guint i = 0; i < G_N_ELEMENTS (unified_days); i++)
    {
      g_autofree char *iso = NULL;
      GDate friday;

      appeals_date_last_weekday_of_month (unified_days[i].year, unified_days[i].month,
                                          G_DATE_FRIDAY, &friday);
      iso = appeals_date_format_iso (&friday);
      g_assert_cmpstr (iso, ==, unified_days[i].last_friday);

      check_unified (calendar, APPEALS_UNIFIED_DAY_PREVIOUS_WORKING_DAY,
                     unified_days[i].year, unified_days[i].month, unified_days[i].unified_previous);
      check_unified (calendar, APPEALS_UNIFIED_DAY_NEXT_WORKING_DAY,
                     unified_days[i].year, unified_days[i].month, unified_days[i].unified_next);
      check_unified (calendar, APPEALS_UNIFIED_DAY_KEEP,
                     unified_days[i].year, unified_days[i].month, unified_days[i].unified_keep);
    }
}

/* Under the default rule every month of the covered years has a unified
 * day that is a working day, in the same month, no later than its last
 * Friday and no earlier than the Friday's week. */
static void
test_unified_days_all_years (void)
{
  g_autoptr(AppealsCalendar) calendar = load_calendar ();

  for (guint year = 2021; year <= 2027; year++)
    for (guint month = 1; month <= 12; month++)
      {
        GDate friday, unified;

        appeals_date_last_weekday_of_month (year, month, G_DATE_FRIDAY, &friday);
        appeals_calendar_get_unified_reception_day (calendar, year, month, &unified);
        g_assert_true (appeals_calendar_is_working_day (calendar, &unified));
        g_assert_cmpint (g_date_get_month (&unified), ==, month);
        g_assert_cmpint (g_date_compare (&unified, &friday), <=, 0);
        g_assert_cmpint (g_date_days_between (&unified, &friday), <, 7);
      }
}

static const struct {
  const char *name;
  const char *json;
  const char *field;
} malformed[] = {
  { "not JSON", "{ \"format\": 1,", "cannot be read" },
  { "not an object", "[1, 2]", "“/”" },
  { "no format", "{}", "“format”" },
  { "unknown format", "{\"format\": 2}", "“format”" },
  { "years reversed", "{\"format\":1,\"first_year\":2022,\"last_year\":2021}", "“last_year”" },
  { "no holidays", "{\"format\":1,\"first_year\":2022,\"last_year\":2022}", "“holidays”" },
  { "month as text",
    "{\"format\":1,\"first_year\":2022,\"last_year\":2022,\"holidays\":[{\"id\":\"a\",\"month\":1,\"day\":1,\"moves\":true},"
    "{\"id\":\"b\",\"month\":\"March\",\"day\":8,\"moves\":true}],\"years\":[]}",
    "“holidays[1].month”" },
  { "impossible day",
    "{\"format\":1,\"first_year\":2022,\"last_year\":2022,\"holidays\":[{\"id\":\"a\",\"month\":2,\"day\":30,\"moves\":true}],\"years\":[]}",
    "“holidays[0].day”" },
  { "missing year",
    "{\"format\":1,\"first_year\":2022,\"last_year\":2023,\"holidays\":[],"
    "\"years\":[{\"year\":2022,\"kurban_ait\":\"2022-07-09\"}]}",
    "“years”" },
  { "Kurban Ait in another year",
    "{\"format\":1,\"first_year\":2022,\"last_year\":2022,\"holidays\":[],"
    "\"years\":[{\"year\":2022,\"kurban_ait\":\"2023-06-28\"}]}",
    "“years[0].kurban_ait”" },
  { "bad transfer date",
    "{\"format\":1,\"first_year\":2022,\"last_year\":2022,\"holidays\":[],"
    "\"years\":[{\"year\":2022,\"kurban_ait\":\"2022-07-09\",\"transfers\":[{\"working\":\"2022-03-05\",\"day_off\":\"2022-03-32\"}]}]}",
    "“years[0].transfers[0].day_off”" },
  { "working day that is a weekday",
    "{\"format\":1,\"first_year\":2022,\"last_year\":2022,\"holidays\":[],"
    "\"years\":[{\"year\":2022,\"kurban_ait\":\"2022-07-09\",\"transfers\":[{\"working\":\"2022-03-04\",\"day_off\":\"2022-03-07\"}]}]}",
    "“years[0].transfers[0].working”" },
  { "unknown unified rule",
    "{\"format\":1,\"first_year\":2022,\"last_year\":2022,\"unified_reception_day\":{\"when_not_working\":\"skip\"}}",
    "“unified_reception_day.when_not_working”" },
};

static void
test_malformed_files (void)
{
  g_autoptr(AppealsCalendar) calendar = load_calendar ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("appeals-calendar-XXXXXX", &error);
  g_autofree char *original = g_strdup (appeals_calendar_get_path (calendar));
  GDate moved = date_from_iso ("2022-03-07");

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_build_filename (dir, "calendar-broken.json", NULL);
      g_autoptr(AppealsCalendar) fresh = NULL;

      g_test_message ("%s", malformed[i].name);
      g_file_set_contents (path, malformed[i].json, -1, &error);
      g_assert_no_error (error);

      fresh = appeals_calendar_new_from_file (path, &error);
      g_assert_null (fresh);
      g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "calendar-broken.json"));
      if (strstr (error->message, malformed[i].field) == NULL)
        g_error ("“%s” does not name %s", error->message, malformed[i].field);
      g_clear_error (&error);

      /* the calendar in force stays */
      g_assert_false (appeals_calendar_reload (calendar, path, &error));
      g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
      g_clear_error (&error);
      g_assert_cmpstr (appeals_calendar_get_path (calendar), ==, original);
      g_assert_false (appeals_calendar_is_working_day (calendar, &moved));

      g_unlink (path);
    }

  g_rmdir (dir);
}

static void
on_changed (AppealsCalendar *calendar,
            gpointer         user_data)
{
  (*(guint *) user_data)++;
}

/* An administrator's replacement file takes effect on reload. */
static void
test_reload_replacement (void)
{
  g_autoptr(AppealsCalendar) calendar = load_calendar ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("appeals-calendar-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kz.json", NULL);
  GDate day = date_from_iso ("2022-12-30");
  guint changed = 0;
  const char *replacement =
    "{\"format\":1,\"first_year\":2022,\"last_year\":2022,"
    "\"unified_reception_day\":{\"when_not_working\":\"keep\"},"
    "\"holidays\":[{\"id\":\"new_year_1\",\"month\":1,\"day\":1,\"moves\":true}],"
    "\"years\":[{\"year\":2022,\"kurban_ait\":\"2022-07-09\","
    "\"transfers\":[{\"working\":\"2022-12-31\",\"day_off\":\"2022-12-30\"}]}]}";

  g_signal_connect (calendar, "changed", G_CALLBACK (on_changed), &changed);
  g_assert_true (appeals_calendar_is_working_day (calendar, &day));

  g_file_set_contents (path, replacement, -1, &error);
  g_assert_no_error (error);
  g_assert_true (appeals_calendar_reload (calendar, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (appeals_calendar_is_working_day (calendar, &day));
  g_assert_cmpint (appeals_calendar_get_unified_day_rule (calendar), ==, APPEALS_UNIFIED_DAY_KEEP);

  /* the counts follow the new table: Friday the 30th off, Saturday the
   * 31st working, New Year's Sunday moved to Monday the 2nd */
  {
    GDate from = date_from_iso ("2022-12-28");
    GDate to = date_from_iso ("2023-01-03");

    g_assert_cmpint (appeals_calendar_count_working_days (calendar, &from, &to), ==, 3);
    g_assert_cmpint (appeals_calendar_count_working_days (calendar, &from, &to), ==,
                     count_day_by_day (calendar, &from, &to));
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* A moment's day in Kazakhstan (UTC+5), whatever offset it was written
 * with; a text not a moment gives none. */
static void
test_date_of_datetime (void)
{
  static const struct {
    const char *datetime;
    const char *day;   /* NULL: not a moment */
  } cases[] = {
    { "2026-12-05T18:59:59Z", "2026-12-05" },
    { "2026-12-05T19:00:00Z", "2026-12-06" },     /* midnight in Kostanay */
    { "2026-12-31T23:30:00.5Z", "2027-01-01" },
    { "2026-12-06T00:10:00+05:00", "2026-12-06" },
    { "2026-12-05T21:10:00-03:00", "2026-12-06" },
    { "2024-02-29T20:00:00+00:00", "2024-03-01" },
    { "2026-12-05", NULL },
    { "yesterday", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      gboolean read = appeals_date_of_datetime (cases[i].datetime, &date);

      g_assert_cmpint (read, ==, cases[i].day != NULL);
      g_assert_cmpint (g_date_valid (&date), ==, cases[i].day != NULL);
      if (cases[i].day != NULL)
        {
          GDate expected = date_from_iso (cases[i].day);

          g_assert_cmpint (g_date_compare (&date, &expected), ==, 0);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/every-day-of-2022", test_every_day_of_2022);
  g_test_add_func ("/calendar/day-kinds", test_day_kinds);
  g_test_add_func ("/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/calendar/count-working-days", test_count_working_days);
  g_test_add_func ("/calendar/count-against-walk", test_count_against_walk);
  g_test_add_func ("/calendar/next-previous", test_next_previous);
  g_test_add_func ("/calendar/unified-reception-days", test_unified_reception_days);
  g_test_add_func ("/calendar/unified-days-2021-2027", test_unified_days_all_years);
  g_test_add_func ("/calendar/malformed-files", test_malformed_files);
  g_test_add_func ("/calendar/reload-replacement", test_reload_replacement);
  g_test_add_func ("/calendar/date-of-datetime", test_date_of_datetime);

  return g_test_run ();
}
