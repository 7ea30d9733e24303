/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-order.c: orders under control — the due date counted in working
 * days by the real calendar, what makes an order overdue, the checks of
 * its fields and reports, its JSON with the reports; and the applicant
 * that is an organisation.
 */
#include "config.h"

#include "appeals-core.h"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static void
set_date (GDate      *date,
          const char *text)
{
  g_assert_true (appeals_date_parse_iso (text, date));
}

static const struct
{
  const char *given_on;
  gint64      working_days;
  const char *due;
  const char *why;
} due_cases[] = {
  { "2026-02-02", 5, "2026-02-09", "Monday + 5: the weekend is not counted" },
  { "2026-02-06", 1, "2026-02-09", "Friday + 1 is Monday" },
  { "2026-01-05", 3, "2026-01-09", "Orthodox Christmas (Wednesday 7 January) is not a working day" },
  { "2026-03-20", 1, "2026-03-26", "Nauryz 21–23 March and its days moved off the weekend (24, 25 March)" },
  { "2026-12-11", 3, "2026-12-17", "Independence Day (16 December) is not counted" },
  { "2026-11-30", 60, NULL, "a long term lands on a working day" },
};

static void
test_due_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsCalendar) calendar = appeals_calendar_new_default (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    {
      g_autoptr(AppealsOrder) order = appeals_order_new ();
      g_autofree char *due = NULL;

      g_test_message ("%s + %" G_GINT64_FORMAT ": %s", due_cases[i].given_on, due_cases[i].working_days,
                      due_cases[i].why);
      set_date (&order->given_on, due_cases[i].given_on);
      order->working_days = due_cases[i].working_days;
      appeals_order_compute_due (order, calendar);
      due = appeals_date_format_iso (&order->due_date);
      if (due_cases[i].due != NULL)
        g_assert_cmpstr (due, ==, due_cases[i].due);
      g_assert_true (appeals_calendar_is_working_day (calendar, &order->due_date));
      g_assert_cmpint (appeals_calendar_count_working_days (calendar, &order->given_on, &order->due_date), ==,
                       due_cases[i].working_days);
    }
}

/* An order moved from the old protocol had a date, not a term: it keeps it. */
static void
test_due_kept_without_term (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsCalendar) calendar = appeals_calendar_new_default (&error);
  g_autoptr(AppealsOrder) order = appeals_order_new ();
  g_autofree char *due = NULL;

  set_date (&order->given_on, "2026-01-14");
  set_date (&order->due_date, "2026-01-28");
  appeals_order_compute_due (order, calendar);
  due = appeals_date_format_iso (&order->due_date);
  g_assert_cmpstr (due, ==, "2026-01-28");
}

static const struct
{
  AppealsOrderControl status;
  const char         *due;
  const char         *today;
  gboolean            overdue;
  gint64              days_overdue;
} overdue_cases[] = {
  { APPEALS_ORDER_CONTROL_ON_CONTROL, "2026-02-09", "2026-02-09", FALSE, 0 },   /* due today: still in time */
  { APPEALS_ORDER_CONTROL_ON_CONTROL, "2026-02-09", "2026-02-10", TRUE, 1 },
  { APPEALS_ORDER_CONTROL_ON_CONTROL, "2026-02-06", "2026-02-09", TRUE, 1 },    /* Friday to Monday: one working day */
  { APPEALS_ORDER_CONTROL_ON_CONTROL, "2026-02-06", "2026-02-08", TRUE, 0 },    /* late since Saturday, no working day yet */
  { APPEALS_ORDER_CONTROL_ON_CONTROL, "2026-02-02", "2026-02-16", TRUE, 10 },
  { APPEALS_ORDER_CONTROL_EXECUTED, "2026-02-02", "2026-02-16", FALSE, 0 },
  { APPEALS_ORDER_CONTROL_TAKEN_OFF, "2026-02-02", "2026-02-16", FALSE, 0 },
};

static void
test_overdue (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsCalendar) calendar = appeals_calendar_new_default (&error);

  for (guint i = 0; i < G_N_ELEMENTS (overdue_cases); i++)
    {
      g_autoptr(AppealsOrder) order = appeals_order_new ();
      GDate today;

      g_test_message ("case %u: due %s, today %s", i, overdue_cases[i].due, overdue_cases[i].today);
      order->status = overdue_cases[i].status;
      set_date (&order->due_date, overdue_cases[i].due);
      set_date (&today, overdue_cases[i].today);
      appeals_order_evaluate_overdue (order, calendar, &today);
      g_assert_cmpint (order->overdue, ==, overdue_cases[i].overdue);
      g_assert_cmpint (order->days_overdue, ==, overdue_cases[i].days_overdue);
    }
}

