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

/* A table of any report, for the same writers. */
typedef struct _AppealsReportTable AppealsReportTable;

AppealsReportTable *appeals_report_table_new          (const char          *title,
                                                       const char          *sheet);
void                appeals_report_table_free         (AppealsReportTable  *table);
void                appeals_report_table_add_column   (AppealsReportTable  *table,
                                                       const char          *header,
                                                       gboolean             counts);
void                appeals_report_table_add_row      (AppealsReportTable  *table,
                                                       const char          *label);
void                appeals_report_table_add_count    (AppealsReportTable  *table,
                                                       gint64               count);
const char         *appeals_report_table_get_title    (AppealsReportTable  *table);
GPtrArray          *appeals_report_table_get_text     (AppealsReportTable  *table);
gboolean            appeals_report_table_write_csv    (AppealsReportTable  *table,
                                                       const char          *path,
                                                       GError             **error);
gboolean            appeals_report_tables_write_xlsx  (GPtrArray           *sheets,
                                                       const char          *path,
                                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsReportTable, appeals_report_table_free)

G_END_DECLS
