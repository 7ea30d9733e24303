/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytical-note-compose.c: the note's sections from its figures,
 * in Kazakh or Russian whatever the interface speaks — the totals and
 * their change against the same half-year a year earlier, the districts
 * (with the bar chart and the map) and the questions, the months, the
 * growth alerts with the causes and measures the analysts recorded, the
 * bodies' timeliness and the quality of their answers. Every figure is
 * one the server gave; a missing one is a dash, never a guess.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "appeals-analytical-note.h"
#include "appeals-print.h"

#define TOP_QUESTIONS 10

static const AppealsWords title_words = { "Азаматтардың өтініштерін қарау туралы талдамалық жазба",
                                          "Аналитическая записка о рассмотрении обращений граждан" };
static const AppealsWords half_words[] = { { "%s жылғы I жарты жылдық", "I полугодие %s года" },
                                           { "%s жылғы II жарты жылдық", "II полугодие %s года" } };
static const AppealsWords period_words = { "Кезең: %s — %s; салыстыру: %s — %s. %s. Жоба.",
                                           "Период: %s — %s; сравнение: %s — %s. %s. Проект." };
static const AppealsWords region_words = { "Бүкіл облыс бойынша", "По всей области" };
static const AppealsWords scope_words = { "Аудан: %s", "Район: %s" };

static const AppealsWords totals_heading = { "1. Жалпы көрсеткіштер", "1. Общие показатели" };
static const AppealsWords totals_text = {
  "Жарты жылдықта тіркелген өтініштер: %s, өтініш берушілер: %s; өткен жылдың осы кезеңінде — %s өтініш "
  "(өзгеріс: %s).",
  "За полугодие зарегистрировано обращений: %s, заявителей: %s; за тот же период прошлого года — %s "
  "(изменение: %s)."
};
static const AppealsWords indicator_words = { "Көрсеткіш", "Показатель" };
static const AppealsWords half_column = { "Жарты жылдық", "Полугодие" };
static const AppealsWords earlier_column = { "Бір жыл бұрын", "Годом ранее" };
static const AppealsWords change_column = { "Өзгеріс", "Изменение" };
static const AppealsWords count_column = { "Өтініштер", "Обращения" };
static const AppealsWords share_column = { "Үлесі", "Доля" };
static const AppealsWords appeals_words = { "Тіркелген өтініштер", "Зарегистрировано обращений" };
static const AppealsWords applicants_words = { "Өтініш берушілер", "Заявители" };
static const AppealsWords repeat_words[] = {
  { "Қайталама деп белгіленген өтініштер", "Обращения, отмеченные как повторные" },
  { "2 және одан көп өтініш берген өтініш берушілер", "Заявители с 2 и более обращениями" },
  { "5 және одан көп өтініш берген өтініш берушілер", "Заявители с 5 и более обращениями" },
};
static const char * const repeat_keys[] = { APPEALS_REPORT_MARKED_REPEAT, APPEALS_REPORT_APPLICANTS_2_PLUS,
                                            APPEALS_REPORT_APPLICANTS_5_PLUS };

static const AppealsWords districts_heading = { "2. Аудандар мен қалалар бойынша өтініштер",
                                                "2. Обращения по районам и городам" };
static const AppealsWords district_column = { "Аудан, қала", "Район, город" };
static const AppealsWords most_words = { "Өтініштердің ең көбі: %s.", "Больше всего обращений: %s." };
static const AppealsWords none_words = { "Кезеңде өтініштер жоқ.", "Обращений за период нет." };

static const AppealsWords questions_heading = { "3. Мәселелердің сипаты бойынша өтініштер",
                                                "3. Обращения по характеру вопросов" };
static const AppealsWords question_column = { "Мәселенің сипаты", "Характер вопроса" };
static const AppealsWords months_heading = { "4. Айлар бойынша серпін", "4. Динамика по месяцам" };
static const AppealsWords month_column = { "Ай", "Месяц" };

static const AppealsWords alerts_heading = { "5. Өтініштердің өсуі туралы белгілер",
                                             "5. Сигналы о росте обращений" };
