/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-period-query.c: the parameters of a report comparing two
 * periods, shared by the line report and the content terms.
 */
#include "config.h"

#include <string.h>

#include "appeals-period-query.h"
#include "appeals-scope.h"

/**
 * appeals_period_query_init:
 * @periods: with its comparison period chosen (see
 *   appeals_report_year_earlier())
 *
 * Fills @query for @request's caller; the filters stay borrowed from
 * @periods.
 */
void
appeals_period_query_init (AppealsPeriodQuery         *query,
                           AppealsRequest             *request,
                           const AppealsReportPeriods *periods)
{
  GDate today;

  memset (query, 0, sizeof *query);
  query->request = request;
  query->from = appeals_date_format_iso (&periods->from);
  query->to = appeals_date_format_iso (&periods->to);
  query->compare_from = appeals_date_format_iso (&periods->compare_from);
  query->compare_to = appeals_date_format_iso (&periods->compare_to);
  appeals_server_get_today (&today);
  query->today = appeals_date_format_iso (&today);
  query->district = appeals_api_scope_district (request);
  query->only_district = periods->district;
  query->only_question_character = periods->question_character;
}

void
appeals_period_query_clear (AppealsPeriodQuery *query)
{
  g_clear_pointer (&query->from, g_free);
  g_clear_pointer (&query->to, g_free);
  g_clear_pointer (&query->compare_from, g_free);
  g_clear_pointer (&query->compare_to, g_free);
  g_clear_pointer (&query->today, g_free);
}

/**
 * appeals_period_query_add_either_params:
 *
 * The parameters of APPEALS_PERIOD_QUERY_EITHER(): the range from the
 * earlier start to the later end, then each period's.
 */
void
appeals_period_query_add_either_params (const AppealsPeriodQuery *query,
                                        GVariantBuilder          *params)
{
  /* ISO dates order as text */
  g_variant_builder_add (params, "s", strcmp (query->from, query->compare_from) <= 0 ? query->from
                                                                                     : query->compare_from);
  g_variant_builder_add (params, "s", strcmp (query->to, query->compare_to) >= 0 ? query->to : query->compare_to);
  g_variant_builder_add (params, "s", query->from);
  g_variant_builder_add (params, "s", query->to);
  g_variant_builder_add (params, "s", query->compare_from);
  g_variant_builder_add (params, "s", query->compare_to);
}

/**
 * appeals_period_query_two_period_params:
 *
 * The parameters of a count of both periods over the rows of either in
 * the caller's scope: APPEALS_PERIOD_QUERY_IN() of this period, then of
 * the comparison, APPEALS_PERIOD_QUERY_EITHER() and the scope.
 *
 * Returns: (transfer floating): the parameters' tuple
 */
GVariant *
appeals_period_query_two_period_params (const AppealsPeriodQuery *query)
{
  GVariantBuilder params;

  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  g_variant_builder_add (&params, "s", query->from);
  g_variant_builder_add (&params, "s", query->to);
  g_variant_builder_add (&params, "s", query->compare_from);
  g_variant_builder_add (&params, "s", query->compare_to);
  appeals_period_query_add_either_params (query, &params);
  appeals_period_query_add_scope_params (query, &params);
  return g_variant_builder_end (&params);
}

/**
 * appeals_period_query_add_scope_params:
 *
 * The parameters of the reports' scope condition, in this order: 1 for
 * the whole region and the caller's district, then the district and the
 * question character asked for ('' for all), each twice:
 * "(? = 1 OR district = ?) AND (? = '' OR district = ?) AND
 * (? = '' OR question_character = ?)".
 */
void
appeals_period_query_add_scope_params (const AppealsPeriodQuery *query,
                                       GVariantBuilder          *params)
{
  g_variant_builder_add (params, "x", (gint64) (query->district == NULL));
  g_variant_builder_add (params, "s", query->district != NULL ? query->district : "");
  for (guint i = 0; i < 2; i++)
    g_variant_builder_add (params, "s", query->only_district != NULL ? query->only_district : "");
  for (guint i = 0; i < 2; i++)
    g_variant_builder_add (params, "s", query->only_question_character != NULL ? query->only_question_character : "");
}
