/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-report-print.h: the line report on paper (or in a PDF).
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-reference-service.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_REPORT_PRINT (appeals_report_print_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReportPrint, appeals_report_print, APPEALS, REPORT_PRINT, GtkPrintOperation)

AppealsReportPrint *appeals_report_print_new   (AppealsReport           *report,
                                                AppealsReferenceService *reference);
char               *appeals_report_totals_text (AppealsReport           *report);
AppealsReportPrint *appeals_report_print_new_for_tables (const char   *heading,
                                                         const char   *subtitle,
                                                         GPtrArray    *tables);

G_END_DECLS
