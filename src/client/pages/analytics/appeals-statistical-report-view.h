/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-statistical-report-view.h: the statistical report in the
 * analytics section — a period, a breakdown (districts, bodies, kinds),
 * the table, and its export as CSV, XLSX and PDF.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"
#include "appeals-statistical-export.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_STATISTICAL_REPORT_VIEW (appeals_statistical_report_view_get_type ())

G_DECLARE_FINAL_TYPE (AppealsStatisticalReportView, appeals_statistical_report_view, APPEALS,
                      STATISTICAL_REPORT_VIEW, GtkBox)

void                      appeals_statistical_report_view_reload        (AppealsStatisticalReportView *self);
void                      appeals_statistical_report_view_clear         (AppealsStatisticalReportView *self);
void                      appeals_statistical_report_view_set_breakdown (AppealsStatisticalReportView *self,
                                                                         const char                   *breakdown);
AppealsStatisticalReport *appeals_statistical_report_view_get_report    (AppealsStatisticalReportView *self);
GtkWidget                *appeals_statistical_report_view_get_cell      (AppealsStatisticalReportView *self,
                                                                         guint                         row,
                                                                         guint                         column);
const char               *appeals_statistical_report_view_get_cell_text (AppealsStatisticalReportView *self,
                                                                         guint                         row,
                                                                         guint                         column);
gboolean                  appeals_statistical_report_view_write         (AppealsStatisticalReportView *self,
                                                                         AppealsStatisticalFormat      format,
                                                                         const char                   *path,
                                                                         GError                      **error);

gboolean                   appeals_statistical_report_view_open_cell (AppealsStatisticalReportView *self,
                                                                      guint                         row,
                                                                      guint                         column);

G_END_DECLS
