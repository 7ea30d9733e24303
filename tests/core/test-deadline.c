/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-deadline.c: due dates by appeal kind across holidays, decree
 * transfers and year ends; both counting conventions; extensions;
 * the overdue state.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "appeals-core.h"
#include "core-test-util.h"

typedef struct
{
  AppealsCalendar      *calendar;
  AppealsDeadlineRules *rules;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->calendar = appeals_calendar_new_default (&error);
  g_assert_no_error (error);
  fixture->rules = appeals_deadline_rules_new_default (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->calendar);
  g_clear_object (&fixture->rules);
}

static GDate
date_from_iso (const char *text)
{
  GDate date;

  if (!appeals_date_parse_iso (text, &date))
    g_error ("bad date in test table: %s", text);
  return date;
}

static const struct {
  const char *kind;
  int         working_days;
} terms[] = {
  { "application", 15 },
  { "inquiry", 15 },
  { "proposal", 15 },
  { "response", 15 },
  { "report", 15 },
  { "complaint", 20 },
  { "petition", -1 },
};

static void
test_terms (Fixture       *fixture,
            gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    g_assert_cmpint (appeals_deadline_rules_get_term (fixture->rules, terms[i].kind),
                     ==, terms[i].working_days);

  g_assert_cmpint (appeals_deadline_rules_get_forwarding_days (fixture->rules), ==, 3);
  g_assert_cmpint (appeals_deadline_rules_get_extension_max_months (fixture->rules), ==, 2);
  g_assert_cmpint (appeals_deadline_rules_get_extension_notify_days (fixture->rules), ==, 3);
  g_assert_false (appeals_deadline_rules_get_registration_day_counts (fixture->rules));
  g_assert_cmpuint (g_strv_length ((GStrv) appeals_deadline_rules_list_kinds (fixture->rules)), ==, 6);
}

static const struct {
  const char *kind;
  const char *registered;
  gboolean    registration_day_counts;
  const char *due;
  const char *why;
} due_dates[] = {
  { "application", "2022-03-01", FALSE, "2022-03-28", "over the working Saturday and Nauryz" },
  { "complaint",   "2022-03-01", FALSE, "2022-04-04", "20 working days for a complaint" },
  { "report",      "2022-03-12", FALSE, "2022-04-07", "received on Saturday: counts from Monday" },
  { "inquiry",     "2022-03-21", FALSE, "2022-04-14", "received on a holiday" },
  { "application", "2022-12-20", FALSE, "2023-01-12", "across the year end and New Year" },
  { "complaint",   "2024-04-30", FALSE, "2024-05-31", "May holidays with the decree transfer" },
  { "application", "2022-03-01", TRUE,  "2022-03-25", "the registration day is day 1" },
  { "application", "2022-03-12", TRUE,  "2022-04-06", "Saturday: Monday is day 1" },
  { "proposal",    "2027-12-10", FALSE, "2028-01-05", "past the calendar's last year" },
};

static void
test_due_dates (Fixture       *fixture,
                gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (due_dates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      GDate registered = date_from_iso (due_dates[i].registered);
      GDate due;

      g_test_message ("%s: %s", due_dates[i].registered, due_dates[i].why);
      appeals_deadline_rules_set_registration_day_counts (fixture->rules,
                                                          due_dates[i].registration_day_counts);
      g_assert_true (appeals_deadline_rules_compute_due (fixture->rules, fixture->calendar,
                                                         due_dates[i].kind, &registered, &due, &error));
      g_assert_no_error (error);
      iso = appeals_date_format_iso (&due);
      g_assert_cmpstr (iso, ==, due_dates[i].due);
      g_assert_true (appeals_calendar_is_working_day (fixture->calendar, &due));
    }
}

static void
test_unknown_kind (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GDate registered = date_from_iso ("2022-03-01");
  GDate due;

  g_assert_false (appeals_deadline_rules_compute_due (fixture->rules, fixture->calendar,
                                                      "petition", &registered, &due, &error));
  g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_NOT_FOUND);
}

static const struct {
  const char *registered;
  const char *forward_by;
} forwardings[] = {
  { "2022-03-04", "2022-03-10" },   /* Friday: the working Saturday counts */
  { "2022-12-29", "2023-01-05" },   /* over New Year and its moved day off */
  { "2024-05-06", "2024-05-14" },   /* 7, 8, 9 May are days off */
};

static void
test_forwarding (Fixture       *fixture,
                 gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (forwardings); i++)
    {
      GDate registered = date_from_iso (forwardings[i].registered);
      g_autofree char *iso = NULL;
      GDate due;

      appeals_deadline_rules_compute_forwarding_due (fixture->rules, fixture->calendar, &registered, &due);
      iso = appeals_date_format_iso (&due);
      g_assert_cmpstr (iso, ==, forwardings[i].forward_by);
    }
}

