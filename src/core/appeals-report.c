/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-report.c: the line report's model, its periods and its JSON.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "appeals-json.h"
#include "appeals-report.h"

#define ORIGIN "line-report"

static const char * const dimensions[] = {
  APPEALS_REPORT_DISTRICT, APPEALS_REPORT_QUESTION_CHARACTER, APPEALS_REPORT_CATEGORY,
  APPEALS_REPORT_ADDRESSEE_BODY, APPEALS_REPORT_CHANNEL, APPEALS_REPORT_LANGUAGE,
  APPEALS_REPORT_OUTCOME, APPEALS_REPORT_REPEAT, NULL
};

/* the answer characters of data/classifiers/answer-characters.json, then
 * the procedural outcomes, then what has none yet */
static const char * const outcomes[] = {
  "satisfied", "partly-satisfied", "refused", "explained", "left-without-consideration", "terminated",
  "forwarded", "unspecified", "pending", NULL
};

static const char * const timeliness_names[] = {
  "registered", "answered_in_term", "answered_late", "overdue_now"
};

const char * const *
appeals_report_get_dimensions (void)
{
  return dimensions;
}

/**
 * appeals_report_get_outcomes:
 *
 * Returns: the outcomes the report counts appeals by: the character of
 *   the answer, a procedural end (left without consideration, terminated,
 *   forwarded by competence), "unspecified" for an answer recorded without
 *   its character and "pending" for appeals still under consideration.
 */
const char * const *
appeals_report_get_outcomes (void)
{
  return outcomes;
}

const char *
appeals_timeliness_figure_to_string (AppealsTimelinessFigure figure)
{
  g_return_val_if_fail (figure < APPEALS_TIMELINESS_N_FIGURES, NULL);
  return timeliness_names[figure];
}

/**
 * appeals_report_preset_range:
 *
 * The month, quarter, half-year or year that contains @today, from its
 * first day up to @today.
 */
void
appeals_report_preset_range (AppealsReportPreset  preset,
                             const GDate         *today,
                             GDate               *from,
                             GDate               *to)
{
  static const guint months[] = { 1, 3, 6, 12 };
  guint length = months[preset];
  guint month = g_date_get_month (today);
  guint first = ((month - 1) / length) * length + 1;

  g_date_clear (from, 1);
  g_date_set_dmy (from, 1, first, g_date_get_year (today));
  *to = *today;
}

static void
year_earlier (const GDate *date,
              GDate       *result)
{
  guint year = g_date_get_year (date);
  guint month = g_date_get_month (date);
  guint day = g_date_get_day (date);

  g_date_clear (result, 1);
  /* 29 February a year earlier is the 28th */
  g_date_set_dmy (result, MIN (day, g_date_get_days_in_month (month, year - 1)), month, year - 1);
}

/**
 * appeals_report_year_earlier:
 *
 * The same period a year earlier: the comparison period by default.
 */
void
appeals_report_year_earlier (const GDate *from,
                             const GDate *to,
                             GDate       *compare_from,
                             GDate       *compare_to)
{
  year_earlier (from, compare_from);
  year_earlier (to, compare_to);
}

/**
 * appeals_report_periods_init:
 *
 * The period @from to @to, compared with the same period a year earlier,
 * of every district and question character.
 */
void
appeals_report_periods_init (AppealsReportPeriods *periods,
                             const GDate          *from,
                             const GDate          *to)
{
  memset (periods, 0, sizeof *periods);
  periods->from = *from;
  periods->to = *to;
  g_date_clear (&periods->compare_from, 1);
  g_date_clear (&periods->compare_to, 1);
}

/* Whether @periods names its comparison period itself. */
gboolean
appeals_report_periods_has_comparison (const AppealsReportPeriods *periods)
{
  return g_date_valid (&periods->compare_from) && g_date_valid (&periods->compare_to);
}

static void
report_row_free (AppealsReportRow *row)
{
  g_free (row->key);
  g_free (row->filter);
  g_free (row);
}

static void
ranking_free (AppealsRanking *ranking)
{
  g_free (ranking->dimension);
  g_ptr_array_unref (ranking->rows);
  g_free (ranking);
}

