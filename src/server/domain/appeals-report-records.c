/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-report-records.c: the line report counted in SQL, and the
 * journal's filters for its figures.
 *
 * The rankings are counted in one pass over the appeals registered in
 * either period, both periods at once with conditional sums; the
 * average time to answer is summed from the answered appeals grouped by
 * body and day, so that at most bodies × days rows leave the database.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "appeals-api-common.h"
#include "appeals-period-query.h"
#include "appeals-report-records.h"
#include "appeals-report-sql.h"
#include "appeals-scope.h"

#define OUTCOME_SQL APPEALS_OUTCOME_SQL
#define ANSWERED_SQL APPEALS_OUTCOME_ANSWERED_SQL " AND a.answered_on IS NOT NULL"
#define IN_TERM_SQL  "(" ANSWERED_SQL " AND a.answer_late = 0)"
#define LATE_SQL     "(" ANSWERED_SQL " AND a.answer_late = 1)"
#define OVERDUE_SQL  APPEALS_OVERDUE_SQL

#define IN_PERIOD    APPEALS_PERIOD_QUERY_IN ("a.registration_date")
#define IN_SCOPE     APPEALS_PERIOD_QUERY_SCOPE ("a")

typedef struct
{
  const char *dimension;
  const char *expression;
} Dimension;

static const Dimension dimensions[] = {
  { APPEALS_REPORT_DISTRICT, "a.district" },
  { APPEALS_REPORT_QUESTION_CHARACTER, "a.question_character" },
  { APPEALS_REPORT_CATEGORY, "a.category" },
  { APPEALS_REPORT_ADDRESSEE_BODY, "a.addressee_body" },
  { APPEALS_REPORT_CHANNEL, "a.channel" },
  { APPEALS_REPORT_LANGUAGE, "a.language" },
  { APPEALS_REPORT_OUTCOME, OUTCOME_SQL },
};

/* The parameters of a query on the period @from..@to: @first (dates, or
 * NULL), then the two dates and IN_SCOPE's. */
static void
add_period_params (AppealsPeriodQuery *query,
                   GVariantBuilder    *params,
                   const char         *first,
                   const char         *from,
                   const char         *to)
{
  if (first != NULL)
    g_variant_builder_add (params, "s", first);
  g_variant_builder_add (params, "s", from);
  g_variant_builder_add (params, "s", to);
  appeals_period_query_add_scope_params (query, params);
}

#define TWO_PERIODS_WHERE \
  "WHERE " APPEALS_PERIOD_QUERY_EITHER ("a.registration_date") " AND " IN_SCOPE

/* The journal's query for a figure: its own condition, the period and
 * the report's filters (a figure's own dimension is not repeated). */
static char *
make_filter (AppealsPeriodQuery *query,
             const char         *name,
             const char         *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);
  GString *filter = g_string_new (NULL);

  g_string_append_printf (filter, "%s=%s&from=%s&to=%s", name, escaped, query->from, query->to);
  if (query->only_district != NULL && !g_str_equal (name, "district"))
    g_string_append_printf (filter, "&district=%s", query->only_district);
  if (query->only_question_character != NULL && !g_str_equal (name, "question_character"))
    g_string_append_printf (filter, "&question_character=%s", query->only_question_character);
  return g_string_free (filter, FALSE);
}

/* The dimension of the appeals marked repeat in the rows of count_all():
 * after those of dimensions[] */
#define MARKED_REPEAT G_N_ELEMENTS (dimensions)
#define MARKED_REPEAT_KEY "CAST (a.repeat AS TEXT)"

/* 1 for a row of the period from ? to ? where @condition holds */
#define IN_PERIOD_AND(condition) \
  "CASE WHEN a.registration_date BETWEEN ? AND ? AND " condition " THEN 1 ELSE 0 END"

/* The parameters of a figure's condition */
typedef enum
{
  OF_PERIOD,         /* the period's first and last days */
  OF_COMPARISON,     /* the comparison period's */
  OF_PERIOD_TODAY,   /* the period's, then today */
} FigureParams;

/* The figures count_all() sums for the whole and for each key: the rows of
 * the period, of the comparison period, and of the period answered in
 * term, late, and overdue today. */
static const struct
{
  const char   *name;
  const char   *condition;
  FigureParams  params;
} figures[] = {
  { "n", IN_PERIOD, OF_PERIOD },
  { "m", IN_PERIOD, OF_COMPARISON },
  { "in_term", IN_PERIOD_AND (IN_TERM_SQL), OF_PERIOD },
  { "late", IN_PERIOD_AND (LATE_SQL), OF_PERIOD },
  { "overdue", IN_PERIOD_AND (OVERDUE_SQL), OF_PERIOD_TODAY },
};

