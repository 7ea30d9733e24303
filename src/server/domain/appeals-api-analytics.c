/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-analytics.c: the line report.
 *
 *   GET /analytics/line-report?from&to[&compare_from&compare_to]
 *       [&district][&question_character]
 *       the appeals registered from..to (inclusive) in the caller's scope
 *       (and of one district or question character when asked),
 *       ranked by district, question, category, body, channel, language,
 *       outcome and repeat appeals, with the timeliness of every body,
 *       each figure beside the comparison period's (by default the same
 *       period a year earlier) and the journal filter that lists it.
 *
 *   GET /analytics/content-terms?from&to[&compare_from&compare_to]
 *       [&district][&question_character][&limit][&min_count]
 *       the words and two-word phrases of the annotations and texts of
 *       those appeals whose count of appeals grew most against the
 *       comparison period, each with the journal's search that lists them.
 *
 *   GET /analytics/statistical-report?from&to&breakdown
 *       the statistical report of the appeals registered from..to in the
 *       caller's scope: the rows of data/reports/statistical-report.json,
 *       a column per district, addressee body or kind.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-content-records.h"
#include "appeals-report-records.h"
#include "appeals-statistical-records.h"

/* GET /analytics/content-terms: terms returned by default and at most, and
 * the fewest appeals of the period a term is counted from by default */
#define DEFAULT_CONTENT_TERMS     30
#define MAX_CONTENT_TERMS         100
#define DEFAULT_CONTENT_MIN_COUNT 2

/* The period, the comparison period (by default the same period a year
 * earlier) and the filters of a report comparing two periods. */
static void
read_periods (AppealsRequest       *request,
              AppealsReportPeriods *periods,
              GPtrArray            *errors)
{
  gboolean has_compare_from, has_compare_to;

  periods->district = appeals_request_get_query (request, "district");
  periods->question_character = appeals_request_get_query (request, "question_character");
  appeals_api_read_query_date (request, "from", TRUE, &periods->from, errors);
  appeals_api_read_query_date (request, "to", TRUE, &periods->to, errors);
  has_compare_from = appeals_api_read_query_date (request, "compare_from", FALSE, &periods->compare_from, errors);
  has_compare_to = appeals_api_read_query_date (request, "compare_to", FALSE, &periods->compare_to, errors);
  /* a comparison period is given whole or not at all */
  if (has_compare_from != has_compare_to && appeals_request_get_query (request, "compare_from") != NULL &&
      appeals_request_get_query (request, "compare_to") == NULL)
    appeals_field_errors_add (errors, "compare_to", APPEALS_FIELD_REQUIRED, NULL);
  else if (has_compare_from != has_compare_to && appeals_request_get_query (request, "compare_to") != NULL &&
           appeals_request_get_query (request, "compare_from") == NULL)
    appeals_field_errors_add (errors, "compare_from", APPEALS_FIELD_REQUIRED, NULL);
  appeals_api_check_date_order (&periods->from, &periods->to, "to", errors);
  appeals_api_check_date_order (&periods->compare_from, &periods->compare_to, "compare_to", errors);
  appeals_api_check_code (request, errors, "district", APPEALS_CLASSIFIER_DISTRICTS, periods->district);
  appeals_api_check_code (request, errors, "question_character", APPEALS_CLASSIFIER_QUESTION_CHARACTERS,
                          periods->question_character);
  if (errors->len == 0 && !has_compare_from)
    appeals_report_year_earlier (&periods->from, &periods->to, &periods->compare_from, &periods->compare_to);
}

static gboolean
handle_line_report (AppealsRequest  *request,
                    GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsReport) report = NULL;
  g_autoptr(JsonNode) root = NULL;
  AppealsReportPeriods periods;

  read_periods (request, &periods, errors);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  report = appeals_report_records_count (request, &periods, error);
  if (report == NULL)
    return FALSE;

  root = appeals_report_to_json (report);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

/* ?name= as a number from @min to @max, or @fallback when not given. */
static guint64
read_query_number (AppealsRequest *request,
                   const char     *name,
                   guint64         min,
                   guint64         max,
                   guint64         fallback,
                   GPtrArray      *errors)
{
  const char *text = appeals_request_get_query (request, name);
  guint64 value = fallback;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    {
      g_autofree char *range = g_strdup_printf ("%" G_GUINT64_FORMAT "..%" G_GUINT64_FORMAT, min, max);

      appeals_field_errors_add (errors, name, APPEALS_FIELD_OUT_OF_RANGE, range);
    }
  return value;
}

static gboolean
handle_content_terms (AppealsRequest  *request,
                      GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsContentTerms) terms = NULL;
  g_autoptr(JsonNode) root = NULL;
  AppealsReportPeriods periods;
  guint64 limit, min_count;

  read_periods (request, &periods, errors);
  limit = read_query_number (request, "limit", 1, MAX_CONTENT_TERMS, DEFAULT_CONTENT_TERMS, errors);
  min_count = read_query_number (request, "min_count", 1, G_MAXINT32, DEFAULT_CONTENT_MIN_COUNT, errors);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  terms = appeals_content_records_count (request, &periods, (guint) limit, (gint64) min_count, error);
  if (terms == NULL)
    return FALSE;

  root = appeals_content_terms_to_json (terms);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

static gboolean
handle_statistical_report (AppealsRequest  *request,
                           GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsStatisticalReport) report = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *breakdown = appeals_request_get_query (request, "breakdown");
  const char * const *breakdowns = appeals_statistical_report_get_breakdowns ();
  GDate from, to;

  appeals_api_read_query_date (request, "from", TRUE, &from, errors);
  appeals_api_read_query_date (request, "to", TRUE, &to, errors);
  appeals_api_check_date_order (&from, &to, "to", errors);
  if (breakdown == NULL)
    breakdown = APPEALS_STATISTICAL_BY_DISTRICT;
  else if (!g_strv_contains (breakdowns, breakdown))
    {
      g_autofree char *allowed = g_strjoinv (",", (char **) breakdowns);
      appeals_field_errors_add (errors, "breakdown", APPEALS_FIELD_INVALID_VALUE, allowed);
    }
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  report = appeals_statistical_records_count (request, &from, &to, breakdown, error);
  if (report == NULL)
    return FALSE;
  root = appeals_statistical_report_to_json (report);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

void
appeals_api_analytics_register (AppealsServer *server)
{
  appeals_server_add_route (server, "GET", "/api/v1/analytics/line-report", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_SLOW, handle_line_report);
  appeals_server_add_route (server, "GET", "/api/v1/analytics/content-terms", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_SLOW, handle_content_terms);
  appeals_server_add_route (server, "GET", "/api/v1/analytics/statistical-report", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_SLOW, handle_statistical_report);
}