static const AppealsWords alerts_text = {
  "Ай сайынғы өтініштер саны алдыңғы айлардың орташа мәнінен өсу ережесінің шегінен асқан аудандар мен "
  "мәселелер; себептері мен шаралары — талдаушылар жазғандай.",
  "Районы и вопросы, где число обращений за месяц превысило порог правила роста над средним предыдущих "
  "месяцев; причины и меры — как их записали аналитики."
};
static const AppealsWords no_alerts_words = { "Кезеңде өсу белгілері болған жоқ.",
                                              "За период сигналов о росте не было." };
static const AppealsWords threshold_column = { "Шегі", "Порог" };
static const AppealsWords cause_column = { "Анықталған себебі", "Выявленная причина" };
static const AppealsWords measures_column = { "Қабылданған шаралар", "Принятые меры" };
static const AppealsWords not_noted_words = { "жазылмаған", "не записано" };

static const AppealsWords timeliness_heading = { "6. Органдардың өтініштерді қарау мерзімдері",
                                                 "6. Своевременность рассмотрения по органам" };
static const AppealsWords body_column = { "Орган", "Орган" };
static const AppealsWords timeliness_columns[] = {
  { "Тіркелген", "Зарегистрировано" },
  { "Мерзімінде жауап берілген", "Отвечено в срок" },
  { "Мерзімі өткен жауаптар", "Отвечено с нарушением срока" },
  { "Қазір мерзімі өткен", "Просрочено сейчас" },
};
static const AppealsWords days_column = { "Орташа жұмыс күндері", "Среднее, рабочих дней" };

static const AppealsWords quality_heading = { "7. Жауаптардың сапасы", "7. Качество ответов" };
static const AppealsWords quality_text = {
  "Жарты жылда тіркелген өтініштерге берілген жауаптар сараптамасының нәтижелері бойынша; орган кемінде %s "
  "жауабы тексерілгенде рейтингке енеді.",
  "По результатам экспертизы ответов на обращения, зарегистрированные в полугодии; орган ранжируется, когда "
  "проверено не менее %s его ответов."
};
static const AppealsWords rank_column = { "Орны", "Место" };
static const AppealsWords answers_column = { "Тексерілген жауаптар", "Проверено ответов" };
static const AppealsWords first_time_column = { "Бірінші реттен қабылданды", "Принято с первого раза" };
static const AppealsWords score_column = { "Орташа балл", "Средний балл" };
static const AppealsWords reworks_column = { "Пысықтауға қайтарылды", "Возвращено на доработку" };
static const AppealsWords overdue_column = { "Мерзімі өткен", "Просрочено" };
static const AppealsWords no_quality_words = { "Тексерілген жауаптар жоқ.", "Проверенных ответов нет." };

static const AppealsWords month_names[] = {
  { "Қаңтар", "Январь" }, { "Ақпан", "Февраль" }, { "Наурыз", "Март" }, { "Сәуір", "Апрель" },
  { "Мамыр", "Май" }, { "Маусым", "Июнь" }, { "Шілде", "Июль" }, { "Тамыз", "Август" },
  { "Қыркүйек", "Сентябрь" }, { "Қазан", "Октябрь" }, { "Қараша", "Ноябрь" }, { "Желтоқсан", "Декабрь" },
};

#define SAY(words) appeals_words_say (&(words), figures->language)

/* @pattern with each "%s" in turn replaced by the next of the strings
 * that follow it, up to NULL: the words' patterns are data, not formats. */
static char *
fill (const char *pattern,
      ...)
{
  GString *text = g_string_new (NULL);
  const char *rest = pattern, *mark;
  va_list args;

  va_start (args, pattern);
  while ((mark = strstr (rest, "%s")) != NULL)
    {
      const char *value = va_arg (args, const char *);

      g_string_append_len (text, rest, mark - rest);
      g_string_append (text, value != NULL ? value : "—");
      rest = mark + 2;
    }
  va_end (args);
  g_string_append (text, rest);
  return g_string_free (text, FALSE);
}

