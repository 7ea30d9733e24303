/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-expertise.c: the wire format of expertise rounds and of the
 * answer-quality ranking — what the server sends is read into the core
 * models, malformed answers are refused with a parse error, and a verdict
 * is written as the server expects it.
 */
#include "config.h"

#include "core-test-util.h"

/* Rounds as the server sends them ------------------------------------------- */

#define CRITERIA "\"criteria\":[{\"code\":\"all_arguments\",\"answer\":\"yes\"}," \
                 "{\"code\":\"justified\",\"answer\":\"no\",\"comment\":\"Нет ссылок на закон\"}]"

static const struct {
  const char *name;
  const char *json;
  gint64      id;
  gint64      round;
  AppealsVerdict verdict;
  AppealsExpertiseState state;
  double      score;
  guint       n_criteria;
  guint       n_cross_checks;
  const char *rework_due;       /* NULL: none */
  const char *registration_number;
} round_cases[] = {
  { "a returned round awaiting approval",
    "{\"id\":5,\"appeal_id\":42,\"round\":1,\"previous_id\":null,\"body\":\"education\",\"answer\":\"Ответ\","
    CRITERIA ",\"cross_checks\":[{\"code\":\"phone_call\",\"date\":\"2026-11-20\",\"result\":\"Подтвердил\"}],"
    "\"score\":62.5,\"verdict\":\"returned\",\"reasons\":\"Нет ссылок\",\"rework_due\":\"2026-12-04\","
    "\"overdue\":false,\"state\":\"awaiting_approval\",\"analyst\":\"analyst\",\"approved_by\":null,"
    "\"approved_at\":null,\"created_at\":\"2026-11-20T09:00:00Z\",\"registration_number\":\"ЖТ-2026/000042\","
    "\"annotation\":\"Тұрғын үй\"}",
    5, 1, APPEALS_VERDICT_RETURNED, APPEALS_EXPERTISE_STATE_AWAITING_APPROVAL, 62.5, 2, 1, "2026-12-04",
    "ЖТ-2026/000042" },
  { "an accepted final round, the score a whole number",
    "{\"id\":6,\"appeal_id\":43,\"round\":2,\"previous_id\":5,\"verdict\":\"accepted\",\"state\":\"final\","
    "\"score\":100,\"criteria\":[],\"cross_checks\":[],\"approved_by\":\"head\","
    "\"approved_at\":\"2026-11-21T10:30:00+05:00\"}",
    6, 2, APPEALS_VERDICT_ACCEPTED, APPEALS_EXPERTISE_STATE_FINAL, 100, 0, 0, NULL, NULL },
  { "lists the storage could not read come as null",
    "{\"id\":7,\"round\":1,\"verdict\":\"accepted\",\"state\":\"final\",\"score\":0,"
    "\"criteria\":null,\"cross_checks\":null}",
    7, 1, APPEALS_VERDICT_ACCEPTED, APPEALS_EXPERTISE_STATE_FINAL, 0, 0, 0, NULL, NULL },
};

static void
test_round_from_json (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (round_cases); i++)
    {
      g_autoptr(JsonNode) node = core_test_parse_json (round_cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsExpertise) round = appeals_expertise_new_from_json (node, &error);
      g_autoptr(AppealsExpertise) again = NULL;
      g_autoptr(GPtrArray) changed = NULL;

      g_test_message ("%s", round_cases[i].name);
      g_assert_no_error (error);
      g_assert_cmpint (round->id, ==, round_cases[i].id);
      g_assert_cmpint (round->round, ==, round_cases[i].round);
      g_assert_cmpint (round->verdict, ==, round_cases[i].verdict);
      g_assert_cmpint (round->state, ==, round_cases[i].state);
      g_assert_cmpfloat_with_epsilon (round->score, round_cases[i].score, 1e-9);
      g_assert_cmpuint (round->criteria->len, ==, round_cases[i].n_criteria);
      g_assert_cmpuint (round->cross_checks->len, ==, round_cases[i].n_cross_checks);
      g_assert_cmpstr (round->registration_number, ==, round_cases[i].registration_number);
      if (round_cases[i].rework_due != NULL)
        {
          g_autofree char *due = appeals_date_format_iso (&round->rework_due);
          g_assert_cmpstr (due, ==, round_cases[i].rework_due);
        }
      else
        g_assert_false (g_date_valid (&round->rework_due));

      /* what is written reads back the same */
      again = core_test_round_trip (round, (CoreTestWriter) appeals_expertise_to_json,
                                    (CoreTestReader) appeals_expertise_new_from_json);
      changed = appeals_record_diff (appeals_expertise_get_record_type (), round, again);
      g_assert_cmpuint (changed->len, ==, 0);
      g_assert_cmpfloat_with_epsilon (again->score, round->score, 1e-9);
      g_assert_cmpuint (again->criteria->len, ==, round->criteria->len);
      g_assert_cmpuint (again->cross_checks->len, ==, round->cross_checks->len);
    }
}

