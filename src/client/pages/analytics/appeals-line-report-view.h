/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-line-report-view.h: the line report on the Analytics page — the
 * period with its presets, a bar chart per ranking with its numbers beside
 * each bar, the bodies' timeliness, and the export of every table. A row
 * opens the journal on the appeals behind it (win.open-journal).
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

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

G_END_DECLS