/* The statement of count_all(): every row of either period read once. */
static char *
count_all_sql (gboolean sqlite)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");

  if (sqlite)
    {
      /* appeals-db-sqlite-tally.c */
      g_string_append (sql, APPEALS_TALLY_DIMENSION " AS dimension, " APPEALS_TALLY_KEY " AS key");
      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        g_string_append_printf (sql, ", " APPEALS_TALLY_FIGURE_FORMAT " AS %s", 2 + f,
                                figures[f].name);
      g_string_append_printf (sql, " FROM (SELECT appeals_tally (%u", (guint) G_N_ELEMENTS (figures));
      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        g_string_append_printf (sql, ", %s", figures[f].condition);
      for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
        g_string_append_printf (sql, ", %s", dimensions[i].expression);
      g_string_append (sql, ", " MARKED_REPEAT_KEY ") AS t FROM appeals a " TWO_PERIODS_WHERE ") r, "
                            APPEALS_TALLY_ROWS ("r.t"));
      return g_string_free (g_steal_pointer (&sql), FALSE);
    }

  g_string_append (sql, "CASE");
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    g_string_append_printf (sql, " WHEN GROUPING (%s) = 0 THEN %u", dimensions[i].expression, i);
  g_string_append_printf (sql, " WHEN GROUPING (" MARKED_REPEAT_KEY ") = 0 THEN %u ELSE -1 END AS dimension, "
                          "COALESCE (", (guint) MARKED_REPEAT);
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    g_string_append_printf (sql, "%s, ", dimensions[i].expression);
  g_string_append (sql, MARKED_REPEAT_KEY ") AS key");
  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    g_string_append_printf (sql, ", COALESCE (SUM (%s), 0) AS %s", figures[f].condition, figures[f].name);
  g_string_append (sql, " FROM appeals a " TWO_PERIODS_WHERE " GROUP BY GROUPING SETS ((), ");
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    g_string_append_printf (sql, "(%s), ", dimensions[i].expression);
  g_string_append (sql, "(" MARKED_REPEAT_KEY "))");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The parameters of count_all_sql(): the figures', then the rows of
 * either period in the scope. */
static GVariant *
count_all_params (AppealsPeriodQuery *query)
{
  GVariantBuilder params;

  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    {
      gboolean comparison = figures[f].params == OF_COMPARISON;

      g_variant_builder_add (&params, "s", comparison ? query->compare_from : query->from);
      g_variant_builder_add (&params, "s", comparison ? query->compare_to : query->to);
      if (figures[f].params == OF_PERIOD_TODAY)
        g_variant_builder_add (&params, "s", query->today);
    }
  appeals_period_query_add_either_params (query, &params);
  appeals_period_query_add_scope_params (query, &params);
  return g_variant_builder_end (&params);
}

static void
add_timeliness_row (AppealsPeriodQuery *query,
                    AppealsReport      *report,
                    AppealsDbResult    *rows,
                    guint               i)
{
  static const char * const timeliness[] = { NULL, "in_term", "late", "overdue" };
  static const char * const columns[] = { "n", "in_term", "late", "overdue" };
  const char *body = appeals_db_result_get_string (rows, i, "key");
  AppealsTimelinessRow *row = appeals_report_add_timeliness (report, body);

  g_autofree char *filter = make_filter (query, "addressee_body", body);

  for (guint f = 0; f < APPEALS_TIMELINESS_N_FIGURES; f++)
    {
      row->figures[f] = appeals_db_result_get_int64 (rows, i, columns[f]);
      row->filters[f] = timeliness[f] == NULL ? g_strdup (filter)
                                              : g_strconcat (filter, "&timeliness=", timeliness[f], NULL);
    }
}

/* The report's totals, its rankings by dimensions[], the appeals marked
 * repeat (@marked: in the period and in the other) and the timeliness of
 * each addressee body, all from one pass over the rows of either period:
 * PostgreSQL groups them by grouping sets, SQLite by appeals_tally(). One
 * GROUP BY for each took 432 ms at 1,000,000 appeals on SQLite, the two
 * half-years' 107,000 rows read and sorted ten times. */
