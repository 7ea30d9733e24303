/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-statistical-records.c: the statistical report counted in SQL.
 *
 * The layout's rows become conditional sums of one query grouped by the
 * breakdown's column (indexed with the registration date, migrations
 * 0012 and 0019), so the database returns a line per district, body or
 * kind and nothing else. Every value of a filter is a bound parameter.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-report-sql.h"
#include "appeals-scope.h"
#include "appeals-statistical-records.h"

#define CONSIDERED_SQL APPEALS_CONSIDERED_SQL

/* Appends the condition of @row's filter ("1 = 1" for all) to @sql and
 * its values to @params. */
static void
add_condition (GString                *sql,
               GVariantBuilder        *params,
               AppealsStatisticalRow  *row,
               const char             *today)
{
  g_string_append (sql, "1 = 1");
  if (row->channel != NULL)
    {
      g_string_append (sql, " AND a.channel = ?");
      g_variant_builder_add (params, "s", row->channel);
    }
  if (row->kind != NULL)
    {
      g_string_append (sql, " AND a.kind = ?");
      g_variant_builder_add (params, "s", row->kind);
    }
  if (row->outcome != NULL)
    {
      g_string_append (sql, " AND " APPEALS_OUTCOME_SQL " = ?");
      g_variant_builder_add (params, "s", row->outcome);
    }
  if (row->considered)
    g_string_append (sql, " AND " CONSIDERED_SQL);
  if (row->overdue)
    {
      g_string_append (sql, " AND " APPEALS_OVERDUE_SQL);
      g_variant_builder_add (params, "s", today);
    }
  if (row->repeat)
    g_string_append (sql, " AND a.repeat = 1");
  if (row->control)
    g_string_append (sql, " AND a.control = 1");
}

/* The columns every report of @breakdown has, counted or not: the
 * classifier's codes (only the caller's district for a district-bound
 * user), or the kinds of appeal. */
static void
add_known_columns (AppealsRequest           *request,
                   AppealsStatisticalReport *report,
                   const char               *district)
{
  if (g_str_equal (report->breakdown, APPEALS_STATISTICAL_BY_KIND))
    {
      g_autoptr(GEnumClass) kinds = g_type_class_ref (APPEALS_TYPE_KIND);

      for (guint i = 0; i < kinds->n_values; i++)
        if (kinds->values[i].value != APPEALS_KIND_UNSET)
          appeals_statistical_report_add_column (report, appeals_enum_to_wire (APPEALS_TYPE_KIND, kinds->values[i].value));
      return;
    }
  if (district != NULL && g_str_equal (report->breakdown, APPEALS_STATISTICAL_BY_DISTRICT))
    {
      appeals_statistical_report_add_column (report, district);
      return;
    }

  {
    AppealsClassifier *classifier = appeals_server_get_classifier (
      request->server, g_str_equal (report->breakdown, APPEALS_STATISTICAL_BY_DISTRICT)
                         ? APPEALS_CLASSIFIER_DISTRICTS : APPEALS_CLASSIFIER_ADDRESSEE_BODIES);

    for (guint i = 0; i < appeals_classifier_get_n_items (classifier); i++)
      appeals_statistical_report_add_column (report, appeals_classifier_get_item (classifier, i)->code);
  }
}

static guint
find_column (AppealsStatisticalReport *report,
             const char               *key)
{
  for (guint c = 0; c < report->columns->len; c++)
    if (g_str_equal (g_ptr_array_index (report->columns, c), key))
      return c;
  /* a code the classifier no longer lists still counts */
  return appeals_statistical_report_add_column (report, key);
}

/**
 * appeals_statistical_records_count:
 * @breakdown: one of appeals_statistical_report_get_breakdowns()
 *
 * Returns: (transfer full): the statistical report of the appeals
 *   registered from @from to @to (inclusive) in the caller's scope
 */
AppealsStatisticalReport *
appeals_statistical_records_count (AppealsRequest  *request,
                                   const GDate     *from,
                                   const GDate     *to,
                                   const char      *breakdown,
                                   GError         **error)
{
  g_autoptr(AppealsStatisticalReport) report = appeals_statistical_report_new_default (error);
  g_autoptr(AppealsDbResult) result = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT a.");
  g_autofree char *from_text = appeals_date_format_iso (from);
  g_autofree char *to_text = appeals_date_format_iso (to);
  g_autofree char *today = NULL;
  const char *district = appeals_api_scope_district (request);
  GVariantBuilder params;
  GDate today_date;

  if (report == NULL)
    return NULL;
  report->from = *from;
  report->to = *to;
  report->breakdown = g_strdup (breakdown);
  report->district = g_strdup (district);
  appeals_server_get_today (&today_date);
  today = appeals_date_format_iso (&today_date);

  /* the breakdown is one of three known column names, never the caller's text */
  g_string_append (sql, g_str_equal (breakdown, APPEALS_STATISTICAL_BY_KIND) ? "kind"
                        : g_str_equal (breakdown, APPEALS_STATISTICAL_BY_ADDRESSEE_BODY) ? "addressee_body"
                        : "district");
  g_string_append (sql, " AS key");
  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  for (guint r = 0; r < report->rows->len; r++)
    {
      g_string_append_printf (sql, ", SUM (CASE WHEN ");
      add_condition (sql, &params, g_ptr_array_index (report->rows, r), today);
      g_string_append_printf (sql, " THEN 1 ELSE 0 END) AS r%u", r);
    }
  g_string_append (sql, " FROM appeals a WHERE a.registration_date BETWEEN ? AND ? AND (? = 1 OR a.district = ?) "
                        "GROUP BY 1");
  g_variant_builder_add (&params, "s", from_text);
  g_variant_builder_add (&params, "s", to_text);
  g_variant_builder_add (&params, "x", (gint64) (district == NULL));
  g_variant_builder_add (&params, "s", district != NULL ? district : "");

  result = appeals_db_query (request->db, sql->str, g_variant_builder_end (&params), error);
  if (result == NULL)
    return NULL;

  add_known_columns (request, report, district);
  for (guint i = 0; i < appeals_db_result_get_n_rows (result); i++)
    {
      guint column = find_column (report, appeals_db_result_get_string (result, i, "key"));

      for (guint r = 0; r < report->rows->len; r++)
        {
          AppealsStatisticalRow *row = g_ptr_array_index (report->rows, r);
          g_autofree char *name = g_strdup_printf ("r%u", r);
          gint64 n = appeals_db_result_get_int64 (result, i, name);

          g_array_index (row->cells, gint64, column) = n;
          row->total += n;
        }
    }
  return g_steal_pointer (&report);
}
