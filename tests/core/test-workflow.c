/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-workflow.c: the 13 steps of a personal reception and their due
 * dates around holidays, decree transfers and month ends; a reception
 * request's first steps and the earliest date its decision may fix.
 */
#include "config.h"

#include "appeals-core.h"

typedef struct
{
  const char *registered;
  const char *reception;
  const char *due[13];   /* NULL: no term (steps 12–13 follow the orders) */
  const char *why;
} Case;

static const Case cases[] = {
  { "2022-03-02", "2022-03-25",
    { "2022-03-03", "2022-03-05", "2022-03-10", "2022-03-11", "2022-03-11",
      "2022-03-16", "2022-03-17", "2022-03-17", "2022-03-24", "2022-03-25",
      "2022-03-30", NULL, NULL },
    "around the working Saturday, Women's Day and Nauryz" },
  { "2024-08-24", "2024-10-24",
    { "2024-08-27", "2024-08-29", "2024-09-03", "2024-09-04", "2024-09-04",
      "2024-10-18", "2024-10-21", "2024-10-21", "2024-10-23", "2024-10-24",
      "2024-10-30", NULL, NULL },
    "registered on a Saturday; the unified day before Republic Day" },
  { "2022-12-27", "2023-01-31",
    { "2022-12-28", "2022-12-30", "2023-01-05", "2023-01-06", "2023-01-06",
      "2023-01-25", "2023-01-26", "2023-01-26", "2023-01-30", "2023-01-31",
      "2023-02-03", NULL, NULL },
    "across the year end and New Year's moved day off" },
};

static void
test_step_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsWorkflow) workflow = appeals_workflow_new_default (&error);
  g_autoptr(AppealsCalendar) calendar = appeals_calendar_new_default (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (appeals_workflow_get_n_steps (workflow), ==, 13);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      GDate registered, reception;

      g_test_message ("%s", cases[c].why);
      appeals_date_parse_iso (cases[c].registered, &registered);
      appeals_date_parse_iso (cases[c].reception, &reception);

      for (guint i = 0; i < 13; i++)
        {
          g_autofree char *iso = NULL;
          GDate due;

          if (!appeals_workflow_compute_due (workflow, calendar, i, &registered, &reception, NULL, &due))
            {
              g_assert_null (cases[c].due[i]);
              continue;
            }
          iso = appeals_date_format_iso (&due);
          if (g_strcmp0 (iso, cases[c].due[i]) != 0)
            g_error ("%s, step %u (%s): %s, expected %s", cases[c].why, i + 1,
                     appeals_workflow_get_step (workflow, i)->code, iso, cases[c].due[i]);
          g_assert_true (appeals_calendar_is_working_day (calendar, &due));
        }
    }
}

static void
test_steps_without_reception (void)
{
  g_autoptr(AppealsWorkflow) workflow = appeals_workflow_new_default (NULL);
  g_autoptr(AppealsCalendar) calendar = appeals_calendar_new_default (NULL);
  GDate registered, due;

  appeals_date_parse_iso ("2022-03-02", &registered);
  /* steps counted from the registration have a term at once; the others wait for a date */
  g_assert_true (appeals_workflow_compute_due (workflow, calendar, 0, &registered, NULL, NULL, &due));
  g_assert_false (appeals_workflow_compute_due (workflow, calendar, 9, &registered, NULL, NULL, &due));
  g_assert_cmpstr (appeals_names_get (&appeals_workflow_get_step (workflow, 12)->name, "kk"), ==,
                   "Басшылықтың шешімі бойынша мұрағатқа тапсыру");
}

/* The protocol counts from the day the reception was held (until then
 * from the reception day); a day off before the held day does not move it. */
static const struct {
  const char *reception;
  const char *held;      /* NULL: not held yet */
  const char *protocol;  /* protocol_to_bodies */
  const char *why;
} held_cases[] = {
  { "2022-12-29", NULL, "2023-01-05", "not held yet: from the reception day, over New Year" },
  { "2022-12-29", "2022-12-30", "2023-01-06", "held a day late, on the year's last working day" },
  { "2023-01-31", "2023-01-31", "2023-02-03", "held on its day" },
};