const char *
appeals_analytical_note_month_name (GDateMonth  month,
                                    const char *language)
{
  g_return_val_if_fail (g_date_valid_month (month), "");
  return appeals_words_say (&month_names[month - 1], language);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (date), g_date_get_month (date), g_date_get_year (date));
}

static char *
format_count (gint64 count)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

/* "+25%", "−10%", or a dash when there was nothing to compare with */
static char *
format_change (double change)
{
  if (isnan (change) || isinf (change))
    return g_strdup ("—");
  if (change < 0)
    return g_strdup_printf ("−%.0f%%", -100 * change);
  return g_strdup_printf ("+%.0f%%", 100 * change);
}

static double
change_of (gint64 count,
           gint64 compare)
{
  return compare > 0 ? (double) (count - compare) / compare : NAN;
}

static void
add_comparison_row (AppealsNoteBlock *table,
                    const char       *label,
                    gint64            count,
                    gint64            compare)
{
  g_autofree char *count_text = format_count (count);
  g_autofree char *compare_text = format_count (compare);
  g_autofree char *change_text = format_change (change_of (count, compare));
  const char *cells[] = { label, count_text, compare_text, change_text, NULL };

  appeals_note_table_add_row (table, cells);
}

static void
add_title (AppealsAnalyticalNote   *note,
           AppealsNoteFigures      *figures,
           AppealsReferenceService *reference)
{
  AppealsReport *report = figures->report;
  g_autofree char *year = g_strdup_printf ("%d", figures->year);
  g_autofree char *half = fill (SAY (half_words[figures->half - 1]), year, NULL);
  g_autofree char *from = format_date (&report->from), *to = format_date (&report->to);
  g_autofree char *compare_from = format_date (&report->compare_from);
  g_autofree char *compare_to = format_date (&report->compare_to);
  g_autofree char *scope = NULL, *period = NULL;

  note->letterhead = g_object_ref (appeals_reference_service_get_letterhead (reference));
  if (report->district != NULL)
    scope = fill (SAY (scope_words),
                  appeals_classifier_get_label (appeals_reference_service_get_classifier (reference,
                                                                                          APPEALS_CLASSIFIER_DISTRICTS),
                                                report->district, figures->language),
                  NULL);
  else
    scope = g_strdup (SAY (region_words));
  period = fill (SAY (period_words), from, to, compare_from, compare_to, scope, NULL);

  note->title = g_strdup_printf ("%s — %s", SAY (title_words), half);
  appeals_analytical_note_add (note, APPEALS_NOTE_TITLE, SAY (title_words));
  appeals_analytical_note_add (note, APPEALS_NOTE_TITLE, half);
  appeals_analytical_note_add (note, APPEALS_NOTE_SUBTITLE, period);
}

static void
add_totals (AppealsAnalyticalNote *note,
            AppealsNoteFigures    *figures)
{
  AppealsReport *report = figures->report;
  AppealsRanking *repeat = appeals_report_get_ranking (report, APPEALS_REPORT_REPEAT);
  const char *header[] = { SAY (indicator_words), SAY (half_column), SAY (earlier_column), SAY (change_column), NULL };
  g_autofree char *total = format_count (report->total), *applicants = format_count (report->applicants);
  g_autofree char *compare = format_count (report->compare_total);
  g_autofree char *change = format_change (change_of (report->total, report->compare_total));
  g_autofree char *text = fill (SAY (totals_text), total, applicants, compare, change, NULL);
  AppealsNoteBlock *table;

  appeals_analytical_note_add (note, APPEALS_NOTE_HEADING, SAY (totals_heading));
  appeals_analytical_note_add (note, APPEALS_NOTE_PARAGRAPH, text);
  table = appeals_analytical_note_add_table (note, header);
  add_comparison_row (table, SAY (appeals_words), report->total, report->compare_total);
  add_comparison_row (table, SAY (applicants_words), report->applicants, report->compare_applicants);
  for (guint k = 0; repeat != NULL && k < G_N_ELEMENTS (repeat_keys); k++)
    for (guint r = 0; r < repeat->rows->len; r++)
      {
        AppealsReportRow *row = g_ptr_array_index (repeat->rows, r);

        if (g_str_equal (row->key, repeat_keys[k]))
          add_comparison_row (table, SAY (repeat_words[k]), row->count, row->compare_count);
      }
}