static void
timeliness_row_free (AppealsTimelinessRow *row)
{
  g_free (row->body);
  for (guint i = 0; i < APPEALS_TIMELINESS_N_FIGURES; i++)
    g_free (row->filters[i]);
  g_free (row);
}

AppealsReport *
appeals_report_new (void)
{
  AppealsReport *report = g_new0 (AppealsReport, 1);

  g_date_clear (&report->from, 1);
  g_date_clear (&report->to, 1);
  g_date_clear (&report->compare_from, 1);
  g_date_clear (&report->compare_to, 1);
  report->rankings = g_ptr_array_new_with_free_func ((GDestroyNotify) ranking_free);
  report->timeliness = g_ptr_array_new_with_free_func ((GDestroyNotify) timeliness_row_free);
  return report;
}

void
appeals_report_free (AppealsReport *report)
{
  if (report == NULL)
    return;
  g_free (report->district);
  g_ptr_array_unref (report->rankings);
  g_ptr_array_unref (report->timeliness);
  g_free (report);
}

AppealsRanking *
appeals_report_add_ranking (AppealsReport *report,
                            const char    *dimension,
                            gint64         total,
                            gint64         compare_total)
{
  AppealsRanking *ranking = g_new0 (AppealsRanking, 1);

  ranking->dimension = g_strdup (dimension);
  ranking->total = total;
  ranking->compare_total = compare_total;
  ranking->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) report_row_free);
  g_ptr_array_add (report->rankings, ranking);
  return ranking;
}

AppealsRanking *
appeals_report_get_ranking (AppealsReport *report,
                            const char    *dimension)
{
  for (guint i = 0; i < report->rankings->len; i++)
    {
      AppealsRanking *ranking = g_ptr_array_index (report->rankings, i);

      if (g_str_equal (ranking->dimension, dimension))
        return ranking;
    }
  return NULL;
}

/**
 * appeals_ranking_add_row:
 * @filter: (transfer full): the journal's query for the row
 *
 * Adds a row and computes its share of the ranking's total and its change
 * against the comparison period.
 */
AppealsReportRow *
appeals_ranking_add_row (AppealsRanking *ranking,
                         const char     *key,
                         gint64          count,
                         gint64          compare_count,
                         char           *filter)
{
  AppealsReportRow *row = g_new0 (AppealsReportRow, 1);

  row->key = g_strdup (key);
  row->count = count;
  row->compare_count = compare_count;
  row->share = ranking->total > 0 ? (double) count / ranking->total : 0.0;
  row->change = compare_count > 0 ? (double) (count - compare_count) / compare_count : NAN;
  row->filter = filter;
  g_ptr_array_add (ranking->rows, row);
  return row;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const AppealsReportRow *x = *(AppealsReportRow **) a;
  const AppealsReportRow *y = *(AppealsReportRow **) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if (x->compare_count != y->compare_count)
    return x->compare_count > y->compare_count ? -1 : 1;
  return strcmp (x->key, y->key);
}

/* Largest count first; ties by the comparison period, then by key, so
 * that the order is the same on every backend. */
void
appeals_ranking_sort (AppealsRanking *ranking)
{
  g_ptr_array_sort (ranking->rows, compare_rows);
}

AppealsTimelinessRow *
appeals_report_add_timeliness (AppealsReport *report,
                               const char    *body)
{
  AppealsTimelinessRow *row = g_new0 (AppealsTimelinessRow, 1);

  row->body = g_strdup (body);
  row->average_working_days = NAN;
  g_ptr_array_add (report->timeliness, row);
  return row;
}

/* JSON ---------------------------------------------------------------------- */

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

/* "a=1&b=2" as {"a": "1", "b": "2"} */
void
appeals_report_add_filter (JsonBuilder *builder,
                           const char  *name,
                           const char  *query)
{
  g_auto(GStrv) pairs = g_strsplit (query != NULL ? query : "", "&", -1);

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (pairs[i], "=", 2);
      g_autofree char *value = NULL;

      if (pair[0] == NULL || pair[1] == NULL)
        continue;
      value = g_uri_unescape_string (pair[1], NULL);
      json_builder_set_member_name (builder, pair[0]);
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
}