static gboolean
count_all (AppealsPeriodQuery  *query,
           AppealsReport       *report,
           gint64               marked[2],
           GError             **error)
{
  gboolean sqlite = appeals_db_get_dialect (query->request->db) == APPEALS_DB_DIALECT_SQLITE;
  g_autofree char *sql = count_all_sql (sqlite);
  g_autoptr(AppealsDbResult) rows = appeals_db_query (query->request->db, sql, count_all_params (query), error);
  AppealsRanking *rankings[G_N_ELEMENTS (dimensions)];
  guint n_rows;

  if (rows == NULL)
    return FALSE;

  /* the totals first: a ranking's shares are of them */
  n_rows = appeals_db_result_get_n_rows (rows);
  for (guint i = 0; i < n_rows; i++)
    if (appeals_db_result_get_int64 (rows, i, "dimension") == -1)
      {
        report->total = appeals_db_result_get_int64 (rows, i, "n");
        report->compare_total = appeals_db_result_get_int64 (rows, i, "m");
      }
  for (guint d = 0; d < G_N_ELEMENTS (dimensions); d++)
    rankings[d] = appeals_report_add_ranking (report, dimensions[d].dimension, report->total,
                                              report->compare_total);

  marked[0] = marked[1] = 0;
  for (guint i = 0; i < n_rows; i++)
    {
      gint64 d = appeals_db_result_get_int64 (rows, i, "dimension");
      const char *key = appeals_db_result_get_string (rows, i, "key");
      gint64 n = appeals_db_result_get_int64 (rows, i, "n");
      gint64 m = appeals_db_result_get_int64 (rows, i, "m");

      if (d == MARKED_REPEAT && g_strcmp0 (key, "1") == 0)
        {
          marked[0] = n;
          marked[1] = m;
        }
      else if (d >= 0 && d < (gint64) G_N_ELEMENTS (dimensions) && key != NULL)
        {
          appeals_ranking_add_row (rankings[d], key, n, m, make_filter (query, dimensions[d].dimension, key));
          /* a body's timeliness is of its appeals of the period */
          if (n > 0 && g_str_equal (dimensions[d].dimension, APPEALS_REPORT_ADDRESSEE_BODY))
            add_timeliness_row (query, report, rows, i);
        }
    }
  for (guint d = 0; d < G_N_ELEMENTS (dimensions); d++)
    appeals_ranking_sort (rankings[d]);
  return TRUE;
}

/* The applicants with at least one, two and five appeals in each period:
 * grouped by applicant, and on SQLite, which groups through a sort,
 * counted in a hash by appeals_applicants_count()
 * (appeals-db-sqlite-repeat.c). Parameters: those of
 * appeals_period_query_two_period_params(). */
#define APPLICANTS_GROUPED \
  "SELECT COALESCE (SUM (CASE WHEN n >= 1 THEN 1 ELSE 0 END), 0) AS n1, " \
  "COALESCE (SUM (CASE WHEN n >= 2 THEN 1 ELSE 0 END), 0) AS n2, " \
  "COALESCE (SUM (CASE WHEN n >= 5 THEN 1 ELSE 0 END), 0) AS n5, " \
  "COALESCE (SUM (CASE WHEN m >= 1 THEN 1 ELSE 0 END), 0) AS m1, " \
  "COALESCE (SUM (CASE WHEN m >= 2 THEN 1 ELSE 0 END), 0) AS m2, " \
  "COALESCE (SUM (CASE WHEN m >= 5 THEN 1 ELSE 0 END), 0) AS m5 " \
  "FROM (SELECT a.applicant_id, SUM (" IN_PERIOD ") AS n, SUM (" IN_PERIOD ") AS m " \
  "FROM appeals a " TWO_PERIODS_WHERE " GROUP BY a.applicant_id) s"
#define APPLICANTS_TALLIED \
  "SELECT COALESCE (json_extract (f, '$[0][0]'), 0) AS n1, COALESCE (json_extract (f, '$[1][0]'), 0) AS n2, " \
  "COALESCE (json_extract (f, '$[2][0]'), 0) AS n5, COALESCE (json_extract (f, '$[0][1]'), 0) AS m1, " \
  "COALESCE (json_extract (f, '$[1][1]'), 0) AS m2, COALESCE (json_extract (f, '$[2][1]'), 0) AS m5 " \
  "FROM (SELECT appeals_applicants_count (a.applicant_id, " IN_PERIOD ", " IN_PERIOD ", 1, 2, 5) AS f " \
  "FROM appeals a " TWO_PERIODS_WHERE ")"