/* A ranking's first @limit rows as a table, and a sentence naming its
 * first three. */
static void
add_ranking (AppealsAnalyticalNote *note,
             AppealsNoteFigures    *figures,
             AppealsClassifier     *classifier,
             const char            *dimension,
             const char            *label_column,
             guint                  limit)
{
  AppealsRanking *ranking = appeals_report_get_ranking (figures->report, dimension);
  const char *header[] = { label_column, SAY (count_column), SAY (share_column), SAY (earlier_column),
                           SAY (change_column), NULL };
  g_autoptr(GString) most = g_string_new (NULL);
  g_autofree char *sentence = NULL;
  AppealsNoteBlock *table;

  if (ranking == NULL || ranking->rows->len == 0)
    {
      appeals_analytical_note_add (note, APPEALS_NOTE_PARAGRAPH, SAY (none_words));
      return;
    }
  for (guint r = 0; r < MIN (3, ranking->rows->len); r++)
    {
      AppealsReportRow *row = g_ptr_array_index (ranking->rows, r);

      g_string_append_printf (most, "%s%s (%" G_GINT64_FORMAT ", %.1f%%)", r > 0 ? "; " : "",
                              appeals_classifier_get_label (classifier, row->key, figures->language), row->count,
                              100 * row->share);
    }
  sentence = fill (SAY (most_words), most->str, NULL);
  appeals_analytical_note_add (note, APPEALS_NOTE_PARAGRAPH, sentence);

  table = appeals_analytical_note_add_table (note, header);
  for (guint r = 0; r < MIN (limit, ranking->rows->len); r++)
    {
      AppealsReportRow *row = g_ptr_array_index (ranking->rows, r);
      g_autofree char *count = format_count (row->count), *compare = format_count (row->compare_count);
      g_autofree char *share = g_strdup_printf ("%.1f%%", 100 * row->share);
      g_autofree char *change = format_change (row->change);
      const char *cells[] = { appeals_classifier_get_label (classifier, row->key, figures->language), count, share,
                              compare, change, NULL };

      appeals_note_table_add_row (table, cells);
    }
}

/* The appeals of each month: the sum of the month's series, which are
 * every district × question character with appeals in them. */
static GPtrArray *
month_rows (AppealsNoteFigures *figures)
{
  AppealsDynamics *dynamics = figures->dynamics;
  GPtrArray *months = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < dynamics->starts->len; p++)
    {
      const GDate *start = &g_array_index (dynamics->starts, GDate, p);
      gint64 *count = g_new0 (gint64, 2);

      count[0] = g_date_get_month (start);
      for (guint s = 0; s < dynamics->series->len; s++)
        {
          AppealsSeries *series = g_ptr_array_index (dynamics->series, s);

          if (p < series->counts->len)
            count[1] += g_array_index (series->counts, gint64, p);
        }
      g_ptr_array_add (months, count);
    }
  return months;
}

static void
add_months (AppealsAnalyticalNote *note,
            AppealsNoteFigures    *figures)
{
  g_autoptr(GPtrArray) months = month_rows (figures);
  const char *header[] = { SAY (month_column), SAY (count_column), NULL };
  AppealsNoteBlock *table;

  appeals_analytical_note_add (note, APPEALS_NOTE_HEADING, SAY (months_heading));
  appeals_analytical_note_add_monthly_chart (note, figures, months);
  table = appeals_analytical_note_add_table (note, header);
  for (guint m = 0; m < months->len; m++)
    {
      const gint64 *month = g_ptr_array_index (months, m);
      g_autofree char *count = format_count (month[1]);
      const char *cells[] = { appeals_analytical_note_month_name (month[0], figures->language), count, NULL };

      appeals_note_table_add_row (table, cells);
    }
}

