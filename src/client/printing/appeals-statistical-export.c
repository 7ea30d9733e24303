/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-statistical-export.c: the statistical report's table and its
 * files. The table is what the page shows: a row per row of the layout
 * (parts indented), a column per district, body or kind, then the total.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-report-print.h"
#include "appeals-statistical-export.h"
#include "appeals-print.h"

/**
 * appeals_statistical_report_subtitle:
 *
 * Returns: (transfer full): "01.01.2026 – 30.06.2026 · by district ·
 *   Rudny" — the period, the breakdown and the caller's district if any
 */
char *
appeals_statistical_report_subtitle (AppealsStatisticalReport *report,
                                     AppealsReferenceService  *reference)
{
  g_autofree char *period = appeals_report_period_text (&report->from, &report->to);
  const char *breakdown = g_str_equal (report->breakdown, APPEALS_STATISTICAL_BY_KIND)
                            ? _("by kind of appeal")
                            : g_str_equal (report->breakdown, APPEALS_STATISTICAL_BY_ADDRESSEE_BODY)
                                ? _("by addressee body") : _("by district and city");

  if (report->district != NULL)
    return g_strdup_printf ("%s · %s · %s", period, breakdown,
                            appeals_report_row_label (reference, APPEALS_REPORT_DISTRICT, report->district));
  return g_strdup_printf ("%s · %s", period, breakdown);
}

/**
 * appeals_statistical_report_build_table:
 *
 * Returns: (transfer full): the report as a table in the user's language
 */
AppealsReportTable *
appeals_statistical_report_build_table (AppealsStatisticalReport *report,
                                        AppealsReferenceService  *reference)
{
  const char *language = appeals_ui_language ();
  const char *title = appeals_statistical_report_get_title (report, language);
  g_autofree char *subtitle = appeals_statistical_report_subtitle (report, reference);
  g_autofree char *full_title = g_strdup_printf ("%s, %s", title, subtitle);
  AppealsReportTable *table = appeals_report_table_new (full_title, title);

  /* TRANSLATORS: the first column of the statistical report: its rows */
  appeals_report_table_add_column (table, _("Indicator"), FALSE);
  for (guint c = 0; c < report->columns->len; c++)
    appeals_report_table_add_column (table, appeals_report_row_label (reference, report->breakdown,
                                                                      g_ptr_array_index (report->columns, c)), TRUE);
  appeals_report_table_add_column (table, _("Total"), TRUE);
  for (guint r = 0; r < report->rows->len; r++)
    {
      AppealsStatisticalRow *row = g_ptr_array_index (report->rows, r);
      /* a part of the row above is indented, in every format */
      g_autofree char *label = g_strdup_printf ("%s%s", row->level > 0 ? "    " : "",
                                                appeals_statistical_row_get_label (row, language));

      appeals_report_table_add_row (table, label);
      for (guint c = 0; c < row->cells->len; c++)
        appeals_report_table_add_count (table, g_array_index (row->cells, gint64, c));
      appeals_report_table_add_count (table, row->total);
    }
  return table;
}

static gboolean
write_pdf (AppealsStatisticalReport  *report,
           AppealsReferenceService   *reference,
           AppealsReportTable        *table,
           const char                *path,
           GError                   **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  g_autofree char *subtitle = appeals_statistical_report_subtitle (report, reference);
  g_autoptr(AppealsReportPrint) print = NULL;

  g_ptr_array_add (tables, table);
  print = appeals_report_print_new_for_tables (appeals_statistical_report_get_title (report, appeals_ui_language ()),
                                               subtitle, tables);
  return appeals_print_export_pdf (GTK_PRINT_OPERATION (print), path, NULL, error);
}

/**
 * appeals_statistical_report_write:
 *
 * Writes the report to @path as CSV (UTF-8 with a BOM), XLSX (one sheet,
 * number cells) or PDF (A4 landscape), in the user's language.
 */
gboolean
appeals_statistical_report_write (AppealsStatisticalReport  *report,
                                  AppealsReferenceService   *reference,
                                  AppealsStatisticalFormat   format,
                                  const char                *path,
                                  GError                   **error)
{
  g_autoptr(AppealsReportTable) table = appeals_statistical_report_build_table (report, reference);

  switch (format)
    {
    case APPEALS_STATISTICAL_CSV:
      return appeals_report_table_write_csv (table, path, error);
    case APPEALS_STATISTICAL_XLSX:
      {
        g_autoptr(GPtrArray) tables = g_ptr_array_new ();

        g_ptr_array_add (tables, table);
        return appeals_report_tables_write_xlsx (tables, path, error);
      }
    case APPEALS_STATISTICAL_PDF:
    default:
      return write_pdf (report, reference, table, path, error);
    }
}
