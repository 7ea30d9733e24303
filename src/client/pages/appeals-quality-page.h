/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-quality-page.h: answer quality per body, as ranked by the server.
 */
#pragma once

#include <adwaita.h>

#include "appeals-alerts-view.h"
#include "appeals-content-view.h"
#include "appeals-line-report-view.h"
#include "appeals-statistical-report-view.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_QUALITY_PAGE (appeals_quality_page_get_type ())

G_DECLARE_FINAL_TYPE (AppealsQualityPage, appeals_quality_page, APPEALS, QUALITY_PAGE, AdwBin)

void appeals_quality_page_reload (AppealsQualityPage *self);
void appeals_quality_page_clear  (AppealsQualityPage *self);
guint appeals_quality_page_get_n_bodies (AppealsQualityPage *self);
AppealsLineReportView *appeals_quality_page_get_line_report (AppealsQualityPage *self);
AppealsStatisticalReportView *appeals_quality_page_get_statistical_report (AppealsQualityPage *self);
AppealsAlertsView *appeals_quality_page_get_alerts (AppealsQualityPage *self);
AppealsContentView *appeals_quality_page_get_content (AppealsQualityPage *self);
GtkWindow *appeals_quality_page_show_note_dialog (AppealsQualityPage *self);
void appeals_quality_page_write_note (AppealsQualityPage *self,
                                      int                 year,
                                      int                 half,
                                      const char         *language,
                                      const char         *path);

G_END_DECLS