static void
add_alerts (AppealsAnalyticalNote   *note,
            AppealsNoteFigures      *figures,
            AppealsReferenceService *reference)
{
  AppealsClassifier *districts = appeals_reference_service_get_classifier (reference, APPEALS_CLASSIFIER_DISTRICTS);
  AppealsClassifier *questions = appeals_reference_service_get_classifier (reference,
                                                                           APPEALS_CLASSIFIER_QUESTION_CHARACTERS);
  const char *header[] = { SAY (month_column), SAY (district_column), SAY (question_column), SAY (count_column),
                           SAY (threshold_column), SAY (cause_column), SAY (measures_column), NULL };
  AppealsNoteBlock *table;

  appeals_analytical_note_add (note, APPEALS_NOTE_HEADING, SAY (alerts_heading));
  if (figures->alerts->alerts->len == 0)
    {
      appeals_analytical_note_add (note, APPEALS_NOTE_PARAGRAPH, SAY (no_alerts_words));
      return;
    }
  appeals_analytical_note_add (note, APPEALS_NOTE_PARAGRAPH, SAY (alerts_text));
  table = appeals_analytical_note_add_table (note, header);
  for (guint a = 0; a < figures->alerts->alerts->len; a++)
    {
      AppealsGrowthAlert *alert = g_ptr_array_index (figures->alerts->alerts, a);
      g_autofree char *month = g_strdup_printf ("%s %u",
                                                appeals_analytical_note_month_name (g_date_get_month (&alert->start),
                                                                                    figures->language),
                                                g_date_get_year (&alert->start));
      g_autofree char *count = format_count (alert->count);
      g_autofree char *threshold = g_strdup_printf ("%.1f", alert->threshold);
      const char *cells[] = { month,
                              appeals_classifier_get_label (districts, alert->series->district, figures->language),
                              appeals_classifier_get_label (questions, alert->series->question_character,
                                                            figures->language),
                              count, threshold,
                              alert->cause != NULL && *alert->cause != '\0' ? alert->cause : SAY (not_noted_words),
                              alert->measures != NULL && *alert->measures != '\0' ? alert->measures
                                                                                   : SAY (not_noted_words),
                              NULL };

      appeals_note_table_add_row (table, cells);
    }
}

static void
add_timeliness (AppealsAnalyticalNote   *note,
                AppealsNoteFigures      *figures,
                AppealsClassifier       *bodies)
{
  const char *header[] = { SAY (body_column), SAY (timeliness_columns[0]), SAY (timeliness_columns[1]),
                           SAY (timeliness_columns[2]), SAY (timeliness_columns[3]), SAY (days_column), NULL };
  AppealsNoteBlock *table;

  appeals_analytical_note_add (note, APPEALS_NOTE_HEADING, SAY (timeliness_heading));
  if (figures->report->timeliness->len == 0)
    {
      appeals_analytical_note_add (note, APPEALS_NOTE_PARAGRAPH, SAY (none_words));
      return;
    }
  table = appeals_analytical_note_add_table (note, header);
  for (guint b = 0; b < figures->report->timeliness->len; b++)
    {
      AppealsTimelinessRow *body = g_ptr_array_index (figures->report->timeliness, b);
      char *counts[APPEALS_TIMELINESS_N_FIGURES] = { NULL };
      g_autofree char *days = isnan (body->average_working_days) ? g_strdup ("—")
                                                                  : g_strdup_printf ("%.1f",
                                                                                     body->average_working_days);
      const char *cells[7] = { appeals_classifier_get_label (bodies, body->body, figures->language) };

      for (guint f = 0; f < APPEALS_TIMELINESS_N_FIGURES; f++)
        cells[1 + f] = counts[f] = format_count (body->figures[f]);
      cells[5] = days;
      cells[6] = NULL;
      appeals_note_table_add_row (table, cells);
      for (guint f = 0; f < APPEALS_TIMELINESS_N_FIGURES; f++)
        g_free (counts[f]);
    }
}