/* Repeat appeals: those marked repeat, and the applicants with 2+ and 5+
 * appeals in each period. */
static gboolean
add_repeat (AppealsPeriodQuery  *query,
            AppealsReport       *report,
            const gint64         marked[2],
            GError             **error)
{
  g_autoptr(AppealsDbResult) applicants = NULL;
  AppealsRanking *ranking;
  AppealsReportRow *row;
  static const struct { const char *key; const char *minimum; } groups[] = {
    { APPEALS_REPORT_APPLICANTS_2_PLUS, "2" },
    { APPEALS_REPORT_APPLICANTS_5_PLUS, "5" },
  };

  applicants = appeals_db_query (query->request->db,
                                 appeals_db_get_dialect (query->request->db) == APPEALS_DB_DIALECT_SQLITE
                                 ? APPLICANTS_TALLIED : APPLICANTS_GROUPED,
                                 appeals_period_query_two_period_params (query), error);
  if (applicants == NULL)
    return FALSE;

  report->applicants = appeals_db_result_get_int64 (applicants, 0, "n1");
  report->compare_applicants = appeals_db_result_get_int64 (applicants, 0, "m1");

  ranking = appeals_report_add_ranking (report, APPEALS_REPORT_REPEAT, report->total, report->compare_total);
  appeals_ranking_add_row (ranking, APPEALS_REPORT_MARKED_REPEAT, marked[0], marked[1],
                           make_filter (query, "repeat", "true"));
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *n = g_strconcat ("n", groups[i].minimum, NULL);
      g_autofree char *m = g_strconcat ("m", groups[i].minimum, NULL);

      /* applicants: their share is of the applicants of the period */
      row = appeals_ranking_add_row (ranking, groups[i].key, appeals_db_result_get_int64 (applicants, 0, n),
                                     appeals_db_result_get_int64 (applicants, 0, m),
                                     make_filter (query, "min_applicant_appeals", groups[i].minimum));
      row->share = report->applicants > 0 ? (double) row->count / report->applicants : 0.0;
    }
  return TRUE;
}

/* The working-day number of @day counted from the period's start,
 * remembered per day. */
static int
working_day_number (AppealsPeriodQuery *query,
                    GHashTable         *numbers,
                    const char         *day_text)
{
  AppealsCalendar *calendar = appeals_server_get_calendar (query->request->server);
  gpointer found;
  GDate day, start;
  int number;

  if (g_hash_table_lookup_extended (numbers, day_text, NULL, &found))
    return GPOINTER_TO_INT (found);
  if (!appeals_date_parse_iso (day_text, &day) || !appeals_date_parse_iso (query->from, &start))
    return 0;
  number = appeals_calendar_count_working_days (calendar, &start, &day);
  g_hash_table_insert (numbers, g_strdup (day_text), GINT_TO_POINTER (number));
  return number;
}

static gboolean
add_average_days (AppealsPeriodQuery  *query,
                  AppealsReport       *report,
                  GError             **error)
{
  g_autoptr(AppealsDbResult) days = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GVariantBuilder params;

  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  add_period_params (query, &params, NULL, query->from, query->to);
  add_period_params (query, &params, NULL, query->from, query->to);
  days = appeals_db_query (query->request->db,
                           "SELECT a.addressee_body AS key, a.registration_date AS day, COUNT(*) AS n, -1 AS sign "
                           "FROM appeals a WHERE a.registration_date BETWEEN ? AND ? AND " IN_SCOPE
                           " AND " ANSWERED_SQL " GROUP BY a.addressee_body, a.registration_date "
                           "UNION ALL "
                           "SELECT a.addressee_body AS key, a.answered_on AS day, COUNT(*) AS n, 1 AS sign "
                           "FROM appeals a WHERE a.registration_date BETWEEN ? AND ? AND " IN_SCOPE
                           " AND " ANSWERED_SQL " GROUP BY a.addressee_body, a.answered_on",
                           g_variant_builder_end (&params), error);
  if (days == NULL)
    return FALSE;

  for (guint i = 0; i < appeals_db_result_get_n_rows (days); i++)
    {
      const char *body = appeals_db_result_get_string (days, i, "key");
      gint64 *sum = g_hash_table_lookup (sums, body);

      if (sum == NULL)
        {
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (sums, g_strdup (body), sum);
        }
      *sum += appeals_db_result_get_int64 (days, i, "sign") * appeals_db_result_get_int64 (days, i, "n") *
              working_day_number (query, numbers, appeals_db_result_get_string (days, i, "day"));
    }

  for (guint i = 0; i < report->timeliness->len; i++)
    {
      AppealsTimelinessRow *row = g_ptr_array_index (report->timeliness, i);
      gint64 answered = row->figures[APPEALS_TIMELINESS_IN_TERM] + row->figures[APPEALS_TIMELINESS_LATE];
      gint64 *sum = g_hash_table_lookup (sums, row->body);

      if (answered > 0 && sum != NULL)
        row->average_working_days = (double) *sum / answered;
    }
  return TRUE;
}