static void
test_held_day (void)
{
  g_autoptr(AppealsWorkflow) workflow = appeals_workflow_new_default (NULL);
  g_autoptr(AppealsCalendar) calendar = appeals_calendar_new_default (NULL);
  static const char *codes[] = { "protocol_to_bodies" };

  for (guint c = 0; c < G_N_ELEMENTS (held_cases); c++)
    {
      const char *expected[] = { held_cases[c].protocol };
      GDate registered, reception, held;

      g_test_message ("%s", held_cases[c].why);
      appeals_date_parse_iso ("2022-12-01", &registered);
      appeals_date_parse_iso (held_cases[c].reception, &reception);
      g_date_clear (&held, 1);
      if (held_cases[c].held != NULL)
        appeals_date_parse_iso (held_cases[c].held, &held);

      for (guint i = 0; i < appeals_workflow_get_n_steps (workflow); i++)
        for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
          if (g_str_equal (appeals_workflow_get_step (workflow, i)->code, codes[k]))
            {
              g_autofree char *iso = NULL;
              GDate due;

              g_assert_true (appeals_workflow_compute_due (workflow, calendar, i, &registered, &reception,
                                                           held_cases[c].held != NULL ? &held : NULL, &due));
              iso = appeals_date_format_iso (&due);
              g_assert_cmpstr (iso, ==, expected[k]);
            }
    }
}

/* A reception request: steps 1–3 run from its registration, and the
 * earliest date a decision may fix leaves the calls, the materials to the
 * leadership (3 working days before) and the meeting (1 before) on or
 * after the day of the decision. */
static const struct {
  const char *registered;
  const char *decided;
  const char *due[3];     /* clarify, request_materials, reference_note */
  const char *earliest;
  const char *why;
} request_cases[] = {
  { "2026-12-15", "2026-12-15", { "2026-12-17", "2026-12-21", "2026-12-23" }, "2026-12-21",
    "the day before Independence Day" },
  { "2026-12-30", "2026-12-31", { "2026-12-31", "2027-01-06", "2027-01-11" }, "2027-01-08",
    "across the year end: 1 January, 2 January moved to Monday, Orthodox Christmas" },
  { "2027-01-02", "2027-01-05", { "2027-01-06", "2027-01-11", "2027-01-13" }, "2027-01-11",
    "registered on a Saturday of the New Year days off: counted from the first working day" },
  { "2026-05-08", "2026-05-08", { "2026-05-12", "2026-05-14", "2026-05-18" }, "2026-05-14",
    "between Defender of the Fatherland Day and Victory Day moved to Monday" },
};

static void
test_request_dates (void)
{
  g_autoptr(AppealsWorkflow) workflow = appeals_workflow_new_default (NULL);
  g_autoptr(AppealsCalendar) calendar = appeals_calendar_new_default (NULL);

  for (guint c = 0; c < G_N_ELEMENTS (request_cases); c++)
    {
      g_autofree char *earliest_iso = NULL;
      GDate registered, decided, earliest, before;

      g_test_message ("%s", request_cases[c].why);
      appeals_date_parse_iso (request_cases[c].registered, &registered);
      appeals_date_parse_iso (request_cases[c].decided, &decided);
      for (guint i = 0; i < G_N_ELEMENTS (request_cases[c].due); i++)
        {
          g_autofree char *iso = NULL;
          GDate due;

          g_assert_true (appeals_workflow_compute_due (workflow, calendar, i, &registered, NULL, NULL, &due));
          iso = appeals_date_format_iso (&due);
          if (g_strcmp0 (iso, request_cases[c].due[i]) != 0)
            g_error ("%s, step %u: %s, expected %s", request_cases[c].why, i + 1, iso, request_cases[c].due[i]);
        }

      g_assert_true (appeals_workflow_earliest_reception (workflow, calendar, &decided, &earliest));
      earliest_iso = appeals_date_format_iso (&earliest);
      if (g_strcmp0 (earliest_iso, request_cases[c].earliest) != 0)
        g_error ("%s: earliest %s, expected %s", request_cases[c].why, earliest_iso, request_cases[c].earliest);

      /* a working day earlier would leave the calls already late */
      appeals_calendar_previous_working_day (calendar, &earliest, &before);
      for (guint i = 0; i < appeals_workflow_get_n_steps (workflow); i++)
        if (g_str_equal (appeals_workflow_get_step (workflow, i)->code, "reminder_calls"))
          {
            GDate due;

            g_assert_true (appeals_workflow_compute_due (workflow, calendar, i, &registered, &before, NULL, &due));
            g_assert_cmpint (g_date_compare (&due, &decided), <, 0);
            g_assert_true (appeals_workflow_compute_due (workflow, calendar, i, &registered, &earliest, NULL, &due));
            g_assert_cmpint (g_date_compare (&due, &decided), >=, 0);
          }
    }
}