static void
add_ranking (JsonBuilder    *builder,
             AppealsRanking *ranking)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dimension");
  json_builder_add_string_value (builder, ranking->dimension);
  appeals_json_add_int (builder, "total", ranking->total);
  appeals_json_add_int (builder, "compare_total", ranking->compare_total);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      AppealsReportRow *row = g_ptr_array_index (ranking->rows, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, row->key);
      appeals_json_add_int (builder, "count", row->count);
      appeals_json_add_int (builder, "compare_count", row->compare_count);
      json_builder_set_member_name (builder, "share");
      json_builder_add_double_value (builder, row->share);
      add_number_or_null (builder, "change", row->change);
      appeals_report_add_filter (builder, "filter", row->filter);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_timeliness (JsonBuilder          *builder,
                AppealsTimelinessRow *row)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, row->body);
  for (guint i = 0; i < APPEALS_TIMELINESS_N_FIGURES; i++)
    appeals_json_add_int (builder, timeliness_names[i], row->figures[i]);
  add_number_or_null (builder, "average_working_days", row->average_working_days);
  json_builder_set_member_name (builder, "filters");
  json_builder_begin_object (builder);
  for (guint i = 0; i < APPEALS_TIMELINESS_N_FIGURES; i++)
    appeals_report_add_filter (builder, timeliness_names[i], row->filters[i]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

JsonNode *
appeals_report_to_json (AppealsReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  appeals_json_add_date (builder, "from", &report->from);
  appeals_json_add_date (builder, "to", &report->to);
  appeals_json_add_date (builder, "compare_from", &report->compare_from);
  appeals_json_add_date (builder, "compare_to", &report->compare_to);
  appeals_json_add_string_or_null (builder, "district", report->district);
  appeals_json_add_int (builder, "total", report->total);
  appeals_json_add_int (builder, "compare_total", report->compare_total);
  appeals_json_add_int (builder, "applicants", report->applicants);
  appeals_json_add_int (builder, "compare_applicants", report->compare_applicants);
  json_builder_set_member_name (builder, "rankings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->rankings->len; i++)
    add_ranking (builder, g_ptr_array_index (report->rankings, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "timeliness");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->timeliness->len; i++)
    add_timeliness (builder, g_ptr_array_index (report->timeliness, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Reading ------------------------------------------------------------------- */

static gboolean
read_number_or_null (JsonObject  *object,
                     const char  *member,
                     double      *value,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NAN;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
    {
      appeals_json_set_field_error (error, ORIGIN, member, "must be a number");
      return FALSE;
    }
  *value = json_node_get_double (node);
  return TRUE;
}

/* {"a": "1"} as "a=1" */
gboolean
appeals_report_read_filter (JsonObject  *object,
                            const char  *member,
                            char       **query,
                            GError     **error)
{
  JsonObject *filter = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GList) names = NULL;

  if (!appeals_json_read_object (object, member, TRUE, &filter, ORIGIN, NULL, error))
    return FALSE;
  names = json_object_get_members (filter);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *value = NULL;
      g_autofree char *escaped = NULL;

      if (!appeals_json_read_string (filter, l->data, TRUE, &value, ORIGIN, member, error))
        return FALSE;
      escaped = g_uri_escape_string (value, NULL, FALSE);
      g_string_append_printf (text, "%s%s=%s", text->len > 0 ? "&" : "", (char *) l->data, escaped);
    }
  *query = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

static gboolean
read_ranking (AppealsReport  *report,
              JsonObject     *object,
              GError        **error)
{
  const char *dimension = NULL;
  gint64 total = 0, compare_total = 0;
  JsonArray *rows = NULL;
  AppealsRanking *ranking;

  if (!appeals_json_read_string (object, "dimension", TRUE, &dimension, ORIGIN, NULL, error) ||
      !appeals_json_read_int (object, "total", TRUE, 0, G_MAXINT64, &total, ORIGIN, NULL, error) ||
      !appeals_json_read_int (object, "compare_total", TRUE, 0, G_MAXINT64, &compare_total, ORIGIN, NULL, error) ||
      !appeals_json_read_array (object, "rows", TRUE, &rows, ORIGIN, NULL, error))
    return FALSE;

  ranking = appeals_report_add_ranking (report, dimension, total, compare_total);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = appeals_json_array_get_object (rows, i, ORIGIN, "rows", error);
      const char *key = NULL;
      gint64 count = 0, compare_count = 0;
      char *filter = NULL;
      AppealsReportRow *added;

      if (row == NULL ||
          !appeals_json_read_string (row, "key", TRUE, &key, ORIGIN, "rows", error) ||
          !appeals_json_read_int (row, "count", TRUE, 0, G_MAXINT64, &count, ORIGIN, "rows", error) ||
          !appeals_json_read_int (row, "compare_count", TRUE, 0, G_MAXINT64, &compare_count, ORIGIN, "rows", error) ||
          !appeals_report_read_filter (row, "filter", &filter, error))
        return FALSE;
      /* share and change as the server computed them */
      added = appeals_ranking_add_row (ranking, key, count, compare_count, filter);
      if (!read_number_or_null (row, "share", &added->share, error) ||
          !read_number_or_null (row, "change", &added->change, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_timeliness (AppealsReport  *report,
                 JsonObject     *object,
                 GError        **error)
{
  const char *body = NULL;
  JsonObject *filters = NULL;
  AppealsTimelinessRow *row;

  if (!appeals_json_read_string (object, "body", TRUE, &body, ORIGIN, "timeliness", error) ||
      !appeals_json_read_object (object, "filters", TRUE, &filters, ORIGIN, "timeliness", error))
    return FALSE;

  row = appeals_report_add_timeliness (report, body);
  for (guint i = 0; i < APPEALS_TIMELINESS_N_FIGURES; i++)
    if (!appeals_json_read_int (object, timeliness_names[i], TRUE, 0, G_MAXINT64, &row->figures[i], ORIGIN,
                                "timeliness", error) ||
        !appeals_report_read_filter (filters, timeliness_names[i], &row->filters[i], error))
      return FALSE;
  return read_number_or_null (object, "average_working_days", &row->average_working_days, error);
}

/**
 * appeals_report_new_from_json:
 *
 * Returns: (transfer full) (nullable): the report the server sent, or
 *   %NULL with @error set when a member is missing or of the wrong type.
 */
AppealsReport *
appeals_report_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(AppealsReport) report = appeals_report_new ();
  JsonObject *object = appeals_json_node_get_root_object (node, ORIGIN, error);
  JsonArray *rankings = NULL, *timeliness = NULL;
  const char *district = NULL;

  if (object == NULL ||
      !appeals_json_read_date (object, "from", TRUE, &report->from, ORIGIN, NULL, error) ||
      !appeals_json_read_date (object, "to", TRUE, &report->to, ORIGIN, NULL, error) ||
      !appeals_json_read_date (object, "compare_from", TRUE, &report->compare_from, ORIGIN, NULL, error) ||
      !appeals_json_read_date (object, "compare_to", TRUE, &report->compare_to, ORIGIN, NULL, error) ||
      !appeals_json_read_string (object, "district", FALSE, &district, ORIGIN, NULL, error) ||
      !appeals_json_read_int (object, "total", TRUE, 0, G_MAXINT64, &report->total, ORIGIN, NULL, error) ||
      !appeals_json_read_int (object, "compare_total", TRUE, 0, G_MAXINT64, &report->compare_total, ORIGIN, NULL,
                              error) ||
      !appeals_json_read_int (object, "applicants", TRUE, 0, G_MAXINT64, &report->applicants, ORIGIN, NULL, error) ||
      !appeals_json_read_int (object, "compare_applicants", TRUE, 0, G_MAXINT64, &report->compare_applicants,
                              ORIGIN, NULL, error) ||
      !appeals_json_read_array (object, "rankings", TRUE, &rankings, ORIGIN, NULL, error) ||
      !appeals_json_read_array (object, "timeliness", TRUE, &timeliness, ORIGIN, NULL, error))
    return NULL;

  report->district = g_strdup (district);
  for (guint i = 0; i < json_array_get_length (rankings); i++)
    {
      JsonObject *ranking = appeals_json_array_get_object (rankings, i, ORIGIN, "rankings", error);

      if (ranking == NULL || !read_ranking (report, ranking, error))
        return NULL;
    }
  for (guint i = 0; i < json_array_get_length (timeliness); i++)
    {
      JsonObject *row = appeals_json_array_get_object (timeliness, i, ORIGIN, "timeliness", error);

      if (row == NULL || !read_timeliness (report, row, error))
        return NULL;
    }

  return g_steal_pointer (&report);
}