static int
compare_timeliness (gconstpointer a,
                    gconstpointer b)
{
  const AppealsTimelinessRow *x = *(AppealsTimelinessRow **) a;
  const AppealsTimelinessRow *y = *(AppealsTimelinessRow **) b;
  gint64 dx = x->figures[APPEALS_TIMELINESS_REGISTERED], dy = y->figures[APPEALS_TIMELINESS_REGISTERED];

  return dx != dy ? (dx > dy ? -1 : 1) : strcmp (x->body, y->body);
}

/**
 * appeals_report_records_count:
 * @periods: with its comparison period chosen; its filters count one
 *   district's or one question character's appeals only
 *
 * Returns: (transfer full): the line report of the appeals registered in
 *   the period (inclusive) in the caller's scope, each figure beside the
 *   same one for the comparison period.
 */
AppealsReport *
appeals_report_records_count (AppealsRequest              *request,
                              const AppealsReportPeriods  *periods,
                              GError                     **error)
{
  g_autoptr(AppealsReport) report = appeals_report_new ();
  g_auto(AppealsPeriodQuery) query;
  gint64 marked[2];
  gboolean ok;

  appeals_period_query_init (&query, request, periods);
  report->from = periods->from;
  report->to = periods->to;
  report->compare_from = periods->compare_from;
  report->compare_to = periods->compare_to;
  report->district = g_strdup (query.district);

  ok = count_all (&query, report, marked, error) && add_repeat (&query, report, marked, error);
  if (ok)
    g_ptr_array_sort (report->timeliness, compare_timeliness);
  ok = ok && add_average_days (&query, report, error);

  return ok ? g_steal_pointer (&report) : NULL;
}

/* The journal's filters ------------------------------------------------------ */

static gboolean
is_outcome (const char *value)
{
  return g_strv_contains (appeals_report_get_outcomes (), value);
}

/* An appeal of b's in the period and the scope; the parameters: the
 * period's first and last days, whether region-wide, the scope's
 * district, the journal's district twice, its question character twice. */
#define APPLICANT_APPEALS_IN_PERIOD \
  "b.registration_date >= ? AND b.registration_date <= ? AND (? = 1 OR b.district = ?) " \
  "AND (? = '' OR b.district = ?) AND (? = '' OR b.question_character = ?)"

/* The applicants with at least N appeals (the last parameter), as a page
 * reads them: the applicant's appeals counted for each row. */
#define REPEAT_APPLICANT_OF_ROW \
  "(SELECT COUNT(*) FROM appeals b WHERE b.applicant_id = a.applicant_id AND " \
  APPLICANT_APPEALS_IN_PERIOD ") >= ?"

/* ... and as a set: found once, their appeals of the period then read
 * from the same index, or the rows checked against them */
#define REPEAT_APPLICANTS_AS_SET \
  "a.applicant_id IN (SELECT b.applicant_id FROM appeals b WHERE " \
  APPLICANT_APPEALS_IN_PERIOD " GROUP BY b.applicant_id HAVING COUNT(*) >= ?)"

/* The figures of the journal's count when the report's repeat applicants
 * are all it asks for: the period's applicants grouped once, their
 * appeals and the overdue ones summed. Parameters: today, then those of
 * APPLICANT_APPEALS_IN_PERIOD and the minimum. */
#define REPEAT_APPLICANTS_COUNTED \
  "SELECT CAST (COALESCE (SUM (r.n), 0) AS BIGINT) AS n, CAST (COALESCE (SUM (r.o), 0) AS BIGINT) AS o " \
  "FROM (SELECT COUNT(*) AS n, SUM (CASE WHEN " APPEALS_JOURNAL_OVERDUE_ROW_SQL ("b") " THEN 1 ELSE 0 END) AS o " \
  "FROM appeals b WHERE " APPLICANT_APPEALS_IN_PERIOD " GROUP BY b.applicant_id HAVING COUNT(*) >= ?) r"