static const struct {
  const char *due;
  const char *extended;
  gboolean    allowed;
} extensions[] = {
  { "2022-03-28", "2022-04-28", TRUE },
  { "2022-03-28", "2022-05-28", TRUE },    /* exactly two months */
  { "2022-03-28", "2022-05-29", FALSE },   /* one day more */
  { "2022-03-28", "2022-05-30", FALSE },
  { "2022-03-28", "2022-03-28", FALSE },   /* not later */
  { "2022-12-30", "2023-02-28", TRUE },    /* clamped to the end of February */
  { "2022-12-30", "2023-03-01", FALSE },
};

static void
test_extensions (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GDate decided = date_from_iso ("2022-03-04");
  g_autofree char *notify_iso = NULL;
  GDate notify_by;

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate due = date_from_iso (extensions[i].due);
      GDate extended = date_from_iso (extensions[i].extended);
      gboolean allowed;

      g_test_message ("%s → %s", extensions[i].due, extensions[i].extended);
      allowed = appeals_deadline_rules_check_extension (fixture->rules, &due, &extended, &error);
      g_assert_cmpint (allowed, ==, extensions[i].allowed);
      if (!allowed)
        g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_OUT_OF_RANGE);
    }

  appeals_deadline_rules_compute_notify_by (fixture->rules, fixture->calendar, &decided, &notify_by);
  notify_iso = appeals_date_format_iso (&notify_by);
  g_assert_cmpstr (notify_iso, ==, "2022-03-10");
}

static const struct {
  const char            *today;
  AppealsDeadlineStatus  status;
  int                    left;
  int                    overdue;
} evaluations[] = {
  /* due on Monday 28 March 2022 */
  { "2022-03-14", APPEALS_DEADLINE_ON_TIME,   7, 0 },
  { "2022-03-18", APPEALS_DEADLINE_ON_TIME,   3, 0 },   /* Nauryz in between */
  { "2022-03-24", APPEALS_DEADLINE_DUE_SOON,  2, 0 },
  { "2022-03-26", APPEALS_DEADLINE_DUE_SOON,  1, 0 },   /* a Saturday */
  { "2022-03-28", APPEALS_DEADLINE_DUE_TODAY, 0, 0 },
  { "2022-03-29", APPEALS_DEADLINE_OVERDUE,   0, 1 },
  { "2022-04-02", APPEALS_DEADLINE_OVERDUE,   0, 4 },
};

static void
test_evaluate (Fixture       *fixture,
               gconstpointer  user_data)
{
  GDate due = date_from_iso ("2022-03-28");

  for (guint i = 0; i < G_N_ELEMENTS (evaluations); i++)
    {
      GDate today = date_from_iso (evaluations[i].today);
      AppealsDeadlineState state;

      g_test_message ("today %s", evaluations[i].today);
      appeals_deadline_rules_evaluate (fixture->rules, fixture->calendar, &due, &today, &state);
      g_assert_cmpint (state.status, ==, evaluations[i].status);
      g_assert_cmpint (state.working_days_left, ==, evaluations[i].left);
      g_assert_cmpint (state.working_days_overdue, ==, evaluations[i].overdue);
    }
}

/* An appeal's term by where it stands, due on Monday 28 March 2022 and
 * looked at on 2 April: it runs while the appeal is to be answered here;
 * answered, decided or forwarded in full, it has stopped. */
static const struct {
  AppealsStatus   status;
  AppealsDueState due_state;
  int             overdue;
} terms_by_status[] = {
  { APPEALS_STATUS_REGISTERED,                 APPEALS_DUE_STATE_OVERDUE, 4 },
  { APPEALS_STATUS_IN_PROGRESS,                APPEALS_DUE_STATE_OVERDUE, 4 },
  { APPEALS_STATUS_EXTENDED,                   APPEALS_DUE_STATE_OVERDUE, 4 },
  { APPEALS_STATUS_RETURNED,                   APPEALS_DUE_STATE_OVERDUE, 4 },
  { APPEALS_STATUS_FORWARDED,                  APPEALS_DUE_STATE_UNSET,   0 },
  { APPEALS_STATUS_ANSWERED,                   APPEALS_DUE_STATE_UNSET,   0 },
  { APPEALS_STATUS_CLOSED,                     APPEALS_DUE_STATE_UNSET,   0 },
  { APPEALS_STATUS_TERMINATED,                 APPEALS_DUE_STATE_UNSET,   0 },
  { APPEALS_STATUS_LEFT_WITHOUT_CONSIDERATION, APPEALS_DUE_STATE_UNSET,   0 },
};

