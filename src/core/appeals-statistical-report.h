/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-statistical-report.h: the statistical report on appeals — its
 * layout read from data/reports/statistical-report.json (rows, each a
 * filter on the appeals of the period, labelled in Kazakh and Russian),
 * and the counted report the server answers and the desk reads: a cell
 * per row and column of a breakdown (districts, bodies or kinds).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The breakdowns of the report's columns. */
#define APPEALS_STATISTICAL_BY_DISTRICT      "district"
#define APPEALS_STATISTICAL_BY_ADDRESSEE_BODY "addressee_body"
#define APPEALS_STATISTICAL_BY_KIND          "kind"

typedef struct
{
  char     *id;
  int       level;          /* 0: a heading row, 1: a part of the one above */
  char     *kk, *ru;        /* the label */
  /* the filter: every member given must hold */
  char     *channel;        /* wire value of AppealsChannel, or NULL */
  char     *kind;           /* wire value of AppealsKind, or NULL */
  char     *outcome;        /* one of appeals_report_get_outcomes (), or NULL */
  gboolean  considered;
  gboolean  overdue;
  gboolean  repeat;
  gboolean  control;
  /* the counts: one per column, then the row's total */
  GArray   *cells;          /* gint64 */
  gint64    total;
} AppealsStatisticalRow;

typedef struct
{
  GDate      from, to;
  char      *breakdown;     /* APPEALS_STATISTICAL_BY_* */
  char      *district;      /* the caller's scope; NULL: the whole region */
  char      *title_kk, *title_ru;
  GPtrArray *columns;       /* char *: the breakdown's codes */
  GPtrArray *rows;          /* AppealsStatisticalRow */
} AppealsStatisticalReport;

const char * const       *appeals_statistical_report_get_breakdowns (void);
AppealsStatisticalReport *appeals_statistical_report_new_layout     (JsonNode                 *node,
                                                                     const char               *origin,
                                                                     GError                  **error);
AppealsStatisticalReport *appeals_statistical_report_new_default    (GError                  **error);
AppealsStatisticalReport *appeals_statistical_report_new_from_json  (JsonNode                 *node,
                                                                     GError                  **error);
void                      appeals_statistical_report_free           (AppealsStatisticalReport *report);
guint                     appeals_statistical_report_add_column     (AppealsStatisticalReport *report,
                                                                     const char               *key);
JsonNode                 *appeals_statistical_report_to_json        (AppealsStatisticalReport *report);
const char               *appeals_statistical_report_get_title      (AppealsStatisticalReport *report,
                                                                     const char               *language);
char                     *appeals_statistical_report_get_filter     (AppealsStatisticalReport *report,
                                                                     guint                     row,
                                                                     guint                     column);
const char               *appeals_statistical_row_get_label         (AppealsStatisticalRow    *row,
                                                                     const char               *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsStatisticalReport, appeals_statistical_report_free)

G_END_DECLS
