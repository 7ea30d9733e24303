/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-report-export.h: the line report's tables as the user reads
 * them — translated titles, row labels from the classifiers — and their
 * export as CSV (UTF-8 with a BOM, as Excel expects) and XLSX (one sheet
 * per table, real number cells, headers and column widths).
 */
#pragma once

#include "appeals-reference-service.h"

G_BEGIN_DECLS

/* One table of the report: a ranking, or the bodies' timeliness. */
#define APPEALS_REPORT_TIMELINESS "timeliness"

const char *appeals_report_table_title   (const char              *table);
const char *appeals_report_row_label     (AppealsReferenceService *reference,
                                          const char              *dimension,
                                          const char              *key);
char       *appeals_report_period_text   (const GDate             *from,
                                          const GDate             *to);
GStrv       appeals_report_list_tables   (AppealsReport           *report);
GPtrArray  *appeals_report_table_text    (AppealsReport           *report,
                                          AppealsReferenceService *reference,
                                          const char              *table,
                                          char                   **title);

gboolean    appeals_report_write_csv     (AppealsReport           *report,
                                          AppealsReferenceService *reference,
                                          const char              *table,
                                          const char              *path,
                                          GError                 **error);
gboolean    appeals_report_write_csv_all (AppealsReport           *report,
                                          AppealsReferenceService *reference,
                                          const char              *directory,
                                          const char              *prefix,
                                          GError                 **error);
gboolean    appeals_report_write_xlsx    (AppealsReport           *report,
                                          AppealsReferenceService *reference,
                                          const char              *path,
                                          GError                 **error);

G_END_DECLS