static void
test_round_criteria (void)
{
  g_autoptr(JsonNode) node = core_test_parse_json (round_cases[0].json);
  g_autoptr(AppealsExpertise) round = appeals_expertise_new_from_json (node, NULL);
  const AppealsCriterionResult *first = g_ptr_array_index (round->criteria, 0);
  const AppealsCriterionResult *second = g_ptr_array_index (round->criteria, 1);
  const AppealsCrossCheck *check = g_ptr_array_index (round->cross_checks, 0);

  g_assert_cmpstr (first->code, ==, "all_arguments");
  g_assert_cmpint (first->answer, ==, APPEALS_CRITERION_ANSWER_YES);
  g_assert_null (first->comment);
  g_assert_cmpint (second->answer, ==, APPEALS_CRITERION_ANSWER_NO);
  g_assert_cmpstr (second->comment, ==, "Нет ссылок на закон");
  g_assert_cmpstr (check->code, ==, "phone_call");
  g_assert_cmpuint (g_date_get_day (&check->date), ==, 20);
  g_assert_cmpstr (check->result, ==, "Подтвердил");
}

static const struct {
  const char *name;
  const char *json;
} malformed_rounds[] = {
  { "not an object", "[1,2]" },
  { "an unknown verdict", "{\"id\":1,\"verdict\":\"maybe\"}" },
  { "an unknown state", "{\"id\":1,\"state\":\"lost\"}" },
  { "the score as text", "{\"id\":1,\"score\":\"62\"}" },
  { "criteria not a list", "{\"id\":1,\"criteria\":{\"code\":\"justified\"}}" },
  { "a criterion without a code", "{\"id\":1,\"criteria\":[{\"answer\":\"yes\"}]}" },
  { "a criterion answered unknowingly", "{\"id\":1,\"criteria\":[{\"code\":\"justified\",\"answer\":\"perhaps\"}]}" },
  { "a cross-check without a date", "{\"id\":1,\"cross_checks\":[{\"code\":\"phone_call\"}]}" },
  { "a cross-check with a bad date", "{\"id\":1,\"cross_checks\":[{\"code\":\"phone_call\",\"date\":\"20.11.2026\"}]}" },
};

static void
test_round_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed_rounds); i++)
    {
      g_autoptr(JsonNode) node = core_test_parse_json (malformed_rounds[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsExpertise) round = appeals_expertise_new_from_json (node, &error);

      g_test_message ("%s", malformed_rounds[i].name);
      g_assert_null (round);
      g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
    }
}

/* A verdict as the analyst sends it ------------------------------------------- */

static const struct {
  const char     *name;
  AppealsVerdict  verdict;
  const char     *reasons;
  const char     *comment;
  const char     *cross_result;   /* NULL: no cross-check */
  const char     *expected;
} verdict_cases[] = {
  { "accepted: no reasons are sent", APPEALS_VERDICT_ACCEPTED, "ignored", NULL, NULL,
    "{\"criteria\":[{\"code\":\"justified\",\"answer\":\"yes\"}],\"cross_checks\":[],\"verdict\":\"accepted\"}" },
  { "returned: the reasons go with it", APPEALS_VERDICT_RETURNED, "Нет ссылок", "Без закона", NULL,
    "{\"criteria\":[{\"code\":\"justified\",\"answer\":\"yes\",\"comment\":\"Без закона\"}],"
    "\"cross_checks\":[],\"verdict\":\"returned\",\"reasons\":\"Нет ссылок\"}" },
  { "an empty comment is not sent", APPEALS_VERDICT_ACCEPTED, NULL, "", NULL,
    "{\"criteria\":[{\"code\":\"justified\",\"answer\":\"yes\"}],\"cross_checks\":[],\"verdict\":\"accepted\"}" },
  { "a cross-check with its date and result", APPEALS_VERDICT_ACCEPTED, NULL, NULL, "Подтвердил",
    "{\"criteria\":[{\"code\":\"justified\",\"answer\":\"yes\"}],"
    "\"cross_checks\":[{\"code\":\"phone_call\",\"date\":\"2026-11-30\",\"result\":\"Подтвердил\"}],"
    "\"verdict\":\"accepted\"}" },
};

