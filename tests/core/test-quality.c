/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-quality.c: answer-quality expertise in the core — scores from the
 * template's weights, reasons pre-filled from failed criteria, rework
 * deadlines in working days, and the ranking of bodies.
 */
#include "config.h"

#include "appeals-core.h"

#define Y APPEALS_CRITERION_ANSWER_YES
#define P APPEALS_CRITERION_ANSWER_PARTLY
#define N APPEALS_CRITERION_ANSWER_NO

static AppealsChecklistTemplate *
load_template (void)
{
  g_autoptr(GError) error = NULL;
  AppealsChecklistTemplate *template = appeals_checklist_template_new_default (&error);

  g_assert_no_error (error);
  return template;
}

static const struct {
  AppealsCriterionAnswer answers[6];
  const char            *reasons_ru;
  int                    n_lines;
} reasons[] = {
  { { Y, Y, Y, Y, Y, Y }, "", 0 },
  { { Y, N, Y, Y, N, Y },
    "— Ответ обоснован и мотивирован, со ссылками на законодательство\n— Разъяснено право обжалования решения", 2 },
  { { P, Y, Y, Y, Y, Y }, "— Рассмотрены все доводы заявителя (±)", 1 },
};

static void
test_reasons (void)
{
  g_autoptr(AppealsChecklistTemplate) template = load_template ();

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_autofree char *ru = appeals_checklist_template_dup_reasons (template, reasons[i].answers, "ru");
      g_autofree char *kk = appeals_checklist_template_dup_reasons (template, reasons[i].answers, "kk");
      g_auto(GStrv) lines = g_strsplit (kk, "\n", -1);

      g_assert_cmpstr (ru, ==, reasons[i].reasons_ru);
      g_assert_cmpuint (*kk == '\0' ? 0 : g_strv_length (lines), ==, reasons[i].n_lines);
    }
}

static const struct {
  const char *returned_on;
  const char *due;
} rework_dues[] = {
  { "2022-03-01", "2022-03-16" },   /* 10 working days over Women's Day and the working Saturday */
  { "2022-12-20", "2023-01-05" },   /* over New Year and its moved day off */
  { "2024-08-26", "2024-09-10" },   /* over Constitution Day on a Friday */
};

static void
test_rework_due (void)
{
  g_autoptr(AppealsChecklistTemplate) template = load_template ();
  g_autoptr(AppealsCalendar) calendar = appeals_calendar_new_default (NULL);

  g_assert_cmpint (appeals_checklist_template_get_rework_days (template), ==, 10);
  for (guint i = 0; i < G_N_ELEMENTS (rework_dues); i++)
    {
      g_autofree char *iso = NULL;
      GDate returned, due;

      appeals_date_parse_iso (rework_dues[i].returned_on, &returned);
      appeals_checklist_template_compute_rework_due (template, calendar, &returned, &due);
      iso = appeals_date_format_iso (&due);
      g_test_message ("returned %s", rework_dues[i].returned_on);
      g_assert_cmpstr (iso, ==, rework_dues[i].due);
    }
}

static const AppealsExpertiseResult results[] = {
  /* education: 5 appeals, 4 accepted first time, one reworked then accepted */
  { "education", 1, 1, TRUE, 100, FALSE },
  { "education", 2, 1, TRUE, 90, FALSE },
  { "education", 3, 1, TRUE, 95, FALSE },
  { "education", 4, 1, TRUE, 85, FALSE },
  { "education", 5, 1, FALSE, 40, TRUE },
  { "education", 5, 2, TRUE, 80, FALSE },
  /* health: 5 appeals, all accepted first time, lower scores */
  { "health", 11, 1, TRUE, 80, FALSE },
  { "health", 12, 1, TRUE, 82, FALSE },
  { "health", 13, 1, TRUE, 81, FALSE },
  { "health", 14, 1, TRUE, 85, FALSE },
  { "health", 15, 1, TRUE, 84, FALSE },
  /* land: 5 appeals, 3 returned */
  { "land", 21, 1, FALSE, 30, TRUE },
  { "land", 22, 1, FALSE, 50, FALSE },
  { "land", 23, 1, FALSE, 45, TRUE },
  { "land", 24, 1, TRUE, 90, FALSE },
  { "land", 25, 1, TRUE, 88, FALSE },
  /* roads: one perfect answer is not enough to be ranked */
  { "roads", 31, 1, TRUE, 100, FALSE },
};

static const struct {
  const char *body;
  guint       rank;
  guint       answers;
  double      accepted_first;
  guint       reworks;
  guint       overdue;
} expected[] = {
  { "health", 1, 5, 1.0, 0, 0 },
  { "education", 2, 5, 0.8, 1, 1 },
  { "land", 3, 5, 0.4, 3, 2 },
  { "roads", 0, 1, 1.0, 0, 0 },
};

static void
test_ranking (void)
{
  g_autoptr(GPtrArray) ranking = appeals_quality_rank (results, G_N_ELEMENTS (results), 5);

  g_assert_cmpuint (ranking->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < ranking->len; i++)
    {
      const AppealsBodyQuality *quality = g_ptr_array_index (ranking, i);

      g_assert_cmpstr (quality->body, ==, expected[i].body);
      g_assert_cmpuint (quality->rank, ==, expected[i].rank);
      g_assert_cmpuint (quality->answers, ==, expected[i].answers);
      g_assert_cmpfloat_with_epsilon (quality->accepted_first, expected[i].accepted_first, 1e-9);
      g_assert_cmpuint (quality->reworks, ==, expected[i].reworks);
      g_assert_cmpuint (quality->overdue, ==, expected[i].overdue);
      g_assert_cmpint (quality->ranked, ==, expected[i].rank > 0);
    }

  /* education averages over its six checked answers */
  g_assert_cmpfloat_with_epsilon (((AppealsBodyQuality *) ranking->pdata[1])->average_score, 490.0 / 6, 1e-9);
}

static void
test_answer_names (void)
{
  static const char *names[] = { "yes", "partly", "no" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      AppealsCriterionAnswer answer;

      g_assert_true (appeals_criterion_answer_from_string (names[i], &answer));
      g_assert_cmpstr (appeals_criterion_answer_to_string (answer), ==, names[i]);
    }
  g_assert_false (appeals_criterion_answer_from_string ("maybe", &(AppealsCriterionAnswer){ 0 }));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quality/reasons", test_reasons);
  g_test_add_func ("/quality/rework-due", test_rework_due);
  g_test_add_func ("/quality/ranking", test_ranking);
  g_test_add_func ("/quality/answer-names", test_answer_names);

  return g_test_run ();
}
