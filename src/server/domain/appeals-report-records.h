/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-report-records.h: the line report counted in SQL (GROUP BY over
 * the appeals of two periods in the caller's scope, nothing loaded row by
 * row), and the journal's filters that list the appeals behind a figure —
 * one definition of each figure for both.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

AppealsReport *appeals_report_records_count       (AppealsRequest              *request,
                                                   const AppealsReportPeriods  *periods,
                                                   GError                     **error);

/* Which statement the journal's conditions are for: the same rows, read
 * in another way where that is cheaper. */
typedef enum
{
  APPEALS_REPORT_FILTER_PAGE,   /* a page: the first rows in an order */
  APPEALS_REPORT_FILTER_COUNT,  /* a count: every row, up to a cap */
} AppealsReportFilterUse;

/* The journal's conditions for the report's figures (language, outcome,
 * repeat, min_applicant_appeals, timeliness): appends " AND …" clauses to
 * @where and their floating values to @values, or field errors. */
void           appeals_report_records_add_filters (AppealsRequest          *request,
                                                   AppealsReportFilterUse   use,
                                                   GString                 *where,
                                                   GPtrArray               *values,
                                                   GPtrArray               *errors);

G_END_DECLS