static const struct
{
  const char *input;
  const char *field;
  const char *code;   /* NULL: valid */
} validation_cases[] = {
  { "{\"source\":\"akim\",\"text\":\"Тексеру\",\"appeal_id\":3,\"executor_body\":\"education\",\"working_days\":10}",
    NULL, NULL },
  { "{\"source\":\"akim\",\"text\":\"Тексеру\",\"reception_id\":3,\"executor_body\":\"education\",\"working_days\":10}",
    NULL, NULL },
  { "{\"text\":\"Тексеру\",\"appeal_id\":3,\"executor_body\":\"education\",\"working_days\":10}", "source", "required" },
  { "{\"source\":\"akim\",\"text\":\"  \",\"appeal_id\":3,\"executor_body\":\"education\",\"working_days\":10}",
    "text", "required" },
  { "{\"source\":\"akim\",\"text\":\"Тексеру\",\"executor_body\":\"education\",\"working_days\":10}",
    "appeal_id", "required" },
  { "{\"source\":\"akim\",\"text\":\"Тексеру\",\"appeal_id\":3,\"executor_body\":\"education\"}",
    "working_days", "required" },
  { "{\"source\":\"akim\",\"text\":\"Тексеру\",\"appeal_id\":3,\"executor_body\":\"education\",\"working_days\":-1}",
    "working_days", "out_of_range" },
  { "{\"source\":\"akim\",\"text\":\"Тексеру\",\"appeal_id\":3,\"executor_body\":\"education\",\"working_days\":251}",
    "working_days", "out_of_range" },
  { "{\"source\":\"akim\",\"text\":\"Тексеру\",\"appeal_id\":3,\"executor_body\":\"education\",\"working_days\":5,"
    "\"given_on\":\"2026-02-02\",\"check_date\":\"2026-01-30\"}", "check_date", "out_of_range" },
  { "{\"source\":\"akim\",\"text\":\"Тексеру\",\"appeal_id\":3,\"executor_body\":\"education\",\"working_days\":5,"
    "\"check_findings\":\"Барып көрдік\"}", "check_date", "required" },
  { "{\"source\":\"akim\",\"text\":\"Тексеру\",\"appeal_id\":3,\"executor_body\":\"education\",\"working_days\":5,"
    "\"status\":\"done\"}", "status", "invalid_value" },
  { "{\"source\":\"akim\",\"text\":\"Тексеру\",\"appeal_id\":3,\"executor_body\":\"education\",\"working_days\":5,"
    "\"overdue\":true,\"due_date\":\"2020-01-01\"}", NULL, NULL },   /* computed members are ignored */
};

static void
test_validation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      g_autoptr(JsonNode) node = parse_json (validation_cases[i].input);
      g_autoptr(AppealsOrder) order = appeals_order_new ();
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
      const AppealsFieldError *found;

      g_test_message ("case %u: %s", i, validation_cases[i].input);
      appeals_record_read_members (appeals_order_get_record_type (), order, json_node_get_object (node),
                                   APPEALS_RECORD_CREATE, errors);
      appeals_order_validate (order, errors);
      if (validation_cases[i].code == NULL)
        {
          g_assert_cmpuint (errors->len, ==, 0);
          g_assert_false (order->overdue);
          g_assert_false (g_date_valid (&order->due_date));
          continue;
        }
      found = appeals_field_errors_find (errors, validation_cases[i].field);
      g_assert_nonnull (found);
      g_assert_cmpstr (found->code, ==, validation_cases[i].code);
    }
}

static void
test_report_validation (void)
{
  static const struct
  {
    const char *input;
    const char *field;
    const char *code;
  } cases[] = {
    { "{\"reported_on\":\"2026-02-03\",\"text\":\"Жұмыс басталды\"}", NULL, NULL },
    { "{\"text\":\"Жұмыс басталды\"}", "reported_on", "required" },
    { "{\"reported_on\":\"2026-02-03\",\"text\":\" \"}", "text", "required" },
    { "{\"reported_on\":\"2026-02-11\",\"text\":\"Ертең\"}", "reported_on", "out_of_range" },
    { "{\"reported_on\":\"2026-02-31\",\"text\":\"x\"}", "reported_on", "invalid_date" },
  };
  GDate today;

  set_date (&today, "2026-02-10");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse_json (cases[i].input);
      g_autoptr(AppealsOrderReport) report = appeals_order_report_new ();
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

      g_test_message ("case %u: %s", i, cases[i].input);
      appeals_record_read_members (appeals_order_report_get_record_type (), report, json_node_get_object (node),
                                   APPEALS_RECORD_CREATE, errors);
      appeals_order_report_validate (report, &today, errors);
      if (cases[i].code == NULL)
        g_assert_cmpuint (errors->len, ==, 0);
      else
        g_assert_cmpstr (appeals_field_errors_find (errors, cases[i].field)->code, ==, cases[i].code);
    }
}

