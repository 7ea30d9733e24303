/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-analytics.c: the line report.
 *
 *   GET /analytics/line-report?from&to[&compare_from&compare_to]
 *       the appeals registered from..to (inclusive) in the caller's scope,
 *       ranked by district, question, category, body, channel, language,
 *       outcome and repeat appeals, with the timeliness of every body,
 *       each figure beside the comparison period's (by default the same
 *       period a year earlier) and the journal filter that lists it.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-report-records.h"

static gboolean
handle_line_report (AppealsRequest  *request,
                    GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsReport) report = NULL;
  g_autoptr(JsonNode) root = NULL;
  GDate from, to, compare_from, compare_to;
  gboolean has_compare_from, has_compare_to;

  appeals_api_read_query_date (request, "from", TRUE, &from, errors);
  appeals_api_read_query_date (request, "to", TRUE, &to, errors);
  has_compare_from = appeals_api_read_query_date (request, "compare_from", FALSE, &compare_from, errors);
  has_compare_to = appeals_api_read_query_date (request, "compare_to", FALSE, &compare_to, errors);
  /* a comparison period is given whole or not at all */
  if (has_compare_from != has_compare_to && appeals_request_get_query (request, "compare_from") != NULL &&
      appeals_request_get_query (request, "compare_to") == NULL)
    appeals_field_errors_add (errors, "compare_to", APPEALS_FIELD_REQUIRED, NULL);
  else if (has_compare_from != has_compare_to && appeals_request_get_query (request, "compare_to") != NULL &&
           appeals_request_get_query (request, "compare_from") == NULL)
    appeals_field_errors_add (errors, "compare_from", APPEALS_FIELD_REQUIRED, NULL);
  appeals_api_check_date_order (&from, &to, "to", errors);
  appeals_api_check_date_order (&compare_from, &compare_to, "compare_to", errors);

  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  if (!has_compare_from)
    appeals_report_year_earlier (&from, &to, &compare_from, &compare_to);

  report = appeals_report_records_count (request, &from, &to, &compare_from, &compare_to, error);
  if (report == NULL)
    return FALSE;

  root = appeals_report_to_json (report);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

void
appeals_api_analytics_register (AppealsServer *server)
{
  appeals_server_add_route (server, "GET", "/api/v1/analytics/line-report", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_line_report);
}