/* ... on SQLite, which groups through a sort, in one pass by its
 * aggregate (appeals-db-sqlite-repeat.c). Parameters: today, the
 * minimum, then those of APPLICANT_APPEALS_IN_PERIOD. */
#define REPEAT_APPLICANTS_TALLIED \
  "SELECT CAST (json_extract (r.f, '$.n') AS BIGINT) AS n, CAST (json_extract (r.f, '$.o') AS BIGINT) AS o " \
  "FROM (SELECT appeals_repeat_count (b.applicant_id, CASE WHEN " APPEALS_JOURNAL_OVERDUE_ROW_SQL ("b") \
  " THEN 1 ELSE 0 END, ?) AS f FROM appeals b WHERE " APPLICANT_APPEALS_IN_PERIOD ") r"

/* ... and region-wide with a minimum of two, through each appeal's
 * previous one of the same applicant (migration 0042): an applicant has
 * two or more appeals in the period when one follows another of it, so
 * the appeals after a first of the period are those whose previous one
 * falls in it, and with one first appeal per applicant the figure is
 * their number and their applicants'. The overdue: the period's overdue
 * appeals (few: its open ones, read by day from their index; @overdue
 * their condition as that index has it on each backend) whose applicant
 * has another appeal in it. Looking them up among the applicants found
 * instead had both read each applicant's appeals of the period: at
 * 1,000,000 appeals, a year's 8,148 applicants, from the server 173
 * against 19 ms on SQLite, 106 against 15 on PostgreSQL.
 * Parameters: the period's first and last days, its last again, today,
 * then its first and last days twice. */
#define REPEAT_APPLICANTS_CHAINED(overdue) \
  "SELECT (SELECT COUNT(*) + COUNT(DISTINCT b.applicant_id) FROM appeals b WHERE b.applicant_previous_date >= ? " \
  "AND b.applicant_previous_date <= ? AND b.registration_date <= ?) AS n, " \
  "(SELECT COUNT(*) FROM appeals b WHERE " overdue " AND b.registration_date >= ? AND b.registration_date <= ? " \
  "AND EXISTS (SELECT 1 FROM appeals p WHERE p.applicant_id = b.applicant_id AND p.registration_date >= ? " \
  "AND p.registration_date <= ? AND p.id <> b.id)) AS o"

/* The query members of a count that asks for nothing but the report's
 * repeat applicants (the page's own members narrow nothing). */
static const char * const repeat_count_members[] = {
  "from", "to", "district", "question_character", "min_applicant_appeals", "sort", "texts", "limit", NULL
};

/* The values of APPLICANT_APPEALS_IN_PERIOD. */
static void
add_period_values (AppealsRequest *request,
                   GPtrArray      *values)
{
  const char *from = appeals_request_get_query (request, "from");
  const char *to = appeals_request_get_query (request, "to");
  const char *district = appeals_api_scope_district (request);
  const char *only_district = appeals_request_get_query (request, "district");
  const char *only_question = appeals_request_get_query (request, "question_character");
  GDate date;

  g_ptr_array_add (values, g_variant_new_string (from != NULL && appeals_date_parse_iso (from, &date)
                                                 ? from : "0000-01-01"));
  g_ptr_array_add (values, g_variant_new_string (to != NULL && appeals_date_parse_iso (to, &date)
                                                 ? to : "9999-12-31"));
  g_ptr_array_add (values, g_variant_new_int64 (district == NULL));
  g_ptr_array_add (values, g_variant_new_string (district != NULL ? district : ""));
  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (values, g_variant_new_string (only_district != NULL ? only_district : ""));
  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (values, g_variant_new_string (only_question != NULL ? only_question : ""));
}

/* The values of APPLICANT_APPEALS_IN_PERIOD, then the minimum. */
static void
add_repeat_values (AppealsRequest *request,
                   GPtrArray      *values,
                   guint64         minimum)
{
  add_period_values (request, values);
  g_ptr_array_add (values, g_variant_new_int64 (minimum));
}

/* Whether the request's period has both ends, at most a year apart. */
static gboolean
within_a_year (AppealsRequest *request)
{
  const char *from = appeals_request_get_query (request, "from");
  const char *to = appeals_request_get_query (request, "to");
  GDate first, last;

  return from != NULL && to != NULL && appeals_date_parse_iso (from, &first) &&
         appeals_date_parse_iso (to, &last) && g_date_days_between (&first, &last) <= 366;
}