static void
test_verdict_to_json (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (verdict_cases); i++)
    {
      g_autoptr(AppealsExpertise) verdict = appeals_expertise_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      g_test_message ("%s", verdict_cases[i].name);
      verdict->verdict = verdict_cases[i].verdict;
      verdict->reasons = g_strdup (verdict_cases[i].reasons);
      appeals_expertise_add_criterion (verdict, "justified", APPEALS_CRITERION_ANSWER_YES, verdict_cases[i].comment);
      if (verdict_cases[i].cross_result != NULL)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 30, G_DATE_NOVEMBER, 2026);
          appeals_expertise_add_cross_check (verdict, "phone_call", &date, verdict_cases[i].cross_result);
        }

      node = appeals_expertise_verdict_to_json (verdict);
      text = json_to_string (node, FALSE);
      g_assert_cmpstr (text, ==, verdict_cases[i].expected);
    }
}

/* The answer-quality ranking ---------------------------------------------------- */

static const struct {
  const char *name;
  const char *json;
  gboolean    valid;
  const char *body;
  gboolean    ranked;
  guint       rank;
  guint       answers;
  double      accepted_first;
  double      average_score;
  guint       reworks;
  guint       overdue;
} quality_cases[] = {
  { "a ranked body",
    "{\"body\":\"education\",\"rank\":1,\"answers\":4,\"accepted_first\":0.75,\"average_score\":86.5,"
    "\"reworks\":1,\"overdue\":0}", TRUE, "education", TRUE, 1, 4, 0.75, 86.5, 1, 0 },
  { "too few answers: listed, not ranked",
    "{\"body\":\"health\",\"rank\":null,\"answers\":1,\"accepted_first\":1,\"average_score\":100,"
    "\"reworks\":0,\"overdue\":2}", TRUE, "health", FALSE, 0, 1, 1, 100, 0, 2 },
  { "without a body", "{\"rank\":1,\"answers\":4,\"accepted_first\":0.5,\"average_score\":80,\"reworks\":0,"
    "\"overdue\":0}", FALSE },
  { "a negative count", "{\"body\":\"health\",\"rank\":1,\"answers\":-1,\"accepted_first\":0.5,"
    "\"average_score\":80,\"reworks\":0,\"overdue\":0}", FALSE },
  { "a share as text", "{\"body\":\"health\",\"rank\":1,\"answers\":4,\"accepted_first\":\"50%\","
    "\"average_score\":80,\"reworks\":0,\"overdue\":0}", FALSE },
  { "rank zero", "{\"body\":\"health\",\"rank\":0,\"answers\":4,\"accepted_first\":0.5,"
    "\"average_score\":80,\"reworks\":0,\"overdue\":0}", FALSE },
  { "a missing figure", "{\"body\":\"health\",\"rank\":2,\"answers\":4,\"accepted_first\":0.5,"
    "\"average_score\":80,\"reworks\":0}", FALSE },
};

static void
test_body_quality_json (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (quality_cases); i++)
    {
      g_autoptr(AppealsBodyQuality) quality = core_test_read_case (quality_cases[i].name, quality_cases[i].json,
                                                                   quality_cases[i].valid, (CoreTestReader) appeals_body_quality_new_from_json);
      g_autoptr(AppealsBodyQuality) again = NULL;

      if (quality == NULL)
        continue;
      g_assert_cmpstr (quality->body, ==, quality_cases[i].body);
      g_assert_cmpint (quality->ranked, ==, quality_cases[i].ranked);
      g_assert_cmpuint (quality->rank, ==, quality_cases[i].rank);
      g_assert_cmpuint (quality->answers, ==, quality_cases[i].answers);
      g_assert_cmpfloat_with_epsilon (quality->accepted_first, quality_cases[i].accepted_first, 1e-9);
      g_assert_cmpfloat_with_epsilon (quality->average_score, quality_cases[i].average_score, 1e-9);
      g_assert_cmpuint (quality->reworks, ==, quality_cases[i].reworks);
      g_assert_cmpuint (quality->overdue, ==, quality_cases[i].overdue);

      /* the server writes what the client reads */
      again = core_test_round_trip (quality, (CoreTestWriter) appeals_body_quality_to_json,
                                    (CoreTestReader) appeals_body_quality_new_from_json);
      g_assert_cmpint (again->ranked, ==, quality->ranked);
      g_assert_cmpuint (again->rank, ==, quality->rank);
      g_assert_cmpuint (again->overdue, ==, quality->overdue);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/expertise/round-from-json", test_round_from_json);
  g_test_add_func ("/expertise/round-criteria", test_round_criteria);
  g_test_add_func ("/expertise/round-malformed", test_round_malformed);
  g_test_add_func ("/expertise/verdict-to-json", test_verdict_to_json);
  g_test_add_func ("/expertise/body-quality-json", test_body_quality_json);

  return g_test_run ();
}
