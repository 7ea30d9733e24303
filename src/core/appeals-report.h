/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-report.h: the line report (линейный отчёт) — the appeals of a
 * period ranked by district, question, category, body, channel, language,
 * the outcome and repeat appeals, each row with its count, share and change
 * against a comparison period, and the timeliness of every body. The server
 * counts; this is the model both sides share, its JSON and its periods.
 *
 * Every figure opens: a row's filter is the journal's query that lists the
 * appeals behind it.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  APPEALS_REPORT_PRESET_MONTH,
  APPEALS_REPORT_PRESET_QUARTER,
  APPEALS_REPORT_PRESET_HALF_YEAR,
  APPEALS_REPORT_PRESET_YEAR,
} AppealsReportPreset;

/* the rankings, in the order the report shows them */
#define APPEALS_REPORT_DISTRICT           "district"
#define APPEALS_REPORT_QUESTION_CHARACTER "question_character"
#define APPEALS_REPORT_CATEGORY           "category"
#define APPEALS_REPORT_ADDRESSEE_BODY     "addressee_body"
#define APPEALS_REPORT_CHANNEL            "channel"
#define APPEALS_REPORT_LANGUAGE           "language"
#define APPEALS_REPORT_OUTCOME            "outcome"
#define APPEALS_REPORT_REPEAT             "repeat"

/* the keys of the repeat ranking */
#define APPEALS_REPORT_MARKED_REPEAT      "marked-repeat"
#define APPEALS_REPORT_APPLICANTS_2_PLUS  "applicants-2-plus"
#define APPEALS_REPORT_APPLICANTS_5_PLUS  "applicants-5-plus"

typedef struct
{
  char    *key;            /* a classifier code or enum value */
  gint64   count;
  gint64   compare_count;
  double   share;          /* of the ranking's total, 0..1 */
  double   change;         /* (count - compare) / compare; NAN when compare is 0 */
  char    *filter;         /* the journal's query: "district=…&from=…&to=…" */
} AppealsReportRow;

typedef struct
{
  char      *dimension;    /* APPEALS_REPORT_DISTRICT, … */
  gint64     total;        /* what the shares are of */
  gint64     compare_total;
  GPtrArray *rows;         /* AppealsReportRow, largest count first */
} AppealsRanking;

typedef enum
{
  APPEALS_TIMELINESS_REGISTERED,
  APPEALS_TIMELINESS_IN_TERM,
  APPEALS_TIMELINESS_LATE,
  APPEALS_TIMELINESS_OVERDUE,
  APPEALS_TIMELINESS_N_FIGURES,
} AppealsTimelinessFigure;

typedef struct
{
  char   *body;                                   /* addressee-bodies code */
  gint64  figures[APPEALS_TIMELINESS_N_FIGURES];
  double  average_working_days;                   /* of the answered ones; NAN when none */
  char   *filters[APPEALS_TIMELINESS_N_FIGURES];
} AppealsTimelinessRow;

typedef struct
{
  GDate      from, to;
  GDate      compare_from, compare_to;
  char      *district;          /* the caller's scope; NULL: the whole region */
  gint64     total;
  gint64     compare_total;
  gint64     applicants;        /* distinct applicants in the period */
  gint64     compare_applicants;
  GPtrArray *rankings;          /* AppealsRanking */
  GPtrArray *timeliness;        /* AppealsTimelinessRow, busiest body first */
} AppealsReport;

/* What a report comparing two periods (the line report, the content
 * terms) is asked for: the period, the comparison period (not valid: the
 * same period a year earlier, as the server chooses) and its filters,
 * borrowed strings, %NULL for all. */
typedef struct
{
  GDate       from, to;
  GDate       compare_from, compare_to;
  const char *district;
  const char *question_character;
} AppealsReportPeriods;

void                 appeals_report_periods_init     (AppealsReportPeriods *periods,
                                                      const GDate          *from,
                                                      const GDate          *to);
gboolean             appeals_report_periods_has_comparison (const AppealsReportPeriods *periods);

void                 appeals_report_preset_range     (AppealsReportPreset   preset,
                                                      const GDate          *today,
                                                      GDate                *from,
                                                      GDate                *to);
/* A figure's journal query ("a=1&b=2") as a JSON object {"a": "1", "b": "2"}
 * and back. */
void                 appeals_report_add_filter       (JsonBuilder          *builder,
                                                      const char           *name,
                                                      const char           *query);
gboolean             appeals_report_read_filter      (JsonObject           *object,
                                                      const char           *member,
                                                      char                **query,
                                                      GError              **error);
void                 appeals_report_year_earlier     (const GDate          *from,
                                                      const GDate          *to,
                                                      GDate                *compare_from,
                                                      GDate                *compare_to);
const char * const  *appeals_report_get_dimensions   (void);
const char * const  *appeals_report_get_outcomes     (void);
const char          *appeals_timeliness_figure_to_string (AppealsTimelinessFigure figure);

AppealsReport       *appeals_report_new              (void);
void                 appeals_report_free             (AppealsReport        *report);
AppealsRanking      *appeals_report_add_ranking      (AppealsReport        *report,
                                                      const char           *dimension,
                                                      gint64                total,
                                                      gint64                compare_total);
AppealsRanking      *appeals_report_get_ranking      (AppealsReport        *report,
                                                      const char           *dimension);
AppealsReportRow    *appeals_ranking_add_row         (AppealsRanking       *ranking,
                                                      const char           *key,
                                                      gint64                count,
                                                      gint64                compare_count,
                                                      char                 *filter);
void                 appeals_ranking_sort            (AppealsRanking       *ranking);
AppealsTimelinessRow *appeals_report_add_timeliness  (AppealsReport        *report,
                                                      const char           *body);

JsonNode            *appeals_report_to_json          (AppealsReport        *report);
AppealsReport       *appeals_report_new_from_json    (JsonNode             *node,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsReport, appeals_report_free)

G_END_DECLS