/* The server's answer reads back whole, reports included. */
static void
test_round_trip (void)
{
  g_autoptr(JsonNode) node = parse_json (
    "{\"id\":9,\"version\":2,\"source\":\"president\",\"text\":\"Мектеп салу\",\"appeal_id\":4,\"reception_id\":0,"
    "\"executor_body\":\"education\",\"given_on\":\"2026-02-02\",\"working_days\":5,\"due_date\":\"2026-02-09\","
    "\"status\":\"on_control\",\"executed_at\":null,\"check_date\":\"2026-02-05\",\"check_findings\":\"Жүріп жатыр\","
    "\"conclusion\":null,\"overdue\":true,\"days_overdue\":3,\"created_by\":\"controller\","
    "\"created_at\":\"2026-02-02T09:00:00Z\",\"updated_at\":\"2026-02-05T10:00:00Z\","
    "\"reports\":[{\"id\":1,\"reported_on\":\"2026-02-04\",\"text\":\"Жоба\",\"created_by\":\"registrar\","
    "\"created_at\":\"2026-02-04T09:00:00Z\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsOrder) order = appeals_order_new_from_json (node, &error);
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(AppealsOrder) again = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  AppealsOrderReport *report;

  g_assert_no_error (error);
  g_assert_cmpint (order->status, ==, APPEALS_ORDER_CONTROL_ON_CONTROL);
  g_assert_true (order->overdue);
  g_assert_cmpint (order->days_overdue, ==, 3);
  g_assert_cmpuint (order->reports->len, ==, 1);
  report = g_ptr_array_index (order->reports, 0);
  g_assert_cmpstr (report->text, ==, "Жоба");

  written = appeals_order_to_json (order);
  again = appeals_order_new_from_json (written, &error);
  g_assert_no_error (error);
  changed = appeals_record_diff (appeals_order_get_record_type (), order, again);
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_cmpuint (again->reports->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (written), "status"), ==, "on_control");
}

/* A BIN card names the organisation and says who speaks for it; an IIN
 * card names neither; the BIN's check digit is checked. */
static void
test_organisation_applicant (void)
{
  static const struct
  {
    const char *input;
    const char *field;
    const char *code;
  } cases[] = {
    { "{\"iin\":\"940140000385\",\"surname\":\"Ахметов\",\"given_name\":\"Нұрлан\",\"address\":\"Қостанай\","
      "\"organisation_name\":\"«Дән» ЖШС\",\"representative_position\":\"директор\"}", NULL, NULL },
    { "{\"iin\":\"940140000385\",\"surname\":\"Ахметов\",\"given_name\":\"Нұрлан\",\"address\":\"Қостанай\","
      "\"representative_position\":\"директор\"}", "organisation_name", "required" },
    { "{\"iin\":\"940140000385\",\"surname\":\"Ахметов\",\"given_name\":\"Нұрлан\",\"address\":\"Қостанай\","
      "\"organisation_name\":\"«Дән» ЖШС\",\"representative_position\":\"  \"}", "representative_position", "required" },
    { "{\"iin\":\"061211600012\",\"surname\":\"Ахметов\",\"given_name\":\"Нұрлан\",\"address\":\"Қостанай\","
      "\"organisation_name\":\"«Дән» ЖШС\"}", "organisation_name", "invalid_value" },
    { "{\"iin\":\"061211600012\",\"surname\":\"Ахметов\",\"given_name\":\"Нұрлан\",\"address\":\"Қостанай\","
      "\"representative_position\":\"директор\"}", "representative_position", "invalid_value" },
    { "{\"iin\":\"940140000386\",\"surname\":\"Ахметов\",\"given_name\":\"Нұрлан\",\"address\":\"Қостанай\","
      "\"organisation_name\":\"«Дән» ЖШС\",\"representative_position\":\"директор\"}", "iin", "invalid_iin" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse_json (cases[i].input);
      g_autoptr(AppealsApplicant) applicant = appeals_applicant_new ();
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

      g_test_message ("case %u: %s", i, cases[i].input);
      appeals_record_read_members (appeals_applicant_get_record_type (), applicant, json_node_get_object (node),
                                   APPEALS_RECORD_CREATE, errors);
      appeals_applicant_validate (applicant, errors);
      if (cases[i].code == NULL)
        {
          g_autofree char *name = appeals_applicant_dup_full_name (applicant);

          g_assert_cmpuint (errors->len, ==, 0);
          g_assert_true (appeals_applicant_is_organisation (applicant));
          g_assert_false (g_date_valid (&applicant->birth_date));
          g_assert_cmpstr (name, ==, "«Дән» ЖШС Ахметов Нұрлан");
        }
      else
        g_assert_cmpstr (appeals_field_errors_find (errors, cases[i].field)->code, ==, cases[i].code);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/order/due-dates", test_due_dates);
  g_test_add_func ("/order/due-kept-without-term", test_due_kept_without_term);
  g_test_add_func ("/order/overdue", test_overdue);
  g_test_add_func ("/order/validation", test_validation);
  g_test_add_func ("/order/report-validation", test_report_validation);
  g_test_add_func ("/order/round-trip", test_round_trip);
  g_test_add_func ("/applicant/organisation", test_organisation_applicant);

  return g_test_run ();
}
