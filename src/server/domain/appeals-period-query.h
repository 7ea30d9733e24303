/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-period-query.h: what the SQL of a report comparing two periods
 * (the line report, the content terms) binds — the periods' dates as
 * text, today, the caller's scope and the report's filters — made once
 * from the periods asked for.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

typedef struct
{
  AppealsRequest *request;
  char           *from, *to, *compare_from, *compare_to, *today;
  const char     *district;                 /* the caller's scope; NULL: the whole region */
  const char     *only_district;            /* the report's filters; NULL: all */
  const char     *only_question_character;
} AppealsPeriodQuery;

void      appeals_period_query_init              (AppealsPeriodQuery         *query,
                                                  AppealsRequest             *request,
                                                  const AppealsReportPeriods *periods);
void      appeals_period_query_clear             (AppealsPeriodQuery         *query);
void      appeals_period_query_add_scope_params  (const AppealsPeriodQuery   *query,
                                                  GVariantBuilder            *params);
void      appeals_period_query_add_either_params (const AppealsPeriodQuery   *query,
                                                  GVariantBuilder            *params);
GVariant *appeals_period_query_two_period_params (const AppealsPeriodQuery   *query);

/* 1 for a row of the period from ? to ?, else 0: summed, the count of
 * each period in one pass over the rows of either. */
#define APPEALS_PERIOD_QUERY_IN(date) "CASE WHEN " date " BETWEEN ? AND ? THEN 1 ELSE 0 END"

/* The caller's scope (? is 1 for the whole region, ? the district), then
 * the report's own filters, a district and a question character ('' for
 * all), on the appeals named @table: appeals_period_query_add_scope_params(). */
#define APPEALS_PERIOD_QUERY_SCOPE(table) \
  "(? = 1 OR " table ".district = ?) AND (? = '' OR " table ".district = ?) " \
  "AND (? = '' OR " table ".question_character = ?)"

/* The rows of either period, read as one range of the date index that
 * holds both: with an OR of the two ranges alone, PostgreSQL reads the
 * whole index (a million entries for two half-years' 100 k). Its
 * parameters: appeals_period_query_add_either_params(). */
#define APPEALS_PERIOD_QUERY_EITHER(date) \
  date " BETWEEN ? AND ? AND (" date " BETWEEN ? AND ? OR " date " BETWEEN ? AND ?)"

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AppealsPeriodQuery, appeals_period_query_clear)

G_END_DECLS