/* Steps 12–13 follow the protocol's orders: the control is due on the
 * latest term of the orders still on control (of all once none is) and
 * done when none is; the archive the working day after. Terms around
 * holidays and the year end, from the calendar. */
#define MAX_ORDERS 3

static const struct {
  const char *terms[MAX_ORDERS];   /* NULL-ended */
  gboolean    on_control[MAX_ORDERS];
  const char *control;             /* protocol_control's due; NULL: no term */
  gboolean    control_done;
  const char *archive;             /* archive's due */
  const char *why;
} order_cases[] = {
  { { NULL }, { FALSE }, NULL, FALSE, NULL, "no orders yet: no term, not done" },
  { { "2026-12-10", "2026-12-24", NULL }, { TRUE, TRUE }, "2026-12-24", FALSE, "2026-12-25",
    "two on control: the later term" },
  { { "2026-12-10", "2026-12-24", NULL }, { TRUE, FALSE }, "2026-12-10", FALSE, "2026-12-11",
    "the later executed: the term of the one still on control" },
  { { "2026-12-10", "2026-12-24", NULL }, { FALSE, FALSE }, "2026-12-24", TRUE, "2026-12-25",
    "all executed or taken off: done, the archive after the last term" },
  { { "2026-12-31", NULL }, { TRUE }, "2026-12-31", FALSE, "2027-01-05",
    "over New Year: 1 January, and 2 January (a Saturday) moved to Monday the 4th" },
  { { "2026-12-15", "2026-12-31", "2026-12-01" }, { TRUE, FALSE, TRUE }, "2026-12-15", FALSE, "2026-12-17",
    "Independence Day (16 December) between the term and the archive" },
};

static void
test_steps_follow_orders (void)
{
  g_autoptr(AppealsWorkflow) workflow = appeals_workflow_new_default (NULL);
  g_autoptr(AppealsCalendar) calendar = appeals_calendar_new_default (NULL);

  for (guint c = 0; c < G_N_ELEMENTS (order_cases); c++)
    {
      GDate terms[MAX_ORDERS];
      guint n = 0;

      g_test_message ("%s", order_cases[c].why);
      while (n < MAX_ORDERS && order_cases[c].terms[n] != NULL)
        {
          g_assert_true (appeals_date_parse_iso (order_cases[c].terms[n], &terms[n]));
          n++;
        }
      for (guint i = 0; i < appeals_workflow_get_n_steps (workflow); i++)
        {
          const AppealsWorkflowStep *step = appeals_workflow_get_step (workflow, i);
          gboolean control = g_str_equal (step->code, "protocol_control");
          const char *expected = control ? order_cases[c].control : order_cases[c].archive;
          g_autofree char *iso = NULL;
          gboolean done = TRUE;
          GDate due;

          if (!control && !g_str_equal (step->code, "archive"))
            {
              /* the other steps do not follow the orders */
              g_assert_false (appeals_workflow_follow_orders (workflow, calendar, i, terms,
                                                              order_cases[c].on_control, n, &due, &done));
              continue;
            }
          g_assert_cmpint (step->anchor, ==, APPEALS_STEP_ANCHOR_ORDERS);
          if (!appeals_workflow_follow_orders (workflow, calendar, i, terms, order_cases[c].on_control, n, &due,
                                               &done))
            {
              g_assert_null (expected);
              g_assert_false (done);
              continue;
            }
          iso = appeals_date_format_iso (&due);
          if (g_strcmp0 (iso, expected) != 0)
            g_error ("%s, %s: %s, expected %s", order_cases[c].why, step->code, iso, expected);
          g_assert_cmpint (done, ==, control && order_cases[c].control_done);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workflow/step-dates", test_step_dates);
  g_test_add_func ("/workflow/without-reception", test_steps_without_reception);
  g_test_add_func ("/workflow/held-day", test_held_day);
  g_test_add_func ("/workflow/steps-follow-orders", test_steps_follow_orders);
  g_test_add_func ("/workflow/request-dates", test_request_dates);

  return g_test_run ();
}
