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

/* The journal's conditions for the report's figures (language, outcome,
 * repeat, min_applicant_appeals, timeliness) as a page reads them, row by
 * row in its order: appends " AND …" clauses to @where and their
 * floating values to @values, or field errors. */
void           appeals_report_records_add_filters (AppealsRequest  *request,
                                                   GString         *where,
                                                   GPtrArray       *values,
                                                   GPtrArray       *errors);

/* The same conditions as a statement that reads all the rows they keep
 * (a count, a set sorted) is cheaper with: @where (conditions on "a"),
 * with the same parameters. */
char          *appeals_report_records_as_set      (const char      *where);

/* GET /appeals/count of the report's repeat applicants alone, both
 * figures at once; @counted says whether it applied. */
gboolean       appeals_report_records_count_repeat (AppealsRequest  *request,
                                                    gint64          *total,
                                                    gint64          *overdue,
                                                    gboolean        *counted,
                                                    GError         **error);

G_END_DECLS
