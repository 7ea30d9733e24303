/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-line-report-view.h: the line report on the Analytics page — the
 * period with its presets or the user's own dates, the map of problem
 * issues (whose units filter the rankings by district), a bar chart per ranking with its numbers beside
 * each bar, the bodies' timeliness, and the export of every table. A row
 * opens the journal on the appeals behind it (win.open-journal).
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"
#include "appeals-map-view.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_LINE_REPORT_VIEW (appeals_line_report_view_get_type ())

G_DECLARE_FINAL_TYPE (AppealsLineReportView, appeals_line_report_view, APPEALS, LINE_REPORT_VIEW, GtkBox)

void           appeals_line_report_view_reload     (AppealsLineReportView *self);
void           appeals_line_report_view_clear      (AppealsLineReportView *self);
void           appeals_line_report_view_set_preset (AppealsLineReportView *self,
                                                    AppealsReportPreset    preset);
AppealsReport *appeals_line_report_view_get_report (AppealsLineReportView *self);
GtkWidget     *appeals_line_report_view_get_row    (AppealsLineReportView *self,
                                                    const char            *table,
                                                    guint                  position);

void           appeals_line_report_view_set_custom_period (AppealsLineReportView *self,
                                                           const char            *from,
                                                           const char            *to);
gboolean       appeals_line_report_view_get_period_errors (AppealsLineReportView  *self,
                                                           const char            **from_error,
                                                           const char            **to_error);
void           appeals_line_report_view_set_district      (AppealsLineReportView *self,
                                                           const char            *district);
const char    *appeals_line_report_view_get_district      (AppealsLineReportView *self);
AppealsMapView *appeals_line_report_view_get_map_view (AppealsLineReportView *self);
gboolean       appeals_line_report_view_write_pdf         (AppealsLineReportView  *self,
                                                           const char             *path,
                                                           GError                **error);

G_END_DECLS