static void
add_quality (AppealsAnalyticalNote *note,
             AppealsNoteFigures    *figures,
             AppealsClassifier     *bodies)
{
  const char *header[] = { SAY (rank_column), SAY (body_column), SAY (answers_column), SAY (first_time_column),
                           SAY (score_column), SAY (reworks_column), SAY (overdue_column), NULL };
  g_autofree char *min_answers = g_strdup_printf ("%u", figures->min_answers);
  g_autofree char *text = fill (SAY (quality_text), min_answers, NULL);
  AppealsNoteBlock *table;

  appeals_analytical_note_add (note, APPEALS_NOTE_HEADING, SAY (quality_heading));
  if (figures->quality->len == 0)
    {
      appeals_analytical_note_add (note, APPEALS_NOTE_PARAGRAPH, SAY (no_quality_words));
      return;
    }
  appeals_analytical_note_add (note, APPEALS_NOTE_PARAGRAPH, text);
  table = appeals_analytical_note_add_table (note, header);
  for (guint b = 0; b < figures->quality->len; b++)
    {
      AppealsBodyQuality *quality = g_ptr_array_index (figures->quality, b);
      g_autofree char *rank = quality->ranked ? g_strdup_printf ("%u", quality->rank) : g_strdup ("—");
      g_autofree char *answers = g_strdup_printf ("%u", quality->answers);
      g_autofree char *first = g_strdup_printf ("%.0f%%", 100 * quality->accepted_first);
      g_autofree char *score = g_strdup_printf ("%.0f", quality->average_score);
      g_autofree char *reworks = g_strdup_printf ("%u", quality->reworks);
      g_autofree char *overdue = g_strdup_printf ("%u", quality->overdue);
      const char *cells[] = { rank, appeals_classifier_get_label (bodies, quality->body, figures->language), answers,
                              first, score, reworks, overdue, NULL };

      appeals_note_table_add_row (table, cells);
    }
}

/**
 * appeals_analytical_note_compose:
 *
 * Returns: (transfer full): the note of @figures
 */
AppealsAnalyticalNote *
appeals_analytical_note_compose (AppealsNoteFigures      *figures,
                                 AppealsReferenceService *reference)
{
  AppealsAnalyticalNote *note = appeals_analytical_note_new (figures->language);
  AppealsClassifier *bodies = appeals_reference_service_get_classifier (reference,
                                                                        APPEALS_CLASSIFIER_ADDRESSEE_BODIES);
  AppealsLetterhead *letterhead = appeals_reference_service_get_letterhead (reference);
  g_autofree char *signature = NULL;

  note->total = figures->report->total;
  add_title (note, figures, reference);
  add_totals (note, figures);

  appeals_analytical_note_add (note, APPEALS_NOTE_HEADING, SAY (districts_heading));
  add_ranking (note, figures, appeals_reference_service_get_classifier (reference, APPEALS_CLASSIFIER_DISTRICTS),
               APPEALS_REPORT_DISTRICT, SAY (district_column), G_MAXUINT);
  appeals_analytical_note_add_district_charts (note, figures, reference);

  appeals_analytical_note_add (note, APPEALS_NOTE_HEADING, SAY (questions_heading));
  add_ranking (note, figures,
               appeals_reference_service_get_classifier (reference, APPEALS_CLASSIFIER_QUESTION_CHARACTERS),
               APPEALS_REPORT_QUESTION_CHARACTER, SAY (question_column), TOP_QUESTIONS);

  add_months (note, figures);
  add_alerts (note, figures, reference);
  add_timeliness (note, figures, bodies);
  add_quality (note, figures, bodies);

  signature = g_strdup_printf ("%s\t%s",
                               appeals_letterhead_get (letterhead, APPEALS_LETTERHEAD_SIGNATORY, figures->language),
                               appeals_letterhead_get (letterhead, APPEALS_LETTERHEAD_SIGNATORY_NAME,
                                                       figures->language));
  appeals_analytical_note_add (note, APPEALS_NOTE_SIGNATURE, signature);
  return note;
}