static void
test_term_by_status (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GDate today = date_from_iso ("2022-04-02");

  for (guint i = 0; i < G_N_ELEMENTS (terms_by_status); i++)
    {
      g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();

      g_test_message ("status %d", terms_by_status[i].status);
      appeal->status = terms_by_status[i].status;
      appeal->due_date = date_from_iso ("2022-03-28");
      appeals_appeal_evaluate_due (appeal, fixture->rules, fixture->calendar, &today);
      g_assert_cmpint (appeal->due_state, ==, terms_by_status[i].due_state);
      g_assert_cmpint (appeal->working_days_overdue, ==, terms_by_status[i].overdue);
      g_assert_cmpint (appeals_appeal_is_open (appeal), ==, terms_by_status[i].overdue > 0);
    }
}

/* An answer is late after the term in force; one forwarded in full had
 * its term stopped the day it was forwarded (due 2022-03-28). */
static const struct
{
  AppealsStatus  status;      /* when the answer is recorded */
  const char    *forwarded;   /* the forwarding's date, if any */
  const char    *received;
  gboolean       late;
} answers[] = {
  { APPEALS_STATUS_IN_PROGRESS, NULL,         "2022-03-28", FALSE },
  { APPEALS_STATUS_IN_PROGRESS, NULL,         "2022-03-29", TRUE },
  { APPEALS_STATUS_EXTENDED,    NULL,         "2022-03-29", TRUE },
  { APPEALS_STATUS_FORWARDED,   "2022-03-25", "2022-04-15", FALSE },
  { APPEALS_STATUS_FORWARDED,   "2022-03-28", "2022-04-15", FALSE },
  { APPEALS_STATUS_FORWARDED,   "2022-03-30", "2022-04-15", TRUE },
  /* the answer's own day before the forwarding's */
  { APPEALS_STATUS_FORWARDED,   "2022-03-30", "2022-03-27", FALSE },
  /* forwarded in part: its term ran on here */
  { APPEALS_STATUS_IN_PROGRESS, "2022-03-25", "2022-04-15", TRUE },
};

static void
test_answer_late (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();
      GDate received = date_from_iso (answers[i].received);

      g_test_message ("answer %u", i);
      appeal->status = answers[i].status;
      appeal->due_date = date_from_iso ("2022-03-28");
      if (answers[i].forwarded != NULL)
        appeal->forwarding_date = date_from_iso (answers[i].forwarded);
      g_assert_cmpint (appeals_appeal_answer_is_late (appeal, &received), ==, answers[i].late);
    }
}

static const CoreTestMalformed malformed[] = {
  { "{\"format\":1}", "“registration_day_counts”" },
  { "{\"format\":1,\"registration_day_counts\":\"no\"}", "“registration_day_counts”" },
  { "{\"format\":1,\"registration_day_counts\":false,\"forwarding_working_days\":3}", "“extension”" },
  { "{\"format\":1,\"registration_day_counts\":false,\"forwarding_working_days\":3,"
    "\"extension\":{\"max_months\":2,\"notify_applicant_working_days\":3},"
    "\"kinds\":[{\"kind\":\"complaint\",\"working_days\":0}]}", "“kinds[0].working_days”" },
  { "{\"format\":1,\"registration_day_counts\":false,\"forwarding_working_days\":3,"
    "\"extension\":{\"max_months\":2,\"notify_applicant_working_days\":3},"
    "\"kinds\":[{\"kind\":\"complaint\",\"working_days\":20},{\"kind\":\"complaint\",\"working_days\":15}]}",
    "“kinds[1].kind”" },
};

static void
test_malformed (Fixture       *fixture,
                gconstpointer  user_data)
{
  core_test_assert_malformed_files ("deadlines.json", malformed, G_N_ELEMENTS (malformed),
                                    (CoreTestFileLoader) appeals_deadline_rules_new_from_file);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/deadline/terms", test_terms);
  ADD ("/deadline/due-dates", test_due_dates);
  ADD ("/deadline/unknown-kind", test_unknown_kind);
  ADD ("/deadline/forwarding", test_forwarding);
  ADD ("/deadline/extensions", test_extensions);
  ADD ("/deadline/evaluate", test_evaluate);
  ADD ("/deadline/term-by-status", test_term_by_status);
  g_test_add_func ("/deadline/answer-late", test_answer_late);
  ADD ("/deadline/malformed", test_malformed);

#undef ADD

  return g_test_run ();
}