/**
 * appeals_report_records_count_repeat:
 * @request: a journal's count whose filters are valid
 * @total: (out): the appeals its filters keep
 * @overdue: (out): ... and of them the overdue
 * @counted: (out): whether @request asks for nothing but the repeat
 *   applicants of a period of at most a year (the line report's figure:
 *   its period, district and question character, in the caller's
 *   scope); if not, @total and @overdue are untouched
 *
 * Each applicant's appeals of the period are then the rows the journal
 * keeps: one pass over the period grouped by applicant sums both
 * figures, exactly, where the journal's count finds the applicants as a
 * set for each figure (on SQLite through appeals_repeat_count(), which
 * counts in a hash where SQLite would sort: a year's count 67 → 39 ms
 * from the server). At 1,000,000 appeals, in SQL, a region's
 * half-year: 41 against 82 ms on SQLite, 39 against 80 on PostgreSQL; a
 * year: 78 against 173, 84 against 168. Over longer periods PostgreSQL
 * finds the set by applicant in order and stops at the cap (two years:
 * 160 against 174 ms; five: 443 against 219), so they stay with it.
 * Region-wide with a minimum of two, the count reads only the period's
 * appeals that follow another of the same applicant in it
 * (REPEAT_APPLICANTS_CHAINED, migration 0042).
 *
 * Returns: FALSE on a database error
 */
gboolean
appeals_report_records_count_repeat (AppealsRequest  *request,
                                     gint64          *total,
                                     gint64          *overdue,
                                     gboolean        *counted,
                                     GError         **error)
{
  const char *value = appeals_request_get_query (request, "min_applicant_appeals");
  const char *scope = appeals_api_scope_district (request);
  const char *only_district = appeals_request_get_query (request, "district");
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(AppealsDbResult) result = NULL;
  g_autofree char *today_text = NULL;
  gboolean sqlite = appeals_db_get_dialect (request->db) == APPEALS_DB_DIALECT_SQLITE;
  GHashTableIter members;
  gpointer name, given;
  guint64 minimum;
  GDate today;

  *counted = FALSE;
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 1000, &minimum, NULL))
    return TRUE;
  /* an empty district or question is a journal's filter, not the report's;
   * another district than the caller's keeps nothing, as the journal
   * finds at once */
  g_hash_table_iter_init (&members, request->query);
  while (g_hash_table_iter_next (&members, &name, &given))
    if (!g_strv_contains (repeat_count_members, name) || *(const char *) given == '\0')
      return TRUE;
  if (scope != NULL && only_district != NULL && !g_str_equal (scope, only_district))
    return TRUE;
  if (!within_a_year (request))
    return TRUE;

  appeals_server_get_today (&today);
  today_text = appeals_date_format_iso (&today);
  /* the report's figure region-wide: by the appeals' previous ones */
  if (minimum == 2 && scope == NULL && only_district == NULL &&
      appeals_request_get_query (request, "question_character") == NULL)
    {
      const char *from = appeals_request_get_query (request, "from");
      const char *to = appeals_request_get_query (request, "to");

      result = appeals_db_query (request->db,
                                 sqlite ? REPEAT_APPLICANTS_CHAINED (APPEALS_JOURNAL_OVERDUE_SQLITE_SQL ("b"))
                                        : REPEAT_APPLICANTS_CHAINED (APPEALS_JOURNAL_OVERDUE_POSTGRESQL_COUNT_SQL ("b")),
                                 g_variant_new ("(ssssssss)", from, to, to, today_text, from, to, from, to), error);
    }
  else
    {
      g_ptr_array_add (values, g_variant_new_string (today_text));
      if (sqlite)
        {
          g_ptr_array_add (values, g_variant_new_int64 (minimum));
          add_period_values (request, values);
        }
      else
        add_repeat_values (request, values, minimum);
      result = appeals_db_query (request->db, sqlite ? REPEAT_APPLICANTS_TALLIED : REPEAT_APPLICANTS_COUNTED,
                                 g_variant_new_tuple ((GVariant * const *) values->pdata, values->len), error);
    }
  if (result == NULL)
    return FALSE;

  *total = appeals_db_result_get_int64 (result, 0, "n");
  *overdue = appeals_db_result_get_int64 (result, 0, "o");
  *counted = TRUE;
  return TRUE;
}

