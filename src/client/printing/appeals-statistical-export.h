/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-statistical-export.h: the statistical report as a table of the
 * user's language — row labels from its layout, column names from the
 * classifiers — and its files: CSV, XLSX and PDF (A4 landscape), with
 * the line report's writers.
 */
#pragma once

#include "appeals-report-export.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_STATISTICAL_CSV,
  APPEALS_STATISTICAL_XLSX,
  APPEALS_STATISTICAL_PDF,
} AppealsStatisticalFormat;

AppealsReportTable *appeals_statistical_report_build_table (AppealsStatisticalReport  *report,
                                                            AppealsReferenceService   *reference);
char               *appeals_statistical_report_subtitle    (AppealsStatisticalReport  *report,
                                                            AppealsReferenceService   *reference);
gboolean            appeals_statistical_report_write       (AppealsStatisticalReport  *report,
                                                            AppealsReferenceService   *reference,
                                                            AppealsStatisticalFormat   format,
                                                            const char                *path,
                                                            GError                   **error);

G_END_DECLS