/**
 * appeals_report_records_as_set:
 * @where: a journal's conditions, with those of
 *   appeals_report_records_add_filters()
 *
 * A page counts the applicant's appeals of the period for each row it
 * reads in its order and stops at the page; a statement that reads every
 * row the conditions keep finds the period's repeat applicants once
 * instead: a count per row costs more there (at 1,000,000 appeals, a
 * year's rows for five appeals: 171 against 50 ms).
 *
 * Returns: (transfer full): @where with the repeat applicants as a set,
 *   with the same parameters
 */
char *
appeals_report_records_as_set (const char *where)
{
  g_autoptr(GString) set = g_string_new (where);

  g_string_replace (set, REPEAT_APPLICANT_OF_ROW, REPEAT_APPLICANTS_AS_SET, 0);
  return g_string_free (g_steal_pointer (&set), FALSE);
}

void
appeals_report_records_add_filters (AppealsRequest *request,
                                    GString        *where,
                                    GPtrArray      *values,
                                    GPtrArray      *errors)
{
  const char *value;
  gboolean flag;
  int unused;

  if ((value = appeals_request_get_query (request, "language")) != NULL)
    {
      if (!appeals_enum_from_wire (APPEALS_TYPE_LANGUAGE, value, &unused))
        appeals_field_errors_add (errors, "language", APPEALS_FIELD_INVALID_VALUE, "kk,ru");
      else
        appeals_api_add_clause (where, values, "a.language = ?", g_variant_new_string (value));
    }

  if ((value = appeals_request_get_query (request, "outcome")) != NULL)
    {
      if (!is_outcome (value))
        {
          g_autofree char *allowed = g_strjoinv (",", (char **) appeals_report_get_outcomes ());
          appeals_field_errors_add (errors, "outcome", APPEALS_FIELD_INVALID_VALUE, allowed);
        }
      else
        appeals_api_add_clause (where, values, OUTCOME_SQL " = ?", g_variant_new_string (value));
    }

  if ((value = appeals_request_get_query (request, "repeat")) != NULL)
    {
      if (!appeals_api_parse_bool (value, &flag))
        appeals_field_errors_add (errors, "repeat", APPEALS_FIELD_INVALID_VALUE, "true,false");
      else
        appeals_api_add_clause (where, values, "a.repeat = ?", g_variant_new_int64 (flag));
    }

  /* considered: as the statistical report counts them (true only) */
  if ((value = appeals_request_get_query (request, "considered")) != NULL)
    {
      if (!appeals_api_parse_bool (value, &flag) || !flag)
        appeals_field_errors_add (errors, "considered", APPEALS_FIELD_INVALID_VALUE, "true");
      else
        appeals_api_add_clause (where, values, APPEALS_CONSIDERED_SQL, NULL);
    }

  if ((value = appeals_request_get_query (request, "timeliness")) != NULL)
    {
      if (g_str_equal (value, "in_term"))
        appeals_api_add_clause (where, values, IN_TERM_SQL, NULL);
      else if (g_str_equal (value, "late"))
        appeals_api_add_clause (where, values, LATE_SQL, NULL);
      else if (g_str_equal (value, "overdue"))
        {
          GDate today;

          appeals_server_get_today (&today);
          appeals_api_add_clause (where, values, OVERDUE_SQL, g_variant_new_take_string (appeals_date_format_iso (&today)));
        }
      else
        appeals_field_errors_add (errors, "timeliness", APPEALS_FIELD_INVALID_VALUE, "in_term,late,overdue");
    }

  /* the appeals of applicants with at least N appeals in the journal's
   * date range, the caller's scope, and the journal's district and
   * question character when it has them (as the line report counts).
   * A page counts, for each row it reads in its order, the applicant's
   * appeals of the period (a range of migration 0038's index) and stops
   * at the page. Finding the period's repeat applicants first had
   * SQLite read all their appeals of ten years by applicant and sort
   * them: at 1,000,000 appeals a year's page took 465 ms, now 1 ms
   * (PostgreSQL: 119 against 3 ms). A statement that reads all the rows
   * takes them as a set: appeals_report_records_as_set(). */
  if ((value = appeals_request_get_query (request, "min_applicant_appeals")) != NULL)
    {
      guint64 minimum;

      if (!g_ascii_string_to_unsigned (value, 10, 1, 1000, &minimum, NULL))
        appeals_field_errors_add (errors, "min_applicant_appeals", APPEALS_FIELD_OUT_OF_RANGE, "1..1000");
      else
        {
          appeals_api_add_clause (where, values, REPEAT_APPLICANT_OF_ROW, NULL);
          add_repeat_values (request, values, minimum);
        }
    }
}
